/**
 * Qlik Sense's totals row (docs/input-registry.md "Total rows"): in Danish labelled "Totaler", on
 * top of the table, with Qlik's null "-" in every column it does not sum. It was read as four bad
 * values (region "-", clinic "-" with the "ukendt" advice, …) in the registry and as a bad year in
 * the eligible file; "Total" with "-" cells too, even with "-" declared in missingCodes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { readEligibleFile, readRegistryFile } from '../../src/uptake/read-registry.js';
import { isTotalRecord } from '../../src/uptake/total-rows.js';

const H = 'id;region;clinic;referred;activated;last_active;age;sex;referrer;Antal';
const row = (i: number) => `P${i};Region ${['Hovedstaden', 'Midtjylland'][i % 2]};K${i % 3};0${1 + (i % 9)}-03-2025;;;${40 + i};f;gp;1`;

describe('Qlik totals rows', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hta-qlik-totals-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('"Totaler" is a total word; "-" beside it, or a declared code, is an empty cell', () => {
    expect(isTotalRecord(['Totaler', '-', '-', '-', '20.000'])).toBe(true);
    expect(isTotalRecord(['Total', '-', 'NULL', '', '20.000'])).toBe(true);
    expect(isTotalRecord(['Total', 'x', '', '20.000'], ['x'])).toBe(true);
    // A text that is no empty cell keeps it from being one.
    expect(isTotalRecord(['Total', 'Hovedstaden', '', '20.000'])).toBe(false);
    expect(isTotalRecord(['Totaler', '--x', '20.000'])).toBe(false);
  });

  for (const word of ['Totaler', 'Total']) {
    it(`the registry's "${word};-;-;…" on line 2 is refused as one total row, not as bad values`, async () => {
      const file = join(dir, `registry-${word}.csv`);
      writeFileSync(file, [H, `${word};-;-;-;-;-;-;-;-;20`, ...Array.from({ length: 20 }, (_, i) => row(i))].join('\n') + '\n');
      const err = await readRegistryFile(file, { dateFormat: 'dd-mm-yyyy', missingCodes: ['-'], threads: 1 }).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(HtaError);
      const problems = (err as HtaError).problems;
      expect(problems.map((p) => [p.line, p.column, p.kind])).toEqual([[2, 1, 'total.row']]);
    }, 30_000);
  }

  it('the eligible file\'s "Totaler;-;N" is a total over every year, left out when it is the sum', () => {
    const file = join(dir, 'eligible.csv');
    writeFileSync(file, 'Region;År;Antal\nTotaler;-;400\nHovedstaden;2025;100\nMidtjylland;2025;150\nHovedstaden;2024;70\nMidtjylland;2024;80\n');
    const read = readEligibleFile(file, { columns: { year: 'År', eligible: 'Antal' } });
    expect(read.totals).toEqual([{ line: 2, label: 'Totaler', eligible: 400 }]);
    expect(read.rows).toHaveLength(4);
  });
});
