"""A GUI application without windows, for headless commands (PDF export, self-test)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QGuiApplication

from ..fonts import register_fonts
from ..i18n import Translations
from ..qt import skip_feature_import_hook


@contextmanager
def gui_app(language: str = "zh_CN") -> Iterator[QGuiApplication]:
    """The application (created if needed) with the bundled fonts and the language's translators,
    which are removed again on leaving, so a process that goes on is left as it was."""
    skip_feature_import_hook()  # before the export's modules load
    existing = QGuiApplication.instance()
    app = existing if isinstance(existing, QGuiApplication) else QGuiApplication(["cqdesk"])
    register_fonts()
    translations = Translations()
    translations.apply(language)
    try:
        yield app
    finally:
        translations.apply("en")
