#!/usr/bin/env python3
"""Writes TwinRun's bundled action icons as SVG (16x16 grid), one file per freedesktop name.
Mid-tone colours, readable on light and dark toolbars. render.sh turns them into PNGs."""
import pathlib

G = '#7f8c8d'   # neutral
GREEN, RED, BLUE, ORANGE = '#27ae60', '#e74c3c', '#3498db', '#f39c12'
S = 'fill="none" stroke-linecap="round" stroke-linejoin="round"'

icons = {
    'media-playback-start': f'<path d="M4 2.5 L13 8 L4 13.5 Z" fill="{GREEN}"/>',
    'twinrun-join': f'<path d="M2 4 C6 4 6 8 9 8 M2 12 C6 12 6 8 9 8 L12 8" {S} stroke="{BLUE}" stroke-width="1.8"/>'
                    f'<path d="M11 5 L14.5 8 L11 11 Z" fill="{BLUE}"/>',
    'process-stop': f'<rect x="3" y="3" width="10" height="10" rx="1.5" fill="{RED}"/>',
    'twinrun-kill': f'<circle cx="8" cy="8" r="6.5" fill="{RED}"/>'
                    f'<path d="M5.3 5.3 L10.7 10.7 M10.7 5.3 L5.3 10.7" {S} stroke="#ffffff" stroke-width="1.8"/>',
    'view-refresh': f'<path d="M13 8 A5 5 0 1 1 11.5 4.4" {S} stroke="{BLUE}" stroke-width="1.8"/>'
                    f'<path d="M9.5 1.5 L14 3.5 L10.5 7 Z" fill="{BLUE}"/>',
    'edit-delete': f'<path d="M3 4.5 H13 M6.5 4.5 V3 H9.5 V4.5 M4.5 4.5 L5.2 13.5 H10.8 L11.5 4.5 M7 7 V11 M9 7 V11" {S} stroke="{G}" stroke-width="1.4"/>',
    'edit-clear-all': f'<path d="M2 4 H10 M2 8 H8 M2 12 H6" {S} stroke="{G}" stroke-width="1.6"/>'
                      f'<path d="M10 9.5 L14 13.5 M14 9.5 L10 13.5" {S} stroke="{RED}" stroke-width="1.6"/>',
    'edit-find': f'<circle cx="6.5" cy="6.5" r="4" {S} stroke="{G}" stroke-width="1.8"/>'
                 f'<path d="M9.5 9.5 L14 14" {S} stroke="{G}" stroke-width="2.2"/>',
    'edit-copy': f'<rect x="2.5" y="2.5" width="8" height="9" rx="1" {S} stroke="{G}" stroke-width="1.3"/>'
                 f'<rect x="5.5" y="4.5" width="8" height="9" rx="1" fill="{G}" fill-opacity="0.35" stroke="{G}" stroke-width="1.3"/>',
    'document-save': f'<path d="M2.5 2.5 H11 L13.5 5 V13.5 H2.5 Z" {S} stroke="{BLUE}" stroke-width="1.3"/>'
                     f'<rect x="5" y="2.5" width="5" height="3.5" fill="{BLUE}"/><rect x="4.5" y="9" width="7" height="4.5" fill="{BLUE}" fill-opacity="0.5"/>',
    'edit-clear': f'<path d="M6 13.5 H14 M2.5 10 L8.5 4 L12 7.5 L7.5 12 H5 Z" {S} stroke="{G}" stroke-width="1.4"/>'
                  f'<path d="M8.5 4 L12 7.5 L10 9.5 L6.5 6 Z" fill="{ORANGE}"/>',
    'list-add': f'<path d="M8 3 V13 M3 8 H13" {S} stroke="{GREEN}" stroke-width="2.2"/>',
    'list-remove': f'<path d="M4 4 L12 12 M12 4 L4 12" {S} stroke="{RED}" stroke-width="1.9"/>',
    'go-up': f'<path d="M8 13 V3.5 M4 7.5 L8 3.5 L12 7.5" {S} stroke="{G}" stroke-width="1.8"/>',
    'go-down': f'<path d="M8 3 V12.5 M4 8.5 L8 12.5 L12 8.5" {S} stroke="{G}" stroke-width="1.8"/>',
    'window-close': f'<path d="M4.5 4.5 L11.5 11.5 M11.5 4.5 L4.5 11.5" {S} stroke="{G}" stroke-width="1.8"/>',
    'dialog-warning': f'<path d="M8 1.8 L14.7 13.6 H1.3 Z" fill="{ORANGE}" stroke="{ORANGE}" stroke-linejoin="round"/>'
                      f'<path d="M8 6 V9.5 M8 11.6 V11.7" {S} stroke="#ffffff" stroke-width="1.8"/>',
    'help-contents': f'<circle cx="8" cy="8" r="6.5" fill="{BLUE}"/>'
                     f'<path d="M6 6.2 A2 2 0 1 1 8.6 8.1 C8 8.4 8 8.8 8 9.6 M8 11.8 V11.9" {S} stroke="#ffffff" stroke-width="1.6"/>',
}

here = pathlib.Path(__file__).parent
for name, body in icons.items():
    (here / f'{name}.svg').write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">{body}</svg>\n')
