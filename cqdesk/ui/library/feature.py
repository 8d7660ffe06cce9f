"""The library's part of a window: the Library tab (built when first shown), File › Import (the importer
loaded when first used) and the search across the other reports. It talks to the window through signals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from . import Shelf

if TYPE_CHECKING:
    from ...notes.store import NotesStore
    from ..search.panel import SearchPanel
    from .importer import Importer
    from .panel import LibraryPanel


class LibraryFeature(QObject):
    reportRequested = Signal(str)  # open a report of the library (its id)
    reportRemoved = Signal(str)  # taken out of the library: its window closes
    reportBeside = Signal(str)  # open it beside this window, each on half the screen
    reportSection = Signal(str, str, object)  # open a report at a section, its terms marked
    compareRequested = Signal(str)  # compare this window's report with that one, year over year
    message = Signal(str)

    def __init__(
        self, shelf: Shelf, current: str, notes: NotesStore, tabs: QTabWidget, search: SearchPanel, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.shelf, self.current, self.notes, self.tabs, self.window = shelf, current, notes, tabs, parent
        self._panel: LibraryPanel | None = None
        self._importer: Importer | None = None
        self.tab = QWidget(tabs)  # the panel goes in when the tab is first shown: start-up builds none of it
        self.tab.setObjectName("libraryTab")
        QVBoxLayout(self.tab).setContentsMargins(0, 0, 0, 0)
        tabs.addTab(self.tab, "")
        tabs.currentChanged.connect(lambda _: self.panel if tabs.currentWidget() is self.tab else None)
        search.library_search = lambda: [(e.id, e.shown_name, e.path) for e in shelf.library().entries()
                                         if e.id != current]  # fmt: skip
        search.foreignResultOpened.connect(self.reportSection)

    def wire_actions(self, import_file: QAction, import_clipboard: QAction, show: QAction) -> None:
        import_file.triggered.connect(lambda: self.importer.from_file())
        import_clipboard.triggered.connect(lambda: self.importer.from_clipboard())
        show.triggered.connect(self.show)

    @property
    def panel(self) -> LibraryPanel:
        if self._panel is None:
            from .panel import LibraryPanel

            self._panel = LibraryPanel(self.shelf, self.current, self.notes, self.tab)
            layout = self.tab.layout()
            assert layout is not None
            layout.addWidget(self._panel)
            self._panel.show()  # made after its tab was shown: a new child stays hidden until told (it lists on show)
            self._panel.importRequested.connect(lambda: self.importer.from_file())
            self._panel.openRequested.connect(self.reportRequested)
            self._panel.sideBySideRequested.connect(self.reportBeside)
            self._panel.compareRequested.connect(self.compareRequested)
            self._panel.removed.connect(self.reportRemoved)
            self._panel.message.connect(self.message)
        return self._panel

    @property
    def importer(self) -> Importer:
        if self._importer is None:
            from .importer import Importer

            self._importer = Importer(self.shelf, self.window)
            self._importer.message.connect(self.message)
            self._importer.imported.connect(self._on_imported)
        return self._importer

    def show(self) -> None:
        self.tabs.setCurrentWidget(self.tab)
        self.panel.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_imported(self, rid: str) -> None:
        if self._panel is not None:
            self._panel.refresh()
            self._panel.select(rid)
        self.reportRequested.emit(rid)  # the new report opens in its own window

    def retranslate(self) -> None:
        if self._panel is not None:
            self._panel.retranslate()
