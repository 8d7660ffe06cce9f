"""The chosen sections as an OpenDocument text (odfpy): it opens in LibreOffice, WPS and Word, and pandoc reads it.

The same items as the Word export (headings, lines, tables) in a full package: styles.xml with the Heading N
styles (largest first) that LibreOffice's Navigator and pandoc take for the outline, meta.xml with title,
language and date, and every style with its Western and Asian font and language, since word processors
format Chinese by the Asian properties alone. No Qt: the command line writes it without a window system.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from .docx_export import BODY_FONT, HEADING_COLOR, HEADING_FONT, KEYPOINT_FILL, LATIN_BODY, LATIN_HEADING
from .export import NOTES_TITLE, Heading, Item, Table, citation, cover, figure_runs, notes_list, outline, text_width
from .model import Document
from .render import PageMark

HEADING_POINTS = {1: 18.0, 2: 16.0, 3: 14.0, 4: 13.0, 5: 12.5, 6: 12.0}  # each level smaller than the one above
BODY_POINTS = 12.0
TEXT_WIDTH_MM = 160  # A4 less 25 mm margins, as the Word export
CENTRED_KINDS = ("occasion", "speaker", "title")


def to_odt(doc: Document, sids: list[str], marks: Mapping[str, list[PageMark]] | None = None) -> bytes:
    w = _Writer()
    head = cover(doc, sids)
    for n, text in enumerate(head):
        w.paragraph(text, "Title" if n == 0 else "Centred")
    w.items(outline(doc, sids), shift=1 if head else 0)
    w.paragraph(citation(doc, sids), "Citation")
    if notes := notes_list(doc, sids, marks):
        w.heading(1, NOTES_TITLE)
        for line in notes:
            w.paragraph(line, "Note")
    return w.save(doc.title, f"{doc.speaker_role} {doc.speaker}", doc.occasion_line.lstrip("—"))


def items_odt(title: str, items: list[Item], author: str = "", language: str = "zh-CN") -> bytes:
    """Items that are not a report's sections (the ledger of two reports), set as the report's own exports."""
    w = _Writer(language)
    w.paragraph(title, "Title")
    w.items(items, shift=1)
    return w.save(title, author)


class _Writer:
    def __init__(self, language: str = "zh-CN") -> None:
        try:
            from odf.opendocument import OpenDocumentText
        except ImportError:
            raise RuntimeError("OpenDocument export needs the 'odfpy' package (pip install odfpy)") from None
        from odf import style

        self.language = language
        self.out = out = OpenDocumentText()
        self._tables = 0
        for name, family in ((BODY_FONT, "roman"), (HEADING_FONT, "swiss"), (LATIN_BODY, "roman"),
                             (LATIN_HEADING, "swiss")):  # fmt: skip
            out.fontfacedecls.addElement(style.FontFace(name=name, fontfamily=name, fontfamilygeneric=family))
        western, _, country = language.partition("-")
        # The labels' language for Latin text (GDP, CPI, an English label), Chinese for the report's text.
        speech = {"language": western, "country": country or "none", "languageasian": "zh", "countryasian": "CN"}
        default = style.DefaultStyle(family="paragraph")
        default.addElement(style.TextProperties(**_fonts(BODY_FONT, LATIN_BODY, BODY_POINTS), **speech))
        out.styles.addElement(default)
        self._paragraph_style("Standard", None, {}, {})
        self._paragraph_style("Text_20_body", "Standard",
                              {"marginbottom": "0.21cm", "lineheight": "130%"}, {}, "Text body")  # fmt: skip
        look = {**_fonts(HEADING_FONT, LATIN_HEADING), "color": _hex(HEADING_COLOR), **_bold(), **_upright()}
        self._paragraph_style("Heading", "Standard", {"margintop": "0.42cm", "marginbottom": "0.21cm",
                              "keepwithnext": "always"}, look)  # fmt: skip
        for level, points in HEADING_POINTS.items():
            # Colour and weight again on each level: LibreOffice keeps its own defaults for a built-in style's
            # properties the file leaves out (its Heading 3 came out grey, not the headings' red).
            heading = self._paragraph_style(f"Heading_20_{level}", "Heading", {}, {**_size(points), **look},
                                            f"Heading {level}", next_style="Text_20_body")  # fmt: skip
            heading.setAttribute("defaultoutlinelevel", str(level))
        self._paragraph_style("Title", "Standard", {"textalign": "center", "marginbottom": "0.42cm"},
                              {**_fonts(HEADING_FONT, LATIN_HEADING, 20.0), **_bold()})  # fmt: skip
        self._paragraph_style("Centred", "Text_20_body", {"textalign": "center"}, {})
        # A ■ key point on a light ground; the ground keeps to the text's width (no indent, as every other line).
        self._paragraph_style("Key_20_point", "Text_20_body", {"backgroundcolor": f"#{KEYPOINT_FILL}",
                              "padding": "0.1cm"}, {}, "Key point")  # fmt: skip
        self._paragraph_style("Muted", "Text_20_body", {}, {"color": "#555555"})
        self._paragraph_style("Citation", "Text_20_body", {"margintop": "0.42cm"}, _size(10.0))
        self._paragraph_style("Note", "Text_20_body", {}, _size(10.5))
        self._paragraph_style("Table_20_Contents", "Standard", {}, {}, "Table Contents")
        self._paragraph_style("Table_20_Heading", "Table_20_Contents", {}, _bold(), "Table Heading")
        figure = style.Style(name="Figure", family="text")
        figure.addElement(style.TextProperties(**_bold()))
        out.styles.addElement(figure)
        self._page()

    def _paragraph_style(self, name: str, parent: str | None, paragraph: dict[str, str], text: dict[str, str],
                         display: str | None = None, next_style: str | None = None) -> Any:  # fmt: skip
        from odf import style

        attrs: dict[str, str] = {"name": name, "family": "paragraph", "displayname": display or name}
        if parent:
            attrs["parentstylename"] = parent
        if next_style:
            attrs["nextstylename"] = next_style
        s = style.Style(**attrs)
        if paragraph:
            s.addElement(style.ParagraphProperties(**paragraph))
        if text:
            s.addElement(style.TextProperties(**text))
        self.out.styles.addElement(s)
        return s

    def _page(self) -> None:
        from odf import style

        layout = style.PageLayout(name="A4")
        margins = {f"margin{side}": "25mm" for side in ("top", "bottom", "left", "right")}  # as the Word export
        layout.addElement(style.PageLayoutProperties(pagewidth="210mm", pageheight="297mm", **margins))
        self.out.automaticstyles.addElement(layout)
        self.out.masterstyles.addElement(style.MasterPage(name="Standard", pagelayoutname="A4"))

    def heading(self, level: int, text: str) -> None:
        from odf import text as odftext

        h = odftext.H(outlinelevel=level, stylename=f"Heading_20_{min(level, len(HEADING_POINTS))}")
        _add_text(h, text)
        self.out.text.addElement(h)

    def paragraph(self, text: str, style_name: str = "Text_20_body", figures: bool = False) -> None:
        from odf import text as odftext

        p = odftext.P(stylename=style_name)
        self._runs(p, text, figures)
        self.out.text.addElement(p)

    def _runs(self, element: Any, text: str, figures: bool) -> None:
        from odf import text as odftext

        for piece, bold in figure_runs(text) if figures else [(text, False)]:
            if bold:
                span = odftext.Span(stylename="Figure")
                _add_text(span, piece)
                element.addElement(span)
            else:
                _add_text(element, piece)

    def items(self, items: list[Item], shift: int) -> None:
        for item in items:
            if isinstance(item, Heading):
                self.heading(item.level + shift, item.text)
            elif isinstance(item, Table):
                self.table(item)
            else:
                kind = {"keypoint": "Key_20_point", "heading": "Muted"}.get(item.kind, "Text_20_body")
                self.paragraph(item.text, "Centred" if item.kind in CENTRED_KINDS else kind, figures=True)

    def table(self, item: Table) -> None:
        from odf import style, table
        from odf import text as odftext

        self._tables += 1
        name = f"Table{self._tables}"
        tstyle = style.Style(name=name, family="table")
        tstyle.addElement(style.TableProperties(width=f"{TEXT_WIDTH_MM}mm", align="margins"))
        self.out.automaticstyles.addElement(tstyle)
        t = table.Table(name=name, stylename=name)
        for n, share in enumerate(column_shares([item.header, *item.rows])):
            cstyle = style.Style(name=f"{name}.C{n}", family="table-column")
            cstyle.addElement(style.TableColumnProperties(columnwidth=f"{TEXT_WIDTH_MM * share:.1f}mm",
                              relcolumnwidth=f"{round(share * 10000)}*"))  # fmt: skip
            self.out.automaticstyles.addElement(cstyle)
            t.addElement(table.TableColumn(stylename=cstyle))
        rstyle = style.Style(name=f"{name}.R", family="table-row")
        rstyle.addElement(style.TableRowProperties(keeptogether="always"))  # a row never breaks across pages
        cell_style = style.Style(name=f"{name}.A", family="table-cell")
        cell_style.addElement(style.TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"))
        self.out.automaticstyles.addElement(rstyle)
        self.out.automaticstyles.addElement(cell_style)

        def row(cells: list[str], head: bool) -> Any:
            r = table.TableRow(stylename=rstyle)
            for text in cells:
                c = table.TableCell(valuetype="string", stylename=cell_style)
                p = odftext.P(stylename="Table_20_Heading" if head else "Table_20_Contents")
                self._runs(p, text, figures=not head)
                c.addElement(p)
                r.addElement(c)
            return r

        header = table.TableHeaderRows()  # repeated at the top of each page the table runs onto
        header.addElement(row(item.header, True))
        t.addElement(header)
        for cells in item.rows:
            t.addElement(row(cells, False))
        self.out.text.addElement(t)

    def save(self, title: str, author: str, subject: str = "") -> bytes:
        from odf import dc, meta

        now = datetime.now(UTC).replace(microsecond=0, tzinfo=None).isoformat()
        m = self.out.meta
        m.addElement(dc.Title(text=title))
        if subject:
            m.addElement(dc.Subject(text=subject))
        m.addElement(dc.Language(text=self.language))
        if author:
            m.addElement(meta.InitialCreator(text=author))
            m.addElement(dc.Creator(text=author))
        m.addElement(meta.CreationDate(text=now))
        m.addElement(dc.Date(text=now))
        buffer = io.BytesIO()
        self.out.write(buffer)
        return buffer.getvalue()


def column_shares(rows: list[list[str]]) -> list[float]:
    """Each column's share of the table's width, by the widest text it holds (a Chinese character counting
    two), so 序号 is narrow and 项目 takes the room; a column never narrower than four characters or wider
    than forty before the shares are taken."""
    widths = [0] * max((len(r) for r in rows), default=0)
    for r in rows:
        for n, text in enumerate(r):
            widths[n] = max(widths[n], text_width(text))
    clipped = [min(max(w, 4), 40) for w in widths]
    total = sum(clipped) or 1
    return [w / total for w in clipped]


def _add_text(element: Any, text: str) -> None:
    """The text exactly: runs of spaces, tabs and line breaks as ODF's elements for them (XML would fold them)."""
    from odf import teletype

    teletype.addTextToElement(element, text)


def _fonts(asian: str, western: str, points: float | None = None) -> dict[str, str]:
    out = {"fontname": western, "fontnameasian": asian, "fontnamecomplex": western}
    return {**out, **_size(points)} if points else out


def _size(points: float) -> dict[str, str]:
    return {"fontsize": f"{points:g}pt", "fontsizeasian": f"{points:g}pt", "fontsizecomplex": f"{points:g}pt"}


def _bold() -> dict[str, str]:
    return {"fontweight": "bold", "fontweightasian": "bold", "fontweightcomplex": "bold"}


def _upright() -> dict[str, str]:
    return {"fontstyle": "normal", "fontstyleasian": "normal", "fontstylecomplex": "normal"}


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{c:02X}" for c in rgb)
