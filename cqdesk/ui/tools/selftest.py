"""``cqdesk self-test``: prove that an installed (or frozen) app has everything it needs.

One line per check; the exit status is 0 only if every check passed.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication
from pathlib import Path

from ...report.paths import default_db_path, default_source_path
from ...report.render import render_section
from ...report.store import Report

KNOWN_SEARCHES = {
    "库": ["plan/areas/5"],
    "T3B": ["plan/areas/2/1"],
    "乡村 振兴": ["review/tasks/7", "plan/areas/5/1", "plan/areas/5"],
    "鄉村 振興": ["review/tasks/7", "plan/areas/5/1", "plan/areas/5"],  # traditional characters
}


def run_self_test(db: Path | None = None, out: Callable[[str], None] = print) -> bool:
    from ..tools.headless import gui_app

    with gui_app("zh_CN") as app:
        return _run(app, db, out)


def _run(app: QGuiApplication, db: Path | None, out: Callable[[str], None]) -> bool:
    from PySide6.QtCore import QLibraryInfo

    state: dict[str, Report] = {}
    results: list[bool] = []

    def check(name: str, fn: Callable[[], str]) -> None:
        try:
            detail = fn()
            results.append(True)
            out(f"ok    {name}: {detail}")
        except Exception as exc:  # every failure is reported, none stops the others
            results.append(False)
            out(f"FAIL  {name}: {exc}")

    def database() -> str:
        path = db or default_db_path()
        report = Report(path)
        state["report"] = report
        source = default_source_path()
        digest = hashlib.sha256(source.read_bytes()).hexdigest()
        if report.metadata.source_sha256 != digest:
            raise ValueError(f"recorded source hash {report.metadata.source_sha256[:12]}... != {digest[:12]}...")
        if not report.refuses_writes():
            raise ValueError("the database accepted a write")
        return f"{path.name} read-only, {len(report.document.sections)} sections, source {digest[:12]}..."

    def searches() -> str:
        report = state["report"]
        for query, expected in KNOWN_SEARCHES.items():
            got = [h.id for h in report.search(query)]
            if got != expected:
                raise ValueError(f"{query!r} found {got}, expected {expected}")
        return f"{len(KNOWN_SEARCHES)} queries gave their known hits"

    def render() -> str:
        report = state["report"]
        html = render_section(report.document, "plan/areas/2/1").html
        if "加快构建现代化集疏运体系" not in html:
            raise ValueError("the section's title is missing from its page")
        return f"plan/areas/2/1 rendered ({len(html):,} characters of HTML)"

    def pdf() -> str:
        from pypdf import PdfReader

        from ..printing.pdf import export_pdf

        report = state["report"]
        with tempfile.TemporaryDirectory() as tmp:
            result = export_pdf(report.document, ["plan/areas/2"], Path(tmp) / "self-test.pdf")
            text = "".join(page.extract_text() for page in PdfReader(result.path).pages)
        radicals = [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF]
        if "加快构建现代化集疏运体系" not in text.replace("\n", "") or radicals:
            raise ValueError(f"the PDF's text is not the report's (radicals: {''.join(radicals[:5])})")
        return f"{result.pages} page(s), {result.size:,} bytes, Chinese text extracts exactly"

    def plugins() -> str:
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        platform = app.platformName()
        if not platform:
            raise ValueError("no platform plugin")
        folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "printsupport"
        printing = sorted(p.name for p in folder.glob("*")) if folder.is_dir() else []
        if sys.platform != "win32" and sys.platform != "darwin" and not printing:
            raise ValueError(f"no print-support plugin in {folder}")
        QPrinterInfo.availablePrinterNames()
        QPrinter(QPrinter.PrinterMode.HighResolution)
        return f"platform {platform}, print support {', '.join(printing) or 'built in'}"

    check("database", database)
    if "report" in state:
        check("search", searches)
        check("render", render)
        check("pdf", pdf)
    check("qt plugins", plugins)
    if "report" in state:
        state["report"].close()
    passed = all(results) and len(results) == 5
    out(f"self-test {'passed' if passed else 'FAILED'}: {sum(results)} of 5 checks")
    return passed
