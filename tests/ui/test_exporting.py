"""The export command for every format, File › Export As, and LibreOffice opening the files."""

import re
import subprocess
import sys

import pytest

from cqdesk.ui.exporting.documents import ExportError, export_document
from tests.report.test_export import expected_lines


def test_an_unknown_format_and_an_unwritable_place_write_nothing(qapp, report, tmp_path):
    with pytest.raises(ExportError, match="say which format"):
        export_document(report.document, ["report"], tmp_path / "x.pages")
    with pytest.raises(ExportError, match="does not exist"):
        export_document(report.document, ["report"], tmp_path / "missing" / "x.md")
    good = tmp_path / "old.docx"
    good.write_bytes(b"an earlier file")
    with pytest.raises(ExportError):
        export_document(report.document, ["report"], good, "nonsense")
    assert good.read_bytes() == b"an earlier file" and sorted(p.name for p in tmp_path.iterdir()) == ["old.docx"]


@pytest.mark.parametrize("name", ["a.docx", "a.odt", "a.md", "a.html", "a.txt"])
def test_the_export_command_writes_each_format_without_qt(tmp_path, name):
    """No format needs a window system: the command imports no Qt module for any of them."""
    code = (
        "import sys; from cqdesk.cli import main; code = main(sys.argv[1:]); "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6'))); sys.exit(code)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, "export", "-o", str(tmp_path / name), "--section", "plan/areas/2/1"],
        capture_output=True, text=True, encoding="utf-8",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert (tmp_path / name).stat().st_size > 200 and f"wrote {tmp_path / name}" in out.stdout
    assert out.stdout.splitlines()[-1] == "[]"


def test_file_export_as_writes_the_chosen_sections(window, qtbot, monkeypatch, tmp_path):
    import docx
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "简报"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "Word document (*.docx)"))
    )
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.navigate("plan/areas/2/1")
    window.detail.setFocus()
    QTest.keyClick(window.detail, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    written = tmp_path / "简报.docx"
    d = docx.Document(str(written))
    assert "提速西部陆海新通道建设。完善“五型”国家物流枢纽功能。推进产业、物流、经贸融合发展" in [
        p.text for p in d.paragraphs
    ]
    assert f"Exported to {written}" in window.statusBar().currentMessage()


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_libreoffice_opens_the_export_and_its_pdf_holds_the_sections(qapp, report, tmp_path, fmt):
    """The Word and OpenDocument files open in LibreOffice (headless), and what it prints holds every line."""
    import shutil

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (scripts/install-system-deps.sh --test installs it)")
    sids = ["plan/targets", "plan/areas/2/1"]
    done = export_document(report.document, sids, tmp_path / f"export.{fmt}")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path), str(done.path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = subprocess.run(["pdftotext", str(tmp_path / "export.pdf"), "-"], capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", "", text)
    for line in expected_lines(report, sids):
        assert re.sub(r"\s+", "", line) in flat, line


def test_a_comparison_exports_as_two_columns_in_html_and_as_its_section_elsewhere(report, tmp_path):
    from cqdesk.report.compare import page_id
    from cqdesk.ui.exporting.documents import export_document

    page = [page_id("review/tasks/6")]
    export_document(report.document, page, tmp_path / "c.html", links=report.related)
    html = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert html.count("vertical-align:top; width:50%") == 2 and "对照阅读" in html  # two columns
    plain = re.sub(r"<[^>]+>", "", html)
    assert "加快打造国际经贸合作中心" in plain and "国际交往能力和影响力持续增强" in plain
    export_document(report.document, page, tmp_path / "c.md", links=report.related)
    text = (tmp_path / "c.md").read_text(encoding="utf-8")
    assert "## 6、抓开放拓空间聚资源，枢纽节点优势更加彰显" in text and "对照" not in text
