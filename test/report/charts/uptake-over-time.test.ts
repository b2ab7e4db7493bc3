import { describe, expect, it } from 'vitest';
import { uptakeOverTimeSpec } from '../../../src/report/charts/uptake-over-time.js';
import { bundledAnalysis, plottedData, renderSvg, smallAnalysis, unplottableValues } from './uptake-chart-support.js';

describe('uptakeOverTimeSpec', () => {
  it('activations per month: one line per region over 24 months, compiles and renders', async () => {
    const a = await bundledAnalysis();
    const spec = uptakeOverTimeSpec(a);
    const { rows } = plottedData(spec);
    expect(rows).toHaveLength(5 * 24);
    expect(rows.find((r) => r.region === 'Hovedstaden' && r.month === '2024-01-01')?.activations).toBe(
      a.metrics.find((m) => m.region === 'Hovedstaden' && m.period === '2024-01' && m.dimension === 'all')!.activations,
    );
    const svg = await renderSvg(spec);
    expect(svg).toContain('Activations per month by region');
    expect(svg).toContain('Month of referral');
    expect(svg).toContain('Nordjylland');
  });

  it('per 1,000 eligible: points with CIs per region and year up to the export year, national included', async () => {
    const spec = uptakeOverTimeSpec(await bundledAnalysis(), { measure: 'per1000' });
    const { rows } = plottedData(spec);
    expect(rows).toHaveLength(6 * 2);
    // The running year as the tables label it (uptake-year-label.ts).
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set(['2024', '2025 (so far)']));
    const svg = await renderSvg(spec);
    expect(svg).toContain('Uptake (per 1,000 eligible)');
    expect(svg).toContain('Whole country');
  });

  it('does not plot suppressed monthly counts: they are null (a gap) and counted in the subtitle', async () => {
    const a = await smallAnalysis();
    const spec = uptakeOverTimeSpec(a);
    expect(unplottableValues(spec)).toEqual([]);
    const { rows } = plottedData(spec);
    const hidden = a.metrics.filter((m) => m.periodType === 'month' && m.dimension === 'all' && m.region !== 'national' && typeof m.activations === 'string');
    expect(hidden.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.activations === null)).toHaveLength(hidden.length);
    expect(JSON.stringify(spec)).toContain(`${hidden.length} suppressed values`);
    await renderSvg(spec);
    const per1000 = uptakeOverTimeSpec(a, { measure: 'per1000' });
    expect(unplottableValues(per1000)).toEqual([]);
    await renderSvg(per1000);
  });
});
