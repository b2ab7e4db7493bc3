/**
 * Eligible files as SAS and Stata write tables (docs/input-registry.md "The eligible file"):
 * PROC TABULATE's header over several lines (ODS CSV) was refused as "column 3 has no name";
 * PROC FREQ's `Frequency` column was not drafted as the count; Stata's reshape wide
 * (`antal2024`) was refused as lacking columns. Until 5 December 2026.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { eligibleColumnsFor, readEligibleFile } from '../../src/uptake/read-registry.js';
import { tempDir } from '../support/run-cli.js';

const write = (text: string) => {
  const file = join(tempDir(), 'eligible.csv');
  writeFileSync(file, text);
  return file;
};
const refusal = (file: string) => { try { readEligibleFile(file); } catch (e) { if (e instanceof HtaError) return e; throw e; } throw new Error('expected a refusal'); };
const ROWS = '"Hovedstaden",37272,37691\n"Sjælland",16000,16100\n';

describe('eligible files as SAS and Stata write tables', () => {
  it('a PROC TABULATE header over lines 1–4 is named so, with the line to keep as the header', () => {
    const err = refusal(write(`"","Aar",""\n"","2024","2025"\n"","N","N"\n"Region","",""\n${ROWS}`));
    expect(err.message).toContain('its header is spread over lines 1–4, as SAS PROC TABULATE writes a table through ODS CSV (the years on line 2)');
    expect(err.problems[0]).toMatchObject({ line: 2, expected: expect.stringContaining('keep line 2 (the years) as the header with its first cell named "Region" (Region,2024,2025: read as years as columns) and delete lines 1, 3, 4') });
    // Years on line 1 with the statistic line under them.
    expect(refusal(write(`"","2024","2025"\n"","N","N"\n${ROWS}`)).problems[0]).toMatchObject({ line: 1, expected: expect.stringContaining('delete line 2;') });
    // The header it advises is read: years as columns.
    expect(readEligibleFile(write(`Region,2024,2025\n${ROWS}`)).rows).toHaveLength(4);
    // A plain table with years as columns (its top-left cell empty) is read as before.
    expect(readEligibleFile(write(`"","2024","2025"\n${ROWS}`)).rows).toHaveLength(4);
  });

  it('PROC FREQ\'s Frequency is the count, as COUNT is', () => {
    expect(eligibleColumnsFor(['Aar', 'Region', 'Frequency', 'Percent', 'Cumulative Frequency', 'Cumulative Percent'])).toEqual({ year: 'Aar', eligible: 'Frequency' });
  });

  it('Stata\'s reshape wide (antal2024, antal2025) is named so, with the reshape long that makes it one row per region and year', () => {
    const err = refusal(write('region,antal2024,antal2025\nHovedstaden,37272,37691\n'));
    expect(err.message).toBe(`${join(err.problems[0]!.file)} holds the years as columns named by "antal" and the year (antal2024, antal2025), as Stata's reshape wide writes them`);
    expect(err.problems[0]!.expected).toContain('in Stata: reshape long antal, i(region) j(year), then export delimited');
  });
});
