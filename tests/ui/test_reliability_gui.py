"""The window under hostile input and faults; the read-only and offline guarantees."""

import hashlib
import importlib.util
import socket
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cqdesk.report.normalize import query_terms
from cqdesk.report.search import SearchHit
from cqdesk.ui.search.results import result_html
from cqdesk.ui.settings import PREFERENCES, STATE, Store
from tests.conftest import DB, REPO, examples
from tests.strategies import ANY_CHAR

BITS = st.sampled_from(
    [
        '"',
        "*",
        "^",
        "(",
        ")",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "\\",
        "%",
        "_",
        " ",
        "重庆",
        "乡村",
        "振兴",
        "AI",
        "🙂",
        "<b>",
        "&amp;",
        "\x00",
    ]
)


def type_and_wait(window, qtbot, text):
    """Put text in the search box and wait for its answer (at most 1 s)."""
    box = window.search.box
    box.setText(text)
    if not query_terms(box.text()):  # what the box holds: Qt drops lone surrogates, for one
        return
    with qtbot.waitSignal(window.search.service.results, timeout=1000):
        window.search.run_now()


@pytest.mark.thorough
@settings(max_examples=examples(2000), deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.one_of(
        st.text(ANY_CHAR, max_size=30),
        st.lists(BITS, max_size=12).map("".join),
        st.text(ANY_CHAR, min_size=5000, max_size=10000),
    )
)
def test_search_box_any_text(window, qtbot, text):
    """2,000 cases through the real box (8,000 more hit the domain search): answered, valid, shown safely."""
    type_and_wait(window, qtbot, text)
    panel = window.search
    if query_terms(panel.box.text()):
        assert panel.query == panel.box.text()
        assert panel.status.isVisible()
        for hit in panel.hits:
            assert hit.id in window.report.document.sections
        if panel.hits:
            panel.open_result(0)
            assert window.detail.hit_count >= 1


@pytest.mark.thorough
@settings(max_examples=examples(300), deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.binary(max_size=600),
    st.dictionaries(st.sampled_from([*PREFERENCES, *STATE, "other"]), st.text(ANY_CHAR, max_size=40), max_size=6),
)
def test_settings_files_of_any_content(tmp_path_factory, garbage, values):
    folder = tmp_path_factory.mktemp("s")
    path = folder / "preferences.ini"
    body = "[General]\n" + "".join(f"{k}={v}\n" for k, v in values.items())
    path.write_bytes(garbage + body.encode("utf-8", "surrogatepass"))
    for options in (PREFERENCES, STATE):
        store = Store(path, options)
        for key, option in options.items():
            value = store.get(key)
            assert type(value) is type(option.default)
            option.check(value)  # a value that comes back always passes its own check


def test_markup_in_results_is_escaped():
    hostile = '<img src=x onerror=alert(1)><a href="file:///etc/passwd">x</a>'
    hit = SearchHit("plan", "plan", [hostile, hostile], hostile, hostile, [(0, 4)], 1)
    from PySide6.QtGui import QPalette

    html = result_html(hit, QPalette(), False)
    assert "<img" not in html and '<a href="file' not in html and "&lt;img" in html


def test_markup_typed_in_the_box_is_shown_literally(window, qtbot):
    type_and_wait(window, qtbot, '<img src=x onerror=alert(1)> <a href="file:///etc/passwd">x</a>')
    assert window.search.status.text().startswith("No matches for “<img src=x onerror=alert(1)>")


def test_detail_never_follows_or_loads_outside(window):
    from PySide6.QtCore import QUrl

    window.navigate("plan/areas/1/1")
    for url in ("https://example.com/", "file:///etc/passwd", "javascript:alert(1)", "cqdesk:../../etc"):
        window.detail.anchorClicked.emit(QUrl(url))
    assert window.detail.section_id == "plan/areas/1/1"
    assert window.detail.loadResource(2, QUrl("https://example.com/a.png")) is None


@pytest.fixture
def no_network(monkeypatch):
    """Any socket connection or name lookup fails the test."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network use: {args!r}")

    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_connection"):
        monkeypatch.setattr(socket, name, refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


def test_full_session_is_read_only_and_offline(make_window, qtbot, tmp_path, print_preview, no_network):
    before = hashlib.sha256(DB.read_bytes()).hexdigest(), DB.stat().st_mtime_ns
    w = make_window("zh_CN")
    for query in ("乡村 振兴", "AI", "重庆"):
        type_and_wait(w, qtbot, query)
        w.search.open_result(0)
        w.commands.find_next.trigger()
    w.commands.clear_search.trigger()
    w.navigate("plan/areas/3")
    w.commands.zoom_in.trigger()
    w.commands.lang_en.trigger()
    w.commands.select_mode.trigger()
    w.printing.bar.all.click()
    w.commands.print_.trigger()
    assert w.printing.export_to(tmp_path / "session.pdf").pages >= 5
    w.commands.copy_cited.trigger()
    w.commands.back.trigger()
    w.close()
    assert print_preview and no_network == []
    assert "PySide6.QtNetwork" not in sys.modules
    assert (hashlib.sha256(DB.read_bytes()).hexdigest(), DB.stat().st_mtime_ns) == before


def test_export_to_a_full_disk_keeps_the_old_file(app_doc_for_export, tmp_path):
    mount = tmp_path / "tiny"
    mount.mkdir()
    if (
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True).returncode
        != 0
    ):
        pytest.skip("cannot mount a small tmpfs here")
    try:
        from cqdesk.ui.printing.pdf import ExportError, export_pdf

        good = mount / "report.pdf"
        good.write_bytes(b"%PDF an earlier good export")
        with pytest.raises(ExportError, match="no space left on the disk"):
            export_pdf(app_doc_for_export, ["report"], good)
        assert good.read_bytes() == b"%PDF an earlier good export"
        assert [p.name for p in mount.iterdir()] == ["report.pdf"]
    finally:
        subprocess.run(["umount", str(mount)], check=False)


@pytest.fixture
def app_doc_for_export(qapp, report):
    from cqdesk.ui.fonts import register_fonts

    register_fonts()
    return report.document


def test_cancelled_export_and_print_write_nothing(window, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda dialog: 0)  # closed without printing
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail("no message for a cancel"))
    monkeypatch.chdir(tmp_path)  # undone after the test: later tests keep their folder
    window.commands.export_pdf.trigger()
    window.commands.print_.trigger()
    assert list(tmp_path.iterdir()) == []


def test_short_soak(window, tmp_path):
    spec = importlib.util.spec_from_file_location("soak", REPO / "benchmarks" / "soak.py")
    soak = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(soak)
    start = time.perf_counter()
    result = soak.soak(window, 400, seed=3, tmp=tmp_path, warmup=100)
    assert result["ops"] == 400 and sum(result["counts"].values()) == 400
    shown, stored, bad = result["notes"]
    assert result["counts"]["note add"] > 0 and shown == stored and bad == []  # every saved change there
    assert time.perf_counter() - start < 120
