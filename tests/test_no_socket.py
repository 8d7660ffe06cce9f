""" "No network, ever" means no socket at all until the user prints: start-up, search, export and the
self-test are traced with strace and must open none; the report's database is opened read-only."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import DB

pytestmark = [
    pytest.mark.skipif(not shutil.which("strace"), reason="needs strace (install-system-deps.sh --test)"),
    pytest.mark.slow,  # five real starts under strace: .ci/run's slow part
]

RUNS = {
    "start-up": [],
    "search": ["search", "重庆"],
    "export-pdf": ["export-pdf", "-o", "{tmp}/out.pdf", "--section", "plan/areas/1"],
    "export docx": ["export", "-o", "{tmp}/out.docx"],
    "self-test": ["self-test"],
}


def traced(tmp_path, args):
    log = tmp_path / "trace"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CQDESK_STARTUP_PROBE": "1",
           "CQDESK_DATA_DIR": str(tmp_path / "notes")}  # fmt: skip
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    out = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=socket,connect,openat", "-o", str(log), sys.executable, "-m", "cqdesk",
         *argv], env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    return log.read_text()


@pytest.mark.parametrize("run", list(RUNS))
def test_no_socket_is_opened(tmp_path, run):
    trace = traced(tmp_path, RUNS[run])
    sockets = [line for line in trace.splitlines() if re.search(r"\b(socket|connect)\(", line)]
    assert sockets == []
    opens = [line for line in trace.splitlines() if str(DB.resolve()) in line and "openat(" in line]
    if run != "self-test" or opens:
        assert opens and all("O_RDONLY" in line and "O_RDWR" not in line and "O_CREAT" not in line for line in opens)
