#!/usr/bin/env bash
# Takes the window's screenshots under Xvfb (no window manager, so the window without a frame):
#   docs/screenshot.png          a Both launch of the seed example (1400x900), the README's
#   docs/screenshot-first.png    the first start (1400x900)
#   docs/screenshot-dark.png     the same Both launch with TWINRUN_COLOR_SCHEME=dark
#   docs/screenshot-800x600.png  a Both launch on an 800x600 screen
#   docs/screenshot-pt_BR.png    a Both launch with LANG=pt_BR.UTF-8, the README's second
#   docs/screenshot-plugin.png   the example plugin's primes.count_below, a Both launch, with the
#                                target list open on the plugin's group (needs xdotool; the
#                                plugin is the build's, build/plugins/libprimes.so)
#   docs/screenshot-python.png   a Both launch with Compare with Python: the four-column compare
#                                (1400x900; needs python3)
# Builds nothing: pass the twinrun binary (default: build/app/twinrun). Needs Xvfb, xdpyinfo,
# xwininfo (x11-utils) and ImageMagick's `import`. SCREENSHOT_DISPLAY picks the X display
# number (default :97).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
binary="${1:-$here/../build/app/twinrun}"
[[ -x "$binary" ]] || { echo "screenshot.sh: no executable at $binary" >&2; exit 1; }

pids=()
tmp="$(mktemp -d)"
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$tmp"
}
trap cleanup EXIT

start_xvfb() { # DISPLAY SIZE
    Xvfb "$1" -screen 0 "$2x24" -nolisten tcp >/dev/null 2>&1 &
    pids+=($!)
    for _ in $(seq 50); do
        DISPLAY="$1" xdpyinfo >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "screenshot.sh: Xvfb $1 did not start" >&2
    exit 1
}

shot() { # DISPLAY OUTPUT DEMO [VAR=VALUE ...]
    local display="$1" output="$2" demo="$3"
    shift 3
    # A fresh settings directory each time: the default layout, not the last session's.
    local config="$tmp/config-$(basename "$output")"
    mkdir -p "$config"
    env DISPLAY="$display" XDG_CONFIG_HOME="$config" TWINRUN_DEMO_LAUNCH="$demo" \
        QT_QPA_PLATFORM=xcb LANG=C.UTF-8 "$@" "$binary" >/dev/null 2>&1 &
    local app=$!
    sleep "${wait_seconds:-3}" # the window opens, the runs end, the comparison shows its verdict
    local window
    window="$(DISPLAY="$display" xwininfo -root -tree 2>/dev/null |
        awk '/"TwinRun"/ { print $1; exit }')"
    DISPLAY="$display" import -window "${window:-root}" "$here/$output"
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    echo "screenshot.sh: wrote docs/$output"
}

# The example plugin's target launched both ways (its plugin loaded first, as a preset's),
# then the target list opened from the keyboard (Alt+<the Target box's mnemonic>, F4). The
# list is a window of its own: the screen is taken, cut to the main window.
plugin_shot() { # DISPLAY OUTPUT MNEMONIC [VAR=VALUE ...]
    local display="$1" output="$2" mnemonic="$3"
    shift 3
    local plugin spec window geometry
    plugin="$(realpath "$(dirname "$binary")/../plugins/libprimes.so")"
    spec='{"version": 1, "mode": "both", "worker": {"version": 1, "target": "primes.count_below",
           "args": [{"type": "int", "value": 1000000}], "kwargs": [], "name": "",
           "daemon": false, "start_method": "spawn", "plugin": "'"$plugin"'"}}'
    local home="$tmp/home-$(basename "$output")" # settings and the per-user plugin folder
    mkdir -p "$home/config" "$home/data"
    env DISPLAY="$display" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
        TWINRUN_DEMO_LAUNCH="$spec" QT_QPA_PLATFORM=xcb LANG=C.UTF-8 "$@" "$binary" \
        >/dev/null 2>&1 &
    local app=$!
    sleep 4 # the plugin is checked and loaded, both runs end
    window="$(DISPLAY="$display" xwininfo -root -tree 2>/dev/null |
        awk '/"TwinRun"/ { print $1; exit }')"
    DISPLAY="$display" xdotool windowfocus --sync "$window" key "alt+$mnemonic" sleep 0.3 key F4
    sleep 1
    geometry="$(DISPLAY="$display" xwininfo -id "$window" |
        awk '/Absolute upper-left X/ { x = $4 } /Absolute upper-left Y/ { y = $4 }
             /Width:/ { w = $2 } /Height:/ { h = $2 } END { print w "x" h "+" x "+" y }')"
    DISPLAY="$display" import -window root -crop "$geometry" +repage "$here/$output"
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    echo "screenshot.sh: wrote docs/$output"
}

stop_xvfb() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    pids=()
}

# One display at a time, so one free display number is enough (SCREENSHOT_DISPLAY, default :97).
display="${SCREENSHOT_DISPLAY:-:97}"
start_xvfb "$display" 1400x900
shot "$display" screenshot.png both
shot "$display" screenshot-first.png ""
shot "$display" screenshot-dark.png both TWINRUN_COLOR_SCHEME=dark
shot "$display" screenshot-pt_BR.png both LANG=pt_BR.UTF-8
plugin_shot "$display" screenshot-plugin.png t
# CPython's spawn takes its time: a longer wait.
wait_seconds=8 shot "$display" screenshot-python.png both TWINRUN_DEMO_PYTHON=1
stop_xvfb
start_xvfb "$display" 800x600
shot "$display" screenshot-800x600.png both
