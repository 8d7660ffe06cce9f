"""The colour theme: follow the system's light or dark scheme (Qt 6.5+ reports it), or the reader's choice."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from .palette import dark_palette

THEMES = ("system", "light", "dark")


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


class Theme(QObject):
    """Applies a theme to the application and keeps following the system while the choice is "system"."""

    changed = Signal()  # after every apply: widgets under a style sheet must be polished again

    def __init__(self, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.choice = "system"
        # The platform's own style, remembered on the application the first time (a dark theme swaps it out).
        style = app.property("cqdeskPlatformStyle")
        if not style:
            style = app.style().name()
            app.setProperty("cqdeskPlatformStyle", style)
        self._style = str(style)
        app.styleHints().colorSchemeChanged.connect(self._on_system_changed)

    def dark(self) -> bool:
        return self.choice == "dark" or (self.choice == "system" and system_is_dark())

    def apply(self, choice: str) -> None:
        self.choice = choice if choice in THEMES else "system"
        dark = self.dark()
        # The application starts in the platform's light colours: applying those again would send every widget
        # a palette change (and redraw the page) for nothing, so only a real change is applied.
        if bool(self.app.property("cqdeskDark")) == dark:
            return
        self.app.setProperty("cqdeskDark", dark)
        if dark:
            self.app.setStyle("Fusion")  # a style that draws every control from the palette
            self.app.setPalette(dark_palette())
        else:
            if self.app.style().name() != self._style:
                self.app.setStyle(self._style)
            self.app.setPalette(QPalette())  # an empty palette: the platform's own colours again
        self.changed.emit()

    def _on_system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == "system":
            self.apply("system")
