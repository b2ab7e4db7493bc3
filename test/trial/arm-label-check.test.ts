// Arm names that contradict the export (src/trial/arm-label-check.ts): a tester's three-arm export,
// plan drafted for "App+telefon" against "App", then `arms` changed to "App" against "Sædvanlig"
// with the drafted `armLabels` kept — the right numbers were headed "Difference App+telefon − App".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { runCli } from '../support/run-cli.js';

const DIR = 'test/fixtures/exports/three-arms';
const planText = readFileSync(`${DIR}/stale-labels.plan.json`, 'utf8');
const planWith = (labels: unknown) => parsePlan({ ...JSON.parse(planText), armLabels: labels });

describe('armLabels that name another arm of the export', () => {
  it('are refused, naming the label, the arm it should name and the fix', () => {
    const csv = readCsvFile(`${DIR}/three-arms.csv`);
    let err: unknown;
    try {
      loadTrial(csv, parsePlan(JSON.parse(planText)), { excludeInvalid: true });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HtaError);
    const problems = (err as HtaError).problems;
    expect(problems.map((p) => p.value)).toEqual(['App+telefon', 'App']);
    expect(problems[0]!.expected).toContain('"armLabels": { "intervention" } to name the intervention arm "App" of "arms", but "App+telefon" is another arm value of the export (an arm the plan does not compare)');
    expect(problems[1]!.expected).toContain('"App" is another arm value of the export (the intervention arm)');
  });

  it('labels that name the arm itself, or words the export does not hold, are fine', () => {
    const csv = readCsvFile(`${DIR}/three-arms.csv`);
    for (const labels of [
      { intervention: { en: 'App', da: 'App' }, control: { en: 'Usual care', da: 'Sædvanlig behandling' } },
      { intervention: { en: 'app', da: 'App' }, control: { en: 'Sædvanlig', da: 'sædvanlig' } },
      { intervention: { en: 'SelfBack app' }, control: { en: 'Usual care' } },
    ]) {
      const trial = loadTrial(csv, planWith(labels), { excludeInvalid: true });
      expect(trial.patients.length).toBeGreaterThan(0);
    }
  });

  it('analyze exits 2 and writes nothing', async () => {
    const r = await runCli('analyze', `${DIR}/three-arms.csv`, '--plan', `${DIR}/stale-labels.plan.json`, '--exclude-invalid');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('App+telefon');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
