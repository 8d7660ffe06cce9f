#!/usr/bin/env bash
# Debian/Ubuntu packages the app and its tests need: the libraries Qt loads even offscreen,
# a CJK font for the screen, Xvfb for screenshots, poppler-utils for PDF checks, binutils (strip) and
# nsis for the installer checks.
# Installs only what is missing; needs root (or sudo) when something is.
set -euo pipefail
packages=(
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1 libxcb-render-util0 libxcb-image0
  libcups2 fonts-noto-cjk xvfb xauth poppler-utils binutils nsis
)
# --wine: also what the Windows build under Wine needs (packaging/windows/build-under-wine.sh).
if [ "${1:-}" = "--wine" ]; then
  packages+=(wine wine64 gcc-mingw-w64-x86-64-win32)
fi
command -v dpkg-query >/dev/null || { echo "not a Debian system: install Qt's runtime libraries yourself" >&2; exit 0; }
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
