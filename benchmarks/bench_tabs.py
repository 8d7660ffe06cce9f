"""Tabs and comparisons: switching tabs and opening a comparison against one frame (16.7 ms), and the
memory 20 open tabs take.

Prints, beside baselines taken in the same run:
- switching tabs (Ctrl+Tab's work: the tab's section drawn, its scroll restored, painted), median and p95,
  against opening the same sections in one tab (the same drawing without tabs);
- resident memory after opening 20 tabs on 20 different sections, against before (goal: under 5 MB more).

    python benchmarks/bench_tabs.py [--switches 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CQDESK_DATA_DIR"] = tempfile.mkdtemp()

FRAME_MS = 1000 / 60


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--switches", type=int, default=200)
    args = ap.parse_args()

    from cqdesk.report.paths import default_db_path
    from cqdesk.report.store import Report
    from cqdesk.ui.app import make_app
    from cqdesk.ui.i18n import Translations
    from cqdesk.ui.main_window import MainWindow
    from cqdesk.ui.settings import Settings

    app = make_app()
    w = MainWindow(Report(default_db_path()), Settings(Path(tempfile.mkdtemp())), Translations(), "review/tasks/1")
    w.resize(1200, 800)
    w.show()
    app.processEvents()
    # Sections a reader opens in tabs: the ten tasks, the eight areas, two items (not the whole report).
    doc = w.report.document
    chosen = [s for s in doc.sections if doc.sections[s].kind in ("task", "area", "item")][:20]

    def settle() -> None:
        app.processEvents()
        w.detail.viewport().repaint()  # the paint a switch ends with

    # Baseline: the same sections, one after another in one tab.
    for sid in chosen:  # warm
        w.navigate(sid)
    one_tab = []
    for i in range(args.switches):
        t = time.perf_counter()
        w.navigate(chosen[i % len(chosen)], record=False)
        settle()
        one_tab.append((time.perf_counter() - t) * 1000)

    before = rss_mb()
    for sid in chosen[1:]:
        w.open_in_new_tab(sid)
        settle()
    after = rss_mb()

    switching = []
    for _ in range(args.switches):
        t = time.perf_counter()
        w.reading_tabs.cycle(1)
        settle()
        switching.append((time.perf_counter() - t) * 1000)

    # Opening a comparison (a 2024 task beside its 2025 items) in the current tab, each task in turn.
    tasks = [s for s in doc.sections if doc.sections[s].kind == "task"]
    comparing = []
    for i in range(args.switches):
        t = time.perf_counter()
        w.navigate(f"compare:{tasks[i % len(tasks)]}", record=False)
        settle()
        comparing.append((time.perf_counter() - t) * 1000)

    med, p95 = statistics.median(switching), percentile(switching, 0.95)
    base = statistics.median(one_tab)
    print(f"tabs open: {w.reading_tabs.count()}")
    frames = p95 / FRAME_MS
    print(f"switching tabs: median {med:.2f} ms, p95 {p95:.2f} ms (p95 {frames:.2f} of a {FRAME_MS:.1f} ms frame)")
    print(f"the same sections in one tab: median {base:.2f} ms (switching / one tab: {med / base:.2f})")
    cmed, cp95 = statistics.median(comparing), percentile(comparing, 0.95)
    print(f"opening a comparison: median {cmed:.2f} ms, p95 {cp95:.2f} ms (p95 {cp95 / FRAME_MS:.2f} of a frame)")
    grown = after - before
    print(f"memory: {before:.1f} MB with one tab, {after:.1f} MB with {len(chosen)} (+{grown:.2f} MB; goal < 5 MB)")


if __name__ == "__main__":
    main()
