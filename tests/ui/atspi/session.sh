#!/usr/bin/env bash
# Inside dbus-run-session and xvfb-run: start cqdesk with Qt's AT-SPI bridge on, then probe it from outside.
#   session.sh PYTHON DATA_DIR QUERY
set -u
python=$1 data=$2 query=$3
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb CQDESK_DATA_DIR=$data \
  "$python" -m cqdesk >"$data/app.log" 2>&1 &
app=$!
/usr/bin/python3 "$(dirname "$0")/probe.py" "$query"
status=$?
kill "$app" 2>/dev/null
wait "$app" 2>/dev/null
exit $status
