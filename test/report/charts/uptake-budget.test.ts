import { describe, expect, it } from 'vitest';
import { uptakeBudgetSpec } from '../../../src/report/charts/uptake-budget.js';
import { bundledAnalysis, plottedData, renderSvg, tinyAnalysis, unplottableValues } from './uptake-chart-support.js';

describe('uptakeBudgetSpec', () => {
  it('projected cost per year and scenario plus the observed cost, in million DKK, compiles and renders', async () => {
    const a = await bundledAnalysis();
    const spec = uptakeBudgetSpec(a.budget);
    const { rows } = plottedData(spec);
    expect(rows.filter((r) => r.observed === false)).toHaveLength(3 * 3);
    const base2026 = a.budget.projection.find((p) => p.region === 'national' && p.scenario === 'base' && p.year === 2026)!;
    expect(rows.find((r) => r.series === 'Projected, base case' && r.year === '2026')?.million).toBeCloseTo(base2026.cost / 1e6, 12);
    expect(rows.filter((r) => r.observed === true).map((r) => r.year)).toEqual(['2024', '2025']);
    const svg = await renderSvg(spec);
    // Named for what it counts, and the observed part-year says so.
    expect(svg).toContain('Gross app cost by year: observed and projected');
    expect(svg).toContain('Gross app cost (million DKK)');
    expect(svg).toContain('Budget impact of the app licences only');
    expect(svg).toContain('Observed (2025: so far)');
    expect(svg).toContain('Projected, high uptake');
    expect(svg).not.toContain('Budget impact by year');
  });

  it('observed bars are outlined, projected ones filled in greys (no arm colour)', async () => {
    const a = await bundledAnalysis();
    const spec = uptakeBudgetSpec(a.budget) as unknown as { encoding: { fill: { scale: { domain: string[]; range: string[] } } } };
    const { domain, range } = spec.encoding.fill.scale;
    expect(domain[0]).toMatch(/^Observed/);
    expect(range[0]).toBe('#FFFFFF');
    for (const c of range) expect(['#0072B2', '#D55E00', '#56B4E9']).not.toContain(c.toUpperCase());
  });

  it('does not draw suppressed observed costs', async () => {
    const a = await tinyAnalysis();
    const spec = uptakeBudgetSpec(a.budget, { region: 'Hovedstaden' });
    expect(unplottableValues(spec)).toEqual([]);
    const hidden = a.budget.observed.filter((o) => o.region === 'Hovedstaden' && typeof o.cost !== 'number');
    expect(hidden.length).toBeGreaterThan(0);
    expect(plottedData(spec).rows.filter((r) => r.observed === true)).toHaveLength(a.budget.observed.filter((o) => o.region === 'Hovedstaden').length - hidden.length);
    expect(hidden).toHaveLength(1);
    // One value: singular ("1 suppressed values" / "1 diskretionerede værdier" before).
    expect(JSON.stringify(spec)).toContain('1 suppressed value (disclosure control) is not drawn');
    expect(JSON.stringify(uptakeBudgetSpec(a.budget, { region: 'Hovedstaden', lang: 'da' }))).toContain('1 diskretioneret værdi er ikke tegnet');
    await renderSvg(spec);
  });
});

describe('uptakeBudgetSpec and a suppressed part-year', () => {
  it('names the part-year in the legend and subtitle only when its bar is drawn', async () => {
    const a = await bundledAnalysis();
    const drawn = uptakeBudgetSpec(a.budget, { exportDate: '2025-06-30' });
    expect(JSON.stringify(drawn)).toContain('Observed (2025: so far)');
    expect(JSON.stringify(drawn)).toContain('observed cost of the activations in the export (2025: through 2025-06-30)');
    // The same analysis with the part-year's observed cost suppressed, as a small region publishes it.
    const hidden = { ...a.budget, observed: a.budget.observed.map((o) => (o.partialYear ? { ...o, cost: null } : o)) } as typeof a.budget;
    const spec = uptakeBudgetSpec(hidden, { exportDate: '2025-06-30' });
    const text = JSON.stringify(spec);
    expect(plottedData(spec).rows.filter((r) => r.observed === true).map((r) => r.year)).toEqual(['2024']);
    expect(text).not.toContain('so far');
    expect(text).toContain('"Observed"');
    expect(text).toContain('observed cost of the activations in the export (through 2025-06-30)');
    expect(JSON.stringify(uptakeBudgetSpec(hidden, { exportDate: '2025-06-30', lang: 'da' }))).toContain('udtrækket (til og med 30. juni 2025)');
  });
  it('the cost axis never repeats a label, whatever the budget\'s size (4.3 million drew "0 1 1 2 2 3 3 4 4")', async () => {
    const a = await bundledAnalysis();
    const max = Math.max(...a.budget.projection.filter((p) => p.region === 'national').map((p) => p.cost));
    for (const top of [45e6, 12e6, 4.3e6, 1.2e6, 0.43e6, 0.04e6]) {
      const k = top / max;
      const scaled = { ...a.budget, projection: a.budget.projection.map((p) => ({ ...p, cost: p.cost * k })), observed: a.budget.observed.map((o) => (typeof o.cost === 'number' ? { ...o, cost: o.cost * k } : o)) };
      for (const lang of ['en', 'da'] as const) {
        const svg = await renderSvg(uptakeBudgetSpec(scaled, { lang }));
        // The y axis's labels: the axis-label texts that are not years.
        const labels = [...svg.matchAll(/role-axis-label[\s\S]*?<\/g>/g)].flatMap((g) => [...g[0].matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!)).filter((l) => !/^20\d\d$/.test(l));
        expect(labels.length, `${top} ${lang}`).toBeGreaterThan(2);
        expect(new Set(labels).size, `${top} ${lang}: ${labels.join(' ')}`).toBe(labels.length);
      }
    }
  });
});
