"""Edit › Copy Reference, as a reader reaches it: Alt+E, R for the submenu, an arrow and Enter for a style."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def test_copy_reference_puts_the_section_in_view_on_the_clipboard_in_the_style_chosen(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.navigate("plan/areas/2/1")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QGuiApplication.clipboard().clear()
    steps = [(Qt.Key.Key_R, "Edit"), (Qt.Key.Key_Down, "Copy Reference"), (Qt.Key.Key_Return, "Copy Reference")]

    def press() -> None:  # each menu runs its own loop: the next key goes to whichever popup is open
        popup = QApplication.activePopupWidget()
        if popup is None or not steps:
            if steps:
                QTimer.singleShot(20, press)
            return
        key, _where = steps.pop(0)
        QTest.keyClick(popup, key)
        QTimer.singleShot(20, press)

    QTimer.singleShot(0, press)
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text().startswith("TY  - RPRT"))
    assert "T2  - 二、1. 加快构建现代化集疏运体系\r\n" in QGuiApplication.clipboard().text()
    assert window.statusBar().currentMessage() == "Copied the reference (RIS (EndNote, NoteExpress, Zotero))"
