"""The wheel and the sdist carry the data: built, installed into fresh virtual environments, run elsewhere.

Slow (a minute or two: two builds, two venvs); .ci/run runs it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from cqdesk.ui.tools.selftest import CHECKS
from tests.conftest import REPO

pytestmark = pytest.mark.slow

# Every file the wheel may hold, as patterns: anything new fails here, so it is a conscious decision.
WHEEL_ALLOWED = (
    "cqdesk/*.py",
    "cqdesk/py.typed",
    "cqdesk/report/*.py",
    "cqdesk/ui/*.py",
    "cqdesk/ui/*/*.py",
    "cqdesk/notes/notes.schema.json",  # the notes exchange format's JSON Schema, read by notes import
    "cqdesk/data/report.db",
    "cqdesk/data/source/chongqing-2025-government-work-report.txt",
    "cqdesk/resources/fonts/OFL.txt",
    "cqdesk/resources/fonts/cqdeskSansSC-*.otf",
    "cqdesk/resources/icons/cqdesk-*.png",
    "cqdesk/resources/translations/*.qm",
    "cqdesk/resources/licenses/*",
    "cqdesk/resources/guide/guide_*.html",
    "cqdesk/resources/t2s.txt",
    "cqdesk-*.dist-info/*",
    "cqdesk-*.dist-info/licenses/*",
    "cqdesk-*.dist-info/licenses/resources/licenses/*",
)
WHEEL_REQUIRED = (
    "cqdesk/data/report.db",
    "cqdesk/data/source/chongqing-2025-government-work-report.txt",
    "cqdesk/resources/fonts/cqdeskSansSC-Regular.otf",
    "cqdesk/resources/fonts/cqdeskSansSC-Bold.otf",
    "cqdesk/resources/translations/cqdesk_zh_CN.qm",
    "cqdesk/resources/icons/cqdesk-256.png",
    "cqdesk/resources/licenses/THIRD-PARTY-NOTICES.txt",
    "cqdesk/resources/licenses/LGPL-3.0.txt",
    "cqdesk/resources/guide/guide_zh_CN.html",
    "cqdesk/resources/t2s.txt",  # importing a report derives its traditional-character table from it
    "cqdesk/notes/notes.schema.json",
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built")
    run = subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(REPO)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return out


def test_wheel_holds_the_data_and_nothing_unexpected(built):
    from fnmatch import fnmatch

    (wheel,) = built.glob("cqdesk-*.whl")
    names = [n for n in zipfile.ZipFile(wheel).namelist() if not n.endswith("/")]
    for required in WHEEL_REQUIRED:
        assert required in names
    unexpected = [n for n in names if not any(fnmatch(n, pattern) for pattern in WHEEL_ALLOWED)]
    assert unexpected == []
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: MIT" in metadata
    assert wheel.stat().st_size < 2 * 2**20  # the data is small: 0.3 MB database, 1 MB of fonts


def _venv_with(tmp_path: Path, artefact: Path) -> Path:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    run = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--disable-pip-version-check", "-q", str(artefact)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return bin_dir


def _cqdesk(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CQDESK_DB", "PYTHONPATH")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(cwd), XDG_CONFIG_HOME=str(cwd / "config"))
    return subprocess.run(
        [str(bin_dir / "cqdesk"), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize("kind", ["wheel", "sdist"])
def test_installed_package_runs_from_another_folder(built, tmp_path, kind):
    artefact = next(built.glob("cqdesk-*.whl" if kind == "wheel" else "cqdesk-*.tar.gz"))
    bin_dir = _venv_with(tmp_path, artefact)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    test = _cqdesk(bin_dir, elsewhere, "self-test")
    assert test.returncode == 0, test.stdout + test.stderr
    assert f"self-test passed: {CHECKS} of {CHECKS} checks" in test.stdout
    assert str(REPO) not in test.stdout  # the installed copy's data, not the checkout's

    found = _cqdesk(bin_dir, elsewhere, "search", "乡村振兴", "--json")
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert hits and all("乡村振兴" in "".join(h["path"]) + h["snippet"] for h in hits[:3])

    pdf = elsewhere / "报告.pdf"
    export = _cqdesk(bin_dir, elsewhere, "export-pdf", "-o", str(pdf), "--section", "review/tasks/1")
    assert export.returncode == 0, export.stdout + export.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.read_bytes().rstrip().endswith(b"%%EOF")
