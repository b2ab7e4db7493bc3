/**
 * A TrueType face read for drawing text as paths: character → glyph (`cmap`), advance widths
 * (`hhea`, `hmtx`), glyph outlines (`loca`, `glyf`, simple and composite glyphs), the ligatures of
 * the default `liga` feature (GSUB lookup type 4) and the pair kerning of the default `kern`
 * feature (GPOS lookup type 2, formats 1 and 2) — what resvg's shaper (rustybuzz, HarfBuzz's rules)
 * applies to the chart font's Latin text (docs/architecture.md#the-cost-of-a-cold-regeneration).
 * OpenType spec: https://learn.microsoft.com/typography/opentype/spec/ — sections cmap, hmtx, loca,
 * glyf, GSUB, GPOS and "OpenType Layout common table formats" (chp2).
 *
 * Pure functions of the font's bytes. The module imports nothing: the PNG worker runs these
 * functions from their source text (png-pool.ts), so they may call only each other.
 */

/** A face, read once: everything `text-to-path.ts` needs to lay out and draw its text. */
export interface GlyphFace {
  readonly unitsPerEm: number;
  /** Glyph of a code point, 0 (.notdef) when the face lacks it. */
  glyph(codePoint: number): number;
  /** Advance width in font units. */
  advance(glyph: number): number;
  /**
   * The outline in font units (y up) as SVG path data: absolute `M` of the first point, then
   * relative commands (`l`, `q`, `z`, `m`); empty for a glyph without contours.
   */
  outline(glyph: number): GlyphOutline;
  /**
   * Glyphs after the shaping rules of `script` ('latn' or 'DFLT'): ligatures substituted, each
   * glyph's advance including the kerning with the next; undefined when the face's default features
   * for that script include one this module does not apply (then the text is left to resvg).
   */
  shape(glyphs: readonly number[], script: 'latn' | 'DFLT'): { glyph: number; advance: number }[] | undefined;
}

export interface GlyphOutline {
  /** x, y (font units) of the first point, for the absolute `M`; absent when the glyph draws nothing. */
  readonly start?: readonly [number, number];
  /** Path data after the first `M`, all relative. */
  readonly rest: string;
}

/** Table offsets by tag (the OpenType "table directory"). */
export function tableOffsets(bytes: Uint8Array): Map<string, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, number>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    tables.set(tag, view.getUint32(at + 8));
  }
  return tables;
}

/** The offset of a table the reader cannot do without; a font lacking it is not the chart font. */
export function requiredTable(tables: ReadonlyMap<string, number>, tag: string): number {
  const at = tables.get(tag);
  if (at === undefined) throw new Error(`the chart font has no '${tag}' table`);
  return at;
}

/**
 * Code point → glyph id from the best Unicode `cmap` subtable: format 12 (3,10 or 0,*), else
 * format 4 (3,1). Glyph 0 is never listed.
 */
export function readCmap(bytes: Uint8Array, cmap: number): Map<number, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const byCodePoint = new Map<number, number>();
  const subtables = view.getUint16(cmap + 2);
  let best: { offset: number; format: number } | undefined;
  for (let i = 0; i < subtables; i++) {
    const platform = view.getUint16(cmap + 4 + 8 * i);
    const encoding = view.getUint16(cmap + 6 + 8 * i);
    const offset = cmap + view.getUint32(cmap + 8 + 8 * i);
    const format = view.getUint16(offset);
    // Unicode subtables: Windows (3,1) BMP / (3,10) full, or the Unicode platform (0,*).
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && (format === 12 || (format === 4 && best?.format !== 12))) best = { offset, format };
  }
  if (!best) throw new Error('the chart font has no Unicode cmap');
  if (best.format === 12) {
    const groups = view.getUint32(best.offset + 12);
    for (let g = 0; g < groups; g++) {
      const at = best.offset + 16 + 12 * g;
      const start = view.getUint32(at);
      const end = view.getUint32(at + 4);
      const glyph = view.getUint32(at + 8);
      for (let c = start; c <= end; c++) if (glyph + c - start !== 0) byCodePoint.set(c, glyph + c - start);
    }
  } else {
    const o = best.offset;
    const segments = view.getUint16(o + 6) / 2;
    const ends = o + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const rangeOffsets = deltas + 2 * segments;
    for (let s = 0; s < segments; s++) {
      const end = view.getUint16(ends + 2 * s);
      const start = view.getUint16(starts + 2 * s);
      const delta = view.getUint16(deltas + 2 * s);
      const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
        else {
          const raw = view.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
          glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
        }
        if (glyph !== 0) byCodePoint.set(c, glyph);
      }
    }
  }
  return byCodePoint;
}

