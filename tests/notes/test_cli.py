import json
import os
import subprocess
import sys

from cqdesk.cli import main
from cqdesk.notes.store import NotesStore


def notes(capsys, *args):
    rc = main(["notes", *args])
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_add_list_export_and_import_again_elsewhere(capsys, tmp_path, monkeypatch):
    rc, bookmark_id, _ = notes(capsys, "add", "plan/areas/2/1")
    assert rc == 0
    rc, again, _ = notes(capsys, "add", "plan/areas/2/1")
    assert again == bookmark_id  # one bookmark per section
    rc, hid, _ = notes(
        capsys, "add", "plan/areas/2/1", "--quote", "西部陆海新通道", "--note", "对照", "--color", "green"
    )
    assert rc == 0
    rc, out, _ = notes(capsys, "list")
    assert "二、1. 加快构建现代化集疏运体系" in out and "「西部陆海新通道」 (green)" in out and "    对照" in out
    exported = tmp_path / "notes.json"
    assert notes(capsys, "export", "-o", str(exported))[0] == 0
    body = json.loads(exported.read_text(encoding="utf-8"))
    (h,) = [a for a in body["annotations"] if a["kind"] == "highlight"]
    assert h["quote"]["exact"] == "西部陆海新通道" and h["id"] == hid.strip()

    monkeypatch.setenv("CQDESK_DATA_DIR", str(tmp_path / "other"))
    rc, out, _ = notes(capsys, "import", str(exported), "--dry-run")
    assert "would import: 2 added, 0 changed, 0 skipped" in out
    assert NotesStore(tmp_path / "other").all() == []
    rc, out, _ = notes(capsys, "import", str(exported))
    assert "imported: 2 added" in out
    rc, out, _ = notes(capsys, "import", str(exported))
    assert "0 added, 0 changed, 2 skipped" in out
    assert len(NotesStore(tmp_path / "other").all()) == 2


def test_a_quote_must_occur_in_the_section(capsys):
    rc, _, err = notes(capsys, "add", "plan/areas/2/1", "--quote", "不在这一节里的话")
    assert rc == 1 and "does not hold '不在这一节里的话'" in err
    assert NotesStore(os.environ["CQDESK_DATA_DIR"]).all() == []


def test_a_foreign_file_imports_nothing_and_says_why(capsys, tmp_path):
    notes(capsys, "add", "review/tasks/1")
    for content, why in [(b"\xff\xfe garbage", "not a UTF-8 text file"), (b'{"a": 1}', "not a cqdesk notes file")]:
        bad = tmp_path / "bad.json"
        bad.write_bytes(content)
        rc, _, err = notes(capsys, "import", str(bad))
        assert rc == 1 and why in err and "nothing was changed" in err
    assert len(NotesStore(os.environ["CQDESK_DATA_DIR"]).all()) == 1


def test_csv_and_markdown_exports(capsys, tmp_path):
    notes(capsys, "add", "review/tasks/7", "--note", "看这里")
    csv_path, md_path = tmp_path / "n.csv", tmp_path / "n.md"
    assert notes(capsys, "export", "--format", "csv", "-o", str(csv_path))[0] == 0
    assert csv_path.read_bytes().startswith("\ufeffid,kind".encode())
    assert notes(capsys, "export", "--format", "md", "-o", str(md_path))[0] == 0
    md = md_path.read_text(encoding="utf-8")
    assert "## 《2025年重庆市政府工作报告》7、抓城乡促融合提品质" in md and "看这里" in md


def test_the_data_dir_option_wins(capsys, tmp_path):
    assert main(["--data-dir", str(tmp_path / "mine"), "notes", "add", "review/tasks/1"]) == 0
    assert len(NotesStore(tmp_path / "mine").all()) == 1


def test_export_pdf_with_notes_prints_highlights_and_numbered_notes(capsys, tmp_path):
    from pypdf import PdfReader

    # Characters of the report itself: the bundled paper font holds them, so the PDF's text reads back exactly
    # (others are drawn from the system's CJK font, legible, though extraction may not give them back).
    notes(capsys, "add", "plan/areas/2/1", "--quote", "西部陆海新通道", "--note", "对照2024年第6项")
    notes(capsys, "add", "plan/areas/2/1", "--note", "本节的笔记")
    plain, marked = tmp_path / "plain.pdf", tmp_path / "notes.pdf"
    # In a process of its own, as a reader runs it: the export starts a Qt application without widgets.
    for target, extra in ((plain, []), (marked, ["--with-notes"])):
        cmd = [sys.executable, "-m", "cqdesk", "export-pdf", "-o", str(target), "--section", "plan/areas/2/1", *extra]
        assert subprocess.run(cmd, capture_output=True).returncode == 0
    text = "".join(p.extract_text() for p in PdfReader(marked).pages).replace("\t", " ").replace("\n", "")
    assert "[1] 本节的笔记" in text and "[2] 对照2024年第6项" in text
    assert "西部陆海新通道" in text
    assert "第6项" not in "".join(p.extract_text() for p in PdfReader(plain).pages)


def test_export_with_notes_ends_each_format_with_the_numbered_notes(capsys, tmp_path):
    import docx

    notes(capsys, "add", "plan/areas/2/1", "--quote", "西部陆海新通道", "--note", "对照2024年")
    for name in ("n.md", "n.txt", "n.docx", "n.html"):
        target = tmp_path / name
        cmd = [sys.executable, "-m", "cqdesk", "export", "-o", str(target), "--section", "plan/areas/2", "--with-notes"]
        assert subprocess.run(cmd, capture_output=True).returncode == 0
    want = "[1] 二、1. 加快构建现代化集疏运体系 「西部陆海新通道」对照2024年"
    assert want in (tmp_path / "n.txt").read_text(encoding="utf-8")
    assert "## 我的笔记" in (tmp_path / "n.md").read_text(encoding="utf-8")
    assert want in [p.text for p in docx.Document(str(tmp_path / "n.docx")).paragraphs]
    assert "对照2024年" in (tmp_path / "n.html").read_text(encoding="utf-8")
