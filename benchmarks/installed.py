"""Child processes of the benchmarks run cqdesk as an installation does: from compiled bytecode.

pip and the frozen bundle ship ``.pyc`` files; a shell with PYTHONDONTWRITEBYTECODE set (common in CI
images) would otherwise compile every cqdesk module from source on each start and count that as start-up.
"""

from __future__ import annotations

import compileall
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def installed_env(**extra: str) -> dict[str, str]:
    """The environment for a child process, after compiling cqdesk's modules once."""
    compileall.compile_dir(ROOT / "cqdesk", quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env
