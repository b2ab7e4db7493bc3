/**
 * Issue #15 point 4: the uptake page opens with a short generated conclusion — the share of
 * those referred who activated the app (%, as the table), the range across the regions, the uptake
 * per 1,000 eligible in the latest full year (session 14), the gross app cost observed and
 * projected in millions (src/report/uptake-conclusion.ts), en and da — read off the page's own tables, so a
 * suppressed count cannot appear in it. The bundled analysis is reports/uptake/results.json.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';
import { uptakeConclusion } from '../../src/report/uptake-conclusion.js';
import { uptakeTables } from '../../src/report/uptake-tables.js';

const analysis = JSON.parse(readFileSync('reports/uptake/results.json', 'utf8')) as UptakeAnalysis;

/**
 * Every number in the text is printed in a table cell, or is an amount in millions: a printed cost
 * in thousands ÷ 1,000 to one decimal (6,149 → 6.1).
 */
function checkNumbers(text: string, a: UptakeAnalysis, lang: 'en' | 'da') {
  const tables = uptakeTables(a, lang);
  const cells = [tables.activation, tables.uptake, tables.observed, tables.projection].flatMap((t) => t.table?.rows.flat() ?? []);
  const shown = new Set(cells.flatMap((c) => c.match(/\d[\d.,]*\d|\d/g) ?? []));
  const value = (s: string) => Number(lang === 'da' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, ''));
  const costCells = [tables.observed, tables.projection].flatMap((t) => t.table?.rows.map((r) => r[t === tables.observed ? 3 : 5]) ?? []);
  const inMillions = new Set(costCells.map((c) => /^[\d.,]+/.exec(c ?? '')?.[0]).filter((x): x is string => !!x).map((x) => (value(x) / 1000).toFixed(1)));
  for (const m of text.matchAll(/(\d[\d.,]*\d|\d)( mio\.| million)?/g)) {
    const n = m[1]!.replace(/[.,]$/, '');
    // "1,000" (per 1,000), the years and the count of regions are words of the sentence.
    if (['1,000', '1.000'].includes(n) || /^20\d\d$/.test(n) || /^\d$/.test(n)) continue;
    if (m[2]) expect(inMillions.has(value(n).toFixed(1)), `${n} million in "${text}"`).toBe(true);
    else expect(shown.has(n), `${n} in "${text}"`).toBe(true);
  }
}

