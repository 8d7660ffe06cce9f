"""``cqdesk screenshot``: the real main window rendered offscreen to a PNG."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEventLoop, QIODevice, QTimer
from PySide6.QtGui import QImageWriter


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise ValueError(f"size must look like 1200x800, not {text!r}") from None
    if not (320 <= w <= 8000 and 240 <= h <= 8000):
        raise ValueError(f"size {w}x{h} is outside 320x240 … 8000x8000")
    return w, h


def take_screenshot(
    db: Path,
    out: Path,
    section: str | None = None,
    search: str | None = None,
    size: tuple[int, int] = (1200, 800),
    lang: str = "zh_CN",
    theme: str = "light",
    large_print: bool = False,
    split: tuple[str, str] | None = None,
    library_id: str = "",
) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ...report.atomic import write_atomic
    from ...report.store import Report
    from ..app import make_app
    from ..i18n import Translations
    from ..main_window import MainWindow
    from ..settings import Settings

    app = make_app()
    app.setStyle("Fusion")  # the same look wherever the picture is taken
    report = Report(db)
    translations = Translations()
    translations.apply(lang)
    with tempfile.TemporaryDirectory() as settings_dir:  # never touch the user's settings
        settings = Settings(Path(settings_dir))
        settings.preferences.set("theme", theme)
        settings.preferences.set("large_print", large_print)
        window = MainWindow(report, settings, translations, split[0] if split else section, library_id=library_id)
        window.resize(*size)
        window.show()
        if split:  # two panes: the first section on the left, the second on the right
            window.set_split(True)
            window._activate(window.panes[1])
            window.navigate(split[1])
        if search:
            loop = QEventLoop()
            window.search.resultsShown.connect(loop.quit)
            window.search.status.windowTitleChanged.connect(loop.quit)
            window.search.box.setText(search)
            window.search.run_now()
            QTimer.singleShot(5000, loop.quit)
            loop.exec()
            if window.search.hits:
                window.search.open_result(window.search.display_order()[0])
        for _ in range(3):
            app.processEvents()
        image = window.grab().toImage()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        QImageWriter(buffer, QByteArray(b"PNG")).write(image)
        write_atomic(out, bytes(buffer.data().data()))
        window.close()
        report.close()
