// A three-arm trial analysed two arms at a time: the plan's "otherArms" names the arm not compared
// (docs/plan-trial.md#other-arms). Its rows are neither problems nor analysed; its patients are
// counted as randomised in the CONSORT flow and named in the methods. The counts expected here
// are those the export below is built with, not hta's output.
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { participantFlowOf } from '../../src/analysis/participant-flow.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { flowBoxes, flowList } from '../../src/report/charts/flow-boxes.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { otherArmsNotes } from '../../src/report/kinds/trial-report.js';
import { REPORT_TEXT } from '../../src/report/i18n.js';
import { problemText } from '../../src/report/problem-text.js';
import { checkEnrolment } from '../../src/trial/enrolment-check.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';
import { threeArmExport } from '../support/three-arm-export.js';

const BASE = {
  columns: { id: 'record_id', arm: 'gruppe', time: 'visit' },
  arms: { intervention: '1', control: '2' },
  armLabels: { intervention: { en: 'Exercise', da: 'Træning' }, control: { en: 'Education', da: 'Patientuddannelse' } },
  timepoints: ['3m'],
  outcomes: [{ key: 'pain', instrument: 'nrs' }],
  methods: ['welch'],
};
const THIRD = { value: '3', label: { en: 'Exercise + education', da: 'Træning + patientuddannelse' } };

const exportOf = threeArmExport;
const load = (text: string, plan: object) => loadTrial(parseCsvText(text, 'three.csv'), parsePlan(plan));

