import { describe, expect, it } from 'vitest';
import { uptakeBudgetSpec } from '../../../src/report/charts/uptake-budget.js';
import { bundledAnalysis, plottedData, renderSvg, tinyAnalysis, unplottableValues } from './uptake-chart-support.js';

describe('uptakeBudgetSpec', () => {
  it('projected cost per year and scenario plus the observed cost, in million DKK, compiles and renders', async () => {
    const a = await bundledAnalysis();
    const spec = uptakeBudgetSpec(a.budget);
    const { rows } = plottedData(spec);
    expect(rows.filter((r) => r.series !== 'Observed')).toHaveLength(3 * 5);
    const base2026 = a.budget.projection.find((p) => p.region === 'national' && p.scenario === 'base' && p.year === 2026)!;
    expect(rows.find((r) => r.series === 'Base uptake' && r.year === '2026')?.million).toBeCloseTo(base2026.cost / 1e6, 12);
    expect(rows.filter((r) => r.series === 'Observed').map((r) => r.year)).toEqual(['2024', '2025']);
    const svg = await renderSvg(spec);
    expect(svg).toContain('Cost (million DKK)');
    expect(svg).toContain('High uptake');
  });

  it('does not draw suppressed observed costs', async () => {
    const a = await tinyAnalysis();
    const spec = uptakeBudgetSpec(a.budget, { region: 'Hovedstaden' });
    expect(unplottableValues(spec)).toEqual([]);
    const hidden = a.budget.observed.filter((o) => o.region === 'Hovedstaden' && typeof o.cost !== 'number');
    expect(hidden.length).toBeGreaterThan(0);
    expect(plottedData(spec).rows.filter((r) => r.series === 'Observed')).toHaveLength(a.budget.observed.filter((o) => o.region === 'Hovedstaden').length - hidden.length);
    expect(JSON.stringify(spec)).toContain('1 suppressed values');
    await renderSvg(spec);
  });
});
