"""Compare Years in the window, pressed as a reader presses it: Ctrl+Shift+Y, the two reports chosen with the
keyboard, the ledger's rows and quotes (a link that opens the report at its sentence), new wording (a term
that opens the search in its report), the plans side by side, a term over the years (typed, counted, charted),
exports through the Export menu, and the pairs that cannot make a ledger saying why."""

from __future__ import annotations

import csv
import io
import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMenu

from cqdesk.report.library import Library
from tests.conftest import DB
from tests.fixtures import reports as R
from tests.ui.test_library import activate
from tests.ui.test_library import library as library  # the fixture: a window per report, the first the bundled

FIVE = (
    "全市地区生产总值达到4360.2亿元、增长5.9%，一般公共预算收入增长3.2%，城镇新增就业8.6万人，"
    "城镇调查失业率5.1%，居民消费价格上涨0.4%。"
)


@pytest.fixture
def years(library, tmp_path):
    """The library with the fictional 2026 and 2027 reports of 青川市; their ids."""
    shelf = Library(Path(os.environ["CQDESK_DATA_DIR"]), DB)
    ids = {}
    for year in (2026, 2027):
        ids[year] = shelf.store(shelf.plan(R.write_text(tmp_path / f"{year}.txt", year=year))).id
    return library, ids


def open_compare(qtbot, window):
    activate(qtbot, window)
    QTest.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    compare = window.years.window
    qtbot.waitUntil(compare.isVisible)
    activate(qtbot, compare)
    return compare


def choose(qtbot, box, rid: str) -> None:
    """Step the closed combo box with the arrow keys until it shows ``rid`` (each step is the reader's)."""
    box.setFocus()
    key = Qt.Key.Key_Down if box.findData(rid) > box.currentIndex() else Qt.Key.Key_Up
    for _ in range(box.count()):
        if box.currentData() == rid:
            return
        QTest.keyClick(box, key)
    raise AssertionError(f"{rid} not in the box")


def click_tab(qtbot, tabs, n: int) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(n).center())
    assert tabs.currentIndex() == n


def rows(tree) -> list[list[str]]:
    return [[tree.topLevelItem(r).text(c) for c in range(tree.columnCount())] for r in range(tree.topLevelItemCount())]


