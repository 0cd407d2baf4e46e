#!/usr/bin/env bash
# Takes docs/screenshot.png: the window right after launching the seed example in Both mode.
# Builds nothing: pass the twinrun binary (default: build/app/twinrun). Uses the running X
# display if there is one, else starts Xvfb :99. Needs ImageMagick's `import`.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
binary="${1:-$here/../build/app/twinrun}"
output="$here/screenshot.png"
[[ -x "$binary" ]] || { echo "screenshot.sh: no executable at $binary" >&2; exit 1; }

xvfb_pid=""
app_pid=""
config_dir="$(mktemp -d)"
cleanup() {
    for pid in $app_pid $xvfb_pid; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$config_dir"
}
trap cleanup EXIT

if [[ -z "${DISPLAY:-}" ]]; then
    export DISPLAY=:99
    Xvfb "$DISPLAY" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 50); do
        xdpyinfo >/dev/null 2>&1 && break
        sleep 0.1
    done
    kill -0 "$xvfb_pid" 2>/dev/null || { echo "screenshot.sh: Xvfb $DISPLAY did not start" >&2; exit 1; }
fi

# A fresh settings directory, so the shot shows the default layout and not the last session.
# TWINRUN_DEMO_LAUNCH is handled by MainWindow: it launches the seed example in that mode.
XDG_CONFIG_HOME="$config_dir" TWINRUN_DEMO_LAUNCH=both QT_QPA_PLATFORM=xcb \
    "$binary" >/dev/null 2>&1 &
app_pid=$!
sleep 3 # the window opens, both runs end, the comparison shows its verdict

# The window itself when it can be found (no window manager: no frame to include), else the
# whole screen.
window="$(xwininfo -root -tree 2>/dev/null | awk '/"TwinRun"/ { print $1; exit }')"
import -window "${window:-root}" "$output"
echo "screenshot.sh: wrote $output"
