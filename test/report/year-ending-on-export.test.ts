/**
 * An export dated 31 December holds its year whole (counts are as of the export date, inclusive):
 * its year is a full year, not "2025 (so far)" / "(indtil nu)", in the observed budget
 * (`partialYear`), the tables, the per-1,000 chart and the conclusion's "latest full year"
 * (src/uptake/year-running.ts). The bundled analysis is dated 2025-12-30, one day short.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { uptakeOverTimeSpec } from '../../src/report/charts/uptake-over-time.js';
import { uptakeConclusion } from '../../src/report/uptake-conclusion.js';
import { uptakeTables } from '../../src/report/uptake-tables.js';
import { budgetImpact } from '../../src/uptake/budget-impact.js';
import { parseUptakePlan } from '../../src/uptake/uptake-plan.js';
import { yearRunning } from '../../src/uptake/year-running.js';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';

const bundled = JSON.parse(readFileSync('reports/uptake/results.json', 'utf8')) as UptakeAnalysis;

describe('a year ending on the export date', () => {
  it('is running up to 30 December and complete on 31 December (and a later year is not running)', () => {
    expect(yearRunning(2025, '2025-12-30')).toBe(true);
    expect(yearRunning(2025, '2025-01-01')).toBe(true);
    expect(yearRunning(2025, '2025-12-31')).toBe(false);
    expect(yearRunning(2024, '2025-06-30')).toBe(false);
  });

  it('budgetImpact marks the observed year partial only when the export ends before 31 December', () => {
    const plan = parseUptakePlan({ currency: 'DKK', priceModel: { mode: 'all-units', volumeScope: 'national', tiers: [{ upTo: null, price: 500 }] }, scenarios: { low: [0.1], base: [0.2], high: [0.3] }, firstYear: 2026 });
    const input = { plan, activationsByYear: [{ region: 'Hovedstaden' as const, year: 2025, activations: 7 }, { region: 'national' as const, year: 2025, activations: 7 }], eligible: [{ region: 'Hovedstaden' as const, year: 2025, eligible: 100 }] };
    expect(budgetImpact({ ...input, exportDate: '2025-12-30' }).observed.every((o) => o.partialYear)).toBe(true);
    expect(budgetImpact({ ...input, exportDate: '2025-12-31' }).observed.map((o) => o.partialYear)).toEqual([false, false]);
  });

  describe.each([['en', 'so far'], ['da', 'til og med 30. december']] as const)('the page (%s)', (lang, soFar) => {
    const dec31: UptakeAnalysis = { ...bundled, exportDate: '2025-12-31', budget: { ...bundled.budget, observed: bundled.budget.observed.map((o) => ({ ...o, partialYear: false })) } };

    it('labels 2025 plainly in the tables and on the chart axis; the day before, "so far"', () => {
      const years = (a: UptakeAnalysis) => [...uptakeTables(a, lang).uptake.table!.rows.map((r) => r[1]), ...uptakeTables(a, lang).observed.table!.rows.map((r) => r[1]), ...(uptakeOverTimeSpec(a, { measure: 'per1000', lang }) as unknown as { encoding: { x: { sort: string[] } } }).encoding.x.sort];
      expect(years(bundled)).toContain(`2025 (${soFar})`);
      expect(years(dec31)).toContain('2025');
      expect(years(dec31).join(' ')).not.toContain(soFar);
    });

    it('the conclusion takes 2025 as the latest full year', () => {
      const uptakeSentence = (a: UptakeAnalysis) => uptakeConclusion(uptakeTables(a, lang), a.budget.currency, lang).split(/(?<=\.) /).find((s) => /1[.,]000/.test(s)) ?? '';
      expect(uptakeSentence(bundled)).toContain('2024');
      expect(uptakeSentence(dec31)).toContain('2025');
    });
  });
});
