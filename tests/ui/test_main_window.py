import json
import re

import pytest
from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QGuiApplication

from tests.conftest import DB, source_lines
from tests.ui.conftest import search


def labels(model, parent=None):
    parent = parent or QModelIndex()
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_tree_follows_the_report(window):
    m = window.model
    assert labels(m) == ["2024年工作回顾", "2025年政府工作"]
    review, plan = m.index(0, 0), m.index(1, 0)
    assert labels(m, review) == ["做好4方面工作", "主要经济指标", "抓10项主要工作"]
    tasks = labels(m, m.index_of("review/tasks"))
    assert len(tasks) == 10 and tasks[0].startswith("1、抓战略") and tasks[9].startswith("10、抓安全")
    assert labels(m, plan) == [
        "2025年，做好政府工作的总体要求",
        "主要预期目标",
        "聚力抓好8个方面工作",
        "接续办好15件重点民生实事",
        "持续提升政府治理效能和服务水平",
    ]
    areas = labels(m, m.index_of("plan/areas"))
    assert [a[:2] for a in areas] == ["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、"]
    assert labels(m, m.index_of("plan/areas/2")) == [
        "1.加快构建现代化集疏运体系",
        "2.加快建设高能级开放平台",
        "3.加快打造国际经贸合作中心",
    ]
    assert sum(m.rowCount(m.index_of(f"plan/areas/{n}")) for n in range(1, 9)) == 30


def test_model_parents_round_trip(window):
    m = window.model
    for sid in window.report.document.sections:
        index = m.index_of(sid)
        if sid == "report":
            assert not index.isValid()
            continue
        assert m.section(index).id == sid
        assert m.section(m.parent(index)).id == window.report.section(sid).parent


def test_selecting_a_section_shows_its_exact_text(window, qtbot):
    window.tree.setCurrentIndex(window.model.index_of("plan/areas/2/1"))
    text = window.detail.toPlainText()
    for line in window.report.section_text("plan/areas/2/1").splitlines():
        assert line in text
    assert "二、聚力打造内陆开放国际合作引领区" in text  # the breadcrumb
    assert "常态化开行" not in window.report.section_text("plan/areas/2/2")


def test_root_shows_the_whole_report(window):
    window.navigate("report")
    text = window.detail.toPlainText()
    positions = [text.index(line) for line in source_lines()]
    assert positions == sorted(positions)


def test_keyboard_moves_through_the_tree(window, qtbot):
    window.tree.setFocus()
    window.tree.setCurrentIndex(window.model.index_of("review/tasks/1"))
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)
    assert window.detail.section_id == "review/tasks/2"
    assert "2、抓制造优服务强链群" in window.detail.toPlainText()


def test_search_as_you_type(window, qtbot):
    search(qtbot, window, "乡村 振兴")
    assert [h.id for h in window.search.hits] == ["review/tasks/7", "plan/areas/5/1", "plan/areas/5"]
    assert window.search.status.text() == "3 sections, 10 hits"
    assert not window.tabs.isVisible() and window.search.view.isVisible()
    groups = [window.search.model.item(g).text() for g in range(window.search.model.rowCount())]
    assert groups == ["2024年工作回顾  (1)", "2025年政府工作  (2)"]


def test_no_match_message(window, qtbot):
    search(qtbot, window, "不存在的内容")
    assert window.search.status.text() == "No matches for “不存在的内容”."
    assert window.tabs.isVisible()


def test_stale_results_are_dropped(window, qtbot):
    window.search.box.setText("重庆")
    window.search.run_now()
    window.search.box.setText("T3B")
    window.search.run_now()
    qtbot.waitUntil(lambda: window.search.query == "T3B", timeout=3000)
    qtbot.wait(100)
    assert [h.id for h in window.search.hits] == ["plan/areas/2/1"]


