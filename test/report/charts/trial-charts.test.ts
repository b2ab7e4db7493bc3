import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { effectsForestSpec, forestRows } from '../../../src/report/charts/effects-forest.js';
import { participantFlowSpec } from '../../../src/report/charts/participant-flow.js';
import { respondersSpec, responderRows } from '../../../src/report/charts/responders.js';
import { trajectoriesSpec } from '../../../src/report/charts/trajectories.js';
import { trialChartContext } from '../../../src/report/charts/trial-chart-context.js';
import { CHART_FONT_FAMILY } from '../../../src/report/render/chart-font.js';
import { renderSvg } from '../../../src/report/render/render-chart.js';
import { chartTextWidth } from '../../../src/report/render/text-metrics.js';
import { renderChart } from '../../support/render-chart.js';
import { ARM_COLOURS } from '../../../src/report/charts/chart-style.js';
import { bundledTrial } from '../trial-report-support.js';

const builders = { effectsForestSpec, trajectoriesSpec, respondersSpec, participantFlowSpec };

describe.each(['en', 'da'] as const)('trial chart builders (%s)', (lang) => {
  const { trial, result } = bundledTrial();
  const ctx = trialChartContext(trial, lang);

  it.each(Object.entries(builders))('%s compiles with vega-lite, renders to SVG and PNG with the shipped font', async (_name, build) => {
    const spec = build(result, ctx);
    const before = JSON.stringify(spec);
    expect(() => compile(spec)).not.toThrow();
    expect((spec.config as { font?: string }).font).toBe(CHART_FONT_FAMILY);
    const chart = await renderChart('x', spec);
    expect(chart.svg.startsWith('<svg')).toBe(true);
    expect(chart.width).toBeGreaterThan(200);
    expect(chart.height).toBeGreaterThan(150);
    expect([...chart.png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(JSON.stringify(spec)).toBe(before); // rendering does not mutate the spec
    // Data inline: no URLs to fetch.
    expect(JSON.stringify(spec)).not.toMatch(/"url"\s*:/);
  });

  it('the forest plot has one row per outcome × time with an MCID, benefit ÷ MCID, the own units in text', async () => {
    const spec = effectsForestSpec(result, ctx) as unknown as { data: { values: { key: string; heading: boolean; outcomeText: string; est: number; effectText: string; mcidText: string; verdictText: string }[] } };
    const rows = forestRows(result.effects, ctx.primaryMethod);
    expect(spec.data.values.filter((d) => !d.heading).map((d) => d.key)).toEqual(rows.map((r) => `${r.outcome}|${r.time}`));
    // Each outcome's heading line (its name) comes right before its first row; no marker on it.
    const outcomes = [...new Set(rows.map((r) => r.outcome))];
    const headings = spec.data.values.filter((d) => d.heading);
    expect(headings.map((h) => h.outcomeText.split(',')[0])).toEqual(outcomes.map((o) => ctx.outcomeLabel(o).split(',')[0]));
    for (const h of headings) expect(h.est).toBeNull();
    // The verdict is printed on each row, in the page's words.
    expect(spec.data.values.find((d) => d.key === 'rmdq|3m')!.verdictText).toBe(lang === 'da' ? 'Signifikant, men ikke klinisk relevant' : 'Significant, but not clinically relevant');
    const rmdq = rows.find((r) => r.outcome === 'rmdq' && r.time === '3m')!;
    const datum = spec.data.values.find((d) => d.key === 'rmdq|3m')!;
    expect(datum.est).toBeCloseTo((rmdq.benefit as number) / 5, 12);
    expect(datum.est).toBeGreaterThan(0); // RMDQ is lower-is-better: an app advantage plots right
    expect(datum.effectText).toContain(lang === 'da' ? 'point' : 'points');
    expect(datum.mcidText).toBe(lang === 'da' ? '5 point' : '5 points');
    const svg = await renderSvg(effectsForestSpec(result, ctx));
    // The favours labels may take two lines (two texts): read the drawn words in order.
    const words = svg.replace(/<\/tspan><tspan[^>]*>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(words).toContain(lang === 'da' ? 'Til fordel for app' : 'Favours app');
    expect(words).toContain(lang === 'da' ? 'vanlig behandling' : 'Favours usual care');
    if (lang === 'da') expect(datum.effectText).toMatch(/^0,\d\d \(0,\d\d til 1,\d\d\) point$/);
  });

  it('trajectories: one panel per continuous outcome, fixed arm colours, CI from the descriptives', () => {
    const spec = trajectoriesSpec(result, ctx) as unknown as { concat: { data: { values: { lo: number; mean: number; hi: number }[] }; layer: { encoding?: { color?: { scale?: { range?: string[] } } } }[] }[] };
    expect(spec.concat).toHaveLength(trial.sources.filter((s) => s.instrument.kind === 'continuous').length);
    const ranges = spec.concat.flatMap((p) => p.layer.map((l) => l.encoding?.color?.scale?.range).filter(Boolean));
    for (const r of ranges) expect(r).toEqual([ARM_COLOURS.intervention, ARM_COLOURS.control]);
    for (const v of spec.concat[0]!.data.values) expect(v.lo).toBeLessThan(v.mean);
  });

  it('responders: two bars per row with events/n and a whisker from each arm\'s Wilson CI, the risk difference CI as text', () => {
    const spec = respondersSpec(result, ctx) as unknown as { hconcat: { data: { values: Record<string, unknown>[] } }[] };
    const rows = responderRows(result.effects);
    expect(spec.hconcat[1]!.data.values).toHaveLength(2 * rows.length);
    const resp = rows.find((r) => r.outcome === 'rmdq_resp5' && r.time === '3m')!;
    const text = spec.hconcat[1]!.data.values.map((v) => v.text);
    expect(text).toContain(`${(100 * resp.risks!.intervention).toFixed(1).replace('.', lang === 'da' ? ',' : '.')}${lang === 'da' ? ' %' : '%'} (${resp.risks!.eventsIntervention}/${resp.n.intervention})`);
    const bar = spec.hconcat[1]!.data.values.find((v) => v.key === 'rmdq_resp5|3m' && v.arm === ctx.armLabel('control'))!;
    expect(bar.lo).toBeCloseTo(100 * resp.risks!.ciLowerControl, 10);
    expect(bar.hi).toBeCloseTo(100 * resp.risks!.ciUpperControl, 10);
    expect(bar.lo as number).toBeLessThan(bar.percent as number);
    expect(bar.hi as number).toBeGreaterThan(bar.percent as number);
    const layers = (spec.hconcat[1] as unknown as { layer: { mark: { type: string }; encoding: Record<string, { field?: string }> }[] }).layer;
    const whisker = layers.find((l) => l.mark.type === 'rule')!;
    expect([whisker.encoding.x!.field, whisker.encoding.x2!.field]).toEqual(['lo', 'hi']);
  });

  it('responders: a share near 100% keeps its label inside its own panel, clear of the risk-difference column', () => {
    // A tester's trial: 17/19 (89.5%, CI to 97%) with a long label; the bundled shares stay below 65%.
    const row = responderRows(result.effects)[0]!;
    const risks = { ...row.risks!, intervention: 17 / 19, eventsIntervention: 17, ciLowerIntervention: 0.686, ciUpperIntervention: 0.971 };
    const effects = [{ ...row, n: { ...row.n, intervention: 19 }, risks }];
    type Panel = { width: number; data: { values: { hi: number; text: string }[] }; layer: { mark: { type: string; dx?: number }; encoding: { x: { scale?: { domain: number[]; range?: number[] } } } }[] };
    const panel = (respondersSpec({ effects }, ctx) as unknown as { hconcat: Panel[] }).hconcat[1]!;
    const scale = panel.layer.find((l) => l.mark.type === 'bar')!.encoding.x.scale!;
    const range = scale.range ?? [0, panel.width];
    const dx = panel.layer.find((l) => l.mark.type === 'text')!.mark.dx ?? 0;
    for (const bar of panel.data.values) {
      const x = range[0]! + ((bar.hi - scale.domain[0]!) / (scale.domain[1]! - scale.domain[0]!)) * (range[1]! - range[0]!);
      expect(x + dx + chartTextWidth({ fontSize: 11 }, bar.text), bar.text).toBeLessThanOrEqual(panel.width);
    }
  });

  it('participant flow: randomised and analysed counts match the analysis', async () => {
    const svg = await renderSvg(participantFlowSpec(result, ctx));
    const n = result.input.patients;
    expect(svg).toContain(`n = ${n.intervention + n.control}`);
    const ancova = result.effects.find((e) => e.outcome === 'rmdq' && e.time === '3m' && e.method === 'ancova')!;
    expect(svg).toContain(`(ANCOVA): n = ${ancova.n.intervention}`);
    // CONSORT's "Analysed" box: every outcome with its n at each planned follow-up.
    const at9 = result.effects.find((e) => e.outcome === 'rmdq' && e.time === '9m' && e.method === 'ancova')!;
    // The instrument's short name, never the scale's range (docs/report-trial.md).
    expect(svg).toContain(`RMDQ: n = ${ancova.n.intervention} / ${at9.n.intervention}`);
    expect(svg).not.toMatch(/\d–\d+: n =/);
    const med = result.effects.filter((e) => e.outcome === 'med_use' && e.method === 'risk-difference');
    // A line too long for a portrait page wraps (docs/report-trial.md#print): read the lines as one text.
    const text = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
    expect(text).toContain(`${ctx.outcomeLabel('med_use')}: n = ${med.map((e) => e.n.control).join(' / ')}`);
    // Two NRS outcomes: each by its label without the brackets.
    expect(text).toContain(`${ctx.outcomeLabel('pain_avg').replace(/ \(.*\)$/, '')}: n = `);
  });
});

describe('rendering is deterministic', () => {
  it('the same spec twice, with other charts in between, gives identical SVG and PNG bytes', async () => {
    const { trial, result } = bundledTrial();
    const ctx = trialChartContext(trial, 'en');
    const a = await renderChart('a', trajectoriesSpec(result, ctx));
    await renderChart('b', effectsForestSpec(result, ctx));
    const b = await renderChart('a', trajectoriesSpec(result, ctx));
    expect(b.svg).toBe(a.svg);
    expect(Buffer.from(b.png).equals(Buffer.from(a.png))).toBe(true);
  });
});
