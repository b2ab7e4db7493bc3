/**
 * SAS and Stata special missing values in a registry (docs/input-registry.md "Empty cells").
 * Until 5 December 2026 `.A` in the activation column was refused as a bad date, so
 * --exclude-invalid left out exactly the referrals without an activation and published 100%
 * activation (exit 0); `.A` in sex and last activity likewise dropped rows instead of reading them
 * as unknown. SAS PROC EXPORT's bare `A` is refused as a code to declare, also with
 * --exclude-invalid; and many activation cells that are no date stop an --exclude-invalid run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatError, HtaError } from '../../src/errors.js';
import { readEligibleFile, readRegistryFile } from '../../src/uptake/read-registry.js';
import { draftUptakePlan } from '../../src/uptake/draft-uptake-plan.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const HEADER = 'id,region,clinic,referred,activated,last_active,age,sex,referrer';

/** 40 referrals, every fourth without an activation written `none`, the others activated; `.a`/`.Z` in age and sex. */
function registry(none: string): { file: string; activated: number } {
  const lines = [HEADER];
  let activated = 0;
  for (let i = 0; i < 40; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const act = i % 4 === 0 ? none : `2025-03-${day}`;
    if (i % 4 !== 0) activated++;
    const last = i % 4 === 0 ? (i % 8 === 0 ? '.B' : '') : `2025-04-${day}`;
    lines.push(`p${i},Hovedstaden,K1,2025-02-${day},${act},${last},${i % 5 === 0 ? '.a' : 40 + i},${i % 3 === 0 ? '.Z' : 'F'},gp`);
  }
  const file = join(tempDir(), 'registry.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, activated };
}

const options = { exportDate: '2025-11-30', invalidRows: 'exclude' as const, threads: 1 };
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e as HtaError);
const whole = (read: Awaited<ReturnType<typeof readRegistryFile>>) => read.aggregate.metrics.find((m) => m.region === 'Hovedstaden' && m.dimension === 'all' && m.period === 'all');

