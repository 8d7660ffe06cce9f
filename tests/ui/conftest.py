from __future__ import annotations

import pytest

from cqdesk.report.store import Report
from cqdesk.ui.i18n import Translations
from cqdesk.ui.main_window import MainWindow
from cqdesk.ui.settings import Settings
from tests.conftest import DB


@pytest.fixture
def settings_dir(tmp_path):
    return tmp_path / "settings"


@pytest.fixture
def make_window(qtbot, settings_dir):
    made = []

    def make(lang: str = "en", section: str | None = None) -> MainWindow:
        translations = Translations()
        translations.apply(lang)
        w = MainWindow(Report(DB), Settings(settings_dir), translations, section)
        qtbot.addWidget(w)
        w.show()
        made.append((w, translations))
        return w

    yield make
    for w, translations in made:
        if w.isVisible():
            w.close()
        translations.apply("en")
        w.theme.apply("light")  # a test that chose the dark theme leaves none behind
        w.set_large_print(False)  # nor large print (the application's font)


@pytest.fixture
def print_preview(monkeypatch, tmp_path):
    """The print preview, answered as if the user printed: each print goes to a PDF, listed here."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printed = []

    def print_to_pdf(dialog):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        path = tmp_path / f"preview-{len(printed)}.pdf"
        printer.setOutputFileName(str(path))
        dialog.paintRequested.emit(printer)
        printed.append(path)
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", print_to_pdf)
    return printed


@pytest.fixture
def window(make_window):
    return make_window()


def search(qtbot, window, text: str) -> None:
    window.search.box.clear()
    window.search.box.setFocus()
    for ch in text:  # QTest cannot type CJK keys; insert() fires textChanged as typing does
        window.search.box.insert(ch)
    qtbot.waitUntil(lambda: window.search.query == text and window.search.status.isVisible(), timeout=3000)
