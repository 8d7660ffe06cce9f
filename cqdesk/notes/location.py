"""Where the reader's own data lives: the platform's application-data folder, unless told otherwise."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV = "CQDESK_DATA_DIR"


def default_data_dir(environ: dict[str, str] | None = None, platform: str = sys.platform) -> Path:
    """%APPDATA%\\cqdesk, ~/Library/Application Support/cqdesk, $XDG_DATA_HOME/cqdesk (~/.local/share/cqdesk);
    CQDESK_DATA_DIR overrides it (tests, a portable copy on a USB stick)."""
    env = os.environ if environ is None else environ
    if env.get(ENV):
        return Path(env[ENV])
    home = Path(env.get("HOME") or Path.home())
    if platform.startswith("win"):
        return Path(env.get("APPDATA") or home / "AppData" / "Roaming") / "cqdesk"
    if platform == "darwin":
        return home / "Library" / "Application Support" / "cqdesk"
    return Path(env.get("XDG_DATA_HOME") or home / ".local" / "share") / "cqdesk"
