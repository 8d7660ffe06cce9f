"""Shared fixtures. Qt runs offscreen, set here so no test needs a display."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
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


def run_cli(*argv: str) -> tuple[int, str, str]:
    """``cqdesk ARGV`` in this process: its exit status, standard output and standard error."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from cqdesk.cli import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = exc.code
    return code, out.getvalue(), err.getvalue()


@contextmanager
def tmpfs(path: Path, size: str = "400k") -> Iterator[Path]:
    """A small tmpfs mounted at ``path`` (root only; the test is skipped elsewhere), unmounted after."""
    import subprocess

    path.mkdir(parents=True, exist_ok=True)
    mount = ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)]
    if subprocess.run(mount, capture_output=True).returncode:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield path
    finally:
        subprocess.run(["umount", "--lazy", str(path)], check=False)  # never left mounted, even if busy


def fill(folder: Path) -> Path:
    """Fill what is left of the file system ``folder`` is on; the filler's path."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler
