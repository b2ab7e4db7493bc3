// plan init on exports as the systems write them (test/fixtures/exports/plan-init-shapes/, made
// by a tester): what it drafts from each, and which shapes it refuses, naming them
// (docs/plan-trial.md "What plan init recognises").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { checkDraft } from '../../src/plan/check-draft.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { runCli } from '../support/run-cli.js';

const DIR = 'test/fixtures/exports/plan-init-shapes';
const draftOf = (name: string) => draftPlan(readCsvFile(`${DIR}/${name}`), 'plan.schema.json');
type Outcome = { key: string; instrument: string; column?: string };

describe('REDCap "CSV (labels)" checkbox columns', () => {
  const d = draftOf('redcap-labels-checkbox.csv');
  it('are one checkbox field, as the raw export\'s ___1 columns: not pain scores', () => {
    const outcomes = d.plan.outcomes as Outcome[];
    expect(outcomes.map((o) => o.key)).toEqual(['rmdq', 'smerte_0_10']);
    expect(d.guesses.join('\n')).toContain('not used: REDCap checkbox field "Bruger du smertestillende medicin?" (Bruger du smertestillende medicin? (choice=Ja), Bruger du smertestillende medicin? (choice=Nej): one Checked/Unchecked column per option)');
    expect(d.checks.join('\n')).toContain('"answers": { "Checked": 1, "Unchecked": 0 }');
  });
  it('Checked and Unchecked are answers, never missing-value codes', () => {
    expect(d.plan.missingCodes).toBeUndefined();
  });
});

