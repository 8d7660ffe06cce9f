"""The key-figures and livelihood tables on screen: one baseline a row, quiet links that open the passage."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextTable

from cqdesk.report.normalize import fold


def _tables(document):
    frames = [document.rootFrame()]
    found = []
    while frames:
        frame = frames.pop()
        if isinstance(frame, QTextTable):
            found.append(frame)
        frames.extend(frame.childFrames())
    return found


def _baseline(document, cell) -> float:
    block = cell.firstCursorPosition().block()
    line = block.layout().lineAt(0)
    return document.documentLayout().blockBoundingRect(block).top() + line.y() + line.ascent()


@pytest.mark.parametrize("sid", ["plan/targets/figures", "plan/livelihood/table"])
def test_every_row_of_a_table_shares_one_baseline(window, sid):
    window.navigate(sid)
    document = window.detail.document()
    (table,) = _tables(document)
    assert table.rows() >= 15
    for row in range(table.rows()):
        baselines = [_baseline(document, table.cellAt(row, c)) for c in range(table.columns())]
        baselines = [
            b
            for b, c in zip(baselines, range(table.columns()), strict=True)
            if table.cellAt(row, c).firstCursorPosition().block().text()
        ]
        assert max(baselines) - min(baselines) < 1.0, (row, baselines)


def test_table_links_are_quiet_and_open_the_passage_marked(window, qtbot):
    window.navigate("plan/livelihood/table")
    html = window.detail.toHtml()
    assert "text-decoration:underline" not in html.replace(" ", "")
    # Click the third project's link as a reader would.
    document = window.detail.document()
    (table,) = _tables(document)
    cursor = table.cellAt(3, 1).firstCursorPosition()
    text = cursor.block().text()
    cursor.movePosition(cursor.MoveOperation.Right)  # inside the link, not on its left edge
    qtbot.mouseClick(window.detail.viewport(), Qt.MouseButton.LeftButton, pos=window.detail.cursorRect(cursor).center())
    assert window.detail.section_id == "plan/livelihood"
    # The item is marked (the first hit is the item's own line; the table below repeats it) and in view.
    assert window.detail.terms == [fold(text)] and window.detail.current_hit == 1
    assert window.detail.verticalScrollBar().value() > 0


def test_200_wan_is_a_figure(window):
    window.navigate("plan/livelihood")
    before, _, _ = window.detail.toHtml().partition("200万")
    assert before.rstrip().endswith('font-weight:700; color:#b3261e;">')


def test_key_figures_window_sorts_within_a_unit_and_explains_its_bars(window, qtbot):
    window.commands.key_figures.trigger()
    dialog = window.key_figures
    legend = dialog.legend.text()
    assert "2024 result" in legend and "2025 target" in legend and "by unit" in legend
    header = dialog.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(1) + 10, 5)
    )
    shown = [dialog.proxy.index(r, 1).data() for r in range(dialog.proxy.rowCount())]
    figures = [s for s in shown if s]
    units = ["%" if s.endswith("%") else s.lstrip("预计 ")[-3:] for s in figures]
    # Every unit's figures stand together, and the % ones in order of value.
    assert units == sorted(units, key=units.index)
    percents = [float(s.removeprefix("预计 ").rstrip("%")) for s in figures if s.endswith("%")]
    assert percents == sorted(percents) and len(percents) >= 6
    assert shown[-1] == "" and shown.index("") > len(figures) - 1  # rows without a 2024 figure come last
    row = next(r for r in range(dialog.proxy.rowCount()) if dialog.proxy.index(r, 0).data() == "地区生产总值增长")
    tip = dialog.proxy.index(row, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "2024: 预计 5.7% · 2025: 6%左右 (one scale per row)"
