"""Compare Years as a feature of a window: Go › Compare Years… and the Library tab's More menu open one
window (made when first asked for) with this window's report on one side. It talks to the window through
signals: a quote opens a report at a section, a term or a count opens the search in a report."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ..library import Shelf

if TYPE_CHECKING:
    from .window import CompareYearsWindow


class YearsFeature(QObject):
    sectionRequested = Signal(str, str, object)  # a report's id, a section id, the text to mark
    searchRequested = Signal(str, str)  # a report's id, a term
    message = Signal(str)

    def __init__(self, shelf: Shelf, current: str, language: Callable[[], str], parent: QWidget) -> None:
        super().__init__(parent)
        self.shelf, self.current, self.language, self.parent_widget = shelf, current, language, parent
        self._window: CompareYearsWindow | None = None

    def wire_action(self, action: QAction) -> None:
        action.triggered.connect(lambda: self.show())

    @property
    def window(self) -> CompareYearsWindow:
        if self._window is None:
            from .window import CompareYearsWindow

            self._window = CompareYearsWindow(self.shelf, self.language, self.parent_widget)
            self._window.sectionRequested.connect(self.sectionRequested)
            self._window.searchRequested.connect(self.searchRequested)
            self._window.message.connect(self.message)
        return self._window

    def show(self, other: str = "") -> None:
        """The window, this report beside ``other`` (or beside the report of its region a year before)."""
        window = self.window
        window.refresh(other, self.current) if other else window.refresh("", self.current)
        window.show()
        window.raise_()
        window.activateWindow()

    def retranslate(self) -> None:
        if self._window is not None:
            self._window.retranslate()
