#!/bin/sh
# Removes what install.sh added (the menu entry and the icons). The cqdesk folder itself you delete by hand;
# your settings stay in ~/.config/cqdesk.
set -eu
data=${XDG_DATA_HOME:-$HOME/.local/share}
rm -f "$data/applications/cqdesk.desktop"
rm -f "$data"/icons/hicolor/*/apps/cqdesk.png
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
echo "cqdesk removed from the menu; delete the cqdesk folder to remove the app"
