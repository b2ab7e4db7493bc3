#!/bin/sh
# Regenerates the chart and page fonts from Debian's full DejaVu Sans (regular and bold).
#
# The chart font, loaded by resvg for PNGs, is two pairs of files:
#   DejaVuSans-core.ttf, DejaVuSans-Bold-core.ttf — family "DejaVu Sans", the characters charts
#     print (the page range below: Latin-1, Latin Extended-A, punctuation, arrows, math signs,
#     GRADE symbols). Every chart text names this family.
#   DejaVuSans-subset.ttf, DejaVuSans-Bold-subset.ttf — the fallback: the full chart coverage
#     (Latin Basic to Extended-B, combining diacritics, Greek, Cyrillic, punctuation,
#     super/subscripts, currency, letterlike symbols, arrows, math operators, geometric shapes),
#     renamed "DejaVu Sans Fallback", so resvg uses it only for a character the core lacks.
# Why two: resvg 2.6 re-reads a font file for every glyph it lays out (~800 reads per chart), so
# the PNG step's text layout costs time in proportion to the size of the file that serves the
# common characters (docs/architecture.md#the-cost-of-a-cold-regeneration). Without hinting
# instructions (resvg does not hint: the PNGs keep every pixel) the files are smaller still.
# The fallback faces are marked italic and condensed (OS/2 fsSelection, usWidthClass; glyphs
# unchanged, upright): resvg's fallback search takes the first loaded face that has the character
# and shares the style, the weight or the stretch of the face it falls back from, so the marks
# make regular text fall back to the regular face and bold text to the bold one.
# Coverage of every text of hta's catalogue and bundled plans: test/report/render/chart-font.test.ts;
# fallback, weights and NFD text: test/report/render/chart-font-fallback.test.ts.
#
# DejaVuSans-web.woff, DejaVuSans-Bold-web.woff — embedded in every report page as @font-face
# (base64), so pages and their inline charts look the same on every machine. The core range plus
# the few signs the pages print outside it (WEB: √ in the CEA's "√(B/m)"), ~18 kB each; any
# other character falls back to the reader's sans-serif. Coverage of every bundled page:
# test/report/render/page-font.test.ts.
#
# Needs Debian's `fonts-dejavu-core` and `fonttools` (apt-get install fonts-dejavu-core fonttools).
set -eu
cd "$(dirname "$0")"
CHART='U+0020-007E,U+00A0-024F,U+0300-036F,U+0370-03FF,U+0400-04FF,U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF'
CORE='U+0020-007E,U+00A0-017F,U+2010-2027,U+2030-203A,U+2190-2193,U+2212,U+2215,U+2248,U+2260,U+2264-2265,U+2295,U+25A0-25A1,U+25CB,U+25CF,U+25EF,U+2070-2079,U+2080-2089,U+20AC'
WEB="$CORE,U+221A"
for face in DejaVuSans DejaVuSans-Bold; do
  pyftsubset "/usr/share/fonts/truetype/dejavu/$face.ttf" --unicodes="$CORE" \
    --layout-features='*' --name-IDs='*' --name-languages='*' --notdef-outline --no-hinting \
    --output-file="$face-core.ttf"
  pyftsubset "/usr/share/fonts/truetype/dejavu/$face.ttf" --unicodes="$CHART" \
    --layout-features='*' --name-IDs='*' --name-languages='*' --notdef-outline --no-hinting \
    --output-file="$face-subset.ttf"
  python3 - "$face-subset.ttf" <<'PY'
import sys
from fontTools.ttLib import TTFont
path = sys.argv[1]
font = TTFont(path)
for rec in font['name'].names:
    if rec.nameID in (1, 4, 16):
        rec.string = rec.toUnicode().replace('DejaVu Sans', 'DejaVu Sans Fallback')
    elif rec.nameID == 6:
        rec.string = rec.toUnicode().replace('DejaVuSans', 'DejaVuSansFallback')
font['OS/2'].fsSelection = (font['OS/2'].fsSelection | 0x01) & ~0x40  # italic, not regular
font['head'].macStyle |= 0x02  # italic, as fsSelection says
font['OS/2'].usWidthClass = 3  # condensed
font.save(path)
PY
  pyftsubset "/usr/share/fonts/truetype/dejavu/$face.ttf" --unicodes="$WEB" \
    --layout-features='kern,liga' --flavor=woff --no-hinting --desubroutinize \
    --output-file="$face-web.woff"
done
