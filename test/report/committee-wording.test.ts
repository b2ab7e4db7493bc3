/**
 * Wording a committee member frowned at (issue #15), checked in the committed reports, which
 * `hta report --check` keeps in step with the code: chart and axis titles start with a capital;
 * the meta report names its pooling method in words, not as a tool's preset ("preset metafor");
 * the participant flow's subtitle lines are sentences, each ending with a full stop; no page
 * writes a visit as a code ("9m" reads as metres; "3 months"); table cells in words start with a
 * capital in the uptake, meta and registry reports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { poolingMethodText, presetMethodText } from '../../src/report/meta-method-words.js';

const REPORTS = readdirSync('reports', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const specs = (name: string) => readdirSync(join('reports', name)).filter((f) => f.endsWith('.vl.json')).map((f) => ({ file: join('reports', name, f), spec: JSON.parse(readFileSync(join('reports', name, f), 'utf8')) as unknown }));

/** The chart's title and every axis or legend title (the first line of a wrapped one). */
function titles(spec: unknown): string[] {
  const out: string[] = [];
  const first = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);
  const walk = (v: unknown, key: string): void => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, key));
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (key === 'encoding') {
      for (const channel of Object.values(o)) {
        const t = first((channel as Record<string, unknown> | null)?.title);
        if (t) out.push(t);
      }
    }
    if (key === 'title' || key === '') {
      const t = first(o.text);
      if (key === 'title' && t) out.push(t);
    }
    for (const [k, x] of Object.entries(o)) walk(x, k);
  };
  walk(spec, '');
  return out;
}

describe('committee wording in the bundled reports', () => {
  it('finds a lower-case axis title (so the check can fail)', () => {
    const spec = { title: { text: 'Effects' }, encoding: { x: { title: 'benefit (signed difference)' }, y: { title: null } } };
    expect(titles(spec).sort()).toEqual(['Effects', 'benefit (signed difference)']);
  });

  it.each(REPORTS)('%s: chart and axis titles start with a capital', (name) => {
    const lower = specs(name).flatMap(({ file, spec }) => titles(spec).filter((t) => /^\p{Ll}/u.test(t)).map((t) => `${file}: ${t}`));
    expect(lower).toEqual([]);
  });

  it('the meta report names its pooling method in words, not as a preset', () => {
    const html = readFileSync(join('reports', 'selfback-meta', 'index.html'), 'utf8');
    const shown = [html, ...specs('selfback-meta').map((s) => JSON.stringify(s.spec))].join('\n');
    expect(shown).not.toMatch(/preset/i);
    expect(html).toContain(`pooled with a ${presetMethodText('metafor', 'en')}`);
    expect(presetMethodText('metafor', 'en')).toBe("random-effects model, REML, normal-based 95% CI (as metafor's default)");
    expect(poolingMethodText({ tau2Method: 'PM', ciMethod: 'hksj', piDf: 4, preset: null }, 'da')).toBe('tilfældige effekter, Paule–Mandel, Hartung–Knapp-95 %-KI, prædiktionsinterval t(4)');
  });

  it.each(['selfback', 'selfback-da'])('%s: the participant flow subtitle is sentences with full stops', (name) => {
    const spec = JSON.parse(readFileSync(join('reports', name, 'participant-flow.vl.json'), 'utf8')) as { title: { subtitle: string[] } };
    const [counts, ...rest] = spec.title.subtitle;
    expect(counts).toMatch(/: .+\.$/);
    // The wrapped "not provided" sentence ends with its own full stop.
    if (rest.length) expect(rest.at(-1)).toMatch(/\.$/);
  });

  it.each(REPORTS)('%s: visits in words, never as codes ("9m", "6w")', (name) => {
    const text = readFileSync(join('reports', name, 'index.html'), 'utf8').replace(/<style>[\s\S]*?<\/style>/, '').replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<[^>]+>/g, ' ');
    // File names ("subgroup-recruited-by-3m.svg") are not prose.
    const codes = [...text.matchAll(/(?<![\w.\-/])\d+(?:m|w|mo|wk)(?![\w²\-.])/g)].map((m) => text.slice(Math.max(0, m.index - 30), m.index + 10));
    expect(codes).toEqual([]);
  });

  it.each(['uptake', 'selfback-meta', 'registry', 'registry-da'])('%s: table cells in words start with a capital', (name) => {
    const html = readFileSync(join('reports', name, 'index.html'), 'utf8');
    const cells = [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]!);
    // "suppressed" marks a masked number (docs/disclosure-control.md), not words.
    expect(cells.filter((c) => /^\p{Ll}/u.test(c) && !/^(suppressed|diskretioneret)$/.test(c))).toEqual([]);
  });
});