describe('an export of three arms, the plan comparing two', () => {
  const text = exportOf({ 1: 6, 2: 5, 3: 4 });
  it('without "otherArms" every row of the third arm is a problem (as before)', () => {
    const e = errorOf(() => load(text, BASE));
    expect(e.code).toBe('input.invalid');
    expect(new Set(e.problems.map((p) => p.line)).size).toBe(8);
  });
  it('with "otherArms": loads the two compared arms only, and counts the third arm\'s patients and rows', () => {
    const t = load(text, { ...BASE, otherArms: [THIRD] });
    expect(t.patients.filter((p) => p.arm === 'intervention')).toHaveLength(6);
    expect(t.patients.filter((p) => p.arm === 'control')).toHaveLength(5);
    expect(t.rows.length).toBe(22);
    expect(t.otherArms).toEqual([{ ...THIRD, patients: 4, rows: 8 }]);
    expect(t.excluded).toBeNull();
    expect(t.readNotes?.join('\n')).toContain('three.csv: 8 rows of arm "3" in column "gruppe" (4 patients) are not in this comparison');
  });
  it('an arm value in neither "arms" nor "otherArms" is still a problem, and the message names both', () => {
    const e = errorOf(() => load(exportOf({ 1: 3, 2: 3, 3: 2, 4: 1 }), { ...BASE, otherArms: ['3'] }));
    expect(e.problems.map((p) => p.value)).toEqual(['4', '']);
    expect(e.problems[0]!.expected).toBe('an arm value: "1" (intervention) or "2" (control), as in the plan\'s "arms", or an arm not compared, as in its "otherArms" ("3")');
    expect(problemText(e.problems[0]!.expected, 'da')).toBe('en gruppe: "1" (intervention) eller "2" (kontrol), som i planens "arms", eller en gruppe, der ikke sammenlignes, som i dens "otherArms" ("3")');
  });
  // A third arm and no "otherArms": the message offered only --exclude-invalid, which drops the
  // arm's randomised patients from the flow; it names "otherArms" with the JSON to add.
  it('a third arm without "otherArms": the message names "otherArms" with the JSON to add (in Danish too)', () => {
    const e = errorOf(() => load(text, BASE));
    const third = e.problems.find((p) => p.value === '3')!;
    expect(third.expected).toBe('an arm value: "1" (intervention) or "2" (control), as in the plan\'s "arms", or an arm the plan does not compare, listed in its "otherArms" — if "3" is a third arm of the trial, add "otherArms": ["3"] to the plan (its patients are then counted as randomised, not analysed; --exclude-invalid would leave them out of the participant flow)');
    expect(problemText(third.expected, 'da')).toBe('en gruppe: "1" (intervention) eller "2" (kontrol), som i planens "arms", eller en gruppe, som planen ikke sammenligner, angivet i dens "otherArms" — er "3" en tredje gruppe i forsøget, så føj "otherArms": ["3"] til planen (dens patienter tælles da som randomiserede, men analyseres ikke; --exclude-invalid ville udelade dem af patientflowet)');
    // A near miss of a compared arm is a spelling, not a third arm.
    const typo = errorOf(() => load(exportOf({ app: 3, usual: 3, appp: 1 }), { ...BASE, arms: { intervention: 'app', control: 'usual' } })).problems.find((p) => p.value === 'appp')!;
    expect(typo.hint).toBe('did you mean "app"?');
    expect(typo.expected).not.toContain('otherArms');
  });
  it('a patient of a compared arm with a row of the other arm (or the reverse) is an arm switch', () => {
    const e = errorOf(() => load(exportOf({ 1: 2, 2: 2 }, ['1,3,6m,4']), { ...BASE, otherArms: ['3'], allTimepoints: ['baseline', '3m', '6m'] }));
    expect(e.problems).toEqual([expect.objectContaining({ line: 10, value: '3', kind: 'arm.switch' })]);
    // Patients 5 and 6 are of arm 3 (their baseline and 3m rows); a later row of patient 5 says arm 1.
    const r = errorOf(() => load(exportOf({ 1: 2, 2: 2, 3: 2 }, ['5,1,6m,4']), { ...BASE, otherArms: ['3'], allTimepoints: ['baseline', '3m', '6m'] }));
    expect(r.problems).toEqual([expect.objectContaining({ line: 14, value: '1', kind: 'arm.switch' })]);
  });
  it('a patient met in an arm not compared is told which arm that was, and that it is one of "otherArms" when the row is of a compared arm', () => {
    const head = ['record_id,gruppe,visit,pain', 'SB-001,1,baseline,5', 'SB-002,2,baseline,5', 'SB-041,3,baseline,5'];
    const plan = { ...BASE, otherArms: ['3', '4'], allTimepoints: ['baseline', '3m'] };
    // Line 5: SB-041 again, now of arm 1 (compared); then of arm 4 (another arm not compared).
    const compared = errorOf(() => load([...head, 'SB-041,1,3m,4'].join('\n') + '\n', plan));
    expect(compared.problems).toEqual([expect.objectContaining({ line: 5, value: '1', kind: 'arm.switch', detail: 'this patient\'s line 4 has "3", an arm of the plan\'s "otherArms"' })]);
    const other = errorOf(() => load([...head, 'SB-041,4,3m,4'].join('\n') + '\n', plan));
    expect(other.problems).toEqual([expect.objectContaining({ line: 5, value: '4', kind: 'arm.switch', detail: 'this patient\'s line 4 has "3"' })]);
  });
  it('an id of the other arm written another way (sb-041 beside SB-041) is refused for its spelling, not counted as a second patient', () => {
    const rows = (id: string, arm: string) => [`${id},${arm},baseline,5`, `${id},,3m,3`];
    const head = ['record_id,gruppe,visit,pain', ...rows('SB-001', '1'), ...rows('SB-002', '2')];
    // Lines 6–7: SB-041 of arm 3; line 8: sb-041, of arm 3 too.
    const e = errorOf(() => load([...head, ...rows('SB-041', '3'), 'sb-041,3,6m,4'].join('\n') + '\n', { ...BASE, otherArms: ['3'], allTimepoints: ['baseline', '3m', '6m'] }));
    expect(e.problems).toEqual([expect.objectContaining({ line: 8, field: 'record_id', detail: 'the same id as line 6', kind: 'id.spelling:case' })]);
    // Written one way, the patient is one patient of arm 3.
    expect(load([...head, ...rows('SB-041', '3'), 'SB-041,3,6m,4'].join('\n') + '\n', { ...BASE, otherArms: ['3'], allTimepoints: ['baseline', '3m', '6m'] }).otherArms).toEqual([{ value: '3', patients: 1, rows: 3 }]);
  });
  it('a compared patient written another way in a row of the other arm (or the reverse) is refused for its spelling, not taken into the other arm', () => {
    const e = errorOf(() => load(['record_id,gruppe,visit,pain', 'SB-001,1,baseline,5', 'SB-001,,3m,3', 'SB-002,2,baseline,5', 'SB-002,,3m,3', 'sb-001,3,6m,4'].join('\n') + '\n', { ...BASE, otherArms: ['3'], allTimepoints: ['baseline', '3m', '6m'] }));
    expect(e.problems).toEqual([expect.objectContaining({ line: 6, detail: 'the same id as line 2', kind: 'id.spelling:case' })]);
    const r = errorOf(() => load(['record_id,gruppe,visit,pain', 'SB-041,3,baseline,5', 'SB-001,1,baseline,5', 'SB-001,,3m,3', 'SB-002,2,baseline,5', 'SB-002,,3m,3', 'sb-041,1,3m,4'].join('\n') + '\n', { ...BASE, otherArms: ['3'] }));
    expect(r.problems).toEqual([expect.objectContaining({ line: 7, detail: 'the same id as line 2', kind: 'id.spelling:case' })]);
  });
  it('the plan refuses an "otherArms" value that is one of its "arms" (as arm values are matched: blanks too)', () => {
    const e = errorOf(() => parsePlan({ ...BASE, otherArms: ['3', ' 2 '] }));
    expect(e.code).toBe('plan.invalid');
    expect(e.problems).toEqual([expect.objectContaining({ field: 'otherArms.1', expected: expect.stringContaining('" 2 " is its control arm in "arms"') })]);
  });
  // A label left behind when values were swapped between "arms" and "otherArms": the flow once
  // said "Allocated to Education: n = 4 (not in this comparison)" beside the real Education arm.
  it('the plan refuses an "otherArms" label that names a compared arm (its label or value), in either language', () => {
    const en = errorOf(() => parsePlan({ ...BASE, otherArms: [{ value: '3', label: { en: 'education ', da: 'Træning + patientuddannelse' } }] }));
    expect(en.code).toBe('plan.invalid');
    expect(en.problems).toEqual([expect.objectContaining({ field: 'otherArms.0.label.en', value: 'education ', expected: expect.stringContaining('"education " is what the plan calls its control arm "2"') })]);
    const da = errorOf(() => parsePlan({ ...BASE, otherArms: [{ value: '3', label: { en: 'Exercise + education', da: 'Træning' } }] }));
    expect(da.problems).toEqual([expect.objectContaining({ field: 'otherArms.0.label.da', expected: expect.stringContaining('its intervention arm "1"') })]);
    const value = errorOf(() => parsePlan({ ...BASE, otherArms: [{ value: '3', label: { en: '2' } }] }));
    expect(value.problems).toEqual([expect.objectContaining({ field: 'otherArms.0.label.en', expected: expect.stringContaining('its control arm "2"') })]);
    expect(() => parsePlan({ ...BASE, otherArms: [THIRD] })).not.toThrow();
  });
  it('the enrolment numbers count the third arm as randomised', () => {
    const t = load(text, { ...BASE, otherArms: [THIRD], flow: { assessed: 20, excluded: [{ reason: 'declined', n: 5 }] } });
    expect(() => checkEnrolment(t)).not.toThrow();
    expect(participantFlowOf(t)?.enrolment?.randomised).toBe(15);
    const off = load(text, { ...BASE, otherArms: [THIRD], flow: { assessed: 16, excluded: [{ reason: 'declined', n: 5 }] } });
    expect(errorOf(() => checkEnrolment(off)).problems[0]!.expected).toContain('15 randomised (the patients of three.csv: 6 intervention, 5 control, 4 in "3" (not compared))');
  });
});

