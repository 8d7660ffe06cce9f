"""The colour theme: follow the system's light, dark or high-contrast setting, or the reader's choice."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAccessibilityHints, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from .palette import dark_palette, high_contrast_palette

THEMES = ("system", "light", "dark", "contrast")


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def accessibility_hints() -> QAccessibilityHints:
    """Qt's accessibility hints, held (with the style hints they come from) for the application's life: in
    PySide 6.11, once one of their signals is connected, letting those Python wrappers go deletes the hints."""
    app = QGuiApplication.instance()
    held = getattr(app, "_cqdesk_accessibility_hints", None)
    if held is None:
        style_hints = QGuiApplication.styleHints()
        held = (style_hints, style_hints.accessibility())
        setattr(app, "_cqdesk_accessibility_hints", held)  # noqa: B010 (an attribute of ours on Qt's object)
    return held[1]


def system_wants_contrast() -> bool:
    """Windows' high-contrast setting (and macOS' "Increase contrast"), as Qt 6.10+ reports it."""
    return accessibility_hints().contrastPreference() == Qt.ContrastPreference.HighContrast


class Theme(QObject):
    """Applies a theme to the application and keeps following the system while the choice is "system"."""

    changed = Signal()  # after every apply: widgets under a style sheet must be polished again

    def __init__(self, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.choice = "system"
        # The platform's own style, remembered on the application before a dark theme first swaps it out (not
        # here: reading it makes PySide build QStyle's types, some 6 ms of a start in the light theme).
        self._style = str(app.property("cqdeskPlatformStyle") or "")
        app.styleHints().colorSchemeChanged.connect(self._on_system_changed)
        accessibility_hints().contrastPreferenceChanged.connect(self._on_system_changed)

    def dark(self) -> bool:
        return self.choice == "dark" or (self.choice == "system" and system_is_dark())

    def look(self) -> str:
        """What is drawn: "light", "dark", "contrast" (cqdesk's high-contrast colours) or "system-contrast"
        (the system's own high-contrast colours, which the platform style already draws)."""
        if self.choice == "system" and system_wants_contrast():
            return "system-contrast"
        if self.choice == "contrast":
            return "contrast"
        return "dark" if self.dark() else "light"

    def apply(self, choice: str) -> None:
        self.choice = choice if choice in THEMES else "system"
        look = self.look()
        # The application starts in the platform's own colours: applying those again would send every widget
        # a palette change (and redraw the page) for nothing, so only a real change is applied.
        if str(self.app.property("cqdeskLook") or "light") == look:
            return
        self.app.setProperty("cqdeskLook", look)
        self.app.setProperty("cqdeskHighContrast", {"contrast": "theme", "system-contrast": "system"}.get(look, ""))
        if look in ("dark", "contrast"):
            if not self._style:
                self._style = str(self.app.style().name())
                self.app.setProperty("cqdeskPlatformStyle", self._style)
            self.app.setStyle("Fusion")  # a style that draws every control from the palette
            self.app.setPalette(dark_palette() if look == "dark" else high_contrast_palette())
        else:
            if self._style and self.app.style().name() != self._style:
                self.app.setStyle(self._style)
            self.app.setPalette(QPalette())  # an empty palette: the platform's own colours again
        self.changed.emit()

    def _on_system_changed(self, *_: object) -> None:
        if self.choice == "system":
            self.apply("system")
