"""End to end through AT-SPI, the tree Orca reads on Linux (and the same one Qt gives Windows' UI Automation
and macOS' VoiceOver): find the search box, type into it, read the result count back."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "atspi"
ROOT = Path(__file__).resolve().parents[2]


def _missing() -> str | None:
    for tool in ("dbus-run-session", "xvfb-run"):
        if shutil.which(tool) is None:
            return tool
    probe = subprocess.run(["/usr/bin/python3", "-c", "import pyatspi"], capture_output=True)
    return None if probe.returncode == 0 else "python3-pyatspi"


@pytest.mark.slow
def test_a_screen_reader_finds_the_search_box_types_and_hears_the_count(tmp_path):
    missing = _missing() if sys.platform.startswith("linux") else "Linux"
    if missing:
        pytest.skip(f"needs {missing} (scripts/install-system-deps.sh --test installs it)")
    # A fresh configuration and an English system: the probe looks for the box by its English name.
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "LC_ALL": "en_US.UTF-8", "LANGUAGE": "en"}
    env.pop("QT_QPA_PLATFORM", None)
    out = subprocess.run(
        ["dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
         "bash", str(HERE / "session.sh"), sys.executable, str(tmp_path), "开放"],
        capture_output=True, text=True, timeout=120, env=env, cwd=ROOT,
    )  # fmt: skip
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    assert lines, out.stdout + out.stderr + (tmp_path / "app.log").read_text(errors="replace")
    found = json.loads(lines[-1])
    assert out.returncode == 0, found
    assert found["status"] == "6 sections, 9 hits"
    assert found["unnamed_focusable"] == []
    # The page: its name, and the text of the section shown (the whole report on a first start).
    assert found["page"]["name"] == "Section text"
    assert found["page"]["text"].startswith("2025年重庆市政府工作报告\n")
    print(f"AT-SPI tree: {found['nodes']} nodes, {len(found['unnamed_focusable'])} focusable without a name")
