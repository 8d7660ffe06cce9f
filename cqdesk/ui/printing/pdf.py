"""Export chosen sections to PDF, atomically, with metadata and an outline."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QPdfWriter

from ... import __version__
from ...report.atomic import ExportError as ExportError  # one error and one target check for every export
from ...report.atomic import check_export, replacing, temporary_beside
from ...report.model import Document
from ...report.render import PageMark
from .layout import BODY_POINTS, PRINT_TEXTS, REPORT_LANGUAGE, PrintJob, PrintTexts, page_layout, paper_font

if TYPE_CHECKING:  # the related links come loaded with the report
    from ...report.related import Link

PDF_RESOLUTION = 300


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int
    size: int


def export_pdf(
    doc: Document,
    sections: list[str],
    path: Path,
    paper: str = "A4",
    orientation: str = "portrait",
    texts: PrintTexts | None = None,
    marks: Mapping[str, list[PageMark]] | None = None,
    large_print: bool = False,
    links: Sequence[Link] = (),
) -> ExportResult:
    """Write the sections to ``path``; on any failure no partial file is left and an old file is kept."""
    job = PrintJob(doc, sections, texts or PRINT_TEXTS[REPORT_LANGUAGE], marks, large_print, links)
    author = f"{doc.speaker_role} {doc.speaker}"
    return _write(path, doc.title, author, paper, orientation, job.paint,
                  lambda raw, final: _add_outline(raw, final, doc, job))  # fmt: skip


def export_html_pdf(
    page: str, title: str, path: Path, paper: str = "A4", orientation: str = "portrait"
) -> ExportResult:
    """A page that is not a report's sections (the ledger of two reports, say) as a PDF: atomically, with the
    same checks as the report's own."""
    from PySide6.QtGui import QTextDocument

    def paint(writer: QPdfWriter) -> int:
        text = QTextDocument()
        text.setDefaultFont(paper_font(BODY_POINTS))
        text.setHtml(page)
        text.print_(writer)
        return int(text.pageCount())

    metadata = {"/Title": title, "/Creator": f"cqdesk {__version__}"}
    return _write(path, title, "", paper, orientation, paint, lambda raw, final: _rewrite(raw, final, metadata))


def _write(path: Path, title: str, author: str, paper: str, orientation: str, paint: Callable[[QPdfWriter], int],
           finish: Callable[[Path, Path], None]) -> ExportResult:  # fmt: skip
    """Qt's PDF of ``paint`` written beside the target, checked complete, then ``finish``ed into the target
    (read back and described, pypdf): atomically, so a failure leaves no partial file and an old file kept."""
    path = check_export(path)
    raw: Path | None = None
    try:
        with replacing(path) as final:
            raw = temporary_beside(final)  # Qt's own PDF, before it is finished
            writer = QPdfWriter(str(raw))
            writer.setResolution(PDF_RESOLUTION)
            writer.setPageLayout(page_layout(paper, orientation))
            writer.setTitle(title)
            writer.setCreator(f"cqdesk {__version__}")
            if author:
                writer.setAuthor(author)
            pages = paint(writer)
            del writer  # closes the file
            _check_complete(raw, path)
            finish(raw, final)
            size = final.stat().st_size
        return ExportResult(path, pages, size)
    except OSError as exc:
        reason = "no space left on the disk" if exc.errno == 28 else (exc.strerror or str(exc))
        raise ExportError(f"{path}: {reason}") from None
    finally:
        if raw is not None:
            raw.unlink(missing_ok=True)


def _rewrite(source: Path, target: Path, metadata: dict[str, str], add: Callable[[Any], None] | None = None) -> None:
    """Qt's PDF read back and written to ``target`` with its metadata, what ``add`` adds (the outline), and
    what _describe says of it."""
    from pypdf import PdfWriter
    from pypdf.errors import PyPdfError

    try:
        writer = PdfWriter(clone_from=str(source))
    except PyPdfError as exc:
        raise ExportError(f"{target.name}: the PDF Qt wrote cannot be read back ({exc})") from None
    writer.add_metadata(metadata)
    if add is not None:
        add(writer)
    _describe(writer, REPORT_LANGUAGE_TAG)
    with open(target, "wb") as f:
        writer.write(f)
        f.flush()
        os.fsync(f.fileno())


REPORT_LANGUAGE_TAG = "zh-CN"  # the language of the report's text, which every page is made of


def _describe(writer: Any, language: str) -> None:
    """What Qt's writer leaves out and a reader's tools look for: the document's language (a screen reader
    chooses its voice by it), the title in the window's title bar rather than the file name, the version of
    the features used, and a subset tag on each embedded font (ISO 32000 §9.6.4: Qt embeds subsets
    untagged, so a tool cannot tell a subset from a whole font)."""
    import hashlib

    from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

    root = writer._root_object
    root[NameObject("/Lang")] = TextStringObject(language)
    root[NameObject("/ViewerPreferences")] = DictionaryObject({NameObject("/DisplayDocTitle"): BooleanObject(True)})
    writer.pdf_header = b"%PDF-1.7"
    renamed: dict[str, str] = {}
    for page in writer.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            parts = [font, *(d.get_object() for d in font.get("/DescendantFonts", []))]  # a Type0 and its CIDFont
            descriptors = [p["/FontDescriptor"].get_object() for p in parts if "/FontDescriptor" in p]
            name = str(font.get("/BaseFont", ""))
            if not name or "+" in name or not any(_embedded(d) for d in descriptors):
                continue
            if name not in renamed:
                tag = "".join(chr(65 + b % 26) for b in hashlib.sha256(name.encode()).digest()[:6])
                renamed[name] = f"/{tag}+{name.lstrip('/')}"
            for part in parts:
                part[NameObject("/BaseFont")] = NameObject(renamed[name])
            for d in descriptors:
                d[NameObject("/FontName")] = NameObject(renamed[name])


def _embedded(descriptor: Any) -> bool:
    return any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def _check_complete(raw: Path, path: Path) -> None:
    """Qt reports no write errors: a full disk leaves a PDF without its end, silently."""
    with open(raw, "rb") as f:
        f.seek(max(0, raw.stat().st_size - 64))
        tail = f.read()
    if b"%%EOF" not in tail:
        free = shutil.disk_usage(raw.parent).free
        reason = "no space left on the disk" if free < 1024 * 1024 else "the file was cut short"
        raise ExportError(f"{path}: the PDF could not be written completely ({reason})")


def _add_outline(source: Path, target: Path, doc: Document, job: PrintJob) -> None:
    def outline(writer: Any) -> None:
        parents: dict[int, Any] = {}  # pypdf's outline items
        for entry in job.outline:
            parent = parents.get(entry.depth - 1) if entry.depth > 0 else None
            parents[entry.depth] = writer.add_outline_item(title=entry.title, page_number=entry.page, parent=parent)
        writer.page_mode = "/UseOutlines"

    metadata = {"/Title": doc.title, "/Author": f"{doc.speaker_role} {doc.speaker}",
                "/Creator": f"cqdesk {__version__}", "/Subject": doc.occasion_line.lstrip("—")}  # fmt: skip
    _rewrite(source, target, metadata, outline)
