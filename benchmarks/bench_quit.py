"""Time from Quit to the process being gone, beside the start-up of the same process (a baseline in this run).

Runs the real window (offscreen by default; set DISPLAY and QT_QPA_PLATFORM=xcb for X11, where the clipboard
is handed over at exit), optionally after a search and a copy, presses Quit and waits for the process to end.

    python benchmarks/bench_quit.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import sys, time, tempfile, pathlib
from cqdesk.ui.app import make_app
app = make_app()
from PySide6.QtCore import QTimer
from cqdesk.report.store import Report
from cqdesk.report.paths import default_db_path
from cqdesk.ui.main_window import MainWindow
from cqdesk.ui.settings import Settings
from cqdesk.ui.i18n import Translations
t = Translations(); t.apply("zh_CN")
w = MainWindow(Report(default_db_path()), Settings(pathlib.Path(tempfile.mkdtemp())), t)
w.show()
print("SHOWN %.6f" % time.monotonic(), flush=True)
def act():
    if "search" in sys.argv:
        w.search.box.setText("乡村"); w.search.run_now()
    if "copy" in sys.argv:
        w.copy_with_citation()
    QTimer.singleShot(500, quit_)
def quit_():
    print("QUIT %.6f" % time.monotonic(), flush=True)
    w.commands.quit.trigger()
QTimer.singleShot(300, act)
app.exec()
"""


def run(args: list[str]) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "XDG_CONFIG_HOME": home}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        t0 = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-c", CHILD, *args], stdout=subprocess.PIPE, text=True, env=env)
        shown = quit_at = 0.0
        for line in proc.stdout or []:
            if line.startswith("SHOWN"):
                shown = float(line.split()[1])
            if line.startswith("QUIT"):
                quit_at = float(line.split()[1])
        proc.wait(timeout=60)
        return shown - t0, time.monotonic() - quit_at


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    runs = ap.parse_args().runs
    for label, args in (("idle", []), ("after a search", ["search"]), ("after search and copy", ["search", "copy"])):
        results = [run(args) for _ in range(runs)]
        start = statistics.median(r[0] for r in results)
        gone = statistics.median(r[1] for r in results)
        ratio = gone / start
        print(f"{label:<24} quit to exit {gone * 1000:6.0f} ms (start-up {start * 1000:.0f} ms, ratio {ratio:.2f})")


if __name__ == "__main__":
    main()
