/**
 * Issue #15 point 4: the uptake page opens with a short generated conclusion — how many of every
 * 1,000 referred activated the app, the range across the regions, the gross app cost observed and
 * projected (src/report/uptake-conclusion.ts), en and da — read off the page's own tables, so a
 * suppressed count cannot appear in it. The bundled analysis is reports/uptake/results.json.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';
import { uptakeConclusion } from '../../src/report/uptake-conclusion.js';
import { uptakeTables } from '../../src/report/uptake-tables.js';

const analysis = JSON.parse(readFileSync('reports/uptake/results.json', 'utf8')) as UptakeAnalysis;

/** Every number in the text is printed in a table cell, or is "per 1,000 referred": a printed activation % × 10. */
function checkNumbers(text: string, a: UptakeAnalysis, lang: 'en' | 'da') {
  const tables = uptakeTables(a, lang);
  const cells = [tables.activation, tables.observed, tables.projection].flatMap((t) => t.table?.rows.flat() ?? []);
  const shown = new Set(cells.flatMap((c) => c.match(/\d[\d.,]*\d|\d/g) ?? []));
  const pct = (s: string) => Number(lang === 'da' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, ''));
  const per1000 = new Set(tables.activation.table!.rows.map((r) => /^[\d.,]+/.exec(r[3]!)?.[0]).filter((x): x is string => !!x).map((x) => String(Math.round(pct(x) * 10))));
  for (const n of (text.match(/\d[\d.,]*\d|\d/g) ?? []).map((x) => x.replace(/[.,]$/, ''))) {
    // "1,000" (per 1,000), the horizon's years and the count of regions are words of the sentence.
    if (['1,000', '1.000'].includes(n) || /^20\d\d$/.test(n) || /^\d$/.test(n)) continue;
    expect(shown.has(n) || per1000.has(n.replace(/[.,]/g, '')), `${n} in "${text}"`).toBe(true);
  }
}

describe.each(['en', 'da'] as const)('the uptake conclusion (%s)', (lang) => {
  const text = uptakeConclusion(uptakeTables(analysis, lang), analysis.budget.currency, lang);

  it('says per 1,000 referred, the regions\' range and the gross app cost in words', () => {
    expect(text).toBe(lang === 'en'
      ? 'Of every 1,000 patients referred, 663 activated the app (66.3%; whole export). Across the 5 regions with published figures: from 626 per 1,000 in Syddanmark to 687 in Sjælland. Gross app cost (the app\'s price only): observed 6,149 thousand DKK in 2024 and 9,768 thousand DKK in 2025 (so far); 44,915 thousand DKK projected over 2026–2028 in the base scenario (30,547 low, 66,280 high).'
      : 'Af hver 1.000 henviste patienter aktiverede 663 appen (66,3 %; hele eksporten). På tværs af de 5 regioner med offentliggjorte tal: fra 626 pr. 1.000 i Syddanmark til 687 i Sjælland. Bruttoudgiften til appen (kun appens pris): observeret 6.149 tusind DKK i 2024 og 9.768 tusind DKK i 2025 (indtil nu); 44.915 tusind DKK forventet over 2026–2028 i basisscenariet (30.547 lavt, 66.280 højt).');
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
    expect(hidden).not.toMatch(/Sjælland|687|68[.,]7|9[.,]768|indtil nu|so far/);
    expect(hidden).toContain(lang === 'en' ? 'Across the 4 regions with published figures: from 626 per 1,000 in Syddanmark to 676 in Midtjylland.' : 'På tværs af de 4 regioner med offentliggjorte tal: fra 626 pr. 1.000 i Syddanmark til 676 i Midtjylland.');
    checkNumbers(hidden, a, lang);
  });

  it('says nothing of activation when every rate is suppressed', () => {
    const a = structuredClone(analysis) as UptakeAnalysis;
    for (const m of a.metrics.filter((x) => x.period === 'all' && x.dimension === 'all')) Object.assign(m, { activationRate: 'suppressed' });
    const hidden = uptakeConclusion(uptakeTables(a, lang), a.budget.currency, lang);
    expect(hidden).not.toMatch(/1[.,]000 (patients|henviste)|regions|regioner/);
    expect(hidden).toMatch(/^(Gross app cost|Bruttoudgiften)/);
  });
});