/**
 * The contours of a glyph in font units, composites resolved (glyf spec: simple glyph flags
 * ON_CURVE_POINT, X/Y_SHORT_VECTOR, REPEAT_FLAG, X/Y_IS_SAME_OR_POSITIVE; composite flags
 * ARG_1_AND_2_ARE_WORDS, ARGS_ARE_XY_VALUES, WE_HAVE_A_SCALE, WE_HAVE_AN_X_AND_Y_SCALE,
 * WE_HAVE_A_TWO_BY_TWO, MORE_COMPONENTS). Each point: x, y, on-curve.
 */
export function glyphContours(bytes: Uint8Array, glyf: number, loca: number, longLoca: boolean, glyph: number, depth = 0): [number, number, boolean][][] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = longLoca ? view.getUint32(loca + 4 * glyph) : 2 * view.getUint16(loca + 2 * glyph);
  const end = longLoca ? view.getUint32(loca + 4 * glyph + 4) : 2 * view.getUint16(loca + 2 * glyph + 2);
  if (end <= start) return [];
  const at = glyf + start;
  const numberOfContours = view.getInt16(at);
  if (numberOfContours >= 0) {
    const endPts: number[] = [];
    for (let i = 0; i < numberOfContours; i++) endPts.push(view.getUint16(at + 10 + 2 * i));
    const nPoints = numberOfContours === 0 ? 0 : endPts[numberOfContours - 1]! + 1;
    const instructionLength = view.getUint16(at + 10 + 2 * numberOfContours);
    let p = at + 12 + 2 * numberOfContours + instructionLength;
    const flags: number[] = [];
    while (flags.length < nPoints) {
      const flag = bytes[p++]!;
      flags.push(flag);
      if (flag & 0x08) for (let r = bytes[p++]!; r > 0; r--) flags.push(flag);
    }
    const xs: number[] = [];
    let v = 0;
    for (const flag of flags) {
      if (flag & 0x02) v += flag & 0x10 ? bytes[p++]! : -bytes[p++]!;
      else if (!(flag & 0x10)) { v += view.getInt16(p); p += 2; }
      xs.push(v);
    }
    const ys: number[] = [];
    v = 0;
    for (const flag of flags) {
      if (flag & 0x04) v += flag & 0x20 ? bytes[p++]! : -bytes[p++]!;
      else if (!(flag & 0x20)) { v += view.getInt16(p); p += 2; }
      ys.push(v);
    }
    const contours: [number, number, boolean][][] = [];
    let first = 0;
    for (const last of endPts) {
      const contour: [number, number, boolean][] = [];
      for (let i = first; i <= last; i++) contour.push([xs[i]!, ys[i]!, (flags[i]! & 0x01) !== 0]);
      contours.push(contour);
      first = last + 1;
    }
    return contours;
  }
  if (depth > 8) throw new Error('the chart font has composite glyphs nested too deep');
  const contours: [number, number, boolean][][] = [];
  let p = at + 10;
  for (let more = true; more;) {
    const flags = view.getUint16(p);
    const component = view.getUint16(p + 2);
    p += 4;
    let arg1: number, arg2: number;
    if (flags & 0x0001) { arg1 = view.getInt16(p); arg2 = view.getInt16(p + 2); p += 4; }
    else { arg1 = view.getInt8(p); arg2 = view.getInt8(p + 1); p += 2; }
    // F2DOT14 numbers: the 2×2 matrix [a b; c d] applied to the component's points.
    let a = 1, b = 0, c = 0, d = 1;
    if (flags & 0x0008) { a = d = view.getInt16(p) / 16384; p += 2; }
    else if (flags & 0x0040) { a = view.getInt16(p) / 16384; d = view.getInt16(p + 2) / 16384; p += 4; }
    else if (flags & 0x0080) { a = view.getInt16(p) / 16384; b = view.getInt16(p + 2) / 16384; c = view.getInt16(p + 4) / 16384; d = view.getInt16(p + 6) / 16384; p += 8; }
    // Point-matching placement (ARGS_ARE_XY_VALUES unset) is not used by the chart font.
    if (!(flags & 0x0002)) throw new Error('the chart font places a composite glyph by matching points');
    for (const contour of glyphContours(bytes, glyf, loca, longLoca, component, depth + 1)) {
      contours.push(contour.map(([x, y, on]) => [a * x + c * y + arg1, b * x + d * y + arg2, on]));
    }
    more = (flags & 0x0020) !== 0;
  }
  return contours;
}

