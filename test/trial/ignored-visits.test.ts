/**
 * "ignoreTimepoints" beyond the MMRM (test/analysis/mmrm-ignored-visit.test.ts): refused beside a
 * wide export, where it would do nothing; an observational run's small counts of its rows
 * suppressed as its recode counts are; a mistyped entry named at the rows it missed, and an
 * entry matching no row said (docs/plan-trial.md#visits-left-out).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { ignoredVisitsNote } from '../../src/cli/load-inputs.js';
import { errorOf } from '../support/error-of.js';
import { runCli, tempDir } from '../support/run-cli.js';
import { ignoredVisitPlan } from '../support/ignored-visit-plan.js';

const fixture = readFileSync(new URL('../fixtures/ignored-visit/redcap.csv', import.meta.url), 'utf8');
/** The fixture with only its first `keep` rows at the unscheduled visit (of as many patients). */
const withExtraRows = (keep: number): string => {
  let kept = 0;
  return fixture
    .split('\n')
    .filter((l) => !l.includes(',6_weeks_arm_1,') || kept++ < keep)
    .join('\n');
};
const trialPlan = ignoredVisitPlan;
const observationalPlan = {
  design: 'observational',
  observational: { exposure: { column: 'randomisering', exposed: '1', unexposed: '2' }, confounders: [{ name: 'alder', column: 'alder', type: 'numeric' }], estimand: 'ATE' },
  columns: { id: 'record_id', time: 'redcap_event_name' },
  timeLabels: { baseline_arm_1: 'baseline', '3_months_arm_1': '3m', '9_months_arm_1': '9m' },
  timepoints: ['3m', '9m'],
  ignoreTimepoints: ['6_weeks_arm_1'],
  outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
};

describe('ignoreTimepoints and a wide export', () => {
  const wide = 'id,arm,alder,rmdq_baseline,rmdq_6w,rmdq_3m,rmdq_9m\n' + Array.from({ length: 12 }, (_, i) => `${i + 1},${(i % 2) + 1},${40 + i},${10 + (i % 5)},${8 + (i % 3)},${7 + (i % 4)},${6 + (i % 5)}`).join('\n') + '\n';
  const plan = { arms: { intervention: '1', control: '2' }, timepoints: ['3m', '9m'], ignoreTimepoints: ['6w'], covariates: ['alder'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] };

  it('is refused for an export read as wide: its unlisted visit columns are not read anyway', () => {
    const err = errorOf(() => loadTrial(parseCsvText(wide, 'wide.csv'), parsePlan(plan)));
    expect(err.exitCode).toBe(2);
    expect(err.problems).toMatchObject([{ file: 'wide.csv', line: 1, value: 'ignoreTimepoints', kind: 'plan.ignore-wide' }]);
    expect(err.problems[0]!.expected).toContain('it applies to a long export');
  });

  it('is refused in a plan that says "layout": "wide"', () => {
    const err = errorOf(() => parsePlan({ ...plan, layout: 'wide' }, 'plan.json'));
    expect(err.problems).toMatchObject([{ field: 'ignoreTimepoints', value: '6w' }]);
  });

  it('without it the same wide export reads (the refusal is the key, not the file)', () => {
    const { ignoreTimepoints: _, ...without } = plan;
    expect(loadTrial(parseCsvText(wide, 'wide.csv'), parsePlan(without)).layout).toBe('wide');
  });
});

