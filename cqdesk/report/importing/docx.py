"""Word (.docx) through python-docx: the body's paragraphs and the tables' cells, in order."""

from __future__ import annotations

from io import BytesIO

from . import Extracted, ImportFailed, clean


def read(data: bytes) -> Extracted:
    try:
        from docx import Document
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise ImportFailed("Word import needs python-docx") from None
    try:
        doc = Document(BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        raise ImportFailed(f"it is not a Word document that can be read ({type(exc).__name__})") from None
    paragraphs: list[str] = []
    for item in doc.iter_inner_content():
        if isinstance(item, Paragraph):
            paragraphs += [p for p in (clean(line) for line in item.text.split("\n")) if p]
        elif isinstance(item, Table):
            for row in item.rows:
                paragraphs += [t for t in (clean(c.text) for c in row.cells) if t]
    return Extracted(paragraphs, "docx")
