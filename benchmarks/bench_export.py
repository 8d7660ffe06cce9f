"""Exporting the whole report in each format, beside the PDF export in the same run.

Prints the median time of each format (in process, after one warm-up), its ratio to the PDF's, and the
file size. Goal: no format slower than PDF.

    python benchmarks/bench_export.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    rounds = ap.parse_args().rounds

    from PySide6.QtGui import QGuiApplication

    from cqdesk.report.paths import default_db_path
    from cqdesk.report.store import Report
    from cqdesk.ui.exporting.documents import export_document
    from cqdesk.ui.fonts import register_fonts
    from cqdesk.ui.printing.pdf import export_pdf

    app = QGuiApplication([])  # noqa: F841 (Qt's text and PDF writers need it)
    register_fonts()
    doc = Report(default_db_path()).document
    folder = Path(tempfile.mkdtemp())

    def timed(fn) -> float:
        fn()  # warm-up
        samples = []
        for _ in range(rounds):
            t = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - t)
        return statistics.median(samples) * 1000

    pdf_path = folder / "report.pdf"
    pdf = timed(lambda: export_pdf(doc, [doc.root.id], pdf_path))
    print(f"{'format':<8} {'median':>9} {'vs PDF':>7} {'size':>10}")
    print(f"{'pdf':<8} {pdf:>7.1f}ms {1:>7.2f} {pdf_path.stat().st_size:>10,}")
    for fmt in ("docx", "odt", "md", "html", "txt"):
        path = folder / f"report.{fmt}"
        ms = timed(lambda path=path: export_document(doc, [doc.root.id], path))
        print(f"{fmt:<8} {ms:>7.1f}ms {ms / pdf:>7.2f} {path.stat().st_size:>10,}")


if __name__ == "__main__":
    main()
