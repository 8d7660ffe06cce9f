"""Help: the licences that ship with the app, shown in the app."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cqdesk.ui.help.licences import LicencesDialog


def test_help_licences_lists_the_licence_and_the_notices(window, qtbot):
    window.commands.licences.trigger()
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


def test_f1_opens_the_user_guide_in_the_interfaces_language_with_the_keys(make_window, qtbot):
    from PySide6.QtTest import QTest

    from cqdesk.ui.help.guide import GuideDialog

    for language, heading, search_line, print_line, key_name in (
        (
            "en",
            "Reading the report with cqdesk",
            "Type in the search box",
            "File › Choose Sections to Print",
            "Find Next",
        ),
        ("zh_CN", "用 cqdesk 阅读报告", "在搜索框（Ctrl+F）中输入", "文件 › 选择要打印的章节", "查找下一个"),
    ):
        w = make_window(language)
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow, timeout=3000)
        QTest.keyClick(w.focusWidget() or w, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda w=w: w.findChild(GuideDialog) is not None, timeout=3000)
        dialog = w.findChild(GuideDialog)
        text = dialog.text.toPlainText()
        assert heading in text and search_line in text and print_line in text
        assert key_name in text and "F3" in text and "Ctrl+F" in text
        dialog.close()
        w.close()
