#!/usr/bin/env python3
"""Writes resources/twinrun.qrc from the rendered PNGs (called by render.sh)."""
import pathlib

res = pathlib.Path(__file__).resolve().parent.parent
files = [(f'icons/twinrun/{p.parent.name}.png', p) for p in sorted(res.glob('icons/hicolor/*/twinrun.png'))]
files.append(('icons/theme/twinrun/index.theme', res / 'icons/theme/index.theme'))
files += [(f'icons/theme/twinrun/{p.relative_to(res / "icons/theme")}', p)
          for p in sorted(res.glob('icons/theme/*/actions/*.png'))]
lines = ['<!DOCTYPE RCC>',
         '<!-- Written by icons/render.sh: the app icon in PNG sizes (no QtSvg at run time) and',
         '     the fallback icon theme "twinrun" (:/icons/theme/twinrun) for toolbar actions. -->',
         '<RCC version="1.0">', '  <qresource prefix="/">']
lines += [f'    <file alias="{alias}">{p.relative_to(res)}</file>' for alias, p in files]
lines += ['  </qresource>', '</RCC>']
(res / 'twinrun.qrc').write_text('\n'.join(lines) + '\n')
