"""Large print (长辈模式) and the high-contrast theme, switched as a reader does."""

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QToolButton

from cqdesk.report.render import BODY_LINE_HEIGHT, HIGH_CONTRAST, LARGE_PRINT_LINE_HEIGHT
from cqdesk.ui.accessibility.large_print import INTERFACE_SCALE, PAGE_SCALE


def click_toolbar(qtbot, w, action):
    button = w.commands.toolbar.widgetForAction(action)
    assert isinstance(button, QToolButton) and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_one_click_makes_everything_larger_and_a_second_puts_it_back(make_window, qtbot):
    w = make_window("en", "plan/areas/2")
    page_before = w.detail.point_size()
    app_before = QApplication.font().pointSizeF()
    tree_before = w.tree.sizeHintForRow(0)
    button = w.commands.toolbar.widgetForAction(w.commands.large_print)
    assert button.text() == "Large Print"

    click_toolbar(qtbot, w, w.commands.large_print)
    assert w.commands.large_print.isChecked()
    assert w.detail.point_size() == pytest.approx(page_before * PAGE_SCALE)
    assert w.detail.point_size() >= 1.5 * page_before
    assert QApplication.font().pointSizeF() == pytest.approx(app_before * INTERFACE_SCALE)
    qtbot.waitUntil(lambda: w.tree.sizeHintForRow(0) > tree_before)  # rows (click targets) grow with the text
    assert f"line-height:{LARGE_PRINT_LINE_HEIGHT}" in w.detail.toHtml().replace(" ", "")
    assert w.detail.document().defaultFont().families()[0] == "cqdesk Sans SC"  # still the page's own font
    assert w.commands.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert w.settings.preferences.get("large_print") is True

    click_toolbar(qtbot, w, w.commands.large_print)
    assert w.detail.point_size() == pytest.approx(page_before)
    assert QApplication.font().pointSizeF() == pytest.approx(app_before)
    assert f"line-height:{BODY_LINE_HEIGHT}" in w.detail.toHtml().replace(" ", "")
    assert w.settings.preferences.get("large_print") is False


def test_large_print_is_remembered_with_the_reader_s_zoom_on_top(make_window, qtbot):
    w = make_window("en")
    normal = w.detail.point_size()
    click_toolbar(qtbot, w, w.commands.large_print)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)  # shortcuts reach the active window only
    w.detail.setFocus()
    qtbot.keyClick(w.detail, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # Ctrl+= zooms in
    zoomed = w.detail.point_size()
    assert zoomed > normal * PAGE_SCALE
    w.close()
    again = make_window("en")
    assert again.commands.large_print.isChecked()
    assert again.detail.point_size() == pytest.approx(zoomed)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_nothing_is_cut_off_at_1280_by_720(make_window, qtbot, lang):
    w = make_window(lang, "plan/areas/2")
    click_toolbar(qtbot, w, w.commands.large_print)
    w.resize(1280, 720)
    qtbot.waitUntil(lambda: w.width() == 1280)
    toolbar = w.commands.toolbar
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()  # no » menu of hidden buttons
    for action in toolbar.actions():
        if action.isSeparator():
            continue
        button = toolbar.widgetForAction(action)
        assert button.isVisible() and toolbar.rect().contains(button.geometry()), action.iconText()
        assert button.width() >= button.sizeHint().width()  # its words whole
    menu_bar = w.menuBar()
    for action in menu_bar.actions():
        assert menu_bar.actionGeometry(action).right() <= menu_bar.width(), action.text()
    # The page's column fits the pane: no sideways scrolling.
    assert not w.detail.horizontalScrollBar().isVisible()
    # Every sidebar tab in sight, its words whole (the fourth, Library, was behind scroll arrows in English).
    bar = w.tabs.tabBar()
    qtbot.waitUntil(lambda: bar.tabRect(0).height() > 30 and bar.height() >= bar.tabRect(0).height())
    for i in range(bar.count()):  # the sidebar widens for the larger words rather than scroll its tabs
        assert bar.tabRect(i).right() < bar.width() <= w.tabs.width(), bar.tabText(i)


def test_printing_follows_large_print(make_window, qtbot, print_preview):
    pytest.importorskip("pypdf")
    from pypdf import PdfReader

    w = make_window("en", "plan/areas")
    sizes = {}
    for on in (False, True):
        if w.commands.large_print.isChecked() != on:
            click_toolbar(qtbot, w, w.commands.large_print)
        w.printing.print_preview()
        reader = PdfReader(print_preview[-1])
        sizes[on] = len(reader.pages)
        text = "".join(page.extract_text() for page in reader.pages)
        assert "加快构建现代化集疏运体系" in text
    assert sizes[True] > sizes[False]  # the same text on more pages


def test_high_contrast_theme_from_the_menu(make_window, qtbot):
    w = make_window("en", "plan/areas/2")
    menu = w.commands.menus["theme"]
    menu.popup(w.mapToGlobal(QPoint(40, 40)))
    qtbot.waitUntil(menu.isVisible)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(w.commands.theme_contrast).center())
    qtbot.waitUntil(lambda: w.commands.theme_contrast.isChecked())
    assert w.settings.preferences.get("theme") == "contrast"
    qtbot.waitUntil(lambda: w.detail.palette().color(w.detail.palette().ColorRole.Base).name() == "#000000")
    html = w.detail.toHtml()
    assert re.search(r"color:#ffffff", html) and HIGH_CONTRAST.keypoint_bg in html
    w.close()
    again = make_window("en")
    assert again.commands.theme_contrast.isChecked()


