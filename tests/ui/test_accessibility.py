"""Every control a reader can reach has a name for screen readers, in both languages."""

import re

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


def test_f6_cycles_search_sidebar_and_page_and_shift_f6_goes_back(make_window, qtbot):
    from PySide6.QtWidgets import QApplication

    from tests.ui.conftest import search

    w = make_window("en", "plan/areas/2/1")
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)  # shortcuts reach the active window only
    w.search.box.setFocus()

    def press(modifier=Qt.KeyboardModifier.NoModifier):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, modifier)
        return QApplication.focusWidget()

    assert [press(), press(), press()] == [w.tree, w.detail, w.search.box]
    assert [press(Qt.KeyboardModifier.ShiftModifier) for _ in range(3)] == [w.detail, w.tree, w.search.box]
    w.tabs.setCurrentWidget(w.keywords)
    assert press() is w.keywords.list  # the open tab's list
    search(qtbot, w, "开放")
    w.search.box.setFocus()
    assert press() is w.search.view  # while results show, they are the sidebar
    assert press() is w.detail
    assert [a.text() for a in w.commands.menus["go"].actions() if a.shortcut().toString() in ("F6", "Shift+F6")] == [
        "Next &Area",
        "Previous A&rea",
    ]


def test_the_search_status_is_announced_to_screen_readers(make_window, qtbot, monkeypatch):
    from PySide6 import QtGui
    from PySide6.QtGui import QAccessibleAnnouncementEvent

    from tests.ui.conftest import search

    spoken = []

    class Recorder:
        @staticmethod
        def isActive():
            return True

        @staticmethod
        def updateAccessibility(event):
            if isinstance(event, QAccessibleAnnouncementEvent):
                spoken.append((event.object().objectName(), event.message()))

    monkeypatch.setattr(QtGui, "QAccessible", Recorder)  # the search panel imports it when it speaks
    w = make_window("en")
    search(qtbot, w, "开放")
    qtbot.waitUntil(lambda: bool(spoken))
    assert spoken[-1] == ("searchStatus", w.search.status.text())
    assert re.fullmatch(r"\d+ sections?, \d+ hits?", spoken[-1][1])
