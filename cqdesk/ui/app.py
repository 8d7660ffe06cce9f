"""Starting the GUI: the application, its language, the report, the window."""

from __future__ import annotations

import argparse
import gc
import os
import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import ICON_SIZES, __version__
from ..report.paths import default_db_path, resources_dir
from ..report.store import Report, ReportError
from .i18n import Translations, system_language
from .qt import application
from .settings import Settings


def make_app(argv: list[str] | None = None) -> QApplication:
    if QApplication.instance() is None:
        QApplication(argv or sys.argv[:1])
    app = application()
    app.setApplicationName("cqdesk")
    app.setOrganizationName("cqdesk")
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("cqdesk")
    app.setDesktopFileName("cqdesk")
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resources_dir() / "icons" / f"cqdesk-{size}.png"))
    app.setWindowIcon(icon)
    _skip_bare_icon_theme()
    from .fonts import register_fonts

    register_fonts()
    return app


def _skip_bare_icon_theme() -> None:
    """Where no desktop icon theme is set (Qt falls back to "hicolor", which holds application icons only),
    every toolbar icon lookup probes some 20,000 paths before the style's own icon is used: 25 ms each,
    a fifth of a second per start under a bare X server. Nothing would be found, so look nowhere."""
    if QIcon.themeName() in ("", "hicolor"):
        QIcon.setThemeSearchPaths([])
        QIcon.setFallbackSearchPaths([])
        QIcon.setThemeName("cqdesk-none")  # a theme that does not exist (an empty name means hicolor again)
        QIcon.setFallbackThemeName("cqdesk-none")


def _collect_from_now_on() -> None:
    gc.freeze()  # what start-up made stays: later collections need not walk it
    gc.enable()


def startup_error(message: str) -> None:
    """Say in plain words why the app cannot start (the detail in smaller print)."""
    from PySide6.QtWidgets import QMessageBox  # a start that goes well shows none

    box = QMessageBox(
        QMessageBox.Icon.Critical, "cqdesk", QCoreApplication.translate("App", "cqdesk cannot open the report.")
    )
    box.setInformativeText(message)
    box.exec()


def _cannot_open(exc: ReportError) -> int:
    print(f"cqdesk: {exc}", file=sys.stderr)
    startup_error(str(exc))
    return 1


def no_display_message() -> str | None:
    """Why a window cannot open here (Linux with no X11 or Wayland display and no platform chosen), or None."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot open.\n"
        "Run cqdesk in a desktop session, or headless with 'cqdesk -platform offscreen' (nothing is shown),\n"
        "or use a subcommand: cqdesk show ID, search QUERY, export-pdf -o FILE, screenshot -o FILE "
        "(see 'cqdesk --help')."
    )


def run_gui(args: argparse.Namespace) -> int:
    problem = no_display_message()
    if problem:  # Qt would abort with a bare "Aborted"
        print(f"cqdesk: {problem}", file=sys.stderr)
        return 2
    app = make_app()
    settings = Settings()
    translations = Translations()
    translations.apply(settings.preferences.get("language") or system_language())
    try:
        report = Report(args.db or default_db_path(), check=False)
        verdict = report.check_in_background()  # runs while the window is built
    except ReportError as exc:
        return _cannot_open(exc)
    if args.section is not None and args.section not in report.document.sections:
        print(f"cqdesk: no section {args.section!r} (see 'cqdesk sections')", file=sys.stderr)
        return 2
    from ..notes.location import default_data_dir
    from ..notes.store import NotesStore
    from .instance import Instance
    from .main_window import MainWindow

    folder = getattr(args, "data_dir", None) or default_data_dir()
    instance = Instance(folder)
    if not instance.primary:  # cqdesk is already open with these notes: bring it forward instead
        instance.hand_over(args.section)
        print("cqdesk: already open; its window was brought to the front", file=sys.stderr)
        return 0
    from .library import Shelf
    from .library.windows import ReportWindows

    notes = NotesStore(folder)
    shelf = Shelf(folder, report.path)
    window = MainWindow(report, settings, translations, args.section, notes, shelf=shelf)
    if os.environ.get("CQDESK_STARTUP_PROBE"):
        from .tools.startup_probe import StartupProbe

        StartupProbe(window.detail.viewport())
    windows = ReportWindows(shelf, settings, translations, notes)
    windows.adopt(window)
    instance.requested.connect(lambda section: windows.come_forward(section))
    app.aboutToQuit.connect(instance.release)
    app.aboutToQuit.connect(notes.close)  # after the last window: every window shares the notes
    try:
        verdict()  # damaged text is never shown
    except ReportError as exc:
        return _cannot_open(exc)
    window.show()
    QTimer.singleShot(0, _collect_from_now_on)  # after the first paint (cli turned collection off for start-up)
    problem = window.notes_problem()
    if problem:  # one sentence, and reading goes on
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, "cqdesk", problem, QMessageBox.StandardButton.Ok, window)
        box.open()
    return app.exec()
