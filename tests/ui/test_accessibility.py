"""Every control a reader can reach has a name for screen readers, in both languages."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget


def unnamed(root: QWidget) -> list[str]:
    """Visible widgets that take focus but tell a screen reader nothing (Qt's accessibility tree, in process)."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if w.isVisible() and w.focusPolicy() != Qt.FocusPolicy.NoFocus:
            face = QAccessible.queryAccessibleInterface(w)
            if face is None or not face.text(QAccessible.Text.Name).strip():
                out.append(f"{type(w).__name__} {w.objectName()!r}")
    return out


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_reachable_control_has_a_name(make_window, qtbot, lang):
    w = make_window(lang, "plan/areas/2/1")
    w.commands.select_mode.setChecked(True)  # the print selection bar too
    for tab in range(w.tabs.count()):  # contents, keywords, my notes
        w.tabs.setCurrentIndex(tab)
        qtbot.wait(1)
        assert unnamed(w) == [], f"tab {tab}"


def test_the_check_finds_an_unnamed_control(make_window):
    w = make_window("en", "plan/areas/2/1")
    w.search.box.setAccessibleName("")
    w.search.box.setPlaceholderText("")
    assert unnamed(w) == ["QLineEdit 'searchBox'"]


def test_the_note_editor_names_its_controls(make_window, qtbot):
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from cqdesk.ui.notes.editor import NoteEditor

    w = make_window("zh_CN", "plan/areas/2/1")
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    w.detail.setFocus()
    QTest.keyClick(w.detail, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: any(isinstance(x, NoteEditor) and x.isVisible() for x in QApplication.topLevelWidgets()))
    editor = next(x for x in QApplication.topLevelWidgets() if isinstance(x, NoteEditor) and x.isVisible())
    assert unnamed(editor) == []
    editor.done(0)
