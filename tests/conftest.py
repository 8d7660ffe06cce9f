"""Shared fixtures. Qt runs offscreen, set here so no test needs a display."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from cqdesk.report.paths import default_db_path, default_source_path
from cqdesk.report.store import Report

REPO = Path(__file__).resolve().parents[1]
SOURCE = default_source_path()
DB = default_db_path()
THOROUGH = os.environ.get("CQDESK_THOROUGH") == "1"


def examples(full: int) -> int:
    """Hypothesis examples: the full count in .ci/run (CQDESK_THOROUGH=1), a twentieth (at least 50) by default."""
    return full if THOROUGH else min(full, max(50, full // 20))


def source_lines() -> list[str]:
    """The source's non-empty lines, as the app must reproduce them."""
    return [line for line in SOURCE.read_text(encoding="utf-8").split("\n") if line]


@pytest.fixture(scope="session")
def report() -> Report:
    r = Report(DB)
    yield r
    r.close()


@pytest.fixture(scope="session")
def doc(report):
    return report.document


@pytest.fixture(autouse=True)
def _own_notes_folder(tmp_path_factory, monkeypatch):
    """Every test keeps its notes in a fresh folder of its own: never the reader's real ones."""
    monkeypatch.setenv("CQDESK_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))
