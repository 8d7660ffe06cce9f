"""A GUI application without windows, for headless commands (PDF export, self-test)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from .fonts import register_fonts
from .i18n import Translations

_keep: list[object] = []


def gui_app(language: str = "zh_CN") -> QGuiApplication:
    app = QGuiApplication.instance() or QGuiApplication(["cqdesk"])
    register_fonts()
    translations = Translations()
    translations.apply(language)
    _keep.append(translations)  # translators must outlive this call
    return app