/**
 * SVG path data of TrueType contours (quadratic B-splines: between two off-curve points lies an
 * implied on-curve point at their midpoint — glyf spec, "Simple glyph description"). Points are
 * rounded to 1/100 font unit (far below a pixel) so that the relative steps add up exactly.
 */
export function contoursToPath(contours: readonly (readonly [number, number, boolean])[][]): GlyphOutline {
  const r = (v: number) => Math.round(v * 100);
  const n = (v: number) => String(v / 100);
  let start: [number, number] | undefined;
  const parts: string[] = [];
  let cx = 0, cy = 0; // current point, in 1/100 units
  let subpathX = 0, subpathY = 0;
  for (const contour of contours) {
    if (contour.length === 0) continue;
    const pts = contour.map(([x, y, on]) => [r(x), r(y), on] as const);
    // Start at an on-curve point: the first one, or the midpoint of the first two off-curve points.
    const s = pts.findIndex((q) => q[2]);
    let sx: number, sy: number;
    if (s < 0) {
      sx = (pts[0]![0] + pts[pts.length - 1]![0]) / 2;
      sy = (pts[0]![1] + pts[pts.length - 1]![1]) / 2;
    } else {
      sx = pts[s]![0];
      sy = pts[s]![1];
    }
    if (start === undefined) start = [sx / 100, sy / 100];
    else parts.push(`m${n(sx - subpathX)} ${n(sy - subpathY)}`);
    cx = subpathX = sx;
    cy = subpathY = sy;
    let control: readonly [number, number] | undefined;
    const count = pts.length;
    // From the point after the start round to the start; all off-curve: every point, the start is implied.
    for (let i = s < 0 ? 0 : 1; i <= (s < 0 ? count - 1 : count); i++) {
      const [x, y, on] = pts[(Math.max(s, 0) + i) % count]!;
      if (on) {
        if (control) parts.push(`q${n(control[0] - cx)} ${n(control[1] - cy)} ${n(x - cx)} ${n(y - cy)}`);
        // A line back to the start is left to `z`, which draws it.
        else if ((x !== cx || y !== cy) && i < count) parts.push(`l${n(x - cx)} ${n(y - cy)}`);
        control = undefined;
        cx = x;
        cy = y;
      } else {
        if (control) {
          const mx = (control[0] + x) / 2;
          const my = (control[1] + y) / 2;
          parts.push(`q${n(control[0] - cx)} ${n(control[1] - cy)} ${n(mx - cx)} ${n(my - cy)}`);
          cx = mx;
          cy = my;
        }
        control = [x, y];
      }
    }
    // The contour closes back to its start (an all-off-curve one through the implied point).
    if (control) parts.push(`q${n(control[0] - cx)} ${n(control[1] - cy)} ${n(sx - cx)} ${n(sy - cy)}`);
    parts.push('z');
    cx = subpathX;
    cy = subpathY;
  }
  return start ? { start, rest: parts.join('') } : { rest: '' };
}

