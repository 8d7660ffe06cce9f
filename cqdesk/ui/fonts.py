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


def unshowable(text: str, limit: int = 12) -> list[str]:
    """Characters of ``text`` that would show as empty boxes here: the bundled subset (made for the bundled
    report) lacks them and no font of the system has Chinese. Empty where the system has a Chinese font (Qt
    falls back to it), as on every Chinese Windows, macOS, UOS and Kylin."""
    from PySide6.QtGui import QFont, QRawFont

    ours = register_fonts()
    system = [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese) if f not in ours]
    if system or not ours:
        return []
    raw = QRawFont.fromFont(QFont(ours[0]))
    missing: list[str] = []
    for ch in dict.fromkeys(text):
        if ord(ch) > 0x2E7F and not raw.supportsCharacter(ch):
            missing.append(ch)
            if len(missing) >= limit:
                break
    return missing
