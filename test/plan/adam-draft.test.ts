/**
 * `hta plan init` on CDISC ADaM data (src/plan/adam-draft.ts; docs/plan-trial.md "What plan init
 * recognises"): derived rows (DTYPE) read past, derived visits (ENDPOINT) left out, a
 * one-parameter BDS dataset drafted with AVAL as its score, AVAL_/BASE_/CHG_<PARAMCD> of a pivot
 * read as ADaM means them, population flags and DCSREAS named; the pivot advice for a dataset of
 * several parameters filters the observed analysis records.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { checkDraft } from '../../src/plan/check-draft.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

const fixture = readFileSync(new URL('../fixtures/adam/adqs-rmdq.csv', import.meta.url), 'utf8');
const draftOf = (text: string, file = 'adam.csv') => {
  const csv = parseCsvText(text, file);
  const d = draftPlan(csv, 'plan.schema.json');
  return { d, csv };
};
type Outcome = { key: string; column: string };

/** A pivoted ADaM file of 12 patients: baseline, Week 12, Week 39 and the rows `extra` adds per patient. */
const pivoted = (head: string, row: (i: number, visit: string, k: number) => string, visits = ['Baseline', 'Week 12', 'Week 39']) =>
  `${head}\n` + Array.from({ length: 12 }, (_, i) => visits.map((v, k) => row(i, v, k)).join('\n')).join('\n') + '\n';
const arm = (i: number) => (i % 2 ? 'Selfback app' : 'Usual care');

describe('a one-parameter ADaM BDS dataset with derived rows', () => {
  it('is drafted: AVAL the parameter\'s score, the LOCF rows read past, BASE and CHG not outcomes', () => {
    const { d, csv } = draftOf(fixture, 'adqs-rmdq.csv');
    expect(d.undecided).toEqual([]);
    expect(d.plan.outcomes).toMatchObject([{ key: 'rmdq', instrument: 'rmdq', column: 'AVAL' }]);
    expect(d.plan.columns).toMatchObject({ id: 'USUBJID', arm: 'TRT01P', time: 'AVISIT' });
    expect(d.plan.timepoints).toEqual(['12w', '39w']);
    expect(d.plan.derivedRows).toBe('leave-out');
    expect(d.guesses).toContain('outcome column "AVAL": the one parameter of this CDISC ADaM BDS dataset (PARAMCD "RMDQ"), read as RMDQ\'s score');
    expect(d.guesses).toContain('ADaM derived rows read past ("derivedRows": "leave-out"): 11 rows with a derivation type in "DTYPE" ("LOCF" 11), values imputed for a missed visit, not observed');
    expect(d.guesses.join('\n')).toContain('not drafted: "BASE", ADaM\'s baseline and change of AVAL');
    expect(d.checks.join('\n')).toContain('"derivedRows": "leave-out": the 11 rows "DTYPE" marks ("LOCF" 11) are in no analysis');
    // What plan init writes passes validate on the export itself.
    expect(checkDraft(csv, d.plan).badRows).toBe(0);
  });
});

describe('a derived visit (AVISIT ENDPOINT)', () => {
  it('is left out in "ignoreTimepoints", said why, never drafted as a time point', () => {
    const text = pivoted('USUBJID,TRT01P,AVISIT,AGE,RMDQ', (i, v, k) => `S-${i},${arm(i)},${v},${40 + i},${10 + ((i + k) % 7)}`, ['BASELINE', 'WEEK 12', 'WEEK 39', 'ENDPOINT']);
    const { d, csv } = draftOf(text);
    expect(d.plan.timepoints).toEqual(['12w', '39w']);
    expect(d.plan.ignoreTimepoints).toEqual(['ENDPOINT']);
    expect(d.guesses).toContain('left out ("ignoreTimepoints"): "ENDPOINT" (12 rows), a visit ADaM derives (each patient\'s last or carried-forward value), not one of the schedule — analysed as a visit, it would repeat another visit\'s values');
    expect(checkDraft(csv, d.plan).badRows).toBe(0);
  });
  it.each(['Week 39 LOCF', 'ENDPOINT (LOCF)', 'Last observation'])('"%s" too', (v) => {
    const text = pivoted('USUBJID,TRT01P,AVISIT,RMDQ', (i, visit, k) => `S-${i},${arm(i)},${visit},${10 + ((i + k) % 7)}`, ['Baseline', 'Week 12', v]);
    expect(draftOf(text).d.plan.ignoreTimepoints).toEqual([v]);
  });
  it('"End of Treatment" only where AVISITN (or DTYPE) shows ADaM: a trial may schedule that visit', () => {
    const visits = ['Baseline', 'Week 12', 'End of Treatment'];
    const adam = pivoted('USUBJID,TRT01P,AVISIT,AVISITN,RMDQ', (i, visit, k) => `S-${i},${arm(i)},${visit},${[0, 12, 99][k]},${10 + ((i + k) % 7)}`, visits);
    expect(draftOf(adam).d.plan.ignoreTimepoints).toEqual(['End of Treatment']);
    const own = pivoted('USUBJID,TRT01P,AVISIT,RMDQ', (i, visit, k) => `S-${i},${arm(i)},${visit},${10 + ((i + k) % 7)}`, visits);
    const { d, csv } = draftOf(own);
    expect(d.plan.ignoreTimepoints).toBeUndefined();
    expect(d.plan.timepoints).toContain('End of Treatment');
    expect(checkDraft(csv, d.plan).badRows).toBe(0);
  });
});

