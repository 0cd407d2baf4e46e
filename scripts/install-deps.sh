#!/usr/bin/env bash
# Installs what TwinRun needs to build and test on Debian 12, only what is missing.
# Run as root (or with sudo). Extra package names given as arguments are installed too.
set -euo pipefail
# libicu-dev: Unicode character names for \N{...}; python3: the oracle tests.
# qt6-tools-dev and qt6-l10n-tools: the translations (qt_add_translations, lupdate, lrelease);
# desktop-file-utils and appstream: the tests that validate resources/ (skipped without them).
# qt6-svg-dev: the timeline exports SVG (without it, PNG only).
# docs/screenshot.sh needs xvfb x11-utils imagemagick too; resources/icons/render.sh librsvg2-bin.
packages=(cmake g++ make python3 qt6-base-dev libicu-dev qt6-tools-dev qt6-l10n-tools qt6-svg-dev desktop-file-utils appstream "$@")
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
