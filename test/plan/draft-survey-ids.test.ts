// Survey tools number their responses: MS Forms' `ID` (1, 2, 3, … one per row) and SurveyXact's
// `Respondent-id` were taken as the patient id over the participant number the patient typed
// (`Deltagernummer`), which was then drafted as a cluster; MS Forms' visit question ("Hvilket
// besøg udfylder du?") and "Baseline (før start)" were not read as the visits
// (docs/plan-trial.md "What plan init recognises in real exports").
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan, visitLabel } from '../../src/plan/draft-plan.js';

const visits = ['Baseline (før start)', '3 måneder'];
/** 12 patients, each at both visits unless `oneVisit`; `first` names the response column. */
function survey(first: string, oneVisit = false, visitHeader = 'Hvilket besøg udfylder du?') {
  const lines = [`${first};Deltagernummer;Randomiseret til;${visitHeader};Smerte (NRS)`];
  let row = 0;
  for (const [k, v] of (oneVisit ? visits.slice(0, 1) : visits).entries()) {
    for (let p = 1; p <= 12; p++) {
      row++;
      lines.push(`${first === 'Respondent-id' ? 5000 + row * 7 : row};SB${1000 + p};${p % 2 ? 'SelfBACK' : 'Kontrol'};${v};${(p + k * 3) % 11}`);
    }
  }
  return parseCsvText(lines.join('\n') + '\n', 'forms.csv');
}

describe('a survey tool\'s response numbers beside the participant number', () => {
  it('MS Forms, long: "Deltagernummer" is the id, never a cluster; the visit question gives the visits', () => {
    const d = draftPlan(survey('ID'), 'plan.schema.json');
    expect((d.plan.columns as Record<string, unknown>).id).toBe('Deltagernummer');
    expect((d.plan.columns as Record<string, unknown>).time).toBe('Hvilket besøg udfylder du?');
    expect(d.plan.clusters).toBeUndefined();
    expect(d.plan.timeLabels).toEqual({ 'Baseline (før start)': 'baseline', '3 måneder': '3m' });
    expect(d.undecided).toEqual([]);
  });

  it('one visit per file: MS Forms\' ID 1…n and SurveyXact\'s Respondent-id lose to "Deltagernummer"', () => {
    const ms = draftPlan(survey('ID', true), 'plan.schema.json');
    expect((ms.plan.columns as Record<string, unknown>).id).toBe('Deltagernummer');
    expect(ms.guesses).toContain('not the id: "ID", the numbers 1 to 12, one per row (a form\'s response numbers) while "Deltagernummer" names the patient on each of their rows');
    const sx = draftPlan(survey('Respondent-id', true), 'plan.schema.json');
    expect((sx.plan.columns as Record<string, unknown>).id).toBe('Deltagernummer');
  });

  it('an "id" of 1…n alone is still the id', () => {
    const d = draftPlan(parseCsvText('id,arm,nrs_base,nrs_3m\n' + Array.from({ length: 8 }, (_, k) => `${k + 1},${k % 2 ? 'A' : 'B'},${k},${k % 5}`).join('\n') + '\n', 'w.csv'), 'plan.schema.json');
    expect((d.plan.columns as Record<string, unknown>).id).toBeUndefined();
    expect(d.guesses).toContain('patient id column: "id"');
  });

  it('a wide export\'s "id" 1…n stays the id beside a 2-value "studyid" (DK/SE), which names no patient', () => {
    const rows = Array.from({ length: 40 }, (_, k) => `${k + 1},${k < 20 ? 'DK' : 'SE'},${k % 2 ? 'A' : 'B'},${30 + k},${k % 24},${(k * 7) % 24}`);
    const d = draftPlan(parseCsvText('id,studyid,arm,age,rmdq_baseline,rmdq_3m\n' + rows.join('\n') + '\n', 'wide2.csv'), 'plan.schema.json');
    expect((d.plan.columns as Record<string, unknown> | undefined)?.id ?? 'id').toBe('id');
    expect(d.guesses).toContain('patient id column: "id"');
    expect(d.guesses.some((g) => g.startsWith('not the id: "id"'))).toBe(false);
  });

  it('a baseline with more said in brackets is the baseline; other visits keep their reading', () => {
    expect(visitLabel('Baseline (før start)')).toBe('baseline');
    expect(visitLabel('Baseline [inden behandling]')).toBe('baseline');
    expect(visitLabel('3 måneder')).toBe('3m');
    expect(visitLabel('Opfølgning (efter)')).toBe('Opfølgning (efter)');
  });
});