describe('a BDS pivoted with values_from = c(AVAL, BASE, CHG)', () => {
  it('reads AVAL_<PARAMCD> as the parameter\'s score and never BASE_ or CHG_ as an outcome', () => {
    const text = pivoted('USUBJID,TRT01P,AVISIT,AGE,AVAL_RMDQ,AVAL_NRSAVG,BASE_RMDQ,BASE_NRSAVG,CHG_RMDQ,CHG_NRSAVG', (i, v, k) => {
      const r = 10 + ((i + k) % 7);
      const n = (4 + ((i * 3 + k) % 5) + 0.5).toFixed(1);
      const br = 10 + (i % 7);
      const bn = (4 + ((i * 3) % 5) + 0.5).toFixed(1);
      return `S-${i},${arm(i)},${v},${40 + i},${r},${n},${br},${bn},${k ? r - br : ''},${k ? (Number(n) - Number(bn)).toFixed(1) : ''}`;
    });
    const { d, csv } = draftOf(text);
    expect((d.plan.outcomes as Outcome[]).map((o) => [o.key, o.column])).toEqual([['rmdq', 'AVAL_RMDQ'], ['nrsavg', 'AVAL_NRSAVG']]);
    const said = d.guesses.join('\n');
    expect(said).toContain('not drafted: "BASE_NRSAVG", ADaM\'s baseline value of NRSAVG (the same on every row of a patient), never a follow-up outcome');
    expect(said).toContain('not drafted: "CHG_RMDQ", ADaM\'s change from baseline of RMDQ');
    expect(said).toContain('outcome "rmdq" (rmdq) from column "AVAL_RMDQ"');
    expect(said).not.toMatch(/not used: .*AVAL_RMDQ/);
    expect(checkDraft(csv, d.plan).badRows).toBe(0);
  });
});

describe('ADaM flags and the discontinuation reason', () => {
  it('names the population flags for "population" and drafts DCSREAS as the withdrawal reason', () => {
    const text = pivoted('USUBJID,TRT01P,AVISIT,ITTFL,PPROTFL,DCSREAS,RMDQ', (i, v, k) => `S-${i},${arm(i)},${v},Y,${i % 5 ? 'Y' : ''},${i % 4 ? '' : 'LOST TO FOLLOW-UP'},${10 + ((i + k) % 7)}`);
    const { d, csv } = draftOf(text);
    expect(d.plan.columns).toMatchObject({ withdrawalReason: 'DCSREAS' });
    expect(d.plan.flow).toEqual({ withdrawalReasons: { 'LOST TO FOLLOW-UP': { kind: 'lost-to-follow-up' } } });
    expect(d.guesses).toContain('withdrawal reason: ADaM\'s reason for discontinuation from the study "DCSREAS": "LOST TO FOLLOW-UP" = left the study ("flow.withdrawalReasons")');
    expect(d.guesses.find((g) => g.startsWith('not used: '))).not.toContain('DCSREAS');
    const check = d.checks.find((c) => c.startsWith('ADaM population flags'))!;
    expect(check).toContain('"ITTFL", "PPROTFL" are not used');
    expect(check).toContain('"population": {"purpose":"per-protocol","label":{"en":"Per-protocol set"},"criteria":[{"column":"PPROTFL","op":"in","values":["Y"]}]}');
    expect(checkDraft(csv, d.plan).badRows).toBe(0);
  });
});

