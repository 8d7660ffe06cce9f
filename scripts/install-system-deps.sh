#!/usr/bin/env bash
# Debian/Ubuntu packages cqdesk needs, installing only the missing ones.
#
#   bash scripts/install-system-deps.sh          # to run the app: Qt's libraries, a CJK font, python3-venv
#   bash scripts/install-system-deps.sh --test   # also what the tests use: Xvfb, poppler (PDF checks), strace (no socket),
#                                                #   binutils (strip), gcc and icu-devtools (the bundle's smaller ICU data),
#                                                #   NSIS (installer checks) and LibreOffice Writer (opens the Word and ODT exports),
#                                                #   AT-SPI and pyatspi (a screen reader's view of the window),
#                                                #   speech-dispatcher with espeak-ng (reading aloud for real),
#                                                #   pandoc and a Java runtime (the exports read by pandoc and
#                                                #   the W3C Nu validator), qpdf (the PDF's structure)
#   bash scripts/install-system-deps.sh --wine   # --test, plus Wine and mingw for the Windows build under Wine
#
# Elsewhere (macOS, Windows, other Linux) it does nothing: PySide6's wheels carry Qt.
# Without root and without sudo it prints the one apt-get line to run and exits 1, before anything else runs.
set -euo pipefail
run=(
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1 libxcb-render-util0 libxcb-image0
  libcups2 fonts-noto-cjk python3-venv
)
test=(xvfb xauth xdotool poppler-utils binutils gcc icu-devtools nsis libreoffice-writer-nogui dbus-daemon at-spi2-core python3-pyatspi
  speech-dispatcher speech-dispatcher-espeak-ng espeak-ng strace pandoc default-jre-headless qpdf)
wine=(wine wine64 gcc-mingw-w64-x86-64-win32)
packages=("${run[@]}")
case "${1:-}" in
  "") ;;
  --test) packages+=("${test[@]}") ;;
  --wine) packages+=("${test[@]}" "${wine[@]}") ;;
  *) echo "usage: $0 [--test|--wine]" >&2; exit 2 ;;
esac
command -v dpkg-query >/dev/null || { echo "not a Debian system: nothing to install here (Qt comes with PySide6)"; exit 0; }
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
line="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "cqdesk needs these system packages, and installing them needs root. Ask an administrator to run:" >&2
  echo "  sudo sh -c '$line'" >&2
  echo "then run this command again." >&2
  exit 1
fi
echo "installing: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