describe('the report of a two-of-three-arm comparison', () => {
  const trial = load(exportOf({ 1: 6, 2: 5, 3: 4 }), { ...BASE, otherArms: [THIRD] });
  const result = analyzeTrial(trial, { version: 'test' });
  it('results.json keeps the other arm with its patients beside the compared arms', () => {
    expect(result.input.patients).toEqual({ intervention: 6, control: 5 });
    expect(result.input.otherArms).toEqual([{ value: '3', label: THIRD.label, patients: 4 }]);
  });
  for (const [lang, randomised, allocated] of [
    ['en', 'Randomised: n = 15', 'Allocated to Exercise + education: n = 4 (not in this comparison)'],
    ['da', 'Randomiseret: n = 15', 'Allokeret til Træning + patientuddannelse: n = 4 (indgår ikke i denne sammenligning)'],
  ] as const) {
    it(`the CONSORT flow (${lang}) counts every randomised patient and says the third arm's allocation`, () => {
      const boxes = flowBoxes(result, trialChartContext(trial, lang));
      expect(boxes.randomised.map((l) => l.text)).toEqual([randomised, allocated]);
      expect(flowList(boxes)[0]).toBe(`${randomised}; ${allocated}.`);
    });
  }
  it('an arm of "otherArms" with no row in the export is not drawn in the CONSORT flow (nor named in the methods)', () => {
    const absent = load(exportOf({ 1: 6, 2: 5, 3: 4 }), { ...BASE, otherArms: [THIRD, '4'] });
    const boxes = flowBoxes(analyzeTrial(absent, { version: 'test' }), trialChartContext(absent, 'en'));
    expect(boxes.randomised.map((l) => l.text)).toEqual(['Randomised: n = 15', 'Allocated to Exercise + education: n = 4 (not in this comparison)']);
    expect(otherArmsNotes(absent, (key: 'otherArmsNote') => REPORT_TEXT[key].en, 'en')).toEqual([expect.not.stringContaining('(n = 0)')]);
  });
  it('the methods name the arm not compared, in English and Danish; a plan without it says nothing', () => {
    const t = (lang: 'en' | 'da') => (key: 'otherArmsNote') => REPORT_TEXT[key][lang];
    expect(otherArmsNotes(trial, t('en'), 'en')).toEqual([expect.stringMatching(/^The trial also randomised patients to Exercise \+ education \(n = 4\); this report compares \{intervention\} with \{control\} only\./)]);
    expect(otherArmsNotes(trial, t('da'), 'da')[0]).toMatch(/^Forsøget randomiserede også patienter til Træning \+ patientuddannelse \(n = 4\)/);
    expect(otherArmsNotes(load(exportOf({ 1: 3, 2: 3 }), BASE), t('en'), 'en')).toEqual([]);
  });
});

describe('arms in REDCap event names', () => {
  it('a third REDCap arm named in "otherArms" is passed over, counted by record', () => {
    const plan = { columns: { id: 'record_id', time: 'redcap_event_name' }, armSource: 'redcap-event', arms: { intervention: 'arm_1', control: 'arm_2' }, otherArms: ['arm_3'], timeLabels: { '3_months': '3m' }, timepoints: ['3m'], outcomes: [{ key: 'pain', instrument: 'nrs', column: 'smerte' }] };
    const text = ['record_id,redcap_event_name,smerte', '1,baseline_arm_1,6', '1,3_months_arm_1,3', '2,baseline_arm_2,7', '2,3_months_arm_2,6', '3,baseline_arm_3,5', '3,3_months_arm_3,4'].join('\n') + '\n';
    const t = load(text, plan);
    expect(t.patients.map((p) => p.arm)).toEqual(['intervention', 'control']);
    expect(t.otherArms).toEqual([{ value: 'arm_3', patients: 1, rows: 2 }]);
    expect(t.readNotes).toContain('three.csv: 2 rows of arm "arm_3" in column "redcap_event_name" (1 patient) are not in this comparison (the plan\'s "otherArms"): not analysed, counted as randomised in the participant flow');
    const one = load(text.replace('3,3_months_arm_3,4\n', ''), plan);
    expect(one.readNotes).toContain('three.csv: 1 row of arm "arm_3" in column "redcap_event_name" (1 patient) is not in this comparison (the plan\'s "otherArms"): not analysed, counted as randomised in the participant flow');
  });
  const plan = { columns: { id: 'record_id', time: 'redcap_event_name' }, armSource: 'redcap-event', arms: { intervention: 'arm_1', control: 'arm_2' }, otherArms: ['arm_3'], timeLabels: { '3_months': '3m' }, timepoints: ['3m'], outcomes: [{ key: 'pain', instrument: 'nrs', column: 'smerte' }] };
  const twoArms = (first: string, then: string) => ['record_id,redcap_event_name,smerte', `1,baseline_${first},6`, `1,3_months_${first},3`, '2,baseline_arm_2,7', '2,3_months_arm_2,6', `1,baseline_${then},5`, '3,baseline_arm_3,5', '3,3_months_arm_3,4'].join('\n') + '\n';
  for (const [first, then] of [['arm_1', 'arm_3'], ['arm_3', 'arm_1']]) {
    it(`a record with events in ${first} and then ${then} is refused as in two arms, its event cell named`, () => {
      const e = errorOf(() => load(twoArms(first, then), plan));
      expect(e.problems).toEqual([
        expect.objectContaining({ line: 6, column: 2, field: 'redcap_event_name', value: `baseline_${then}`, kind: 'arm.switch', expected: expect.stringContaining(`this record's line 2 is an event of "${first}"`) }),
      ]);
    });
  }
});

describe('pooling two arms into one', () => {
  // Once refused with only "expected a text in double quotes, not a list" (docs/plan-trial.md#pooling-arms).
  it('is refused saying it is not supported and what to do instead', () => {
    const e = errorOf(() => parsePlan({ ...BASE, arms: { intervention: ['1', '3'], control: '2' } }));
    expect(e.code).toBe('plan.invalid');
    expect(e.problems).toEqual([expect.objectContaining({ field: 'arms.intervention', expected: expect.stringContaining('pooling arms ("1" and "3") into one intervention arm is not supported — compare each arm on its own') })]);
    // Any other wrong type keeps the generic text.
    expect(errorOf(() => parsePlan({ ...BASE, arms: { intervention: 1, control: '2' } })).problems[0]!.expected).not.toContain('pooling');
  });
});