def click_row(qtbot, tree, n: int, double: bool = False) -> None:
    rect = tree.visualItemRect(tree.topLevelItem(n))
    act = qtbot.mouseDClick if double else qtbot.mouseClick
    if double:  # a double click lands on a selected row, as a reader's second click does
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    act(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_link(qtbot, browser, text: str) -> None:
    cursor = browser.document().find(text)
    assert not cursor.isNull(), text
    cursor.setPosition(cursor.selectionStart() + 1, QTextCursor.MoveMode.MoveAnchor)
    point = browser.cursorRect(cursor).center() + QPoint(0, 0)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_the_ledger_of_two_years_with_every_status_and_its_quotes_opening_the_reports(years, qtbot):
    library, ids = years
    first = library.windows["bundled"]
    compare = open_compare(qtbot, first)
    # The bundled report (重庆市) beside a 青川市 report: the ledger says why it has nothing.
    assert compare.old_box.currentData() == "bundled"
    assert compare.notice.isVisible() and "compare two reports of one region" in compare.notice.text()
    assert compare.ledger_view.topLevelItemCount() == 0
    choose(qtbot, compare.old_box, ids[2026])
    choose(qtbot, compare.new_box, ids[2027])
    assert not compare.notice.isVisible()
    assert rows(compare.ledger_view) == [
        ["地区生产总值", "地区生产总值增长5.5%左右", "增长5.9%", "4360.2亿元", "met"],
        ["一般公共预算收入", "一般公共预算收入增长4%", "增长3.2%", "", "not met"],
        ["城镇新增就业", "城镇新增就业8万人以上", "8.6万人", "", "met"],
        ["城镇调查失业率", "城镇调查失业率控制在5.5%以内", "5.1%", "", "within target"],
        ["居民消费价格", "居民消费价格涨幅3%左右", "上涨0.4%", "", "within target"],
        ["单位地区生产总值能耗", "单位地区生产总值能耗下降2%", "下降2.3%", "", "met"],
        ["社会消费品零售总额", "社会消费品零售总额增长6%", "—", "", "not stated in the 2027 report"],
        ["", "居民收入增长与经济增长同步", "", "", "Targets without a figure (not compared)"],
    ]
    assert "左右 (about): 0.2 percentage points either way count." in compare.rules.text()
    click_row(qtbot, compare.ledger_view, 1)
    assert FIVE in compare.quotes.toPlainText()
    click_link(qtbot, compare.quotes, "Open in the 2027 report")
    qtbot.waitUntil(lambda: ids[2027] in library.windows)
    other = library.windows[ids[2027]]
    qtbot.waitUntil(lambda: other.detail.section_id == "p1")
    assert other.detail.hit_count == 1  # the clause 一般公共预算收入增长3.2% is marked
    click_row(qtbot, compare.ledger_view, 6)
    assert "not stated in the 2027 report" in compare.quotes.toPlainText()


def test_new_wording_and_a_term_over_the_years_open_the_search_in_their_report(years, qtbot):
    library, ids = years
    compare = open_compare(qtbot, library.windows["bundled"])
    choose(qtbot, compare.old_box, ids[2026])
    choose(qtbot, compare.new_box, ids[2027])
    click_tab(qtbot, compare.tabs, 1)
    assert rows(compare.term_lists["new"]) == [["具身智能", "2"]]
    assert rows(compare.term_lists["dropped"]) == [["通用机场", "2"]]
    assert ["低空经济", "1 → 2"] in rows(compare.term_lists["kept"])
    assert compare.term_titles["new"].text() == "New in 2027  (1)"
    click_row(qtbot, compare.term_lists["new"], 0, double=True)
    qtbot.waitUntil(lambda: ids[2027] in library.windows)
    newer = library.windows[ids[2027]]
    qtbot.waitUntil(lambda: newer.search.query == "具身智能" and len(newer.search.hits) == 1)

    activate(qtbot, compare)
    click_tab(qtbot, compare.tabs, 2)
    assert [r[:2] for r in rows(compare.plans)] == [
        ["（一）加快建设现代制造业集群。", "（一）加快建设现代制造业集群。"],
        ["（二）扩大有效需求。", "（二）扩大有效需求。"],
        ["（三）持续增进民生福祉", "（三）持续增进民生福祉"],
    ]

    click_tab(qtbot, compare.tabs, 3)
    compare.term_box.setFocus()
    for ch in "低空经济":  # QTest cannot type CJK keys; insert() changes the text as typing does
        compare.term_box.insert(ch)
    QTest.keyClick(compare.term_box, Qt.Key.Key_Return)
    assert [r[:3] for r in rows(compare.counts)] == [
        ["重庆市", "2025", "0"],
        ["青川市", "2026", "1"],
        ["青川市", "2027", "2"],
    ]
    assert compare.chart.accessibleDescription() == "重庆市 2025: 0; 青川市 2026: 1; 青川市 2027: 2"
    click_row(qtbot, compare.counts, 1, double=True)
    qtbot.waitUntil(lambda: ids[2026] in library.windows)
    older = library.windows[ids[2026]]
    qtbot.waitUntil(lambda: older.search.query == "低空经济" and len(older.search.hits) == 1)


def export_with_menu(qtbot, compare, monkeypatch, target: Path, mnemonic: Qt.Key) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def pick() -> None:  # the menu runs its own loop: chosen from inside it, by its mnemonic
        menu = next((m for m in compare.findChildren(QMenu) if m.isVisible()), None)
        if menu is None:
            QTimer.singleShot(20, pick)
            return
        QTest.keyClick(menu, mnemonic)

    QTimer.singleShot(0, pick)
    qtbot.mouseClick(compare.export_button, Qt.MouseButton.LeftButton)


def test_each_tab_exports_as_pdf_word_and_csv(years, qtbot, tmp_path, monkeypatch):
    library, ids = years
    compare = open_compare(qtbot, library.windows["bundled"])
    choose(qtbot, compare.old_box, ids[2026])
    choose(qtbot, compare.new_box, ids[2027])
    said: list[str] = []
    compare.message.connect(said.append)
    export_with_menu(qtbot, compare, monkeypatch, tmp_path / "ledger.csv", Qt.Key.Key_C)
    data = (tmp_path / "ledger.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[2][:5] == ["一般公共预算收入", "一般公共预算收入增长4%", "增长3.2%", "", "not met"]
    assert table[2][6] == FIVE and said == [f"Exported to {tmp_path / 'ledger.csv'}"]

    export_with_menu(qtbot, compare, monkeypatch, tmp_path / "ledger.pdf", Qt.Key.Key_P)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "ledger.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    words = " ".join(text.split())
    assert words.startswith("The 2026 targets and what the 2027 report says was achieved Indicator Target Outcome")
    assert words.count("The 2026 targets") == 1
    assert "not stated in the 2027 report" in text

    click_tab(qtbot, compare.tabs, 1)
    export_with_menu(qtbot, compare, monkeypatch, tmp_path / "wording.docx", Qt.Key.Key_W)
    import docx

    d = docx.Document(str(tmp_path / "wording.docx"))
    assert [p.text for p in d.paragraphs if p.style.name == "Heading 2"][:1] == ["Only in the newer report"]
    assert [c.text for c in d.tables[0].rows[1].cells] == ["具身智能", "2"]

    # A target that cannot be written: said in a message, nothing left behind.
    blocked = tmp_path / "taken.csv"  # a folder of that name
    blocked.mkdir()
    monkeypatch.setattr("cqdesk.ui.years.window.QMessageBox.warning", lambda *a: said.append(a[2]))
    export_with_menu(qtbot, compare, monkeypatch, blocked, Qt.Key.Key_C)
    assert said[-1].startswith("The file was not written.") and list(blocked.iterdir()) == []


def test_the_same_report_twice_and_the_language_of_the_window():
    """Run in a process of its own (tests/ui/years_language_case.py, real keys there): a change of language is
    sent to every window the process ever made, and after hundreds of other tests' windows it crashed in Qt
    now and then (as the library's search across reports did), never alone."""
    import sys

    case = Path(__file__).with_name("years_language_case.py")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(case)],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]


