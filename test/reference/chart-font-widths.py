#!/usr/bin/python3
"""Reference text widths for src/report/render/text-metrics.ts, from fontTools (an independent
TrueType reader): per face, the advance width in em of each string (sum of its characters'
advances via the best Unicode cmap, .notdef for a missing character; no kerning, as vega's
layout). Run from the repository root:
  python3 test/reference/chart-font-widths.py > test/reference/chart-font-widths.json
Needs Debian's `fonttools`.
"""
import json
from fontTools.ttLib import TTFont

STRINGS = [
    "Hovedstaden", "Retained 12 weeks", "2,312 of 3,948 at risk (58.6%)", "90%", "100%",
    "Sjælland", "Søren Ærø Åbenrå", "−0,9 (−10,3 til 8,5) %-point", "≥ 5 point", "95 %-KI",
    "Significant, but not clinically relevant", "← Favours usual care", "Favours app →",
    "EQ-5D-5L index, DK", "β κ χ² Ω", "Привет", "⊕⊕◯◯", "€ 23.250", "\u4e2d",
]

def widths(path):
    font = TTFont(path)
    upem = font["head"].unitsPerEm
    cmap = font.getBestCmap()
    hmtx = font["hmtx"].metrics
    notdef = hmtx[font.getGlyphOrder()[0]][0]
    return {s: sum(hmtx[cmap[ord(c)]][0] if ord(c) in cmap else notdef for c in s) / upem for s in STRINGS}

print(json.dumps({
    "regular": widths("assets/fonts/DejaVuSans-subset.ttf"),
    "bold": widths("assets/fonts/DejaVuSans-Bold-subset.ttf"),
}, indent=2, ensure_ascii=False))
