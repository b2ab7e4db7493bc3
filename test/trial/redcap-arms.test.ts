// A REDCap project randomised into REDCap arms has no arm column: the arm is only in the event
// name (`baseline_arm_2`; label export "Baseline (Arm 2: Usual care)"). With the plan's
// "armSource": "redcap-event" the arm comes from that suffix and the visit from the rest
// (docs/plan-trial.md, docs/input-trial-export.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { planTimeOf } from '../../src/plan/plan-schema.js';
import { redcapEvent } from '../../src/plan/redcap-event.js';
import { problemText } from '../../src/report/problem-text.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';

const plan = parsePlan({
  columns: { id: 'record_id', time: 'redcap_event_name' },
  armSource: 'redcap-event',
  arms: { intervention: 'arm_1', control: 'arm_2' },
  timeLabels: { '3_months': '3m' },
  timepoints: ['3m'],
  outcomes: [{ key: 'pain', instrument: 'nrs', column: 'smerte' }],
});
const HEAD = 'record_id,redcap_event_name,smerte';
const load = (lines: string[], p = plan) => loadTrial(parseCsvText([HEAD, ...lines].join('\n') + '\n', 'arms.csv'), p);

describe('event names of REDCap arms', () => {
  it('split into visit and arm, raw and label exports alike', () => {
    expect(redcapEvent('3_months_arm_2')).toEqual({ visit: '3_months', arm: 'arm_2', number: 2 });
    expect(redcapEvent('Baseline (Arm 1: App)')).toEqual({ visit: 'Baseline', arm: 'Arm 1: App', number: 1, name: 'App' });
    expect(redcapEvent('3 måneder (Arm 2: Vanlig behandling)')).toMatchObject({ visit: '3 måneder', number: 2, name: 'Vanlig behandling' });
    expect(redcapEvent('baseline')).toBeUndefined();
    // Only with "armSource": "redcap-event" is the arm cut off the visit.
    expect(planTimeOf(plan, '3_months_arm_2')).toBe('3m');
    expect(planTimeOf({ timeLabels: {} }, '3_months_arm_2')).toBe('3_months_arm_2');
  });
});

