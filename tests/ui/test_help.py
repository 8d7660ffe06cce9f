"""Help: the licences that ship with the app, shown in the app."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cqdesk.ui.help.licences import LicencesDialog


def test_help_licences_lists_the_licence_and_the_notices(window, qtbot):
    window.actions.licences.trigger()
    dialog = window.findChild(LicencesDialog)
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible(), timeout=3000)
    names = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert names[:2] == ["LICENSE", "THIRD-PARTY-NOTICES.txt"]
    assert {"LGPL-3.0.txt", "GPL-3.0.txt", "PSF-2.0.txt", "OFL-1.1.txt", "Apache-2.0.txt"} <= set(names)
    assert dialog.text.toPlainText().startswith("MIT License")
    row = names.index("THIRD-PARTY-NOTICES.txt")
    rect = dialog.list.visualItemRect(dialog.list.item(row))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    notices = dialog.text.toPlainText()
    assert "PySide6_Essentials 6.11.3" in notices and "LGPL-3.0-only" in notices and "SQLite" in notices
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert QApplication.activeModalWidget() is None
