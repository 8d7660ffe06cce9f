"""Fonts bundled with the app, registered at start-up."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from ..report.paths import resources_dir

_families: list[str] = []


def register_fonts() -> list[str]:
    """Register the bundled CJK font subset (once); returns its family names."""
    if not _families:
        for path in sorted((resources_dir() / "fonts").glob("*.otf")) + sorted(
            (resources_dir() / "fonts").glob("*.ttf")
        ):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                _families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_families)