def test_opening_a_result_highlights_and_f3_cycles(window, qtbot):
    search(qtbot, window, "乡村 振兴")
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    assert window.detail.section_id == "review/tasks/7"
    assert (window.detail.current_hit, window.detail.hit_count) == (1, 3)
    assert window.hit_label.text() == "Hit 1 of 3"
    html = window.detail.toHtml()
    assert len(re.findall(r'<a name="hit-\d+">', html)) == 3
    window.commands.find_next.trigger()
    window.commands.find_next.trigger()
    assert window.detail.current_hit == 3
    window.commands.find_next.trigger()  # past the last hit: on to the next result
    assert window.detail.section_id == "plan/areas/5/1" and window.detail.current_hit == 1
    window.commands.find_previous.trigger()  # and back to the last hit of the previous one
    assert window.detail.section_id == "review/tasks/7" and window.detail.current_hit == 3


def test_escape_clears_search_and_highlights(window, qtbot):
    search(qtbot, window, "T3B")
    window.search.open_result(0)
    assert window.detail.hit_count == 1
    window.commands.clear_search.trigger()
    assert window.search.box.text() == "" and window.detail.hit_count == 0 and window.tabs.isVisible()
    assert window.hit_label.text() == ""


@pytest.mark.parametrize("text", ['"OR', "<img src=x onerror=alert(1)>", "🙂" * 50, "x" * 10000, "\x00\x01"])
def test_hostile_search_text(window, qtbot, text):
    window.search.box.setText(text)
    window.search.run_now()
    qtbot.waitUntil(lambda: window.search.status.isVisible() or not window.search.box.text().strip(), timeout=3000)
    shown = window.search.status.text()
    if window.search.status.isVisible() and not window.search.hits:
        # The query comes back as the reader typed it, markup and all, never interpreted.
        assert window.search.box.text().strip()[:60] in shown


def test_back_and_forward(window):
    for sid in ("plan/areas/1", "plan/areas/2", "review/tasks/3"):
        window.navigate(sid)
    window.commands.back.trigger()
    assert window.detail.section_id == "plan/areas/2"
    window.commands.back.trigger()
    assert window.detail.section_id == "plan/areas/1"
    window.commands.forward.trigger()
    assert window.detail.section_id == "plan/areas/2"
    assert window.tree.currentIndex() == window.model.index_of("plan/areas/2")
    window.navigate("plan/targets")
    assert not window.commands.forward.isEnabled()


def test_mouse_back_and_forward_buttons_on_the_page_and_the_contents(window, qtbot):
    from PySide6.QtTest import QTest

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for sid in ("plan/areas/1", "plan/areas/2", "review/tasks/3"):
        window.navigate(sid)
    page, tree = window.detail.viewport(), window.tree.viewport()
    qtbot.wait(50)  # the window listens for these buttons once it has painted (not during start-up)
    QTest.mouseClick(page, Qt.MouseButton.BackButton)
    assert window.detail.section_id == "plan/areas/2"
    QTest.mouseClick(tree, Qt.MouseButton.BackButton, pos=tree.rect().center())
    assert window.detail.section_id == "plan/areas/1"
    QTest.mouseClick(page, Qt.MouseButton.ForwardButton)
    assert window.detail.section_id == "plan/areas/2"
    assert window.tree.currentIndex() == window.model.index_of("plan/areas/2")  # the press selected nothing


def test_internal_links_navigate_and_others_do_nothing(window):
    window.navigate("plan/areas/2")
    window.detail.anchorClicked.emit(QUrl("cqdesk:plan/areas/2/3"))
    assert window.detail.section_id == "plan/areas/2/3"
    for url in ("https://example.com/", "file:///etc/passwd", "cqdesk:nope"):
        window.detail.anchorClicked.emit(QUrl(url))
        assert window.detail.section_id == "plan/areas/2/3"
    assert window.detail.loadResource(0, QUrl("https://example.com/x.png")) is None


def test_zoom(window):
    base = window.detail.point_size()
    window.commands.zoom_in.trigger()
    window.commands.zoom_in.trigger()
    assert window.detail.point_size() > base and window.settings.preferences.get("zoom") == 2
    window.commands.zoom_reset.trigger()
    assert window.detail.point_size() == base


def test_copy_with_citation(window):
    window.navigate("plan/areas/2/1")
    window.commands.copy_cited.trigger()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("1.加快构建现代化集疏运体系\n提速西部陆海新通道建设")
    assert text.endswith("\n《2025年重庆市政府工作报告》二、1. 加快构建现代化集疏运体系")


