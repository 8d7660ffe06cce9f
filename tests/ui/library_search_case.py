"""Search every report of the library from the window (run in its own process by tests/ui/test_library.py)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from tests.fixtures import reports as R
from tests.ui.conftest import search
from tests.ui.test_library import TITLE, activate, import_with_ctrl_o
from tests.ui.test_library import library as library  # the fixture


def test_search_every_report_names_each_and_opens_the_other_report_at_its_hit(library, qtbot, tmp_path, monkeypatch):
    first = library.windows["bundled"]
    for n, year in enumerate((2026, 2027), 2):
        activate(qtbot, first)
        import_with_ctrl_o(qtbot, first, R.write_text(tmp_path / f"{year}.txt", year=year), monkeypatch)
        qtbot.waitUntil(lambda n=n: len(library.windows) == n)
    for rid in [r for r in library.windows if r != "bundled"]:
        library.windows[rid].close()
    qtbot.waitUntil(lambda: len(library.windows) == 1)
    activate(qtbot, first)
    search(qtbot, first, "低空物流航线")
    panel = first.search
    assert panel.include_library.isVisible() and not panel.foreign
    qtbot.mouseClick(
        panel.include_library, Qt.MouseButton.LeftButton, pos=QPoint(8, panel.include_library.height() // 2)
    )
    assert panel.include_library.isChecked()
    qtbot.waitUntil(lambda: len(panel.foreign) == 2)
    groups = [panel.model.item(g).text() for g in range(panel.model.rowCount())]
    assert groups[-2:] == [f"{TITLE}  (1)", "2027年青川市人民政府工作报告  (1)"]
    assert panel.status.text() == "No matches in this report · 2 in other reports"
    group = panel.model.item(panel.model.rowCount() - 2)
    rect = panel.view.visualRect(group.child(0).index())
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: len(library.windows) == 2)
    (rid,) = [r for r in library.windows if r != "bundled"]
    other = library.windows[rid]
    assert other.report.document.title == TITLE and other.detail.section_id == "p2/s1/2"
    assert other.detail.hit_count == 1 and first.detail.section_id != "p2/s1/2"
    # A new language redraws the results; the list's current row moving opens nothing (it opened the other
    # report's window from inside the language change, and crashed).
    other.close()
    qtbot.waitUntil(lambda: len(library.windows) == 1)
    first.translations.apply("zh_CN")
    qtbot.wait(100)
    first.translations.apply("en")
    qtbot.wait(100)
    assert list(library.windows) == ["bundled"] and len(panel.foreign) == 2
