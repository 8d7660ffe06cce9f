"""Hostile input and damaged files, without a display: search, command line, database, settings."""

import io
import random
import shutil
import sqlite3
import time
from contextlib import redirect_stderr, redirect_stdout

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cqdesk.cli import main
from cqdesk.report.build import search_text
from cqdesk.report.normalize import fold, query_terms
from cqdesk.report.search import search
from cqdesk.report.store import Report, ReportError
from tests.conftest import DB, examples, source_lines
from tests.strategies import ANY_CHAR

FTS_BITS = st.sampled_from(
    [
        '"',
        "'",
        "*",
        "^",
        "(",
        ")",
        ":",
        "-",
        "+",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "NEAR(",
        "\\",
        "%",
        "_",
        " ",
        "\u3000",
        "\x00",
        "\n",
        "重庆",
        "乡村",
        "AI",
        "🙂",
        "col:",
        "{",
        "}",
    ]
)
QUERIES = st.one_of(
    st.text(ANY_CHAR, max_size=40),
    st.lists(FTS_BITS, max_size=20).map("".join),
    st.text(ANY_CHAR, min_size=2000, max_size=10000),
)


def check_hits(report, query, hits):
    terms = query_terms(query)
    for h in hits:
        text = fold(search_text(report.document.sections[h.id]))
        assert all(t in text for t in terms)
        for s, e in h.marks:
            assert 0 <= s < e <= len(h.snippet)
    keys = [(not h.title_hit, -h.hits, h.position) for h in hits]
    assert keys == sorted(keys)


@pytest.mark.thorough
@settings(max_examples=examples(8000), deadline=1000, suppress_health_check=list(HealthCheck))
@given(QUERIES)
def test_domain_search_any_text(report, query):
    """8,000 cases (2,000 more go through the window's search box): no exception, valid, within 1 s."""
    start = time.perf_counter()
    hits = search(report.conn, query, max_text_length=report.metadata.max_text_length)
    assert time.perf_counter() - start < 1.0
    check_hits(report, query, hits)


BAD_INVOCATIONS = [
    (["--section", "plan/areas/99"], "no section"),
    (["--section", ""], "no section"),
    (["show", "../../etc/passwd"], "no section"),
    (["search"], "required"),
    (["search", "x", "--limit", "0"], "at least 1"),
    (["search", "x", "--limit", "1e9"], "whole number"),
    (["screenshot", "-o", "/tmp/x.png", "--size", "0x0"], "outside"),
    (["screenshot", "-o", "/tmp/x.png", "--size", "wide"], "size must look like"),
    (["screenshot", "-o", "/tmp/x.png", "--size", "99999x99999"], "outside"),
    (["screenshot", "-o", "/tmp/x.png", "--section", "nope"], "no section"),
    (["screenshot", "-o", "/tmp/x.png", "--lang", "fr"], "invalid choice"),
    (["export-pdf", "-o", "/nonexistent/x.pdf"], "does not exist"),
    (["export-pdf", "-o", "/dev/full"], "no space left"),  # a device is written to, never replaced
    (["export-pdf", "-o", "/tmp/x.pdf", "--section", "plan/areas/0"], "no section"),
    (["export-pdf", "-o", "/tmp/x.pdf", "--paper", "A3"], "invalid choice"),
    (["export-pdf"], "required"),
    (["export-text", "-o", "/proc/version"], ""),
    (["--db", "/nonexistent.db", "sections"], "not found"),
    (["--frobnicate"], "unrecognized arguments"),
    (["build-db", "--source", "/etc/hostname", "-o", "/tmp/cqdesk-bad.db"], ""),
]