def test_settings_survive_a_restart(make_window):
    w = make_window()
    w.navigate("plan/areas/6/1")
    w.set_zoom(3)
    w.resize(700, 520)  # within the offscreen screen (800x600), which restoreGeometry clamps to
    w.close()
    w2 = make_window()
    assert w2.detail.section_id == "plan/areas/6/1"
    assert w2.detail.zoom == 3
    assert (w2.width(), w2.height()) == (700, 520)


def test_section_argument_wins(make_window):
    assert make_window(section="review/tasks/9").detail.section_id == "review/tasks/9"


@pytest.mark.parametrize(
    "garbage",
    [
        b"\x00\xff" * 500,
        b"[General]\nzoom=banana\nlanguage=klingon\n",
        b"[General]\nzoom=999\ngeometry=@ByteArray(xx)\nlast_section=../../etc\n",
    ],
)
def test_damaged_settings_are_ignored(make_window, settings_dir, garbage):
    settings_dir.mkdir(parents=True, exist_ok=True)
    (settings_dir / "preferences.ini").write_bytes(garbage)
    (settings_dir / "state.ini").write_bytes(garbage)
    w = make_window()
    assert w.detail.zoom == 0 and w.detail.section_id == "report"


def test_every_control_has_an_accessible_name(window):
    for widget in (window.tree, window.detail, window.search.box, window.search.view):
        assert widget.accessibleName()


def test_english_menus_have_no_chinese(window):
    texts = [a.text() for m in window.commands.menus.values() for a in m.actions() if a.text()]
    texts += [m.title() for m in window.commands.menus.values()]
    offenders = [t for t in texts if re.search(r"[\u4e00-\u9fff]", t) and t != "中文 (简体)"]
    assert texts and offenders == []


def test_chinese_menus_are_all_translated(make_window):
    w = make_window("zh_CN")
    texts = [a.text() for m in w.commands.menus.values() for a in m.actions() if a.text()]
    texts += [m.title() for m in w.commands.menus.values()]
    untranslated = [t for t in texts if not re.search(r"[\u4e00-\u9fff]", t) and t != "English"]
    assert untranslated == []


def test_language_switch_keeps_the_place(make_window, qtbot):
    w = make_window("en")
    w.navigate("plan/areas/4/2")
    w.commands.lang_zh.trigger()
    qtbot.waitUntil(lambda: w.commands.menus["file"].title() == "文件(&F)")
    assert w.search.box.placeholderText() == "搜索报告 (Ctrl+F)"
    assert w.detail.section_id == "plan/areas/4/2"
    assert w.settings.preferences.get("language") == "zh_CN"
    w.commands.lang_en.trigger()
    qtbot.waitUntil(lambda: w.commands.menus["file"].title() == "&File")


def test_missing_database_dialog(qtbot, monkeypatch, tmp_path):
    import argparse

    from PySide6.QtWidgets import QMessageBox

    from cqdesk.ui import app as app_module

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append((self.text(), self.informativeText())))
    monkeypatch.setattr(
        app_module,
        "Settings",
        lambda: (
            app_module.Settings.__wrapped__(tmp_path)
            if hasattr(app_module.Settings, "__wrapped__")
            else _settings(tmp_path)
        ),
    )
    args = argparse.Namespace(db=tmp_path / "missing.db", section=None)
    assert app_module.run_gui(args) == 1
    ((text, detail),) = shown
    assert "cannot open the report" in text and str(tmp_path / "missing.db") in detail and "not found" in detail
    assert DB.exists()


def test_damaged_text_is_refused_before_the_window_shows(qtbot, monkeypatch, tmp_path):
    import argparse

    from PySide6.QtWidgets import QApplication, QMessageBox

    from cqdesk.ui import app as app_module

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append((self.text(), self.informativeText())))
    monkeypatch.setattr(app_module, "Settings", lambda: _settings(tmp_path))
    needle = "加快构建现代化集疏运体系".encode()
    damaged = tmp_path / "report.db"
    damaged.write_bytes(DB.read_bytes().replace(needle, "加快构建现代化集散运体系".encode(), 1))
    args = argparse.Namespace(db=damaged, section=None, data_dir=tmp_path / "notes")
    assert app_module.run_gui(args) == 1
    ((text, detail),) = shown
    assert "cannot open the report" in text and "content check" in detail
    assert not [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible()]