/** Glyph ids of a Coverage table (common table formats: format 1 list, format 2 ranges), by coverage index. */
export function readCoverage(view: DataView, at: number): Map<number, number> {
  const out = new Map<number, number>();
  const format = view.getUint16(at);
  const count = view.getUint16(at + 2);
  for (let i = 0; i < count; i++) {
    if (format === 1) out.set(view.getUint16(at + 4 + 2 * i), i);
    else {
      const r = at + 4 + 6 * i;
      const first = view.getUint16(r);
      const last = view.getUint16(r + 2);
      const index = view.getUint16(r + 4);
      for (let g = first; g <= last; g++) out.set(g, index + g - first);
    }
  }
  return out;
}

/** Class of each glyph in a ClassDef table (formats 1 and 2); glyphs not listed are class 0. */
export function readClassDef(view: DataView, at: number): Map<number, number> {
  const out = new Map<number, number>();
  const format = view.getUint16(at);
  if (format === 1) {
    const first = view.getUint16(at + 2);
    const count = view.getUint16(at + 4);
    for (let i = 0; i < count; i++) out.set(first + i, view.getUint16(at + 6 + 2 * i));
  } else {
    const count = view.getUint16(at + 2);
    for (let i = 0; i < count; i++) {
      const r = at + 4 + 6 * i;
      for (let g = view.getUint16(r); g <= view.getUint16(r + 2); g++) out.set(g, view.getUint16(r + 4));
    }
  }
  return out;
}

/**
 * The lookups a script's default language system turns on, by feature tag (GSUB/GPOS header,
 * ScriptList, FeatureList). Only features HarfBuzz applies by default to horizontal text are
 * kept (hb-ot-shape.cc: rvrn, ltra, ltrm, frac-less defaults, ccmp, locl, mark, mkmk, rlig, calt,
 * clig, curs, dist, kern, liga, rclt, …): optional ones such as `dlig` or `case` never apply.
 */
export function defaultFeatureLookups(view: DataView, table: number, script: string): Map<string, number[]> {
  const defaults = ['rvrn', 'ltra', 'ltrm', 'rand', 'abvm', 'blwm', 'ccmp', 'locl', 'mark', 'mkmk', 'rlig', 'calt', 'clig', 'curs', 'dist', 'kern', 'liga', 'rclt', 'trak'];
  const out = new Map<string, number[]>();
  const scriptList = table + view.getUint16(table + 4);
  const featureList = table + view.getUint16(table + 6);
  let scriptAt: number | undefined;
  for (let i = 0; i < view.getUint16(scriptList); i++) {
    const r = scriptList + 2 + 6 * i;
    const tag = String.fromCharCode(view.getUint8(r), view.getUint8(r + 1), view.getUint8(r + 2), view.getUint8(r + 3));
    if (tag === script) scriptAt = scriptList + view.getUint16(r + 4);
  }
  if (scriptAt === undefined || view.getUint16(scriptAt) === 0) return out;
  const langSys = scriptAt + view.getUint16(scriptAt);
  const required = view.getUint16(langSys + 2);
  const indices: number[] = required === 0xffff ? [] : [required];
  for (let i = 0; i < view.getUint16(langSys + 4); i++) indices.push(view.getUint16(langSys + 6 + 2 * i));
  for (const index of indices) {
    const r = featureList + 2 + 6 * index;
    const tag = String.fromCharCode(view.getUint8(r), view.getUint8(r + 1), view.getUint8(r + 2), view.getUint8(r + 3));
    if (!defaults.includes(tag) && index !== required) continue;
    const feature = featureList + view.getUint16(r + 4);
    const lookups: number[] = [];
    for (let j = 0; j < view.getUint16(feature + 2); j++) lookups.push(view.getUint16(feature + 4 + 2 * j));
    out.set(tag, [...(out.get(tag) ?? []), ...lookups]);
  }
  return out;
}

