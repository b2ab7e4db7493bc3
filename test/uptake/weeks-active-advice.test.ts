/**
 * An export with a count of weeks (or days) of use in place of a last-active date ("Uger aktiv",
 * as GP-side app dashboards give it) is refused at the missing last_active column with how to
 * derive the date (docs/input-registry.md "last_active"); without such a column, no advice.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { readRegistryFile } from '../../src/uptake/read-registry.js';

describe('a weeks-active column instead of last_active', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hta-weeks-active-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const refused = async (header: string) => {
    const file = join(dir, 'r.csv');
    writeFileSync(file, `${header}\na1,Hovedstaden,K1,2024-01-05,2024-01-08,3,25,f,gp\n`);
    const err = await readRegistryFile(file, { threads: 1 }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(HtaError);
    const p = (err as HtaError).problems.find((x) => x.field === 'last_active')!;
    expect(p.line).toBe(1);
    return p.expected;
  };

  it('names the weeks column and the date to derive from it', async () => {
    const expected = await refused('id,region,clinic,referred,activated,Uger aktiv,age,sex,referrer');
    expect(expected).toContain('"Uger aktiv" is a count of weeks, not a date: if it counts the weeks of use from activation, add a column "Sidst aktiv" = the activation date + 7 × "Uger aktiv"');
    expect(expected).toContain('name it in columns.registry.last_active');
  });

  it('a days column: the date plus the days', async () => {
    expect(await refused('id,region,clinic,referred,activated,Days active,age,sex,referrer')).toContain('"Days active" is a count of days, not a date: if it counts the days of use from activation, add a column "Sidst aktiv" = the activation date + "Days active"');
  });

  it('no duration column: no advice', async () => {
    expect(await refused('id,region,clinic,referred,activated,Ugedag,age,sex,referrer')).not.toMatch(/count of (weeks|days)/);
  });

  // Mapped as the last_active column, every value of a weeks column fails as a date: the cells say
  // how to derive the date, and --exclude-invalid (which would drop every activated patient) is not offered nor taken.
  const mapped = async (exclude: boolean) => {
    const file = join(dir, 'mapped.csv');
    writeFileSync(file, 'id,region,clinic,referred,activated,Uger aktiv,age,sex,referrer\na1,Hovedstaden,K1,2024-01-05,2024-01-08,3,25,f,gp\na2,Hovedstaden,K1,2024-01-06,,,25,f,gp\n');
    const err = await readRegistryFile(file, { threads: 1, columns: { last_active: 'Uger aktiv' }, ...(exclude ? { invalidRows: 'exclude' as const } : {}) }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(HtaError);
    return err as HtaError;
  };
  it('mapped as last_active: the date cells carry the advice, and --exclude-invalid is neither offered nor taken', async () => {
    for (const exclude of [false, true]) {
      const err = await mapped(exclude);
      expect(err.message).not.toContain('leaves such rows out and goes on');
      expect(err.message).toContain('"Uger aktiv" counts weeks or days, not dates: --exclude-invalid would leave out every row with a value there');
      const p = err.problems.find((x) => x.field === 'Uger aktiv')!;
      expect(p.expected).toContain('"Uger aktiv" is a count of weeks, not a date: if it counts the weeks of use from activation, add a column "Sidst aktiv"');
    }
  });
});
