# Fixture for glyph-outlines.ts: glyphs, advances, outlines, `liga` ligatures and `kern` pair
# kerning of the chart font's core faces, read by fontTools (an independent TrueType reader).
# Run from the repository root:  python3 test/reference/chart-font-glyphs.py
# (Debian: apt-get install python3-fonttools). Writes test/reference/chart-font-glyphs.json.
import json
from fontTools.ttLib import TTFont

TEXT = "AVATe Tä fifl ffi 0–9 (95 %-KI) −1,23 ← → ± ² æøå ÆØÅ Ŋ € ≤ ≥ LT Wa yo r."
PAIRS = ["AV", "VA", "AT", "Te", "Ta", "LT", "Wa", "yo", "r.", "T,", "F.", "P,", "Yo", "av", "12", "ab"]


def feature_lookups(table, script, feature):
    tb = table.table
    features = tb.FeatureList.FeatureRecord
    for rec in tb.ScriptList.ScriptRecord:
        if rec.ScriptTag == script:
            return [i for fi in rec.Script.DefaultLangSys.FeatureIndex if features[fi].FeatureTag == feature
                    for i in features[fi].Feature.LookupListIndex]
    return []


def kerning(font, left, right):
    gpos = font["GPOS"]
    for index in feature_lookups(gpos, "latn", "kern"):
        for st in gpos.table.LookupList.Lookup[index].SubTable:
            if left not in st.Coverage.glyphs:
                continue
            if st.Format == 1:
                pairs = st.PairSet[st.Coverage.glyphs.index(left)].PairValueRecord
                for p in pairs:
                    if p.SecondGlyph == right:
                        return getattr(p.Value1, "XAdvance", 0) or 0
                continue
            c1 = st.ClassDef1.classDefs.get(left, 0)
            c2 = st.ClassDef2.classDefs.get(right, 0)
            return getattr(st.Class1Record[c1].Class2Record[c2].Value1, "XAdvance", 0) or 0
    return 0


def ligatures(font):
    gsub = font["GSUB"]
    out = []
    for index in feature_lookups(gsub, "latn", "liga"):
        for st in gsub.table.LookupList.Lookup[index].SubTable:
            for first, ligs in st.ligatures.items():
                for lig in ligs:
                    out.append({"components": [font.getGlyphID(g) for g in [first] + list(lig.Component)],
                                "glyph": font.getGlyphID(lig.LigGlyph)})
    return sorted(out, key=lambda l: (l["components"], l["glyph"]))


faces = {}
for face in ["DejaVuSans-core", "DejaVuSans-Bold-core"]:
    font = TTFont(f"assets/fonts/{face}.ttf")
    cmap = font.getBestCmap()
    glyf = font["glyf"]
    glyphs = {}
    for ch in sorted(set(TEXT)):
        name = cmap[ord(ch)]
        coords, ends, flags = glyf[name].getCoordinates(glyf)
        contours, start = [], 0
        for end in ends:
            contours.append([[coords[i][0], coords[i][1], bool(flags[i] & 1)] for i in range(start, end + 1)])
            start = end + 1
        glyphs[ch] = {"glyph": font.getGlyphID(name), "advance": font["hmtx"][name][0], "composite": glyf[name].isComposite(),
                      "contours": contours}
    kerns = {p: kerning(font, cmap[ord(p[0])], cmap[ord(p[1])]) for p in PAIRS}
    faces[face] = {"unitsPerEm": font["head"].unitsPerEm, "glyphs": glyphs, "kerning": kerns, "ligatures": ligatures(font)}

with open("test/reference/chart-font-glyphs.json", "w", encoding="utf-8") as f:
    json.dump({"text": TEXT, "faces": faces}, f, ensure_ascii=False, separators=(",", ":"))
    f.write("\n")
