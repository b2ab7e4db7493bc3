/**
 * The meta forest's x axis writes its numbers as the cells beside it do: grouped, with the
 * language's decimal mark, never with an exponent. A meta-analysis of costs in kroner printed its
 * axis as "−2e+4, 0, 2e+4" (vega's '.4~g') beside "−12.000,00 (−21.000,00 til −3.000,00)", a
 * budget in millions "2e+6". docs/glossary-da.md: thousands point, decimal comma.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { metaGroups } from '../../src/meta/meta-group.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { metaForestSpec } from '../../src/report/charts/meta-forest.js';
import type { Lang } from '../../src/report/i18n.js';
import { renderChart } from '../support/render-chart.js';

/** The x axis's tick labels as drawn in the SVG. */
async function axisLabels(csv: string, lang: Lang): Promise<string[]> {
  const r = metaAnalyze(parseStudies(parseCsvText(csv, 'studies.csv')), { version: 'test', lang });
  const { svg } = await renderChart('forest', metaForestSpec(metaGroups(r)[0]!, lang));
  const group = /<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/.exec(svg)![1]!;
  return [...group.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

const NUMBER: Record<Lang, RegExp> = { da: /^−?\d{1,3}(\.\d{3})*(,\d+)?$/, en: /^−?\d{1,3}(,\d{3})*(\.\d+)?$/ };

const COSTS = 'study,outcome,time,difference,ci_lower,ci_upper\nA 2020,cost,12m,-12000,-21000,-3000\nB 2021,cost,12m,-8000,-16000,0';
const MILLIONS = 'study,outcome,time,difference,ci_lower,ci_upper\nA 2020,budget,12m,-1250000,-2100000,-400000\nB 2021,budget,12m,-900000,-1800000,0';
const RATIO = 'study,outcome,time,measure,difference,ci_lower,ci_upper\nA 2020,relapse,12m,RR,0.5,0.0015,900\nB 2021,relapse,12m,RR,0.8,0.3,2.1';

describe('meta forest x axis', () => {
  it('costs in kroner: "−20.000" in Danish, "−20,000" in English, no exponent', async () => {
    expect(await axisLabels(COSTS, 'da')).toEqual(['−20.000', '0', '20.000']);
    expect(await axisLabels(COSTS, 'en')).toEqual(['−20,000', '0', '20,000']);
  });

  it.each([
    ['a budget in millions', MILLIONS],
    ['a ratio with a wide interval', RATIO],
  ])('%s: every label a plain number in the language\'s format', async (_, csv) => {
    for (const lang of ['da', 'en'] as const) {
      const labels = await axisLabels(csv, lang);
      expect(labels.length).toBeGreaterThanOrEqual(3);
      for (const l of labels) expect(l, `${lang}: ${labels.join(' | ')}`).toMatch(NUMBER[lang]);
    }
  });
});
