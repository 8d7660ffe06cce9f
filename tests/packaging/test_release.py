"""The release workflow and the version: one version, read everywhere; a workflow GitHub would accept."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from cqdesk import __version__
from tests.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "release.yml"


def test_release_workflow_matches_githubs_schema():
    run = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_release_workflow_builds_on_runners_that_exist_and_releases_once():
    text = WORKFLOW.read_text(encoding="utf-8")
    runners = re.findall(r"^\s+(?:- )?os: (\S+)", text, re.MULTILINE) + re.findall(r"runs-on: (\S+)", text)
    retired = {"macos-13", "macos-12", "ubuntu-20.04", "windows-2019"}
    assert not retired & set(runners)
    assert {"windows-2022", "macos-14", "macos-15-intel"} <= set(runners)
    # One job creates the release (a draft), after every build; the builds only upload artifacts.
    assert text.count("gh release create") == 1 and "--draft" in text
    assert "softprops/action-gh-release" not in text
    assert "needs: [version, build]" in text and "SHA256SUMS" in text
    assert 'GITHUB_REF_NAME}" != "v$version"' in text  # a tag that differs from the version fails first
    # Signing material from base64 secrets, never a secret's contents used as a path.
    assert "WINDOWS_CERT_PFX_BASE64" in text and "base64 --decode" in text
    assert "notarytool store-credentials" in text


def test_version_has_one_home():
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and 'path = "cqdesk/__init__.py"' in pyproject
    for path in (
        "packaging/windows/version_info.txt",
        "packaging/windows/cqdesk.nsi",
        "packaging/cqdesk.spec",
        ".github/workflows/release.yml",
    ):
        assert __version__ not in (REPO / path).read_text(encoding="utf-8"), path


def test_macos_minimum_matches_the_readme():
    spec = (REPO / "packaging" / "cqdesk.spec").read_text(encoding="utf-8")
    (minimum,) = re.findall(r'"LSMinimumSystemVersion": "([\d.]+)"', spec)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"macOS {minimum.removesuffix('.0')}+" in readme


@pytest.mark.skipif(not shutil.which("sh"), reason="needs a POSIX shell")
def test_linux_install_script_writes_an_absolute_desktop_entry_and_uninstall_removes_it(tmp_path):
    app = tmp_path / "解压 folder" / "cqdesk"
    (app / "icons" / "hicolor" / "256x256" / "apps").mkdir(parents=True)
    for name in ("install.sh", "uninstall.sh", "cqdesk.desktop"):
        shutil.copy(REPO / "packaging" / "linux" / name, app / name)
    shutil.copy(REPO / "resources" / "icons" / "cqdesk-256.png", app / "icons/hicolor/256x256/apps/cqdesk.png")
    (app / "cqdesk").write_text("#!/bin/sh\n", encoding="utf-8")
    (app / "cqdesk").chmod(0o755)
    env = {"HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin", "XDG_DATA_HOME": str(tmp_path / "share")}

    run = subprocess.run(["sh", str(app / "install.sh")], env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    entry = (tmp_path / "share" / "applications" / "cqdesk.desktop").read_text(encoding="utf-8")
    assert f'Exec="{app}/cqdesk"' in entry.splitlines()
    assert (tmp_path / "share" / "icons/hicolor/256x256/apps/cqdesk.png").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(tmp_path / "share/applications/cqdesk.desktop")])
        assert check.returncode == 0

    run = subprocess.run(["sh", str(app / "uninstall.sh")], env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert not (tmp_path / "share" / "applications" / "cqdesk.desktop").exists()
    assert not (tmp_path / "share" / "icons/hicolor/256x256/apps/cqdesk.png").exists()


def test_system_deps_script_installs_test_tools_only_when_asked():
    script = (REPO / "scripts" / "install-system-deps.sh").read_text(encoding="utf-8")
    run_line = script[script.index("run=(") : script.index(")", script.index("run=("))]
    assert "python3-venv" in run_line and "fonts-noto-cjk" in run_line
    for tool in ("xvfb", "nsis", "poppler-utils", "binutils", "wine"):
        assert tool not in run_line


def test_system_deps_script_without_root_prints_the_command(tmp_path):
    if not shutil.which("dpkg-query"):
        pytest.skip("not a Debian system")
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    (fake_bin / "id").write_text("#!/bin/sh\necho 1000\n", encoding="utf-8")  # pretend not to be root
    (fake_bin / "dpkg-query").write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")  # nothing installed
    for tool in ("id", "dpkg-query"):
        (fake_bin / tool).chmod(0o755)
    env = {"PATH": f"{fake_bin}:/usr/bin:/bin", "HOME": str(tmp_path)}
    sudo = shutil.which("sudo")
    if sudo:
        pytest.skip("sudo is installed here; the no-sudo path cannot be shown")
    run = subprocess.run(
        ["bash", str(REPO / "scripts" / "install-system-deps.sh")], env=env, capture_output=True, text=True
    )
    assert run.returncode == 1
    assert "apt-get install -y --no-install-recommends libegl1" in run.stderr and "python3-venv" in run.stderr
