"""Time and size of exporting the whole report to PDF.

The baseline, taken in the same run, is Qt's own QTextDocument.print() of the
same HTML to PDF (no running header, no keep-with-next, no outline).

    python benchmarks/bench_print.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cqdesk.report.paths import default_db_path
from cqdesk.report.render import PRINT, render_sections
from cqdesk.report.store import Report
from cqdesk.ui.printing.layout import page_layout, paper_font
from cqdesk.ui.printing.pdf import export_pdf
from cqdesk.ui.tools.headless import gui_app


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    with gui_app("zh_CN"):
        run(args.runs)


def run(runs: int) -> None:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtPrintSupport import QPrinter

    doc = Report(default_db_path()).document
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.pdf"
        base_out = Path(tmp) / "baseline.pdf"

        def ours() -> None:
            export_pdf(doc, ["report"], out)

        def baseline() -> None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(base_out))
            printer.setPageLayout(page_layout("A4", "portrait"))
            text = QTextDocument()
            text.setDefaultFont(paper_font(11))
            text.setHtml(render_sections(doc, ["report"], PRINT))
            text.print_(printer)

        ours()
        baseline()  # warm up fonts and caches for both
        t_ours = statistics.median(timed(ours) for _ in range(runs))
        t_base = statistics.median(timed(baseline) for _ in range(runs))
        from pypdf import PdfReader

        pages = len(PdfReader(out).pages)
        print(
            f"whole report to PDF: {t_ours * 1000:.0f} ms (median of {runs}), {pages} pages, "
            f"{out.stat().st_size / 1024:.0f} KiB"
        )
        print(
            f"baseline QTextDocument.print(): {t_base * 1000:.0f} ms, {base_out.stat().st_size / 1024:.0f} KiB; "
            f"ratio {t_ours / t_base:.2f}"
        )


if __name__ == "__main__":
    main()
