import json
import subprocess
import sys

import pytest

from cqdesk import __version__
from cqdesk.cli import main
from tests.conftest import source_lines


def run(*args):
    return subprocess.run([sys.executable, "-m", "cqdesk", *args], capture_output=True, text=True, encoding="utf-8")


def test_export_text_gives_back_the_source():
    out = run("export-text")
    assert out.returncode == 0
    assert [line for line in out.stdout.split("\n") if line] == source_lines()


def test_export_text_to_a_file(tmp_path, capsys):
    target = tmp_path / "report.txt"
    assert main(["export-text", "-o", str(target)]) == 0
    assert [line for line in target.read_text(encoding="utf-8").split("\n") if line] == source_lines()


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"cqdesk {__version__}"


def test_sections_json(capsys):
    assert main(["sections", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0] == {"id": "report", "parent": None, "title": "2025年重庆市政府工作报告", "depth": 0}
    ids = [r["id"] for r in rows]
    assert ids.index("review/tasks/10") < ids.index("plan/areas/1/1") < ids.index("plan/governance")
    assert len(rows) == 61  # 59 sections of the report and 2 views (key figures, livelihood)
    assert {"id": "plan/areas/2/1", "parent": "plan/areas/2", "title": "1.加快构建现代化集疏运体系", "depth": 4} in rows


def test_show(capsys):
    assert main(["show", "review/tasks/8"]) == 0
    assert capsys.readouterr().out == "8、抓环保优生态促转型，美丽重庆颜值更高气质更佳\n"


def test_search_json(capsys):
    assert main(["search", "T3B", "--json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit["id"] == "plan/areas/2/1" and hit["hits"] == 1 and hit["title"] == "1.加快构建现代化集疏运体系"
    assert hit["path"][-1] == hit["title"] and "T3B" in hit["snippet"]
    s, e = hit["marks"][0]
    assert hit["snippet"][s:e] == "T3B"


def test_search_limit(capsys):
    assert main(["search", "重庆", "--json", "--limit", "2"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_search_no_match_is_empty_json(capsys):
    assert main(["search", "不存在的词语", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "plan/areas/99"], "no section 'plan/areas/99'"),
        (["search", "x", "--limit", "abc"], "not a whole number"),
        (["search", "x", "--limit", "-1"], "must be at least 1"),
        (["nonsense"], "invalid choice"),
        (["export-text", "-o", "/nonexistent-dir/x.txt"], "/nonexistent-dir"),
        (["build-db", "--source", "/nonexistent.txt", "-o", "/tmp/x.db"], "not found"),
    ],
)
def test_errors_are_one_line_without_traceback(args, message):
    out = run(*args)
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert out.stderr.count("\n") == 1 and message in out.stderr


def test_export_to_a_folder_is_refused(tmp_path):
    out = run("export-text", "-o", str(tmp_path))
    assert out.returncode == 1 and "is a folder" in out.stderr


def test_build_db_round_trip(tmp_path, capsys):
    out = tmp_path / "r.db"
    assert main(["build-db", "-o", str(out)]) == 0
    assert "61 sections, 160 lines, 17 indicators" in capsys.readouterr().out
    assert main(["--db", str(out), "show", "plan/areas/5/2"]) == 0


def test_platform_option_sets_qt_platform_in_the_process(monkeypatch, capsys):
    """Wine drops QT_* variables from the environment; -platform carries the choice into the process."""
    import os

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert main(["-platform", "minimal", "show", "review/tasks/8"]) == 0
    assert os.environ["QT_QPA_PLATFORM"] == "minimal"
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")


@pytest.mark.parametrize("query", ["", "   ", "\u3000"])
def test_an_empty_search_is_a_usage_error(query):
    out = run("search", query)
    assert out.returncode == 2
    assert out.stderr == "cqdesk: search needs something to look for, e.g. cqdesk search 乡村振兴\n"


def test_a_closed_pipe_ends_quietly():
    proc = subprocess.Popen(
        [sys.executable, "-m", "cqdesk", "export-text"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    proc.stdout.close()  # like `| head` that has read enough, before cqdesk even writes
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and err == b""


def test_no_display_says_how_to_run_headless():
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run([sys.executable, "-m", "cqdesk"], capture_output=True, text=True, env=env, timeout=60)
    if not sys.platform.startswith("linux"):
        pytest.skip("only Linux has no display by default in CI")
    assert out.returncode == 2
    assert "no display found" in out.stderr and "-platform offscreen" in out.stderr and "Aborted" not in out.stderr


@pytest.mark.parametrize(
    "command", ["sections", "show", "search", "export-text", "export-pdf", "screenshot", "build-db"]
)
def test_every_argument_has_a_help_line_and_an_example(command):
    out = run(command, "--help")
    assert out.returncode == 0 and "example:\n  cqdesk " + command in out.stdout
    from cqdesk.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command").choices[command]
    for action in sub._actions:
        assert action.help, f"{command}: {action.dest} has no help line"


@pytest.mark.parametrize("dark", [False, True])
def test_screenshot_in_either_theme(tmp_path, dark):
    from PySide6.QtGui import QImage

    target = tmp_path / "shot.png"
    out = run("screenshot", "-o", str(target), "--size", "600x400", *(["--dark"] if dark else []))
    assert out.returncode == 0, out.stderr
    image = QImage(str(target))
    corner = image.pixelColor(image.width() - 20, image.height() // 2)  # the page's background
    assert (corner.lightness() < 100) == dark


def test_screenshot_in_high_contrast_and_large_print(tmp_path):
    from PySide6.QtGui import QImage

    target = tmp_path / "shot.png"
    out = run("screenshot", "-o", str(target), "--size", "600x400", "--theme", "contrast", "--large-print")
    assert out.returncode == 0, out.stderr
    image = QImage(str(target))
    assert image.pixelColor(image.width() - 20, image.height() // 2).name() == "#000000"  # a black page


def test_export_pdf_in_large_print_takes_more_pages_for_the_same_text(tmp_path):
    from pypdf import PdfReader

    counts = {}
    for large in (False, True):
        target = tmp_path / f"{large}.pdf"
        out = run("export-pdf", "-o", str(target), "--section", "plan/areas", *(["--large-print"] if large else []))
        assert out.returncode == 0, out.stderr
        reader = PdfReader(target)
        text = "".join(page.extract_text() for page in reader.pages)
        assert "加快构建现代化集疏运体系" in text and "聚力打造高品质生活宜居地" in text
        counts[large] = len(reader.pages)
    assert counts[True] >= counts[False] * 1.5  # 5 pages become 8: larger text on wider lines


def test_export_pdf_loads_no_widgets(tmp_path):
    """The PDF export paints with QtGui alone: no QtWidgets in the process."""
    code = (
        "import sys; from cqdesk.cli import main; "
        f"rc = main(['export-pdf', '-o', {str(tmp_path / 'x.pdf')!r}, '--section', 'review/tasks/1']); "
        "print(rc, 'PySide6.QtWidgets' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.split()[-2:] == ["0", "False"], out.stdout + out.stderr


def test_export_pdf_compare_prints_a_task_beside_its_2025_items(tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "compare.pdf"
    out = run("export-pdf", "-o", str(target), "--compare", "review/tasks/7")
    assert out.returncode == 0, out.stderr
    text = "".join("".join(page.extract_text().split()) for page in PdfReader(target).pages)
    assert "对照阅读" in text and "2024年工作回顾" in text and "2025年政府工作" in text
    refused = run("export-pdf", "-o", str(tmp_path / "x.pdf"), "--compare", "plan")
    assert refused.returncode == 2 and "has no other year" in refused.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_screenshot_of_the_split_view(tmp_path):
    from PySide6.QtGui import QImage

    target = tmp_path / "split.png"
    out = run("screenshot", "-o", str(target), "--size", "1000x600", "--split", "review/tasks/6", "plan/areas/2/2")
    assert out.returncode == 0, out.stderr
    assert QImage(str(target)).width() == 1000
    bad = run("screenshot", "-o", str(tmp_path / "x.png"), "--split", "review/tasks/6", "nowhere")
    assert bad.returncode == 1 and "no section 'nowhere'" in bad.stderr


def test_search_says_when_words_are_left_out(capsys):
    from cqdesk.cli import main

    assert main(["search", "重庆 " + " ".join(f"t{i}" for i in range(100))]) == 1  # no section holds them all
    err = capsys.readouterr().err
    assert err.startswith("cqdesk: only the first 64 words are searched\n")
