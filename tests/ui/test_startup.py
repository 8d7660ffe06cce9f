"""Start-up leaves the app as it should run: the garbage collector back on, with start-up's objects frozen."""

import os
import subprocess
import sys

from tests.conftest import REPO

PROGRAM = r"""
import atexit, gc, sys
atexit.register(lambda: print("collector", gc.isenabled(), "frozen", gc.get_freeze_count() > 20_000, flush=True))
from cqdesk.cli import main
sys.exit(main([]))
"""


def test_collector_is_off_during_start_up_and_back_on_after_the_first_paint(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CQDESK_STARTUP_PROBE": "1",  # quits right after the page's first paint
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    out = subprocess.run(
        [sys.executable, "-c", PROGRAM], env=env, cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert "first-paint" in out.stdout
    assert "collector True frozen True" in out.stdout
