import { describe, expect, it } from 'vitest';
import { uptakeEquitySpec } from '../../../src/report/charts/uptake-equity.js';
import { bundledAnalysis, plottedData, renderSvg, smallAnalysis, unplottableValues } from './uptake-chart-support.js';

describe('uptakeEquitySpec', () => {
  it('activation rate with CI by age band and by referrer, compiles and renders', async () => {
    const a = await bundledAnalysis();
    const spec = uptakeEquitySpec(a);
    const { rows } = plottedData(spec);
    const chiro = a.metrics.find((m) => m.region === 'national' && m.period === 'all' && m.level === 'chiro')!;
    expect(rows.find((r) => r.group === 'Chiropractor')).toMatchObject({ rate: chiro.activationRate, ciLower: chiro.activationCiLower, ciUpper: chiro.activationCiUpper });
    expect(rows.map((r) => r.group)).toEqual(expect.arrayContaining(['18–29', '75+', 'General practice', 'Physiotherapist', 'Women', 'Men']));
    const svg = await renderSvg(spec);
    expect(svg).toContain('Age band (years)');
    expect(svg).toContain('Activation rate (% of referred)');
  });

  it('a suppressed group keeps its row with the word, not a point', async () => {
    const a = await smallAnalysis();
    const spec = uptakeEquitySpec(a, { region: 'Nordjylland' });
    expect(unplottableValues(spec)).toEqual([]);
    const hidden = plottedData(spec).rows.filter((r) => r.rate === null);
    expect(hidden.length).toBeGreaterThan(0);
    for (const h of hidden) expect([h.ciLower, h.ciUpper]).toEqual([null, null]);
    expect(await renderSvg(spec)).toMatch(/>(suppressed|&lt;5)</);
  });

  it('in Danish the hidden group reads "diskretioneret", never "suppressed"', async () => {
    const spec = uptakeEquitySpec(await smallAnalysis(), { region: 'Nordjylland', lang: 'da' });
    expect(plottedData(spec).rows.some((r) => r.rate === null)).toBe(true);
    const svg = await renderSvg(spec);
    expect(svg).toContain('>diskretioneret<');
    expect(svg).not.toMatch(/suppressed/);
  });
});
