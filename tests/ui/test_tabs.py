"""Reading in tabs, driven with the keys and clicks a reader uses."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def active(qtbot, w):
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)  # shortcuts reach the active window only
    w.detail.setFocus()


def key(qtbot, w, k, mods=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(w.detail, k, mods)


def click_row(qtbot, w, sid, button=Qt.MouseButton.LeftButton, mods=Qt.KeyboardModifier.NoModifier):
    index = w.model.index_of(sid)
    w.tree.expand(index.parent())
    w.tree.scrollTo(index)
    qtbot.mouseClick(w.tree.viewport(), button, mods, w.tree.visualRect(index).center())


def sections(w):
    return [t.section for t in w.reading_tabs.tabs]


def test_new_close_and_reopen_with_the_keys(make_window, qtbot):
    w = make_window("en", "plan/areas/2/1")
    active(qtbot, w)
    assert not w.reading_tabs.bar.isVisible()  # one tab: no bar
    key(qtbot, w, Qt.Key.Key_T, CTRL)
    assert sections(w) == ["plan/areas/2/1", "report"] and w.reading_tabs.index() == 1
    assert w.reading_tabs.bar.isVisible() and w.detail.section_id == "report"
    click_row(qtbot, w, "plan/areas/3")
    assert sections(w) == ["plan/areas/2/1", "plan/areas/3"]
    key(qtbot, w, Qt.Key.Key_W, CTRL)
    assert sections(w) == ["plan/areas/2/1"] and w.detail.section_id == "plan/areas/2/1"
    assert not w.reading_tabs.bar.isVisible()
    key(qtbot, w, Qt.Key.Key_W, CTRL)  # the last tab stays
    assert sections(w) == ["plan/areas/2/1"]
    key(qtbot, w, Qt.Key.Key_T, CTRL | SHIFT)
    assert sections(w) == ["plan/areas/2/1", "plan/areas/3"] and w.detail.section_id == "plan/areas/3"
    # Back in the reopened tab goes where that tab had been.
    w.go_back()
    assert w.detail.section_id == "report"


def test_ctrl_click_and_middle_click_open_a_new_tab_and_leave_the_page(make_window, qtbot):
    w = make_window("en", "review/tasks/1")
    click_row(qtbot, w, "plan/areas/2", mods=CTRL)
    assert sections(w) == ["review/tasks/1", "plan/areas/2"] and w.detail.section_id == "plan/areas/2"
    w.reading_tabs.select(0)
    assert w.detail.section_id == "review/tasks/1"
    click_row(qtbot, w, "plan/areas/5", button=Qt.MouseButton.MiddleButton)
    assert sections(w) == ["review/tasks/1", "plan/areas/5", "plan/areas/2"]
    # A link in the page ("Carried on in 2025"), middle-clicked.
    w.reading_tabs.select(0)
    cursor = w.detail.document().find("加快构建现代化集疏运体系")  # a link under "Carried on in 2025"
    assert not cursor.isNull()
    w.detail.ensureCursorVisible()
    cursor.setPosition(cursor.selectionStart() + 2)
    w.detail.verticalScrollBar().setValue(w.detail.verticalScrollBar().maximum())
    rect = w.detail.cursorRect(cursor)
    qtbot.mouseClick(w.detail.viewport(), Qt.MouseButton.MiddleButton, pos=rect.center())
    assert w.reading_tabs.count() == 4 and w.detail.section_id == "plan/areas/2/1"
    assert sections(w)[1] == "plan/areas/2/1"  # right after the tab it came from


def test_a_search_result_opens_in_a_new_tab_with_its_hits_marked(make_window, qtbot):
    from tests.ui.conftest import search

    w = make_window("en", "report")
    search(qtbot, w, "开放平台")
    i = w.search.display_order()[0]
    index = w.search._item_index(i)
    w.search.view.scrollTo(index)
    rect = w.search.view.visualRect(index)
    qtbot.mouseClick(w.search.view.viewport(), Qt.MouseButton.LeftButton, CTRL, rect.center())
    assert w.reading_tabs.count() == 2
    assert w.detail.section_id == w.search.hits[i].id and w.detail.hit_count >= 1
    w.reading_tabs.select(0)
    assert w.detail.section_id == "report"


def test_each_tab_keeps_its_history_and_scroll(make_window, qtbot):
    w = make_window("en", "plan")
    w.navigate("review")
    w.detail.verticalScrollBar().setValue(200)
    active(qtbot, w)
    key(qtbot, w, Qt.Key.Key_T, CTRL)
    w.navigate("plan/areas/1")
    w.navigate("plan/areas/2")
    key(qtbot, w, Qt.Key.Key_Tab, CTRL)  # Ctrl+Tab: back to the first tab
    assert w.reading_tabs.index() == 0 and w.detail.section_id == "review"
    assert w.detail.verticalScrollBar().value() == 200
    w.go_back()
    assert w.detail.section_id == "plan"
    assert not w.commands.back.isEnabled()
    key(qtbot, w, Qt.Key.Key_Backtab, CTRL | SHIFT)  # Ctrl+Shift+Tab
    assert w.reading_tabs.index() == 1 and w.detail.section_id == "plan/areas/2"
    w.go_back()
    assert w.detail.section_id == "plan/areas/1"


def test_tabs_reorder_by_dragging_and_close_with_a_middle_click(make_window, qtbot):
    w = make_window("en", "review/tasks/1")
    w.open_in_new_tab("review/tasks/2")
    w.open_in_new_tab("review/tasks/3")
    bar = w.reading_tabs.bar
    qtbot.waitUntil(bar.isVisible)
    start, end = bar.tabRect(0).center(), bar.tabRect(2).center() + QPoint(10, 0)
    QTest.mousePress(bar, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 11):
        QTest.mouseMove(bar, start + (end - start) * step / 10)
    QTest.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=end)
    qtbot.waitUntil(lambda: sections(w)[-1] == "review/tasks/1", timeout=3000)
    assert sections(w) == ["review/tasks/2", "review/tasks/3", "review/tasks/1"]
    assert w.detail.section_id == w.reading_tabs.current().section
    qtbot.mouseClick(bar, Qt.MouseButton.MiddleButton, pos=bar.tabRect(0).center())
    assert sections(w) == ["review/tasks/3", "review/tasks/1"]


def test_the_open_tabs_return_after_a_restart(make_window, qtbot):
    w = make_window("en", "review/tasks/1")
    w.open_in_new_tab("plan/areas/2")
    w.open_in_new_tab("plan/livelihood")
    w.reading_tabs.select(1)
    w.close()
    again = make_window("en")
    assert sections(again) == ["review/tasks/1", "plan/areas/2", "plan/livelihood"]
    assert again.reading_tabs.index() == 1 and again.detail.section_id == "plan/areas/2"
    assert again.reading_tabs.bar.tabText(0).startswith("1、抓战略")
    assert again.reading_tabs.bar.tabToolTip(0) == "1、抓战略担使命增势能，以一域服务全局的贡献度持续提升"


def test_compare_opens_the_task_beside_its_2025_items_in_a_new_tab(make_window, qtbot):
    from cqdesk.report.compare import compare

    w = make_window("en", "review/tasks/1")
    active(qtbot, w)
    assert w.commands.compare.isEnabled()
    key(qtbot, w, Qt.Key.Key_R, CTRL | SHIFT)
    assert sections(w) == ["review/tasks/1", "compare:review/tasks/1"]
    assert w.detail.comparing and w.detail.section_id == "review/tasks/1"
    text = w.detail.toPlainText()
    pair = compare(w.report.document, w.report.related, "review/tasks/1")
    for sid in pair.review + pair.plan:
        assert w.report.document.sections[sid].heading in text
    assert "2024 in review" in text and "2025 plan" in text and "Terms both sides share" in text
    assert w.detail.hit_count >= 2 * len(pair.shared)  # every shared term marked, on both sides
    assert w.reading_tabs.bar.tabText(1).startswith("Compare: ")
    w.set_language("zh_CN")
    qtbot.waitUntil(lambda: w.reading_tabs.bar.tabText(1).startswith("对照："))  # titles follow the language
    w.set_language("en")
    qtbot.waitUntil(lambda: w.reading_tabs.bar.tabText(1).startswith("Compare: "))
    assert not w.commands.compare.isEnabled()  # already comparing
    w.reading_tabs.select(0)
    assert not w.detail.comparing and w.commands.compare.isEnabled()


def test_compare_from_a_2025_item_backwards_and_a_task_without_one(make_window, qtbot):
    w = make_window("zh_CN", "plan/areas/2/1")
    w.compare_current()
    text = w.detail.toPlainText()
    assert "1、抓战略担使命增势能" in text and "加快构建现代化集疏运体系" in text and "对照阅读" in text
    w.reading_tabs.select(0)
    w.navigate("review/tasks/10")
    w.compare_current()
    assert "报告中没有与之共享足够措辞的另一方" in w.detail.toPlainText()
    w.navigate("plan")
    assert not w.commands.compare.isEnabled()  # a part has no other year


def test_a_comparison_prints_as_two_columns(make_window, qtbot, print_preview):
    from pypdf import PdfReader

    w = make_window("en", "review/tasks/1")
    w.compare_current()
    w.printing.print_preview()
    (pdf,) = print_preview
    text = "".join("".join(page.extract_text().split()) for page in PdfReader(pdf).pages)  # pypdf breaks lines
    assert "对照阅读" in text  # paper speaks the report's language
    assert "积极融入新时代西部大开发" in text and "唱好新时代西部" in text and "加快构建现代化集疏运体系" in text


def test_a_comparison_tab_returns_after_a_restart(make_window, qtbot):
    w = make_window("en", "review/tasks/2")
    w.compare_current()
    w.close()
    again = make_window("en")
    assert sections(again) == ["review/tasks/2", "compare:review/tasks/2"]
    assert again.detail.comparing and again.detail.section_id == "review/tasks/2"


def test_split_view_two_panes_each_with_its_tabs_and_f6_between_them(make_window, qtbot):
    from PySide6.QtWidgets import QApplication

    w = make_window("en", "review/tasks/6")
    active(qtbot, w)
    menu = w.commands.menus["view"]
    menu.popup(w.mapToGlobal(QPoint(40, 40)))
    qtbot.waitUntil(menu.isVisible)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(w.commands.split).center())
    assert w.commands.split.isChecked() and len(w.panes) == 2
    left, right = w.panes
    qtbot.waitUntil(right.widget.isVisible)
    assert right.page.section_id == "review/tasks/6"  # the second pane starts where the reader is
    # A click in the right page makes it the one the contents act on.
    qtbot.mouseClick(right.page.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert w.detail is right.page
    click_row(qtbot, w, "plan/areas/2/2")
    assert right.page.section_id == "plan/areas/2/2" and left.page.section_id == "review/tasks/6"
    key(qtbot, w, Qt.Key.Key_T, CTRL)  # a new tab in the right pane only
    assert right.tabs.count() == 2 and left.tabs.count() == 1
    # F6 goes search, sidebar, left page, right page.
    w.search.box.setFocus()
    order = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        order.append(QApplication.focusWidget())
    assert order == [w.tree, left.page, right.page, w.search.box]
    # Remembered, with each pane's tabs.
    w.close()
    again = make_window("en")
    assert again.commands.split.isChecked() and len(again.panes) == 2
    assert [t.section for t in again.panes[1].tabs.tabs] == ["plan/areas/2/2", "report"]
    assert again.panes[0].page.section_id == "review/tasks/6"
    again.commands.split.trigger()
    assert not again.panes[1].widget.isVisible() and again.detail is again.panes[0].page
