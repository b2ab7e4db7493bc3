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
import { parseStudies } from '../../src/meta/read-studies.js';
import { errorOf } from '../support/error-of.js';

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
  // LibreOffice or Google Sheets in a Danish locale quote every field: income 1,375 (= 1.375) is
  // `"1,375"`, exactly as English Excel writes 1375 with its thousands separator.
  const lodk = (extra = false) => {
    const out = [`"id","arm","time","pain","age","income"${extra ? ',"bmi"' : ''}`];
    for (let k = 1; k <= 30; k++) {
      const arm = k % 2 ? 'app' : 'usual';
      const income = `"${1 + (k % 4)},${['125', '375', '625', '875'][k % 4]}"`;
      const bmi = extra ? `,"${20 + (k % 7)}.${k % 10}"` : '';
      out.push(`"P${k}","${arm}","baseline","${k % 9}","${30 + k}",${income}${bmi}`, `"P${k}","${arm}","3m","${(k * 5) % 9}","${30 + k}",${income}${bmi}`);
    }
    return out.join('\n') + '\n';
  };
  /** The message both readers give (io/decimal-mark.ts, rule 6). */
  const SAME = 'written like 1,250, which are thousands with a decimal point (1250) or three decimals with a decimal comma (1,25), and no number';

  it('is refused when no number of the file shows the mark, naming the first such cell, as the studies reader refuses it', () => {
    const err = errorOf(() => loadTrial(parseCsvText(lodk(), 'lodk.csv'), parsePlan(base)));
    expect(err.exitCode).toBe(2);
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ file: 'lodk.csv', line: 2, column: 6, field: 'income', value: '2,375', kind: 'decimal-mark.undecided' });
    expect(err.problems[0]!.expected).toContain(`this is the first of 60 numbers ${SAME} the plan reads (column "income", the other covariates, the outcomes) writes a decimal, so it does not show which`);
    // A studies sheet of the same shape: the same words.
    const studies = ['"study","outcome","time","n_intervention","mean_intervention","sd_intervention","n_control","mean_control","sd_control"', '"A 2019","cost","3m","40","1,375","1,125","41","1,625","1,250"'].join('\n') + '\n';
    const meta = errorOf(() => parseStudies(parseCsvText(studies, 'studies.csv')));
    expect(meta.problems[0]).toMatchObject({ line: 2, field: 'mean_intervention', value: '1,375', kind: 'decimal-mark.undecided' });
    expect(meta.problems[0]!.expected).toContain(`this is the first of 4 numbers in the study columns ${SAME} in the study columns writes a decimal, so it does not show which`);
    // A p value in a column the studies reader does not read shows the point, but not in the
    // study columns: the message says what was counted.
    const withP = studies.split('\n').map((l, k) => (k === 0 ? `${l},"p"` : l && `${l},"0.03"`)).join('\n');
    const metaP = errorOf(() => parseStudies(parseCsvText(withP, 'studies.csv')));
    expect(metaP.problems[0]!.expected).toContain('no number in the study columns writes a decimal');
  });

  it('the studies reader reads "1,375" with the point where the study columns show it (SD "820.5"), as the trial reader does, and says so', () => {
    const studies = ['study,outcome,time,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control', 'A 2019,cost,12m,40,"1,375",820.5,41,"1,610",900.2', 'B 2021,cost,12m,310,2100.4,1050.1,305,2480.9,1100.3'].join('\n') + '\n';
    const t = parseStudies(parseCsvText(studies, 'cost.csv'));
    const arms = t.records.map((r) => (r.input.kind === 'arms' ? r.input.arms : undefined));
    expect(arms.map((a) => a?.meanIntervention)).toEqual([1375, 2100.4]);
    expect(arms[0]!.meanControl).toBe(1610);
    expect(t.notes).toContainEqual(expect.stringContaining('column "mean_intervention": values with one comma and three digits after it, such as "1,375", were read as thousands (1375), as a comma-separated file writes them: the study columns show the decimal point ("820.5")'));
  });

  it('is read with the point where another number column of the plan shows it (bmi "23.4"), with a note: the column itself shows no mark', () => {
    const trial = loadTrial(parseCsvText(lodk(true), 'en.csv'), parsePlan({ ...base, covariates: [...base.covariates, 'bmi'] }));
    expect(trial.patients.find((p) => p.id === 'P1')!.covariates.income).toBe(2375);
    expect((trial.readNotes ?? []).filter((n) => n.includes('income'))).toEqual([expect.stringContaining('no value of the column shows its decimal mark; column "bmi" shows the decimal point ("21.1")')]);
  });

  it('is refused where only a column the plan does not read shows the point (bmi "23.4" not a covariate)', () => {
    expect(errorOf(() => loadTrial(parseCsvText(lodk(true), 'en.csv'), parsePlan(base))).problems[0]).toMatchObject({ field: 'income', kind: 'decimal-mark.undecided' });
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
