"""Importing reports, and searching a library of them.

Prints, beside baselines taken in the same run:
- reading and recognising a report of about 30,000 characters from each format (text GB18030, Word, a saved web
  page, PDF), and building its database, against parsing the bundled outline (goal: under one second);
- a library of 50 reports (about 1.5 M characters): search across it, p95 per query class, against one
  Python pass over the library's text (goal: at most 0.5x); as the app searches it (one page of the best hits
  across the library) and, for comparison, as one search per report.

    python benchmarks/bench_import.py [--reports 50] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

QUERIES = {
    "1 char": ["库", "村", "湖"],
    "2 chars": ["低空", "发展", "民生"],
    "4+ chars": ["新能源装备", "老旧小区", "生态廊道"],
    "multi-term": ["低空 物流", "社区 食堂", "湿地 修复"],
    "no hit": ["火星基地", "量子 海底"],
}


def ms(fn, rounds: int = 1) -> float:
    samples = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()

    from PySide6.QtGui import QGuiApplication

    from cqdesk.report.build import build_database
    from cqdesk.report.genre import recognise
    from cqdesk.report.importing import extract
    from cqdesk.report.library import Library
    from cqdesk.report.parse import parse_file
    from cqdesk.report.paths import default_db_path, default_source_path
    from cqdesk.report.search import SearchIndex, search_library
    from cqdesk.report.store import Report
    from tests.fixtures import reports as R

    app = QGuiApplication.instance() or QGuiApplication(["bench"])  # the PDF is made through Qt
    tmp = Path(tempfile.mkdtemp())
    filler = 880  # about 30,000 characters in all
    chars = sum(len(p) for p in R.report_paragraphs(filler=filler))
    baseline = ms(lambda: parse_file(default_source_path()), 20)
    print(f"baseline: parsing the bundled outline (4,451 characters): {baseline:.1f} ms")
    files = {
        "text (GB18030)": R.write_text(tmp / "a.txt", "gb18030", "\r\n", filler=filler),
        "Word": R.write_docx(tmp / "a.docx", filler=filler),
        "web page": R.write_html(tmp / "a.html", filler=filler),
        "PDF": R.write_pdf(tmp / "a.pdf", filler=filler),
    }
    print(f"a report of {chars:,} characters; read+recognise, build, total (ratio of the total to the baseline):")
    for name, path in files.items():
        data = path.read_bytes()
        read = ms(lambda data=data: recognise(extract(data).paragraphs), args.rounds)
        doc = recognise(extract(data).paragraphs).document
        doc.source_sha256 = "0" * 64
        build = ms(lambda doc=doc: build_database(doc, tmp / "b.db"), args.rounds)
        print(f"  {name:<15} {read:7.1f} ms {build:7.1f} ms {read + build:7.1f} ms  ({(read + build) / baseline:.1f}x)")

    library = Library(tmp / "lib", default_db_path())
    t = time.perf_counter()
    for n in range(args.reports):
        source = R.write_text(tmp / f"r{n}.txt", year=2000 + n, filler=filler)
        library.store(library.plan(source))
    print(f"library of {args.reports} reports built in {time.perf_counter() - t:.1f} s")
    reports = [Report(e.path) for e in library.entries()[1:]]
    total = sum(len(b.text) for r in reports for b in r.document.blocks)
    texts = [b.text for r in reports for b in r.document.blocks]
    one_pass = ms(lambda: sum(t.count("低空") for t in texts), args.rounds)
    print(f"{total:,} characters; baseline: one Python pass over them: {one_pass:.1f} ms")
    indexes = [(e.id, SearchIndex.open(e.path)) for e in library.entries()[1:]]
    ways = {
        "one page across the library (search_library, as the app searches it)": lambda q: search_library(indexes, q),
        "each report's own page (50 searches)": lambda q: [r.search(q) for r in reports],
    }
    for title, way in ways.items():
        print(title)
        print(f"  {'query class':<12} {'median':>8} {'p95':>8} {'p95/pass':>9}")
        for name, queries in QUERIES.items():
            samples = sorted(ms(lambda q=q, way=way: way(q)) for _ in range(args.rounds) for q in queries)
            p95 = samples[int(0.95 * (len(samples) - 1))]
            print(f"  {name:<12} {statistics.median(samples):6.1f}ms {p95:6.1f}ms {p95 / one_pass:9.2f}")
    for r in reports:
        r.close()
    for _, index in indexes:
        index.close()
    del app


if __name__ == "__main__":
    main()