def _settings(folder):
    from cqdesk.ui.settings import Settings

    return Settings(folder)


def test_traditional_query_highlights_the_simplified_text(window, qtbot):
    from cqdesk.report.search import search as domain_search

    search(qtbot, window, "鄉村振興")
    expected = [h.id for h in domain_search(window.report.conn, "乡村振兴")]
    assert len(expected) == 3 and [h.id for h in window.search.hits] == expected
    window.search.open_result(0)
    assert window.detail.terms == ["乡村振兴"] and window.detail.hit_count == 1


def test_keyword_index_filters_and_opens_with_the_term_highlighted(window):
    panel = window.keywords
    window.tabs.setCurrentWidget(panel)
    assert panel.list.topLevelItem(0).text(0) == "“33618”  (2)"
    panel.filter.setText("行动")
    assert panel.visible_terms() == ["十项行动", "六大攻坚行动", "四千行动", "百千行动"]
    panel.filter.setText("３３６")  # full-width digits fold like the search box
    assert panel.visible_terms() == ["33618"]
    item = panel.list.topLevelItem(0).child(1)
    panel.list.itemActivated.emit(item, 0)
    assert window.detail.section_id == "plan/areas/1/3"
    assert window.detail.terms == ["33618"] and window.detail.hit_count == 1


def test_key_figures_window(window, tmp_path):
    from PySide6.QtCore import Qt

    window.commands.key_figures.trigger()
    dialog = window.key_figures
    assert dialog.isVisible() and dialog.proxy.rowCount() == 15
    lines = dialog.tsv().splitlines()
    assert lines[0] == "Indicator\t2024 result\t2025 target"
    assert lines[1:3] == ["地区生产总值达到\t预计 3.2万亿元\t", "地区生产总值增长\t预计 5.7%\t6%左右"]  # report order
    dialog.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # by the 2025 figure
    assert dialog.tsv().splitlines()[1] == "城镇新增就业\t\t65万人"
    target = tmp_path / "kf.csv"
    assert dialog.export_csv(target)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "社会消费品零售总额增长,3.6%,5%" in data.decode("utf-8-sig")
    row = next(r for r in range(dialog.proxy.rowCount()) if dialog.proxy.index(r, 0).data() == "居民消费价格涨幅")
    dialog.table.doubleClicked.emit(dialog.proxy.index(row, 2))
    assert window.detail.section_id == "plan/targets" and window.detail.hit_count == 1


def test_related_sections_under_an_item_and_a_task(window):
    window.navigate("plan/areas/5/1")
    text = window.detail.toPlainText()
    assert (
        "Continues from 2024" in text
        and "→ 7、抓城乡促融合提品质，新型城镇化和乡村振兴协同推进 （shared: 乡村振兴）" in text
    )
    window.navigate("review/tasks/1")
    assert "Carried on in 2025" in window.detail.toPlainText()
    window.detail.anchorClicked.emit(QUrl("cqdesk:plan/areas/2/1"))
    assert window.detail.section_id == "plan/areas/2/1"
    window.navigate("review/tasks/8")  # 美丽重庆 leads on to 六、美丽中国建设先行区 (by the area's heading)
    assert "→ 六、聚力打造美丽中国建设先行区" in window.detail.toPlainText()
    window.navigate("plan/areas/6")
    assert (
        "Continues from 2024" in window.detail.toPlainText() and "8、抓环保优生态促转型" in window.detail.toPlainText()
    )
    window.navigate("review/tasks/10")  # nothing shares its wording: the page says so
    text = window.detail.toPlainText()
    assert "Carried on in 2025" in text and "No 2025 item or area shares enough" in text


def test_copy_with_citation_puts_rich_text_for_word_and_plain_text_for_editors(window):
    window.navigate("plan/targets")
    window.commands.copy_cited.trigger()
    data = QGuiApplication.clipboard().mimeData()
    assert {"text/html", "text/plain"} <= set(data.formats())
    assert (
        "<b>6%左右</b>" in data.html().replace('<span style=" font-weight:700;">', "<b>").replace("</span>", "</b>")
        or "font-weight:700" in data.html()
    )
    assert "主要预期目标" in data.html() and data.text().endswith("《2025年重庆市政府工作报告》主要预期目标")


