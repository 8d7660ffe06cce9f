"""Small typed helpers over Qt's API."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:  # QtWidgets loads only where a window does: the PDF export runs without it
    from PySide6.QtWidgets import QApplication


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
