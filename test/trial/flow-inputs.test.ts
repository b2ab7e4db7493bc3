/**
 * Issue #15 point 4: the CONSORT flow's inputs — the withdrawal-reason column (one value per
 * patient, on any row) and the plan's screening log, checked against the export.
 */
import { errorOf } from '../support/error-of.js';
import type { Problem } from '../../src/errors.js';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { loadPlanFile, parsePlan } from '../../src/plan/load-plan.js';
import { checkTrialContent } from '../../src/trial/check-content.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { participantFlowOf } from '../../src/analysis/participant-flow.js';
import { problemText } from '../../src/report/problem-text.js';
import { runCli } from '../support/run-cli.js';
import { consortLines, EXPECTED, FLOW_PLAN, REASONS, writeConsortFixture } from '../support/consort-fixture.js';

const plan = (change: (p: typeof FLOW_PLAN) => object = (p) => p) => parsePlan(change(structuredClone(FLOW_PLAN)));
const load = (lines: string[], p = plan()) => loadTrial(parseCsvText(lines.join('\n') + '\n', 'trial.csv'), p);
const problemsOf = (f: () => unknown): Problem[] => errorOf(f).problems;

describe('withdrawal reasons in the export', () => {
  it('are read per patient from any of its rows (the default column "withdrawal_reason")', () => {
    const trial = load(consortLines());
    expect(trial.withdrawalColumn).toBe('withdrawal_reason');
    const byId = Object.fromEntries(trial.patients.map((p) => [p.id, p.withdrawal]));
    for (const [k, reason] of Object.entries(REASONS)) expect(byId[`P${k}`]).toBe(reason);
    expect(trial.patients.filter((p) => p.withdrawal === undefined)).toHaveLength(40 - Object.keys(REASONS).length);
  });

  it('counted per arm and kind with the plan\'s labels, in its order', () => {
    const flow = participantFlowOf(load(consortLines()))!;
    const app = flow.losses!.intervention;
    expect(app.map((r) => [r.kind, r.label.en, r.n])).toEqual([
      ['lost-to-follow-up', 'Moved away', EXPECTED.intervention.moved],
      ['lost-to-follow-up', 'No time', EXPECTED.intervention.noTime],
      ['discontinued', 'Stopped using the app', EXPECTED.intervention.discontinued],
    ]);
    // A reason no usual-care patient gave is left out of that arm.
    expect(flow.losses!.control.map((r) => [r.value, r.n])).toEqual([['moved', EXPECTED.control.moved], ['stopped_app', EXPECTED.control.discontinued]]);
    expect(flow.losses!.control[0]!.label.da).toBe('Flyttet');
  });

  it('without the plan\'s list, every value counts as lost to follow-up under its own name', () => {
    const flow = participantFlowOf(load(consortLines(), plan((p) => ({ ...p, flow: undefined }))))!;
    expect(flow.enrolment).toBeUndefined();
    expect(flow.losses!.intervention.map((r) => [r.kind, r.label.en, r.n])).toEqual([
      ['lost-to-follow-up', 'moved', 3], ['lost-to-follow-up', 'no_time', 2], ['lost-to-follow-up', 'stopped_app', 1],
    ]);
  });

  it('an export without the column gives no losses (and no flow without a screening log)', () => {
    const lines = consortLines({}).map((l) => l.replace(/,[^,]*$/, ''));
    expect(participantFlowOf(load(lines, plan((p) => ({ ...p, flow: undefined }))))).toBeUndefined();
    expect(participantFlowOf(load(lines, plan((p) => ({ ...p, flow: { assessed: 100, excluded: p.flow.excluded } }))))?.losses).toBeUndefined();
  });

  it('two different reasons for one patient: an input error at the second, naming the first line', () => {
    const lines = consortLines();
    const first = lines.findIndex((l) => l.startsWith('P11,app,baseline'));
    const at = lines.findIndex((l) => l.startsWith('P11,app,3m'));
    lines[at] = lines[at]!.replace(/,$/, ',no_time');
    const [p] = problemsOf(() => load(lines));
    expect(p).toMatchObject({ line: at + 1, column: 5, field: 'withdrawal_reason', value: 'no_time', kind: 'withdrawal.conflict' });
    expect(p!.detail).toBe(`this patient's line ${first + 1} has "stopped_app"`);
    expect(JSON.stringify(p)).not.toContain('P11');
    // The Danish report's "rows left out" table words it in Danish.
    expect(problemText(p!.expected, 'da')).toBe('én frafaldsårsag pr. patient; lad de andre rækker være tomme');
  });

  it('a value the plan does not list: an input error listing the plan\'s values', () => {
    const lines = consortLines({ ...REASONS, 13: 'holiday' });
    const [p] = problemsOf(() => load(lines));
    expect(p).toMatchObject({ field: 'withdrawal_reason', value: 'holiday', kind: 'withdrawal.unknown' });
    expect(p!.expected).toContain('"moved", "no_time", "stopped_app"');
    expect(problemText(p!.expected, 'da')).toMatch(/^en frafaldsårsag, som planens .* \("moved", "no_time", "stopped_app"\), eller en tom celle; værdier, der betyder, at patienten ikke er faldet fra .* hører til i "flow": \{ "notWithdrawn": \[ … \] \}$/);
  });

  it('a status column (Castor\'s "Participant Status"): the plan\'s "notWithdrawn" values are no reason, in that column only', () => {
    // Every patient has a status on every row; P1–P3 withdrew, the others completed or were locked.
    const status = (k: number) => (k <= 3 ? 'Withdrawn' : k % 2 ? 'Completed' : 'Locked');
    const lines = consortLines({}).map((l, i) => (i === 0 ? l : l.replace(/,$/, `,${status(Number(/^P(\d+)/.exec(l)![1]))}`)));
    const statusPlan = (flow: object) => plan((p) => ({ ...p, flow: { withdrawalReasons: { Withdrawn: { kind: 'lost-to-follow-up', label: { en: 'Withdrew consent' } } }, ...flow } }));
    const problems = problemsOf(() => load(lines, statusPlan({})));
    expect(new Set(problems.map((p) => p.value))).toEqual(new Set(['Completed', 'Locked']));
    expect(problems[0]!.expected).toContain('values meaning the patient did not withdraw (a status column\'s "Completed") belong in "flow": { "notWithdrawn": [ … ] }');
    const trial = load(lines, statusPlan({ notWithdrawn: ['Completed', 'Locked'] }));
    expect(trial.patients.filter((p) => p.withdrawal !== undefined).map((p) => [p.id, p.withdrawal])).toEqual([['P1', 'Withdrawn'], ['P2', 'Withdrawn'], ['P3', 'Withdrawn']]);
    expect(participantFlowOf(trial)!.losses!.intervention).toEqual([{ kind: 'lost-to-follow-up', value: 'Withdrawn', label: { en: 'Withdrew consent', da: 'Withdrew consent' }, n: 2 }]);
    // A value in neither list: the message names both.
    const [other] = problemsOf(() => load(lines, statusPlan({ notWithdrawn: ['Completed'] })));
    expect(other).toMatchObject({ value: 'Locked', kind: 'withdrawal.unknown' });
    expect(other!.expected).toBe('a withdrawal reason the plan\'s "flow": { "withdrawalReasons" } lists ("Withdrawn"), a value its "notWithdrawn" lists ("Completed"), or an empty cell');
    expect(problemText(other!.expected, 'da')).toBe('en frafaldsårsag, som planens "flow": { "withdrawalReasons" } angiver ("Withdrawn"), en værdi, som dens "notWithdrawn" angiver ("Completed"), eller en tom celle');
    // Without a list of reasons, the status values meaning "not withdrawn" are still no loss.
    const open = load(lines, plan((p) => ({ ...p, flow: { notWithdrawn: ['Completed', 'Locked'] } })));
    expect(participantFlowOf(open)!.losses!.control).toEqual([{ kind: 'lost-to-follow-up', value: 'Withdrawn', label: { en: 'Withdrawn', da: 'Withdrawn' }, n: 1 }]);
  });

  it('without the plan\'s list of reasons, a status meaning "did not withdraw" is refused, not counted as a loss', () => {
    // A status column read as the reason with no lists: "Completed" would make every patient who
    // finished the trial "lost to follow-up (Completed)".
    const status = (k: number) => (k <= 3 ? 'Withdrawn' : k % 3 === 0 ? 'Gennemført' : k % 3 === 1 ? 'Completed.' : ' locked ');
    const lines = consortLines({}).map((l, i) => (i === 0 ? l : l.replace(/,$/, `,${status(Number(/^P(\d+)/.exec(l)![1]))}`)));
    const open = plan((p) => ({ ...p, flow: undefined }));
    const problems = problemsOf(() => load(lines, open));
    expect(new Set(problems.map((p) => p.kind))).toEqual(new Set(['withdrawal.status']));
    expect(new Set(problems.map((p) => p.value.trim()))).toEqual(new Set(['Gennemført', 'Completed.', 'locked']));
    expect(problems[0]!.expected).toContain('list such values in "flow": { "notWithdrawn": [ … ] }');
    expect(problemText(problems[0]!.expected, 'da')).toMatch(/^en årsag til, at patienten forlod forsøget.*"notWithdrawn"/);
    // Listed as not withdrawn, they are no loss; real reasons stay losses under their own names.
    const listed = load(lines.map((l) => l.replace(/,(Completed\.| locked )$/, ',Completed')), plan((p) => ({ ...p, flow: { notWithdrawn: ['Completed', 'Gennemført'] } })));
    expect(listed.patients.filter((p) => p.withdrawal !== undefined).map((p) => p.withdrawal)).toEqual(['Withdrawn', 'Withdrawn', 'Withdrawn']);
    // Ordinary reasons are not caught by the status words.
    expect(() => load(consortLines(), open)).not.toThrow();
  });

  it('a value in both "withdrawalReasons" and "notWithdrawn" is a plan error', () => {
    const [p] = problemsOf(() => plan((f) => ({ ...f, flow: { withdrawalReasons: { Withdrawn: { kind: 'lost-to-follow-up' } }, notWithdrawn: ['Completed', 'Withdrawn'] } })));
    expect(p).toMatchObject({ field: 'flow.notWithdrawn.1', value: 'Withdrawn' });
  });

  it('"notWithdrawn" matches the export in any case, as the status words do: "Completed" listed reads "completed" too', () => {
    // The reviewer's export: "Completed" on even patients, "completed" on odd ones; the plan lists "Completed".
    const status = (k: number) => (k <= 3 ? 'Withdrawn' : k % 2 ? 'completed' : 'Completed');
    const lines = consortLines({}).map((l, i) => (i === 0 ? l : l.replace(/,$/, `,${status(Number(/^P(\d+)/.exec(l)![1]))}`)));
    const open = load(lines, plan((p) => ({ ...p, flow: { notWithdrawn: ['Completed'] } })));
    expect(open.patients.filter((p) => p.withdrawal !== undefined).map((p) => p.id)).toEqual(['P1', 'P2', 'P3']);
    const listed = load(lines, plan((p) => ({ ...p, flow: { withdrawalReasons: { Withdrawn: { kind: 'lost-to-follow-up' } }, notWithdrawn: [' COMPLETED. '] } })));
    expect(listed.patients.filter((p) => p.withdrawal !== undefined).map((p) => p.id)).toEqual(['P1', 'P2', 'P3']);
    // The plan's check folds the same way: "withdrawn" in notWithdrawn is the reason "Withdrawn".
    const [p] = problemsOf(() => plan((f) => ({ ...f, flow: { withdrawalReasons: { Withdrawn: { kind: 'lost-to-follow-up' } }, notWithdrawn: ['Completed', 'withdrawn'] } })));
    expect(p).toMatchObject({ field: 'flow.notWithdrawn.1', value: 'withdrawn' });
    expect(p!.expected).toContain('"Withdrawn" is also a reason in "withdrawalReasons"');
  });

  it('the plan\'s missing-value codes mean "no reason"', () => {
    const lines = consortLines({ ...REASONS, 13: '-9' });
    const trial = load(lines, plan((p) => ({ ...p, missingCodes: [-9] })));
    expect(trial.patients.find((x) => x.id === 'P13')!.withdrawal).toBeUndefined();
  });

  it('a column the plan names (or whose values it maps) must be in the export', () => {
    const lines = consortLines({}).map((l) => l.replace(/,[^,]*$/, ''));
    const [named] = problemsOf(() => load(lines, plan((p) => ({ ...p, flow: undefined, columns: { withdrawalReason: 'reason' } }))));
    expect(named).toMatchObject({ line: 1, value: 'reason', kind: 'column.withdrawal' });
    const [mapped] = problemsOf(() => load(lines));
    expect(mapped).toMatchObject({ line: 1, value: 'withdrawal_reason', kind: 'column.withdrawal' });
    expect(mapped!.expected).toContain('withdrawalReasons');
  });

  it('a wide export reads the column without a visit suffix', () => {
    const lines = ['id,arm,nrs_baseline,nrs_3m,withdrawal_reason', 'A1,app,5,3,', 'A2,app,6,,moved', 'U1,usual,4,4,', 'U2,usual,7,,moved'];
    const trial = load(lines);
    expect(trial.layout).toBe('wide');
    expect(trial.patients.map((p) => p.withdrawal ?? '')).toEqual(['', 'moved', '', 'moved']);
  });
});

