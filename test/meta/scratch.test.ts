import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { compile } from 'vega-lite';
import * as vega from 'vega';
import { Resvg } from '@resvg/resvg-js';
import { runCli } from '../support/run-cli.js';
import { metaForestSpec } from '../../src/report/charts/meta-forest.js';
import { metaGroups } from '../../src/meta/meta-group.js';
import type { MetaResults } from '../../src/meta/meta-results-schema.js';
async function render(spec: unknown, name: string) {
  const compiled = compile(spec as never);
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none' });
  const svg = await view.toSVG();
  writeFileSync(`/tmp/${name}.svg`, svg);
  const png = new Resvg(svg, { font: { fontFiles: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'zoom', value: 1.5 } }).render().asPng();
  writeFileSync(`/tmp/${name}.png`, png);
}
it('scratch', async () => {
  const j = await runCli('meta', ...(process.env.ARGS ?? 'data/published/selfback-studies.csv --plan data/plans/selfback.plan.json').split(' '), '--json');
  const res = JSON.parse(j.stdout) as MetaResults;
  let i = 0;
  for (const g of metaGroups(res)) await render(metaForestSpec(g, 'en'), `forest-${i++}`);
}, 30000);
