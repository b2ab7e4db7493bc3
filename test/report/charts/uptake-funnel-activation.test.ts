import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { uptakeActivationFunnelSpec } from '../../../src/report/charts/uptake-funnel-activation.js';
import { bundledAnalysis, plottedData, renderSvg, smallAnalysis, unplottableValues } from './uptake-chart-support.js';

describe('uptakeActivationFunnelSpec', () => {
  it('nationally: four stages from referred to retained 12 weeks, compiles and renders with the counts', async () => {
    const spec = uptakeActivationFunnelSpec(await bundledAnalysis());
    const { rows } = plottedData(spec);
    expect(rows.map((r) => r.stage)).toEqual(['Referred', 'Activated', 'Retained 4 weeks', 'Retained 12 weeks']);
    expect(rows[0]).toMatchObject({ count: 20000, label: '20,000' });
    const svg = await renderSvg(spec);
    expect(svg).toContain('Activation funnel — Whole country');
    expect(svg).toContain('20,000');
  });

  it('percentages of the right denominator: activated of referred, retained of those at risk (not of all activated)', async () => {
    const a = await bundledAnalysis();
    const m = a.metrics.find((x) => x.region === 'Hovedstaden' && x.period === 'all' && x.dimension === 'all')!;
    const rows = plottedData(uptakeActivationFunnelSpec(a, { scope: 'regions' })).rows.filter((r) => r.region === 'Hovedstaden');
    const [ref, act, r4, r12] = [m.referrals, m.activations, m.retained4w, m.retained12w, m.atRisk4w, m.atRisk12w] as number[];
    expect(rows[1]!.label).toBe(`${act!.toLocaleString('en-GB')} (${(100 * act! / ref!).toFixed(1)}% of referred)`);
    // 12 weeks: 1,222 of 3,472 at risk = 35.2%, where 1,222 of all 4,223 activated would read as 29%.
    expect(rows[3]).toMatchObject({ count: r12, atRisk: m.atRisk12w });
    expect(rows[3]!.label).toBe(`${r12!.toLocaleString('en-GB')} of ${(m.atRisk12w as number).toLocaleString('en-GB')} at risk (${(100 * r12! / (m.atRisk12w as number)).toFixed(1)}%)`);
    expect(rows[2]!.label).toContain(`of ${(m.atRisk4w as number).toLocaleString('en-GB')} at risk (${(100 * r4! / (m.atRisk4w as number)).toFixed(1)}%)`);
    expect(Math.abs(100 * r12! / (m.atRisk12w as number) - 100 * r12! / act!)).toBeGreaterThan(5);
  });

  it('per region: one row of bars per region, all on one shared x scale', async () => {
    const spec = uptakeActivationFunnelSpec(await bundledAnalysis(), { scope: 'regions' });
    expect(plottedData(spec).rows).toHaveLength(5 * 4);
    const compiled = compile(spec).spec as { scales?: { name: string }[]; marks?: { scales?: unknown[] }[] };
    // A shared scale is one top-level x scale; independent scales would live inside each facet cell.
    expect((compiled.scales ?? []).filter((s) => s.name === 'x')).toHaveLength(1);
    expect(JSON.stringify(compiled.marks ?? []).includes('"name":"child_x"')).toBe(false);
    const svg = await renderSvg(spec);
    for (const r of ['Hovedstaden', 'Midtjylland', 'Syddanmark', 'Sjælland', 'Nordjylland']) expect(svg).toContain(r);
  });

  it('Danish: Danish number format in the labels', async () => {
    const rows = plottedData(uptakeActivationFunnelSpec(await bundledAnalysis(), { lang: 'da' })).rows;
    expect(rows[0]!.label).toBe('20.000');
    expect(rows[1]!.label).toMatch(/^13\.264 \(66,3 % af henviste\)$/);
  });

  it('a suppressed stage gets no bar, only its "<5"/"suppressed" label', async () => {
    const a = await smallAnalysis();
    const spec = uptakeActivationFunnelSpec(a, { scope: 'regions' });
    expect(unplottableValues(spec)).toEqual([]);
    const hidden = plottedData(spec).rows.filter((r) => r.count === null);
    expect(hidden.length).toBeGreaterThan(0);
    for (const h of hidden) expect(['<5', 'suppressed']).toContain(h.label);
    const svg = await renderSvg(spec);
    expect(svg).toMatch(/>(suppressed|&lt;5)</);
  });
});