describe('the screening log in the plan', () => {
  it('adds up with the export\'s patients: enrolment in the flow', () => {
    const { csv, plan: file } = writeConsortFixture();
    const csvTable = parseCsvText(readFileSync(csv, 'utf8'), csv);
    const trial = loadTrial(csvTable, loadPlanFile(file));
    expect(() => checkTrialContent(csvTable, trial, 'analysis', file)).not.toThrow();
    expect(participantFlowOf(trial)!.enrolment).toEqual({
      assessed: 100,
      excluded: [{ reason: { en: 'Did not meet inclusion criteria', da: 'Opfyldte ikke inklusionskriterierne' }, n: 35 }, { reason: { en: 'Declined to participate', da: 'Ønskede ikke at deltage' }, n: 25 }],
      randomised: 40,
    });
  });

  it('does not add up: a plan error at the line and column of "assessed", with the three numbers', () => {
    const { csv, plan: file } = writeConsortFixture(consortLines(), { ...FLOW_PLAN, flow: { ...FLOW_PLAN.flow, assessed: 101 } });
    const csvTable = parseCsvText(readFileSync(csv, 'utf8'), csv);
    const trial = loadTrial(csvTable, loadPlanFile(file));
    let err: unknown;
    try {
      checkTrialContent(csvTable, trial, 'analysis', file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HtaError);
    const e = err as HtaError;
    expect(e.code).toBe('plan.invalid');
    const text = readFileSync(file, 'utf8').split('\n');
    const line = text.findIndex((l) => l.includes('"assessed"')) + 1;
    expect(e.problems[0]).toMatchObject({ file, line, column: text[line - 1]!.indexOf('101') + 1, field: 'flow.assessed', value: '101' });
    expect(e.problems[0]!.expected).toContain('60 excluded');
    expect(e.problems[0]!.expected).toContain('40 randomised');
  });

  it('hta analyze: exit 2 with the plan\'s file:line:column, nothing written, no stack trace; results.json carries the flow when it adds up', async () => {
    const bad = writeConsortFixture(consortLines(), { ...FLOW_PLAN, flow: { ...FLOW_PLAN.flow, assessed: 99 } });
    const r = await runCli('analyze', bad.csv, '--plan', bad.plan, '--csv', `${bad.dir}/out.csv`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plan\.json:\d+:\d+/);
    expect(r.stderr).toContain('99');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    expect(existsSync(`${bad.dir}/out.csv`)).toBe(false);
    const good = writeConsortFixture();
    const ok = await runCli('analyze', good.csv, '--plan', good.plan, '--json');
    expect(ok.code).toBe(0);
    const flow = JSON.parse(ok.stdout).flow;
    expect(flow.enrolment.randomised).toBe(40);
    expect(flow.losses.column).toBe('withdrawal_reason');
    expect(JSON.stringify(flow)).not.toMatch(/\bP\d+\b/);
  });

  it('assessed and excluded come as a pair; each reason once', () => {
    const fields = (f: object) => problemsOf(() => parsePlan({ ...structuredClone(FLOW_PLAN), flow: f })).map((p) => p.field);
    expect(fields({ assessed: 100 })).toEqual(['flow.assessed']);
    expect(fields({ excluded: [{ reason: 'x', n: 1 }] })).toEqual(['flow']);
    expect(fields({ assessed: 100, excluded: [{ reason: 'x', n: 1 }, { reason: { en: 'x' }, n: 2 }] })).toEqual(['flow.excluded.1.reason']);
    expect(fields({ assessed: 100, excluded: [{ reason: 'x', n: -1 }] })).toEqual(['flow.excluded.0.n']);
  });
});
