import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHART_CORE_FONT_FILES } from '../../../src/report/render/chart-font.js';
import { contoursToPath, glyphContours, readGlyphFace, tableOffsets } from '../../../src/report/render/glyph-outlines.js';

// fontTools' reading of the same files (test/reference/chart-font-glyphs.py).
interface Reference {
  text: string;
  faces: Record<string, {
    unitsPerEm: number;
    glyphs: Record<string, { glyph: number; advance: number; composite: boolean; contours: [number, number, boolean][][] }>;
    kerning: Record<string, number>;
    ligatures: { components: number[]; glyph: number }[];
  }>;
}
const reference = JSON.parse(readFileSync(new URL('../../reference/chart-font-glyphs.json', import.meta.url), 'utf8')) as Reference;

const files: Record<string, string> = { 'DejaVuSans-core': CHART_CORE_FONT_FILES[0]!, 'DejaVuSans-Bold-core': CHART_CORE_FONT_FILES[1]! };

describe.each(Object.keys(files))('the chart font face %s, as fontTools reads it', (name) => {
  const bytes = new Uint8Array(readFileSync(files[name]!));
  const face = readGlyphFace(bytes);
  const ref = reference.faces[name]!;

  it('maps every character to the same glyph with the same advance', () => {
    expect(face.unitsPerEm).toBe(ref.unitsPerEm);
    for (const [ch, g] of Object.entries(ref.glyphs)) {
      expect([ch, face.glyph(ch.codePointAt(0)!)]).toEqual([ch, g.glyph]);
      expect([ch, face.advance(g.glyph)]).toEqual([ch, g.advance]);
    }
  });

  it('reads the same outlines, composite glyphs (Ä, Å, Ø …) resolved', () => {
    const tables = tableOffsets(bytes);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const longLoca = view.getInt16(tables.get('head')! + 50) === 1;
    expect(Object.values(ref.glyphs).some((g) => g.composite)).toBe(true);
    for (const [ch, g] of Object.entries(ref.glyphs)) {
      expect([ch, glyphContours(bytes, tables.get('glyf')!, tables.get('loca')!, longLoca, g.glyph)]).toEqual([ch, g.contours]);
    }
  });

  it('kerns the pairs of the default kern feature by the same amounts (GPOS pair adjustment)', () => {
    const pairs = Object.entries(ref.kerning);
    expect(pairs.filter(([, k]) => k !== 0).length).toBeGreaterThan(5);
    for (const [pair, kern] of pairs) {
      const [l, r] = [...pair].map((c) => face.glyph(c.codePointAt(0)!));
      const shaped = face.shape([l!, r!], 'latn')!;
      expect([pair, shaped[0]!.advance - face.advance(l!)]).toEqual([pair, kern]);
      // The last glyph of a text is not kerned; text without a Latin letter is not kerned at all
      // (its script is none: the font's DFLT script has no kern feature).
      expect(shaped[1]!.advance).toBe(face.advance(r!));
      expect(face.shape([l!, r!], 'DFLT')![0]!.advance).toBe(face.advance(l!));
    }
  });

  it('substitutes the default liga feature\'s ligatures (fi, fl, ff, ffi, ffl) in Latin text only', () => {
    expect(ref.ligatures.length).toBe(5);
    for (const lig of ref.ligatures) {
      expect(face.shape(lig.components, 'latn')!.map((g) => g.glyph)).toEqual([lig.glyph]);
      expect(face.shape(lig.components, 'DFLT')!.map((g) => g.glyph)).toEqual(lig.components);
    }
    // The longest ligature first, as the font orders them: f f i is one glyph, not ff + i.
    const [f, i] = ['f', 'i'].map((c) => face.glyph(c.codePointAt(0)!));
    expect(face.shape([f!, f!, i!], 'latn')!.length).toBe(1);
  });
});

describe('contoursToPath', () => {
  it('draws on-curve points as lines and an off-curve point between two on-curve ones as one quadratic curve', () => {
    expect(contoursToPath([[[0, 0, true], [100, 0, true], [100, 100, false], [0, 100, true]]])).toEqual({ start: [0, 0], rest: 'l100 0q0 100 -100 100z' });
  });

  it('puts the implied on-curve point halfway between two off-curve points, also where a contour starts off-curve', () => {
    // A diamond of four off-curve points: starts at the midpoint of the last and the first.
    const path = contoursToPath([[[0, 100, false], [100, 0, false], [0, -100, false], [-100, 0, false]]]);
    expect(path.start).toEqual([-50, 50]);
    expect(path.rest).toBe('q50 50 100 0q50 -50 0 -100q-50 -50 -100 0q-50 50 0 100z');
  });

  it('starts a later contour relative to the start of the one before (after z the pen is back there)', () => {
    expect(contoursToPath([[[10, 10, true], [20, 10, true], [20, 20, true]], [[50, 50, true], [60, 50, true], [60, 60, true]]]).rest).toBe('l10 0l0 10zm40 40l10 0l0 10z');
  });

  it('draws nothing for a glyph without contours (the space)', () => {
    expect(contoursToPath([])).toEqual({ rest: '' });
  });
});