describe('an ADaM BDS dataset of several parameters', () => {
  it('is refused with the pivot of the observed analysis records (DTYPE blank, ANL01FL "Y")', () => {
    const text = 'USUBJID,TRT01P,AVISIT,AGE,SEX,PARAMCD,AVAL,DTYPE,ANL01FL\n' + [1, 2].flatMap((i) => ['RMDQ', 'NRS'].map((p) => `S-${i},A,Baseline,40,F,${p},3,,Y`)).join('\n') + '\n';
    const { d } = draftOf(text);
    expect(d.undecided).toHaveLength(1);
    expect(d.undecided[0]!.write).toContain('in R, tidyr::pivot_wider(dplyr::filter(adam, is.na(DTYPE) | DTYPE == "", ANL01FL %in% "Y"), id_cols = c(USUBJID, TRT01P, AVISIT, AGE, SEX), names_from = PARAMCD, values_from = AVAL)');
    expect(d.undecided[0]!.write).toContain("in SAS, PROC TRANSPOSE of the rows where DTYPE = '' and ANL01FL = 'Y' with BY USUBJID AVISIT");
  });
});

describe('a CDISC SDTM QS domain', () => {
  it('is refused naming the layout, the pivot, the baseline QSBLFL marks and where the arm lives', () => {
    const text = '"STUDYID","DOMAIN","USUBJID","QSSEQ","QSTESTCD","QSTEST","QSSTRESN","QSBLFL","VISITNUM","VISIT","QSDTC"\n' +
      [1, 2, 3].flatMap((i) => [['SCREENING/BASELINE', 0, 'Y'], ['WEEK 12', 12, '']].map(([v, n, b], k) => `"SB01","QS","SB01-${i}",${k + 1},"RMDQTOT","RMDQ total",${10 + i + k},"${b}",${n},"${v}","2023-10"`)).join('\n') + '\n';
    const { d } = draftOf(text, 'qs.csv');
    expect(d.undecided).toHaveLength(1);
    expect(d.undecided[0]!.what).toBe("the layout: a CDISC SDTM QS findings domain (one row per subject, visit and test: the test's code in QSTESTCD, its standardised result in QSSTRESN; the arm is not in it), where hta reads one column per outcome and the arm on each row");
    const write = d.undecided[0]!.write;
    expect(write).toContain('dplyr::left_join(tidyr::pivot_wider(dplyr::mutate(qs, VISIT = ifelse(QSBLFL %in% "Y", "BASELINE", VISIT)), id_cols = c(USUBJID, VISIT), names_from = QSTESTCD, values_from = QSSTRESN), adsl[c("USUBJID", "TRT01P")], by = "USUBJID")');
    expect(write).toContain('(the baseline, here VISIT "SCREENING/BASELINE") "BASELINE", which plan init reads as the baseline');
    expect(write).toContain('join the arm from ADSL (TRT01P) or DM (ARM)');
  });
});

describe('CDISC\'s disposition columns', () => {
  // The CDISC pilot's ADSL writes COMPLETED in DCSREAS (and DCDECOD) for a patient who stayed.
  const text = (column: string) => pivoted(`USUBJID,TRT01P,AVISIT,${column},RMDQ`, (i, v, k) => `S-${i},${arm(i)},${v},${i % 4 ? 'COMPLETED' : i % 8 ? 'ADVERSE EVENT' : 'LOST TO FOLLOW-UP'},${10 + ((i + k) % 7)}`);
  it('DCSREAS with COMPLETED: COMPLETED did not withdraw ("flow.notWithdrawn"), every other reason left the study, and the draft passes validate', () => {
    const { d, csv } = draftOf(text('DCSREAS'));
    expect(d.plan.columns).toMatchObject({ withdrawalReason: 'DCSREAS' });
    expect(d.plan.flow).toEqual({ withdrawalReasons: { 'LOST TO FOLLOW-UP': { kind: 'lost-to-follow-up' }, 'ADVERSE EVENT': { kind: 'lost-to-follow-up' } }, notWithdrawn: ['COMPLETED'] });
    expect(checkDraft(csv, d.plan).badRows).toBe(0);
  });
  it('DCDECOD, the disposition term of every event, is no withdrawal reason', () => {
    const { d, csv } = draftOf(text('DCDECOD'));
    expect((d.plan.columns as Record<string, unknown>).withdrawalReason).toBeUndefined();
    expect(d.plan.flow).toBeUndefined();
    expect(d.guesses.find((g) => g.startsWith('not used: '))).toContain('DCDECOD');
    expect(checkDraft(csv, d.plan).badRows).toBe(0);
  });
});

