"""Writing an export: the format from the file's extension unless given, the same atomic write as PDF.

Every format comes from the domain (cqdesk.report.export, docx_export, odt_export), none needs Qt.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ...report.atomic import ExportError as ExportError  # one error and one target check for every export
from ...report.atomic import check_export, write_atomic
from ...report.compare import comparison_of, subject_of
from ...report.export import FORMATS, to_html, to_markdown, to_text
from ...report.model import Document
from ...report.render import PageMark

if TYPE_CHECKING:
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
    PDF); the other formats take its section: Markdown, text, Word and OpenDocument exports have no columns."""
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
    from ...report.odt_export import to_odt

    return to_odt(doc, sids, marks)


def export_document(
    doc: Document,
    sids: list[str],
    path: Path,
    fmt: str | None = None,
    marks: Mapping[str, list[PageMark]] | None = None,
    links: Sequence[Link] = (),
) -> Exported:
    path = check_export(Path(path))
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
