"""Where the app's data lives, the same way from source and frozen."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding data/ and resources/: the bundle when frozen, the repository otherwise."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def default_db_path() -> Path:
    override = os.environ.get("CQDESK_DB")
    return Path(override) if override else app_root() / "data" / "report.db"


def default_source_path() -> Path:
    return app_root() / "data" / "source" / "chongqing-2025-government-work-report.txt"


def resources_dir() -> Path:
    return app_root() / "resources"
