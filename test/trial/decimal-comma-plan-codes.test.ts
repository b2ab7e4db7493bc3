/**
 * A plan's missing code written as the file writes it: "9,999" in a Danish export (`;`, decimal
 * comma) is the age 9,999 the file's cells hold, so the cells are missing. Read as 9999 (a
 * thousands comma, as a point file would write it), the code matched no cell and the sentinel
 * age 9.999 went into the ANCOVA without a word.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const base = {
  arms: { intervention: 'app', control: 'usual' },
  timepoints: ['3m'],
  methods: ['ancova'],
  missing: { sensitivity: false },
  covariates: ['age', 'income'],
  outcomes: [{ key: 'pain', instrument: 'nrs' }],
};

function danish(age: (k: number) => string, sep = ';'): string {
  const out = [['id', 'arm', 'time', 'pain', 'age', 'income'].join(sep)];
  for (let k = 1; k <= 30; k++) {
    const arm = k % 2 ? 'app' : 'usual';
    const income = sep === ';' ? `${30 + k}.${k % 2 ? '250' : '000'},50` : `"${30 + k},${k % 2 ? '250' : '000'}.50"`;
    out.push([`P${k}`, arm, 'baseline', String(k % 9), age(k), income].join(sep), [`P${k}`, arm, '3m', String((k * 5) % 9), age(k), income].join(sep));
  }
  return out.join('\n') + '\n';
}

const ageOf = (k: number, code: string) => ([3, 4, 7].includes(k) ? code : String(25 + k));

describe('plan missing codes of the shape d,ddd', () => {
  it('"9,999" in a decimal-comma file matches the cells 9,999: the ages are missing, not 9.999', () => {
    const trial = loadTrial(parseCsvText(danish((k) => ageOf(k, '9,999')), 'trial.csv'), parsePlan({ ...base, missingCodes: ['9,999'] }));
    for (const id of ['P3', 'P4', 'P7']) expect(trial.patients.find((p) => p.id === id)!.covariates.age).toBeNull();
    expect(trial.patients.find((p) => p.id === 'P5')!.covariates.age).toBe(30);
    expect(trial.patients.find((p) => p.id === 'P5')!.covariates.income).toBe(35250.5);
  });

  it('"1,000" in a point file (thousands comma) still matches the cells "1,000"', () => {
    const trial = loadTrial(parseCsvText(danish((k) => ageOf(k, '"1,000"'), ','), 'trial.csv'), parsePlan({ ...base, missingCodes: ['1,000'] }));
    for (const id of ['P3', 'P4', 'P7']) expect(trial.patients.find((p) => p.id === id)!.covariates.age).toBeNull();
    expect(trial.patients.find((p) => p.id === 'P5')!.covariates.income).toBe(35250.5);
  });
});

describe('a comma-separated export whose covariate only writes "d,ddd"', () => {
  it('reads "1,375" as thousands and says so, naming the column, since no cell shows the mark', () => {
    const out = ['"id","arm","time","pain","age","income"'];
    for (let k = 1; k <= 30; k++) {
      const arm = k % 2 ? 'app' : 'usual';
      const income = `"${1 + (k % 4)},${['125', '375', '625', '875'][k % 4]}"`;
      out.push(`"P${k}","${arm}","baseline","${k % 9}","${30 + k}",${income}`, `"P${k}","${arm}","3m","${(k * 5) % 9}","${30 + k}",${income}`);
    }
    const trial = loadTrial(parseCsvText(out.join('\n') + '\n', 'lodk.csv'), parsePlan(base));
    expect(trial.patients.find((p) => p.id === 'P1')!.covariates.income).toBe(2375);
    expect(trial.readNotes).toContainEqual(expect.stringMatching(/^lodk\.csv: column "income": values with one comma and three digits after it, such as "\d,\d{3}", were read as thousands \(\d+\).*decimals written with a decimal comma/));
  });

  it('says nothing when the column shows its decimal point ("31,000.00")', () => {
    const out = ['id,arm,time,pain,age,income'];
    for (let k = 1; k <= 30; k++) {
      const arm = k % 2 ? 'app' : 'usual';
      out.push(`P${k},${arm},baseline,${k % 9},${30 + k},"${30 + k},000.00"`, `P${k},${arm},3m,${(k * 5) % 9},${30 + k},"${30 + k},000.00"`);
    }
    const trial = loadTrial(parseCsvText(out.join('\n') + '\n', 'us.csv'), parsePlan(base));
    expect((trial.readNotes ?? []).filter((n) => n.includes('read as thousands'))).toEqual([]);
  });
});
