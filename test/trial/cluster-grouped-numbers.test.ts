/**
 * One income written two ways — `"31,000.00"` on the intervention rows, `31000.00` on the control
 * rows, as when two sheets (one per arm) are pasted together — is one number, as the trial reads
 * it. The cluster signature worked on raw text, so the 15 incomes counted as 30 values each
 * wholly in one arm, and the file was refused as a cluster-randomised trial.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { ClusterColumns } from '../../src/trial/cluster-signature.js';

const plan = {
  arms: { intervention: 'app', control: 'usual' },
  timepoints: ['3m'],
  methods: ['ancova'],
  missing: { sensitivity: false },
  covariates: ['age', 'income'],
  outcomes: [{ key: 'pain', instrument: 'nrs' }],
};

describe('numbers written two ways are one value to the cluster signature', () => {
  it('"31,000.00" in one arm and 31000.00 in the other: read, not refused as a cluster trial', () => {
    const out = ['id,arm,time,age,pain,income'];
    // 40 patients, 10 incomes: each income is held by 4 patients of one arm.
    for (let k = 1; k <= 40; k++) {
      const arm = k % 2 ? 'app' : 'usual';
      const thousands = 31 + (k % 10);
      const income = arm === 'app' ? `"${thousands},000.00"` : `${thousands}000.00`;
      out.push(`P${k},${arm},baseline,${30 + k},${k % 9},${income}`, `P${k},${arm},3m,${30 + k},${(k * 5) % 9},${income}`);
    }
    const trial = loadTrial(parseCsvText(out.join('\n') + '\n', 'trial.csv'), parsePlan(plan));
    expect(trial.patients.find((p) => p.id === 'P1')!.covariates.income).toBe(32000);
    expect(trial.patients.find((p) => p.id === 'P12')!.covariates.income).toBe(33000);
  });

  it('a clinic code with a leading zero stays a code', () => {
    const follow = new ClusterColumns(['clinic'], () => false);
    for (let p = 0; p < 12; p++) follow.see(0, p, p < 6 ? 'intervention' : 'control', `0${1 + Math.floor(p / 3)}`);
    expect(follow.signatures(12).map((s) => s.column)).toEqual(['clinic']);
  });
});
