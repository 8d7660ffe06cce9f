"""The chosen sections as a Word document (python-docx): it opens in Word, WPS and LibreOffice.

Headings use Word's built-in Heading styles, so the navigation pane shows the outline. Every run carries
its East Asian font explicitly (w:eastAsia): setting only the font name leaves Chinese in Word's default
font. The fonts are the ones every Chinese Windows, Office for Mac and WPS install have: 宋体 (SimSun) for
the text, as Chinese documents are set, and 黑体 (SimHei) for headings; LibreOffice maps both to the
system's Song and Hei faces (Noto Serif/Sans CJK on Linux).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from .export import NOTES_TITLE, Heading, Item, Table, citation, cover, figure_runs, notes_list, outline
from .model import Document
from .render import PageMark

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
LATIN_BODY = "Times New Roman"
LATIN_HEADING = "Arial"
KEYPOINT_FILL = "F2F2F2"
HEADING_COLOR = (0x8B, 0x1A, 0x1A)


def to_docx(doc: Document, sids: list[str], marks: Mapping[str, list[PageMark]] | None = None) -> bytes:
    w = _Writer()
    head = cover(doc, sids)
    for n, text in enumerate(head):
        w.centred(text, bold=n == 0, size=20 if n == 0 else None)
    w.items(outline(doc, sids), shift=1 if head else 0)
    w.run(w.out.add_paragraph(), citation(doc, sids), size=10)
    if notes := notes_list(doc, sids, marks):
        w.heading(1, NOTES_TITLE)
        for line in notes:
            w.run(w.out.add_paragraph(), line, size=10.5)
    return w.save(doc.title, f"{doc.speaker_role} {doc.speaker}", doc.occasion_line.lstrip("—"))


def items_docx(title: str, items: list[Item], author: str = "", language: str = "zh-CN") -> bytes:
    """Headings, lines and tables that are not a report's sections (the ledger of two reports, say), set as
    the report's own exports are; ``language`` that of the labels around the reports' Chinese."""
    w = _Writer(language)
    w.centred(title, bold=True, size=16)
    w.items(items, shift=1)
    return w.save(title, author)


class _Writer:
    def __init__(self, language: str = "zh-CN") -> None:
        try:
            import docx
            from docx.shared import Mm, Pt, RGBColor
        except ImportError:
            raise RuntimeError("Word export needs the 'python-docx' package (pip install python-docx)") from None

        self.out = out = docx.Document()
        self.language = language
        _languages(out, language)
        section = out.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)  # A4
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin = section.bottom_margin = Mm(25)
        normal = out.styles["Normal"]
        _fonts(normal.element, BODY_FONT, LATIN_BODY)
        normal.font.size = Pt(12)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.3
        for level in range(1, 10):
            style = out.styles[f"Heading {level}"]
            _fonts(style.element, HEADING_FONT, LATIN_HEADING)
            style.font.color.rgb = RGBColor(*HEADING_COLOR)
            style.font.size = Pt({1: 18, 2: 16, 3: 14}.get(level, 13))
            style.font.italic = False

    def run(self, paragraph: Any, text: str, bold: bool = False, size: float | None = None,
            heading: bool = False) -> None:  # fmt: skip
        from docx.shared import Pt

        r = paragraph.add_run(text)
        r.bold = bold or None
        if size:
            r.font.size = Pt(size)
        _fonts(r._element, HEADING_FONT if heading else BODY_FONT, LATIN_HEADING if heading else LATIN_BODY)

    def heading(self, level: int, text: str) -> None:
        # The style set by its id: python-docx's add_heading() looks the style up by name, scanning every
        # style each time (three quarters of the export's time).
        p = self.out.add_paragraph()
        p._p.get_or_add_pPr().get_or_add_pStyle().val = f"Heading{level}"
        self.run(p, text, heading=True)

    def centred(self, text: str, bold: bool = False, size: float | None = None) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        p = self.out.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.run(p, text, bold=bold, size=size)

    def items(self, items: list[Item], shift: int) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        for item in items:
            if isinstance(item, Heading):
                self.heading(min(item.level + shift, 9), item.text)
            elif isinstance(item, Table):
                table = self.out.add_table(rows=1, cols=len(item.header))
                table.style = "Table Grid"
                _repeat_header(table.rows[0])
                for cell, text in zip(table.rows[0].cells, item.header, strict=True):
                    self.run(cell.paragraphs[0], text, bold=True)
                for row in item.rows:
                    added = table.add_row()
                    _keep_whole(added)
                    cells = added.cells
                    for cell, text in zip(cells, row, strict=True):
                        for piece, bold in figure_runs(text):
                            self.run(cell.paragraphs[0], piece, bold)
                self.out.add_paragraph()
            else:
                p = self.out.add_paragraph()
                if item.kind in ("occasion", "speaker", "title"):
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                if item.kind == "keypoint":
                    _shade(p, KEYPOINT_FILL)
                for piece, bold in figure_runs(item.text):
                    self.run(p, piece, bold)

    def save(self, title: str, author: str, subject: str = "") -> bytes:
        from datetime import UTC, datetime

        core = self.out.core_properties
        core.title = title
        core.author = author
        core.subject = subject
        core.language = self.language
        core.comments = ""  # the template's says "generated by python-docx"
        core.created = core.modified = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
        core.revision = 1
        buffer = io.BytesIO()
        self.out.save(buffer)
        return buffer.getvalue()


def _languages(out: Any, language: str) -> None:
    """The document's languages: python-docx's template says en-US for Latin and East Asian text, and ja-JP for
    the theme's East Asian fonts, so Word and WPS proofed the Chinese as English and chose Japanese glyphs."""
    from docx.oxml.ns import qn

    defaults = out.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), "zh-CN")
    settings = out.settings.element
    theme = settings.find(qn("w:themeFontLang"))
    if theme is None:
        theme = settings.makeelement(qn("w:themeFontLang"), {})
        settings.append(theme)
    theme.set(qn("w:val"), language)
    theme.set(qn("w:eastAsia"), "zh-CN")


def _repeat_header(row: Any) -> None:
    """The header row repeats at the top of each page the table runs onto, and is never split."""
    _row_property(row, "w:tblHeader")
    _keep_whole(row)


def _keep_whole(row: Any) -> None:
    """A row never breaks across pages (the key figures' last row broke mid-word)."""
    _row_property(row, "w:cantSplit")


def _row_property(row: Any, name: str) -> None:
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    if trpr.find(qn(name)) is None:
        trpr.append(trpr.makeelement(qn(name), {}))


def _fonts(element: Any, east_asia: str, latin: str) -> None:
    """Set the run's (or style's) fonts: Latin, complex script and East Asian, the last one explicitly."""
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr, value in (("w:ascii", latin), ("w:hAnsi", latin), ("w:cs", latin), ("w:eastAsia", east_asia)):
        fonts.set(qn(attr), value)


def _shade(paragraph: Any, fill: str) -> None:
    """A ■ key point set apart on a light ground, as on the page."""
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    shd = ppr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill})
    ppr.append(shd)
