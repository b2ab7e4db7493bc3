// Renders chart specs from the uptake analysis to SVG + PNG in /tmp/upt/png for eyeballing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { compile } from 'vega-lite';
import * as vega from 'vega';
import { Resvg } from '@resvg/resvg-js';
const root = '/work/main/';
const { analyseUptake } = await import(root + 'dist/uptake/uptake-analysis.js');
const { loadUptakePlanFile } = await import(root + 'dist/uptake/uptake-plan.js');
const plan = loadUptakePlanFile(root + 'data/plans/uptake.plan.json');
const reg = process.argv[2] ?? root + 'data/synthetic/registry.csv';
const elig = process.argv[3] ?? root + 'data/synthetic/eligible.csv';
const a = await analyseUptake({ registryFile: reg, eligibleFile: elig, plan });
const tag = process.argv[4] ?? 'syn';
mkdirSync('/tmp/upt/png', { recursive: true });
const specs = [];
const add = async (name, file, fn) => {
  try { const m = await import(root + 'dist/report/charts/' + file.replace('.ts', '.js')); specs.push([name, fn(m)]); } catch (e) { console.error(name, e.message); }
};
await add('over-time', 'uptake-over-time.ts', (m) => m.uptakeOverTimeSpec(a));
await add('over-time-per1000', 'uptake-over-time.ts', (m) => m.uptakeOverTimeSpec(a, { measure: 'per1000' }));
await add('funnel-national', 'uptake-funnel-activation.ts', (m) => m.uptakeActivationFunnelSpec(a));
await add('funnel-regions', 'uptake-funnel-activation.ts', (m) => m.uptakeActivationFunnelSpec(a, { scope: 'regions' }));
await add('equity', 'uptake-equity.ts', (m) => m.uptakeEquitySpec(a));
const { funnelCurve } = await import(root + 'dist/uptake/funnel-curve.js');
await add('clinic-funnel', 'uptake-clinic-funnel.ts', (m) => {
  const ns = a.funnel.rows.map((r) => r.referrals).filter((v) => typeof v === 'number');
  const curve = typeof a.funnel.overallRate === 'number' && ns.length ? funnelCurve(a.funnel.overallRate, Math.max(...ns) * 1.05, { nMin: Math.max(1, Math.min(...ns) / 2) }) : [];
  return m.uptakeClinicFunnelSpec({ funnel: a.funnel, curve });
});
await add('budget', 'uptake-budget.ts', (m) => m.uptakeBudgetSpec(a.budget));
const font = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
for (const [name, spec] of specs) {
  const compiled = compile(spec);
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none' });
  const svg = await view.toSVG();
  writeFileSync(`/tmp/upt/png/${tag}-${name}.svg`, svg);
  const png = new Resvg(svg, { font: { fontFiles: [font], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'zoom', value: 1.5 } }).render().asPng();
  writeFileSync(`/tmp/upt/png/${tag}-${name}.png`, png);
  console.log('wrote', name);
}
