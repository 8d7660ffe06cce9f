"""The section tree as a QAbstractItemModel over the domain's sections.

Built once at start-up. The report's root is the invisible root, so the two
parts (2024 review, 2025 plan) are the top nodes. Each index carries the
section's document position as its internal id. Sections can be checked for
printing: a parent's check state is derived from its children.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ...report.model import Document, Section

Index = QModelIndex | QPersistentModelIndex


class SectionTreeModel(QAbstractItemModel):
    checkedChanged = Signal()

    def __init__(self, doc: Document, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._by_pos: list[Section] = sorted(doc.sections.values(), key=lambda s: s.position)
        self._row: dict[str, int] = {}
        for s in self._by_pos:
            for row, cid in enumerate(s.children):
                self._row[cid] = row
        self._checked: set[str] = set()  # leaves checked for printing
        self.checkable = True
        self.bookmarks: set[str] = set()  # the reader's bookmarked sections, marked in the tree
        self.bookmark_icon: Any = None  # set with the bookmarks (a QIcon drawn by the notes feature)
        self.bookmark_word = ""  # said after the heading to a screen reader

    # Structure ------------------------------------------------------------------------------

    def section(self, index: Index) -> Section:
        if not index.isValid():
            return self.doc.root
        return self._by_pos[index.internalId()]

    def index_of(self, sid: str) -> QModelIndex:
        section = self.doc.sections.get(sid)
        if section is None or section.parent is None:
            return QModelIndex()
        return self.createIndex(self._row[sid], 0, section.position)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        children = self.section(parent).children
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, self.doc.sections[children[row]].position)

    # Qt's item models overload QObject.parent() with parent(index); the stubs cannot say both.
    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        section = self.section(index)
        return self.index_of(section.parent) if section.parent else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        return len(self.section(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    # Data -----------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        section = self.section(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return section.heading
        if role == Qt.ItemDataRole.ToolTipRole:
            return section.heading
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{section.heading}, {self.bookmark_word}" if section.id in self.bookmarks else section.heading
        if role == Qt.ItemDataRole.DecorationRole and section.id in self.bookmarks:
            return self.bookmark_icon
        if role == Qt.ItemDataRole.UserRole:
            return section.id
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable:
            return self.check_state(section.id)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.checkable:
            f |= Qt.ItemFlag.ItemIsUserCheckable
        return f

    def set_bookmarks(self, sids: set[str]) -> None:
        changed = self.bookmarks ^ sids
        self.bookmarks = set(sids)
        for sid in changed:
            index = self.index_of(sid)
            if index.isValid():
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    # Checking for print ---------------------------------------------------------------------

    def _leaves(self, sid: str) -> list[str]:
        s = self.doc.sections[sid]
        if not s.children:
            return [sid]
        return [leaf for c in s.children for leaf in self._leaves(c)]

    def check_state(self, sid: str) -> Qt.CheckState:
        leaves = self._leaves(sid)
        n = sum(1 for leaf in leaves if leaf in self._checked)
        if n == 0:
            return Qt.CheckState.Unchecked
        return Qt.CheckState.Checked if n == len(leaves) else Qt.CheckState.PartiallyChecked

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        state = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
        self.set_checked(self.section(index).id, state == Qt.CheckState.Checked)
        return True

    def set_checked(self, sid: str, checked: bool) -> None:
        leaves = set(self._leaves(sid))
        if checked:
            self._checked |= leaves
        else:
            self._checked -= leaves
        self._emit_all_changed()

    def set_checkable(self, on: bool) -> None:
        """Show or hide the boxes; what is checked is kept."""
        self.checkable = on
        self._emit_all_changed()

    def set_all_checked(self, checked: bool) -> None:
        self._checked = set(self._leaves(self.doc.root.id)) if checked else set()
        self._emit_all_changed()

    def checked_sections(self) -> list[str]:
        """The fewest sections that cover what is checked, in document order."""
        out: list[str] = []

        def walk(sid: str) -> None:
            state = self.check_state(sid)
            if state == Qt.CheckState.Checked:
                out.append(sid)
            elif state == Qt.CheckState.PartiallyChecked:
                for c in self.doc.sections[sid].children:
                    walk(c)

        if self.check_state(self.doc.root.id) == Qt.CheckState.Checked:
            return [self.doc.root.id]  # everything: print the whole report, its title lines included
        for top in self.doc.root.children:
            walk(top)
        return out

    def _emit_all_changed(self) -> None:
        # Parents' states are derived, so every row may change; the tree is small.
        def walk(parent: QModelIndex) -> None:
            rows = self.rowCount(parent)
            if rows:
                self.dataChanged.emit(
                    self.index(0, 0, parent), self.index(rows - 1, 0, parent), [Qt.ItemDataRole.CheckStateRole]
                )
                for r in range(rows):
                    walk(self.index(r, 0, parent))

        walk(QModelIndex())
        self.checkedChanged.emit()