describe('a plan reading the arm from REDCap event names', () => {
  it('reads each record in its arm, with baseline_arm_1 and baseline_arm_2 the same visit, and needs no arm column', () => {
    const t = load(['1,baseline_arm_1,6', '1,3_months_arm_1,3', '2,baseline_arm_2,7', '2,3_months_arm_2,6']);
    expect(t.patients.map((p) => [p.id, p.arm])).toEqual([['1', 'intervention'], ['2', 'control']]);
    expect([...t.rows.time].map((k) => t.times[k])).toEqual(['baseline', '3m', 'baseline', '3m']);
  });
  it('matches a label export\'s "(Arm 1: App)" by the plan\'s "arm_1" as well as by its own words', () => {
    const labels = ['1,Baseline (Arm 1: App),6', '1,3 months (Arm 1: App),3', '2,Baseline (Arm 2: Usual care),7', '2,3 months (Arm 2: Usual care),6'];
    const byNumber = parsePlan({ ...plan, timeLabels: { Baseline: 'baseline', '3 months': '3m' } });
    const byName = parsePlan({ ...plan, arms: { intervention: 'Arm 1: App', control: 'Arm 2: Usual care' }, timeLabels: { Baseline: 'baseline', '3 months': '3m' } });
    for (const p of [byNumber, byName]) expect(load(labels, p).patients.map((x) => x.arm)).toEqual(['intervention', 'control']);
  });
  it('a record with events in two arms is an error at the second arm\'s event, naming the line of the first and no id', () => {
    const e = errorOf(() => load(['6,baseline_arm_2,5', '7,baseline_arm_1,6', '7,3_months_arm_2,3', '8,baseline_arm_2,7']));
    expect(e.code).toBe('input.invalid');
    expect(e.problems).toEqual([
      expect.objectContaining({ file: 'arms.csv', line: 4, column: 2, field: 'redcap_event_name', value: '3_months_arm_2', kind: 'arm.switch' }),
    ]);
    expect(e.problems[0]!.expected).toMatch(/^events of one REDCap arm for each record \(this record's line 3 is an event of "arm_1"\)/);
    expect(JSON.stringify(e.problems)).not.toMatch(/"7"/);
  });
  it('with --exclude-invalid, a record whose arm_1 rows are all bad and with an event of an arm of "otherArms" is not kept as randomised in arm_1', () => {
    const p = parsePlan({ ...plan, otherArms: ['arm_3'] });
    const lines = ['1,baseline_arm_1,6', '1,3_months_arm_1,3', '2,baseline_arm_2,7', '2,3_months_arm_2,6', '3,baseline_arm_1,x', '3,3_months_arm_3,4'];
    const t = loadTrial(parseCsvText([HEAD, ...lines].join('\n') + '\n', 'arms.csv'), p, { excludeInvalid: true });
    expect(t.patients.map((x) => x.id)).toEqual(['1', '2']);
    expect(t.excluded!.randomisedWithoutRows).toBeUndefined();
    expect(t.excluded!.problems.map((x) => [x.line, x.kind])).toEqual([[6, 'score.range:pain'], [7, 'arm.switch']]);
  });
  it('an event name without an arm is an error at its cell, saying the plan reads the arm from it', () => {
    const e = errorOf(() => load(['1,baseline_arm_1,6', '1,3_months,3']));
    expect(e.problems).toEqual([expect.objectContaining({ line: 3, column: 2, value: '3_months', kind: 'event.no-arm' })]);
    expect(e.problems[0]!.expected).toMatch(/a REDCap event name that ends in its arm \("baseline_arm_1", or "Baseline \(Arm 1: App\)" in a label export\): the plan's "armSource": "redcap-event"/);
  });
  it('an event of a third REDCap arm is an error naming the plan\'s two', () => {
    const e = errorOf(() => load(['1,baseline_arm_1,6', '2,baseline_arm_3,6']));
    expect(e.problems).toEqual([expect.objectContaining({ line: 3, column: 2, kind: 'arm.unknown' })]);
    expect(e.problems[0]!.expected).toMatch(/ending in "arm_1" \(intervention\) or "arm_2" \(control\).*REDCap arm 3/);
    // A third REDCap arm is listed in "otherArms", not left out with --exclude-invalid (docs/plan-trial.md#other-arms).
    expect(e.problems[0]!.expected).toContain('if "arm_3" is a third arm of the trial, add "otherArms": ["arm_3"] to the plan');
  });
  it('its problems read in Danish in a Danish report\'s table of rows left out', () => {
    const e = errorOf(() => load(['7,baseline_arm_1,6', '7,3_months_arm_2,3', '8,3_months,4', '9,baseline_arm_3,5']));
    expect(e.problems.map((p) => problemText(p.expected, 'da'))).toEqual([
      'hændelser i samme REDCap-gruppe for hver post (postens linje 2 er en hændelse i "arm_1"); REDCap holder en post i én gruppe — tjek postens hændelser i REDCap, eller eksportér igen',
      'et REDCap-hændelsesnavn, der ender på sin gruppe ("baseline_arm_1", eller "Baseline (Arm 1: App)" i en eksport med etiketter): planens "armSource": "redcap-event" læser hver rækkes gruppe derfra',
      'en hændelse i planens grupper: der ender på "arm_1" (intervention) eller "arm_2" (kontrol), som i planens "arms"; hændelsen er i REDCap-gruppe 3 ("arm_3"), eller en gruppe, som planen ikke sammenligner, angivet i dens "otherArms" — er "arm_3" en tredje gruppe i forsøget, så føj "otherArms": ["arm_3"] til planen (dens patienter tælles da som randomiserede, men analyseres ikke; --exclude-invalid ville udelade dem af patientflowet)',
    ]);
  });
  it('is refused with a wide layout and in an observational plan', () => {
    expect(errorOf(() => parsePlan({ ...plan, layout: 'wide' })).problems[0]).toMatchObject({ field: 'armSource', expected: expect.stringMatching(/a long export/) });
    const obs = { design: 'observational', armSource: 'redcap-event', timepoints: ['3m'], observational: { exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' }, confounders: [{ name: 'age', type: 'numeric' }] }, outcomes: plan.outcomes };
    expect(errorOf(() => parsePlan(obs)).problems.map((p) => p.field)).toContain('armSource');
  });
});

describe('the redcap-arms fixture with its hand-written plan', () => {
  it('reads the same patients and rows from the raw export as from the same data with an arm column', () => {
    const dir = 'test/fixtures/exports/redcap-arms';
    const hand = parsePlan(JSON.parse(readFileSync(`${dir}/plan.json`, 'utf8')));
    const events = loadTrial(parseCsvText(readFileSync(`${dir}/export.csv`, 'utf8'), 'export.csv'), hand);
    const column = parsePlan({ ...hand, armSource: undefined, columns: { ...hand.columns, arm: 'gruppe' }, arms: { intervention: 'App', control: 'Usual care' }, timeLabels: { baseline_arm_1: 'baseline', '3_months_arm_1': '3m', '6_months_arm_1': '6m' } });
    const plain = loadTrial(parseCsvText(readFileSync(`${dir}/export-arm-column.csv`, 'utf8'), 'export-arm-column.csv'), column);
    expect(events.patients).toEqual(plain.patients);
    expect(events.rows).toEqual(plain.rows);
    expect(events.passedOver).toEqual(plain.passedOver);
  });
});
