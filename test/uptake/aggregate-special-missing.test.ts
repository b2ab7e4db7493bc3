/**
 * SAS/Stata special missing values in the aggregate tables' key columns (docs/uptake-aggregates.md
 * "The aggregate tables"). Until 5 December 2026 `.A` in region, sex or age_band was read as an
 * empty cell — "all", a total row — so a group the tables' SQL did not write was summed into the
 * totals. Refused now, naming the cell; an empty cell and `.` stay "all".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HtaError } from '../../src/errors.js';
import { readAggregateTables } from '../../src/uptake/engine/read-aggregate-tables.js';
import { regionSet } from '../../src/uptake/regions.js';
import { tempDir } from '../support/run-cli.js';

const regions = regionSet(['Syddanmark']);
const CELLS = 'region,ref_year,ref_month,age_band,sex,referrer,delay_days,referrals,activations,at_risk_4w,retained_4w,at_risk_12w,retained_12w';

/** Tables whose uptake_cells hold a national and a regional total and `row` (a breakdown row). */
function tables(row: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'uptake_cells.csv'), `${CELLS}\n,,,,,,,10,0,0,0,0,0\nSyddanmark,,,,,,,10,0,0,0,0,0\n${row}\n`);
  writeFileSync(join(dir, 'uptake_clinics.csv'), 'region,clinic,referrals,activations\nSyddanmark,A,10,0\n');
  writeFileSync(join(dir, 'uptake_activation_years.csv'), 'region,act_year,activations\n');
  writeFileSync(join(dir, 'uptake_totals.csv'), 'export_date,referrals\n2025-11-30,10\n');
  return dir;
}
const failure = (fn: () => unknown) => { try { fn(); } catch (e) { return e as HtaError; } throw new Error('expected a refusal'); };

describe('special missing values in the aggregate key columns', () => {
  it('.A in region, sex or age_band is refused naming the cell, not read as "all"', () => {
    for (const [row, field] of [
      ['.A,,,,,,,4,0,0,0,0,0', 'region'],
      ['Syddanmark,,,,.A,,,4,0,0,0,0,0', 'sex'],
      ['Syddanmark,,,.z,,,,4,0,0,0,0,0', 'age_band'],
      ['Syddanmark,.B,,,,,,4,0,0,0,0,0', 'ref_year'],
    ] as const) {
      const err = failure(() => readAggregateTables([tables(row)], regions));
      expect(err.problems).toHaveLength(1);
      expect(err.problems[0]).toMatchObject({ field, line: 4, expected: expect.stringContaining('is a SAS/Stata special missing value, not the empty cell of a total row ("all")') });
    }
  });

  it('an empty cell, NULL and . stay "all"; sex unknown is a level', () => {
    const read = readAggregateTables([tables('Syddanmark,.,NULL,,unknown,,,4,0,0,0,0,0')], regions);
    expect(read.cells.at(-1)).toMatchObject({ region: 'Syddanmark', refYear: null, refMonth: null, sex: 'unknown', referrals: 4 });
  });
});
