import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRegistry, readEligible } from '../../src/uptake/read-registry.js';
import { HtaError, formatProblem } from '../../src/errors.js';
import { tempDir } from '../support/run-cli.js';

const fx = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

async function problemsOf(file: string, options = {}) {
  try {
    await readRegistry(file, options);
  } catch (err) {
    expect(err).toBeInstanceOf(HtaError);
    const e = err as HtaError;
    expect(e.code).toBe('input.invalid');
    expect(e.exitCode).toBe(2);
    return e.problems;
  }
  throw new Error('expected the read to fail');
}

describe('readRegistry: bad rows', () => {
  it('reports unknown region, activation before referral, impossible date and last_active before activation with line and column', async () => {
    const file = fx('registry-bad.csv');
    const problems = await problemsOf(file);
    expect(problems.map((p) => [p.line, p.column, p.field, p.value])).toEqual([
      [3, 2, 'region', 'Fyn'],
      [4, 5, 'activated', '2024-02-01'],
      [5, 4, 'referred', '2024-02-30'],
      [6, 6, 'last_active', '2024-03-04'],
    ]);
    expect(formatProblem(problems[0]!)).toBe(
      `${file}:3:2 (region): "Fyn" — expected one of Hovedstaden, Midtjylland, Syddanmark, Sjælland, Nordjylland, optionally written "Region …"; map other spellings with the uptake plan's "regions"`,
    );
    expect(problems[1]!.expected).toBe('an activation on or after the referral date 2024-02-10');
  });

  it('rejects non-ISO and impossible dates, odd values and short records', async () => {
    const dir = tempDir();
    const file = join(dir, 'r.csv');
    writeFileSync(file, [
      'ID;Region;Clinic;Referred;Activated;Last_Active;Age;Sex;Referrer',
      'a;Sjælland;Z1;05-01-2024;;;30;f;gp',
      'b;SJÆLLAND;Z1;2023-02-29;;;30;f;gp',
      'c;Region Sjælland;Z1;2024-01-01;;;abc;x;dentist',
      'd;Sjælland;Z1;2024-01-01;;',
      'e;Nordjylland;N1;2024-01-01;;2024-02-01;40;m;gp',
    ].join('\r\n'));
    const problems = await problemsOf(file);
    // Problems name the column as the file writes it.
    expect(problems.map((p) => [p.line, p.column, p.field])).toEqual([
      [2, 4, 'Referred'],
      [3, 4, 'Referred'],
      [4, 7, 'Age'],
      [4, 8, 'Sex'],
      [4, 9, 'Referrer'],
      [5, undefined, undefined],
      [6, 6, 'Last_Active'],
    ]);
  });

  it('counts blank lines and quoted line breaks when numbering lines', async () => {
    const dir = tempDir();
    const file = join(dir, 'r.csv');
    writeFileSync(file, [
      'id,region,clinic,referred,activated,last_active,age,sex,referrer',
      'a,Hovedstaden,H1,2024-01-01,,,30,f,gp',
      '',
      '"b',
      'c",Fyn,H1,2024-01-01,,,30,f,gp',
      'd,Fyn,H1,2024-01-01,,,30,f,gp',
      '',
    ].join('\r\n'));
    const problems = await problemsOf(file);
    expect(problems.map((p) => [p.line, p.column])).toEqual([[4, 2], [6, 2]]);
  });

  it('rejects sex and referrer values that are only names of object properties ("constructor", "toString")', async () => {
    const dir = tempDir();
    const file = join(dir, 'r.csv');
    writeFileSync(file, [
      'id,region,clinic,referred,activated,last_active,age,sex,referrer',
      'a,Hovedstaden,H1,2024-01-01,,,30,constructor,gp',
      'b,Hovedstaden,H1,2024-01-01,,,30,f,toString',
      'c,Hovedstaden,H1,2024-01-01,,,30,__proto__,hasOwnProperty',
    ].join('\n'));
    const problems = await problemsOf(file);
    expect(problems.map((p) => [p.line, p.field, p.value])).toEqual([
      [2, 'sex', 'constructor'], [3, 'referrer', 'toString'], [4, 'sex', '__proto__'], [4, 'referrer', 'hasOwnProperty'],
    ]);
  });

  it('names missing columns and dates after an explicit export date', async () => {
    const dir = tempDir();
    const file = join(dir, 'r.csv');
    writeFileSync(file, 'id,region,clinic,referred\n1,Hovedstaden,H1,2024-01-01\n');
    const missing = await problemsOf(file);
    expect(missing.map((p) => p.field)).toEqual(['activated', 'last_active', 'age', 'sex', 'referrer']);
    const late = await problemsOf(fx('registry-small.csv'), { exportDate: '2024-05-31' });
    expect(late.map((p) => p.line)).toEqual([5, 9]); // P04 last_active 2024-06-01, P08 2024-05-15…
  });

  it('stops listing at 50 problems but counts them all', async () => {
    const dir = tempDir();
    const file = join(dir, 'r.csv');
    const lines = ['id,region,clinic,referred,activated,last_active,age,sex,referrer'];
    for (let i = 0; i < 80; i++) lines.push(`${i},Fyn,F1,2024-01-01,,,40,f,gp`);
    writeFileSync(file, lines.join('\n'));
    try {
      await readRegistry(file);
    } catch (err) {
      expect((err as HtaError).problems).toHaveLength(50);
      expect((err as HtaError).message).toContain('80 invalid value(s)');
    }
  });

  it('a missing file is input.unreadable', async () => {
    await expect(readRegistry('/nonexistent/registry.csv')).rejects.toMatchObject({ code: 'input.unreadable' });
  });
});

describe('readEligible', () => {
  it('reads region, year, eligible', () => {
    expect(readEligible(fx('eligible-small.csv'))[3]).toEqual({ region: 'Sjælland', year: 2024, eligible: 500 });
  });
});

describe('readRegistry: malformed CSV', () => {
  it('an unclosed quote is input.invalid with the line', async () => {
    const dir = tempDir();
    const file = join(dir, 'r.csv');
    writeFileSync(file, 'id,region,clinic,referred,activated,last_active,age,sex,referrer\na,Hovedstaden,H1,2024-01-01,,,30,f,gp\n"b,Hovedstaden,H1,2024-01-01,,,30,f,gp\n');
    await expect(readRegistry(file)).rejects.toMatchObject({ code: 'input.invalid', exitCode: 2 });
  });
  it('reads tab-separated exports', async () => {
    const dir = tempDir();
    const file = join(dir, 'r.tsv');
    writeFileSync(file, 'id\tregion\tclinic\treferred\tactivated\tlast_active\tage\tsex\treferrer\na\tNordjylland\tN1\t2024-01-01\t2024-01-02\t2024-03-01\t30\tm\tchiro\n');
    const agg = await readRegistry(file);
    expect(agg.clinics).toEqual([{ clinic: 'N1', region: 'Nordjylland', referrals: 1, activations: 1 }]);
  });
});
