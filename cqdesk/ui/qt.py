"""Small typed helpers over Qt's API."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:  # QtWidgets loads only where a window does: the PDF export runs without it
    from PySide6.QtWidgets import QApplication


def skip_feature_import_hook() -> None:
    """Take PySide's ``from __feature__ import ...`` hook (snake_case names, true properties) off Python's
    import, keeping PySide's own lazy import it wraps, as PySide's documentation of the hook describes.

    cqdesk uses no feature, and after every import the hook reads the new module's whole source file to
    see whether it mentions PySide6, keeping the lines in linecache: at start-up some 80 modules, 11 ms and
    3 MB of memory. Call it after PySide6 is imported and before the app's modules are."""
    import builtins

    hook = getattr(builtins, "__feature_import__", None)
    wrapped = getattr(builtins, "__orig_import__", None)
    if hook is not None and wrapped is not None and builtins.__import__ is hook:
        builtins.__import__ = wrapped


def core_application() -> QCoreApplication:
    """The running application of any kind (the PDF export runs a QGuiApplication, the window a QApplication)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("no Qt application is running")
    return app


def application() -> QApplication:
    """The running QApplication (every window and dialog of the app is made under one)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("no QApplication is running")
    return app
