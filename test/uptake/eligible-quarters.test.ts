/**
 * An eligible file of counts per quarter is refused saying that eligible counts are per year and
 * how a year's count follows from quarters — not "lacks denominator columns … expected a column
 * named "year"" (docs/input-registry.md "The eligible file").
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isQuarter } from '../../src/uptake/eligible-quarters.js';
import { readEligibleFile } from '../../src/uptake/read-registry.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

function file(lines: string[]): string {
  const path = join(tempDir(), 'eligible.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** The error of a refused read. */
function errorOf(read: () => unknown): { message: string; problems: { line?: number; value?: string; expected: string }[] } {
  try {
    read();
  } catch (err) {
    return err as ReturnType<typeof errorOf>;
  }
  throw new Error('read, not refused');
}

const SUM_ADVICE = "if each quarter counts other people (those newly eligible in it), a year's count is the sum of all four of its quarters; if every quarter counts the same population, their sum counts it four times";

describe('an eligible file of counts per quarter', () => {
  it('quarters as columns (Region;2025-K1;…): one problem saying counts are per year, and when the quarters add up to one', () => {
    const f = file(['Region;2025-K1;2025-K2;2025-K3;2025-K4', 'Hovedstaden;10.000;10.100;10.200;10.300']);
    const err = errorOf(() => readEligibleFile(f));
    expect(err.message).toBe(`${f} has counts per quarter: quarters as columns (2025-K1, 2025-K2, 2025-K3, 2025-K4)`);
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]!.expected).toMatch(/^one count per region and year, not per quarter \(/);
    expect(err.problems[0]!.expected).toContain(SUM_ADVICE);
    expect(err.problems[0]!.expected).not.toContain('a column named "year"');
  });

  it('a Kvartal column: the same, with or without the plan naming the columns', () => {
    const f = file(['Region;Kvartal;Antal', 'Hovedstaden;2024-K1;10.000']);
    for (const options of [{}, { columns: { year: 'År', eligible: 'Antal' } }]) {
      const err = errorOf(() => readEligibleFile(f, options));
      expect(err.message).toBe(`${f} has counts per quarter: a column of quarters ("Kvartal")`);
      expect(err.problems[0]!.expected).toContain(SUM_ADVICE);
    }
  });

  it('a Kvartal column beside the region, year and count columns: refused too (one quarter per year was read as the year\'s count)', () => {
    const f = file(['Region;År;Kvartal;Antal', 'Hovedstaden;2025;1;100', 'Midtjylland;2025;1;80']);
    const err = errorOf(() => readEligibleFile(f, { columns: { year: 'År', eligible: 'Antal' } }));
    expect(err.message).toBe(`${f} has counts per quarter: a column of quarters ("Kvartal")`);
    expect(err.problems[0]!.expected).toContain(SUM_ADVICE);
    const g = file(['region;year;quarter;eligible', 'Hovedstaden;2025;1;100']);
    expect(errorOf(() => readEligibleFile(g)).message).toBe(`${g} has counts per quarter: a column of quarters ("quarter")`);
  });

  it('quarters in the year column (2024-K1): each cell refused as no year, saying counts are per year', () => {
    const f = file(['Region;År;Antal', 'Hovedstaden;2024-K1;10.000', 'Midtjylland;2024;7.000']);
    const err = errorOf(() => readEligibleFile(f, { columns: { year: 'År', eligible: 'Antal' } }));
    expect(err.problems).toEqual([expect.objectContaining({ line: 2, value: '2024-K1', expected: expect.stringMatching(/^a four-digit year: eligible counts are per year, not per quarter — if each quarter/) })]);
  });

  it('a year cell that is no quarter keeps its plain message', () => {
    const err = errorOf(() => readEligibleFile(file(['Region;År;Antal', 'Hovedstaden;2024x;10.000']), { columns: { year: 'År', eligible: 'Antal' } }));
    expect(err.problems[0]!.expected).toBe('a four-digit year');
  });

  it('quarters as written in Danish and English tables; years, regions and months are none', () => {
    for (const q of ['2025-K1', '2025K4', '2025 Q2', '2025-kvt. 3', 'K1 2025', 'Q1-2025', '1. kvt. 2025', '4. kvartal 2025']) expect(isQuarter(q), q).toBe(true);
    for (const t of ['2025', 'Region', '2025-K5', '2025-01', 'K1', 'Hovedstaden', '2025-Q']) expect(isQuarter(t), t).toBe(false);
  });
});
