"""The search box and its results, grouped by the part of the report they belong to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from ...notes.search import PART as NOTES_PART
from ...notes.search import NoteHit
from ...report.normalize import MAX_TERMS, fold, query_terms, too_many_terms
from ...report.search import SearchHit
from ...report.store import Report
from ..qt import core_application
from .results import HitRole, ResultDelegate

LIBRARY_PART = "library:"  # a result's part when it is in another report of the library: library:<its id>

if TYPE_CHECKING:
    from .worker import SearchService

DEBOUNCE_MS = 150


def announce(widget: QWidget, text: str) -> None:
    """Have screen readers speak ``text`` now (Qt 6.8+), as they do a web page's live region: the search
    status changes while the reader's focus stays in the search box."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent  # their ~400 enum members: not at start-up

    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


class SearchPanel(QWidget):
    """Searches as you type after a short pause; opening a result emits ``resultOpened``."""

    resultOpened = Signal(str, object, int)
    cleared = Signal()
    resultsShown = Signal(bool)
    hitsChanged = Signal(int)  # the number of results of the shown query (0: none, or no query)
    foreignResultOpened = Signal(str, str, object)  # a result in another report: its id, the section, the terms

    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self._service: SearchService | None = None  # started on the first search, not at start-up
        self.query = ""
        self.hits: list[SearchHit] = []
        self.current = -1  # index into self.hits of the open result
        self._open_first_when_ready = False
        # The reader's notes, searched beside the report when the box below asks (the notes feature sets it).
        self.notes_search: Callable[[list[str]], list[NoteHit]] | None = None
        self.report_hits = 0  # self.hits holds the report's results, then the notes'
        self.passages: dict[int, str] = {}  # result index -> the highlighted passage a note hit opens at
        # The library's other reports, searched beside this one when the box below asks (the window sets it):
        # a function listing them (id, name, database), called when a search starts, never at start-up.
        self.library_search: Callable[[], list[tuple[str, str, Path]]] | None = None
        self.foreign: dict[int, str] = {}  # result index -> the report it is in, for the other reports' hits
        self.report_names: dict[str, str] = {}
        self.notes_from = 0  # the first result index of the notes' hits

        self.box = QLineEdit(self)
        self.box.setClearButtonEnabled(True)
        self.box.setObjectName("searchBox")
        self.include_notes = QCheckBox(self)
        self.include_notes.setObjectName("searchNotes")
        self.include_notes.hide()  # shown once there are notes to search
        self.include_notes.toggled.connect(self._notes_toggled)
        self.include_library = QCheckBox(self)
        self.include_library.setObjectName("searchLibrary")
        self.include_library.hide()  # shown once the library holds another report
        self.include_library.toggled.connect(self._notes_toggled)  # the same: search again
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # the query is user text, never markup
        self.model = QStandardItemModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("searchResults")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.delegate = ResultDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setUniformRowHeights(False)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setRootIsDecorated(False)
        self.view.setIndentation(8)
        self.view.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.box)
        layout.addWidget(self.include_notes)
        layout.addWidget(self.include_library)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self.status.hide()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._submit)
        self.box.textChanged.connect(self._on_text_changed)
        self.box.returnPressed.connect(self._on_return)
        self.box.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)
        # Arrowing through the results shows each one, as arrowing through the contents tree does.
        self.view.selectionModel().currentChanged.connect(self._on_current_result)
        self.retranslate()

    def retranslate(self) -> None:
        self.box.setPlaceholderText(self.tr("Search the report (Ctrl+F)"))
        self.box.setAccessibleName(self.tr("Search"))
        self.view.setAccessibleName(self.tr("Search results"))
        # Its name is its text ("3 sections, 10 hits"): a fixed name would hide the count from screen readers.
        self.status.setAccessibleDescription(self.tr("Search status"))
        self.include_notes.setText(self.tr("Search my notes too"))
        self.include_library.setText(self.tr("Search every report in the library"))
        if self.query:
            self._show_status()
            self._fill()

    @property
    def service(self) -> SearchService:
        if self._service is None:
            from .worker import SearchService

            self._service = SearchService(self.report.path, self)
            self._service.results.connect(self._on_results)
            core_application().aboutToQuit.connect(self._service.shutdown)  # never a running thread at exit
        return self._service

    def shutdown(self) -> None:
        if self._service is not None:
            self._service.shutdown()

    # Typing ---------------------------------------------------------------------------------

    def _on_text_changed(self, text: str) -> None:
        if not query_terms(text):
            self._timer.stop()
            if self._service is not None:
                self._service.cancel()
            self._reset()
            return
        self._timer.start()

    def _submit(self) -> None:
        others: list[tuple[str, Path]] = []
        if self.library_search is not None:
            listed = self.library_search()
            self.report_names = {rid: name for rid, name, _ in listed}
            self.include_library.setVisible(bool(listed))
            if self.include_library.isChecked():
                others = [(rid, path) for rid, _, path in listed]
        self.service.submit(self.box.text(), others)

    def run_now(self) -> None:
        """Search at once (Enter, or a caller that cannot wait for the pause)."""
        self._timer.stop()
        if query_terms(self.box.text()):
            self._submit()

    def _on_return(self) -> None:
        if self._timer.isActive() or (self.box.text() != self.query and query_terms(self.box.text())):
            self._open_first_when_ready = True  # the answer to what the box holds is still coming
            self.run_now()
        elif self.hits:
            self.open_result(self.display_order()[0])  # the first result as the list shows it

    def _reset(self) -> None:
        self.query, self.hits, self.current = "", [], -1
        self.model.clear()
        self.view.hide()
        self.status.hide()
        self.resultsShown.emit(False)
        self.hitsChanged.emit(0)
        self.cleared.emit()

    def clear(self) -> None:
        self.box.clear()
        self._reset()

    # Results --------------------------------------------------------------------------------

    def _on_results(self, query: str, hits: list[SearchHit], others: list[tuple[str, SearchHit]] | None = None) -> None:
        if query != self.box.text():
            return  # the box changed since; a newer answer is coming
        self.query, self.hits, self.current = query, list(hits), -1
        self.report_hits = len(hits)
        self.passages = {}
        self.foreign = {}
        for rid, hit in others or []:
            self.foreign[len(self.hits)] = rid
            self.hits.append(replace(hit, part=f"{LIBRARY_PART}{rid}"))
        self.notes_from = len(self.hits)
        if self.notes_search is not None and self.include_notes.isChecked():
            for n, found in enumerate(self.notes_search(self.report.index.terms(query)), self.notes_from):
                self.hits.append(found.hit)
                self.passages[n] = found.passage
        self._fill()
        self._show_status()
        self.hitsChanged.emit(len(hits))
        if self._open_first_when_ready and hits:
            self.open_result(self.display_order()[0])
        self._open_first_when_ready = False

    def _show_status(self) -> None:
        if not self.hits:
            self.status.setText(self.tr("No matches for “%1”.").replace("%1", self.query.strip()[:60]))
        else:
            total = sum(h.hits for h in self.hits[: self.report_hits])
            sections = self.tr("%n section(s)", "", self.report_hits)
            hits = self.tr("%n hit(s)", "", total)
            text = self.tr("%1, %2").replace("%1", sections).replace("%2", hits)
            if not self.report_hits:
                text = self.tr("No matches in this report")
            if self.foreign:
                text += " · " + self.tr("%n in other reports", "", len(self.foreign))
            if len(self.hits) > self.notes_from:
                text += " · " + self.tr("%n of my notes", "", len(self.hits) - self.notes_from)
            self.status.setText(text)
        if too_many_terms(self.query):
            more = self.tr("Only the first %1 words are searched.").replace("%1", str(MAX_TERMS))
            self.status.setText(f"{self.status.text()} {more}")
        self.status.show()
        announce(self.status, self.status.text())

    def part_label(self, part: str) -> str:
        if part.startswith(LIBRARY_PART):
            rid = part.removeprefix(LIBRARY_PART)
            return self.report_names.get(rid, rid)
        if part == "report":
            return self.report.document.title
        if part == NOTES_PART:
            return self.tr("My notes")
        return self.report.section(part).title

    def _fill(self) -> None:
        # Rebuilding the list (a new answer, a new language) moves its current row: that opens nothing.
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        try:
            self._fill_model()
        finally:
            selection.blockSignals(False)
        self.view.expandAll()
        self.view.setVisible(bool(self.hits))
        self.resultsShown.emit(bool(self.hits))

    def _fill_model(self) -> None:
        self.model.clear()
        groups: dict[str, QStandardItem] = {}
        order = {"report": 0, "review": 1, "plan": 2, NOTES_PART: 4}

        def place(p: tuple[int, SearchHit]) -> tuple[float, int]:  # this report's parts, the others', the notes
            return (3.5 if p[0] in self.foreign else order.get(p[1].part, 3), p[0])

        for i, hit in sorted(enumerate(self.hits), key=place):
            group = groups.get(hit.part)
            if group is None:
                group = QStandardItem(self.part_label(hit.part))
                group.setSelectable(False)
                group.setEnabled(False)  # arrow keys move from result to result, past the headings
                font = group.font()
                font.setBold(True)
                group.setFont(font)
                groups[hit.part] = group
                self.model.appendRow(group)
            item = QStandardItem()
            item.setData(hit, HitRole)
            item.setData(i, Qt.ItemDataRole.UserRole)
            item.setData(f"{hit.title}: {hit.snippet}", Qt.ItemDataRole.AccessibleTextRole)
            item.setToolTip(" › ".join(hit.path))
            group.appendRow(item)
        for group in groups.values():
            group.setText(f"{group.text()}  ({group.rowCount()})")

    def _item_index(self, i: int) -> QModelIndex:
        for g in range(self.model.rowCount()):
            group = self.model.item(g)
            for r in range(group.rowCount()):
                if group.child(r).data(Qt.ItemDataRole.UserRole) == i:
                    return group.child(r).index()
        return QModelIndex()

    def _on_activated(self, index: QModelIndex) -> None:
        i = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(i, int):
            self.open_result(i)

    def _on_current_result(self, index: QModelIndex, _previous: QModelIndex) -> None:
        i = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(i, int) and i != self.current:
            self.open_result(i)

    def display_order(self) -> list[int]:
        """Result indexes in the order the list shows them (grouped by part)."""
        out = []
        for g in range(self.model.rowCount()):
            group = self.model.item(g)
            out += [group.child(r).data(Qt.ItemDataRole.UserRole) for r in range(group.rowCount())]
        return out

    def open_result(self, i: int, hit: int = 1) -> None:
        if not 0 <= i < len(self.hits):
            return
        if i in self.foreign:  # another report's: its window opens at the section
            self.foreignResultOpened.emit(self.foreign[i], *self._target(i))
            return
        self.current = i
        self.view.setCurrentIndex(self._item_index(i))
        self.resultOpened.emit(*self._target(i), hit)

    def _target(self, i: int) -> tuple[str, list[str]]:
        """A result's section and what to mark in it: the query's terms, or a note's passage."""
        if i >= self.notes_from:
            passage = self.passages.get(i, "")
            return self.hits[i].id, [fold(passage)] if passage else []
        return self.hits[i].id, self.report.index.terms(self.query)

    def result_at(self, pos: QPoint) -> tuple[str, list[str]] | None:
        """The result under a point of the list's viewport (for opening it in a new tab), if any."""
        i = self.view.indexAt(pos).data(Qt.ItemDataRole.UserRole)
        ours = isinstance(i, int) and 0 <= i < len(self.hits) and i not in self.foreign
        return self._target(i) if ours else None

    def step_result(self, forward: bool) -> bool:
        """Open the next (previous) result in list order; False when there is none."""
        order = [i for i in self.display_order() if i not in self.foreign]  # F3 stays in this report
        if not order:
            return False
        if self.current not in order:
            self.open_result(order[0] if forward else order[-1], 1 if forward else -1)
            return True
        pos = order.index(self.current) + (1 if forward else -1)
        if not 0 <= pos < len(order):
            pos = 0 if forward else len(order) - 1  # wrap around, like find-in-page
        self.open_result(order[pos], 1 if forward else -1)
        return True

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.view.scheduleDelayedItemsLayout()  # row heights depend on the width (wrapped snippets)
        if obj is self.box and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Down and self.hits:
                self.view.setFocus()
                self.view.setCurrentIndex(self._item_index(self.display_order()[0]))
                return True
        return super().eventFilter(obj, event)

    def enable_notes(self, search: Callable[[list[str]], list[NoteHit]], any_notes: bool) -> None:
        """Offer "Search my notes too" while the reader has notes (it stays out of the way until then)."""
        self.notes_search = search
        self.include_notes.setVisible(any_notes)

    def _notes_toggled(self) -> None:
        if self.query:
            self.run_now()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
