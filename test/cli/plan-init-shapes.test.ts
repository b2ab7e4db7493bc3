// `hta plan init` on exports as spreadsheets write them: numbers in the other decimal mark are
// data, never drafted as missing-value codes (a plan with "6,0" as a missing code would drop
// every such answer silently); the draft says the file mixes decimal marks instead.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { runCli, tempDir } from '../support/run-cli.js';

describe('plan init and decimal marks', () => {
  it('thousands dots beside decimal commas: the pain values are numbers, no missing codes', () => {
    const csv = parseCsvText('id;arm;time;smerte;indkomst\nP1;a;0;6,0;642.025\nP1;a;3;4,5;642.025\nP2;b;0;7,5;1.250.000\nP2;b;3;3,0;1.250.000\n', 'dk.csv');
    const d = draftPlan(csv, 'plan.schema.json');
    expect(d.plan.missingCodes).toBeUndefined();
    expect(d.checks.join('\n')).toMatch(/"smerte" has decimals/);
  });
  it('decimal commas in a dot-decimal file: no missing codes, a check naming the mixed marks', () => {
    // Dot-decimal by a majority of the cells that show their mark (src/io/decimal-mark.ts): five weights against four pain scores.
    const csv = parseCsvText('id;arm;time;smerte;vaegt\n1;a;0;6,0;12.5\n1;a;3;4,5;12.5\n2;b;0;7,5;80.5\n2;b;3;3,0;80.5\n2;b;6;;81.5\n', 'mixed.csv');
    const d = draftPlan(csv, 'plan.schema.json');
    expect(d.plan.missingCodes).toBeUndefined();
    expect(d.checks.join('\n')).toMatch(/values such as "6,0", "4,5", "7,5" have a decimal comma while the file's other numbers have a decimal point/);
  });
});

describe('plan init on the later export shapes', () => {
  // The draft-validates-like-the-hand-written-plan check of these two shapes is in plan-init.test.ts (FIXTURES).
  it('REDCap checkbox columns are listed as one field, not drafted as outcomes', async () => {
    const r = await runCli('plan', 'init', 'test/fixtures/exports/redcap-events/export.csv');
    expect(JSON.parse(r.stdout).outcomes.map((o: { key: string }) => o.key)).toEqual(['rmdq']);
    expect(r.stderr).toContain('REDCap checkbox field "meds" (meds___1, meds___2, meds___3');
  });
});

describe('plan init on SPSS value labels', () => {
  it('reads "3 måneder" as the 3m visit and "Køn" as the covariate "koen"', () => {
    const csv = parseCsvText('ID,Behandling,Tidspunkt,Køn,Smerte\n1,App,Baseline,Kvinde,5\n1,App,3 måneder,Kvinde,3\n2,Usual care,Baseline,Mand,6\n2,Usual care,3 måneder,Mand,.a\n', 'spss.csv');
    const d = draftPlan(csv, 'plan.schema.json');
    expect(d.plan.timeLabels).toEqual({ Baseline: 'baseline', '3 måneder': '3m' });
    expect(d.plan.covariates).toEqual(['koen']);
    expect((d.plan.columns as { covariates: unknown }).covariates).toEqual({ koen: 'Køn' });
  });
});

describe('plan init --uptake on a Parquet registry', () => {
  it('says it drafts from CSV only and how to write the plan, instead of a quoting error on line 1', async () => {
    const file = join(tempDir(), 'registry.parquet');
    writeFileSync(file, Buffer.from('PAR1\x15\x04\x15"x', 'latin1'));
    const r = await runCli('plan', 'init', '--uptake', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a Parquet file: plan init --uptake drafts from a CSV registry only/);
    expect(r.stderr).toMatch(/columns\.registry/);
  });
});

describe('the drafted title', () => {
  it('names the export by its file name, never by a folder path that would be printed on the report pages', () => {
    const d = draftPlan(parseCsvText('id,arm,time,rmdq\n1,a,baseline,3\n1,a,3m,2\n2,b,baseline,4\n2,b,3m,4\n', '/home/forsker/projekter/trial/export.csv'), 'plan.schema.json');
    expect(d.plan.title).toEqual({ en: 'Trial results: export.csv', da: 'Forsøgsresultater: export.csv' });
    expect(d.checks.join('\n')).toMatch(/give the plan a "title"/);
  });
});

describe('plan init on a REDCap export with labels (not raw codes)', () => {
  it('takes "Event Name" as the visit column and names "Smerte (0-10)" smerte_0_10', () => {
    const csv = parseCsvText('Record ID,Event Name,Randomisering,Smerte (0-10)\n1,Baseline,App,5\n1,3 måneder,,3\n2,Baseline,Kontrol,6\n2,3 måneder,,6\n', 'labels.csv');
    const d = draftPlan(csv, 'plan.schema.json');
    expect(d.plan.columns).toMatchObject({ id: 'Record ID', time: 'Event Name', arm: 'Randomisering' });
    expect(d.plan.outcomes).toEqual([{ key: 'smerte_0_10', instrument: 'nrs', column: 'Smerte (0-10)', label: { en: 'Pain intensity (NRS 0–10)', da: 'Smerteintensitet (NRS 0–10)' } }]);
  });
});

describe('plan init on a REDCap project randomised into REDCap arms', () => {
  it('drafts the arms from the event names, the visits without their arm, and says which arm it took as the intervention', () => {
    const csv = parseCsvText('record_id,redcap_event_name,smerte\n1,baseline_arm_1,5\n1,6_months_arm_1,3\n2,baseline_arm_2,6\n2,3_months_arm_2,6\n', 'arms.csv');
    const d = draftPlan(csv, 'plan.schema.json');
    expect(d.plan).toMatchObject({ armSource: 'redcap-event', arms: { intervention: 'arm_1', control: 'arm_2' }, timeLabels: { '3_months': '3m', '6_months': '6m' }, timepoints: ['3m', '6m'] });
    expect(d.checks.join('\n')).toMatch(/arm 1 \("arm_1"\) was taken as the intervention and arm 2 \("arm_2"\) as the control — REDCap numbers arms in the order they were set up/);
  });
  it('takes a label export\'s arm named like the intervention, whatever its number', () => {
    const csv = parseCsvText('record_id,redcap_event_name,smerte\n1,Baseline (Arm 1: Kontrol),5\n2,Baseline (Arm 2: App),6\n2,3 måneder (Arm 2: App),6\n', 'labels.csv');
    const d = draftPlan(csv, 'plan.schema.json');
    expect(d.plan).toMatchObject({ armSource: 'redcap-event', arms: { intervention: 'Arm 2: App', control: 'Arm 1: Kontrol' }, timeLabels: { Baseline: 'baseline', '3 måneder': '3m' } });
    expect(d.checks.join('\n')).toMatch(/arm 2 \("Arm 2: App"\) was taken as the intervention and arm 1 \("Arm 1: Kontrol"\) as the control, from its name/);
  });
});

describe('plan init on SPSS codes written with decimals ("1,00")', () => {
  it('guesses "1,00" as the intervention as it would "1"', () => {
    const csv = parseCsvText('pid;arm;time;smerte\n1;2,00;0;5\n1;2,00;3;3\n2;1,00;0;6\n2;1,00;3;6\n', 'spss.csv');
    expect(draftPlan(csv, 'plan.schema.json').plan.arms).toEqual({ intervention: '1,00', control: '2,00' });
  });
});

describe('a workbook given as the registry', () => {
  it('is named as a workbook by plan init --uptake and by uptake, with how to export a CSV', async () => {
    const file = join(tempDir(), 'registry.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64, 7)]));
    const draft = await runCli('plan', 'init', '--uptake', file);
    expect(draft.code).toBe(2);
    expect(draft.stderr).toMatch(/registry\.csv is an Excel workbook \(\.xlsx\) or another zip archive, not a CSV file/);
    const run = await runCli('uptake', file, '--eligible', 'data/synthetic/eligible.csv', '--plan', 'data/plans/uptake.plan.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/registry\.csv is an Excel workbook \(\.xlsx\) or another zip archive, not a CSV file[\s\S]*CSV UTF-8/);
  });
});
