"""Build the app for this platform and its installer into dist/, with a SHA-256 file.

    python packaging/build.py                  # bundle + installer for this platform
    python packaging/build.py --bundle-only    # just dist/cqdesk (PyInstaller onedir)
    python packaging/build.py --nsis-check DIR # compile the NSIS script against DIR (any OS with makensis)

Windows: NSIS installer (makensis). macOS: .dmg with cqdesk.app and an Applications link.
Linux: .tar.xz of the bundle (xz -9: a quarter smaller than gzip) with a .desktop file, install.sh and icons.
Signing runs only when its
secrets are in the environment (see README, "Build installers"); otherwise it is skipped.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = Path(os.environ.get("CQDESK_DIST", ROOT / "dist"))
# PyInstaller's work folder and its cache live here, not in the shared per-user cache: two builds at once
# (tests, CI, a developer) never wipe each other's cache, so no --clean is needed either.
BUILD = Path(os.environ.get("CQDESK_BUILD", ROOT / "build"))
sys.path.insert(0, str(ROOT))
from cqdesk import __version__ as VERSION  # noqa: E402


def run(*cmd: str | Path, **kw) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def bundle() -> Path:
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(BUILD / "pyinstaller-cache")}
    run(
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--distpath",
        DIST,
        "--workpath",
        BUILD / "pyinstaller",
        ROOT / "packaging" / "cqdesk.spec",
        env=env,
    )
    app = DIST / ("cqdesk.app" if sys.platform == "darwin" else "cqdesk")
    write_notices(app)
    return app


def write_notices(app: Path) -> None:
    """Regenerate the notices inside the bundle from the build environment: they name the versions shipped."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from make_notices import write

    resources = next(app.rglob("resources/licenses"), None)
    if resources is None:
        raise SystemExit(f"{app}: resources/licenses is missing from the bundle")
    write(resources)


def self_test(app: Path) -> None:
    exe = (
        app / "Contents" / "MacOS" / "cqdesk"
        if app.suffix == ".app"
        else app / ("cqdesk.exe" if os.name == "nt" else "cqdesk")
    )
    run(exe, "self-test", env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")})


def checksum(path: Path) -> Path:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    out = path.with_name(path.name + ".sha256")
    out.write_text(f"{digest}  {path.name}\n", encoding="ascii")
    print(f"{path.name}: {path.stat().st_size / 2**20:.1f} MB, sha256 {digest}")
    return out


def nsis(payload: Path, out: Path) -> Path:
    makensis = shutil.which("makensis")
    if not makensis:
        raise SystemExit("makensis not found (Windows: install NSIS; Debian: apt-get install nsis)")
    run(
        makensis,
        "-V2",
        f"-DVERSION={VERSION}",
        f"-DSOURCE_DIR={payload}",
        f"-DOUT_FILE={out}",
        ROOT / "packaging" / "windows" / "cqdesk.nsi",
    )
    return out


def sign_windows(path: Path) -> None:
    """signtool with a .pfx file (the release workflow decodes it from a base64 secret into a temporary file)."""
    pfx, password = os.environ.get("WINDOWS_CERT_FILE"), os.environ.get("WINDOWS_CERT_PASSWORD")
    if not (pfx and password and Path(pfx).is_file()):
        print(f"signing skipped for {path.name}: WINDOWS_CERT_FILE (a .pfx file) / WINDOWS_CERT_PASSWORD not set")
        return
    timestamp = os.environ.get("WINDOWS_TIMESTAMP_URL") or "http://timestamp.digicert.com"
    run("signtool", "sign", "/fd", "SHA256", "/td", "SHA256", "/tr", timestamp, "/f", pfx, "/p", password, path)


def sign_macos(app: Path, dmg: Path | None = None) -> None:
    identity = os.environ.get("MACOS_SIGN_IDENTITY")
    if not identity:
        print("signing skipped: MACOS_SIGN_IDENTITY not set")
        return
    entitlements = ROOT / "packaging" / "macos" / "entitlements.plist"
    target = dmg or app
    args = ["codesign", "--force", "--timestamp", "--options", "runtime", "--sign", identity]
    run(*args, *(["--deep", "--entitlements", entitlements] if dmg is None else []), target)
    profile = os.environ.get("MACOS_NOTARY_PROFILE")
    if dmg is not None and profile:
        keychain = os.environ.get("MACOS_NOTARY_KEYCHAIN")  # the release workflow's temporary keychain
        extra = ["--keychain", keychain] if keychain else []
        run("xcrun", "notarytool", "submit", dmg, "--keychain-profile", profile, *extra, "--wait")
        run("xcrun", "stapler", "staple", dmg)
    elif dmg is not None:
        print("notarization skipped: MACOS_NOTARY_PROFILE not set")


def linux_archive(app: Path) -> Path:
    arch = platform.machine()
    out = DIST / f"cqdesk-{VERSION}-linux-{arch}.tar.xz"
    linux = ROOT / "packaging" / "linux"
    with tarfile.open(out, "w:xz", preset=9) as tar:  # every current distribution unpacks xz
        tar.add(app, arcname="cqdesk")
        tar.add(linux / "cqdesk.desktop", arcname="cqdesk/cqdesk.desktop")
        for script in ("install.sh", "uninstall.sh"):
            tar.add(linux / script, arcname=f"cqdesk/{script}")
        for size in (48, 128, 256, 512):
            tar.add(
                ROOT / "resources" / "icons" / f"cqdesk-{size}.png",
                arcname=f"cqdesk/icons/hicolor/{size}x{size}/apps/cqdesk.png",
            )
    return out


def macos_dmg(app: Path) -> Path:
    out = DIST / f"cqdesk-{VERSION}-macos-{platform.machine()}.dmg"
    with tempfile.TemporaryDirectory() as stage:
        shutil.copytree(app, Path(stage) / app.name, symlinks=True)
        os.symlink("/Applications", Path(stage) / "Applications")
        out.unlink(missing_ok=True)
        run("hdiutil", "create", "-volname", "cqdesk", "-srcfolder", stage, "-ov", "-format", "UDZO", out)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bundle-only", action="store_true")
    ap.add_argument("--nsis-check", type=Path, metavar="DIR", help="compile the NSIS script with DIR as payload")
    ap.add_argument("--nsis-payload", type=Path, metavar="DIR", help="build the Windows installer from DIR (Wine)")
    ap.add_argument("--nsis-out", type=Path, metavar="FILE")
    args = ap.parse_args()
    DIST.mkdir(exist_ok=True)
    if args.nsis_payload:
        out = args.nsis_out or DIST / f"cqdesk-{VERSION}-windows-setup.exe"
        checksum(nsis(args.nsis_payload.resolve(), out.resolve()))
        return 0
    if args.nsis_check:
        checksum(nsis(args.nsis_check.resolve(), DIST / f"cqdesk-{VERSION}-nsis-check.exe"))
        return 0
    app = bundle()
    self_test(app)
    if args.bundle_only:
        return 0
    if sys.platform == "win32":
        sign_windows(app / "cqdesk.exe")
        installer = nsis(app, DIST / f"cqdesk-{VERSION}-windows-setup.exe")
        sign_windows(installer)
    elif sys.platform == "darwin":
        sign_macos(app)
        installer = macos_dmg(app)
        sign_macos(app, installer)
    else:
        installer = linux_archive(app)
    checksum(installer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
