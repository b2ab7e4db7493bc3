/**
 * One definition of an empty cell (src/uptake/missing-cells.ts, docs/input-registry.md "Empty
 * cells"): the defaults in any case everywhere, the plan's codes as written — and a plan code that
 * is a number (`99`, meant for sex) is a value in a column of numbers.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isEmptyCell, missingCodesOf } from '../../src/uptake/missing-cells.js';
import { readEligibleFile } from '../../src/uptake/read-registry.js';
import { referralFieldSchemas } from '../../src/uptake/referral.js';
import { regionSet } from '../../src/uptake/regions.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

describe('an empty cell', () => {
  it('is "", NULL, (null), NA or . in any case, or a plan code as written', () => {
    const codes = missingCodesOf(['-', 'Ukendt']);
    for (const v of ['', 'NULL', 'null', 'Null', '(null)', '(NULL)', 'NA', 'na', '.', '-', 'Ukendt']) expect(isEmptyCell(v, codes), v).toBe(true);
    for (const v of ['ukendt', 'N/A', '0', 'Nordjylland']) expect(isEmptyCell(v, codes), v).toBe(false);
  });

  it('a plan code that is a number (99 for sex) leaves the age 99 a value; NA and . are an unknown age', () => {
    const schemas = referralFieldSchemas({ regions: regionSet(['Hovedstaden']), missingCodes: missingCodesOf(['99', '-']) });
    expect(schemas.age.parse('99')).toBe(99);
    expect(schemas.age.parse('NA')).toBeNull();
    expect(schemas.age.parse('.')).toBeNull();
    expect(schemas.age.parse('-')).toBeNull();
    expect(schemas.sex.parse('99')).toBe(schemas.sex.parse(''));
  });

  it('a plan code that is a number is a count in the eligible file, and the region cell may hold it', () => {
    const file = join(tempDir(), 'eligible.csv');
    writeFileSync(file, 'region;year;eligible\nHovedstaden;2024;99\nSjælland;2024;120\n');
    const read = readEligibleFile(file, { missingCodes: ['99'] });
    expect(read.rows).toEqual([{ region: 'Hovedstaden', year: 2024, eligible: 99 }, { region: 'Sjælland', year: 2024, eligible: 120 }]);
  });

});
