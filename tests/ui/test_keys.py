"""What a user presses, a test presses: every menu shortcut through real key events on the shown window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QWidget

from tests.ui.conftest import search

# Keys of special keyboards (Copy, Find, ZoomIn media keys) that QTest cannot type on every platform plugin.
SPECIAL_KEYS = {
    Qt.Key.Key_Copy,
    Qt.Key.Key_Find,
    Qt.Key.Key_ZoomIn,
    Qt.Key.Key_ZoomOut,
    Qt.Key.Key_Back,
    Qt.Key.Key_Forward,
    Qt.Key.Key_Print,
    Qt.Key.Key_Close,
    Qt.Key.Key_Help,
}


def typeable(sequence: QKeySequence) -> bool:
    return sequence.count() == 1 and sequence[0].key() not in SPECIAL_KEYS


def _press(qtbot, window, sequence: QKeySequence) -> None:
    target = window.focusWidget() or window
    combo = sequence[0]
    QTest.keyClick(target, combo.key(), combo.keyboardModifiers())
    qtbot.wait(1)


def _shown_and_active(qtbot, window) -> None:
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def test_every_menu_shortcut_fires_its_action(window, qtbot, print_preview, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    _shown_and_active(qtbot, window)
    menus = window.commands.menus
    actions = [a for m in menus.values() for a in m.actions() if a.shortcuts() and a is not window.commands.quit]
    assert len(actions) >= 15
    fired: list[str] = []

    def spy(action):
        action.triggered.connect(lambda *_: fired.append(action.text()))

    for action in [*actions, window.commands.quit]:
        spy(action)

    # State in which every action is enabled: a search with hits, history both ways, a selection to copy.
    search(qtbot, window, "乡村振兴")
    window.navigate("review/tasks/1")
    window.navigate("review/tasks/2")
    window.go_back()
    window.detail.setFocus()
    window.detail.selectAll()
    for action in actions:
        for sequence in filter(typeable, action.shortcuts()):
            if action is window.commands.clear_search:
                search(qtbot, window, "乡村振兴")
            window.detail.setFocus()  # keys pressed while reading
            if action is window.commands.back or action is window.commands.compare:
                window.navigate("review/tasks/3")  # somewhere to go back from, a task with a 2025 side
            if action is window.commands.forward:
                window.go_back()
            if action is window.commands.copy:
                window.detail.setFocus()
                window.detail.selectAll()
            assert action.isEnabled(), action.text()
            fired.clear()
            _press(qtbot, window, sequence)
            assert fired == [action.text()], f"{sequence.toString()} did not fire {action.text()!r} (fired: {fired})"
            if action.isCheckable() and action.isChecked():
                _press(qtbot, window, sequence)  # leave the print-selection mode again
            # Key Figures, the guide, Compare Years: every window of its own that the key opened
            open_dialogs = [d for d in window.findChildren(QWidget) if d.isWindow() and d.isVisible()]
            for dialog in open_dialogs:
                dialog.close()
            if open_dialogs:
                _shown_and_active(qtbot, window)
    (quit_key,) = window.commands.quit.shortcuts()[:1]
    _press(qtbot, window, quit_key)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)


def test_shortcuts_are_unique(window):
    seen: dict[str, str] = {}
    for action in window.findChildren(type(window.commands.quit)):
        for sequence in action.shortcuts():
            key = sequence.toString()
            assert key not in seen, f"{key} belongs to both {seen[key]!r} and {action.text()!r}"
            seen[key] = action.text()


def test_alt_right_goes_forward_even_with_the_tab_bar_focused(window, qtbot):
    _shown_and_active(qtbot, window)
    window.navigate("review/tasks/1")
    window.navigate("review/tasks/2")
    window.go_back()
    bar = window.tabs.tabBar()
    bar.setFocus()
    qtbot.waitUntil(bar.hasFocus, timeout=2000)
    QTest.keyClick(bar, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.detail.section_id == "review/tasks/2"
    assert window.tabs.currentIndex() == 0


def test_copy_and_find_next_are_disabled_with_nothing_to_copy_or_find(window, qtbot):
    a = window.commands
    assert not a.copy.isEnabled() and not a.find_next.isEnabled() and not a.find_previous.isEnabled()
    window.detail.selectAll()
    assert a.copy.isEnabled()
    window.navigate("review/tasks/4")
    assert not a.copy.isEnabled()
    search(qtbot, window, "乡村振兴")
    assert a.find_next.isEnabled() and a.find_previous.isEnabled()
    search(qtbot, window, "没有这样的词语啊")
    assert not a.find_next.isEnabled()


def test_enter_opens_the_first_result_as_listed(window, qtbot):
    search(qtbot, window, "数字重庆")
    first = window.search.display_order()[0]
    QTest.keyClick(window.search.box, Qt.Key.Key_Return)
    assert window.detail.section_id == window.search.hits[first].id


def test_a_query_with_no_hits_clears_the_old_marks(window, qtbot):
    search(qtbot, window, "乡村振兴")
    QTest.keyClick(window.search.box, Qt.Key.Key_Return)
    assert window.detail.hit_count >= 1 and window.hit_label.text()
    search(qtbot, window, "没有这样的词语啊")
    assert window.detail.terms == [] and window.detail.hit_count == 0
    assert window.hit_label.text() == ""


def test_arrowing_through_the_results_shows_each(window, qtbot):
    search(qtbot, window, "乡村 振兴")
    QTest.keyClick(window.search.box, Qt.Key.Key_Down)
    order = window.search.display_order()
    assert window.detail.section_id == window.search.hits[order[0]].id
    QTest.keyClick(window.search.view, Qt.Key.Key_Down)
    assert window.detail.section_id == window.search.hits[order[1]].id


def _tab_through(qtbot, window, count: int, backwards: bool = False) -> list[str]:
    seen = []
    for _ in range(count):
        widget = window.focusWidget() or window
        seen.append(widget.objectName() or type(widget).__name__)
        QTest.keyClick(widget, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab)
        qtbot.wait(1)
    return seen


def test_tab_goes_search_sidebar_page_and_round(window, qtbot):
    _shown_and_active(qtbot, window)
    window.navigate("plan/areas/2/1")  # a page with links: Tab must not walk them
    window.search.box.setFocus()
    order = _tab_through(qtbot, window, 5)
    assert order == ["searchBox", "qt_tabwidget_tabbar", "sectionTree", "detailPane", "searchBox"]
    assert window.detail.section_id == "plan/areas/2/1"  # passing through the tree moved nothing
    search(qtbot, window, "乡村振兴")  # with results shown, they come after the box
    window.search.box.setFocus()
    assert _tab_through(qtbot, window, 3) == ["searchBox", "searchResults", "detailPane"]
