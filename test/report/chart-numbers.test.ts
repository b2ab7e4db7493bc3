/**
 * A chart is one image to a screen reader (role="img" with a one-line label): every number it
 * prints must also be on the page as text, outside the SVG — in a table of the page, or in the
 * figure's own numbers table (a collapsed <details> under the chart, built from the chart's rows:
 * docs/report-trial.md, "Charts to a screen reader").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forestAnalyses, subgroupForestNumbers, subgroupForestRows } from '../../src/report/charts/subgroup-forest.js';
import { trajectoriesNumbers } from '../../src/report/charts/trajectories.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { formatFixed, SHORT_RELEVANCE_TEXT } from '../../src/report/i18n.js';
import { htmlPage } from '../../src/report/html-page.js';
import { bundledTrial } from './trial-report-support.js';

/** The page's text outside its SVGs, entities decoded and white space collapsed. */
function textOutsideSvgs(html: string): string {
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
  return html.replace(/<svg[\s\S]*?<\/svg>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;|&#\d+;/g, (e) => entities[e] ?? e).replace(/\s+/g, ' ');
}

/** Per chart of a page: the numbers its marks print (text marks, not axis ticks, titles or legends) that the page's text lacks. */
function numbersOnlyInCharts(html: string): Map<string, string[]> {
  const outside = textOutsideSvgs(html);
  const missing = new Map<string, string[]>();
  for (const [, name, figure] of html.matchAll(/<figure class="chart" data-chart="([^"]+)">([\s\S]*?)<\/figure>/g)) {
    const texts = [...figure!.matchAll(/<g class="mark-text role-mark[^"]*">([\s\S]*?)<\/g>/g)].flatMap((g) => [...g[1]!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]!));
    const numbers = new Set(texts.flatMap((t) => t.match(/\d+(?:[.,]\d+)*(?:\/\d+)?/g) ?? []));
    missing.set(name!, [...numbers].filter((n) => !outside.includes(n)));
  }
  return missing;
}

describe("a chart's numbers are on the page as text", () => {
  it('the check sees a number printed only in a chart (the test can fail)', () => {
    const html = '<p>41.8</p><figure class="chart" data-chart="c"><svg><g class="mark-text role-mark x"><text>41.8% (89/213)</text></g></svg></figure>';
    expect(numbersOnlyInCharts(html).get('c')).toEqual(['89/213']);
  });

  it("the page shows a chart's numbers table in a collapsed <details> after the figure, hidden in print", () => {
    const page = { lang: 'da' as const, title: 't', provenance: 'p', sections: [{ id: 's', title: 'S', chart: 'c' }] };
    const html = htmlPage(page, new Map([['c', { svg: '<svg width="10" height="10"></svg>', alt: 'a', numbers: { header: ['Effektmål', 'App'], rows: [['RMDQ', '41,8 % (89/213)']] } }]]));
    expect(html).toMatch(/<\/figure>\s*<details class="text-version[^"]*"><summary>Figurens tal<\/summary>[\s\S]*<td>RMDQ<\/td><td>41,8 % \(89\/213\)<\/td>[\s\S]*<\/details>/);
    expect(html).not.toMatch(/<details[^>]* open/);
    expect(numbersOnlyInCharts(html.replace('<svg width="10" height="10"></svg>', '<svg><g class="mark-text role-mark x"><text>41,8 % (89/213)</text></g></svg>')).get('c')).toEqual([]);
  });

  it('the mean-scores chart: every observed mean with its CI and n, per outcome, visit and arm', () => {
    const { trial, result } = bundledTrial();
    for (const lang of ['en', 'da'] as const) {
      const ctx = trialChartContext(trial, lang);
      const table = trajectoriesNumbers(result, ctx);
      const cells = table.rows.flat().join('\n');
      const drawn = result.descriptives.filter((d) => d.mean !== null && ctx.kindOf(d.outcome) === 'continuous');
      expect(drawn.length).toBeGreaterThan(20);
      for (const d of drawn) {
        const f = (v: number) => formatFixed(v, ctx.decimalsOf(d.outcome), lang);
        expect(cells).toContain(`${f(d.mean as number)} (${f(d.meanCiLower as number)} ${lang === 'da' ? 'til' : 'to'} ${f(d.meanCiUpper as number)})`);
      }
      // One row per outcome heading and per visit with a mean: nothing left out, nothing added.
      const outcomes = new Set(drawn.map((d) => d.outcome));
      const visits = new Set(drawn.map((d) => `${d.outcome}|${d.time}`));
      expect(table.rows).toHaveLength(outcomes.size + visits.size);
    }
  });

  it("a subgroup forest's numbers table gives the verdict with its qualifiers; the chart keeps it short", () => {
    const { trial, result } = bundledTrial();
    // One level made a possible benefit, not significant, whose CI reaches −MCID (the bundled levels have none).
    const subgroups = structuredClone(result.subgroups ?? []);
    const analyses = forestAnalyses(subgroups, 'recruited_by', '3m');
    const level = analyses[0]!.levels[0]!;
    const m = level.effect.mcid as number;
    Object.assign(level.effect, { relevance: 'possibly-relevant-benefit', significant: false, benefit: 0.6 * m, benefitCiLower: -1.2 * m, benefitCiUpper: 2.4 * m });
    for (const [lang, words] of [['en', 'not statistically significant; clinically relevant harm is not ruled out'], ['da', 'ikke statistisk signifikant; klinisk relevant skade kan ikke udelukkes']] as const) {
      const ctx = trialChartContext(trial, lang);
      const verdict = subgroupForestNumbers(analyses, result.effects, ctx).rows.find((r) => r[0]!.trim() === level.level)![3]!;
      expect(verdict).toBe(`${SHORT_RELEVANCE_TEXT['possibly-relevant-benefit'][lang]}, ${words}`);
      expect(subgroupForestRows(analyses, result.effects, ctx).find((r) => r.labelText === level.level)!.verdictText).toBe(SHORT_RELEVANCE_TEXT['possibly-relevant-benefit'][lang]);
    }
  });

  it('the mean-scores table lists every visit the chart draws, those the plan does not list last', () => {
    const { trial, result } = bundledTrial();
    const ctx = trialChartContext(trial, 'en');
    const key = result.descriptives.find((d) => d.mean !== null && ctx.kindOf(d.outcome) === 'continuous')!.outcome;
    const observed = result.descriptives.filter((d) => d.outcome === key && d.mean !== null);
    // A visit outside the plan's list, given first: it still has its row, after the plan's visits.
    const extra = { ...observed[0]!, time: 'unplanned', mean: 12.345 };
    const table = trajectoriesNumbers({ descriptives: [extra, ...result.descriptives] }, ctx);
    const block = table.rows.slice(1, 1 + new Set(observed.map((d) => d.time)).size + 1).map((r) => r[0]!.trim());
    expect(block).toEqual([...ctx.visits.filter((v) => observed.some((d) => d.time === v)).map((v) => ctx.timeLabel(v)), ctx.timeLabel('unplanned')]);
    expect(table.rows.flat().join('\n')).toContain(formatFixed(12.345, ctx.decimalsOf(key), 'en'));
  });

  // Not yet the meta forests' per-study numbers nor the uptake activation funnel's national counts.
  const pages = readdirSync('reports', { withFileTypes: true }).filter((d) => d.isDirectory() && !/^(selfback-meta|uptake)$/.test(d.name)).map((d) => d.name);
  it.each(pages)('reports/%s: every number a chart prints is also in the page text', (name) => {
    const missing = numbersOnlyInCharts(readFileSync(`reports/${name}/index.html`, 'utf8'));
    expect(missing.size).toBeGreaterThan(0);
    expect(Object.fromEntries([...missing].filter(([, m]) => m.length > 0))).toEqual({});
  });
});
