/**
 * An adverse-event listing of every patient, blank for those without events (an EHR or Castor
 * export): the blank rows name no event. The table's numbers against R
 * (test/reference/ae-all-patients.R on test/fixtures/ae-all-patients), and the same numbers when a
 * patient's every visit row is left out as invalid: they stay randomised, their events counted
 * (docs/plan-trial.md#adverse-events).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { loadTrialInputs } from '../../src/cli/load-inputs.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const DIR = 'test/fixtures/ae-all-patients';
const analyse = (dir: string, exclude = false) => {
  const { trial } = loadTrialInputs(join(dir, 'export.csv'), join(dir, 'plan.json'), { excludeInvalid: exclude });
  return analyzeTrial(trial, { version: 'test' }).adverseEvents!;
};

// Rscript test/reference/ae-all-patients.R
const R = {
  noEventRows: 80,
  events: { intervention: 63, control: 40 },
  rows: [
    { kind: 'any', patients: { intervention: 35, control: 35 }, difference: 0, ciLower: -0.1557696928, ciUpper: 0.1557696928, pValue: 1 },
    { kind: 'serious', patients: { intervention: 10, control: 8 }, difference: 0.0266666667, ciLower: -0.0810509775, ciUpper: 0.134782568, pValue: 0.6153025557 },
    { kind: 'related', patients: { intervention: 19, control: 13 }, difference: 0.08, ciLower: -0.0518163895, ciUpper: 0.208885597, pValue: 0.2317506084 },
  ],
};

function expectAsR(ae: ReturnType<typeof analyse>) {
  expect(ae.randomised).toEqual({ intervention: 75, control: 75 });
  expect(ae.noEventRows).toBe(R.noEventRows);
  expect(ae.rows[0]!.events).toEqual(R.events);
  ae.rows.forEach((row, k) => {
    const r = R.rows[k]!;
    expect(row.kind).toBe(r.kind);
    expect(row.patients).toEqual(r.patients);
    for (const f of ['difference', 'ciLower', 'ciUpper', 'pValue'] as const) expect(row[f]).toBeCloseTo(r[f], 9);
  });
}

describe('a listing of every patient, blank rows for those without events', () => {
  it('counts the events of the rows naming one, as R does', () => {
    expectAsR(analyse(DIR));
  });
  it('with one patient\'s every visit row invalid and --exclude-invalid: the same table (the patient stays randomised)', () => {
    const dir = tempDir();
    copyFileSync(join(DIR, 'ae_listing.csv'), join(dir, 'ae_listing.csv'));
    copyFileSync(join(DIR, 'plan.json'), join(dir, 'plan.json'));
    // P002 (usual care; a related event in the listing): "ukendt" is no answer of the plan's.
    const lines = readFileSync(join(DIR, 'export.csv'), 'utf8').split('\n');
    writeFileSync(join(dir, 'export.csv'), lines.map((l) => (l.startsWith('P002;') ? l.replace(/^(P002;Kontrol;[^;]+;)(Ja|Nej)/, '$1ukendt') : l)).join('\n'));
    expect(readFileSync(join(dir, 'export.csv'), 'utf8').match(/;ukendt;/g)).toHaveLength(2);
    expectAsR(analyse(dir, true));
  });
});