describe('SAS and Stata special missing values', () => {
  it('.A–.Z and .a–.z are empty cells in every column: no row left out, the activation rate that of the file', async () => {
    const { file, activated } = registry('.A');
    const read = await readRegistryFile(file, options);
    expect(read.excluded.rows).toBe(0);
    expect(read.aggregate.rows).toBe(40);
    expect(whole(read)).toMatchObject({ referrals: 40, activations: activated });
    // Sex `.Z` is the "unknown" level, not a refused row.
    const unknown = read.aggregate.metrics.find((m) => m.region === 'Hovedstaden' && m.dimension === 'sex' && m.level === 'unknown' && m.period === 'all');
    expect(unknown?.referrals).toBe(14);
  });

  it('an id written .A is an empty id (refused), as in every other column', async () => {
    const file = join(tempDir(), 'id.csv');
    writeFileSync(file, `${HEADER}\n.A,Hovedstaden,K1,2025-02-01,,,40,F,gp\np2,Hovedstaden,K1,2025-02-01,,,40,F,gp\n`);
    const err = await failure(readRegistryFile(file, { exportDate: '2025-11-30', threads: 1 }));
    expect(err.problems.map((p) => [p.line, p.field])).toEqual([[2, 'id']]);
  });

  it('the bare A of SAS PROC EXPORT stops an --exclude-invalid run, naming missingCodes and the SAS value; declared, it is empty', async () => {
    const { file, activated } = registry('A');
    const err = await failure(readRegistryFile(file, options));
    expect(err.exitCode).toBe(2);
    expect(formatError(err)).toContain('"A" looks like a code for an empty cell (SAS PROC EXPORT writes the special missing value .A so, without its dot): if it is one, add "missingCodes": ["A"]');
    const read = await readRegistryFile(file, { ...options, missingCodes: ['A'] });
    expect(whole(read)).toMatchObject({ referrals: 40, activations: activated });
    // In the sex column a lone letter may be a code of the file's own: an unknown sex value, left out as before.
    const sex = join(tempDir(), 'sex.csv');
    writeFileSync(sex, `${HEADER}\np1,Hovedstaden,K1,2025-02-01,,,40,Q,gp\n${Array.from({ length: 30 }, (_, i) => `q${i},Hovedstaden,K1,2025-02-01,,,40,F,gp`).join('\n')}\n`);
    expect((await readRegistryFile(sex, options)).excluded.rows).toBe(1);
  });

  it('a one-letter missing code (SAS .M written M) is empty in the date and age columns only: sex M stays male', async () => {
    // Activation M for "not activated" (SAS .M) and the Danish sex codes M/K: 30 men, 10 women.
    const lines = [HEADER, ...Array.from({ length: 40 }, (_, i) => `p${i},Hovedstaden,K1,2025-02-10,${i % 4 === 0 ? 'M' : '2025-03-01'},,${i % 10 === 0 ? 'M' : 40},${i < 30 ? 'M' : 'K'},gp`)];
    const file = join(tempDir(), 'mk.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const drafted = await draftUptakePlan(file);
    expect(drafted.plan.missingCodes).toEqual(['M']);
    const read = await readRegistryFile(file, { ...options, missingCodes: ['M'] });
    expect(read.excluded.rows).toBe(0);
    expect(whole(read)).toMatchObject({ referrals: 40, activations: 30 });
    const sex = (level: string) => read.aggregate.metrics.find((m) => m.region === 'Hovedstaden' && m.dimension === 'sex' && m.level === level && m.period === 'all')?.referrals;
    expect([sex('male'), sex('female'), sex('unknown')]).toEqual([30, 10, undefined]);
    // An id or a clinic written M is that id or clinic, not an empty cell.
    const ids = join(tempDir(), 'm-id.csv');
    writeFileSync(ids, `${HEADER}\nM,Hovedstaden,M,2025-02-10,M,,40,M,gp\n`);
    const one = await readRegistryFile(ids, { exportDate: '2025-11-30', missingCodes: ['M'], threads: 1 });
    expect(whole(one)).toMatchObject({ referrals: 1, activations: 0 });
    // The eligible file: a region written M is a region, not an empty cell.
    const eligible = join(tempDir(), 'eligible.csv');
    writeFileSync(eligible, 'region,year,eligible\nM,2025,100\nHovedstaden,2025,200\n');
    expect(readEligibleFile(eligible, { missingCodes: ['M'] }).rows.map((r) => r.region)).toEqual(['M', 'Hovedstaden']);
  });

  it('more than 1 in 20 activation cells that are no date stop an --exclude-invalid run; a few are left out', async () => {
    const err = await failure(readRegistryFile(registry('ikke aktiveret').file, options));
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain('10 of 40 rows (25.0%, more than 1 in 20) have an activation cell that is no date');
    // Two garbled dates of 40: left out as before.
    const lines = [HEADER, ...Array.from({ length: 40 }, (_, i) => `p${i},Hovedstaden,K1,2025-02-10,${i < 2 ? '2025-13-45' : '2025-03-01'},,40,F,gp`)];
    const file = join(tempDir(), 'few.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect((await readRegistryFile(file, options)).excluded.rows).toBe(2);
  });

  it('plan init drafts the bare A as a missing code saying what SAS writes, and counts the .A it reads as empty', async () => {
    const { file } = registry('A');
    const bare = await draftUptakePlan(file);
    expect(bare.plan.missingCodes).toEqual(['A']);
    expect(bare.notes.join('\n')).toContain('a lone capital letter is how SAS PROC EXPORT writes a special missing value: .A as A');
    const dotted = await draftUptakePlan(registry('.A').file);
    expect(dotted.plan.missingCodes).toBeUndefined();
    expect(dotted.notes.join('\n')).toContain('cells written as SAS/Stata special missing values (.A, .B, .Z, .a) read as empty cells');
  });
});
