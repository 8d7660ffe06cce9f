"""The detail pane: renders the selected section with the domain's HTML renderer."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QPoint, QUrl, Signal
from PySide6.QtGui import QContextMenuEvent, QCursor, QFontMetricsF, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from ...report.compare import COMPARE_LABELS, compare, page_id
from ...report.normalize import fold
from ...report.render import (
    BODY_LINE_HEIGHT,
    LINK_SCHEME,
    MARK_SCHEME,
    SPEAKING,
    SPEAKING_GROUND,
    PageMark,
    RelatedNote,
    render_compare,
    render_section,
)
from ...report.store import Report
from ..fonts import register_fonts
from ..palette import page_palette

BASE_POINT_SIZE = 12.0
MEASURE_EM = 38  # the longest line, in Chinese characters: a wide window centres a column, as good readers do
MIN_MARGIN = 18.0
# One Chinese font for the whole page, Latin and digits included: a figure like 7.3% then has the same
# line metrics as the Chinese beside it (a Latin fallback font sat 4 px higher in table rows). The bundled
# subset of Noto Sans CJK SC holds every character of the report and the interface, is the font paper uses
# too, and costs 8 MB less memory than the system's full CJK font; the system's fonts are the fallback.
PAGE_FONTS = ["cqdesk Sans SC", "Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC"]
ZOOM_STEP = 1.1


class DetailPane(QTextBrowser):
    """Shows one section (its subsections included); marks search hits and steps through them."""

    sectionRequested = Signal(str)
    passageRequested = Signal(str, str)  # section id, a passage of it to open at and mark
    hitChanged = Signal(int, int)
    annotationClicked = Signal(str)  # a click on one of the reader's highlights or note markers
    menuRequested = Signal(QMenu, str)  # the context menu about to show, and the annotation under the pointer
    sectionShown = Signal(str)  # another section came onto the page

    PASSAGE_CONTEXT = 24  # characters of the page kept on each side of a selection, to tell repeats apart

    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.section_id = report.document.root.id
        self.terms: list[str] = []
        self.current_hit = 0
        self.hit_count = 0
        self.zoom = 0
        self.comparing = False  # the page shows the section beside its other year (a comparison page)
        self.language = "zh_CN"  # the interface's, for the words around a comparison
        self._speaking: tuple[str | None, PageMark | None] = (None, None)  # the sentence read aloud
        self.scale = 1.0  # large print's factor, on top of the zoom
        self.line_height = BODY_LINE_HEIGHT
        self.setOpenLinks(False)  # we follow internal links ourselves and nothing else
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self.highlighted.connect(self._on_hover)
        # The reader's highlights and notes by section; the notes feature sets it, the page only draws them.
        self.marks_provider: Callable[[list[str]], Mapping[str, list[PageMark]]] = lambda sids: {}
        self._notes_shown: dict[str, str] = {}  # annotation id -> note text, for the tooltip
        self.setObjectName("detailPane")
        self.document().setDocumentMargin(MIN_MARGIN)
        register_fonts()  # the page's first font is the bundled one
        font = self.document().defaultFont()
        font.setFamilies(PAGE_FONTS)
        self.document().setDefaultFont(font)

    # Showing --------------------------------------------------------------------------------

    @property
    def page_id(self) -> str:
        """What the page shows: a section id, or compare:<id> for a comparison."""
        return page_id(self.section_id) if self.comparing else self.section_id

    def show_section(self, sid: str, terms: list[str] | None = None, hit: int = 1, compare: bool = False) -> None:
        changed = sid != self.section_id or compare != self.comparing
        self.section_id = sid
        self.comparing = compare
        self.terms = list(terms or [])
        self.current_hit = hit if self.terms else 0
        self._render()
        if self.hit_count:
            wanted = self.hit_count + 1 + hit if hit < 0 else hit  # -1 is the last hit
            self.current_hit = min(max(1, wanted), self.hit_count)
            if self.current_hit != hit:
                self._render()
            self.scrollToAnchor(f"hit-{self.current_hit}")
        else:
            self.verticalScrollBar().setValue(0)
        self.hitChanged.emit(self.current_hit, self.hit_count)
        if changed:
            self.sectionShown.emit(sid)

    def show_speaking(self, sid: str | None, start: int = -1, end: int = -1) -> None:
        """Mark the sentence being read aloud (``start``..``end`` of section ``sid``'s own text) and bring it into
        view; None takes the mark away."""
        speaking = PageMark(start, end, SPEAKING) if sid is not None and start >= 0 else None
        if (sid, speaking) == self._speaking and sid is not None:
            return
        had = self._speaking[1] is not None
        self._speaking = (sid, speaking)
        if speaking is None and not had:
            return
        self._render()
        if speaking is not None:
            self._scroll_to_speaking()

    def redraw(self) -> None:
        """Draw the same section again where it is (the reader's marks changed)."""
        self._render()

    def clear_highlights(self) -> None:
        self.show_section(self.section_id)

    def _render(self) -> None:
        scroll = self.verticalScrollBar().value()
        if self.comparing:
            self._notes_shown = {}
            rendered = render_compare(
                self.report.document,
                compare(self.report.document, self.report.related, self.section_id),
                COMPARE_LABELS.get(self.language, COMPARE_LABELS["en"]),
                page_palette(self.palette()),
                line_height=self.line_height,
            )
            self.hit_count = rendered.hit_count
            self.setHtml(rendered.html)
            self._apply_zoom()
            self.verticalScrollBar().setValue(scroll)
            return
        rendered = render_section(
            self.report.document,
            self.section_id,
            page_palette(self.palette()),
            self.terms,
            self.current_hit or None,
            related=self._related_note(),
            marks=(marks := self._with_speaking(self.marks_provider(self.shown_sections()))),
            line_height=self.line_height,
        )
        self._notes_shown = {m.id: m.note for ms in marks.values() for m in ms if m.note}
        self.hit_count = rendered.hit_count
        self.setHtml(rendered.html)
        self._apply_zoom()
        self.verticalScrollBar().setValue(scroll)

    def _with_speaking(self, marks: Mapping[str, list[PageMark]]) -> Mapping[str, list[PageMark]]:
        sid, speaking = self._speaking
        if sid is None or speaking is None:
            return marks
        return {**marks, sid: [*marks.get(sid, []), speaking]}  # last: over the reader's own marks

    def _scroll_to_speaking(self) -> None:
        """Scroll only as far as needed: the marked sentence a third of the way down when it is out of view."""
        doc = self.document()
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.charFormat().background().color().name() == SPEAKING_GROUND:
                    cursor = QTextCursor(doc)
                    cursor.setPosition(fragment.position())
                    rect = self.cursorRect(cursor)
                    view = self.viewport().rect()
                    if rect.top() < 0 or rect.bottom() > view.bottom():
                        bar = self.verticalScrollBar()
                        bar.setValue(bar.value() + rect.top() - view.height() // 3)
                    return
                it += 1
            block = block.next()

    def _related_note(self) -> RelatedNote | None:
        sid = self.section_id
        kind = self.report.section(sid).kind
        if kind not in ("task", "item", "area"):
            return None  # only tasks, items and areas are linked; the rest never loads the links
        links = [(k.target, k.shared) for k in self.report.related if k.source == sid]
        links += [(k.source, k.shared) for k in self.report.related if k.target == sid]
        title = self.tr("Carried on in 2025") if sid.startswith("review/") else self.tr("Continues from 2024")
        if not links:
            if kind != "task":
                return None
            why = self.tr(
                "No 2025 item or area shares enough of this task's own wording to be linked; "
                "the 2025 work is under 2025年政府工作 › 聚力抓好8个方面工作."
            )
            return RelatedNote(title, self.tr("shared: "), [], why)
        return RelatedNote(title, self.tr("shared: "), links)

    def loadResource(self, type: int, name: QUrl | str) -> object:
        return None  # never load anything: no images, no remote resources

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == MARK_SCHEME:
            self.annotationClicked.emit(url.path())
            return
        if url.scheme() != LINK_SCHEME or url.path() not in self.report.document.sections:
            return
        passage = url.fragment(QUrl.ComponentFormattingOption.FullyDecoded)
        if passage:
            self.passageRequested.emit(url.path(), passage)
        else:
            self.sectionRequested.emit(url.path())

    def section_link_at(self, pos: QPoint) -> tuple[str, list[str]] | None:
        """The section a link under a point of the viewport leads to (for opening it in a new tab)."""
        url = QUrl(self.anchorAt(pos))
        if url.scheme() != LINK_SCHEME or url.path() not in self.report.document.sections:
            return None
        passage = url.fragment(QUrl.ComponentFormattingOption.FullyDecoded)
        return url.path(), [fold(passage)] if passage else []

    def _on_hover(self, url: QUrl) -> None:
        """A note's text, as written (never as rich text), when the pointer rests on its mark."""
        note = self._notes_shown.get(url.path()) if url.scheme() == MARK_SCHEME else None
        if note:
            tip = note if len(note) <= 600 else note[:600] + "…"
            QToolTip.showText(
                QCursor.pos(), f"<p style='white-space:pre-wrap'>{html.escape(tip, quote=False)}</p>", self
            )
        else:
            QToolTip.hideText()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        anchor = QUrl(self.anchorAt(event.pos()))
        self.menuRequested.emit(menu, anchor.path() if anchor.scheme() == MARK_SCHEME else "")
        menu.exec(event.globalPos())
        menu.deleteLater()

    def shown_sections(self) -> list[str]:
        """The section on the page and every section inside it, in document order (both sides' sections on a
        comparison page)."""
        doc = self.report.document
        tops = [self.section_id]
        if self.comparing:
            pair = compare(doc, self.report.related, self.section_id)
            tops = pair.review + pair.plan
        out, todo = [], list(reversed(tops))
        while todo:
            sid = todo.pop()
            out.append(sid)
            todo.extend(reversed(doc.sections[sid].children))
        return out

    def selected_passage(self) -> tuple[str, str, str] | None:
        """The selected text with a little of the page on each side, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        exact = cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n")
        doc = self.document()
        n = self.PASSAGE_CONTEXT

        def around(start: int, end: int) -> str:
            c = QTextCursor(doc)
            c.setPosition(max(0, start))
            c.setPosition(max(0, min(end, doc.characterCount() - 1)), QTextCursor.MoveMode.KeepAnchor)
            return c.selectedText().replace("\u2029", "\n")

        return (
            exact,
            around(cursor.selectionStart() - n, cursor.selectionStart()),
            around(cursor.selectionEnd(), cursor.selectionEnd() + n),
        )

    def selection_place(self) -> tuple[str, int] | None:
        """Where the selection begins: its section and the offset in that section's own text."""
        passage = self.selected_passage()
        if passage is None:
            return None
        from ...notes.anchor import find_passage

        where = find_passage(self.report.document, self.shown_sections(), *passage)
        return (where.section_id, where.start) if where is not None else None

    # Hits -----------------------------------------------------------------------------------

    def go_to_hit(self, number: int) -> bool:
        """Make hit ``number`` current; False if the section has no such hit."""
        if not 1 <= number <= self.hit_count:
            return False
        self.current_hit = number
        self._render()
        self.scrollToAnchor(f"hit-{number}")
        self.hitChanged.emit(self.current_hit, self.hit_count)
        return True

    # Zoom -----------------------------------------------------------------------------------

    def set_zoom(self, level: int) -> None:
        self.zoom = max(-6, min(12, level))
        self._apply_zoom()

    def set_large_print(self, scale: float, line_height: str) -> None:
        """Large print: every size times ``scale`` and lines ``line_height`` apart (1.0 and the body's
        own for normal print); the reader's zoom stays as it was, on top."""
        if (scale, line_height) == (self.scale, self.line_height):
            return
        self.scale, self.line_height = scale, line_height
        self._render()

    def _apply_zoom(self) -> None:
        font = self.document().defaultFont()
        font.setFamilies(PAGE_FONTS)
        font.setPointSizeF(BASE_POINT_SIZE * self.scale * ZOOM_STEP**self.zoom)
        self.document().setDefaultFont(font)
        self._apply_measure()

    def _apply_measure(self) -> None:
        """Side margins that keep lines to MEASURE_EM characters, the column centred in the pane."""
        document = self.document()
        measure = MEASURE_EM * (2 if self.comparing else 1)  # a comparison: two columns of a full line each
        column = measure * QFontMetricsF(document.defaultFont()).horizontalAdvance("中")
        side = max(MIN_MARGIN, (self.viewport().width() - column) / 2)
        frame = document.rootFrame()
        fmt = frame.frameFormat()
        if abs(fmt.leftMargin() - side) > 0.5 or abs(fmt.rightMargin() - side) > 0.5:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            frame.setFrameFormat(fmt)

    def focusNextPrevChild(self, next: bool) -> bool:
        # QTextBrowser would walk every link of the page with Tab; Tab leaves the page instead
        # (links are the contents tree's job, and the keyboard reaches them there).
        return QWidget.focusNextPrevChild(self, next)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_measure()

    def point_size(self) -> float:
        return self.document().defaultFont().pointSizeF()

    # Copy with citation ---------------------------------------------------------------------

    def copy_with_citation(self) -> str:
        """Rich text and plain text on the clipboard (and OpenDocument and Markdown, which Qt adds): a paste
        into Word or WPS keeps headings, bold figures and ■ blocks, a paste into a plain editor gets clean
        lines with the citation.

        Qt makes the clipboard's QMimeData itself, from a text edit that is never shown. A QMimeData made in
        Python and handed to setMimeData crashed the process at exit where Qt keeps the clipboard in a global
        (offscreen, headless): Qt deleted it after Python had shut down, and its Python wrapper with it."""
        from ...report.export import clipboard_html  # copying loads the exporters, start-up does not

        selected = self.textCursor().selectedText().replace("\u2029", "\n").strip()
        carrier = QTextEdit()
        carrier.setHtml(clipboard_html(self.report.document, self.section_id, selected))
        carrier.selectAll()
        carrier.copy()
        text = carrier.toPlainText()
        carrier.deleteLater()
        return text

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The page holds translated words ("Carried on in 2025") and colours from the palette: redraw on both.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.LanguageChange):
            self._render()
        elif event.type() == QEvent.Type.FontChange:  # QTextEdit gave the page the widget's font: take ours back
            self._apply_zoom()
