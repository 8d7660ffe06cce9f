"""The Notes tab: bookmarks, highlights and notes in document order, filtered by text and colour."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ...notes.exchange import citation
from ...notes.model import COLORS, Annotation
from ...report.normalize import fold
from .controller import NotesController

ID_ROLE = Qt.ItemDataRole.UserRole


def color_names() -> dict[str, str]:
    return {
        "yellow": QCoreApplication.translate("Notes", "Yellow"),
        "green": QCoreApplication.translate("Notes", "Green"),
        "blue": QCoreApplication.translate("Notes", "Blue"),
        "pink": QCoreApplication.translate("Notes", "Pink"),
    }


class NotesPanel(QWidget):
    opened = Signal(str, str)  # section id, the passage to show marked ("" for the section)
    editRequested = Signal(str)  # annotation id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes: NotesController | None = None  # set_notes() gives it; the tab exists before the store opens
        self.icons: dict[str, QIcon] = {}
        self.setObjectName("notesPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        row = QHBoxLayout()
        self.filter = QLineEdit(self)
        self.filter.setObjectName("notesFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.refresh)
        self.kind = QComboBox(self)
        self.kind.setObjectName("notesKind")
        self.kind.currentIndexChanged.connect(self.refresh)
        row.addWidget(self.filter, 1)
        row.addWidget(self.kind)
        layout.addLayout(row)
        self.list = QListWidget(self)
        self.list.setObjectName("notesList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._open)
        self.list.installEventFilter(self)
        layout.addWidget(self.list, 1)
        self.retranslate()

    def set_notes(self, notes: NotesController, icons: dict[str, QIcon]) -> None:
        self.notes = notes
        self.icons = icons
        notes.changed.connect(self.refresh)
        self.refresh()

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
        self.refresh()

    def refresh(self) -> None:
        if self.notes is None:
            return
        wanted = fold(self.filter.text()).split()
        shown = self.kind.currentData() or ""
        self.list.clear()
        doc = self.notes.document
        for a in self.notes.items():
            if shown and not _matches_kind(a, shown):
                continue
            where = citation(doc, a.section_id).split("》", 1)[-1]
            haystack = fold(f"{where}\n{a.exact}\n{a.note}")
            if not all(w in haystack for w in wanted):
                continue
            lines = [where if self.notes.is_placed(a) else f"{where} ({self.tr('not found in this text')})"]
            if a.kind == "bookmark":
                word = self.tr("Bookmark")
                lines[0] = f"{word} · {lines[0]}"
            if a.exact:
                lines.append(f"「{a.exact}」")
            if a.note:
                lines.append(a.note if len(a.note) <= 200 else a.note[:200] + "…")
            item = QListWidgetItem("\n".join(lines))
            item.setData(ID_ROLE, a.id)
            # Every row has a mark in front, so the rows line up: a ribbon, a note, or the highlight's colour.
            item.setData(Qt.ItemDataRole.DecorationRole, self.icons.get(a.color or a.kind))
            self.list.addItem(item)

    def _open(self, item: QListWidgetItem) -> None:
        a = self.notes.get(item.data(ID_ROLE)) if self.notes else None
        if a is not None:
            self.opened.emit(a.section_id, a.exact)

    def current_id(self) -> str:
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else ""

    def eventFilter(self, watched: object, event: object) -> bool:
        if watched is self.list and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.current_id() and self.notes:
                row = self.list.currentRow()
                self.notes.remove(self.current_id())
                self.list.setCurrentRow(min(row, self.list.count() - 1))
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