/** Offsets of a lookup's subtables and its type (LookupList; extension lookups, GSUB 7 / GPOS 9, unwrapped). */
export function lookupSubtables(view: DataView, table: number, lookup: number, extensionType: number): { type: number; flag: number; subtables: number[] } {
  const lookupList = table + view.getUint16(table + 8);
  const at = lookupList + view.getUint16(lookupList + 2 + 2 * lookup);
  let type = view.getUint16(at);
  const flag = view.getUint16(at + 2);
  const subtables: number[] = [];
  for (let i = 0; i < view.getUint16(at + 4); i++) {
    let sub = at + view.getUint16(at + 6 + 2 * i);
    if (type === extensionType) {
      type = view.getUint16(sub + 2);
      sub += view.getUint32(sub + 4);
    }
    subtables.push(sub);
  }
  return { type, flag, subtables };
}

/**
 * Ligatures of LigatureSubst subtables (GSUB lookup type 4, format 1): per first glyph, the
 * ligatures in the font's order of preference, each with the glyphs that follow and its glyph.
 */
export function readLigatures(view: DataView, subtables: readonly number[]): Map<number, { rest: number[]; glyph: number }[]> {
  const out = new Map<number, { rest: number[]; glyph: number }[]>();
  for (const sub of subtables) {
    const coverage = readCoverage(view, sub + view.getUint16(sub + 2));
    for (const [first, index] of coverage) {
      const set = sub + view.getUint16(sub + 6 + 2 * index);
      const list = out.get(first) ?? [];
      for (let i = 0; i < view.getUint16(set); i++) {
        const lig = set + view.getUint16(set + 2 + 2 * i);
        const rest: number[] = [];
        for (let k = 1; k < view.getUint16(lig + 2); k++) rest.push(view.getUint16(lig + 2 + 2 * k));
        list.push({ rest, glyph: view.getUint16(lig) });
      }
      // An earlier subtable that covers the glyph wins (GSUB: the first subtable that applies).
      if (!out.has(first)) out.set(first, list);
    }
  }
  return out;
}

/**
 * Pair kerning of PairPos subtables (GPOS lookup type 2, formats 1 and 2) whose first value
 * record is an XAdvance only and whose second is empty: a function of the two glyphs, in font
 * units; undefined when a subtable has any other value format (not applied here).
 */
export function readPairKerning(view: DataView, subtables: readonly number[]): ((left: number, right: number) => number) | undefined {
  const kernings: ((left: number, right: number) => number | undefined)[] = [];
  for (const sub of subtables) {
    const format = view.getUint16(sub);
    const coverage = readCoverage(view, sub + view.getUint16(sub + 2));
    const valueFormat1 = view.getUint16(sub + 4);
    const valueFormat2 = view.getUint16(sub + 6);
    if ((valueFormat1 !== 0x0004 && valueFormat1 !== 0) || valueFormat2 !== 0) return undefined;
    const size = valueFormat1 === 0 ? 0 : 2;
    if (format === 1) {
      const sets = new Map<number, Map<number, number>>();
      for (const [glyph, index] of coverage) {
        const set = sub + view.getUint16(sub + 10 + 2 * index);
        const pairs = new Map<number, number>();
        for (let i = 0; i < view.getUint16(set); i++) {
          const r = set + 2 + (2 + size) * i;
          pairs.set(view.getUint16(r), size ? view.getInt16(r + 2) : 0);
        }
        sets.set(glyph, pairs);
      }
      kernings.push((l, r) => (sets.has(l) ? sets.get(l)!.get(r) : undefined));
    } else if (format === 2) {
      const class1 = readClassDef(view, sub + view.getUint16(sub + 8));
      const class2 = readClassDef(view, sub + view.getUint16(sub + 10));
      const class2Count = view.getUint16(sub + 14);
      kernings.push((l, r) => {
        if (!coverage.has(l)) return undefined;
        const at = sub + 16 + size * ((class1.get(l) ?? 0) * class2Count + (class2.get(r) ?? 0));
        return size ? view.getInt16(at) : 0;
      });
    } else return undefined;
  }
  // The first subtable that covers the pair applies (GPOS: a lookup's subtables in order).
  return (left, right) => {
    for (const k of kernings) {
      const v = k(left, right);
      if (v !== undefined) return v;
    }
    return 0;
  };
}

