/**
 * Participants an export lists but never randomised (docs/plan-trial.md#participant-flow): a
 * Castor study export has rows for every participant, also those enrolled and not randomised,
 * whose arm cell is empty on every row. Without "flow.notRandomised" their rows are refused with a
 * message saying what they look like and naming the key; with it they are counted, passed over
 * (not analysed, no problem) and listed in the flow's "Excluded" box. The fixture's expected
 * counts are written by hand from its lines below.
 */
import { errorOf } from '../support/error-of.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { loadPlanFile, parsePlan } from '../../src/plan/load-plan.js';
import { checkTrialContent } from '../../src/trial/check-content.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { participantFlowOf } from '../../src/analysis/participant-flow.js';
import { isBlockShape } from '../../src/trial/export-shape.js';
import { NotRandomised } from '../../src/trial/not-randomised.js';
import { runCli } from '../support/run-cli.js';
import { consortLines, FLOW_PLAN, writeConsortFixture } from '../support/consort-fixture.js';

/** The consort fixture (20 + 20 randomised) with two participants never randomised: N1 with a baseline and a 3m row, N2 with a baseline row; ids of the form the fixture's. */
const withNotRandomised = (): string[] => {
  const lines = consortLines({});
  lines.splice(5, 0, 'N1,,baseline,4,', 'N1,,3m,3,');
  lines.push('N2,,baseline,6,');
  return lines;
};
const NOT_RANDOMISED_LINES = [6, 7, 84];

const basePlan = { ...FLOW_PLAN, flow: undefined };
const plan = (flow?: object) => parsePlan({ ...structuredClone(basePlan), ...(flow ? { flow } : {}) });
const load = (lines: string[], p = plan(), exclude = false) => loadTrial(parseCsvText(lines.join('\n') + '\n', 'trial.csv'), p, exclude ? { excludeInvalid: true } : {});
const problemsOf = (f: () => unknown): Problem[] => errorOf(f).problems;

describe('participants with no arm on any row, without "flow.notRandomised"', () => {
  it('are refused at each row, saying they look never randomised and naming the key, never the id', () => {
    const lines = withNotRandomised();
    expect(NOT_RANDOMISED_LINES.map((l) => lines[l - 1]!.split(',')[0])).toEqual(['N1', 'N1', 'N2']);
    const problems = problemsOf(() => load(lines));
    expect(problems.map((p) => [p.line, p.value, p.kind])).toEqual(NOT_RANDOMISED_LINES.map((l) => [l, '', 'arm.none']));
    expect(problems[0]!.expected).toContain('the cell is empty on every row of this patient: a participant never randomised?');
    expect(problems[0]!.expected).toContain('"flow": { "notRandomised"');
    expect(JSON.stringify(problems)).not.toMatch(/\bN[12]\b/);
  });

  it('a patient with an arm on another row is read with it; one with a wrong arm on another row is refused for that, not taken as never randomised', () => {
    const lines = consortLines({});
    lines.push('X1,,baseline,4,', 'X1,app,3m,3,', 'X2,,baseline,4,', 'X2,ap,3m,3,');
    const problems = problemsOf(() => load(lines, plan({ notRandomised: 'Not randomised' })));
    expect(problems.map((p) => [p.line, p.value, p.kind])).toEqual([[84, '', 'arm.unknown'], [85, 'ap', 'arm.unknown']]);
  });
});

