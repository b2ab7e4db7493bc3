/**
 * plan init drafts a visit named as unscheduled ("6 uger (uplanlagt)", `unscheduled_arm_1`) in
 * "ignoreTimepoints" (docs/plan-trial.md#visits-left-out), so the drafted plan's MMRM models the
 * scheduled visits only and the visits are in time order. Before, it was drafted as a follow-up of
 * its own, listed last in "allTimepoints" (after 9 months) and modelled.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const text = readFileSync(new URL('../fixtures/ignored-visit/redcap.csv', import.meta.url), 'utf8');
const withEvent = (name: string) => parseCsvText(text.replaceAll('6_weeks_arm_1', name), 'redcap.csv');

describe('plan init and an unscheduled visit', () => {
  for (const name of ['6 uger (uplanlagt) (Arm 1: Arm 1)', 'unscheduled_arm_1', 'ekstra_besoeg_arm_1']) {
    it(`"${name}": drafted in "ignoreTimepoints", the others in time order, and validate reads the export`, () => {
      const d = draftPlan(withEvent(name), 'plan.schema.json');
      expect(d.plan.ignoreTimepoints).toEqual([name]);
      expect(d.plan.timepoints).toEqual(['3m', '9m']);
      expect(d.plan.allTimepoints).toEqual(['baseline', '3m', '9m']);
      expect(d.checks.join('\n')).toContain(`"${name}" was taken as unscheduled and drafted in "ignoreTimepoints"`);
      const trial = loadTrial(withEvent(name), parsePlan(JSON.parse(JSON.stringify({ ...d.plan, $schema: undefined }))));
      expect(trial.ignoredVisits?.visits).toEqual([name]);
    });
  }

  // "ekstra"/"extra" beside a time is an extension of the schedule (a further follow-up), not an unscheduled visit.
  for (const name of ['extra_12_months_arm_1', '12 mdr (ekstra opfølgning)']) {
    it(`"${name}": drafted as a follow-up with a check, not left out`, () => {
      const d = draftPlan(withEvent(name), 'plan.schema.json');
      expect(d.plan.ignoreTimepoints).toBeUndefined();
      expect(d.plan.timepoints).toHaveLength(3);
      expect(d.plan.allTimepoints).toHaveLength(4);
      expect(d.checks.join('\n')).toContain(`"${name}" says "extra" beside a time: drafted as a follow-up of the schedule (an extension), modelled by the MMRM — if it was an unscheduled visit, move it from "timepoints" and "allTimepoints" to "ignoreTimepoints"`);
      expect(d.checks.join('\n')).not.toContain('taken as unscheduled');
    });
  }

  it('"unscheduled" or "uplanlagt" beside a time still says unscheduled', () => {
    for (const name of ['6 uger ekstra (uplanlagt)', 'extra_unscheduled_6_weeks_arm_1']) {
      expect(draftPlan(withEvent(name), 'plan.schema.json').plan.ignoreTimepoints).toEqual([name]);
    }
  });

  it('a visit named by its time only stays a follow-up', () => {
    const d = draftPlan(withEvent('6_weeks_arm_1'), 'plan.schema.json');
    expect(d.plan.ignoreTimepoints).toBeUndefined();
    expect(d.plan.allTimepoints).toEqual(['baseline', '6w', '3m', '9m']);
  });
});
