"""Where the app's data lives: one lookup for a source checkout, an installed wheel and a frozen bundle."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def _candidates() -> list[Path]:
    frozen = getattr(sys, "_MEIPASS", None)
    return [
        *([Path(frozen)] if frozen else []),  # PyInstaller bundle: data/ and resources/ beside the code
        _PACKAGE,  # installed wheel: cqdesk/data, cqdesk/resources (see pyproject.toml)
        _PACKAGE.parent,  # source checkout or editable install: the repository's own data/ and resources/
    ]


@cache
def app_root() -> Path:
    """The folder holding data/ and resources/ (the first candidate that has the database)."""
    candidates = _candidates()
    for root in candidates:
        if (root / "data" / "report.db").is_file():
            return root
    return candidates[0]  # nothing found: errors then name the first place looked at


def default_db_path() -> Path:
    override = os.environ.get("CQDESK_DB")
    return Path(override) if override else app_root() / "data" / "report.db"


def default_source_path() -> Path:
    return app_root() / "data" / "source" / "chongqing-2025-government-work-report.txt"


def resources_dir() -> Path:
    return app_root() / "resources"
