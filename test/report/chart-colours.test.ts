/**
 * One meaning per colour: the arms' blue and vermillion (and sky blue, which reads as blue) mean
 * the arms and nothing else. No chart of the meta or uptake reports — regions, funnel stages,
 * scenarios, study squares, prediction intervals, clinic flags — may use them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metaReportKind } from '../../src/report/kinds/meta-report.js';
import { ARM_ONLY_COLOURS, CATEGORY_COLOURS, GREY_SHADES } from '../../src/report/charts/chart-style.js';
import { uptakeBudgetSpec } from '../../src/report/charts/uptake-budget.js';
import { uptakeClinicFunnelSpec } from '../../src/report/charts/uptake-clinic-funnel.js';
import { uptakeEquitySpec } from '../../src/report/charts/uptake-equity.js';
import { uptakeActivationFunnelSpec } from '../../src/report/charts/uptake-funnel-activation.js';
import { uptakeOverTimeSpec } from '../../src/report/charts/uptake-over-time.js';
import { funnelCurve } from '../../src/uptake/funnel-curve.js';
import { bundledAnalysis } from './charts/uptake-chart-support.js';

/** Every colour string (#rrggbb) anywhere in a spec, upper-cased. */
function coloursIn(spec: unknown): Set<string> {
  return new Set([...JSON.stringify(spec).matchAll(/#[0-9a-fA-F]{6}\b/g)].map((m) => m[0].toUpperCase()));
}

const ARM = new Set(ARM_ONLY_COLOURS.map((c) => c.toUpperCase()));

describe('colours: the arm colours mean the arms only', () => {
  it('no meta chart uses an arm colour', async () => {
    const env = { input: (p: string) => p, lang: 'en' as const, version: 't', memo: <T>(_k: string, f: () => T) => f() };
    const content = await metaReportKind.build({ id: 'm', kind: 'meta', out: 'm', lang: 'en', data: 'data/published/selfback-studies.csv', plan: 'data/plans/selfback.plan.json', preset: 'metafor' }, env);
    expect(content.charts.length).toBeGreaterThan(0);
    for (const c of content.charts) expect([...coloursIn(c.spec)].filter((x) => ARM.has(x)), c.name).toEqual([]);
  });

  it('no uptake chart uses an arm colour; regions and scenarios use the non-arm palettes', async () => {
    const a = await bundledAnalysis();
    const curve = typeof a.funnel.overallRate === 'number' ? funnelCurve(a.funnel.overallRate, 1500) : [];
    const specs = {
      overTime: uptakeOverTimeSpec(a),
      per1000: uptakeOverTimeSpec(a, { measure: 'per1000' }),
      funnel: uptakeActivationFunnelSpec(a, { scope: 'regions' }),
      equity: uptakeEquitySpec(a),
      clinics: uptakeClinicFunnelSpec({ funnel: a.funnel, curve }),
      budget: uptakeBudgetSpec(a.budget),
    };
    for (const [name, spec] of Object.entries(specs)) expect([...coloursIn(spec)].filter((x) => ARM.has(x)), name).toEqual([]);
    const regionRange = (specs.overTime as unknown as { encoding: { color: { scale: { range: string[] } } } }).encoding.color.scale.range;
    expect(regionRange.slice(0, 5)).toEqual(CATEGORY_COLOURS.slice(0, 5));
    for (const c of [...CATEGORY_COLOURS, ...GREY_SHADES]) expect(ARM.has(c.toUpperCase())).toBe(false);
  });

  it('the registry and cost-effectiveness charts use the arm colours for the arms (or exposure groups) only', () => {
    // Charts whose colour encodes the arm or the exposure group; every other chart may not use them.
    const ARM_CHARTS = new Set(['overlap', 'costs-by-category', 'utilities']);
    for (const folder of ['registry', 'selfback-cea']) {
      for (const f of readdirSync(join('reports', folder)).filter((x) => x.endsWith('.vl.json'))) {
        if (ARM_CHARTS.has(f.replace('.vl.json', ''))) continue;
        const spec = JSON.parse(readFileSync(join('reports', folder, f), 'utf8')) as unknown;
        expect([...coloursIn(spec)].filter((x) => ARM.has(x)), `${folder}/${f}`).toEqual([]);
      }
    }
  });
});
