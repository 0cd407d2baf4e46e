#!/usr/bin/env bash
# Takes the timeline's screenshot under Xvfb: a burn(1500000) Both launch, then a Process
# launch stopped at once (Ctrl+T), a Thread launch and another Both launch, with the Timeline
# tab shown: docs/screenshot-timeline.png. Extra VAR=VALUE arguments go to the app
# (TWINRUN_COLOR_SCHEME=dark, LANG=pt_BR.UTF-8), OUT= names another file. Clicks are placed
# for a 1400x900 screen. Needs Xvfb, xdotool, xwininfo and ImageMagick's `import`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
binary="${BINARY:-$here/../build/app/twinrun}"
out="${OUT:-$here/screenshot-timeline.png}"
display="${SCREENSHOT_DISPLAY:-:73}" # a free X display
tmp="$(mktemp -d)"
Xvfb $display -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=
cleanup() {
    [[ -n "$app" ]] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null
    kill $xvfb 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
for _ in $(seq 50); do DISPLAY=$display xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
spec='{"version":1,"mode":"both","worker":{"version":1,"target":"burn","args":[{"type":"int","value":1500000}],"kwargs":[],"name":"","daemon":false,"start_method":"spawn"}}'
env DISPLAY=$display XDG_CONFIG_HOME="$tmp" TWINRUN_DEMO_LAUNCH="$spec" QT_QPA_PLATFORM=xcb \
    LANG=C.UTF-8 "$@" "$binary" >/dev/null 2>&1 &
app=$!
sleep 3
click() { DISPLAY=$display xdotool mousemove "$1" "$2" click 1; }
launch() { DISPLAY=$display xdotool key ctrl+Return; } # Launch (Ctrl+Return): no coordinates
click 229 328; launch; sleep 0.4                  # Both
click 153 328; launch; sleep 0.3   # Process
DISPLAY=$display xdotool key ctrl+t; sleep 0.2    # stop it
click 82 328; launch; sleep 0.3    # Thread
click 229 328; launch; sleep 3      # Both
click "${TAB_X:-664}" 236; sleep 0.5               # the Timeline tab
window="$(DISPLAY=$display xwininfo -root -tree | awk '/"TwinRun"/ { print $1; exit }')"
DISPLAY=$display import -window "${window:-root}" "$out"
echo "screenshot-timeline.sh: wrote $out"
