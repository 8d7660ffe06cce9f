"""Start-up time and memory of the app beside a bare PySide6 window, in one run.

Each measurement is a fresh process; the time is from just before the process is
started to the first paint of its text pane (CLOCK_MONOTONIC is shared between
processes), seen by an event filter on the text pane's viewport alone, in both. (Until
2026-11-28 the filter sat on the whole application: it ran Python for every event and made
PySide build the types of every internal object it saw, about 80 ms that the bare window
paid and a real start does not, so the ratios then were flattering.) Runs offscreen, and
mapped under Xvfb when xvfb-run is available.
Resident memory is read after start-up and, for the app, after 1,000 searches
and section changes in the same process.

    python benchmarks/bench_startup.py [--runs 7] [--soak 1000]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installed import installed_env

ROOT = Path(__file__).resolve().parents[1]

FIRST_PAINT = r"""
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

class FirstPaint(QObject):
    done = False
    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint and obj.objectName() == "qt_scrollarea_viewport" \
                and obj.parent() is not None and obj.parent().objectName() == "detailPane":
            self.done = True
            painted = time.monotonic()
            QTimer.singleShot(0, lambda: finish(painted))
        return False

def finish(painted):
    result = {"painted": painted, "rss_mb": rss_mb()}
    soak = int(os.environ.get("BENCH_SOAK", "0"))
    if soak:
        result.update(run_soak(soak))
    print("BENCH " + json.dumps(result), flush=True)
    QApplication.instance().quit()
"""

APP = (
    FIRST_PAINT
    + r"""
def run_soak(n):
    import random
    from PySide6.QtWidgets import QApplication
    win = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
    rng = random.Random(7)
    ids = list(win.report.document.sections)
    words = ["重庆", "乡村 振兴", "AI", "新通道", "数字", "库", "33618", "开放 平台", "民生"]
    from cqdesk.report.search import search
    start = time.perf_counter()
    for i in range(n):
        if i % 2:
            win.navigate(rng.choice(ids))
        else:
            q = rng.choice(words)
            hits = search(win.report.conn, q)
            if hits:
                win.navigate(hits[0].id, q.split())
        QApplication.processEvents()
    return {"soak_ops": n, "soak_s": time.perf_counter() - start, "rss_after_mb": rss_mb()}

import cqdesk.ui.main_window as mw
_show = mw.MainWindow.show
def show(self):
    self._bench_filter = FirstPaint(self)
    self.detail.viewport().installEventFilter(self._bench_filter)
    _show(self)
mw.MainWindow.show = show
from cqdesk.cli import main
sys.exit(main([]))
"""
)

BARE = (
    FIRST_PAINT
    + r"""
def run_soak(n):
    return {}

from PySide6.QtWidgets import QMainWindow, QSplitter, QTextBrowser, QTreeWidget, QTreeWidgetItem
app = QApplication(sys.argv[:1])
f = FirstPaint(app)
win = QMainWindow()
split = QSplitter(win)
tree = QTreeWidget(split)
for i in range(10):
    QTreeWidgetItem(tree, [f"{i + 1}、抓战略担使命增势能"])
text = QTextBrowser(split)
text.setObjectName("detailPane")
text.viewport().installEventFilter(f)
text.setHtml("<h1>二、聚力打造内陆开放国际合作引领区</h1><p>提速西部陆海新通道建设。完善“五型”国家物流枢纽功能。</p>")
win.setCentralWidget(split)
win.resize(1180, 780)
win.show()
sys.exit(app.exec())
"""
)


def measure(code: str, platform: str, soak: int = 0, xvfb: bool = False) -> dict:
    with tempfile.TemporaryDirectory() as home:
        env = installed_env(QT_QPA_PLATFORM=platform, XDG_CONFIG_HOME=home, BENCH_SOAK=str(soak))
        cmd = [sys.executable, "-c", code]
        if xvfb:
            cmd = ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", *cmd]
        t0 = time.monotonic()
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("BENCH ")), None)
    if line is None:
        raise RuntimeError(f"no measurement:\n{out.stdout}\n{out.stderr}")
    result = json.loads(line[6:])
    result["startup_s"] = result.pop("painted") - t0
    return result


def paired(platform: str, runs: int, xvfb: bool = False) -> tuple[tuple[float, float], tuple[float, float]]:
    """Medians of (start-up, memory) for the bare window and the app, their runs alternated so that a
    machine that slows down or speeds up during the run weighs on both alike."""
    bare, app = [], []
    for _ in range(runs):
        bare.append(measure(BARE, platform, xvfb=xvfb))
        app.append(measure(APP, platform, xvfb=xvfb))

    def medians(samples: list[dict]) -> tuple[float, float]:
        return statistics.median(s["startup_s"] for s in samples), statistics.median(s["rss_mb"] for s in samples)

    return medians(bare), medians(app)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--soak", type=int, default=1000)
    args = ap.parse_args()
    setups = [("offscreen", False)]
    if shutil.which("xvfb-run"):
        setups.append(("xcb", True))  # mapped on a virtual X screen; xvfb-run's own start-up is in both
    print(f"{'platform':<16} {'bare (s)':>9} {'cqdesk (s)':>11} {'ratio':>6} {'bare MB':>8} {'cqdesk MB':>10}")
    for platform, xvfb in setups:
        (bare_t, bare_m), (app_t, app_m) = paired(platform, args.runs, xvfb)
        label = platform + (" (Xvfb)" if xvfb else "")
        print(f"{label:<16} {bare_t:>9.3f} {app_t:>11.3f} {app_t / bare_t:>6.2f} {bare_m:>8.1f} {app_m:>10.1f}")
    if args.soak:
        r = measure(APP, "offscreen", soak=args.soak)
        print(
            f"after {r['soak_ops']} searches and section changes: {r['rss_mb']:.1f} MB -> {r['rss_after_mb']:.1f} MB "
            f"(+{r['rss_after_mb'] - r['rss_mb']:.1f} MB), {1000 * r['soak_s'] / r['soak_ops']:.2f} ms per operation"
        )


if __name__ == "__main__":
    main()
