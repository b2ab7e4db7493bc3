/**
 * `hta validate` of a three-arm export whose plan compares two (docs/plan-trial.md#other-arms):
 * the summary line and `--json` count the patients of the arm not compared beside the compared
 * arms', not only a stderr note. The counts expected are those the export is built with.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validationResultSchema } from '../../src/trial/validation-schema.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';
import { threeArmExport } from '../support/three-arm-export.js';

afterAll(removeTempDirs);

const PLAN = {
  columns: { id: 'record_id', arm: 'gruppe', time: 'visit' },
  arms: { intervention: '1', control: '2' },
  timepoints: ['3m'],
  outcomes: [{ key: 'pain', instrument: 'nrs' }],
  methods: ['welch'],
};

/** The export (threeArmExport) and the plan, written to a temporary folder. */
function files(n: Record<string, number>, otherArms: unknown[]): { csv: string; plan: string } {
  const dir = tempDir();
  const csv = join(dir, 'three.csv');
  const plan = join(dir, 'plan.json');
  writeFileSync(csv, threeArmExport(n));
  writeFileSync(plan, JSON.stringify({ ...PLAN, ...(otherArms.length ? { otherArms } : {}) }));
  return { csv, plan };
}

describe('hta validate with arms not compared', () => {
  it('the summary line counts the other arms\' patients after the compared arms', async () => {
    const { csv, plan } = files({ 1: 6, 2: 5, 3: 4, 4: 3 }, [{ value: '3', label: { en: 'Exercise + education', da: 'Træning + patientuddannelse' } }, '4']);
    const run = await runCli('validate', csv, '--plan', plan);
    expect(run.code).toBe(0);
    // The arm with a label is named by it (once only by its code "3").
    expect(run.stdout).toContain('patients: 6 intervention, 5 control, 4 in Exercise + education ("3"; not compared), 3 in "4" (not compared)\n');
  });

  it('an arm the plan lists but the export does not hold is not in the summary line', async () => {
    const { csv, plan } = files({ 1: 6, 2: 5, 3: 4 }, ['3', '4']);
    const run = await runCli('validate', csv, '--plan', plan);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('patients: 6 intervention, 5 control, 4 in "3" (not compared)\n');
  });

  it('--json lists them under otherArms (patients, rows, labels), valid by the published schema', async () => {
    const { csv, plan } = files({ 1: 6, 2: 5, 3: 4 }, [{ value: '3', label: { en: 'Exercise + education', da: 'Træning + patientuddannelse' } }]);
    const run = await runCli('validate', csv, '--plan', plan, '--json');
    expect(run.code).toBe(0);
    const result = validationResultSchema.parse(JSON.parse(run.stdout));
    expect(result.valid && result.patients).toEqual({ intervention: 6, control: 5 });
    expect(result.valid && result.otherArms).toEqual([{ value: '3', label: { en: 'Exercise + education', da: 'Træning + patientuddannelse' }, patients: 4, rows: 8 }]);
  });

  it('a plan without "otherArms": the line and the JSON as before', async () => {
    const { csv, plan } = files({ 1: 6, 2: 5 }, []);
    const text = await runCli('validate', csv, '--plan', plan);
    expect(text.stdout).toContain('patients: 6 intervention, 5 control\n');
    const json = JSON.parse((await runCli('validate', csv, '--plan', plan, '--json')).stdout);
    expect(json).not.toHaveProperty('otherArms');
  });
});
