// plan init on wide exports whose arm column carries a visit (`gruppe_baseline`, REDCap's
// `randomisering_baseline_arm_1`) and on REDCap's `<field>_<event>_arm_<n>` visit columns: the
// arm and visits are found, and the draft loads (src/plan/draft-plan.ts, src/plan/wide-visits.ts;
// docs/input-trial-export.md "Layouts").
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { wideVisits } from '../../src/plan/wide-visits.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const draftAndLoad = (text: string, file: string) => {
  const d = draftPlan(parseCsvText(text, file), 'plan.schema.json');
  expect(d.undecided).toEqual([]);
  return { d, trial: loadTrial(parseCsvText(text, file), parsePlan(d.plan)) };
};

describe('plan init on a wide export whose arm column ends in a visit', () => {
  it('w1.csv: the arm "gruppe_baseline" is found and named as written', () => {
    const { d, trial } = draftAndLoad('id,gruppe_baseline,rmdq_baseline,rmdq_3m\n1,A,10,8\n2,B,12,11\n3,A,9,4\n4,B,14,12\n', 'w1.csv');
    expect(d.plan.columns).toMatchObject({ arm: 'gruppe_baseline' });
    expect(d.plan.layout).toBe('wide');
    expect(d.guesses.join('\n')).not.toMatch(/not used: .*gruppe/);
    expect(trial.patients.map((p) => p.arm)).toEqual(['intervention', 'control', 'intervention', 'control']);
  });
  it("REDCap's wide export: the arm and the visits from `_baseline_arm_1`, `_3_months_arm_1`", () => {
    const { d, trial } = draftAndLoad('record_id,randomisering_baseline_arm_1,rmdq_baseline_arm_1,rmdq_3_months_arm_1\n1,1,10,8\n2,2,12,11\n3,1,9,4\n4,2,14,12\n', 'rc.csv');
    expect(d.plan.columns).toMatchObject({ arm: 'randomisering_baseline_arm_1' });
    expect(d.plan.timeLabels).toEqual({ baseline_arm_1: 'baseline', '3_months_arm_1': '3m' });
    expect(trial.rows.length).toBe(8);
  });
  it('an arm column it cannot take (OpenClinica RANDO_ARM_E1_C1) is named in what to write', () => {
    const d = draftPlan(parseCsvText('SubjID,RANDO_ARM_E1_C1,RMDQ_baseline,RMDQ_3m\nA1,X,10,8\nA2,Y,12,11\n', 'oc.csv'), 'plan.schema.json');
    expect(d.undecided.map((u) => u.write).join('\n')).toContain('"columns": { "arm": "RANDO_ARM_E1_C1" }');
  });
});

describe('REDCap event suffixes in a wide header', () => {
  it('are visits, the event the shortest tail naming one (items keep their number)', () => {
    const v = wideVisits(['record_id', 'rmdq_1_baseline_arm_1', 'rmdq_1_3_months_arm_1', 'rmdq_1_12_months_arm_1', 'smerte_baseline_arm_1', 'smerte_12_months_arm_1']);
    expect(v.visits.map((x) => [x.suffix, x.label])).toEqual([['baseline_arm_1', 'baseline'], ['3_months_arm_1', '3m'], ['12_months_arm_1', '12m']]);
  });
});
