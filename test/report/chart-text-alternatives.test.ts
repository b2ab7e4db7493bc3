/**
 * Every central chart has a text alternative (WCAG 2.1 1.1.1; docs/report-trial.md, "The figure's
 * numbers"): the uptake page's activations over time, the CEA plane and acceptability curve, and
 * the trial's effects forest — its numbers in the chart's own sign (the benefit), not the
 * difference the table of all estimates gives. Until 6 December 2026 a screen reader heard only
 * "graphic, Activations over time", and the monthly numbers were nowhere in the page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { uptakeOverTimeNumbers, uptakeOverTimeSpec } from '../../src/report/charts/uptake-over-time.js';
import { ceacNumbers, ceacSpec } from '../../src/report/charts/ceac.js';
import { cePlaneNumbers, cePlaneSpec } from '../../src/report/charts/ce-plane.js';
import { effectsForestNumbers, effectsForestSpec, forestRows } from '../../src/report/charts/effects-forest.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import type { CeaResult } from '../../src/cea/cea-results-schema.js';
import { bundledTrial } from './trial-report-support.js';

/** The "The figure's numbers" table right after a chart's figure, or undefined. */
function numbersAfter(html: string, chart: string): string | undefined {
  // From the chart's own </figure> on (never a later chart's): what follows it directly.
  const figure = new RegExp(`<figure class="chart"[^>]*data-chart="${chart}">(?:(?!</figure>)[\\s\\S])*</figure>\\s*(<details class="text-version[^"]*chart-numbers"[\\s\\S]*?</details>)`).exec(html);
  return figure?.[1];
}

