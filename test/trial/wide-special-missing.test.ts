/**
 * Stata's extended missing values (`.a`–`.z`) in a wide export are empty cells, as `.` and `NA`
 * are (docs/input-trial-export.md#special-missing), also where the wide reader decides whether a
 * visit happened and whether a line is an unused randomisation slot (wide-to-long.ts). An explorer
 * found 271 patient-visits for a Stata file where the same data with `.` gave 262 (each `.a`
 * follow-up made a visit row "with a value"), and a slot `P141,,.a,,.a,.a` refused for its
 * empty arm where `P141,,.,,.,.` is read past. The run's note still counts every such cell.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const FIXTURE = 'test/fixtures/stata-wide';
const stata = readFileSync(`${FIXTURE}/trial.csv`, 'utf8');
/** The same export with a plain `.` for every extended missing value. */
const dots = stata.replace(/(^|,)\.[a-z](?=,|$)/gm, '$1.');

async function validate(text: string) {
  const dir = tempDir();
  writeFileSync(join(dir, 'trial.csv'), text);
  return runCli('validate', join(dir, 'trial.csv'), '--plan', `${FIXTURE}/plan.json`, '--json');
}

describe('Stata .a–.z in a wide export', () => {
  it('the fixture holds them, and the dotted copy none', () => {
    expect(stata.match(/,\.[a-z](?=,|\n)/g)).toHaveLength(11);
    expect(dots).not.toMatch(/\.[a-z]\b/);
  });

  it('count the same patient-visits as `.` (a follow-up of only .a is no visit row)', async () => {
    const [a, b] = [await validate(stata), await validate(dots)];
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const rows = (r: { stdout: string }) => JSON.parse(r.stdout).rows as number;
    expect(rows(b)).toBe(262);
    expect(rows(a)).toBe(262);
    // Every extended missing value is still counted in the note, the follow-ups left out too.
    expect(a.stderr).toContain('11 cells written as SAS/Stata special missing values (.a, .b, .r) read as missing');
  });

  it('an unused randomisation slot written with .a is read past, as one written with `.`', async () => {
    const slotA = await validate(`${stata.trimEnd()}\nP141,,.a,,.a,.a\n`);
    const slotDot = await validate(`${stata.trimEnd()}\nP141,,.,,.,.\n`);
    expect(slotDot.code, slotDot.stderr).toBe(0);
    expect(slotA.code, slotA.stderr).toBe(0);
    expect(JSON.parse(slotA.stdout).rows).toBe(JSON.parse(slotDot.stdout).rows);
    expect(JSON.parse(slotA.stdout).patients).toEqual(JSON.parse(slotDot.stdout).patients);
  });
});
