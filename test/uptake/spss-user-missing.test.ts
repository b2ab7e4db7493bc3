/**
 * A registry saved from SPSS keeps its user-missing codes: age 999 for "unknown", and the value
 * label of the sex column's user-missing code (`Ønsker ikke at svare`). Until session 34 the age
 * 999 could not be declared (a number code never applied to age) while the same code did apply to
 * the id column — patient no. 999 was refused for an empty id — and --exclude-invalid dropped
 * every referral of unknown age from every count; the sex label was refused as no sex
 * (docs/input-registry.md "Empty cells", the registry's `sex`; src/uptake/missing-cells.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatError, HtaError } from '../../src/errors.js';
import { danishProblemText } from '../../src/report/problem-text.js';
import { draftUptakePlan } from '../../src/uptake/draft-uptake-plan.js';
import { readRegistryFile } from '../../src/uptake/read-registry.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const HEADER = 'løbenr;region;klinik;henvist;aktiveret;sidst_aktiv;alder;koen;henviser';
const columns = { id: 'løbenr', clinic: 'klinik', referred: 'henvist', activated: 'aktiveret', last_active: 'sidst_aktiv', age: 'alder', sex: 'koen', referrer: 'henviser' };

/** 1,000 referrals numbered 1…1000 as SPSS writes them (`;`), every 50th of unknown age (`unknownAge`), every 40th of sex `sexUnknown`. */
function registry(sexUnknown = 'Kvinde', unknownAge = '999'): { file: string; unknownAges: number; unknownSex: number } {
  const lines = [HEADER];
  let unknownAges = 0;
  let unknownSex = 0;
  for (let p = 1; p <= 1000; p++) {
    const day = String(1 + (p % 28)).padStart(2, '0');
    const age = p % 50 === 0 ? unknownAge : String(20 + (p % 70));
    if (p % 50 === 0) unknownAges++;
    const sex = p % 40 === 0 ? sexUnknown : p % 2 ? 'Mand' : 'Kvinde';
    if (p % 40 === 0) unknownSex++;
    lines.push(`${p};Hovedstaden;Klinik ${1 + (p % 3)};2025-02-${day};${p % 3 ? `2025-03-${day}` : ''};${p % 3 ? `2025-04-${day}` : ''};${age};${sex};Egen læge`);
  }
  const file = join(tempDir(), 'registry.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, unknownAges, unknownSex };
}

const options = { exportDate: '2025-11-30', threads: 1, columns };
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e as HtaError);
const level = (read: Awaited<ReturnType<typeof readRegistryFile>>, dimension: string, value: string) =>
  read.aggregate.metrics.find((m) => m.region === 'Hovedstaden' && m.dimension === dimension && m.level === value && m.period === 'all');

describe('SPSS user-missing age 999', () => {
  it('declared in "missingCodes", is an unknown age: every referral counted, patient no. 999 kept', async () => {
    const { file, unknownAges } = registry();
    const read = await readRegistryFile(file, { ...options, missingCodes: ['999'] });
    expect(read.excluded.rows).toBe(0);
    expect(read.aggregate.rows).toBe(1000);
    expect(level(read, 'ageBand', 'unknown')?.referrals).toBe(unknownAges);
  });

  it('undeclared, is refused as a code to declare, also with --exclude-invalid (which would drop every referral of unknown age)', async () => {
    const { file, unknownAges } = registry();
    for (const invalidRows of ['reject', 'exclude'] as const) {
      const err = await failure(readRegistryFile(file, { ...options, invalidRows }));
      expect(err.exitCode).toBe(2);
      expect(formatError(err)).toContain('(alder): "999" — expected a whole number of years 0–120, an age band such as 50-59 or 80+, or empty — "999" cannot be an age and looks like a code for an unknown age (SPSS\'s user-missing value): if it is one, add "missingCodes": ["999"] to the uptake plan to read it as empty');
    }
    const err = await failure(readRegistryFile(file, options));
    expect(unknownAges).toBeGreaterThan(0);
    // In Danish, whole.
    const expected = err.problems.find((p) => p.field === 'alder')!.expected!;
    expect(danishProblemText(expected)).toBe('et helt antal år 0–120, en aldersgruppe som 50-59 eller 80+ eller en tom celle — "999" kan ikke være en alder og ligner en kode for ukendt alder (SPSS\' brugerdefinerede manglende værdi): er den det, så føj "missingCodes": ["999"] til optagsplanen for at læse den som en tom celle (en talkode læses sådan i alderskolonnen kun, når ingen alder kan være den)');
  });

  it('a number code an age can be (99, meant for sex) stays an age, and no number code empties an id', async () => {
    const { file } = registry();
    // 99 declared: the ages 99 … none here; the id 99 and 999 stay patients, and 999 in age is still to be declared.
    const err = await failure(readRegistryFile(file, { ...options, missingCodes: ['99'] }));
    expect(err.problems.some((p) => p.field === 'løbenr')).toBe(false);
    const read = await readRegistryFile(file, { ...options, missingCodes: ['99', '999'] });
    expect(read.aggregate.rows).toBe(1000);
  });

  it('plan init --uptake drafts it in "missingCodes"', async () => {
    const { file } = registry();
    const eligible = join(tempDir(), 'eligible.csv');
    writeFileSync(eligible, 'region;year;eligible\nHovedstaden;2025;37272\n');
    const draft = draftUptakePlan(file, { eligible });
    expect(draft.plan.missingCodes).toEqual(['999']);
  });
});

describe('the sex column\'s user-missing label', () => {
  it.each(['Ønsker ikke at svare', 'Vil ikke oplyse', 'Prefer not to say'])('%s is the unknown sex, as the trial side reads it', async (label) => {
    const { file, unknownSex } = registry(label, '');
    const read = await readRegistryFile(file, options);
    expect(read.excluded.rows).toBe(0);
    expect(level(read, 'sex', 'unknown')?.referrals).toBe(unknownSex);
  });
});