describe('every central chart has its numbers as a table', () => {
  it.each([
    ['uptake', 'uptake-over-time'],
    ['selfback-cea', 'ce-plane'],
    ['selfback-cea', 'ceac'],
    ['selfback-cea-da', 'ceac'],
    ['selfback', 'effects-forest'],
    ['selfback-da', 'effects-forest'],
  ])('reports/%s: %s', (page, chart) => {
    const html = readFileSync(`reports/${page}/index.html`, 'utf8');
    expect(html).toContain(`data-chart="${chart}"`);
    const table = numbersAfter(html, chart);
    expect(table, `${page}/${chart}: no "The figure's numbers" after the chart`).toBeDefined();
    expect(table).toMatch(/<table[\s\S]*<td class="num">/);
  });

  it('activations over time: a row per month, a column per region, every drawn value in its cell, a suppressed one as its marker', () => {
    const metric = (region: string, period: string, activations: number | string) => ({ region, period, periodType: 'month', dimension: 'all', level: 'all', activations });
    const analysis = {
      metrics: [
        metric('Hovedstaden', '2024-01', 1234), metric('Sjælland', '2024-01', 17), metric('Hovedstaden', '2024-02', 98), metric('Sjælland', '2024-02', 'suppressed'),
        metric('national', '2024-01', 1251), { ...metric('Hovedstaden', '2024', 1332), periodType: 'year' },
      ],
      uptake: [], threshold: 5, exportDate: '2024-03-01',
    } as never;
    for (const lang of ['en', 'da'] as const) {
      const table = uptakeOverTimeNumbers(analysis, { lang });
      const drawn = (uptakeOverTimeSpec(analysis, { lang }) as unknown as { data: { values: { region: string; month: string; activations: number | null }[] } }).data.values;
      expect(table.header.slice(1)).toEqual(['Hovedstaden', 'Sjælland']);
      expect(table.rows.map((r) => r[0])).toEqual(lang === 'da' ? ['januar 2024', 'februar 2024'] : ['Jan 2024', 'Feb 2024']);
      for (const d of drawn.filter((x) => x.activations !== null)) {
        const row = table.rows[d.month.startsWith('2024-01') ? 0 : 1]!;
        expect(row[table.header.indexOf(d.region)]).toBe(d.activations!.toLocaleString(lang === 'da' ? 'da-DK' : 'en-US'));
      }
      expect(table.rows[0]![1]).toBe(lang === 'da' ? '1.234' : '1,234');
      expect(table.rows[1]![2]).toBe(lang === 'da' ? 'diskretioneret' : 'suppressed');
      // The whole country and the yearly row are not in this chart.
      expect(table.rows.flat().join(' ')).not.toMatch(/1[.,]?251|1[.,]?332/);
    }
  });

  const cea = {
    currency: 'EUR',
    cloud: { cost: [100, -50, 300, 120], qaly: [0.02, 0.01, -0.01, 0.03] },
    ceac: [{ wtp: 0, probability: 0.004 }, { wtp: 20000, probability: 0.81 }, { wtp: 40000, probability: 0.9962 }],
    thresholds: [{ threshold: 23250, probabilityCostEffective: 0.834 }],
    incrementalQaly: { estimate: 0.0319, ciLower: 0.0149, ciUpper: 0.0499 },
    incrementalCost: { estimate: 234.8, ciLower: 74.3, ciUpper: 389.8 },
    quadrants: { NE: 0.75, NW: 0.25, SE: 0, SW: 0 },
  } as unknown as CeaResult;

  it('the acceptability curve: every point it is drawn through, and the threshold (a dashed line) in its place', () => {
    for (const lang of ['en', 'da'] as const) {
      const table = ceacNumbers(cea, lang);
      const drawn = (ceacSpec(cea, lang) as unknown as { layer: { data: { values: { wtp: number; p?: number }[] } }[] }).layer[0]!.data.values;
      expect(table.rows).toHaveLength(drawn.length + 1);
      expect(table.rows.map((r) => r[1])).toEqual(lang === 'da' ? ['<1 %', '81 %', '83 %', '>99 %'] : ['<1%', '81%', '83%', '>99%']);
      expect(table.rows[2]![0]).toBe(lang === 'da' ? '23.250 (tærskelværdi, stiplet)' : '23,250 (threshold, dashed)');
    }
  });

  it("the CE plane: the estimate and its CI, each quadrant's share as the subtitle gives it, and the share below the dashed line", () => {
    for (const lang of ['en', 'da'] as const) {
      const table = cePlaneNumbers(cea, lang);
      const cells = table.rows.map((r) => r.join(' | '));
      const subtitle = ((cePlaneSpec(cea, lang) as unknown as { title: { subtitle: string[] } }).title.subtitle)[1]!;
      // "NE 75%, NW 25%, …" in the subtitle; the same share on the table's row of that quadrant.
      for (const [, q, pct] of subtitle.matchAll(/\b(NE|NW|SE|SW|NØ|NV|SØ|SV) ([^,(]+?)(?:,| \()/g)) {
        expect(cells.find((c) => c.startsWith(`${q}:`)), `${lang} ${q}`).toMatch(new RegExp(`\\| ${pct!.replace(/[<>]/g, '\\$&')}$`));
      }
      expect(cells[0]).toContain(lang === 'da' ? '0,0319' : '0.0319');
      expect(cells.at(-1)).toMatch(lang === 'da' ? /^Under den stiplede linje \(23\.250 EUR pr\. QALY\).* \| 83 %$/ : /^Below the dashed line \(€23,250 per QALY\).* \| 83%$/);
    }
  });

  it('the effects forest: its numbers in its own sign (the benefit), a lower-is-better outcome\'s fall as positive', () => {
    const { trial, result } = bundledTrial();
    for (const lang of ['en', 'da'] as const) {
      const ctx = trialChartContext(trial, lang);
      const table = effectsForestNumbers(result, ctx);
      const drawn = (effectsForestSpec(result, ctx) as unknown as { data: { values: { heading: boolean; est: number | null; effectText: string; verdictText: string }[] } }).data.values;
      // A line per line of the chart, outcome headings included, in the chart's order.
      expect(table.rows).toHaveLength(drawn.length);
      drawn.forEach((d, i) => {
        if (d.heading) return;
        expect(table.rows[i]![2]).toBe(d.effectText);
        expect(table.rows[i]![4]).toBe(d.verdictText);
        if (d.est !== null) expect(table.rows[i]![1]!.split(' ')[0]).toBe((d.est < 0 && d.est > -0.005 ? 0 : d.est).toFixed(2).replace('-', '−').replace('.', lang === 'da' ? ',' : '.'));
      });
      // RMDQ: lower is better, the app lowers it — a negative difference, a positive benefit.
      const rmdq = forestRows(result.effects, ctx.primaryMethod).find((r) => r.outcome === 'rmdq' && r.time === '3m')!;
      expect(rmdq.difference).toBeLessThan(0);
      const line = table.rows[drawn.findIndex((d) => !d.heading)]!;
      expect(line[1]).toMatch(/^\d/);
      expect(line[2]).toMatch(/^\d/);
      expect(table.header[2]).toMatch(lang === 'da' ? /positiv: til fordel for/ : /positive: favours/);
    }
  });
});