describe.each(['en', 'da'] as const)('the uptake conclusion (%s)', (lang) => {
  const text = uptakeConclusion(uptakeTables(analysis, lang), analysis.budget.currency, lang);

  it('says the activation share of those referred as the table does (%), the uptake per 1,000 eligible, and the gross app cost in millions', () => {
    expect(text).toBe(lang === 'en'
      ? 'Of the patients referred, 66.3% activated the app (whole export); across the 5 regions, from 62.6% in Syddanmark to 68.7% in Sjælland. Uptake per 1,000 eligible in 2024, the latest full year: 43.9 in the whole country, from 39.4 in Nordjylland to 47.4 in Sjælland across the 5 regions. Gross app cost (the app\'s price only): observed DKK 6.1 million in 2024 and DKK 9.8 million in 2025 (so far); DKK 44.9 million projected over 2026–2028 in the base case (low uptake DKK 30.5 million, high uptake DKK 66.3 million).'
      : 'Af de henviste patienter aktiverede 66,3 % appen (hele udtrækket); i de fem regioner, fra 62,6 % i Syddanmark til 68,7 % i Sjælland. Optag pr. 1.000 patienter i målgruppen i 2024, det seneste hele år: 43,9 i hele landet, fra 39,4 i Nordjylland til 47,4 i Sjælland i de fem regioner. Bruttoudgiften til appen (kun appens pris): observeret 6,1 mio. kr. i 2024 og 9,8 mio. kr. i 2025 (til og med 30. december); 44,9 mio. kr. forventet over 2026–2028 i basisscenariet (lavt optag 30,5 mio. kr., højt optag 66,3 mio. kr.).');
    expect(text).not.toMatch(/published|offentliggjorte|tusind|thousand| lavt\)| low\)/);
    checkNumbers(text, analysis, lang);
  });

  it('leaves out what the tables suppress: a region\'s rate, a year\'s cost', () => {
    const a = structuredClone(analysis) as UptakeAnalysis;
    // Sjælland's whole-export activation (the highest rate) and the whole country's 2025 cost hidden, as the suppression marks them.
    const m = a.metrics.find((x) => x.region === 'Sjælland' && x.period === 'all' && x.dimension === 'all')!;
    Object.assign(m, { activations: 'suppressed', activationRate: 'suppressed', activationCiLower: 'suppressed', activationCiUpper: 'suppressed' });
    const o = a.budget.observed.find((x) => x.region === 'national' && x.year === 2025)!;
    Object.assign(o, { activations: 'suppressed', cost: 'suppressed' });
    const hidden = uptakeConclusion(uptakeTables(a, lang), a.budget.currency, lang);
    expect(hidden).not.toMatch(/68[.,]7|9[.,]8 mio|9[.,]8 million|indtil nu|til og med|so far/);
    expect(hidden).toContain(lang === 'en' ? 'across the 4 regions whose figures are shown (not suppressed), from 62.6% in Syddanmark to 67.6% in Midtjylland.' : 'i de fire regioner, hvis tal vises (ikke diskretionerede), fra 62,6 % i Syddanmark til 67,6 % i Midtjylland.');
    checkNumbers(hidden, a, lang);
  });

  it('leaves out a suppressed uptake per 1,000 eligible: the range covers the regions shown', () => {
    const a = structuredClone(analysis) as UptakeAnalysis;
    // Sjælland's 2024 uptake (the highest) and the whole country's hidden.
    for (const u of a.uptake.filter((x) => x.year === 2024 && (x.region === 'Sjælland' || x.region === 'national'))) Object.assign(u, { activations: 'suppressed', per1000: 'suppressed', ciLower: 'suppressed', ciUpper: 'suppressed' });
    const hidden = uptakeConclusion(uptakeTables(a, lang), a.budget.currency, lang);
    expect(hidden).not.toMatch(/47[.,]4|43[.,]9/);
    expect(hidden).toContain(lang === 'en'
      ? 'Uptake per 1,000 eligible in 2024, the latest full year, across the 4 regions whose figures are shown (not suppressed): from 39.4 in Nordjylland to 44.8 in Midtjylland.'
      : 'Optag pr. 1.000 patienter i målgruppen i 2024, det seneste hele år, i de fire regioner, hvis tal vises (ikke diskretionerede): fra 39,4 i Nordjylland til 44,8 i Midtjylland.');
    checkNumbers(hidden, a, lang);
  });

  it('says nothing of activation when every rate is suppressed', () => {
    const a = structuredClone(analysis) as UptakeAnalysis;
    for (const m of a.metrics.filter((x) => x.period === 'all' && x.dimension === 'all')) Object.assign(m, { activationRate: 'suppressed' });
    const hidden = uptakeConclusion(uptakeTables(a, lang), a.budget.currency, lang);
    expect(hidden).not.toMatch(/activated|aktiverede/);
    expect(hidden).toMatch(/^(Uptake per 1,000|Optag pr\. 1\.000)/);
  });
});

/**
 * A region's own publication (one region in the eligible file), or one whose units are a region's
 * municipalities (the plan's `totalName`), never calls its total the whole country: a regional
 * committee read "1.7 in the whole country" as a national figure (found in review, session 24).
 */
