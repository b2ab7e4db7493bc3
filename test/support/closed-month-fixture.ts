import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runUptake } from '../../src/uptake/run-uptake.js';
import { parseUptakePlan } from '../../src/uptake/uptake-plan.js';
import { registryRowsAsOf } from './registry-as-of.js';

/**
 * The closed-month fixture (test/uptake/fixtures/closed-month/): a Region Syddanmark export of
 * 30 November 2025, and the export of 31 October cut from it — the two monthly publications of
 * docs/disclosure-control.md "A corrected closed month and the running totals".
 */
export const SYD = 'Syddanmark';
export const [HEADER, ...NOVEMBER] = readFileSync(join(import.meta.dirname, '../uptake/fixtures/closed-month/registry-2025-11-30.csv'), 'utf8').trim().split('\n') as [string, ...string[]];
/** The export of 31 October: rows referred by then, activation and last activity censored there. */
export const OCTOBER = registryRowsAsOf(NOVEMBER, '2025-10-31');

/** The uptake plan both publications use: threshold 5, no clinics or equity breakdowns; months as asked. */
export const closedMonthPlan = (exportDate: string, months = true) => ({
  currency: 'DKK',
  priceModel: { mode: 'all-units', volumeScope: 'national', tiers: [{ upTo: 2000, price: 1500 }, { upTo: null, price: 1200 }] },
  scenarios: { low: [0.02], base: [0.05], high: [0.08] },
  firstYear: 2026,
  suppression: { threshold: 5 },
  exportDate,
  publish: { months, clinics: false, equity: [] },
});

/** The eligible file both publications use: Syddanmark, 26,000 a year. */
export const CLOSED_MONTH_ELIGIBLE = ['region,year,eligible', ...[2024, 2025, 2026].map((y) => `${SYD},${y},26000`)].join('\n') + '\n';

let october: Promise<string> | undefined;
/**
 * P1, the publication of 31 October with months (its `--json` analysis, as text): the first of
 * the monthly publications of both closed-month test files, computed once per test worker (the
 * files share a module graph) and written by each into its own folder.
 */
export function octoberPublication(): Promise<string> {
  october ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hta-test-'));
    try {
      const registryFile = join(dir, 'P1.csv'), eligibleFile = join(dir, 'elig.csv');
      writeFileSync(registryFile, [HEADER, ...OCTOBER].join('\n') + '\n');
      writeFileSync(eligibleFile, CLOSED_MONTH_ELIGIBLE);
      const run = await runUptake({ registryFile, eligibleFile, plan: parseUptakePlan(closedMonthPlan('2025-10-31')) });
      return JSON.stringify(run.analysis, null, 2) + '\n';
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return october;
}
