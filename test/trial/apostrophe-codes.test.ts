/**
 * Excel users put an apostrophe in front of a code to keep its leading zero (`'01` … `'12` for a
 * region or a stage). Such cells are codes, not numbers behind the text apostrophe: counted as
 * numbers, a stage column of `'01` … `'05` was refused as "a scale or five categories", and a
 * region column told to remove the apostrophe, which would make the regions one numeric slope.
 */
import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';

const plan = {
  arms: { intervention: 'app', control: 'usual' },
  timepoints: ['3m'],
  methods: ['ancova'],
  missing: { sensitivity: false },
  covariates: ['age', 'stage'],
  outcomes: [{ key: 'pain', instrument: 'nrs' }],
};

function exportWith(code: (k: number) => string): string {
  const out = ['id,arm,time,age,pain,stage'];
  for (let k = 1; k <= 40; k++) {
    const arm = k % 2 ? 'app' : 'usual';
    out.push(`P${k},${arm},baseline,${30 + k},${k % 9},${code(k)}`, `P${k},${arm},3m,${30 + k},${(k * 5) % 9},${code(k)}`);
  }
  return out.join('\n') + '\n';
}

describe('apostrophe codes with a leading zero', () => {
  it("a stage column of '01 … '05 is read as codes, as before, not refused as numbers", () => {
    const trial = loadTrial(parseCsvText(exportWith((k) => `'0${1 + (k % 5)}`), 'trial.csv'), parsePlan(plan));
    expect(new Set(trial.patients.map((p) => p.covariates.stage))).toEqual(new Set(["'01", "'02", "'03", "'04", "'05"]));
  });

  it("'08 among numbers is not told to lose its apostrophe (that would make the codes a slope)", () => {
    const err = errorOf(() => loadTrial(parseCsvText(exportWith((k) => (k % 4 ? String(k % 3) : `'0${k % 9}`)), 'trial.csv'), parsePlan({ ...plan, covariateTypes: { stage: 'numeric' } })));
    expect(formatError(err)).not.toContain('remove the apostrophe');
  });

  it("'45 (an age behind the apostrophe, no leading zero) still gets the apostrophe hint", () => {
    const err = errorOf(() => loadTrial(parseCsvText(exportWith(() => '1').replace(/,(3[1-4]),/g, ",'$1,"), 'trial.csv'), parsePlan(plan)));
    expect(formatError(err)).toContain("remove the apostrophe");
  });
});
