/**
 * Ids Excel rounded into scientific notation (`1,00000E+11` on every row) are refused as what they
 * are, in a bounded message (line ranges and a few lines, never every line); and a repeated id on
 * many rows is named so in the appended-cuts refusal too (docs/input-registry.md "Repeated rows and ids").
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { readRegistryFile } from '../../src/uptake/read-registry.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const HEADER = 'id,region,clinic,referred,activated,last_active,age,sex,referrer';
/** `n` referrals of one id, each with its own last-active date (what two cuts appended look like). */
const rows = (id: string, n: number) => Array.from({ length: n }, (_, i) => `${id},Hovedstaden,H1,2025-01-10,2025-01-12,2025-${String(2 + (i % 10)).padStart(2, '0')}-${String(1 + Math.floor(i / 10)).padStart(2, '0')},50,f,gp`);

async function refusal(lines: string[]): Promise<HtaError> {
  const f = join(tempDir(), 'udtræk.csv');
  writeFileSync(f, [HEADER, ...lines].join('\n') + '\n');
  const e = await readRegistryFile(f).catch((err: unknown) => err);
  expect(e).toBeInstanceOf(HtaError);
  return e as HtaError;
}

describe('ids in scientific notation', () => {
  it('are refused as Excel\'s rounded numbers, in a message of bounded length', async () => {
    const e = await refusal(rows('"1,00000E+11"', 200));
    expect(e.message).toContain("the patient ids look like Excel's scientific notation");
    expect(e.message).toContain('lines 2, 3, 4, … (200 in all: 2–201)');
    expect(e.problems[0]!.expected).toContain('set the id column\'s type to Text');
    expect(e.message.length + e.problems.map((p) => p.expected ?? '').join('').length).toBeLessThan(1500);
  });

  it('written 1.23e+08 (lower-case e) are named as Stata writes a float or %9.0g id, with what to do in Stata', async () => {
    const e = await refusal(rows('1.23e+08', 30));
    expect(e.message).toContain('the patient ids are numbers in scientific notation as Stata writes them (d.dde+nn: an id stored as float, or shown with a %9.0g format)');
    expect(e.problems[0]!.expected).toContain('an id stored as float keeps only about 7 digits — the digits beyond are already lost in the data');
    expect(e.problems[0]!.expected).toContain('format id %12.0f');
    // Excel's upper-case E stays Excel's.
    expect((await refusal(rows('1.23E+08', 30))).message).toContain("look like Excel's scientific notation");
  });

  it('a hexadecimal pseudonym that reads like a number with an exponent (3e914257) is an id, not Excel\'s notation', async () => {
    // Every repeated id so shaped: one patient referred twice, on other dates.
    const two = [0, 1].map((i) => `3e914257,Hovedstaden,H1,2025-0${1 + 3 * i}-10,2025-0${1 + 3 * i}-12,2025-0${2 + 3 * i}-01,50,f,gp`);
    const f = join(tempDir(), 'udtræk.csv');
    writeFileSync(f, [HEADER, ...two, ...rows('P000001', 1)].join('\n') + '\n');
    await expect(readRegistryFile(f)).resolves.toBeDefined();
  });

  it('an id on many rows in two cuts appended is named by a few lines and ranges, not every line', async () => {
    const e = await refusal(rows('P000123', 200));
    expect(e.message).toContain('looks like two exports of the registry appended');
    expect(e.message).not.toContain('scientific');
    expect(e.message).toContain('lines 2, 3, 4, … (200 in all: 2–201)');
    const text = e.message + e.problems.map((p) => p.expected ?? '').join('');
    expect(text).not.toContain('100, 101');
    expect(text.length).toBeLessThan(2500);
  });
});
