"""Loading the UI language: our own .qm and Qt's qtbase translations, switchable at run time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from ..report.paths import resources_dir
from .qt import core_application

LANGUAGES = ("zh_CN", "en")


def system_language() -> str:
    """Chinese when the system speaks Chinese, English otherwise."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def translations_dir() -> Path:
    return resources_dir() / "translations"


class Translations:
    """Installs the translators for one language; installing sends LanguageChange to every widget."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self._loaded: dict[str, list[QTranslator]] = {}  # loaded once per language, reused on every switch
        self.language = "en"

    def apply(self, language: str) -> None:
        if language not in LANGUAGES:
            language = "en"
        app = core_application()
        for t in self._installed:
            app.removeTranslator(t)
        self.language = language
        if language not in self._loaded:
            self._loaded[language] = []
            # English is the source language; its file holds only plural forms ("1 section", "3 sections").
            sources = [(f"cqdesk_{language}", str(translations_dir()))]
            if language != "en":
                sources.append((f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
            for name, folder in sources:
                t = QTranslator(app)
                if t.load(name, str(folder)):
                    self._loaded[language].append(t)
        self._installed = list(self._loaded[language])
        for t in self._installed:
            app.installTranslator(t)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese if language == "zh_CN" else QLocale.Language.English))
