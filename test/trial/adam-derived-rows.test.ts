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
import { derivedVisitTest } from '../../src/trial/adam-derived-rows.js';

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

describe('a record summarising others (DTYPE AVERAGE, analysed by ADaM in place of its sources)', () => {
  const lines = text.split('\n');
  // Line 3: SB01-001-0001 at Week 12.
  lines[2] = lines[2]!.replace(',"","Y"', ',"AVERAGE","Y"');
  const averaged = () => parseCsvText(lines.join('\n'), 'adqs-rmdq.csv');
  it('is refused, with or without "derivedRows": "leave-out", advising the analysed records (ANL01FL "Y")', () => {
    for (const p of [plan(), plan({ derivedRows: 'leave-out' })]) {
      const err = errorOf(() => loadTrial(averaged(), p));
      expect(err.exitCode).toBe(2);
      expect(err.message).toBe('adqs-rmdq.csv: 1 row is an ADaM derived record summarising other records of its visit ("AVERAGE" 1 in column "DTYPE"), beside the records it summarises');
      expect(err.problems[0]).toMatchObject({ line: 3, column: 12, field: 'DTYPE', value: 'AVERAGE', kind: 'row.adam-derived' });
      const expected = err.problems[0]!.expected;
      expect(expected).toContain('marks 1 row as derived from other records of the same visit ("AVERAGE" 1; line 3)');
      expect(expected).toContain('dplyr::select(dplyr::filter(adam, ANL01FL %in% "Y", !DTYPE %in% c("LOCF")), -DTYPE)');
      expect(expected).toContain("where ANL01FL = 'Y' and DTYPE not in ('LOCF'); drop DTYPE");
      expect(expected).not.toContain('imputed for a visit the patient missed');
    }
  });
});

/** A trial export that is no CDISC dataset: 6 patients, a lowercase `visit`, and `extra` columns. */
const ordinary = (visits: string[], head = '', extra: (i: number) => string = () => '') =>
  `record_id,arm,visit,age,rmdq${head}\n` +
  Array.from({ length: 6 }, (_, i) => visits.map((v, k) => `${i + 1},${i % 2 ? 'Control' : 'Intervention'},${v},${40 + i},${10 + ((i + k) % 5)}${extra(i)}`).join('\n')).join('\n') + '\n';
const ordinaryPlan = (visits: Record<string, string>, extra: object = {}) =>
  parsePlan({
    arms: { intervention: 'Intervention', control: 'Control' },
    columns: { id: 'record_id', time: 'visit', arm: 'arm' },
    timeLabels: visits,
    timepoints: Object.values(visits).slice(1),
    covariates: ['age'],
    outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'rmdq' }],
    methods: ['ancova'],
    ...extra,
  });

describe('a column named dtype that is not ADaM\'s', () => {
  it('in an export that is no ADaM dataset, holding no derivation type (web, paper), is read as before', () => {
    const csv = parseCsvText(ordinary(['Baseline', '3 months'], ',dtype', (i) => `,${i % 2 ? 'web' : 'paper'}`), 'dtype.csv');
    const trial = loadTrial(csv, ordinaryPlan({ Baseline: 'baseline', '3 months': '3m' }));
    expect(trial.derivedRows).toBeUndefined();
    expect(trial.readNotes ?? []).not.toContainEqual(expect.stringContaining('ADaM'));
  });
  it('holding CDISC\'s derivation types (LOCF) is ADaM\'s, in any export', () => {
    const csv = parseCsvText(ordinary(['Baseline', '3 months'], ',dtype', (i) => `,${i === 2 ? 'LOCF' : ''}`), 'dtype.csv');
    expect(errorOf(() => loadTrial(csv, ordinaryPlan({ Baseline: 'baseline', '3 months': '3m' }))).message).toBe('dtype.csv: 2 rows are ADaM derived records ("LOCF" 2 in column "dtype"), not observed values');
  });
  it('named by the plan (a covariate) is data, even in an ADaM dataset', () => {
    const adamLike = parseCsvText(text.replace('"DTYPE"', '"mode"').replace('"ANL01FL"', '"DTYPE"').replaceAll(',"","Y"', ',"","web"').replaceAll(',"LOCF","Y"', ',"LOCF","paper"'), 'adqs-rmdq.csv');
    const trial = loadTrial(adamLike, plan({ covariates: ['age', 'sex', 'dtype'], columns: { id: 'USUBJID', time: 'AVISIT', arm: 'TRT01P', covariates: { age: 'AGE', sex: 'SEX', dtype: 'DTYPE' } } }));
    expect(trial.derivedRows).toBeUndefined();
  });
});

describe('a visit name a trial schedules', () => {
  it.each(['End of treatment', '12 months (primary endpoint)', 'Endpoint'])('"%s" in an export\'s own "visit" column draws no derived-visit note', (v) => {
    const trial = loadTrial(parseCsvText(ordinary(['Baseline', v]), 'trial.csv'), ordinaryPlan({ Baseline: 'baseline', [v]: 'end' }));
    expect(trial.readNotes ?? []).not.toContainEqual(expect.stringContaining('derived visit'));
  });
  it('"End of Treatment" in AVISIT of an ADaM dataset with AVISITN draws the note', () => {
    const eot = text.replaceAll('"Week 39"', '"End of Treatment"');
    const trial = loadTrial(parseCsvText(eot, 'adqs-rmdq.csv'), plan({ derivedRows: 'leave-out', timeLabels: { Baseline: 'baseline', 'Week 12': '12w', 'End of Treatment': 'eot' }, timepoints: ['12w', 'eot'] }));
    expect(trial.readNotes).toContainEqual(expect.stringContaining('the plan analyses visit "eot" ("End of Treatment" in the export), named as an ADaM derived visit'));
  });
});

describe('which visit names are derived, in AVISIT of an ADaM dataset', () => {
  it('ENDPOINT and visits carried forward are; a scheduled visit ending in "endpoint" is not', () => {
    const derived = derivedVisitTest(['USUBJID', 'AVISIT', 'AVAL'])!;
    expect(['ENDPOINT', 'End point', 'Week 12 LOCF', 'ENDPOINT (LOCF)', 'Last observation carried forward'].filter(derived)).toHaveLength(5);
    expect(['12 months (primary endpoint)', 'Week 52 endpoint', 'End of Treatment', 'Week 12'].filter(derived)).toEqual([]);
    expect(derivedVisitTest(['record_id', 'visit', 'rmdq'])).toBeUndefined();
  });
});
