/**
 * A target sample is one row per target patient (docs/subgroups.md#inverse-odds-weights). A file of
 * one row per consultation was read silently, each repeat another "target patient" (520 for 378,
 * the estimate moved). With an id column (named by `targetSample.id`, else found under the
 * export's id name or a usual one) a repeated id is refused at its lines, never quoted; without
 * one the file reads as before.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { readTargetSample } from '../../src/trial/target-sample.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';
import { errorOf } from '../support/error-of.js';

afterAll(removeTempDirs);

const json = JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8'));
const plan = parsePlan(json);
const lines = readFileSync('test/fixtures/subgroups/target-sample.csv', 'utf8').split('\n').filter((l) => l !== '');

/** The fixture with an id column `name` first; `ids` gives each data line's id (index 0 = line 2). */
function withIds(name: string, ids: (i: number) => string): string {
  const file = join(tempDir(), 'target-sample.csv');
  writeFileSync(file, [`${name},${lines[0]}`, ...lines.slice(1).map((l, i) => `${ids(i)},${l}`)].join('\n') + '\n');
  return file;
}

describe('repeated patients in the target sample', () => {
  it('a CPR number written with a hyphen on one row and an en dash or without on another is one patient repeated (finding s29 ids 1)', () => {
    const cpr = (i: number, sep: string) => `${String(i + 1).padStart(2, '0')}0580${sep}${1000 + i}`;
    const file = withIds('patient_id', (i) => (i === 2 ? cpr(0, '\u2013') : i === 5 ? cpr(1, '') : cpr(i, '-')));
    const err = errorOf(() => readTargetSample(file, plan));
    expect(err.problems!.map((p) => [p.line, p.detail])).toEqual([
      [4, 'as on line 2'],
      [7, 'as on line 3'],
    ]);
    expect(JSON.stringify(err)).not.toMatch(/0580\D?100[01]/);
  });

  it('a usual id name (patient_id): each repeating row refused by line, the id never quoted, exit 2', () => {
    // Lines 4 and 7 repeat the patients of lines 2 and 3 (a second consultation).
    const file = withIds('patient_id', (i) => (i === 2 ? 'GP0001' : i === 5 ? 'gp0002' : `GP${String(i + 1).padStart(4, '0')}`));
    const err = errorOf(() => readTargetSample(file, plan));
    expect(err.code).toBe('input.invalid');
    expect(err.problems!.map((p) => [p.line, p.column, p.field, p.detail])).toEqual([
      [4, 1, 'patient_id', 'as on line 2'],
      [7, 1, 'patient_id', 'as on line 3'],
    ]);
    expect(err.problems![0]!.expected).toMatch(new RegExp(`^one row per target patient: .* the file has ${lines.length - 1} rows for ${lines.length - 3} patients .* keep one row per patient`));
    expect(JSON.stringify(err)).not.toMatch(/GP000[12]|gp0002/);
  });

  it('the column "targetSample.id" names, also under an unusual name; a named column absent is refused', () => {
    const file = withIds('løbenummer_praksis', (i) => String(i % 50));
    const named = parsePlan({ ...json, population: { ...json.population, targetSample: { ...json.population.targetSample, id: 'løbenummer_praksis' } } });
    expect(errorOf(() => readTargetSample(file, named)).problems!.length).toBe(lines.length - 1 - 50);
    // Not named: an unusual name is no id column, and the file reads as before.
    expect(readTargetSample(file, plan)!.rows.length).toBeGreaterThan(0);
    const absent = parsePlan({ ...json, population: { ...json.population, targetSample: { ...json.population.targetSample, id: 'pid' } } });
    expect(errorOf(() => readTargetSample(file, absent)).problems!.map((p) => p.expected)).toEqual([expect.stringContaining('"targetSample.id"')]);
  });

  it('one row per patient, or no id column: read as before', () => {
    const unique = readTargetSample(withIds('id', (i) => `P${i}`), plan)!;
    const plain = join(tempDir(), 'plain.csv');
    writeFileSync(plain, lines.join('\n') + '\n');
    expect(unique.rows).toEqual(readTargetSample(plain, plan)!.rows);
  });
});
