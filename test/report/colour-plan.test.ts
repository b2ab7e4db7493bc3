/**
 * One meaning per colour and WCAG contrast (issue #15 point 8; docs/colours.md), on every bundled
 * chart spec as committed in reports/ (CI keeps them in step with the code):
 * - every colour a spec draws is in the colour plan (COLOUR_PLAN), and a report kind draws only
 *   the colours the plan gives it (a region colour never means an estimator, an arm colour never
 *   a region);
 * - within one language, a colour that carries a legend entry (a scale's domain → range) names
 *   one thing in every chart of every report (an arm colour: one arm name per report), and that
 *   thing one colour;
 * - every colour that is not a background has ≥ 3:1 contrast on white (WCAG 2.1 1.4.11).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLOUR_PLAN, normalHex, plannedColour, type ReportKindName } from '../../src/report/charts/colour-plan.js';
import { contrastRatio } from '../../src/report/charts/contrast.js';

const manifest = JSON.parse(readFileSync('data/reports.json', 'utf8')) as { reports: { out: string; kind: ReportKindName; lang: 'en' | 'da' }[] };
const specs = manifest.reports.flatMap((r) =>
  readdirSync(join('reports', r.out)).filter((f) => f.endsWith('.vl.json')).map((f) => ({ file: `${r.out}/${f}`, kind: r.kind, lang: r.lang, spec: JSON.parse(readFileSync(join('reports', r.out, f), 'utf8')) as unknown })),
);

/** Every hex colour string anywhere in a spec. */
function coloursIn(spec: unknown): string[] {
  return [...new Set([...JSON.stringify(spec).matchAll(/"(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})"/g)].map((m) => normalHex(m[1]!)))];
}

/** Named colours (other than white, black, none, transparent) anywhere a colour goes. */
function namedColoursIn(spec: unknown): string[] {
  return [...JSON.stringify(spec).matchAll(/"(?:color|fill|stroke|background|symbolStrokeColor|labelColor|titleColor|gridColor|subtitleColor)":"([a-z]+)"/g)].map((m) => m[1]!).filter((c) => !['white', 'black', 'none', 'transparent'].includes(c));
}

/** Legend pairs: a colour scale's domain[i] → range[i] (colour, fill or stroke channels). */
function legendPairs(spec: unknown): [string, string][] {
  const out: [string, string][] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    for (const ch of ['color', 'fill', 'stroke']) {
      const scale = (o[ch] as { scale?: { domain?: unknown[]; range?: unknown[] } } | undefined)?.scale;
      if (scale && Array.isArray(scale.domain) && Array.isArray(scale.range)) {
        scale.domain.forEach((d, i) => {
          const c = scale.range![i];
          if (typeof c === 'string' && c.startsWith('#')) out.push([String(d), normalHex(c)]);
        });
      }
    }
    Object.values(o).forEach(walk);
  };
  walk(spec);
  return out;
}

describe('the colour plan', () => {
  it('lists each colour once, and its colours differ from each other', () => {
    const hexes = COLOUR_PLAN.map((c) => normalHex(c.hex));
    expect(new Set(hexes).size).toBe(hexes.length);
  });

  it('every bundled chart draws only planned colours, each in a report kind the plan allows', () => {
    expect(specs.length).toBeGreaterThan(30);
    const found: string[] = [];
    for (const s of specs) {
      for (const c of coloursIn(s.spec)) {
        const p = plannedColour(c);
        if (!p) found.push(`${s.file}: ${c} is not in the colour plan (src/report/charts/colour-plan.ts, docs/colours.md)`);
        else if (!p.kinds.includes(s.kind)) found.push(`${s.file}: ${c} means "${p.meaning}", not used in ${s.kind} reports`);
      }
      found.push(...namedColoursIn(s.spec).map((c) => `${s.file}: named colour ${c}`));
    }
    expect(found).toEqual([]);
  });

  it('within a language, a colour in a legend names one thing across all reports, and that thing one colour', () => {
    for (const lang of ['en', 'da'] as const) {
      const byColour = new Map<string, Set<string>>();
      const byLabel = new Map<string, Set<string>>();
      for (const s of specs.filter((x) => x.lang === lang)) {
        for (const [label, c] of legendPairs(s.spec)) {
          // Greys carry no identity (a shape, dash or label says which): only chromatic colours count.
          const role = plannedColour(c)?.role;
          if (role === 'neutral') continue;
          // An arm's name is the report's own ("App + usual care", "App users"): one per report.
          const key = role === 'arm' ? `${c} in ${s.file.split('/')[0]}` : c;
          (byColour.get(key) ?? byColour.set(key, new Set()).get(key)!).add(label);
          (byLabel.get(label) ?? byLabel.set(label, new Set()).get(label)!).add(c);
        }
      }
      expect(byColour.size, lang).toBeGreaterThan(0);
      for (const [c, labels] of byColour) expect([...labels], `${lang}: ${c}`).toHaveLength(1);
      for (const [label, colours] of byLabel) expect([...colours], `${lang}: ${label}`).toHaveLength(1);
    }
  });

  it('every colour that is not a background has ≥ 3:1 contrast on white (WCAG 2.1 1.4.11)', () => {
    const low: string[] = [];
    for (const p of COLOUR_PLAN.filter((x) => x.role !== 'background')) {
      const r = contrastRatio(p.hex, '#FFFFFF');
      if (r < 3) low.push(`${p.hex} (${p.meaning}): ${r.toFixed(2)}:1`);
    }
    for (const s of specs) {
      for (const c of coloursIn(s.spec)) {
        if (plannedColour(c)?.role === 'background') continue;
        const r = contrastRatio(c, '#FFFFFF');
        if (r < 3) low.push(`${s.file}: ${c} ${r.toFixed(2)}:1`);
      }
    }
    expect(low).toEqual([]);
  });
});
