"""The reader's place: the page and history change only when the reader asks, driven by real clicks and keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def _click_tab(qtbot, window, index: int) -> None:
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


@pytest.mark.parametrize("start", ["report", "plan/areas/2/1"])
def test_switching_the_sidebar_tabs_keeps_the_page_and_history(window, qtbot, start):
    window.navigate(start)
    back_enabled = window.commands.back.isEnabled()
    _click_tab(qtbot, window, 1)
    assert window.tabs.currentIndex() == 1
    _click_tab(qtbot, window, 0)
    assert window.tabs.currentIndex() == 0
    QTest.keyClick(window.search.box, Qt.Key.Key_Tab)  # focus moves on into the sidebar
    qtbot.wait(10)
    assert window.detail.section_id == start
    assert window.commands.back.isEnabled() == back_enabled


def test_the_whole_report_stays_open_at_start_when_the_tree_gets_focus(make_window, qtbot):
    w = make_window("en", "report")
    w.tree.setFocus()
    qtbot.waitUntil(w.tree.hasFocus, timeout=2000)
    assert w.detail.section_id == "report" and not w.commands.back.isEnabled()
    QTest.keyClick(w.tree, Qt.Key.Key_Down)  # the keys still work: Down opens the first section
    assert w.detail.section_id == "review"


def test_print_selection_keeps_the_place_and_the_choice(window, qtbot, print_preview):
    window.navigate("review/tasks/6")
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.printing.bar.isVisible()
    qtbot.mouseClick(window.printing.bar.all, Qt.MouseButton.LeftButton)
    assert window.printing.bar.count.text() == "The whole report chosen"
    qtbot.mouseClick(window.printing.bar.none, Qt.MouseButton.LeftButton)
    assert window.printing.bar.count.text() == "0 sections chosen"

    # "Current" on an item in a collapsed branch ticks it and shows it.
    window.tree.collapse(window.model.index_of("plan/areas/3"))
    window.navigate("plan/areas/3/2")
    qtbot.mouseClick(window.printing.bar.current, Qt.MouseButton.LeftButton)
    assert window.tree.isExpanded(window.model.index_of("plan/areas/3"))
    assert window.printing.bar.count.text() == "1 section chosen"
    qtbot.mouseClick(window.printing.bar.print_, Qt.MouseButton.LeftButton)
    assert len(print_preview) == 1

    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.printing.bar.isVisible()
    window.tree.setFocus()
    qtbot.wait(10)
    assert window.detail.section_id == "plan/areas/3/2"
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.model.checked_sections() == ["plan/areas/3/2"]  # the choice is still there
    assert window.model.data(window.model.index_of("plan/areas/3/2"), Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )


def test_switching_language_redraws_the_page_and_the_key_figures_window(make_window, qtbot):
    w = make_window("en")
    w.navigate("review/tasks/1")
    assert "Carried on in 2025" in w.detail.toPlainText()
    w.commands.key_figures.trigger()
    assert w.key_figures.windowTitle() == "Key Figures"
    w.menuBar().setFocus()
    w.commands.lang_zh.trigger()
    qtbot.waitUntil(lambda: w.commands.menus["file"].title() == "文件(&F)")
    assert "Carried on in 2025" not in w.detail.toPlainText()
    assert w.key_figures.windowTitle() == "关键数据" and w.key_figures.copy_button.text() != "Copy"
    w.commands.lang_en.trigger()
    qtbot.waitUntil(lambda: "Carried on in 2025" in w.detail.toPlainText())
    assert w.detail.section_id == "review/tasks/1"


def test_view_theme_dark_and_light_from_the_menu_and_remembered(make_window, qtbot):
    from cqdesk.ui.palette import is_dark

    w = make_window("en")
    assert w.commands.theme_system.isChecked()
    titles = [a.text() for a in w.commands.menus["theme"].actions()]
    assert titles == ["Follow the &System", "&Light", "&Dark", "&High Contrast"]
    w.commands.theme_dark.trigger()
    qtbot.waitUntil(lambda: is_dark(w.detail.palette()), timeout=3000)
    assert w.settings.preferences.get("theme") == "dark"
    assert "#e8e8ea" in w.detail.toHtml()  # the page redraws in the dark text colour
    w.close()
    again = make_window("en")
    assert again.commands.theme_dark.isChecked() and is_dark(again.palette())
    again.commands.theme_light.trigger()
    qtbot.waitUntil(lambda: not is_dark(again.detail.palette()), timeout=3000)
    # Every widget follows, the ones under the window's style sheet too (the search box, the lists).
    for widget in (again.search.box, again.tree, again.keywords.filter, again.keywords.list, again.search.view):
        assert not is_dark(widget.palette()), widget.objectName()
    assert again.settings.preferences.get("theme") == "light"
