/**
 * The forest-plot builder compiles with vega-lite, renders to SVG (renderer 'none') and shows
 * what a RevMan forest plot shows. FOREST_PNG_DIR=/some/dir also writes SVG + PNG there to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { metaGroups } from '../../src/meta/meta-group.js';
import { parseStudies, readStudiesFile } from '../../src/meta/read-studies.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { metaForestSpec } from '../../src/report/charts/meta-forest.js';
import { CHART_FONT_FILE } from '../../src/report/render/chart-font.js';

async function toSvg(spec: TopLevelSpec, name: string): Promise<string> {
  const before = JSON.stringify(spec);
  const compiled = compile(spec);
  expect(JSON.stringify(spec)).toBe(before); // the builder's output is not mutated by compiling
  const svg = await new vega.View(vega.parse(compiled.spec), { renderer: 'none' }).toSVG();
  const dir = process.env.FOREST_PNG_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.svg`), svg);
    const font = CHART_FONT_FILE;
    const png = new Resvg(svg, { font: { fontFiles: [font], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'zoom', value: 1.5 } }).render().asPng();
    writeFileSync(join(dir, `${name}.png`), png);
  }
  return svg;
}

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));

describe('metaForestSpec', () => {
  const results = metaAnalyze(readStudiesFile('data/published/selfback-studies.csv'), { version: 't', plan: loadPlanFile('data/plans/selfback.plan.json') });
  const groups = metaGroups(results);

  it('PSEQ 9 months: subgroups, weights, diamonds, PI, tests and favours labels', async () => {
    const pseq = groups.find((g) => g.setting.outcome === 'pseq')!;
    const svg = await toSvg(metaForestSpec(pseq, 'en'), 'forest-pseq');
    const t = texts(svg);
    for (const s of [
      'Pain self-efficacy (PSEQ 0–60) — 9 months', 'high physical demands', 'low physical demands', 'Rasmussen 2024', '49.0%', '51.0%',
      '3.50 [0.90, 6.00]', 'Total, fixed effect (95% CI)', 'Total, random effects (95% CI)', 'Prediction interval',
      '← Favours usual care', 'Favours app →', 'MD [95% CI]',
    ]) expect(t).toContain(s);
    expect(t.some((x) => x.startsWith('Test for subgroup differences: Chi² = 0.15, df = 1 (P = 0.70), I² = 0%'))).toBe(true);
    expect(t.some((x) => x.startsWith('Heterogeneity: Tau² = 0.00 (REML); Chi² = 0.15'))).toBe(true);
    expect(t.some((x) => x.includes('Shaded: ±MCID (5.5)'))).toBe(true);
    // three diamonds (two subtotals + … ) drawn as areas: 2 subgroup subtotals + fixed + random
    expect(svg.match(/<g class="mark-area role-mark[^>]*>\s*<path/g)?.length).toBe(4);
  });

  it('lower-is-better outcomes put "favours app" on the left; Danish labels', async () => {
    const rmdq = groups.find((g) => g.setting.outcome === 'rmdq' && g.setting.time === '3m')!;
    const en = texts(await toSvg(metaForestSpec(rmdq, 'en'), 'forest-rmdq-3m'));
    expect(en).toContain('← Favours app');
    expect(en).toContain('Favours usual care →');
    expect(en).toContain('Single study: shown as reported, not pooled');
    expect(en).toContain('232');
    const da = texts(await toSvg(metaForestSpec(rmdq, 'da'), 'forest-rmdq-3m-da'));
    expect(da).toContain('← Til fordel for app');
    expect(da).toContain('−0,79 [−1,51, −0,06]');
  });

  it('ratio measures on a log axis with events columns (dat.bcg, first 6 trials)', async () => {
    const csv = 'study,outcome,time,events_intervention,n_intervention,events_control,n_control\nAronson,tb,end,4,123,11,139\nFerguson,tb,end,6,306,29,303\nRosenthal,tb,end,3,231,11,220\nHart,tb,end,62,13598,248,12867\nFrimodt-Moller,tb,end,33,5069,47,5808\nStein,tb,end,180,1541,372,1451';
    const r = metaAnalyze(parseStudies(parseCsvText(csv, 'bcg.csv')), { version: 't', mcid: 1.25 });
    const svg = await toSvg(metaForestSpec(metaGroups(r)[0]!, 'en'), 'forest-bcg');
    const t = texts(svg);
    expect(t).toContain('Events');
    expect(t).toContain('RR [95% CI]');
    expect(t).toContain('M-H, Random, 95% CI');
    expect(t).toContain('13598');
    expect(t).toContain('1'); // the no-effect tick of the log axis
  });
});
