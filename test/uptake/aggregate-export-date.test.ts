/**
 * The aggregate tables' export date written as the registry's dates are (docs/uptake-aggregates.md):
 * a SAS job writing its tables with DATE9. writes `30NOV2025`. Until 5 December 2026 it was
 * refused as "expected a YYYY-MM-DD date" even with the plan's "dateFormat": "ddmonyyyy".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HtaError } from '../../src/errors.js';
import { readAggregateTables } from '../../src/uptake/engine/read-aggregate-tables.js';
import { regionSet } from '../../src/uptake/regions.js';
import { tempDir } from '../support/run-cli.js';

const regions = regionSet(['Syddanmark']);

function tables(exportDate: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'uptake_cells.csv'), 'region,ref_year,ref_month,age_band,sex,referrer,delay_days,referrals,activations,at_risk_4w,retained_4w,at_risk_12w,retained_12w\n,,,,,,,10,0,0,0,0,0\nSyddanmark,,,,,,,10,0,0,0,0,0\n');
  writeFileSync(join(dir, 'uptake_clinics.csv'), 'region,clinic,referrals,activations\nSyddanmark,A,10,0\n');
  writeFileSync(join(dir, 'uptake_activation_years.csv'), 'region,act_year,activations\n');
  writeFileSync(join(dir, 'uptake_totals.csv'), `export_date,referrals\n${exportDate},10\n`);
  return dir;
}
const failure = (fn: () => unknown) => { try { fn(); } catch (e) { return e as HtaError; } throw new Error('expected a refusal'); };

describe('the export date of the aggregate tables', () => {
  it('is read in the plan\'s dateFormat (30NOV2025, 20251130) as well as ISO, and kept as ISO', () => {
    expect(readAggregateTables([tables('30NOV2025')], regions, 'ddmonyyyy').totals[0]?.exportDate).toBe('2025-11-30');
    expect(readAggregateTables([tables('20251130')], regions, 'yyyymmdd').totals[0]?.exportDate).toBe('2025-11-30');
    expect(readAggregateTables([tables('2025-11-30')], regions, 'ddmonyyyy').totals[0]?.exportDate).toBe('2025-11-30');
    // Under auto: a text whose format the one cell tells.
    expect(readAggregateTables([tables('30nov2025')], regions, 'auto').totals[0]?.exportDate).toBe('2025-11-30');
  });

  it('a day number under auto is a SAS date or an Excel serial by the plan\'s date window; both inside are refused naming both', () => {
    const window = { from: 10957, to: 20422 }; // 2000-01-01 – 2025-11-30, the plan's exportDate
    // 24075: 2025-11-30 as a SAS date, 1965-11-29 as an Excel serial (it was read so).
    expect(readAggregateTables([tables('24075')], regions, 'auto', window).totals[0]?.exportDate).toBe('2025-11-30');
    expect(readAggregateTables([tables('45991')], regions, 'auto', window).totals[0]?.exportDate).toBe('2025-11-30');
    const both = failure(() => readAggregateTables([tables('24075')], regions, 'auto', { from: -3653, to: 20422 })).problems[0];
    expect(both).toMatchObject({ field: 'export_date', value: '24075', expected: expect.stringContaining('as Excel serials (days since 1899-12-30) they are 1965-11-29, as SAS dates (days since 1960-01-01) 2025-11-30') });
  });

  it('a two-digit year is read in the century of the plan\'s date window, not against the day of the run', () => {
    // 30NOV99 (DATE7.): with a window 1950-01-01 – 2049-12-31 it is 1999; with the default window (from 2000, no end) 2099.
    expect(readAggregateTables([tables('30NOV99')], regions, 'auto', { from: -7305, to: 29219 }).totals[0]?.exportDate).toBe('1999-11-30');
    expect(readAggregateTables([tables('30NOV99')], regions, 'ddmonyyyy', { from: -7305, to: 29219 }).totals[0]?.exportDate).toBe('1999-11-30');
    expect(readAggregateTables([tables('30-11-99')], regions, 'dd-mm-yy').totals[0]?.exportDate).toBe('2099-11-30');
  });

  it('a date in another format is refused naming the plan\'s format, or how to set one', () => {
    expect(failure(() => readAggregateTables([tables('30NOV2025')], regions, 'dd-mm-yyyy')).problems[0]).toMatchObject({ field: 'export_date', value: '30NOV2025', expected: expect.stringContaining('as the plan\'s "dateFormat" (dd-mm-yyyy) says, or YYYY-MM-DD') });
    expect(failure(() => readAggregateTables([tables('30NOV2025')], regions)).problems[0]).toMatchObject({ expected: 'a YYYY-MM-DD date (or a date in the registry\'s format: set the plan\'s "dateFormat")' });
  });
});