@pytest.mark.parametrize(("argv", "message"), BAD_INVOCATIONS, ids=[" ".join(a) for a, _ in BAD_INVOCATIONS])
def test_bad_command_lines_get_one_clear_line(argv, message, monkeypatch):
    if argv[0] == "--section":  # would open the window: it must refuse before that
        import cqdesk.ui.main_window as mw

        monkeypatch.setattr(mw, "MainWindow", None)
    err, out = io.StringIO(), io.StringIO()
    with redirect_stderr(err), redirect_stdout(out):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
    text = err.getvalue()
    assert code not in (0, None)
    assert "Traceback" not in text and text.count("\n") == 1, text
    assert message in text


@pytest.mark.thorough
@settings(max_examples=examples(300), deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.text(ANY_CHAR, max_size=30), max_size=6))
def test_any_arguments_after_a_subcommand(argv):
    for command in ("show", "search", "sections"):
        err = io.StringIO()
        with redirect_stderr(err), redirect_stdout(io.StringIO()):
            try:
                main([command, *argv])
            except SystemExit:
                pass
        assert "Traceback" not in err.getvalue()


# The database ------------------------------------------------------------------------------


def open_or_refuse(path):
    """A damaged database is refused with a clear error, or read with exactly the right text."""
    try:
        report = Report(path)
    except ReportError as exc:
        assert str(path) in str(exc)
        return "refused"
    try:
        assert [b.text for b in report.document.blocks] == source_lines()
        assert [h.id for h in search(report.conn, "T3B")] == ["plan/areas/2/1"]
    finally:
        report.close()
    return "read"


def test_truncated_at_many_offsets(tmp_path):
    data = DB.read_bytes()
    offsets = sorted({*range(0, len(data), 4096), *random.Random(1).sample(range(len(data)), 60)})
    outcomes = set()
    for offset in offsets:
        path = tmp_path / f"t{offset}.db"
        path.write_bytes(data[:offset])
        outcomes.add(open_or_refuse(path))
        path.unlink()
    assert outcomes == {"refused"}, "a truncated database was read"
    assert len(offsets) > 100


@pytest.mark.thorough
@settings(max_examples=examples(300), deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.integers(0, 10**9), st.integers(0, 255)), min_size=1, max_size=8))
def test_random_bytes_overwritten(tmp_path_factory, edits):
    data = bytearray(DB.read_bytes())
    for where, value in edits:
        data[where % len(data)] = value
    path = tmp_path_factory.mktemp("edit") / "report.db"
    path.write_bytes(bytes(data))
    open_or_refuse(path)  # never wrong text


def test_a_changed_character_is_refused(tmp_path):
    data = DB.read_bytes()
    needle = "加快构建现代化集疏运体系".encode()
    at = data.index(needle)
    changed = data[:at] + "加快构建现代化集散运体系".encode() + data[at + len(needle) :]
    path = tmp_path / "report.db"
    path.write_bytes(changed)
    with pytest.raises(ReportError, match="content check"):
        Report(path)


def test_the_background_check_gives_the_same_verdict(tmp_path):
    assert Report(DB, check=False).check_in_background()() is None
    data = DB.read_bytes()
    needle = "加快构建现代化集疏运体系".encode()
    path = tmp_path / "report.db"
    path.write_bytes(data.replace(needle, "加快构建现代化集散运体系".encode(), 1))
    verdict = Report(path, check=False).check_in_background()
    with pytest.raises(ReportError, match="content check"):
        verdict()


def test_a_changed_row_through_sqlite_is_refused(tmp_path):
    path = tmp_path / "report.db"
    shutil.copy(DB, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE blocks SET text = '篡改' WHERE line_no = 60")
    conn.commit()
    conn.close()
    with pytest.raises(ReportError, match="content check"):
        Report(path)


def test_a_renamed_column_is_refused(tmp_path):
    """As Hypothesis found: one byte of the schema's text renamed search.position; the rows stayed readable, the
    content check passed and every search failed. The digest now covers the columns' names."""
    data = DB.read_bytes()
    at = data.index(b"position", data.index(b'CREATE TABLE "search"'))
    path = tmp_path / "report.db"
    path.write_bytes(data[: at + 1] + b"q" + data[at + 2 :])
    assert open_or_refuse(path) == "refused"
