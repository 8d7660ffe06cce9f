#!/bin/sh
# Adds cqdesk to your desktop's menu: a .desktop entry that starts this folder's cqdesk by its absolute path,
# and the icons. Installs for you alone (no root); run it again after moving the folder.
# Undo with uninstall.sh beside it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
[ -x "$here/cqdesk" ] || { echo "install.sh: $here/cqdesk not found; run this script from the unpacked cqdesk folder" >&2; exit 1; }
mkdir -p "$data/applications"
for icon in "$here"/icons/hicolor/*/apps/cqdesk.png; do
  size=$(basename "$(dirname "$(dirname "$icon")")")
  mkdir -p "$data/icons/hicolor/$size/apps"
  cp "$icon" "$data/icons/hicolor/$size/apps/cqdesk.png"
done
# Exec takes a quoted absolute path, so a folder with spaces works. Desktop Entry spec: inside quotes escape
# " ` $ with a backslash, and a backslash with three more (the string value unescapes it once more).
escaped=$(printf '%s' "$here/cqdesk" | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\&/g')
while IFS= read -r line; do
  case "$line" in
    Exec=*) printf 'Exec="%s"\n' "$escaped" ;;
    "# install.sh"*) ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$here/cqdesk.desktop" > "$data/applications/cqdesk.desktop.tmp"
mv "$data/applications/cqdesk.desktop.tmp" "$data/applications/cqdesk.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
echo "cqdesk added to the menu: $data/applications/cqdesk.desktop (runs $here/cqdesk)"
