"""The rendered page's colours, taken from the application palette (light, dark or high contrast)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QPalette

from ..report.render import DARK, HIGH_CONTRAST, LIGHT, Palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def page_palette(palette: QPalette) -> Palette:
    contrast = high_contrast()
    if contrast == "system":  # the system's own high-contrast colours, every one of them
        R = QPalette.ColorRole
        text, ground, link = (palette.color(r).name() for r in (R.Text, R.Base, R.Link))
        marked, on_marked = palette.color(R.Highlight).name(), palette.color(R.HighlightedText).name()
        return Palette(text, text, text, link, text, ground, marked, on_marked, link)
    if contrast:
        return HIGH_CONTRAST
    base = DARK if is_dark(palette) else LIGHT
    return replace(base, text=palette.color(QPalette.ColorRole.Text).name())


def high_contrast() -> str:
    """Which high contrast is on: "theme" (cqdesk's own), "system" (the system's colours), or "" for none."""
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    return str(app.property("cqdeskHighContrast") or "") if app is not None else ""


def high_contrast_palette() -> QPalette:
    """White on black, yellow links, cyan selection: the colours of Windows' own high-contrast theme."""
    return _palette(
        {
            QPalette.ColorRole.Window: "#000000",
            QPalette.ColorRole.WindowText: "#ffffff",
            QPalette.ColorRole.Base: "#000000",
            QPalette.ColorRole.AlternateBase: "#1f1f1f",
            QPalette.ColorRole.Text: "#ffffff",
            QPalette.ColorRole.Button: "#000000",
            QPalette.ColorRole.ButtonText: "#ffffff",
            QPalette.ColorRole.Highlight: "#00ffff",
            QPalette.ColorRole.HighlightedText: "#000000",
            QPalette.ColorRole.ToolTipBase: "#000000",
            QPalette.ColorRole.ToolTipText: "#ffffff",
            QPalette.ColorRole.PlaceholderText: "#c0c0c0",
            QPalette.ColorRole.Link: "#ffff00",
            QPalette.ColorRole.LinkVisited: "#ffff00",
            QPalette.ColorRole.Light: "#ffffff",  # Fusion draws frames and the focus ring from these
            QPalette.ColorRole.Mid: "#ffffff",
            QPalette.ColorRole.Dark: "#ffffff",
            QPalette.ColorRole.Shadow: "#ffffff",
        },
        disabled="#a0a0a0",
    )


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style (used by --dark and where the system has none)."""
    return _palette(
        {
            QPalette.ColorRole.Window: "#2b2b2e",
            QPalette.ColorRole.WindowText: "#e8e8ea",
            QPalette.ColorRole.Base: "#1e1e20",
            QPalette.ColorRole.AlternateBase: "#2b2b2e",
            QPalette.ColorRole.Text: "#e8e8ea",
            QPalette.ColorRole.Button: "#3a3a3d",
            QPalette.ColorRole.ButtonText: "#e8e8ea",
            QPalette.ColorRole.Highlight: "#8b3a3a",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.ToolTipBase: "#3a3a3d",
            QPalette.ColorRole.ToolTipText: "#e8e8ea",
            QPalette.ColorRole.PlaceholderText: "#8e8e93",
            QPalette.ColorRole.Link: "#ff8a80",
        },
        disabled="#77777a",
    )


def _palette(roles: dict[QPalette.ColorRole, str], disabled: str) -> QPalette:
    from PySide6.QtGui import QColor

    p = QPalette()
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return p
