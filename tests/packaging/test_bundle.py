"""Builds the frozen app with the project's spec, runs it, and compiles the Windows installer script.

Slow (about a minute with the installer); CI runs it.
"""

import os
import shutil
import subprocess
import sys
import tarfile

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    env = {**os.environ, "CQDESK_DIST": str(out), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "build.py")], env=env, capture_output=True, text=True, timeout=900
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "self-test passed: 5 of 5 checks" in run.stdout
    return out


def test_frozen_self_test_from_a_read_only_folder_with_chinese_and_spaces(dist, tmp_path):
    target = tmp_path / "只读 目录 with spaces"
    shutil.copytree(dist / "cqdesk", target, symlinks=True)
    for root, dirs, files in os.walk(target):
        for name in dirs + files:
            if not os.path.islink(os.path.join(root, name)):
                os.chmod(os.path.join(root, name), 0o555)
    target.chmod(0o555)
    try:
        out = subprocess.run(
            [str(target / "cqdesk"), "self-test"],
            env={
                **os.environ,
                "QT_QPA_PLATFORM": "offscreen",
                "HOME": str(tmp_path),
                "XDG_CONFIG_HOME": str(tmp_path / "config"),
            },
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        for root, dirs, _ in os.walk(target):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o755)
        target.chmod(0o755)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.count("\nok ") + out.stdout.startswith("ok ") == 5


def test_bundle_leaves_out_unused_qt(dist):
    names = [p.name for p in (dist / "cqdesk").rglob("*")]
    for unwanted in (
        "Qt6Qml",
        "Qt6Quick",
        "Qt6Network",
        "Qt6Sql",
        "gtk",
        "QtQml",
        "QtNetwork",
        "numpy",
        "sqlite_utils",
        "cryptography",
        "libssl",
    ):
        assert not [n for n in names if unwanted.lower() in n.lower()], unwanted
    plugins = sorted(
        p.relative_to(dist / "cqdesk" / "_internal" / "PySide6" / "Qt" / "plugins").as_posix()
        for p in (dist / "cqdesk" / "_internal" / "PySide6" / "Qt" / "plugins").rglob("*.so")
    )
    assert "printsupport/libcupsprintersupport.so" in plugins and "platforms/libqxcb.so" in plugins
    assert not [
        p
        for p in plugins
        if p.split("/")[0] not in ("platforms", "styles", "platforminputcontexts", "printsupport", "imageformats")
    ]
    translations = sorted(p.name for p in (dist / "cqdesk").rglob("qtbase_*.qm"))
    assert translations == ["qtbase_en.qm", "qtbase_zh_CN.qm", "qtbase_zh_TW.qm"]


def test_linux_archive_with_desktop_file_and_checksum(dist):
    (archive,) = dist.glob("cqdesk-*-linux-*.tar.gz")
    names = tarfile.open(archive).getnames()
    assert "cqdesk/cqdesk" in names and "cqdesk/cqdesk.desktop" in names
    assert "cqdesk/icons/hicolor/256x256/apps/cqdesk.png" in names
    digest = (dist / (archive.name + ".sha256")).read_text().split()[0]
    import hashlib

    assert digest == hashlib.sha256(archive.read_bytes()).hexdigest()


@pytest.mark.skipif(not shutil.which("makensis"), reason="needs makensis (Debian: nsis)")
def test_nsis_script_compiles(dist):
    env = {**os.environ, "CQDESK_DIST": str(dist)}
    run = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "build.py"), "--nsis-check", str(dist / "cqdesk")],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    (setup,) = dist.glob("cqdesk-*-nsis-check.exe")
    assert setup.read_bytes()[:2] == b"MZ" and setup.stat().st_size > 10 * 2**20