def test_rich_copy_then_quit_exits_cleanly(tmp_path):
    """The crash this replaced: rich text copied, then the app quits (offscreen keeps the clipboard in a global)."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from cqdesk.ui.app import make_app\n"
        "from cqdesk.report.store import Report\n"
        "from cqdesk.report.paths import default_db_path\n"
        "from cqdesk.ui.main_window import MainWindow\n"
        "from cqdesk.ui.settings import Settings\n"
        "from cqdesk.ui.i18n import Translations\n"
        "from pathlib import Path\n"
        "app = make_app()\n"
        f"settings = Settings(Path({str(tmp_path)!r}))\n"
        "w = MainWindow(Report(default_db_path()), settings, Translations(), 'plan/areas/2')\n"
        "w.show()\n"
        "def go():\n"
        "    w.commands.copy_cited.trigger()\n"
        "    print(sorted(app.clipboard().mimeData().formats()), flush=True)\n"
        "    w.close(); app.quit()\n"
        "QTimer.singleShot(0, go)\n"
        "sys.exit(app.exec())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CQDESK_DATA_DIR": str(tmp_path / "notes")}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-500:]
    assert "text/html" in out.stdout


@pytest.mark.parametrize(
    "tabs",
    [
        '{"sections": ["plan/areas/1", "plan/areas/2"], "current": 1e999}',
        '{"sections": ["plan/areas/1"], "current": Infinity}',
        '{"sections": ["plan/areas/1"], "current": NaN}',
        '{"sections": ["plan/areas/1"], "current": 99999999999999999999999}',
        "[" * 5000 + "]" * 5000,
        '{"sections": ' + "[" * 5000 + "]" * 5000 + "}",
        '{"sections": ["plan/areas/1"], "current": true}',
        '{"sections": ' + json.dumps(["plan/areas/1"] * 5000) + "}",
    ],
    ids=["1e999", "Infinity", "NaN", "huge", "5000-deep", "5000-deep-inside", "bool", "5000-tabs"],
)
def test_a_damaged_tabs_setting_gives_one_tab_and_a_log_line(make_window, settings_dir, tabs, caplog):
    """As found: 1e999, Infinity or JSON nested 5,000 deep in state.ini's tabs stopped every start."""
    from PySide6.QtCore import QSettings

    settings_dir.mkdir(parents=True, exist_ok=True)
    qs = QSettings(str(settings_dir / "state.ini"), QSettings.Format.IniFormat)
    qs.setValue("tabs", tabs)
    qs.setValue("last_section", "plan/areas/4")
    qs.sync()
    with caplog.at_level("WARNING", logger="cqdesk.settings"):
        w = make_window()
    assert w.reading_tabs.count() == 1 and w.detail.section_id == "plan/areas/4"
    assert any("the stored tabs is not usable" in r.getMessage() for r in caplog.records)


def test_a_damaged_tabs_setting_does_not_stop_a_real_start(tmp_path):
    """The same through a real start, every start: the process paints its window and exits 0."""
    import os
    import subprocess
    import sys

    from PySide6.QtCore import QSettings

    config = tmp_path / "config"
    qs = QSettings(str(config / "cqdesk" / "state.ini"), QSettings.Format.IniFormat)
    qs.setValue("tabs", '{"sections": ["plan/areas/1"], "current": 1e999}')
    qs.sync()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config),
           "CQDESK_DATA_DIR": str(tmp_path / "notes"), "CQDESK_STARTUP_PROBE": "1"}  # fmt: skip
    for _ in range(2):
        out = subprocess.run([sys.executable, "-m", "cqdesk"], env=env, capture_output=True, text=True, timeout=60)
        assert out.returncode == 0 and "first-paint" in out.stdout, out.stderr
        assert "Traceback" not in out.stderr


def test_the_search_status_says_when_words_are_left_out(make_window, qtbot):
    w = make_window()
    text = " ".join(["重庆"] + [f"t{i}" for i in range(70)])
    search(qtbot, w, text)
    assert w.search.status.text().endswith("Only the first 64 words are searched.")
    search(qtbot, w, "重庆")
    assert "Only the first" not in w.search.status.text()
