"""The library: import (atomic, once per file), list, open, rename, remove; the CLI that other tools use; and
bad input that changes nothing, the bundled database included."""

import hashlib
import json

import pytest

from cqdesk.report.library import BUNDLED, Library, LibraryError
from tests.conftest import DB
from tests.conftest import run_cli as run
from tests.fixtures import reports as R


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("CQDESK_DATA_DIR", str(folder))
    return folder


def test_import_then_export_text_gives_every_paragraph_back(tmp_path, data_dir):
    source = R.write_text(tmp_path / "青川 2026 报告.txt", "gb18030", "\r\n")  # spaces and Chinese in the name
    code, out, err = run("import", str(source), "--json")
    assert code == 0, err
    (info,) = json.loads(out)
    assert {k: info[k] for k in ("title", "region", "year", "format", "encoding", "paragraphs")} == {
        "title": "2026年青川市人民政府工作报告", "region": "青川市", "year": 2026, "format": "text",
        "encoding": "gb18030", "paragraphs": 27}  # fmt: skip
    assert info["characters"] == sum(len(p) for p in R.report_paragraphs()) and info["warnings"] == []
    code, text, _ = run("export-text", "--report", info["id"])
    assert code == 0 and text == "".join(p + "\n" for p in R.report_paragraphs())
    entry = Library(data_dir, DB).entry(info["id"])
    assert entry.provenance["file"] == source.name
    assert entry.provenance["sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()
    assert entry.provenance["format"] == "text" and entry.provenance["encoding"] == "gb18030"


def test_the_same_file_twice_is_already_there(tmp_path, data_dir):
    source = R.write_html(tmp_path / "a.html")
    assert run("import", str(source))[0] == 0
    code, out, _ = run("import", str(source))
    assert code == 0 and out.startswith("already in the library as ")
    assert len(Library(data_dir, DB).entries()) == 2


def test_dry_run_stores_nothing(tmp_path, data_dir):
    code, out, _ = run("import", str(R.write_docx(tmp_path / "a.docx")), "--dry-run")
    assert code == 0 and out.startswith("would import ")
    assert [e.id for e in Library(data_dir, DB).entries()] == [BUNDLED]


def test_library_lists_the_bundled_report_first_and_every_reading_command_takes_report(tmp_path, data_dir):
    for year in (2027, 2026):
        run("import", str(R.write_text(tmp_path / f"{year}.txt", year=year)))
    code, out, _ = run("library", "--json")
    entries = json.loads(out)
    assert [(e["year"], e["bundled"]) for e in entries] == [(2025, True), (2026, False), (2027, False)]
    rid = entries[1]["id"]
    shown = run("show", "p2/s1/2", "--report", rid)[1]
    assert shown == "2.发展低空经济。建设通用机场1个，完善通用机场配套，开通低空物流航线10条。\n"
    sections = json.loads(run("sections", "--json", "--report", rid)[1])
    assert sections[1] == {"id": "p1", "parent": "report", "title": "一、2025年工作回顾", "depth": 1}
    code, out, _ = run("search", "低空", "--all", "--json")
    hits = json.loads(out)
    assert sorted(h["report"] for h in hits) == sorted(e["id"] for e in entries[1:])
    assert run("search", "低空", "--report", rid, "--json")[0] == 0
    assert run("export", "-o", str(tmp_path / "s.docx"), "--report", rid, "--section", "p2/s1")[0] == 0
    code, _, err = run("show", "p1", "--report", "nope")
    assert code == 1 and "no report 'nope' in the library" in err


def test_rename_and_remove(tmp_path, data_dir):
    run("import", str(R.write_text(tmp_path / "a.txt")))
    lib = Library(data_dir, DB)
    rid = lib.entries()[1].id
    assert run("library", "rename", rid, "青川 2026")[0] == 0
    assert lib.entry(rid).shown_name == "青川 2026" and lib.entry(rid).title == "2026年青川市人民政府工作报告"
    code, _, err = run("library", "remove", BUNDLED)
    assert code == 1 and "cannot be removed" in err
    assert run("library", "remove", rid)[0] == 0
    assert [e.id for e in lib.entries()] == [BUNDLED]
    with pytest.raises(LibraryError):
        lib.entry(rid)


def test_bad_files_say_why_and_the_others_still_import(tmp_path, data_dir):
    bundled_before = DB.read_bytes()
    good = R.write_text(tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "novel.txt").write_text("他走进了房间，看见窗外下着雨。\n她没有说话。\n", encoding="utf-8")
    names = ["empty.txt", "image.txt", "novel.txt", "missing.txt", "good.txt"]
    code, out, err = run("import", *(str(tmp_path / n) for n in names))
    assert code == 1 and "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 4
    assert "empty.txt: not imported: the file is empty" in lines[0]
    assert "image.txt: not imported: it is a PNG image" in lines[1]
    assert "does not look like a government work report" in lines[2] and "--force" in lines[2]
    assert "missing.txt: not imported: No such file or directory" in lines[3]
    assert out.startswith("imported ")
    assert [e.title for e in Library(data_dir, DB).entries()][1:] == ["2026年青川市人民政府工作报告"]
    assert run("import", str(tmp_path / "novel.txt"), "--force")[0] == 0  # insisted on: plain paragraphs
    assert DB.read_bytes() == bundled_before
    assert good.exists()


def test_a_full_disk_leaves_no_half_report(tmp_path, monkeypatch):
    from tests.conftest import tmpfs

    with tmpfs(tmp_path / "tiny", "64k") as mount:
        monkeypatch.setenv("CQDESK_DATA_DIR", str(mount / "data"))
        code, _, err = run("import", str(R.write_text(tmp_path / "big.txt", filler=200)))
        assert code == 1 and "the disk is full; the library is as it was" in err, err
        assert [p.name for p in (mount / "data" / "reports").iterdir()] == []  # no half database, no .part
        assert [e.id for e in Library(mount / "data", DB).entries()] == [BUNDLED]


def test_notes_are_anchored_to_their_report(tmp_path, data_dir):
    """Two imported reports share section ids (p1/s1 …): a note on one is not on the other, nor on the bundled
    report; the notes export names the report; removing the report keeps its notes."""
    ids = []
    for year in (2026, 2027):
        out = run("import", str(R.write_text(tmp_path / f"{year}.txt", year=year)), "--json")[1]
        ids.append(json.loads(out)[0]["id"])
    assert run("notes", "add", "p1/s1", "--report", ids[0], "--note", "第一份")[0] == 0
    assert run("notes", "add", "p1/s1", "--report", ids[1], "--note", "第二份")[0] == 0
    assert run("notes", "add", "review/tasks/1", "--note", "内置")[0] == 0
    for rid, text in ((ids[0], "第一份"), (ids[1], "第二份")):
        listed = json.loads(run("notes", "list", "--json", "--report", rid)[1])["annotations"]
        assert [(a["section"], a["note"], a["library_report"]) for a in listed] == [("p1/s1", text, rid)]
    bundled = json.loads(run("notes", "list", "--json")[1])["annotations"]
    assert [(a["note"], "library_report" in a) for a in bundled] == [("内置", False)]
    assert run("library", "remove", ids[0])[0] == 0
    from cqdesk.notes.store import NotesStore

    store = NotesStore(data_dir)
    assert sorted(a.note for a in store.all(None)) == ["内置", "第一份", "第二份"]  # nothing of it deleted
    store.close()


def test_notes_of_an_older_format_are_read_and_migrated(tmp_path, monkeypatch):
    """A notes file of format 2 (before notes named their report): opened, migrated, its checksums still match;
    read-only, it is read through a migrated copy; as a backup, it restores."""
    import sqlite3

    from cqdesk.notes import store as S
    from cqdesk.notes.model import Annotation

    folder = tmp_path / "notes"
    folder.mkdir()
    conn = sqlite3.connect(folder / "user.db")
    S._migrate(conn, 0, 2)
    a = Annotation.new("note", "review/tasks/1", "", note="旧笔记")
    values = [getattr(a, c) for c in S._COLUMNS if c != "report"]
    conn.execute(f"INSERT INTO annotations VALUES ({', '.join('?' * 14)})", [*values, S.checksum(a)])
    conn.commit()
    conn.close()
    (tmp_path / "old.db").write_bytes((folder / "user.db").read_bytes())
    with monkeypatch.context() as m:  # a read-only folder (root could write through a chmod)
        m.setattr(S.os, "access", lambda *_: False)
        ro = S.NotesStore(folder)
        assert ro.read_only_reason and [n.note for n in ro.all()] == ["旧笔记"] and ro.mismatches() == []
        ro.close()
    assert (folder / "user.db").read_bytes() == (tmp_path / "old.db").read_bytes()  # not migrated in place
    store = S.NotesStore(folder)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == S.VERSION
    assert [n.note for n in store.all()] == ["旧笔记"] and store.mismatches() == []
    store.put(Annotation.new("note", "p1", "", "2026-abc", note="新"))
    store.restore(tmp_path / "old.db")
    assert [n.note for n in store.all(None)] == ["旧笔记"]
    store.close()


def test_a_50_mb_file(tmp_path, data_dir):
    """A saved page of 50 MB (an image inlined, as "save complete page" does) is a report and imports; 50 MB
    of text is not one report: said in one line, in about a second, and nothing stored."""
    import base64

    page = R.write_html(tmp_path / "page.html").read_text(encoding="utf-8")
    image = '<img src="data:image/png;base64,' + base64.b64encode(bytes(range(256)) * 150_000).decode() + '">'
    big_page = tmp_path / "50 MB 页面.html"
    big_page.write_text(page.replace("</body>", image + "</body>"), encoding="utf-8")
    big_text = tmp_path / "50mb.txt"
    line = "本市持续推进各项工作，取得新的进展。" * 40 + "\n"
    big_text.write_text(R.report_text() + line * (50_000_000 // len(line.encode())), encoding="utf-8")
    assert big_page.stat().st_size > 50_000_000 and big_text.stat().st_size > 49_000_000
    code, out, err = run("import", str(big_text), str(big_page))
    assert code == 1 and out.startswith("imported ") and out.count("\n") == 1
    assert err.startswith(f"cqdesk: {big_text}: not imported: it holds 16,") and "not one report" in err
    assert "Traceback" not in err and len(Library(data_dir, DB).entries()) == 2


def test_a_text_with_no_chinese_imports_with_force(tmp_path, data_dir):
    """As found: a forced import of an English article failed to build its database (no variants table)."""
    source = tmp_path / "en.txt"
    source.write_text("An English article.\n\nIt has two paragraphs.\n", encoding="utf-8")
    code, _, err = run("import", str(source))
    assert code == 1 and "does not look like a government work report" in err and "--force" in err
    code, out, err = run("import", str(source), "--force", "--json")
    assert code == 0, err
    rid = json.loads(out)[0]["id"]
    assert run("export-text", "--report", rid)[1] == "An English article.\nIt has two paragraphs.\n"