/** Reads a TrueType face (`glyf` outlines) for drawing its text as paths. */
export function readGlyphFace(bytes: Uint8Array): GlyphFace {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableOffsets(bytes);
  const table = (tag: string): number => requiredTable(tables, tag);
  const head = table('head');
  const unitsPerEm = view.getUint16(head + 18);
  const longLoca = view.getInt16(head + 50) === 1;
  const numberOfHMetrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const glyf = table('glyf');
  const loca = table('loca');
  const cmap = readCmap(bytes, table('cmap'));
  const outlines = new Map<number, GlyphOutline>();
  // Per script: the ligatures and the kerning its default features apply, or undefined when one
  // of them is of a kind not applied here. A legacy `kern` table (used by HarfBuzz only without
  // GPOS kerning) is not read: such a face is never shaped here.
  const rules = new Map<string, { ligatures?: Map<number, { rest: number[]; glyph: number }[]>; kern?: (l: number, r: number) => number } | undefined>();
  const rulesOf = (script: string) => {
    if (rules.has(script)) return rules.get(script);
    let result: { ligatures?: Map<number, { rest: number[]; glyph: number }[]>; kern?: (l: number, r: number) => number } | undefined = {};
    if (tables.has('kern') || tables.has('morx') || tables.has('kerx')) result = undefined;
    const gsub = tables.get('GSUB');
    if (result && gsub !== undefined) {
      for (const [tag, lookups] of defaultFeatureLookups(view, gsub, script)) {
        if (tag !== 'liga' || lookups.length !== 1) { result = undefined; break; }
        const { type, flag, subtables } = lookupSubtables(view, gsub, lookups[0]!, 7);
        // Lookup flags (skipping marks, …) would need GDEF's classes: not applied here.
        if (type !== 4 || flag !== 0) { result = undefined; break; }
        result.ligatures = readLigatures(view, subtables);
      }
    }
    const gpos = tables.get('GPOS');
    if (result && gpos !== undefined) {
      for (const [tag, lookups] of defaultFeatureLookups(view, gpos, script)) {
        if (tag !== 'kern' || lookups.length !== 1) { result = undefined; break; }
        const { type, flag, subtables } = lookupSubtables(view, gpos, lookups[0]!, 9);
        const kern = type === 2 && flag === 0 ? readPairKerning(view, subtables) : undefined;
        if (!kern) { result = undefined; break; }
        result.kern = kern;
      }
    }
    rules.set(script, result);
    return result;
  };
  const face: GlyphFace = {
    unitsPerEm,
    glyph: (codePoint) => cmap.get(codePoint) ?? 0,
    // Glyphs past the last long metric share its advance (hmtx spec).
    advance: (glyph) => view.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1)),
    outline(glyph) {
      let o = outlines.get(glyph);
      if (!o) outlines.set(glyph, (o = contoursToPath(glyphContours(bytes, glyf, loca, longLoca, glyph))));
      return o;
    },
    shape(glyphs, script) {
      const r = rulesOf(script);
      if (!r) return undefined;
      const out: number[] = [];
      // GSUB before GPOS; a ligature's glyphs must follow one another (lookup flag 0: none skipped).
      for (let i = 0; i < glyphs.length;) {
        const lig = r.ligatures?.get(glyphs[i]!)?.find((l) => l.rest.every((g, k) => glyphs[i + 1 + k] === g));
        if (lig) {
          out.push(lig.glyph);
          i += 1 + lig.rest.length;
        } else out.push(glyphs[i++]!);
      }
      return out.map((glyph, i) => ({ glyph, advance: face.advance(glyph) + (r.kern && i + 1 < out.length ? r.kern(glyph, out[i + 1]!) : 0) }));
    },
  };
  return face;
}

/** The functions above, for the PNG worker, which runs them from their source (png-pool.ts). */
export const GLYPH_OUTLINE_FUNCTIONS: readonly ((...args: never[]) => unknown)[] = [tableOffsets, requiredTable, readCmap, glyphContours, contoursToPath, readCoverage, readClassDef, defaultFeatureLookups, lookupSubtables, readLigatures, readPairKerning, readGlyphFace];
