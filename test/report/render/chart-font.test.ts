// The chart font is a subset of DejaVu Sans (assets/fonts/subset-font.sh): a character outside it
// would silently vanish from every PNG. This checks that every text hta can put in a chart is
// covered: the whole i18n catalogue, the bundled plans' labels and the text of every committed SVG.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error opentype.js ships no type declarations; only `parse` and `charToGlyphIndex` are used.
import { parse } from 'opentype.js';
import { describe, expect, it } from 'vitest';
import * as i18n from '../../../src/report/i18n.js';
import { CHART_FONT_FILE } from '../../../src/report/render/chart-font.js';

const root = join(import.meta.dirname, '../../..');
const buf = readFileSync(CHART_FONT_FILE);
const font = parse(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)) as { charToGlyphIndex(c: string): number };

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function missing(texts: readonly string[]): string[] {
  const chars = new Set(texts.flatMap((t) => [...t]));
  return [...chars].filter((c) => c >= ' ' && font.charToGlyphIndex(c) === 0).map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${c}`);
}

const svgFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? svgFiles(join(dir, e.name)) : e.name.endsWith('.svg') ? [join(dir, e.name)] : []));

describe('chart font subset', () => {
  it('is the subset, not the full font (the PNG speed depends on it)', () => {
    expect(buf.byteLength).toBeLessThan(300_000);
  });

  it('has no glyph for a script outside the subset (the check can fail)', () => {
    expect(missing(['漢', 'ש'])).toHaveLength(2);
  });

  it('covers Danish and the symbols hta prints', () => {
    expect(missing(['æøåÆØÅ −±≥≤×·δτ–—…←→²³€ é ü ß'])).toEqual([]);
  });

  it('covers every catalogue text in both languages', () => {
    expect(missing(strings(i18n))).toEqual([]);
  });

  it('covers every label of the bundled plans and manifest', () => {
    const plans = readdirSync(join(root, 'data/plans')).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(root, 'data/plans', f), 'utf8')) as unknown);
    const manifest = JSON.parse(readFileSync(join(root, 'data/reports.json'), 'utf8')) as unknown;
    expect(missing(strings([plans, manifest]))).toEqual([]);
  });

  it('covers the text of every committed chart', () => {
    const texts = svgFiles(join(root, 'reports')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!));
    expect(texts.length).toBeGreaterThan(100);
    expect(missing(texts)).toEqual([]);
  });
});