describe('the total of a region\'s own publication', () => {
  /** The bundled analysis cut to Sjælland: its rows, and a copy of them as the total. */
  function sjaellandOnly(): UptakeAnalysis {
    const a = structuredClone(analysis) as UptakeAnalysis;
    const only = <T extends { region: string }>(rows: T[]): T[] => {
      const own = rows.filter((r) => r.region === 'Sjælland');
      return [...own, ...own.map((r) => ({ ...r, region: 'national' }))];
    };
    a.metrics = only(a.metrics);
    a.uptake = only(a.uptake);
    a.budget = { ...a.budget, observed: only(a.budget.observed), projection: only(a.budget.projection) };
    return a;
  }

  it.each(['en', 'da'] as const)('names the one region in the conclusion (%s)', (lang) => {
    const a = sjaellandOnly();
    const text = uptakeConclusion(uptakeTables(a, lang), a.budget.currency, lang);
    expect(text).toContain(lang === 'en' ? 'the latest full year: 47.4 in Sjælland.' : 'det seneste hele år: 47,4 i Sjælland.');
    expect(text).not.toMatch(/whole country|hele landet/i);
  });

  it.each(['en', 'da'] as const)('names the plan\'s totalName in the conclusion, the tables and the charts, over several units (%s)', async (lang) => {
    const a = { ...(structuredClone(analysis) as UptakeAnalysis), totalName: 'Region Sjælland' };
    const tables = uptakeTables(a, lang);
    const text = uptakeConclusion(tables, a.budget.currency, lang);
    expect(text).toContain(lang === 'en' ? '43.9 in Region Sjælland, from 39.4 in Nordjylland' : '43,9 i Region Sjælland, fra 39,4 i Nordjylland');
    expect(tables.nationalLabel).toBe(lang === 'en' ? 'Total (Region Sjælland)' : 'I alt (Region Sjælland)');
    const { uptakeBudgetSpec } = await import('../../src/report/charts/uptake-budget.js');
    const { uptakeOverTimeSpec } = await import('../../src/report/charts/uptake-over-time.js');
    const charts = JSON.stringify([uptakeBudgetSpec(a.budget, { lang, totalName: a.totalName }), uptakeOverTimeSpec(a, { lang, measure: 'per1000' })]);
    expect(charts).toContain('Region Sjælland');
    expect(text + JSON.stringify(tables) + charts).not.toMatch(/whole country|hele landet/i);
  });
});

// A committee member read "Forventet, lavt optag" in the budget chart's legend, "Lav" in Tables
// 6–7 and "lavt scenarie" in the conclusion, and "indtil 30. december" in the chart's subtitle
// beside "til og med 30. december" in its legend: one name per scenario, one word for the date.
describe.each(['en', 'da'] as const)('the uptake page names each scenario and the export date one way (%s)', (lang) => {
  it('the projection table\'s scenarios are the budget legend\'s and the conclusion\'s; the subtitle says the date as the legend does', async () => {
    const { uptakeBudgetSpec } = await import('../../src/report/charts/uptake-budget.js');
    const tables = uptakeTables(analysis, lang);
    const scenarios = [...new Set(tables.projection.table!.rows.map((r) => r[1]!))];
    expect(scenarios).toHaveLength(3);
    const spec = uptakeBudgetSpec(analysis.budget, { lang, exportDate: analysis.exportDate });
    const legend = (spec as unknown as { encoding: { fill: { scale: { domain: string[] } } } }).encoding.fill.scale.domain.slice(1);
    const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
    // "Forventet, lavt optag" ends with the table's "Lavt optag", in the same order (low, base, high).
    legend.forEach((name, i) => expect(name.endsWith(`, ${lower(scenarios[i]!)}`), `${name} / ${scenarios[i]}`).toBe(true));
    const conclusion = uptakeConclusion(tables, analysis.budget.currency, lang);
    for (const s of [scenarios[0]!, scenarios[2]!]) expect(conclusion).toContain(`${lower(s)} `);
    // The sensitivity table's difference column names the base case as the projection table does
    // ("Forskel fra basisscenariet", not "fra basis").
    expect(tables.sensitivity.table!.header[3]!.toLowerCase()).toContain(scenarios[1]!.toLowerCase());
    const subtitle = JSON.stringify((spec as unknown as { title: { subtitle: unknown } }).title.subtitle);
    if (lang === 'da') {
      expect(subtitle).toContain('til og med');
      expect(subtitle).not.toContain('indtil');
    } else expect(subtitle).not.toMatch(/\buntil\b/);
  });
});