describe('a one-parameter BDS dataset with PARAM only (a label with spaces)', () => {
  it('is drafted, the outcome named from the label', () => {
    const text = fixture.replaceAll('"PARAMCD"', '"PARAM"').replaceAll('"RMDQ",', '"RMDQ Total Score",');
    const { d, csv } = draftOf(text, 'adqs-rmdq.csv');
    expect(d.undecided).toEqual([]);
    expect(d.plan.outcomes).toMatchObject([{ key: 'rmdq', instrument: 'rmdq', column: 'AVAL' }]);
    expect(d.guesses).toContain('outcome column "AVAL": the one parameter of this CDISC ADaM BDS dataset (PARAM "RMDQ Total Score"), read as RMDQ_Total_Score\'s score');
    expect(checkDraft(csv, d.plan).badRows).toBe(0);
  });
});

describe('a record summarising others (DTYPE AVERAGE)', () => {
  it('is undecided, naming the filter that keeps ADaM\'s analysed records, never read past', () => {
    const lines = fixture.split('\n');
    lines[2] = lines[2]!.replace(',"","Y"', ',"AVERAGE","Y"');
    const { d } = draftOf(lines.join('\n'), 'adqs-rmdq.csv');
    expect(d.plan.derivedRows).toBeUndefined();
    expect(d.undecided[0]!.what).toBe('ADaM derived records that summarise others ("AVERAGE" 1 in "DTYPE"), beside the records they summarise');
    expect(d.undecided[0]!.write).toContain('dplyr::select(dplyr::filter(adam, ANL01FL %in% "Y", !DTYPE %in% c("LOCF")), -DTYPE)');
  });
});

/** A trial export of 40 patients (record_id, arm, visit, age, sex, rmdq) and `extra` columns: no CDISC dataset. */
const ordinary = (visits: string[], head = '', extra: (i: number) => string = () => '') =>
  `record_id,arm,visit,age,sex,rmdq${head}\n` +
  Array.from({ length: 40 }, (_, i) => visits.map((v, k) => `${i + 1},${i % 2 ? 'Control' : 'Intervention'},${v},${30 + (i % 30)},${i % 3 ? 'F' : 'M'},${Math.max(0, 6 + ((i * 7) % 14) - 2 * k)}${extra(i)}`).join('\n')).join('\n') + '\n';

describe('an ordinary trial export', () => {
  it('with its own "dtype" column (web/paper) drafts every visit and no "derivedRows"', () => {
    const { d, csv } = draftOf(ordinary(['Baseline', '3 months', '12 months'], ',dtype', (i) => `,${i % 2 ? 'web' : 'paper'}`), 'dtype.csv');
    expect(d.undecided).toEqual([]);
    expect(d.plan.derivedRows).toBeUndefined();
    expect(d.plan.timepoints).toEqual(['3m', '12m']);
    expect(d.plan.arms).toEqual({ intervention: 'Intervention', control: 'Control' });
    expect(checkDraft(csv, d.plan).badRows).toBe(0);
  });
  it.each([
    ['End of treatment', 'End of treatment'],
    ['12 months (primary endpoint)', '12 months (primary endpoint)'],
    ['Endpoint', 'Endpoint'],
    ['EOS', 'EOS'],
  ])('with a visit "%s" in its "visit" column drafts it as a time point', (visit, key) => {
    const { d, csv } = draftOf(ordinary(['Baseline', '3 months', visit]));
    expect(d.plan.ignoreTimepoints).toBeUndefined();
    expect(d.plan.timepoints).toContain(key);
    expect(d.guesses.join('\n')).not.toContain('ADaM');
    expect(checkDraft(csv, d.plan).badRows).toBe(0);
  });
  it('with DCSREAS "COMPLETED" on every row passes validate, the column not a withdrawal reason', () => {
    const { d, csv } = draftOf(ordinary(['Baseline', '3 months', '12 months'], ',DCSREAS', () => ',COMPLETED'));
    expect((d.plan.columns as Record<string, unknown>).withdrawalReason).toBeUndefined();
    expect(checkDraft(csv, d.plan).badRows).toBe(0);
  });
});
