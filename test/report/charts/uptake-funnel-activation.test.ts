import { describe, expect, it } from 'vitest';
import { uptakeActivationFunnelSpec } from '../../../src/report/charts/uptake-funnel-activation.js';
import { bundledAnalysis, plottedData, renderSvg, smallAnalysis, unplottableValues } from './uptake-chart-support.js';

describe('uptakeActivationFunnelSpec', () => {
  it('nationally: four stages from referred to retained 12 weeks, compiles and renders with the counts', async () => {
    const spec = uptakeActivationFunnelSpec(await bundledAnalysis());
    const { rows } = plottedData(spec);
    expect(rows.map((r) => r.stage)).toEqual(['Referred', 'Activated', 'Retained 4 wk', 'Retained 12 wk']);
    expect(rows[0]).toMatchObject({ count: 20000, label: '20,000' });
    const svg = await renderSvg(spec);
    expect(svg).toContain('Activation funnel — Whole country');
    expect(svg).toContain('20,000');
  });

  it('per region: one row of bars per region', async () => {
    const spec = uptakeActivationFunnelSpec(await bundledAnalysis(), { scope: 'regions' });
    expect(plottedData(spec).rows).toHaveLength(5 * 4);
    const svg = await renderSvg(spec);
    for (const r of ['Hovedstaden', 'Midtjylland', 'Syddanmark', 'Sjælland', 'Nordjylland']) expect(svg).toContain(r);
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