describe('with "flow.notRandomised"', () => {
  const flow = { notRandomised: { en: 'Not randomised', da: 'Ikke randomiseret' } };

  it('their rows are passed over and counted: not analysed, no problem, a note with the numbers', () => {
    const trial = load(withNotRandomised(), plan(flow));
    expect(trial.patients).toHaveLength(40);
    expect(trial.patients.some((p) => p.id.startsWith('N'))).toBe(false);
    expect(trial.rows.length).toBe(80);
    expect(trial.notRandomised).toEqual({ patients: 2, rows: 3, inExport: 42 });
    expect(trial.readNotes?.join('\n')).toContain('2 participants with no arm value in column "arm" on any row (3 rows) were enrolled but not randomised');
    expect(participantFlowOf(trial)!.notRandomised).toEqual({ reason: { en: 'Not randomised', da: 'Ikke randomiseret' }, n: 2, inExport: 42 });
    expect(participantFlowOf(trial)!.enrolment).toBeUndefined();
  });

  it('an export without such participants says none was counted', () => {
    const trial = load(consortLines({}), plan(flow));
    expect(trial.notRandomised).toEqual({ patients: 0, rows: 0, inExport: 40 });
    expect(trial.readNotes?.join('\n')).toContain('nobody counted as not randomised');
    // Nobody behind the reason: no "Excluded: n = 0 (Not randomised: n = 0)" in the flow, with or without the screening log.
    expect(participantFlowOf(trial)).toEqual({ losses: expect.anything() });
    const screening = { assessed: 100, excluded: [{ reason: 'Declined to participate', n: 60 }], ...flow };
    const logged = participantFlowOf(load(consortLines({}), plan(screening)))!;
    expect(logged.notRandomised).toBeUndefined();
    expect(logged.enrolment!.excluded).toEqual([{ reason: { en: 'Declined to participate', da: 'Declined to participate' }, n: 60 }]);
  });

  it('a wide export: a line with no arm is a participant never randomised', () => {
    const lines = ['id,arm,nrs_baseline,nrs_3m', 'A1,app,5,3', 'N1,,6,', 'U1,usual,4,4', 'A2,app,6,2', 'U2,usual,7,5'];
    const trial = load(lines, plan(flow));
    expect(trial.layout).toBe('wide');
    // In id order, whatever the file's (trial/canonical-order.ts).
    expect(trial.patients.map((p) => p.id)).toEqual(['A1', 'A2', 'U1', 'U2']);
    expect(trial.notRandomised).toEqual({ patients: 1, rows: 1, inExport: 5 });
  });

  it('one threshold for the merged-cells shape, here and in the shape\'s problem: four rows and half the lines', () => {
    expect([isBlockShape(3, 6), isBlockShape(4, 8), isBlockShape(4, 9), isBlockShape(5, 9)]).toEqual([false, true, false, true]);
    // 4 armless rows of 9 lines: participants never randomised (countable); 4 of 8: the shape.
    const survey = (extra: number) => {
      const lines = ['id,arm,time,nrs', 'B1,,baseline,5', 'B1,,3m,4', 'V1,,baseline,3', 'V1,,3m,2', ...Array.from({ length: extra }, (_, k) => `A${k},app,baseline,5`)];
      const table = parseCsvText(lines.join('\n') + '\n', 'x.csv');
      return new NotRandomised({ flow: { notRandomised: 'Not randomised' } }, table, 0, [1]).survey();
    };
    expect(survey(5)).toEqual({ patients: 2, rows: 4, countable: true });
    expect(survey(4)).toEqual({ patients: 2, rows: 4, countable: false });
  });

  it('half the export or more without an arm (the arm only on the first row of each block) is still refused as that shape', () => {
    const lines = ['id,arm,time,nrs', 'A1,app,baseline,5', 'A1,app,3m,4', 'B1,,baseline,5', 'B1,,3m,4', 'U1,usual,baseline,5', 'U1,usual,3m,4', 'V1,,baseline,3', 'V1,,3m,2'];
    const problems = problemsOf(() => load(lines, plan(flow)));
    expect(problems.map((p) => p.kind)).toEqual(['arm.only-first-row']);
    // Row by row (--exclude-invalid names the shape apart), the message says why the plan's key did not count them.
    const trial = load(lines, plan(flow), true);
    expect(trial.excluded!.problems[0]!.expected).toContain('their rows are half the export or more');
    expect(trial.notRandomised).toEqual({ patients: 0, rows: 0, inExport: 4 });
  });

  it('the export\'s participants are counted in the export: one whose every row was left out as invalid still is, a totals row is none', () => {
    // P40 (usual care, two rows) has a score that is no score on each row; --exclude-invalid leaves both out.
    const lines = withNotRandomised().map((l) => (l.startsWith('P40,') ? l.replace(/^(P40,usual,\w+,)\d+/, '$1abc') : l));
    lines.push('I alt,,,,');
    const trial = load(lines, plan(flow), true);
    expect(trial.excluded!.rows).toBe(3);
    // P40 stays randomised (no outcome value): 40 randomised (P1–P40) and N1, N2: 42.
    expect(trial.patients).toHaveLength(40);
    expect(trial.excluded!.randomisedWithoutRows).toBe(1);
    expect(trial.notRandomised).toEqual({ patients: 2, rows: 3, inExport: 42 });
    expect(participantFlowOf(trial)!.notRandomised!.inExport).toBe(42);
    // With P40's second row in the other arm, P40's arm is not known: not randomised, still in the export.
    const switched = load(lines.map((l) => (l.startsWith('P40,usual,3m,') ? l.replace('P40,usual,', 'P40,app,') : l)), plan(flow), true);
    expect(switched.patients).toHaveLength(39);
    expect(switched.notRandomised).toEqual({ patients: 2, rows: 3, inExport: 42 });
    // The same with P40's second row in an arm the plan does not compare ("otherArms"): not kept in "usual" either.
    const other = load(lines.map((l) => (l.startsWith('P40,usual,3m,') ? l.replace('P40,usual,', 'P40,placebo,') : l)), parsePlan({ ...structuredClone(basePlan), flow, otherArms: ['placebo'] }), true);
    expect(other.patients).toHaveLength(39);
    expect(other.patients.some((p) => p.id === 'P40')).toBe(false);
    expect(other.excluded!.randomisedWithoutRows).toBeUndefined();
  });

  it('with the screening log: one more reason in "Excluded", and assessed = excluded + not randomised + randomised', () => {
    const screening = { assessed: 100, excluded: [{ reason: 'Declined to participate', n: 58 }], ...flow };
    const { csv, plan: file } = writeConsortFixture(withNotRandomised(), { ...basePlan, flow: screening });
    const table = parseCsvText(readFileSync(csv, 'utf8'), csv);
    const trial = loadTrial(table, loadPlanFile(file));
    expect(() => checkTrialContent(table, trial, 'analysis', file)).not.toThrow();
    expect(participantFlowOf(trial)!.enrolment).toEqual({
      assessed: 100,
      excluded: [{ reason: { en: 'Declined to participate', da: 'Declined to participate' }, n: 58 }, { reason: { en: 'Not randomised', da: 'Ikke randomiseret' }, n: 2 }],
      randomised: 40,
    });
    // 58 + 40 = 98 without the export's two: the check counts them.
    const bad = writeConsortFixture(withNotRandomised(), { ...basePlan, flow: { ...screening, excluded: [{ reason: 'Declined to participate', n: 60 }] } });
    const badTable = parseCsvText(readFileSync(bad.csv, 'utf8'), bad.csv);
    const [p] = problemsOf(() => checkTrialContent(badTable, loadTrial(badTable, loadPlanFile(bad.plan)), 'analysis', bad.plan));
    expect(p).toMatchObject({ field: 'flow.assessed', value: '100' });
    expect(p!.expected).toContain('62 excluded (the sum of "flow.excluded", 60, and 2 participants of');
  });

  it('the plan: a reason other than those of "excluded", and not in an observational plan', () => {
    const fields = (f: object) => problemsOf(() => plan(f)).map((p) => p.field);
    expect(fields({ assessed: 100, excluded: [{ reason: 'Not randomised', n: 1 }], notRandomised: 'Not randomised' })).toEqual(['flow.notRandomised']);
    const registry = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8'));
    expect(() => parsePlan(registry)).not.toThrow();
    expect(problemsOf(() => parsePlan({ ...registry, flow: { notRandomised: 'Not randomised' } })).map((p) => p.field)).toEqual(['flow.notRandomised']);
  });

  it('hta validate: valid, the summary counts them apart, --json lists them', async () => {
    const { csv, plan: file } = writeConsortFixture(withNotRandomised(), { ...basePlan, flow });
    const r = await runCli('validate', csv, '--plan', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('patients: 20 intervention, 20 control; 2 enrolled, not randomised (not analysed)');
    expect(r.stderr).toContain('enrolled but not randomised');
    const j = await runCli('validate', csv, '--plan', file, '--json');
    expect(JSON.parse(j.stdout).notRandomised).toEqual({ patients: 2, rows: 3 });
    expect(j.stdout + j.stderr).not.toMatch(/\bN[12]\b/);
  });
});
