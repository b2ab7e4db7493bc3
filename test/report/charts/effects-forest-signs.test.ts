/**
 * Issue #15, point 2: the effects forest has one sign convention. Every number printed beside a
 * marker is on the marker's side of 0; the axis says what is plotted; colours have a legend and
 * WCAG 2.1 contrast (graphics ≥ 3:1, text ≥ 4.5:1) on the white and striped backgrounds.
 */
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../../src/report/charts/contrast.js';
import { effectsForestSpec, STRIPE } from '../../../src/report/charts/effects-forest.js';
import { trialChartContext } from '../../../src/report/charts/trial-chart-context.js';
import { renderSvg } from '../../../src/report/render/render-chart.js';
import { bundledTrial } from '../trial-report-support.js';

interface Datum { key: string; outcomeText: string; timeText: string; est: number | null; lo: number | null; hi: number | null; effectText: string }
type Spec = { data: { values: Datum[] }; hconcat: { layer: { mark: { type: string }; encoding?: Record<string, { scale?: { range?: string[] }; legend?: unknown; axis?: { title?: string } }> }[] }[] };

/** The printed numbers of "0.81 (0.15 to 1.47) points" / "−0,81 (…)": estimate, lower, upper. */
function printedNumbers(text: string): number[] {
  return [...text.matchAll(/[−-]?\d+(?:[.,]\d+)?/g)].map((m) => Number(m[0].replace('−', '-').replace(',', '.')));
}

const WHITE = '#ffffff';

describe.each(['en', 'da'] as const)('effects forest sign convention (%s)', (lang) => {
  const { trial, result } = bundledTrial();
  const ctx = trialChartContext(trial, lang);
  const spec = effectsForestSpec(result, ctx) as unknown as Spec;
  const rows = spec.data.values.filter((d) => d.est !== null);

  it('every printed estimate and limit is on the same side of 0 as its marker and whisker ends', () => {
    expect(rows.length).toBeGreaterThan(6);
    for (const d of rows) {
      const [est, lo, hi] = printedNumbers(d.effectText.replace(/\s*\p{L}+$/u, ''));
      const mcid = Number(d.key && result.effects.find((e) => `${e.outcome}|${e.time}` === d.key)?.mcid);
      expect(Math.sign(est!), `${d.key}: "${d.effectText}" vs marker at ${d.est}`).toBe(Math.sign(d.est!));
      expect(Math.sign(lo!), `${d.key} lower`).toBe(Math.sign(d.lo!));
      expect(Math.sign(hi!), `${d.key} upper`).toBe(Math.sign(d.hi!));
      // And the printed number is the plotted one, in units (rounded as printed).
      expect(Math.abs(est! - d.est! * mcid)).toBeLessThan(0.006);
    }
  });

  it('the direction goes with the outcome name, never alone on a time row', () => {
    const lower = lang === 'da' ? 'lavere er bedre' : 'lower is better';
    for (const d of spec.data.values) {
      if (d.outcomeText.includes(lower)) expect(d.outcomeText.length).toBeGreaterThan(lower.length + 5);
      expect(d.outcomeText.startsWith('(')).toBe(false);
    }
    expect(spec.data.values.some((d) => d.outcomeText.includes(lower))).toBe(true);
  });

  it('the axis title names the benefit; a legend names each colour; the page text mentions no shading', async () => {
    const plot = spec.hconcat.find((v) => v.layer.some((l) => l.mark.type === 'point'))!;
    const point = plot.layer.find((l) => l.mark.type === 'point')!;
    expect(point.encoding!.x!.axis!.title).toMatch(lang === 'da' ? /^Effektforskel i enheder af MKRF/ : /^Benefit of app in MCIDs/);
    expect(point.encoding!.color!.legend).toBeTruthy();
    const svg = await renderSvg(effectsForestSpec(result, ctx));
    for (const d of rows) expect(svg).toContain(d.timeText);
    expect(svg).toContain(lang === 'da' ? 'Signifikant, men ikke klinisk relevant' : 'Significant, but not clinically relevant'); // legend label
    expect(ctx.text('forestIntro')).not.toMatch(/shad|skygge/i);
  });

  it('marker colours have ≥ 3:1 contrast on white and on the stripe; text colours ≥ 4.5:1', async () => {
    const colours = spec.hconcat.flatMap((v) => v.layer.flatMap((l) => l.encoding?.color?.scale?.range ?? []));
    expect(colours.length).toBeGreaterThan(1);
    for (const c of colours) {
      expect(contrastRatio(c, WHITE), c).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(c, STRIPE), c).toBeGreaterThanOrEqual(3);
    }
    const svg = await renderSvg(effectsForestSpec(result, ctx));
    const textFills = [...svg.matchAll(/<text[^>]*fill="(#[0-9a-fA-F]{3,6})"/g)].map((m) => m[1]!);
    expect(textFills.length).toBeGreaterThan(10);
    for (const c of new Set(textFills)) expect(contrastRatio(c, STRIPE), `text ${c}`).toBeGreaterThanOrEqual(4.5);
  });
});

describe('contrastRatio (WCAG 2.1)', () => {
  it('matches the published extremes and a known pair', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.478, 3); // WebAIM: #777 on white 4.48:1
  });
});
