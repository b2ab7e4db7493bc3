/**
 * A chart is one image to a screen reader (role="img" with a one-line label): every number it
 * prints must also be on the page as text, outside the SVG — in a table of the page, or in the
 * figure's own numbers table (a collapsed <details> under the chart, built from the chart's rows:
 * docs/report-trial.md, "Charts to a screen reader").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forestAnalyses, subgroupForestNumbers, subgroupForestRows, subgroupForestSpec } from '../../src/report/charts/subgroup-forest.js';
import { trajectoriesNumbers } from '../../src/report/charts/trajectories.js';
import type { TrialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import type { AnalysisResult } from '../../src/analysis/results-schema.js';
import { armNames } from '../../src/report/arm-names.js';
import { formatFixed, REPORT_TEXT, shortTimeLabel, SHORT_RELEVANCE_TEXT, timeLabel } from '../../src/report/i18n.js';
import { htmlPage } from '../../src/report/html-page.js';
import { bundledTrial } from './trial-report-support.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { metaGroups } from '../../src/meta/meta-group.js';
import { readStudiesFile } from '../../src/meta/read-studies.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { metaForestNumbers, metaForestSpec } from '../../src/report/charts/meta-forest.js';
import { uptakeActivationFunnelNumbers, uptakeActivationFunnelSpec } from '../../src/report/charts/uptake-funnel-activation.js';

/** The page's text outside its SVGs, entities decoded and white space collapsed. */
function textOutsideSvgs(html: string): string {
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
  return html.replace(/<svg[\s\S]*?<\/svg>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;|&#\d+;/g, (e) => entities[e] ?? e).replace(/\s+/g, ' ');
}

/** Per chart of a page: the numbers its marks print (text marks, not axis ticks, titles or legends) that the page's text lacks. */
function numbersOnlyInCharts(html: string): Map<string, string[]> {
  const outside = textOutsideSvgs(html);
  const missing = new Map<string, string[]>();
  for (const [, name, figure] of html.matchAll(/<figure class="chart"[^>]* data-chart="([^"]+)">([\s\S]*?)<\/figure>/g)) {
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
    expect(html).toMatch(/<\/figure>\s*<details class="text-version[^"]*"><summary>Figurens tal<\/summary>[\s\S]*<th scope="row">RMDQ<\/th><td>41,8 % \(89\/213\)<\/td>[\s\S]*<\/details>/);
    expect(html).not.toMatch(/<details[^>]* open/);
    expect(numbersOnlyInCharts(html.replace('<svg width="10" height="10"></svg>', '<svg><g class="mark-text role-mark x"><text>41,8 % (89/213)</text></g></svg>')).get('c')).toEqual([]);
  });

  it('the mean-scores chart: every observed mean with its CI and n, per outcome, visit and arm', () => {
    // A small made-up analysis: two continuous outcomes (one an index with 3 decimals), a binary one
    // the chart leaves out, a visit never observed, and a mean without a CI (n = 1).
    const units = { score: 'points', index: 'index points', share: '' } as const;
    const descriptives: AnalysisResult['descriptives'] = [];
    const row = (outcome: string, time: string, arm: 'intervention' | 'control', n: number, mean: number | null, lo: number | null, hi: number | null) =>
      descriptives.push({ outcome, time, arm, n, mean, sd: null, median: null, q1: null, q3: null, meanCiLower: lo, meanCiUpper: hi });
    row('score', 'baseline', 'intervention', 40, 12.345, 10.5, 14.1);
    row('score', 'baseline', 'control', 38, 11.9, 10.02, 13.8);
    row('score', '3m', 'intervention', 31, 8.25, 6.75, 9.755);
    row('score', '3m', 'control', 1, 10, null, null);
    row('score', '9m', 'intervention', 0, null, null, null);
    row('index', 'baseline', 'intervention', 40, 0.6234, 0.58, 0.667);
    row('index', '9m', 'control', 29, 0.7011, 0.6502, 0.752);
    row('share', '3m', 'intervention', 31, 0.4, 0.2, 0.6);
    for (const lang of ['en', 'da'] as const) {
      const ctx: TrialChartContext = {
        lang, primaryMethod: 'ancova', visits: ['baseline', '3m', '9m'], primary: null,
        outcomeLabel: (k) => `Outcome ${k}`, arms: armNames(undefined, lang),
        armLabel: (arm) => (arm === 'intervention' ? 'App' : 'Usual'), text: (key) => REPORT_TEXT[key][lang],
        timeLabel: (t) => timeLabel(t, lang), shortTimeLabel: (t) => shortTimeLabel(t, lang),
        unitOf: (k) => units[k as keyof typeof units], decimalsOf: (k) => (k === 'index' ? 3 : 2),
        kindOf: (k) => (k === 'share' ? 'binary' : 'continuous'), directionOf: () => 'lower-is-better',
      };
      const table = trajectoriesNumbers({ descriptives }, ctx);
      const cells = table.rows.flat().join('\n');
      const drawn = descriptives.filter((d) => d.mean !== null && ctx.kindOf(d.outcome) === 'continuous');
      for (const d of drawn) {
        const f = (v: number) => formatFixed(v, ctx.decimalsOf(d.outcome), lang);
        expect(cells).toContain(d.meanCiLower === null ? f(d.mean as number) : `${f(d.mean as number)} (${f(d.meanCiLower as number)} ${lang === 'da' ? 'til' : 'to'} ${f(d.meanCiUpper as number)})`);
      }
      expect(cells).not.toContain(formatFixed(0.4, 2, lang));
      // One row per outcome heading and per visit with a mean: nothing left out, nothing added.
      const outcomes = new Set(drawn.map((d) => d.outcome));
      const visits = new Set(drawn.map((d) => `${d.outcome}|${d.time}`));
      expect(table.rows).toHaveLength(outcomes.size + visits.size);
      expect(table.rows.map((r) => r.slice(0, 1).concat(r.slice(2, 3), r.slice(4)))).toEqual([
        ['Outcome score (points)', '', ''],
        [`  ${timeLabel('baseline', lang)}`, '40', '38'],
        [`  ${timeLabel('3m', lang)}`, '31', '1'],
        ['Outcome index (index points)', '', ''],
        [`  ${timeLabel('baseline', lang)}`, '40', ''],
        [`  ${timeLabel('9m', lang)}`, '', '29'],
      ]);
    }
  });

  it("the activation funnel: each bar's label per region and stage, a suppressed count as its marker only", () => {
    const row = (region: string, over: Record<string, unknown>) => ({
      region, period: 'all', periodType: 'all', dimension: 'all', level: 'all',
      referrals: 300, activations: 176, activationRate: 176 / 300, retained4w: 146, atRisk4w: 170, retention4w: 146 / 170,
      retained12w: 40, atRisk12w: 142, retention12w: 40 / 142, ...over,
    });
    const analysis = { metrics: [row('national', { referrals: 612 }), row('hovedstaden', {}), row('sjaelland', { retained12w: 'suppressed', retention12w: 'suppressed' })] } as never;
    for (const lang of ['en', 'da'] as const) {
      const table = uptakeActivationFunnelNumbers(analysis, { scope: 'regions', lang });
      const drawn = (uptakeActivationFunnelSpec(analysis, { scope: 'regions', lang }) as unknown as { data: { values: { region: string; stage: string; label: string }[] } }).data.values;
      // Row for row what the bars carry: the regions' four stages each, in the chart's order.
      expect(table.rows).toEqual(drawn.map((d) => [d.region, d.stage, d.label]));
      expect(table.rows).toHaveLength(8);
      const cells = table.rows.flat().join('\n');
      expect(cells).toContain(lang === 'da' ? '40 af 142 i risiko' : '40 of 142 at risk');
      expect(cells).not.toContain('612');
      expect(table.rows[7]![2]).toBe(lang === 'da' ? 'diskretioneret' : 'suppressed');
    }
  });

  it("the meta forests: every text cell of the chart, on its row, under its column's header (arm, weight, effect)", () => {
    const results = metaAnalyze(readStudiesFile('data/published/selfback-studies.csv'), { version: 't', plan: loadPlanFile('data/plans/selfback.plan.json') });
    const groups = metaGroups(results);
    expect(groups.length).toBeGreaterThan(2);
    for (const lang of ['en', 'da'] as const) {
      for (const g of groups) {
        const spec = metaForestSpec(g, lang);
        const table = metaForestNumbers(spec);
        const cells = (spec as unknown as { layer: { mark?: { type?: string }; data?: { values?: { row?: number; text?: unknown }[] } }[] }).layer
          .filter((l) => l.mark?.type === 'text').flatMap((l) => l.data?.values ?? []).filter((c) => typeof c.row === 'number' && typeof c.text === 'string') as { row: number; text: string }[];
        const body = cells.filter((c) => c.row >= 2);
        // One table row per chart line, each cell of the line in it.
        expect(table.rows).toHaveLength(new Set(body.map((c) => c.row)).size);
        const rowOf = [...new Set(body.map((c) => c.row))].sort((a, b) => a - b);
        // (A row's first word capitalised, as in every table of the page.)
        for (const c of body) expect(table.rows[rowOf.indexOf(c.row)]!.join(' ').toLowerCase()).toContain(c.text.toLowerCase());
        // A study's effect sits under the effect's header; its arms' totals under the arm's name.
        const study = g.studies[0]!;
        const line = table.rows.find((r) => r[0] === study.study || r[0]!.startsWith(`${study.study} (`))!;
        const effect = table.header.findIndex((h) => h.includes(`${g.setting.measure} (`));
        expect(line[effect]).toMatch(/^[−\d]/);
        if (study.nIntervention !== null) {
          const total = table.header.findIndex((h) => h.startsWith(`${lang === 'da' ? 'App + vanlig behandling' : 'App + usual care'}:`));
          expect(total).toBeGreaterThan(0);
          expect(line.join(' ')).toContain(String(study.nIntervention));
        }
      }
    }
  });

  it("a subgroup forest's numbers table, chart data and legend give the same verdict, with its qualifiers", () => {
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
      expect(subgroupForestRows(analyses, result.effects, ctx).find((r) => r.labelText === level.level)!.verdictText).toBe(verdict);
      // The legend names the marker with the same words (one entry per wording drawn).
      const spec = subgroupForestSpec(analyses, result.effects, ctx, 'Recruited by', '3m');
      const domains = JSON.stringify(spec).match(/"domain":\[[^\]]*\]/g) ?? [];
      expect(domains.some((d) => d.includes(JSON.stringify(verdict)))).toBe(true);
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

  const pages = readdirSync('reports', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  it.each(pages)('reports/%s: every number a chart prints is also in the page text', (name) => {
    const missing = numbersOnlyInCharts(readFileSync(`reports/${name}/index.html`, 'utf8'));
    expect(missing.size).toBeGreaterThan(0);
    expect(Object.fromEntries([...missing].filter(([, m]) => m.length > 0))).toEqual({});
  });
});
