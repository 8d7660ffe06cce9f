"""Builds the frozen app with the project's spec, runs it, and compiles the Windows installer script.

Slow (about a minute with the installer); CI runs it.
"""

import os
import re
import shutil
import subprocess
import sys
import tarfile

import pytest

from cqdesk.ui.tools.selftest import CHECKS
from tests.conftest import REPO

pytestmark = pytest.mark.slow


# What the bundle may hold at its top level: anything new fails here, so a new dependency is a decision.
# Python modules and packages in the frozen archive (first component of each name).
PYZ_ALLOWED = set(
    """
    PySide6 shiboken6 cqdesk pypdf typing_extensions launcher _pyi_rth_utils docx lxml
    charset_normalizer sqlite_utils sqlite_fts4 click dateutil pluggy six zoneinfo sysconfig glob fastjsonschema
    odf defusedxml
    _sysconfigdata__linux_x86_64-linux-gnu
    __future__ _compat_pickle _compression _py_abc
    _pydecimal _strptime _threading_local argparse ast base64 bisect bz2 calendar contextlib contextvars copy
    csv dataclasses datetime decimal dis fnmatch fractions getopt getpass gettext gzip hashlib hmac html
    importlib inspect ipaddress json logging lzma mimetypes nturl2path numbers opcode pathlib pickle platform
    pprint py_compile quopri random secrets selectors shutil signal socket sqlite3 statistics string stringprep
    struct subprocess tarfile tempfile textwrap threading token tokenize tracemalloc typing urllib uuid xml
    zipfile
    """.split()
)
# Files and folders in _internal/, shared libraries without their version suffix (Linux).
INTERNAL_ALLOWED = set(
    """
    LICENSE PySide6 base_library.zip data resources shiboken6 python3.11 lib-dynload libpython3.11 docx lxml
    charset_normalizer cqdesk
    libpyside6.abi3 libshiboken6.abi3 libsqlite3 libstdc++ libgcc_s libffi libQt6Core libQt6DBus libQt6Gui
    libQt6PrintSupport libQt6Widgets libQt6XcbQpa libicudata libicui18n libicuuc libcups libavahi-client
    libavahi-common libdbus-1 libsystemd libcap libgcrypt libgpg-error liblz4 liblzma libzstd libz libbz2
    libgnutls libhogweed libnettle libgmp libidn2 libunistring libtasn1 libp11-kit libgssapi_krb5 libk5crypto
    libkrb5 libkrb5support libkeyutils libcom_err libfontconfig libfreetype libexpat libpng16 libbrotlicommon
    libbrotlidec libuuid libglib-2.0 libgthread-2.0 libpcre2-8 libbsd libmd libX11 libX11-xcb libXau libXdmcp
    libxkbcommon libxkbcommon-x11 libxcb-cursor libxcb-icccm libxcb-image libxcb-keysyms libxcb-randr
    libxcb-render libxcb-render-util libxcb-shape libxcb-shm libxcb-sync libxcb-util libxcb-xfixes libxcb-xkb
    """.split()
) | set(
    # Reading aloud: Qt TextToSpeech, the Qt Multimedia it links (and the Network and Concurrent libraries
    # Multimedia links; the PySide6.QtNetwork module stays out), PulseAudio's client with its codecs, and
    # speech-dispatcher's client library where the build machine has it (the speechd plugin links it).
    """
    libQt6TextToSpeech libQt6Multimedia libQt6Network libQt6Concurrent libpulse libpulsecommon-16.1 libasyncns
    libsndfile libFLAC libmp3lame libmpg123 libogg libopus libvorbis libvorbisenc libspeechd
    """.split()
)


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    env = {
        **os.environ,
        "CQDESK_DIST": str(out),
        "CQDESK_BUILD": str(tmp_path_factory.mktemp("build")),
        "QT_QPA_PLATFORM": "offscreen",
    }
    run = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "build.py")], env=env, capture_output=True, text=True, timeout=900
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert f"self-test passed: {CHECKS} of {CHECKS} checks" in run.stdout
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
    assert out.stdout.count("\nok ") + out.stdout.startswith("ok ") == CHECKS


def test_bundle_leaves_out_unused_qt(dist):
    names = [p.name for p in (dist / "cqdesk").rglob("*")]
    for unwanted in (
        "Qt6Qml",
        "Qt6Quick",
        "virtualkeyboard",  # Addons' input method: it would bring Qt Quick
        "QtMultimediaWidgets",
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
        if p.split("/")[0]
        not in ("platforms", "styles", "platforminputcontexts", "printsupport", "imageformats", "texttospeech")
    ]
    assert "texttospeech/libqtexttospeech_speechd.so" in plugins
    translations = sorted(p.name for p in (dist / "cqdesk").rglob("qtbase_*.qm"))
    assert translations == ["qtbase_en.qm", "qtbase_zh_CN.qm"]


