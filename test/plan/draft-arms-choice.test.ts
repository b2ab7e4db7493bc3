/**
 * Which arm plan init takes as the intervention. An intervention is often the comparator plus
 * something ("App + usual care"): a comparator word inside it must not make it the control (a
 * swapped plan flips the sign of every effect).
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

const draftArms = (first: string, second: string) => {
  const csv = `id,gruppe,time,rmdq\n1,${first},baseline,10\n1,${first},3m,8\n2,${second},baseline,11\n2,${second},3m,9\n`;
  return draftPlan(parseCsvText(csv, 'export.csv'), 'plan.schema.json').plan.arms as { intervention: string; control: string };
};

describe('plan init: the intervention arm', () => {
  const cases: [string, string, string][] = [
    ['Usual care', 'App + usual care', 'App + usual care'],
    ['Vanlig behandling', 'selfBACK og vanlig behandling', 'selfBACK og vanlig behandling'],
    ['Standard care', 'Exercise plus standard care', 'Exercise plus standard care'],
    ['Vanlig behandling', 'Træningsprogram', 'Træningsprogram'],
    ['Venteliste', 'Træningsprogram', 'Træningsprogram'],
    ['Usual care', 'App', 'App'],
    ['2', '1', '1'],
  ];
  for (const [a, b, intervention] of cases) {
    it(`${JSON.stringify(a)} and ${JSON.stringify(b)}: ${JSON.stringify(intervention)}, in either order`, () => {
      expect(draftArms(a, b).intervention).toBe(intervention);
      expect(draftArms(b, a).intervention).toBe(intervention);
    });
  }
});
