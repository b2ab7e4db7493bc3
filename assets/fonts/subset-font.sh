#!/bin/sh
# Regenerates DejaVuSans-subset.ttf, the chart font, from Debian's full DejaVu Sans.
# Why a subset: resvg re-reads the font file for every text element it lays out, so the PNG step
# costs time in proportion to the file size (~90 ms → ~25 ms per chart with 70 labels).
# Coverage: Latin (Basic, Latin-1, Extended-A/B), combining diacritics, Greek, Cyrillic,
# punctuation, super/subscripts, currency, letterlike symbols, arrows, math operators and
# geometric shapes; every text of hta's catalogue and bundled plans (test/report/chart-font.test.ts).
# Needs Debian's `fonts-dejavu-core` and `fonttools` (apt-get install fonts-dejavu-core fonttools).
set -eu
cd "$(dirname "$0")"
pyftsubset /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
  --unicodes='U+0020-007E,U+00A0-024F,U+0300-036F,U+0370-03FF,U+0400-04FF,U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF' \
  --layout-features='*' --name-IDs='*' --name-languages='*' --notdef-outline \
  --output-file=DejaVuSans-subset.ttf
