import { describe, expect, it } from 'vitest';
import { uptakeClinicFunnelSpec } from '../../../src/report/charts/uptake-clinic-funnel.js';
import { funnelCurve } from '../../../src/uptake/funnel-curve.js';
import type { UptakeAnalysis } from '../../../src/uptake/uptake-analysis.js';
import { bundledAnalysis, plottedData, renderSvg, smallAnalysis, unplottableValues } from './uptake-chart-support.js';

function curveFor(a: UptakeAnalysis) {
  const ns = a.funnel.rows.map((r) => r.referrals).filter((v): v is number => typeof v === 'number');
  return typeof a.funnel.overallRate === 'number' && ns.length ? funnelCurve(a.funnel.overallRate, Math.max(...ns), { nMin: 10 }) : [];
}

describe('uptakeClinicFunnelSpec', () => {
  it('draws every clinic, the 95% and 99.8% limit curves, and labels the outliers by code', async () => {
    const a = await bundledAnalysis();
    const curve = curveFor(a);
    const spec = uptakeClinicFunnelSpec({ funnel: a.funnel, curve });
    const { rows } = plottedData(spec);
    expect(rows.filter((r) => 'value' in r)).toHaveLength(4 * curve.length);
    expect(rows.filter((r) => 'value' in r).every((r) => (r.value as number) >= 0 && (r.value as number) <= 1)).toBe(true);
    const clinics = rows.filter((r) => 'status' in r);
    expect(new Set(clinics.map((c) => c.clinic)).size).toBe(a.funnel.rows.length);
    expect([...new Set(clinics.filter((c) => c.label !== null).map((c) => c.clinic))].sort()).toEqual(a.funnel.rows.filter((r) => r.outside95 !== null).map((r) => r.clinic).sort());
    const svg = await renderSvg(spec);
    for (const code of a.funnel.outside998) expect(svg).toContain(`>${code}<`);
    expect(svg).toContain('99.8% limits');
    expect(svg).toContain('Referrals per clinic (n)');
  });

  it('leaves out clinics with suppressed counts or rates and says how many', async () => {
    const a = await smallAnalysis();
    const spec = uptakeClinicFunnelSpec({ funnel: a.funnel, curve: curveFor(a), threshold: a.threshold });
    expect(unplottableValues(spec)).toEqual([]);
    const hidden = a.funnel.rows.filter((r) => typeof r.referrals !== 'number' || typeof r.rate !== 'number');
    expect(hidden.length).toBeGreaterThan(0);
    const drawn = plottedData(spec).rows.filter((r) => 'status' in r).map((r) => r.clinic);
    for (const h of hidden) expect(drawn).not.toContain(h.clinic);
    expect(JSON.stringify(spec)).toContain(`${hidden.length} clinics with suppressed counts`);
    await renderSvg(spec);
  });

  it('renders with no limits when the overall rate is suppressed', async () => {
    const a = await smallAnalysis();
    const spec = uptakeClinicFunnelSpec({ funnel: { ...a.funnel, overallRate: 'suppressed' }, curve: [] });
    await renderSvg(spec);
  });
});
