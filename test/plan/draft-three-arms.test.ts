// plan init on an export of three arms (docs/plan-trial.md#other-arms): the draft compares two,
// lists the third in "otherArms" (so `hta validate` reads the export), says which two it chose and
// how to compare another pair; of the two it compares, a comparator's name is the control.
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const exportOf = (arms: string[]) => {
  const lines = ['id,gruppe,time,rmdq'];
  arms.forEach((arm, k) => {
    for (let i = 0; i < 3; i++) {
      const id = k * 3 + i + 1;
      lines.push(`${id},${arm},baseline,${10 + i}`, `${id},${arm},3m,${8 + i}`);
    }
  });
  return parseCsvText(lines.join('\n') + '\n', 'export.csv');
};

describe('plan init: a third arm', () => {
  it('codes 1/2/3: compares 1 with 2, drafts "otherArms": ["3"], and says so with how to change it', () => {
    const csv = exportOf(['1', '2', '3']);
    const d = draftPlan(csv, 'plan.schema.json');
    expect(d.plan.arms).toEqual({ intervention: '1', control: '2' });
    expect(d.plan.otherArms).toEqual(['3']);
    const check = d.checks.find((c) => c.includes('"otherArms"'));
    expect(check).toMatch(/^column "gruppe" has 3 arms \("1", "2", "3"\); the plan compares two: "1" \(intervention\) with "2" \(control\), and lists "3" in "otherArms"/);
    expect(check).toContain('To compare another pair, swap the values between "arms" and "otherArms"');
    // The draft reads its own export: no row of arm 3 is a problem.
    const t = loadTrial(exportOf(['1', '2', '3']), parsePlan(d.plan));
    expect(t.otherArms).toEqual([{ value: '3', patients: 3, rows: 6 }]);
  });
  it('named arms: the comparator is the control, the other treatment not compared, with its name drafted', () => {
    const d = draftPlan(exportOf(['Træning', 'Patientuddannelse', 'Sædvanlig behandling']), 'plan.schema.json');
    expect(d.plan.arms).toEqual({ intervention: 'Træning', control: 'Sædvanlig behandling' });
    expect(d.plan.otherArms).toEqual([{ value: 'Patientuddannelse', label: { en: 'Patientuddannelse', da: 'Patientuddannelse' } }]);
  });
  // One arm's name inside another's ("App" in "App + fys") once made "App" the control and left
  // the usual-care arm out of the comparison: the arm named as the comparator is the control.
  for (const [arms, control] of [
    [['App', 'App + fys', 'Vanlig behandling'], 'Vanlig behandling'],
    [['App', 'App + physio call', 'Usual care'], 'Usual care'],
    [['App', 'App og telefon', 'Kontrol'], 'Kontrol'],
    [['Usual care', 'App', 'App + physio call'], 'Usual care'],
    // Comparators joined by an add-on word are one comparator, not an intervention on top of one.
    [['App', 'App + physio', 'Usual care + waiting list'], 'Usual care + waiting list'],
    [['App', 'App + fys', 'Vanlig behandling + venteliste'], 'Vanlig behandling + venteliste'],
    [['App', 'App + fys', 'Vanlig behandling og venteliste'], 'Vanlig behandling og venteliste'],
  ] as const) {
    it(`${arms.join(' / ')}: "${control}" is the control`, () => {
      const d = draftPlan(exportOf([...arms]), 'plan.schema.json');
      expect(d.plan.arms.control).toBe(control);
      expect(d.plan.arms.intervention).not.toBe(control);
      expect((d.plan.otherArms as { value: string }[]).map((o) => o.value)).not.toContain(control);
    });
  }
  it('"App + usual care" stays an intervention on top of the comparator', () => {
    const d = draftPlan(exportOf(['App + usual care', 'App', 'Usual care']), 'plan.schema.json');
    expect(d.plan.arms.control).toBe('Usual care');
  });
  it('a REDCap arm-label export ("Baseline (Arm 3: Vanlig behandling)"): the usual-care arm is the control', () => {
    const names = ['App', 'App + fys', 'Vanlig behandling'];
    const lines = ['record_id,redcap_event_name,rmdq'];
    names.forEach((name, k) => {
      for (let i = 0; i < 3; i++) lines.push(`${k * 3 + i + 1},Baseline (Arm ${k + 1}: ${name}),${10 + i}`, `${k * 3 + i + 1},3 måneder (Arm ${k + 1}: ${name}),${8 + i}`);
    });
    const d = draftPlan(parseCsvText(lines.join('\n') + '\n', 'export.csv'), 'plan.schema.json');
    expect(d.plan.arms.control).toBe('Arm 3: Vanlig behandling');
    expect(d.plan.armLabels?.control).toEqual({ en: 'Usual care', da: 'vanlig behandling' });
    expect(JSON.stringify(d.plan.otherArms)).not.toContain('Vanlig');
    // Said of the events, in the plural (once "the events of … has 3 arms").
    expect(d.checks.join('\n')).toContain('the events of "redcap_event_name" have 3 REDCap arms ("Arm 1: App", "Arm 2: App + fys", "Arm 3: Vanlig behandling")');
  });
  it('two arms: no "otherArms"', () => {
    expect(draftPlan(exportOf(['1', '2']), 'plan.schema.json').plan.otherArms).toBeUndefined();
  });
});
