/**
 * A yes/no outcome with one answer from every patient analysed, in both arms (an export of the
 * medication users only): warned in the results, stderr and the report, in English and Danish
 * (src/analysis/single-answer-warnings.ts; docs/plan-trial.md#yesno-outcomes).
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { trialWarningText } from '../../src/report/failure-reasons.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const PLAN = {
  arms: { intervention: 'App', control: 'Kontrol' },
  timepoints: ['3m'],
  outcomes: [{ key: 'anymed', instrument: 'binary', answers: { Ja: 1, Nej: 0 }, direction: 'lower-is-better' }],
  methods: ['welch'],
  missing: { sensitivity: false },
};

/** 20 patients per arm at baseline; at 3 months `follow(k)` answers for the first 12 of each arm (the others have no row). */
function exportText(follow: (k: number, app: boolean) => string): string {
  const lines = ['id,arm,time,anymed'];
  for (let k = 0; k < 40; k++) {
    const app = k % 2 === 0;
    lines.push(`P${k},${app ? 'App' : 'Kontrol'},baseline,${k % 3 === 0 ? 'Ja' : 'Nej'}`);
    if (k < 24) lines.push(`P${k},${app ? 'App' : 'Kontrol'},3m,${follow(k, app)}`);
  }
  return lines.join('\n');
}
const warningsOf = (text: string) => analyzeTrial(loadTrial(parseCsvText(text, 'med.csv'), parsePlan(PLAN)), { version: 'test' }).warnings;

describe('a yes/no outcome answered one way by every patient analysed', () => {
  it('every answer "Ja" in both arms (users only): a warning with the patients analysed beside those randomised', () => {
    expect(warningsOf(exportText(() => 'Ja'))).toEqual([
      'anymed at 3m: every patient analysed answered yes, in both arms (intervention 12 of 20 randomised, control 12 of 20), so the difference of 0 says nothing — an export of the users only (an EHR medication module lists the patients with a prescription and never writes "no") gives this; export every randomised patient\'s answer, "no" included',
    ]);
  });
  it('every answer "Nej": a warning of its own; one answer otherwise in either arm: none', () => {
    expect(warningsOf(exportText(() => 'Nej'))).toEqual([
      'anymed at 3m: every patient analysed answered no, in both arms (intervention 12 of 20 randomised, control 12 of 20), so the difference of 0 says nothing about the intervention — check that the export holds every randomised patient\'s answer, "yes" included',
    ]);
    // 12 of 12 against 11 of 12: no single-answer warning; its χ² p-value on an expected count of 0.5 is warned of on its own (small-expected-counts.test.ts).
    expect(warningsOf(exportText((k) => (k === 3 ? 'Nej' : 'Ja'))).filter((w) => !w.includes('the χ² p-value rests on expected counts below 5'))).toEqual([]);
    expect(warningsOf(exportText((k, app) => (app ? 'Ja' : 'Nej')))).toEqual([]);
  });
  it('a responder row with no responder (or every patient one) in both arms is no yes/no answer: no warning', () => {
    // Pain 5 at baseline and 5 at 3 months for everyone: no patient improves by 2 points.
    const text = ['id,arm,time,anymed,nrs', ...exportText((k) => (k % 2 ? 'Ja' : 'Nej')).split('\n').slice(1).map((l) => `${l},5`)].join('\n');
    const plan = { ...PLAN, outcomes: [...PLAN.outcomes, { key: 'nrs', instrument: 'nrs' }], responders: [{ key: 'nrs2', outcome: 'nrs', points: 2 }] };
    const result = analyzeTrial(loadTrial(parseCsvText(text, 'med.csv'), parsePlan(plan)), { version: 'test' });
    const responder = result.effects.find((e) => e.outcome === 'nrs2' && e.method === 'risk-difference')!;
    expect(responder.risks).toMatchObject({ eventsIntervention: 0, eventsControl: 0 });
    expect(result.warnings.filter((w) => w.includes('answered'))).toEqual([]);
  });
  it('the Danish page words it with the outcome\'s and visit\'s labels', () => {
    const [w] = warningsOf(exportText(() => 'Ja'));
    const labels = { outcome: (o: string) => (o === 'anymed' ? 'Smertestillende medicin' : o), time: (t: string) => (t === '3m' ? '3 måneder' : t), method: (m: string) => m, subgroup: (c: string) => c };
    expect(trialWarningText(w!, 'da', labels)).toBe('Smertestillende medicin, 3 måneder: alle analyserede patienter svarede ja, i begge grupper (interventionsgruppen 12 af 20 randomiserede, kontrolgruppen 12 af 20), så forskellen på 0 siger intet — en eksport af brugerne alene (et medicinmodul i patientjournalen viser patienterne med en ordination og skriver aldrig "nej") giver dette; eksportér hver randomiseret patients svar, også "nej"');
  });
});
