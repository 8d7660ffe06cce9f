"""Start-up leaves the app as it should run: the garbage collector back on, with start-up's objects frozen,
and Python's import without PySide's ``__feature__`` hook (which read the source of every module imported
after it into linecache)."""

import os
import subprocess
import sys

from tests.conftest import REPO

PROGRAM = r"""
import atexit, builtins, gc, linecache, sys
atexit.register(lambda: print("collector", gc.isenabled(), "frozen", gc.get_freeze_count() > 20_000, flush=True))
atexit.register(lambda: print("import", builtins.__import__.__name__, "sources read", len(linecache.cache), flush=True))
from cqdesk.cli import main
sys.exit(main([]))
"""


def test_start_up_leaves_the_collector_on_and_import_without_the_feature_hook(tmp_path):
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
    imports = next(line.split() for line in out.stdout.splitlines() if line.startswith("import "))
    assert imports[1] == "__lazy_import__"  # PySide's lazy loading of its types stays
    assert int(imports[-1]) < 10  # was 72 source files with the hook