def test_bundle_top_level_is_on_the_allow_list(dist):
    internal = dist / "cqdesk" / "_internal"
    bare = (re.sub(r"\.so(\.[\d.]+)?$", "", p.name) for p in internal.iterdir())
    names = {re.sub(r"-[\d.]+\.dist-info$", ".dist-info", name) for name in bare}  # click-8.5.1.dist-info
    assert names - INTERNAL_ALLOWED == set(), "new in the bundle: add to INTERNAL_ALLOWED only on purpose"
    listing = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller.utils.cliutils.archive_viewer",
            "--list",
            "--recursive",
            str(dist / "cqdesk" / "cqdesk"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listing.returncode == 0, listing.stderr
    pyz = listing.stdout[listing.stdout.index("(PYZ):") :]
    modules = {name.split(".")[0] for name in re.findall(r"^ \d+, \d+, \d+, '([^']+)'$", pyz, re.MULTILINE)}
    assert "cqdesk" in modules and "PySide6" in modules
    assert modules - PYZ_ALLOWED == set(), "new in the frozen archive: add to PYZ_ALLOWED only on purpose"
    for build_only in ("opencc", "pytest", "hypothesis", "fontTools", "PyInstaller", "setuptools"):
        assert build_only not in modules


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only the Linux bundle carries ICU")
def test_bundle_icu_data_is_small_and_answers_what_qt_asks(dist):
    """The bundle's ICU (packaging/linux/icu_data.py) still collates Chinese, converts GB18030 and Big5 and
    names time zones; a separate process, since this one has the wheel's own ICU loaded."""
    lib = dist / "cqdesk" / "_internal" / "PySide6" / "Qt" / "lib"
    (data,) = lib.glob("libicudata.so.*")
    assert data.stat().st_size < 8 * 2**20  # 30.6 MB with every language
    version = data.name.split(".so.")[1]
    out = subprocess.run([sys.executable, "-c", ICU_PROBE, str(lib), version], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:-1] == [
        "collator zh: 北京 before 重庆",
        "converter GB18030: ok",
        "converter GBK: ok",
        "converter Big5: ok",
        "converter Shift_JIS: missing",  # Japanese is left out
        "time zone name Asia/Shanghai zh_CN: 中国标准时间",
    ]


ICU_PROBE = r"""
import ctypes, sys
lib, v = sys.argv[1], sys.argv[2]
uc, i18n = ctypes.CDLL(f"{lib}/libicuuc.so.{v}"), ctypes.CDLL(f"{lib}/libicui18n.so.{v}")
def fn(library, name, restype=ctypes.c_int):
    f = getattr(library, f"{name}_{v}")
    f.restype = restype
    return f
def utf16(text):
    data = text.encode("utf-16-le")
    return (ctypes.c_uint16 * (len(data) // 2)).from_buffer_copy(data), len(data) // 2
err = ctypes.c_int(0)
coll = fn(i18n, "ucol_open", ctypes.c_void_p)(b"zh_CN", ctypes.byref(err))
assert err.value <= 0, err.value
order = fn(i18n, "ucol_strcoll")(ctypes.c_void_p(coll), *utf16("北京"), *utf16("重庆"))
print("collator zh: 北京 before 重庆" if order < 0 else "collator zh: wrong order")
for name in (b"GB18030", b"GBK", b"Big5", b"Shift_JIS"):
    err.value = 0
    fn(uc, "ucnv_open", ctypes.c_void_p)(name, ctypes.byref(err))
    print(f"converter {name.decode()}: {'ok' if err.value <= 0 else 'missing'}")
err.value = 0
cal = fn(i18n, "ucal_open", ctypes.c_void_p)(*utf16("Asia/Shanghai"), b"zh_CN", 0, ctypes.byref(err))
buf = (ctypes.c_uint16 * 64)()
n = fn(i18n, "ucal_getTimeZoneDisplayName")(ctypes.c_void_p(cal), 0, b"zh_CN", buf, 64, ctypes.byref(err))
print("time zone name Asia/Shanghai zh_CN:", bytes(buf)[: 2 * n].decode("utf-16-le"))
"""


def test_bundle_ships_the_licences(dist):
    licences = dist / "cqdesk" / "_internal" / "resources" / "licenses"
    notices = (licences / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    for component in ("PySide6_Essentials 6.11.3", "shiboken6 6.11.3", "pypdf", "Qt 6", "Python 3", "SQLite", "ICU"):
        assert component in notices
    for text in ("LGPL-3.0.txt", "GPL-3.0.txt", "PSF-2.0.txt", "OFL-1.1.txt", "Apache-2.0.txt", "ICU-Unicode.txt"):
        assert (licences / text).stat().st_size > 1000
    assert "MIT License" in (dist / "cqdesk" / "_internal" / "LICENSE").read_text(encoding="utf-8")


def test_linux_archive_with_desktop_file_and_checksum(dist):
    (archive,) = dist.glob("cqdesk-*-linux-*.tar.xz")
    assert archive.stat().st_size < 40 * 2**20  # the download goal
    folder = sum(f.stat().st_size for f in (dist / "cqdesk").rglob("*") if f.is_file() and not f.is_symlink())
    assert folder < 110 * 2**20  # the one-folder goal
    names = tarfile.open(archive).getnames()
    assert "cqdesk/cqdesk" in names and "cqdesk/cqdesk.desktop" in names
    assert "cqdesk/install.sh" in names and "cqdesk/uninstall.sh" in names
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
