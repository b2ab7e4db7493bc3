#!/bin/sh
# Regenerates the chart and page fonts from Debian's full DejaVu Sans (regular and bold).
#
# DejaVuSans-subset.ttf, DejaVuSans-Bold-subset.ttf — the chart font, loaded by resvg for PNGs.
# Why a subset: resvg re-reads the font file for every text element it lays out, so the PNG step
# costs time in proportion to the file size (~90 ms → ~25 ms per chart with 70 labels).
# Without hinting instructions (resvg does not hint: the PNGs keep every pixel) the files are a
# quarter smaller and the PNG step's text layout ~12 % cheaper.
# Coverage: Latin (Basic, Latin-1, Extended-A/B), combining diacritics, Greek, Cyrillic,
# punctuation, super/subscripts, currency, letterlike symbols, arrows, math operators and
# geometric shapes; every text of hta's catalogue and bundled plans (test/report/chart-font.test.ts).
#
# DejaVuSans-web.woff, DejaVuSans-Bold-web.woff — embedded in every report page as @font-face
# (base64), so pages and their inline charts look the same on every machine. A smaller subset
# (~18 kB each): Latin-1 and Extended-A, punctuation, arrows, the math signs and the GRADE
# symbols (⊕ ◯) the pages use; any other character falls back to the reader's sans-serif.
#
# Needs Debian's `fonts-dejavu-core` and `fonttools` (apt-get install fonts-dejavu-core fonttools).
set -eu
cd "$(dirname "$0")"
CHART='U+0020-007E,U+00A0-024F,U+0300-036F,U+0370-03FF,U+0400-04FF,U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF'
WEB='U+0020-007E,U+00A0-017F,U+2010-2027,U+2030-203A,U+2190-2193,U+2212,U+2215,U+2248,U+2260,U+2264-2265,U+2295,U+25A0-25A1,U+25CB,U+25CF,U+25EF,U+2070-2079,U+2080-2089,U+20AC'
for face in DejaVuSans DejaVuSans-Bold; do
  pyftsubset "/usr/share/fonts/truetype/dejavu/$face.ttf" --unicodes="$CHART" \
    --layout-features='*' --name-IDs='*' --name-languages='*' --notdef-outline --no-hinting \
    --output-file="$face-subset.ttf"
  pyftsubset "/usr/share/fonts/truetype/dejavu/$face.ttf" --unicodes="$WEB" \
    --layout-features='kern,liga' --flavor=woff --no-hinting --desubroutinize \
    --output-file="$face-web.woff"
done
