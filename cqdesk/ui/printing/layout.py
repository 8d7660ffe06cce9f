"""Paper: the chosen sections laid out in a QTextDocument and painted page by page.

The same HTML renderer as the screen, print-styled. Layout happens once at a
fixed 96 dpi reference (so paper does not depend on the screen's scaling) and
is scaled to the device when painted. Pages are cut by this module rather than
by QTextDocument, so that a heading never ends a page and a ■ key point is
never split, and every page gets a running header and a page footer.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextBlock,
    QTextDocument,
    QTextFrame,
    QTextTable,
)

from ...report.compare import COMPARE_LABELS, comparison_of
from ...report.model import Document
from ...report.paths import resources_dir
from ...report.render import (
    BODY_LINE_HEIGHT,
    LARGE_PRINT_LINE_HEIGHT,
    PRINT,
    PageMark,
    printable_selection,
    render_compare,
    render_cover,
    render_sections,
)
from ..fonts import register_fonts

if TYPE_CHECKING:  # the related links come loaded with the report
    from ...report.related import Link

REF_DPI = 96
FONT_FAMILY = "cqdesk Sans SC"
PAPERS = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(20, 16, 20, 16)
TABLE_SLACK = 6.0  # reference units


@dataclass(frozen=True)
class PrintTexts:
    """The words on paper around the report's own text (page numbers, the cover's list)."""

    page_of: str = "Page %1 of %2"
    included: str = "Sections included:"
    language: str = "en"


# Paper speaks the report's language (Chinese) whatever the interface's; `export-pdf --lang en` asks for English.
PRINT_TEXTS = {
    "zh_CN": PrintTexts(page_of="第 %1 页 / 共 %2 页", included="本次打印：", language="zh_CN"),
    "en": PrintTexts(),
}
REPORT_LANGUAGE = "zh_CN"


@dataclass(frozen=True)
class OutlineEntry:
    title: str
    page: int  # 0-based
    depth: int  # 0 for a printed section, 1 for its children ...


@dataclass(frozen=True)
class _TableHead:
    top: float  # the header row's span in the document
    bottom: float
    table_bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class Box:
    """What pagination sees of the laid-out document: a span that a page cut must not split."""

    top: float
    bottom: float
    keep_with_next: bool = False  # a heading: it goes to the next page with what follows it


def paginate(boxes: list[Box], body: float, room: Callable[[float], float] | None = None) -> list[float]:
    """Where each page starts. A page holds what fits in ``room(start)`` (the body, less a table header
    repeated at its top); a heading never ends a page unless it and its block cannot share one; a box
    taller than a page is cut where it must be."""
    space = room or (lambda _start: body)
    starts = [0.0]
    for i, box in enumerate(boxes):
        if box.bottom - starts[-1] <= space(starts[-1]):
            continue
        j = i
        while j > 0 and boxes[j - 1].keep_with_next and boxes[j - 1].top > starts[-1]:
            j -= 1  # a heading goes to the next page with what follows it
        cut = boxes[j].top if boxes[j].top > starts[-1] else box.top
        if box.bottom - cut > space(cut) and box.top > starts[-1]:
            cut = box.top  # heading and block do not fit one page together: keep the block whole
        if cut <= starts[-1]:
            cut = starts[-1] + space(starts[-1])  # taller than a page: no choice but to cut it
        starts.append(cut)
        while box.bottom - starts[-1] > space(starts[-1]):
            starts.append(starts[-1] + space(starts[-1]))
    return _no_widows(starts, boxes, space)


def _no_widows(starts: list[float], boxes: list[Box], space: Callable[[float], float]) -> list[float]:
    """A section's last line never stands alone at the top of a page (the report's last line on a page of its
    own): the line before it goes over with it, where the page it goes to has the room."""
    tops = {b.top: i for i, b in enumerate(boxes)}
    out = list(starts)
    for k in range(1, len(out)):
        i = tops.get(out[k])
        if i is None or i == 0:
            continue
        last_of_section = i == len(boxes) - 1 or boxes[i + 1].keep_with_next
        before = boxes[i - 1]
        if not last_of_section or before.keep_with_next or before.top <= out[k - 1]:
            continue  # not a section's last line, or the line before is a heading or opens the page before
        end = out[k + 1] if k + 1 < len(out) else boxes[-1].bottom
        if end - before.top <= space(before.top):
            out[k] = before.top
    return out


class PrintJob:
    """The chosen sections laid out for paper in a QTextDocument, cut into pages and painted."""

    def __init__(
        self,
        doc: Document,
        sections: list[str],
        texts: PrintTexts | None = None,
        marks: Mapping[str, list[PageMark]] | None = None,
        large_print: bool = False,
        links: Sequence[Link] = (),
    ) -> None:
        """``sections`` may be one comparison page (compare:<id>), laid out from ``links`` as two columns."""
        # Paper uses the bundled subset only; a system CJK font would put radicals into the PDF's text.
        if FONT_FAMILY not in register_fonts():
            raise OSError(f"the bundled font {FONT_FAMILY!r} is missing from {resources_dir() / 'fonts'}")
        self.doc = doc
        self.texts = texts or PRINT_TEXTS[REPORT_LANGUAGE]
        self.page_starts: list[float] = []
        self.outline: list[OutlineEntry] = []
        pair = comparison_of(doc, sections, links)
        self.sections = (pair.review + pair.plan) if pair else printable_selection(doc, sections) or [doc.root.id]
        self._ref = QImage(4, 4, QImage.Format.Format_RGB32)
        dots_per_metre = round(REF_DPI / 0.0254)
        self._ref.setDotsPerMeterX(dots_per_metre)
        self._ref.setDotsPerMeterY(dots_per_metre)
        self.text = QTextDocument()
        self.text.documentLayout().setPaintDevice(self._ref)
        self.text.setUseDesignMetrics(True)
        self.text.setDefaultFont(paper_font(LARGE_PRINT_POINTS if large_print else BODY_POINTS))
        self.text.setDocumentMargin(0)
        line_height = LARGE_PRINT_LINE_HEIGHT if large_print else BODY_LINE_HEIGHT
        if pair is not None:
            labels = COMPARE_LABELS[self.texts.language]
            self.text.setHtml(render_compare(doc, pair, labels, PRINT, links=False, line_height=line_height).html)
        else:
            cover = render_cover(self.doc, self.sections, self.texts.included) if len(self.sections) > 1 else ""
            self.text.setHtml(render_sections(self.doc, self.sections, PRINT, cover, marks, line_height))
        self._anchors = self._find_anchors()

    # Content ---------------------------------------------------------------------------------

    def _find_anchors(self) -> list[tuple[str, QTextBlock]]:
        """(section id, block) for every section heading in the document, in order."""
        found = []
        block = self.text.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                for name in it.fragment().charFormat().anchorNames():
                    if name.startswith("section-"):
                        found.append((name.removeprefix("section-"), block))
                it += 1
            block = block.next()
        return found

    # Layout ----------------------------------------------------------------------------------

    def geometry(self, device: QPagedPaintDevice) -> tuple[float, float, float, float]:
        """Width, header height, body height and footer height, in reference units."""
        rect = device.pageLayout().paintRect(QPageLayout.Unit.Inch)
        width, height = rect.width() * REF_DPI, rect.height() * REF_DPI
        small = QFontMetricsF(self._small_font(), self._ref).height()
        header = footer = small * 2
        return width, header, height - header - footer, footer

    def layout(self, device: QPagedPaintDevice) -> None:
        width, _, body, _ = self.geometry(device)
        self.text.setTextWidth(width)
        self.text.size()  # layout is lazy: finish it before reading line positions
        self._paragraphs = []  # (block, first line top, last line bottom) of every top-level paragraph
        for item in _top_level(self.text):
            if isinstance(item, QTextBlock) and item.layout().lineCount():
                tl = item.layout()
                last = tl.lineAt(tl.lineCount() - 1)
                self._paragraphs.append(
                    (item, tl.position().y() + tl.lineAt(0).y(), tl.position().y() + last.y() + last.height())
                )
        self._tops = [top for _, top, _ in self._paragraphs]
        self._table_heads: list[_TableHead] = []
        boxes = self.boxes()

        def room(start: float) -> float:
            head = self.head_repeated_at(start)
            return body - (head.height if head else 0.0)

        self.page_starts = paginate(boxes, body, room)
        self.outline = self._make_outline()

    def boxes(self) -> list[Box]:
        """Lines of paragraphs (breakable between) and key-point tables (kept whole), in order."""
        layout = self.text.documentLayout()
        boxes: list[Box] = []
        for frame_or_block in _top_level(self.text):
            if isinstance(frame_or_block, QTextFrame):
                r = layout.frameBoundingRect(frame_or_block)
                # Cut a little above a table: its cell background starts slightly above its frame.
                # ... and ends where its content ends: the frame's rectangle includes its bottom margin.
                bottom = r.bottom() - frame_or_block.frameFormat().bottomMargin()
                if isinstance(frame_or_block, QTextTable) and frame_or_block.rows() > 1:
                    boxes += self._row_boxes(frame_or_block, r.top() - TABLE_SLACK, bottom)
                else:  # a ■ key point: one box, never cut
                    boxes.append(Box(r.top() - TABLE_SLACK, bottom))
                continue
            block = frame_or_block
            heading = block.blockFormat().headingLevel() > 0
            text_layout = block.layout()  # positioned in document coordinates, below the block's margin
            for i in range(text_layout.lineCount()):
                line = text_layout.lineAt(i)
                top = text_layout.position().y() + line.y()
                boxes.append(Box(top, top + line.height(), keep_with_next=heading))
        return boxes

    def _row_boxes(self, table: QTextTable, top: float, bottom: float) -> list[Box]:
        """A table of several rows breaks between rows (a page is not left half empty for a long table);
        the header row stays with the first row under it."""
        layout = self.text.documentLayout()
        inset = table.format().cellPadding() + table.format().border()
        tops = [top]
        for row in range(1, table.rows()):
            cells = [table.cellAt(row, c).firstCursorPosition().block() for c in range(table.columns())]
            tops.append(min(layout.blockBoundingRect(b).top() for b in cells) - inset - TABLE_SLACK / 2)
        ends = [*tops[1:], bottom]
        self._table_heads.append(_TableHead(tops[0], ends[0], bottom))
        return [Box(t, b, keep_with_next=(row == 0)) for row, (t, b) in enumerate(zip(tops, ends, strict=True))]

    def head_repeated_at(self, y: float) -> _TableHead | None:
        """The table whose header row a page starting at ``y`` repeats (the page starts below that row)."""
        return next((h for h in self._table_heads if h.bottom <= y + 0.5 and y < h.table_bottom - 0.5), None)

    def page_of(self, y: float) -> int:
        page = 0
        for i, start in enumerate(self.page_starts):
            if start <= y + 0.5:
                page = i
        return page

    def _make_outline(self) -> list[OutlineEntry]:
        layout = self.text.documentLayout()
        entries = []
        base_depth = {s: self.doc.sections[s].depth for s in self.sections}
        top_of = {}
        for sid in self.doc.sections:
            # The printed section this one belongs to: itself or the nearest printed one above it.
            chain = self.doc.ancestors(sid, include_self=True)
            top_of[sid] = next((s.id for s in chain if s.id in base_depth), chain[-1].id)
        for sid, block in self._anchors:
            y = layout.blockBoundingRect(block).top()
            root = top_of.get(sid, sid)
            depth = self.doc.sections[sid].depth - base_depth.get(root, 0)
            entries.append(OutlineEntry(self.doc.sections[sid].heading, self.page_of(y), depth))
        return entries

    def part_title(self, page: int) -> str:
        """The top-level part the page belongs to, for the running header."""
        layout = self.text.documentLayout()
        start = self.page_starts[page]
        current = None
        for sid, block in self._anchors:
            if layout.blockBoundingRect(block).top() <= start + 1 or current is None:
                current = sid
        if current is None:
            return ""
        part = current.split("/")[0]
        return "" if part == self.doc.root.id else self.doc.sections[part].title

    # Painting --------------------------------------------------------------------------------

    @staticmethod
    def _small_font(device_dpi: float = REF_DPI) -> QFont:
        """8.5 pt in reference units: the painter is scaled from 96 dpi to the device."""
        return paper_font(8.5 * REF_DPI / device_dpi)

    def paint(self, device: QPagedPaintDevice) -> int:
        """Lay out for the device's page and paint every page; returns the page count."""
        self.layout(device)
        width, header, body, _ = self.geometry(device)
        scale = device.logicalDpiY() / REF_DPI
        painter = QPainter()
        if not painter.begin(device):
            raise OSError("cannot start painting on the printer or file")
        try:
            count = len(self.page_starts)
            ends = [*self.page_starts[1:], self.text.size().height()]
            for page, (start, end) in enumerate(zip(self.page_starts, ends, strict=True)):
                if page:
                    device.newPage()
                painter.save()
                painter.scale(scale, scale)
                self._paint_furniture(painter, page, count, width, header, body, device.logicalDpiY())
                head = self.head_repeated_at(start) if page else None
                top = header
                if head is not None:  # a table goes on: its header row again at the top of the page
                    painter.save()
                    painter.translate(0, header - head.top)
                    painter.setClipRect(QRectF(0, head.top, width, head.height))
                    self._draw_body(painter, head.top, head.bottom, width)
                    painter.restore()
                    top += head.height
                painter.translate(0, top - start)
                painter.setClipRect(QRectF(0, start, width, end - start))
                self._draw_body(painter, start, end, width)
                painter.restore()
        finally:
            painter.end()
        return len(self.page_starts)

    def _split_blocks(self, y: float) -> list[QTextBlock]:
        """Paragraphs that a page cut at ``y`` runs through (some lines above it, some below). They are in
        order down the page, so only those just above the cut can (a search, not a walk over all of them)."""
        k = bisect.bisect_left(self._tops, y - 0.5)
        near = self._paragraphs[max(0, k - 2) : k]
        return [block for block, top, bottom in near if top < y - 0.5 < y + 0.5 < bottom]

    def _draw_body(self, painter: QPainter, start: float, end: float, width: float) -> None:
        """The page's share of the document, each line on exactly one page.

        Qt's QTextLayout::draw also draws the last line above its clip (it starts from the last
        line it skipped), which puts that line's text on two pages of a PDF. So a paragraph that a
        cut runs through is left out of the normal draw and its lines on this page drawn one by one.
        """
        at_start = self._split_blocks(start)
        split = at_start + [b for b in self._split_blocks(end) if b not in at_start]
        top, bottom = start + 1, end - 1
        for block in split:
            tl = block.layout()
            last = tl.lineAt(tl.lineCount() - 1)
            block_top = tl.position().y()
            block_bottom = block_top + last.y() + last.height()
            if block_top < start:
                top = max(top, block_bottom + 1)
            if block_bottom > end:
                bottom = min(bottom, block_top - 1)
            for i in range(tl.lineCount()):
                line = tl.lineAt(i)
                line_top = block_top + line.y()
                if start - 0.5 <= line_top and line_top + line.height() <= end + 0.5:
                    line.draw(painter, tl.position())
        if bottom > top:
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.clip = QRectF(0, top, width, bottom - top)
            self.text.documentLayout().draw(painter, ctx)

    def _paint_furniture(
        self, painter: QPainter, page: int, count: int, width: float, header: float, body: float, device_dpi: float
    ) -> None:
        painter.setFont(self._small_font(device_dpi))
        painter.setPen(QColor("#333333"))
        line_h = header / 2
        painter.drawText(
            QRectF(0, 0, width * 0.6, line_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.doc.title,
        )
        painter.drawText(
            QRectF(width * 0.4, 0, width * 0.6, line_h),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            self.part_title(page),
        )
        painter.setPen(QPen(QColor("#999999"), 0.6))
        painter.drawLine(0, int(line_h + 2), int(width), int(line_h + 2))
        painter.setPen(QColor("#333333"))
        footer = self.texts.page_of.replace("%1", str(page + 1)).replace("%2", str(count))
        painter.drawText(QRectF(0, header + body + line_h * 0.5, width, line_h), Qt.AlignmentFlag.AlignHCenter, footer)


BODY_POINTS = 11.0
LARGE_PRINT_POINTS = 16.5  # large print on paper: 1.5 times the body size, as on screen


PAPER_FALLBACK = ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC")


def paper_font(points: float) -> QFont:
    """The bundled font, unhinted: hinting follows each machine's font settings, paper must not. It holds
    every character of the report; a reader's note may hold others, drawn from the system's Chinese fonts."""
    font = QFont()
    font.setFamilies([FONT_FAMILY, *PAPER_FALLBACK])
    font.setPointSizeF(points)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def _top_level(text: QTextDocument) -> list[QTextBlock | QTextFrame]:
    """The document's top-level blocks and tables (the key points), in order.

    Blocks are walked with begin()/next() and placed in tables by position:
    QTextFrame.iterator.currentFrame() loses a reference to None for every block
    in PySide6 6.12.0 (so does every void call there; see tests/ui/test_bindings.py).
    """
    spans = sorted(((f.firstPosition(), f.lastPosition(), f) for f in text.rootFrame().childFrames()),
                   key=lambda span: span[0])  # fmt: skip
    items: list[QTextBlock | QTextFrame] = []
    n = 0  # the first frame not yet behind the walk: blocks come in order, so one pass over both
    block = text.begin()
    while block.isValid():
        pos = block.position()
        while n < len(spans) and spans[n][1] < pos:
            n += 1
        if n < len(spans) and spans[n][0] <= pos:
            if not items or items[-1] is not spans[n][2]:
                items.append(spans[n][2])
        else:
            items.append(block)
        block = block.next()
    return items


def page_layout(paper: str, orientation: str) -> QPageLayout:
    return QPageLayout(
        QPageSize(PAPERS.get(paper, QPageSize.PageSizeId.A4)),
        QPageLayout.Orientation.Landscape if orientation == "landscape" else QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )
