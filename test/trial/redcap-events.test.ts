// REDCap longitudinal exports fill a form's fields on its own event only: the arm (randomisation
// form) sits on one row of the patient, empty on the others, and repeating instruments add rows
// beside the visits. Read as REDCap means them (docs/input-trial-export.md).
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';

const plan = parsePlan({
  columns: { id: 'record_id', arm: 'randomisering', time: 'redcap_event_name', covariates: { age: 'alder' } },
  arms: { intervention: '1', control: '2' },
  timeLabels: { baseline_arm_1: 'baseline', '3_months_arm_1': '3m' },
  timepoints: ['3m'],
  covariates: ['age'],
  outcomes: [{ key: 'pain', instrument: 'nrs', column: 'smerte' }],
});
const HEAD = 'record_id,redcap_event_name,redcap_repeat_instrument,redcap_repeat_instance,randomisering,alder,smerte,ae_tekst';

const load = (lines: string[]) => loadTrial(parseCsvText([HEAD, ...lines].join('\n') + '\n', 'redcap.csv'), plan);
const armOf = (t: ReturnType<typeof load>) => Object.fromEntries(t.patients.map((p) => [p.id, p.arm]));

describe('a REDCap arm given on one row of the patient', () => {
  it('is the arm of its rows with an empty arm cell, before or after it in the file', () => {
    const t = load([
      '11,baseline_arm_1,,,1,40,7,',
      '11,3_months_arm_1,,,,,4,',
      // The follow-up row first: its arm comes from a row further down.
      '12,3_months_arm_1,,,,,6,',
      '12,baseline_arm_1,,,2,55,7,',
    ]);
    expect(armOf(t)).toEqual({ '11': 'intervention', '12': 'control' });
    expect(t.rows.length).toBe(4);
    expect(t.patients.map((p) => p.covariates.age)).toEqual([40, 55]);
  });
  it('a patient with no arm on any row is a problem at each row, saying none of its rows has one', () => {
    const e = errorOf(() => load(['11,baseline_arm_1,,,1,40,7,', '13,baseline_arm_1,,,,50,7,', '13,3_months_arm_1,,,,,5,']));
    expect(e.problems.map((p) => p.line)).toEqual([3, 4]);
    expect(e.problems[0]!.expected).toMatch(/the cell is empty on every row of this patient: a participant never randomised\?/);
    expect(e.problems.map((p) => p.kind)).toEqual(['arm.none', 'arm.none']);
  });
  it('an invalid arm on a later row is reported at its own cell, not copied into the empty one', () => {
    const e = errorOf(() => load(['11,baseline_arm_1,,,1,40,7,', '12,3_months_arm_1,,,,,6,', '12,baseline_arm_1,,,3,55,7,']));
    expect(e.problems.map((p) => [p.line, p.value])).toEqual([[3, ''], [4, '3']]);
    expect(e.problems[0]!.expected).toMatch(/the cell is empty, and no other row of this patient has an arm value of the plan/);
  });
  it('two different arms for one patient are still refused', () => {
    const e = errorOf(() => load(['11,baseline_arm_1,,,1,40,7,', '11,3_months_arm_1,,,2,,4,']));
    expect(e.problems[0]).toMatchObject({ line: 3, kind: 'arm.switch' });
  });
});

describe('REDCap repeating-instrument rows', () => {
  it('holding none of the plan’s columns are passed over and counted', () => {
    const t = load([
      '11,baseline_arm_1,,,1,40,7,',
      '11,3_months_arm_1,,,,,4,',
      '11,3_months_arm_1,adverse_events,1,,,,"Hovedpine, let"',
      '11,3_months_arm_1,adverse_events,2,,,,Kvalme',
    ]);
    expect(t.rows.length).toBe(2);
    expect(t.passedOver).toEqual({ rows: 2, patients: 1, instruments: ['adverse_events'], why: expect.stringContaining('"adverse_events"') });
  });
  it('are recognised under a label export\'s header "Repeat Instrument" too', () => {
    const labelHead = HEAD.replace('redcap_repeat_instrument,redcap_repeat_instance', 'Repeat Instrument,Repeat Instance');
    const rows = ['11,baseline_arm_1,,,1,40,7,', '11,3_months_arm_1,,,,,4,', '11,3_months_arm_1,Adverse events,1,,,,Kvalme'];
    const t = loadTrial(parseCsvText([labelHead, ...rows].join('\n') + '\n', 'redcap.csv'), plan);
    expect(t.rows.length).toBe(2);
    expect(t.passedOver).toMatchObject({ rows: 1, instruments: ['Adverse events'] });
    const e = errorOf(() => loadTrial(parseCsvText([labelHead, ...rows, '11,3_months_arm_1,Smertedagbog,1,,,3,'].join('\n') + '\n', 'redcap.csv'), plan));
    expect(e.problems[0]).toMatchObject({ line: 5, kind: 'redcap.repeat', expected: expect.stringContaining('("Repeat Instrument" is "Smertedagbog")') });
  });
  it('holding a value of the plan are refused at that cell (hta reads one row per visit)', () => {
    const e = errorOf(() => load(['11,baseline_arm_1,,,1,40,7,', '11,3_months_arm_1,,,,,4,', '11,3_months_arm_1,smertedagbog,1,,,3,']));
    expect(e.problems).toEqual([expect.objectContaining({ line: 4, column: 7, kind: 'redcap.repeat' })]);
  });
});
