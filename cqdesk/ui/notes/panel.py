"""The My Notes tab: bookmarks, highlights and notes in document order, filtered by text and colour.

A list model over the controller's ordered annotations: filtering is a pass over precomputed folded
texts and one model reset, and every row has the same height, so 10,000 rows filter within a frame.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QListView, QVBoxLayout, QWidget

from ...notes.exchange import citation
from ...notes.model import COLORS, Annotation
from ...report.normalize import fold
from .controller import NotesController

ID_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


def color_names() -> dict[str, str]:
    return {
        "yellow": QCoreApplication.translate("Notes", "Yellow"),
        "green": QCoreApplication.translate("Notes", "Green"),
        "blue": QCoreApplication.translate("Notes", "Blue"),
        "pink": QCoreApplication.translate("Notes", "Pink"),
    }


class _Row:
    __slots__ = ("a", "folded", "text")

    def __init__(self, a: Annotation, text: str) -> None:
        self.a = a
        self.text = text
        self.folded = fold(text)


class NotesListModel(QAbstractListModel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.rows: list[_Row] = []
        self.shown: list[_Row] = []
        self.icons: dict[str, QIcon] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        # Called for every row as the view lays out: kept to one comparison (a list has no child rows).
        return len(self.shown) if parent.row() < 0 else 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.shown):
            return None
        row = self.shown[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.a.note or row.a.exact or None
        if role == Qt.ItemDataRole.DecorationRole:
            return self.icons.get(row.a.color or row.a.kind)
        if role == ID_ROLE:
            return row.a.id
        return None

    def show(self, rows: list[_Row]) -> None:
        self.beginResetModel()
        self.shown = rows
        self.endResetModel()


class NotesPanel(QWidget):
    opened = Signal(str, str)  # section id, the passage to show marked ("" for the section)
    editRequested = Signal(str)  # annotation id

    LINES = 3  # the citation, the quoted passage, the note's first line: one height for every row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes: NotesController | None = None  # set_notes() gives it; the tab exists before the store opens
        self._stale = True  # the rows are built when the tab is first shown, and again after a change
        self.setObjectName("notesPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        row = QHBoxLayout()
        self.filter = QLineEdit(self)
        self.filter.setObjectName("notesFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.apply_filter)
        self.kind = QComboBox(self)
        self.kind.setObjectName("notesKind")
        self.kind.currentIndexChanged.connect(self.apply_filter)
        row.addWidget(self.filter, 1)
        row.addWidget(self.kind)
        layout.addLayout(row)
        self.model = NotesListModel(self)
        self.list = QListView(self)
        self.list.setObjectName("notesList")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        # Lay out long lists a batch at a time between events: a keystroke in the filter answers at once.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(300)
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setAlternatingRowColors(True)
        self.list.activated.connect(self._open)
        self.list.installEventFilter(self)
        layout.addWidget(self.list, 1)
        self.retranslate()

    def set_notes(self, notes: NotesController, icons: dict[str, QIcon]) -> None:
        self.notes = notes
        self.model.icons = icons
        notes.changed.connect(self.mark_stale)
        self.mark_stale()

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter my notes"))
        self.filter.setAccessibleName(self.tr("Filter my notes"))
        self.kind.setAccessibleName(self.tr("Show"))
        current = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("All"), "")
        self.kind.addItem(self.tr("Bookmarks"), "bookmark")
        self.kind.addItem(self.tr("Notes"), "note")
        for key, name in color_names().items():
            self.kind.addItem(name, key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.kind.blockSignals(False)
        self.list.setAccessibleName(self.tr("My bookmarks, highlights and notes"))
        self.mark_stale()

    # Rows -----------------------------------------------------------------------------------

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Build the rows again (after a change), keeping the filter and, where it still exists, the current row."""
        if self.notes is None:
            return
        self._stale = False
        doc = self.notes.document
        where_of: dict[str, str] = {}
        missing = self.tr("not found in this text")
        bookmark = self.tr("Bookmark")
        rows = []
        for a in self.notes.items():
            where = where_of.get(a.section_id)
            if where is None:
                where = where_of[a.section_id] = citation(doc, a.section_id).split("》", 1)[-1]
            first = where if self.notes.is_placed(a) else f"{where} ({missing})"
            if a.kind == "bookmark":
                first = f"{bookmark} · {first}"
            lines = [first]
            if a.exact:
                lines.append(f"「{a.exact}」")
            if a.note:
                lines.append(a.note.replace("\n", " ")[:200])
            lines += [""] * (self.LINES - len(lines))  # every row as tall as the tallest
            rows.append(_Row(a, "\n".join(lines[: self.LINES])))
        self.model.rows = rows
        self.apply_filter()

    def apply_filter(self) -> None:
        if self._stale and self.notes is not None and self.isVisible():
            self.refresh()
            return
        current = self.current_id()
        wanted = fold(self.filter.text()).split()
        shown = self.kind.currentData() or ""
        rows = [
            r
            for r in self.model.rows
            if (not shown or _matches_kind(r.a, shown)) and all(w in r.folded for w in wanted)
        ]
        self.model.show(rows)
        if current:
            for n, r in enumerate(rows):
                if r.a.id == current:
                    self.list.setCurrentIndex(self.model.index(n))
                    break

    def count(self) -> int:
        return self.model.rowCount()

    def row_text(self, row: int) -> str:
        return str(self.model.data(self.model.index(row), Qt.ItemDataRole.DisplayRole))

    def _open(self, index: QModelIndex) -> None:
        a = self.notes.get(str(index.data(ID_ROLE))) if self.notes else None
        if a is not None:
            self.opened.emit(a.section_id, a.exact)

    def current_id(self) -> str:
        index = self.list.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else ""

    def eventFilter(self, watched: object, event: object) -> bool:
        if watched is self.list and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.current_id() and self.notes:
                row = self.list.currentIndex().row()
                self.notes.remove(self.current_id())
                if self.count():
                    self.list.setCurrentIndex(self.model.index(min(row, self.count() - 1)))
                return True
            if event.key() == Qt.Key.Key_F2 and self.current_id():
                self.editRequested.emit(self.current_id())
                return True
        return False


def _matches_kind(a: Annotation, shown: str) -> bool:
    if shown in COLORS:
        return a.color == shown
    if shown == "note":
        return bool(a.note)
    return a.kind == shown
