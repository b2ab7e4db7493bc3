import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The closed-month fixture (test/uptake/fixtures/closed-month/): a Region Syddanmark export of
 * 30 November 2025, and the export of 31 October cut from it — the two monthly publications of
 * docs/disclosure-control.md "A corrected closed month and the running totals".
 */
export const SYD = 'Syddanmark';
export const [HEADER, ...NOVEMBER] = readFileSync(join(import.meta.dirname, '../uptake/fixtures/closed-month/registry-2025-11-30.csv'), 'utf8').trim().split('\n') as [string, ...string[]];
/** The export of 31 October: rows referred by then, activation and last activity censored there. */
export const OCTOBER = NOVEMBER.flatMap((line) => {
  const f = line.split(',');
  if (f[3]! > '2025-10-31') return [];
  if (f[4]! > '2025-10-31') f[4] = f[5] = '';
  if (f[5]! > '2025-10-31') f[5] = '2025-10-31';
  return [f.join(',')];
});

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