def test_following_the_system_s_high_contrast_uses_the_system_s_own_colours(make_window, qtbot, monkeypatch):
    from cqdesk.ui import theme as theme_module
    from cqdesk.ui.palette import page_palette

    w = make_window("en")
    monkeypatch.setattr(theme_module, "system_wants_contrast", lambda: True)
    w.theme.apply("system")
    palette = w.detail.palette()
    page = page_palette(palette)
    R = palette.ColorRole
    assert (page.text, page.link, page.hit_bg) == (
        palette.color(R.Text).name(),
        palette.color(R.Link).name(),
        palette.color(R.Highlight).name(),
    )
    monkeypatch.setattr(theme_module, "system_wants_contrast", lambda: False)
    w.theme.apply("system")
    assert page_palette(w.detail.palette()).heading != page.heading or page.heading != page.text


def test_icons_come_after_the_first_paint_and_at_once_with_large_print(make_window, qtbot):
    """The menus' standard icons are added once the window has painted (QStyle's types are not built before
    it); a window that starts in large print has them at once, beside the toolbar's words."""
    w = make_window("en")
    iconed = [w.commands.print_, w.commands.export_pdf, w.commands.back, w.commands.forward, w.commands.home]
    qtbot.waitUntil(lambda: all(not a.icon().isNull() for a in iconed))
    click_toolbar(qtbot, w, w.commands.large_print)
    w.close()
    again = make_window("en")  # shown, and no event handled yet
    assert again.commands.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert all(not a.icon().isNull() for a in (again.commands.back, again.commands.print_, again.commands.home))


def test_the_platform_style_comes_back_after_a_dark_theme(make_window):
    """The dark theme swaps the platform's style for Fusion; light brings the platform's back (read only when
    first swapped out, not at start-up)."""
    app = QApplication.instance()
    before = app.style().name()
    app.setStyle("Windows")  # a platform style other than Fusion, on every platform
    app.setProperty("cqdeskPlatformStyle", None)  # as in a fresh process
    try:
        w = make_window("en")
        w.set_theme("dark")
        assert app.style().name() == "fusion"
        w.set_theme("light")
        assert app.style().name() == "windows"
    finally:
        app.setStyle(before)
        app.setProperty("cqdeskPlatformStyle", None)
