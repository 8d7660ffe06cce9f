import shutil
import sqlite3
import subprocess
import sys

import pytest

from cqdesk.report.build import build_database
from cqdesk.report.parse import parse_file
from cqdesk.report.schema import SCHEMA_VERSION
from cqdesk.report.store import Report, ReportError
from tests.conftest import DB, SOURCE, source_lines


def dump(path):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_committed_database_matches_a_rebuild(tmp_path):
    """The committed data/report.db can never drift from the source."""
    out = tmp_path / "report.db"
    build_database(parse_file(SOURCE), out)
    assert dump(out) == dump(DB)


def test_build_is_deterministic(tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    build_database(parse_file(SOURCE), a)
    build_database(parse_file(SOURCE), b)
    assert a.read_bytes() == b.read_bytes()


def test_metadata(report):
    assert report.metadata.schema_version == SCHEMA_VERSION
    assert report.metadata.source_sha256 == "50a3112f76928a4ef3daf19bcbf482b31b3dd4e519c70aa3a852971b2b428af7"
    assert report.metadata.source_lines == 160


def test_export_text_equals_source(report):
    """Byte for byte: its SHA-256 is the source's (the last, empty line too)."""
    import hashlib

    data = report.export_text().encode("utf-8")
    assert hashlib.sha256(data).hexdigest() == report.metadata.source_sha256
    assert [line for line in data.decode("utf-8").split("\n") if line] == source_lines()


def test_section_text_and_citation(report):
    assert report.section_text("plan/areas/2/1") == (
        "1.加快构建现代化集疏运体系\n"
        "提速西部陆海新通道建设。完善“五型”国家物流枢纽功能。推进产业、物流、经贸融合发展\n"
        "■常态化开行“中老泰”图定班列。投用江北国际机场T3B航站楼\n"
    )
    assert report.citation("plan/areas/2/1") == "《2025年重庆市政府工作报告》二、1. 加快构建现代化集疏运体系"
    assert (
        report.citation("review/tasks/8")
        == "《2025年重庆市政府工作报告》8、抓环保优生态促转型，美丽重庆颜值更高气质更佳"
    )


def test_opening_never_writes(tmp_path):
    copy = tmp_path / "report.db"
    shutil.copy(DB, copy)
    before = copy.read_bytes()
    copy.chmod(0o444)
    tmp_path.chmod(0o555)  # a read-only install folder: no journal, no lock file
    try:
        r = Report(copy)
        assert r.document.title == "2025年重庆市政府工作报告"
        with pytest.raises(sqlite3.OperationalError):
            r.conn.execute("DELETE FROM blocks")
        r.close()
    finally:
        tmp_path.chmod(0o755)
    assert copy.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.db"]


def _expect_error(path, words):
    with pytest.raises(ReportError) as info:
        Report(path)
    assert str(path) in str(info.value)
    assert words in str(info.value)


def test_missing_database(tmp_path):
    _expect_error(tmp_path / "nope.db", "not found")


def test_folder_instead_of_database(tmp_path):
    _expect_error(tmp_path, "is a folder")


def test_not_sqlite(tmp_path):
    bad = tmp_path / "report.db"
    bad.write_text("这不是数据库" * 200, encoding="utf-8")
    _expect_error(bad, "not an SQLite file")


def test_empty_file(tmp_path):
    bad = tmp_path / "report.db"
    bad.write_bytes(b"")
    _expect_error(bad, "not a report database")


@pytest.mark.parametrize("fraction", [0.1, 0.3, 0.5, 0.8, 0.95])
def test_truncated(tmp_path, fraction):
    data = DB.read_bytes()
    bad = tmp_path / "report.db"
    bad.write_bytes(data[: int(len(data) * fraction)])
    with pytest.raises(ReportError) as info:
        Report(bad)
    assert str(bad) in str(info.value)


def test_other_sqlite_file(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    _expect_error(other, "no metadata table")


def test_newer_schema(tmp_path):
    newer = tmp_path / "report.db"
    shutil.copy(DB, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE metadata SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    _expect_error(newer, "schema version 99")


def test_cli_reports_a_bad_database_in_one_line(tmp_path):
    bad = tmp_path / "report.db"
    bad.write_bytes(b"garbage" * 100)
    out = subprocess.run([sys.executable, "-m", "cqdesk", "--db", str(bad), "sections"], capture_output=True, text=True)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert out.stderr.count("\n") == 1 and str(bad) in out.stderr


def test_building_leaves_the_document_as_it_was(tmp_path):
    doc = parse_file(SOURCE)
    before = (list(doc.sections), {sid: list(s.children) for sid, s in doc.sections.items()})
    assert build_database(doc, tmp_path / "r.db") == len(doc.sections) + 2  # the two tables drawn from the text
    assert (list(doc.sections), {sid: list(s.children) for sid, s in doc.sections.items()}) == before


def test_content_check_is_sha256_without_loading_openssl():
    """The check hashes with Python's own SHA-256 (hashlib would load OpenSSL: 3.7 MB resident on every
    start); the digest is hashlib's, byte for byte, and matches the one recorded at build time."""
    code = (
        "import hashlib, sys\n"
        "del sys.modules['hashlib']; sys.modules.pop('_hashlib', None)\n"
        "from cqdesk.report.integrity import content_digest, digest_query\n"
        "from cqdesk.report.store import Report, connect_readonly\n"
        f"r = Report({str(DB)!r}, check=False)\n"
        "r.check_in_background()()\n"
        "print('hashlib' in sys.modules, content_digest(r.conn), r.metadata.content_sha256)\n"
        "c = connect_readonly(r.path)\n"
        "(data,) = c.execute(digest_query(c)).fetchone()\n"
        "print(hashlib.sha256(data).hexdigest())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, second = out.stdout.splitlines()
    loaded, digest, stored = first.split()
    assert loaded == "False"
    assert digest == stored == second
