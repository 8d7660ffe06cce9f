"""The rendered page's colours, taken from the application palette (light or dark)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QPalette

from ..report.render import DARK, LIGHT, Palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def page_palette(palette: QPalette) -> Palette:
    base = DARK if is_dark(palette) else LIGHT
    return replace(base, text=palette.color(QPalette.ColorRole.Text).name())


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style (used by --dark and where the system has none)."""
    from PySide6.QtGui import QColor

    p = QPalette()
    roles = {
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
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#77777a"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#77777a"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#77777a"))
    return p