def test_compare_years_from_the_librarys_menu_and_its_print_preview(years, qtbot):
    from tests.ui.test_library import answer

    library, ids = years
    first = library.windows["bundled"]
    activate(qtbot, first)
    QTest.keyClick(first, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    panel = first.library.panel
    panel.select(ids[2027])

    def choose_compare() -> None:  # the menu runs its own loop: chosen from inside it
        menu = next((m for m in panel.findChildren(QMenu) if m.isVisible()), None)
        if menu is None:
            QTimer.singleShot(20, choose_compare)
            return
        action = next(a for a in menu.actions() if a.text().replace("&", "") == "Compare Years…")
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    QTimer.singleShot(0, choose_compare)
    qtbot.mouseClick(panel.more_button, Qt.MouseButton.LeftButton)
    compare = first.years.window
    qtbot.waitUntil(compare.isVisible)
    # The bundled report of 重庆市 beside the chosen 2027 report of 青川市.
    assert (compare.old_box.currentData(), compare.new_box.currentData()) == ("bundled", ids[2027])
    choose(qtbot, compare.old_box, ids[2026])
    seen: list[int] = []

    def look(dialog) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewWidget

        preview = dialog.findChild(QPrintPreviewWidget)
        qtbot.waitUntil(lambda: preview.pageCount() > 0)
        seen.append(preview.pageCount())
        dialog.reject()

    answer(look)
    qtbot.mouseClick(compare.print_button, Qt.MouseButton.LeftButton)
    assert seen and seen[0] >= 1
