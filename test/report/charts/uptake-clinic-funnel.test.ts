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

  it('a long practice name (up to 100 characters) is cut with … in its label on the chart', async () => {
    const a = await bundledAnalysis();
    const flagged = a.funnel.rows.find((r) => r.outside95 !== null)!;
    const long = `Lægerne ${'Jensen og '.repeat(9)}Co`;
    const rows = a.funnel.rows.map((r) => (r === flagged ? { ...r, clinic: long } : r));
    const svg = await renderSvg(uptakeClinicFunnelSpec({ funnel: { ...a.funnel, rows }, curve: curveFor(a) }));
    expect(svg).not.toContain(`>${long}<`);
    expect(svg).toMatch(/>Lægerne Jensen og [^<]*…</);
  });

  it('flagged clinics are larger and darker than the others; legend counts match the table note; labels sit on a white halo', async () => {
    const a = await bundledAnalysis();
    const spec = uptakeClinicFunnelSpec({ funnel: a.funnel, curve: curveFor(a) });
    const json = JSON.stringify(spec);
    const points = (spec as { layer: { encoding?: { size?: { scale: { domain: string[]; range: number[] } }; color?: { scale: { range: string[] } } } }[] }).layer.find((l) => l.encoding?.size)!.encoding!;
    const [within, out95, out998] = points.size!.scale.range;
    expect(out95).toBeGreaterThan(within!);
    expect(out998).toBeGreaterThanOrEqual(out95!);
    const luminance = (hex: string) => {
      const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
    };
    const [cWithin, c95, c998] = points.color!.scale.range.map(luminance);
    expect(c95).toBeLessThan(cWithin!);
    expect(c998).toBeLessThan(cWithin!);
    // Legend: "Outside 99.8% (4)" etc., the same counts as the note under the clinics table.
    const n998 = a.funnel.outside998.length;
    const n95 = a.funnel.rows.filter((r) => r.outside95 !== null).length;
    expect(points.size!.scale.domain).toEqual([`Within the 95% limits (${a.funnel.rows.length - n95})`, `Outside 95%, within 99.8% (${n95 - n998})`, `Outside 99.8% (${n998})`]);
    const { uptakeTables } = await import('../../../src/report/uptake-tables.js');
    expect(uptakeTables(a, 'en').clinics.intro.join(' ')).toContain(`outside the 95% limits: ${n95} clinics (${n95 - n998} within the 99.8% limits, ${n998} outside them)`);
    // Wide enough (6 px, round joins) that a limit line is broken around a label, not seen through the gaps between its letters.
    expect(json).toContain('"stroke":"white","strokeWidth":6,"strokeJoin":"round"');
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
