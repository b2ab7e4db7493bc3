/**
 * ADaM's derived records (DTYPE "LOCF"…): refused, so they are never analysed as observed, or read
 * past when the plan says "derivedRows": "leave-out" — then the ANCOVA is R's lm on the observed
 * analysis records only (docs/plan-trial.md#adam-derived-rows). Reference:
 * test/reference/adam-derived-rows.R on test/fixtures/adam/adqs-rmdq.csv.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';
import { REPORT_TEXT } from '../../src/report/i18n.js';
import { derivedRowsNotes } from '../../src/report/kinds/trial-report.js';

const text = readFileSync(new URL('../fixtures/adam/adqs-rmdq.csv', import.meta.url), 'utf8');
const csv = () => parseCsvText(text, 'adqs-rmdq.csv');
const ref = JSON.parse(readFileSync(new URL('../reference/adam-derived-rows.json', import.meta.url), 'utf8')) as {
  derivedRows: number;
  firstDerivedLine: number;
  ancova: { visit: string; observedOnly: boolean; nIntervention: number; nControl: number; estimate: number; ciLower: number; ciUpper: number; p: number }[];
};
const plan = (extra: object = {}) =>
  parsePlan({
    arms: { intervention: 'Selfback app', control: 'Usual care' },
    columns: { id: 'USUBJID', time: 'AVISIT', arm: 'TRT01P', covariates: { age: 'AGE', sex: 'SEX' } },
    timeLabels: { Baseline: 'baseline', 'Week 12': '12w', 'Week 39': '39w' },
    timepoints: ['12w', '39w'],
    ignoreTimepoints: ['Unscheduled 1.01'],
    covariates: ['age', 'sex'],
    outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'AVAL' }],
    methods: ['ancova'],
    ...extra,
  });

describe('ADaM derived rows (DTYPE)', () => {
  it('are refused, naming the column, the rows, their values and the filter that leaves them out', () => {
    const err = errorOf(() => loadTrial(csv(), plan()));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(`adqs-rmdq.csv: ${ref.derivedRows} rows are ADaM derived records ("LOCF" ${ref.derivedRows} in column "DTYPE"), not observed values`);
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ file: 'adqs-rmdq.csv', line: ref.firstDerivedLine, column: 12, field: 'DTYPE', value: 'LOCF', kind: 'row.adam-derived' });
    const expected = err.problems[0]!.expected;
    expect(expected).toContain(`marks ${ref.derivedRows} rows as derived ("LOCF" ${ref.derivedRows}; lines ${ref.firstDerivedLine},`);
    expect(expected).toContain('dplyr::filter(adam, is.na(DTYPE) | DTYPE == "", ANL01FL %in% "Y")');
    expect(expected).toContain("where DTYPE = '' and ANL01FL = 'Y'");
    expect(expected).toContain('"derivedRows": "leave-out"');
  });

  it('with "derivedRows": "leave-out" are read past: the ANCOVA is R\'s on the observed records', () => {
    const trial = loadTrial(csv(), plan({ derivedRows: 'leave-out' }));
    expect(trial.readNotes).toContain(`adqs-rmdq.csv: ${ref.derivedRows} ADaM derived rows ("LOCF" ${ref.derivedRows} in column "DTYPE") not read, as the plan's "derivedRows": "leave-out" says: the visits they filled are missing in every analysis`);
    // Said in the report's methods too, in each language.
    expect(derivedRowsNotes(trial, (k) => REPORT_TEXT[k].en, 'en')).toEqual([`Not analysed: ${ref.derivedRows} rows of the export that the CDISC ADaM dataset derived for missed visits ("LOCF" ${ref.derivedRows} in "DTYPE"), as the analysis plan says; those visits count as missing.`]);
    expect(derivedRowsNotes(trial, (k) => REPORT_TEXT[k].da, 'da')).toEqual([`Ikke analyseret: ${ref.derivedRows} rækker i eksporten, som CDISC ADaM-datasættet har udledt for manglende besøg ("LOCF" ${ref.derivedRows} i "DTYPE"), som analyseplanen angiver; de besøg tæller som manglende.`]);
    const effects = analyzeTrial(trial, { version: 'test' }).effects.filter((e) => e.method === 'ancova');
    for (const r of ref.ancova.filter((a) => a.observedOnly)) {
      const e = effects.find((x) => x.time === (r.visit === 'Week 12' ? '12w' : '39w'))!;
      expect(e.n).toEqual({ intervention: r.nIntervention, control: r.nControl });
      expect(e.difference).toBeCloseTo(r.estimate, 6);
      expect(e.ciLower).toBeCloseTo(r.ciLower, 6);
      expect(e.ciUpper).toBeCloseTo(r.ciUpper, 6);
      expect(e.pValue).toBeCloseTo(r.p, 6);
    }
    // Not the LOCF-filled analysis R gives with the derived rows read as observed.
    const locf = ref.ancova.find((a) => !a.observedOnly)!;
    const w39 = effects.find((x) => x.time === '39w')!;
    expect(w39.n).not.toEqual({ intervention: locf.nIntervention, control: locf.nControl });
  });

  it('an export whose DTYPE column is blank on every row reads as before', () => {
    const observed = text.split('\n').filter((l) => !l.includes('"LOCF"')).join('\n');
    const trial = loadTrial(parseCsvText(observed, 'adqs-rmdq.csv'), plan());
    expect(trial.readNotes ?? []).not.toContainEqual(expect.stringContaining('derived'));
  });
});

describe('a derived visit the plan analyses (ENDPOINT)', () => {
  it('is said in a note: it repeats another visit\'s values', () => {
    const endpoint = text.replaceAll('"Week 39"', '"ENDPOINT"');
    const trial = loadTrial(parseCsvText(endpoint, 'adqs-rmdq.csv'), plan({ derivedRows: 'leave-out', timeLabels: { Baseline: 'baseline', 'Week 12': '12w', ENDPOINT: 'endpoint' }, timepoints: ['12w', 'endpoint'] }));
    expect(trial.readNotes).toContain('adqs-rmdq.csv: the plan analyses visit "endpoint" ("ENDPOINT" in the export), named as an ADaM derived visit — each patient\'s last or carried-forward value, a copy of another visit\'s: beside that visit, the MMRM and multiple imputation count the value twice; if it is no visit of the schedule, list it in "ignoreTimepoints" (docs/plan-trial.md#adam-derived-rows)');
  });
  it('a scheduled visit is not one', () => {
    const trial = loadTrial(csv(), plan({ derivedRows: 'leave-out' }));
    expect(trial.readNotes!.filter((n) => n.includes('derived visit'))).toEqual([]);
  });
});
