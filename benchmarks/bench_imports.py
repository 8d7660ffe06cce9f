"""cqdesk's own import time beside the Qt modules it needs, from ``python -X importtime`` (median of runs).

The window's modules are imported after PySide6.QtCore, QtGui and QtWidgets, so what is left is what cqdesk
itself costs at start-up (its modules, the standard library they pull in, and Qt enums touched at import),
imported as the app imports them: without PySide's __feature__ hook, which the app takes off first.

    python benchmarks/bench_imports.py [--runs 7]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys

from installed import installed_env

QT = "import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets"
# As the app starts: PySide's __feature__ import hook is taken off before cqdesk's modules load (cli._gui).
APP = "from cqdesk.ui.qt import skip_feature_import_hook; skip_feature_import_hook(); import cqdesk.ui.main_window"
LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def top_level_cumulative(stderr: str, prefix: str) -> float:
    """Seconds spent in imports first triggered by modules named ``prefix``* (nested ones counted once)."""
    total = 0
    for _self_us, cumulative_us, indent, name in LINE.findall(stderr):
        if name.startswith(prefix) and len(indent) == 1:  # a top-level import of the statement
            total += int(cumulative_us)
    return total / 1e6


def run_once() -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"{QT}; {APP}"],
        capture_output=True,
        text=True,
        check=True,
        env=installed_env(),
    )
    return top_level_cumulative(out.stderr, "PySide6"), top_level_cumulative(out.stderr, "cqdesk")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    runs = [run_once() for _ in range(ap.parse_args().runs)]
    qt = statistics.median(r[0] for r in runs)
    own = statistics.median(r[1] for r in runs)
    print(f"Qt modules (QtCore, QtGui, QtWidgets): {qt * 1000:6.1f} ms")
    print(f"cqdesk.ui.main_window and what it adds: {own * 1000:6.1f} ms (ratio {own / qt:.2f}; goal at most 50 ms)")


if __name__ == "__main__":
    main()
