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
    assert run("show", "p2/s1/2", "--report", rid)[1] == "2.发展低空经济。建设通用机场1个，开通低空物流航线10条。\n"
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
