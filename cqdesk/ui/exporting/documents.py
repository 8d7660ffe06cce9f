"""Writing an export: the format from the file's extension unless given, the same atomic write as PDF.

Markdown, HTML, text and Word come from the domain (cqdesk.report.export, docx_export); OpenDocument is
Qt's own QTextDocumentWriter over the print renderer's document.
"""

from __future__ import annotations

import io
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ...report.atomic import write_atomic
from ...report.compare import comparison_of, subject_of
from ...report.export import FORMATS, to_html, to_markdown, to_text
from ...report.model import Document
from ...report.render import PageMark
from ..printing.pdf import ExportError as ExportError  # one error and one target check for every export
from ..printing.pdf import check_target

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

    from ...report.related import Link


@dataclass(frozen=True)
class Exported:
    path: Path
    format: str
    size: int
    seconds: float


def format_of(path: Path, given: str | None = None) -> str:
    fmt = given or path.suffix.lower().lstrip(".")
    fmt = {"markdown": "md", "htm": "html", "text": "txt"}.get(fmt, fmt)
    if fmt not in FORMATS:
        raise ExportError(f"{path}: say which format ({', '.join(FORMATS)}), or end the name with one of them")
    return fmt


def render(
    doc: Document,
    sids: list[str],
    fmt: str,
    marks: Mapping[str, list[PageMark]] | None = None,
    links: Sequence[Link] = (),
) -> bytes:
    """The file's bytes. A comparison page (compare:<id>) keeps its two columns in HTML (as on paper and in
    PDF); the other formats take its section: Qt's OpenDocument writer drops text set in table cells, and
    Markdown, text and this Word export have no columns."""
    if fmt == "html" and comparison_of(doc, sids, links) is not None:
        return to_html(doc, sids, links=links).encode("utf-8")
    sids = [subject_of(s) or s for s in sids]
    if fmt == "md":
        return to_markdown(doc, sids, marks).encode("utf-8")
    if fmt == "txt":
        return to_text(doc, sids, marks).encode("utf-8")
    if fmt == "html":
        return to_html(doc, sids, marks=marks).encode("utf-8")
    if fmt == "docx":
        from ...report.docx_export import to_docx

        return to_docx(doc, sids, marks)
    return _odt(doc, sids, marks)


def export_document(
    doc: Document,
    sids: list[str],
    path: Path,
    fmt: str | None = None,
    marks: Mapping[str, list[PageMark]] | None = None,
    links: Sequence[Link] = (),
) -> Exported:
    path = check_target(Path(path))
    fmt = format_of(path, fmt)
    start = time.perf_counter()
    try:
        data = render(doc, sids, fmt, marks, links)
        write_atomic(path, data)
    except OSError as exc:
        reason = "no space left on the disk" if exc.errno == 28 else (exc.strerror or str(exc))
        raise ExportError(f"{path}: {reason}") from None
    except RuntimeError as exc:  # a missing optional library
        raise ExportError(str(exc)) from None
    return Exported(path, fmt, len(data), time.perf_counter() - start)


def _odt(doc: Document, sids: list[str], marks: Mapping[str, list[PageMark]] | None) -> bytes:
    """OpenDocument Text through Qt's own writer, from the same HTML the printer lays out."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QTextDocument, QTextDocumentWriter

    text = QTextDocument()
    text.setHtml(to_html(doc, sids, marks=marks, web=False))
    _fix_heading_sizes(text)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QTextDocumentWriter(buffer, QByteArray(b"odf"))
    if not writer.write(text):
        raise OSError(5, "Qt could not write the OpenDocument file")
    buffer.close()
    headings = []
    block = text.begin()
    while block.isValid():
        if 0 < block.blockFormat().headingLevel() < 6:  # h6 is the renderer's breadcrumb line, not a heading
            headings.append((block.text(), block.blockFormat().headingLevel()))
        block = block.next()
    return _outline_headings(bytes(data.data()), headings)


BASE_POINTS = 11.0
# Qt's rich text sizes by keyword (small … xx-large) as an adjustment its writer drops: give point sizes.
ADJUSTED_POINTS = {-2: 0.7, -1: 0.85, 1: 1.2, 2: 1.5, 3: 2.0, 4: 2.4}


def _fix_heading_sizes(text: QTextDocument) -> None:
    """Headings bold, and every keyword-sized run (the renderer's x-large headings, the cover's title, small
    print) at its point size: the screen and the printer scale keywords, Qt's OpenDocument writer drops them."""
    from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextFormat

    block = text.begin()
    while block.isValid():
        heading = 0 < block.blockFormat().headingLevel() < 6
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            adjust = fragment.charFormat().intProperty(QTextFormat.Property.FontSizeAdjustment)
            if adjust in ADJUSTED_POINTS or heading:
                fmt = QTextCharFormat()
                fmt.setFontPointSize(BASE_POINTS * ADJUSTED_POINTS.get(adjust, 1.4))
                if heading:
                    fmt.setFontWeight(QFont.Weight.Bold)
                cursor = QTextCursor(text)
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)
            it += 1
        block = block.next()


def _outline_headings(odt: bytes, headings: list[tuple[str, int]]) -> bytes:
    """Qt's writer leaves headings as plain paragraphs; make them text:h with their outline level, so
    LibreOffice's navigator and Word's navigation pane show the outline. Paragraphs are matched to the
    document's heading blocks in order, by their text. And give every text style its Asian properties."""
    import zipfile

    from lxml import etree

    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    style_ns = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    fo_ns = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    source = zipfile.ZipFile(io.BytesIO(odt))
    root = etree.fromstring(source.read("content.xml"))
    # Qt writes only the Western font properties; word processors format Chinese with the Asian ones, so
    # without them every heading and bold figure of the report would come out plain.
    for props in root.iter(f"{{{style_ns}}}text-properties"):
        for name in ("font-size", "font-weight", "font-style"):
            value = props.get(f"{{{fo_ns}}}{name}")
            if value is not None:
                props.set(f"{{{style_ns}}}{name}-asian", value)
                props.set(f"{{{style_ns}}}{name}-complex", value)
    wanted = iter(headings)
    current = next(wanted, None)
    for p in root.iter(f"{{{text_ns}}}p"):
        if current is None:
            break
        if "".join(p.itertext()) == current[0]:
            p.tag = f"{{{text_ns}}}h"
            p.set(f"{{{text_ns}}}outline-level", str(current[1]))
            current = next(wanted, None)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():  # mimetype first and stored, as ODF requires
            body = (
                etree.tostring(root, xml_declaration=True, encoding="UTF-8")
                if info.filename == "content.xml"
                else source.read(info)
            )
            target.writestr(info, body, compress_type=info.compress_type)
    return out.getvalue()
