"""Compare Years with the same report twice, and in Chinese (run in its own process by tests/ui/test_years.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.test_library import library as library  # the fixture
from tests.ui.test_years import choose, open_compare, rows
from tests.ui.test_years import years as years  # the fixture


def test_the_same_report_twice_and_the_language_of_the_window(years, qtbot):
    library, ids = years
    first = library.windows["bundled"]
    compare = open_compare(qtbot, first)
    choose(qtbot, compare.old_box, ids[2027])
    choose(qtbot, compare.new_box, ids[2027])
    assert compare.notice.text() == "that is the same report twice; choose two reports"
    choose(qtbot, compare.old_box, ids[2026])
    first.set_language("zh_CN")
    QApplication.processEvents()
    assert compare.tabs.tabText(0).replace("&", "").startswith("目标与完成情况")
    assert rows(compare.ledger_view)[1][4] == "未完成" and rows(compare.ledger_view)[6][4] == "2027年报告未说明"
    first.set_language("en")
    QApplication.processEvents()  # the language change handled here, by live windows, not in the teardown
    assert compare.tabs.tabText(0) == "&Targets and Outcomes"
