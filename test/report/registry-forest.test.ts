/**
 * The registry report's effects chart reads like every other forest (docs/report-trial.md#one-direction-in-every-forest):
 * each printed benefit is on its marker's side of 0, "favours app →" sits on the right of each
 * panel and the axis title says the benefit is plotted. Checked in the spec and in the rendered SVG.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { readCsvFile } from '../../src/io/read-csv.js';
import { analyzeObservational } from '../../src/observational/analyze-observational.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import type { ObservationalAnalysis } from '../../src/observational/observational-results-schema.js';
import { registryEffectsSpec } from '../../src/report/charts/registry-charts.js';

interface Spec {
  data: { values: { benefit: number; label: string; hi: number | null; lo: number | null }[] };
  spec: { width: number; layer: { mark?: { type: string; align?: string }; encoding?: { x?: { value?: number }; text?: { datum?: string } } }[] };
}

const num = (s: string) => Number(s.replace(/−/g, '-').replace(',', '.'));

describe('registryEffectsSpec', () => {
  const plan = loadPlanFile('data/plans/registry-outcomes.plan.json');
  const analyses = analyzeObservational(loadTrial(readCsvFile('data/synthetic/registry-outcomes.csv'), plan), { version: 't' }).analyses;

  // Both signs: the bundled analyses (benefits right of 0) and the same turned round (harm, left of 0).
  const harmful: ObservationalAnalysis[] = analyses.map((a) => ({
    ...a,
    effects: a.effects.map((e) => ({ ...e, benefit: e.benefit === null ? null : -e.benefit, benefitCiLower: e.benefitCiUpper === null ? null : -e.benefitCiUpper, benefitCiUpper: e.benefitCiLower === null ? null : -e.benefitCiLower })),
  }));

  // Harm beyond the MCID: the CI's outer end is the scale's end, and the label goes past it.
  const farHarm: ObservationalAnalysis[] = analyses.map((a) => ({
    ...a,
    effects: a.effects.map((e) => (e.mcid === null ? e : { ...e, benefit: -1.2 * e.mcid, benefitCiLower: -1.4 * e.mcid, benefitCiUpper: -1.0 * e.mcid })),
  }));

  it.each([['en', analyses], ['da', harmful], ['da', farHarm]] as const)('%s: printed benefit agrees in sign with its marker; favours app on the right', async (lang, input) => {
    const spec = registryEffectsSpec(input, lang) as unknown as Spec;
    const rows = spec.data.values;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(Math.sign(num(r.label))).toBe(Math.sign(r.benefit));
    const favours = spec.spec.layer.filter((l) => l.mark?.type === 'text' && l.encoding?.text?.datum !== undefined);
    const right = favours.find((l) => l.encoding!.x!.value === spec.spec.width)!;
    const left = favours.find((l) => l.encoding!.x!.value === 0)!;
    expect(right.encoding!.text!.datum).toBe(lang === 'en' ? 'Favours app →' : 'Til fordel for appen →');
    expect(right.mark!.align).toBe('right');
    expect(left.encoding!.text!.datum).toMatch(/^← /);
    // Rendered: every printed number and the axis title are drawn.
    const svg = await new vega.View(vega.parse(compile(spec as unknown as TopLevelSpec).spec), { renderer: 'none' }).toSVG();
    const printed = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    for (const r of rows) expect(printed).toContain(r.label);
    // The axis title on two lines (tspans): what the numbers are, and which sign favours whom.
    const lines = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]!);
    expect(lines.some((t) => t.startsWith(lang === 'en' ? 'Benefit (' : 'Effektforskel ('))).toBe(true);
    expect(lines.some((t) => t.startsWith(lang === 'en' ? 'positive: favours ' : 'positiv: til fordel for '))).toBe(true);
    // Every printed benefit is in a column right of the panel, clear of whiskers, markers and the
    // MCID lines: past the CI's end "3,52" was drawn over the dashed MCID line (and, before, over
    // the axis: a reviewer's "−3,49").
    const labels = new Set(rows.map((r) => r.label));
    const drawn = [...svg.matchAll(/<text text-anchor="(\w+)" transform="translate\(([-\d.]+),[-\d.]+\)"[^>]*>([^<]*)<\/text>/g)].filter((m) => labels.has(m[3]!));
    expect(drawn.length).toBeGreaterThanOrEqual(rows.length);
    for (const m of drawn) {
      expect(m[1], m[3]).toBe('start');
      expect(Number(m[2]), m[3]).toBeGreaterThan(spec.spec.width);
    }
  });
});