describe('an observational run\'s rows read past', () => {
  it('are "suppressed" below the plan\'s threshold in validate --json and its notes, English and Danish', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'obs.csv'), withExtraRows(2));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(observationalPlan));
    const r = await runCli('validate', join(dir, 'obs.csv'), '--plan', join(dir, 'plan.json'), '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { ignoredVisits: unknown; warnings: string[] };
    expect(out.ignoredVisits).toEqual({ rows: 'suppressed', patients: 'suppressed', visits: ['6_weeks_arm_1'] });
    const note = out.warnings.find((w) => w.includes('ignoreTimepoints'));
    expect(note).toContain('fewer than 5 row(s) of fewer than 5 patient(s) not read');
    expect(r.stderr).toContain('fewer than 5 row(s) of fewer than 5 patient(s)');
    expect(r.stderr).not.toMatch(/\b2 row/);
    const trial = loadTrial(parseCsvText(withExtraRows(2), 'obs.csv'), parsePlan(observationalPlan));
    expect(ignoredVisitsNote(trial, 'da')).toContain('færre end 5 række(r) (færre end 5 patient(er))');
  });

  it('are printed exactly from the threshold on, and always for a trial', () => {
    const obs = loadTrial(parseCsvText(withExtraRows(5), 'obs.csv'), parsePlan(observationalPlan));
    expect(ignoredVisitsNote(obs)).toContain(': 5 row(s) of 5 patient(s) not read');
    const trial = loadTrial(parseCsvText(withExtraRows(2), 'redcap.csv'), trialPlan({ ignoreTimepoints: ['6_weeks_arm_1'] }));
    expect(ignoredVisitsNote(trial)).toContain(': 2 row(s) of 2 patient(s) not read');
  });
});

describe('a mistyped entry of ignoreTimepoints', () => {
  it('is named at the rows it missed: did you mean the export\'s value there', () => {
    const err = errorOf(() => loadTrial(parseCsvText(fixture, 'redcap.csv'), trialPlan({ ignoreTimepoints: ['6_week_arm_1'] })));
    expect(err.problems[0]).toMatchObject({ value: '6_weeks_arm_1', hint: 'did you mean "6_weeks_arm_1" in "ignoreTimepoints"? (it lists "6_week_arm_1", which no row has)' });
  });

  it('an entry that matches rows is no typo: an odd spelling of its visit gets no such hint', () => {
    const csv = fixture.replace('\n1,6_weeks_arm_1,', '\n1,6_week_arm_1,');
    const err = errorOf(() => loadTrial(parseCsvText(csv, 'redcap.csv'), trialPlan({ ignoreTimepoints: ['6_weeks_arm_1'] })));
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ value: '6_week_arm_1' });
    expect(err.problems[0]!.hint ?? '').not.toContain('ignoreTimepoints');
  });

  it('an entry matching no row at all is said in a note', () => {
    const trial = loadTrial(parseCsvText(fixture, 'redcap.csv'), trialPlan({ ignoreTimepoints: ['6_weeks_arm_1', 'unscheduled_arm_1'] }));
    expect(trial.readNotes).toContain('redcap.csv: the plan\'s "ignoreTimepoints" lists "unscheduled_arm_1", which no row of the export has — correct the spelling to the export\'s value, or remove it');
    const clean = loadTrial(parseCsvText(fixture, 'redcap.csv'), trialPlan({ ignoreTimepoints: ['6_weeks_arm_1'] }));
    expect((clean.readNotes ?? []).some((n) => n.includes('no row of the export has'))).toBe(false);
  });
});

describe('the note on rows read past', () => {
  // Patient 1 seen once, off schedule (the 6-week visit, arm and age filled there), then withdrew:
  // their rows are read past, but they stay randomised (docs/plan-trial.md#visits-left-out).
  const onlyIgnored = fixture
    .split('\n')
    .filter((l) => !/^1,(baseline|3_months|9_months)_arm_1,/.test(l))
    .map((l) => (l.startsWith('1,6_weeks_arm_1,') ? '1,6_weeks_arm_1,1,53,6' : l))
    .join('\n');

  it('says the rows\' values are in no estimate and their patients stay in the trial, as they do (en and da)', () => {
    const trial = loadTrial(parseCsvText(onlyIgnored, 'redcap.csv'), trialPlan({ ignoreTimepoints: ['6_weeks_arm_1'] }));
    expect(trial.patients.map((p) => p.id)).toContain('1');
    const en = ignoredVisitsNote(trial)!;
    expect(en).not.toContain('they are in no analysis');
    expect(en).toContain('their values are in no estimate, chart or model, but their patients stay in the trial');
    expect(en).toContain('counts as randomised in the participant flow, Table 1 and the intention-to-treat imputation');
    const da = ignoredVisitsNote(trial, 'da')!;
    expect(da).not.toContain('indgår ikke i nogen analyse');
    expect(da).toContain('men patienterne forbliver i forsøget');
    expect(da).toContain('tæller som randomiseret i patientflowet');
  });
});
