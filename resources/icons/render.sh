#!/usr/bin/env bash
# Renders the SVG sources into the PNGs that are committed and bundled (a developer's step,
# not a build step: the build needs no SVG renderer and the app no QtSvg). Needs rsvg-convert
# (librsvg2-bin). Action icons: a fallback icon theme "twinrun" at 16, 24, 32 and 48 px, so
# they stay crisp at 1x, 1.5x and 2x. The app icon: the hicolor sizes.
set -euo pipefail
cd "$(dirname "$0")"
python3 actions/make-svgs.py
for size in 16 24 32 48; do
    mkdir -p "theme/${size}x${size}/actions"
    for svg in actions/*.svg; do
        rsvg-convert -w "$size" -h "$size" "$svg" -o "theme/${size}x${size}/actions/$(basename "${svg%.svg}").png"
    done
done
for size in 16 24 32 48 64 128 256; do
    mkdir -p "hicolor/${size}x${size}"
    rsvg-convert -w "$size" -h "$size" twinrun.svg -o "hicolor/${size}x${size}/twinrun.png"
done
python3 write-qrc.py
echo "render.sh: done"