describe('a 0–100 visual analogue scale', () => {
  it('EQ VAS (eq5d_vas, 0–100) is never drafted as a 0–10 pain score: left out with the instrument to add', () => {
    const d = draftOf('eq-vas.csv');
    const outcomes = d.plan.outcomes as Outcome[];
    expect(outcomes.find((o) => o.key === 'eq5d_vas')).toBeUndefined();
    expect(outcomes.some((o) => o.instrument === 'nrs')).toBe(false);
    expect(d.checks.join('\n')).toMatch(/"eq5d_vas" is not among the drafted outcomes: EQ-5D's visual analogue scale \(0–100, higher is better\).*"range": \[0, 100\], "direction": "higher-is-better"/);
  });
  const csv = (column: string, values: number[]) =>
    parseCsvText(`id,arm,time,${column}\n${values.map((v, i) => `${i >> 1},${i % 4 < 2 ? 'app' : 'usual'},${i % 2 ? '3m' : 'baseline'},${v}`).join('\n')}\n`, 'vas.csv');
  it('a pain column holding values above 10 is drafted on a 0–100 scale, lower is better', () => {
    const d = draftPlan(csv('smerte_vas', [72, 40, 65, 12, 80, 55, 30, 8]), 'plan.schema.json');
    const outcomes = d.plan.outcomes as Outcome[];
    expect(outcomes).toEqual([expect.objectContaining({ key: 'smerte_vas', instrument: 'vas_0_100' })]);
    expect((d.plan.instruments as Record<string, { range: number[]; direction: string }>).vas_0_100).toMatchObject({ range: [0, 100], direction: 'lower-is-better', mcid: 15 });
  });
  it('a bare "vas" of 0–100 says it cannot tell pain from health; values above 100 are no VAS', () => {
    expect(draftPlan(csv('vas', [72, 40, 65, 12, 80, 55, 30, 8]), 'plan.schema.json').undecided[0]!.what).toMatch(/may be pain \(lower is better\) or health \(higher is better\)/);
    expect(draftPlan(csv('smerte', [720, 400, 650, 120, 800, 550, 300, 80]), 'plan.schema.json').undecided[0]!.what).toMatch(/neither a 0–10 nor a 0–100 scale/);
  });
});

describe('a REDCap screening event before the baseline', () => {
  const csv = readCsvFile(`${DIR}/redcap-screening.csv`);
  const d = draftPlan(csv, 'plan.schema.json');
  it('is no time point: listed before the baseline, the follow-ups 3m and 12m only', () => {
    expect(d.plan.timepoints).toEqual(['3m', '12m']);
    expect(d.plan.allTimepoints).toEqual(['screening', 'baseline', '3m', '12m']);
    expect((d.plan.timeLabels as Record<string, string>).screening_arm_1).toBe('screening');
    expect(d.guesses.join('\n')).toMatch(/event "screening_arm_1" named as an event before the baseline, and holds no outcome value: not a time point/);
  });
  it('its rows still give the arm and the age, and the draft passes validate', () => {
    const trial = loadTrial(csv, parsePlan(d.plan, 'draft'));
    expect(trial.patients).toHaveLength(60);
    expect(trial.patients.every((p) => typeof p.covariates.alder === 'number')).toBe(true);
    expect(checkDraft(csv, d.plan).badRows).toBe(0);
  });
  it('"screening" beside a "baseline" event is not taken as the baseline', () => {
    const text = 'id,arm,visit,age,smerte\n' + [1, 2, 3, 4].flatMap((i) => [`${i},${i % 2 ? 'app' : 'usual'},screening,${40 + i},`, `${i},,baseline,,${i}`, `${i},,3 months,,${i + 1}`]).join('\n') + '\n';
    const e = draftPlan(parseCsvText(text, 'scr.csv'), 'plan.schema.json');
    expect(e.plan.baseline).toBeUndefined();
    expect(e.plan.timepoints).toEqual(['3m']);
    expect(e.plan.allTimepoints).toEqual(['screening', 'baseline', '3m']);
  });
});

describe('a SAS ADaM BDS dataset (one row per parameter: PARAMCD, AVAL)', () => {
  it('is refused naming the layout and the pivot, never drafted with the constant STUDYID as the id', () => {
    const d = draftOf('sas-adam-bds.csv');
    expect(d.undecided).toHaveLength(1);
    expect(d.undecided[0]!.what).toMatch(/a CDISC ADaM BDS dataset \(one row per subject, visit and parameter: the outcome's code in PARAMCD, its value in AVAL\)/);
    expect(d.undecided[0]!.write).toMatch(/one column per PARAMCD, one row per USUBJID and AVISIT: pivot the dataset wide — in R, tidyr::pivot_wider\(adam, id_cols = c\(USUBJID, TRT01P, AVISIT, AGE\), names_from = PARAMCD, values_from = AVAL\)/);
  });
  it('the pivoted file is drafted: USUBJID the id, TRT01P the arm, AVISIT the visits', () => {
    const text = 'STUDYID,USUBJID,TRT01P,AVISIT,AGE,PAIN,RMDQ\n' + [1, 2, 3, 4].flatMap((i) => ['BASELINE', 'MONTH 3'].map((v, k) => `BACKAPP,BACKAPP-00${i},${i % 2 ? 'APP' : 'USUAL CARE'},${v},${40 + i},${i + k},${i * 2 + k}`)).join('\n') + '\n';
    const d = draftPlan(parseCsvText(text, 'pivot.csv'), 'plan.schema.json');
    expect(d.plan.columns).toMatchObject({ id: 'USUBJID', arm: 'TRT01P', time: 'AVISIT' });
    expect(d.plan.timeLabels).toEqual({ BASELINE: 'baseline', 'MONTH 3': '3m' });
  });
});

describe('the patient id is never a column holding one value', () => {
  const text = (head: string) => `${head},arm,time,smerte\n` + [1, 2, 3].flatMap((i) => ['baseline', '3m'].map((v) => `TRIAL-7,${i},${i % 2 ? 'app' : 'usual'},${v},${i}`)).join('\n') + '\n';
  it('STUDYID beside SUBJID: SUBJID', () => {
    const d = draftPlan(parseCsvText(text('STUDYID,SUBJID'), 'ids.csv'), 'plan.schema.json');
    expect((d.plan.columns as Record<string, string>).id).toBe('SUBJID');
    expect(d.guesses.join('\n')).toContain('not the id: "STUDYID", which holds one value in every row');
  });
  it('a constant study id and an unnamed number: the number, said', () => {
    const d = draftPlan(parseCsvText(text('studyid,Nummer'), 'ids.csv'), 'plan.schema.json');
    expect((d.plan.columns as Record<string, string>).id).toBe('Nummer');
    expect(d.checks.join('\n')).toContain('"Nummer" (the first column holding more than one value) was taken');
  });
});

describe('Stata reshape wide names without a separator (rmdq0 rmdq3 rmdq12)', () => {
  const csv = readCsvFile(`${DIR}/stata-reshape-wide.csv`);
  const d = draftPlan(csv, 'plan.schema.json');
  it('are drafted as a wide export: 0 the baseline, 3 and 12 months', () => {
    expect(d.undecided).toEqual([]);
    expect(d.plan).toMatchObject({ layout: 'wide', timepoints: ['3m', '12m'], timeLabels: { '0': 'baseline', '3': '3m', '12': '12m' } });
    expect((d.plan.outcomes as Outcome[]).map((o) => o.key)).toEqual(['rmdq', 'pain', 'med']);
  });
  it('are read as the same export with rmdq_0 … names would be', () => {
    const text = readFileSync(`${DIR}/stata-reshape-wide.csv`, 'utf8');
    const separated = parseCsvText(text.replace(/^[^\n]*/, (h) => h.replace(/"([a-z]+)(\d+)"/g, '"$1_$2"')), 'separated.csv');
    const joined = loadTrial(csv, parsePlan(d.plan, 'draft'));
    const other = loadTrial(separated, parsePlan(draftPlan(separated, 'plan.schema.json').plan, 'draft'));
    expect(joined.rows.length).toBe(other.rows.length);
    expect([...joined.rows.scores.rmdq!]).toEqual([...other.rows.scores.rmdq!]);
    expect([...joined.rows.scores.pain!]).toEqual([...other.rows.scores.pain!]);
  });
  it('numbers that differ between names are not taken as visits', () => {
    const e = draftPlan(parseCsvText('id,arm,rmdq0,rmdq3,pain0,pain6\n1,a,3,4,5,6\n2,b,3,4,5,6\n', 'x.csv'), 'plan.schema.json');
    expect(e.undecided.map((u) => u.what)).toContain('the visits');
  });
});

describe('the drafted screening event in the reports', () => {
  it('the charts\' visits start at the baseline', () => {
    const csv = readCsvFile(`${DIR}/redcap-screening.csv`);
    const trial = loadTrial(csv, parsePlan(draftPlan(csv, 'plan.schema.json').plan, 'draft'));
    expect(trial.times[0]).toBe('screening');
    expect(trialChartContext(trial, 'en').visits).toEqual(['baseline', '3m', '12m']);
  });
});

describe('plan init on a spreadsheet shape of the data', () => {
  it('drafts the plan and says the shape under the rows it cannot read', async () => {
    const r = await runCli('plan', 'init', `${DIR}/excel-totals-row.csv`);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('excel-totals-row.csv, line 62: expected a patient\'s row: line 62 is a summary row ("Gennemsnit"');
  });
});

describe('REDCap form-status columns (`<form>_complete`: 0 Incomplete, 1 Unverified, 2 Complete)', () => {
  // A tester's raw REDCap export: `rmdq_complete` was drafted as a second RMDQ outcome (and
  // `smerte_complete` as a pain score), analysed and reported as a critical outcome.
  const text = readFileSync(`${DIR}/redcap-form-status.csv`, 'utf8');
  for (const name of ['rmdq_complete', 'smerte_complete', 'Complete?']) {
    it(`"${name}" is said and not drafted as an outcome or covariate`, () => {
      const d = draftPlan(parseCsvText(text.replace('rmdq_complete', name.includes('?') ? '"Complete?"' : name), 'r.csv'), 'plan.schema.json');
      const outcomes = d.plan.outcomes as Outcome[];
      expect(outcomes.map((o) => o.column ?? o.key)).toEqual(['rmdq', 'smerte_nrs']);
      expect((d.plan.covariates as string[] | undefined) ?? []).not.toContain(name);
      expect(d.guesses.join('\n')).toContain(`not used: "${name}", a REDCap form status (0 Incomplete, 1 Unverified, 2 Complete), not an answer`);
    });
  }
  it('the label export\'s words are a form status too; a column of other values named so is not', async () => {
    const { isRedcapFormStatus } = await import('../../src/plan/redcap-form-status.js');
    expect(isRedcapFormStatus('Complete?', ['Complete', 'Incomplete', ''])).toBe(true);
    expect(isRedcapFormStatus('followup_complete', ['0', '2'])).toBe(true);
    expect(isRedcapFormStatus('rmdq_complete', ['0', '7', '12'])).toBe(false);
    expect(isRedcapFormStatus('rmdq', ['0', '1', '2'])).toBe(false);
  });
});

describe('REDCap "CSV (labels)" with the arm question as a column and arms after every event', () => {
  // A tester's label export (test/fixtures/exports/redcap-labels-forms/): plan init found neither
  // the arm column ("Randomiseret til:") nor the baseline ("Baseline (Arm 1: Arm 1)").
  const d = draftPlan(readCsvFile('test/fixtures/exports/redcap-labels-forms/export.csv', { duplicateNames: 'keep' }), 'plan.schema.json');
  it('takes "Randomiseret til:" as the arm column and the events without their arm as visits', () => {
    expect(d.undecided).toEqual([]);
    expect((d.plan.columns as { arm?: string }).arm).toBe('Randomiseret til:');
    expect(d.plan.timeLabels).toEqual({ 'Baseline (Arm 1: Arm 1)': 'baseline', '3 måneder (Arm 1: Arm 1)': '3m' });
    expect(d.plan.arms).toEqual({ intervention: 'App', control: 'Sædvanlig behandling' });
  });
});
