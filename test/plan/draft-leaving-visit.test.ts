/**
 * plan init drafts a visit held when a patient leaves the study (early termination, withdrawal,
 * end of study: `early_termination_arm_1`, "Tidligt ophør", "EOS", "ET") in "ignoreTimepoints", as
 * it does an unscheduled visit (docs/plan-trial.md#visits-left-out): it falls at a different time
 * for each patient, so as a time point it compared the few who left early and the MMRM modelled
 * it between the scheduled visits. Before, it was drafted in "timepoints" and "allTimepoints",
 * with advice to give it a time.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { draftLineDa } from '../../src/plan/draft-notes-da.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const text = readFileSync(new URL('../fixtures/ignored-visit/redcap.csv', import.meta.url), 'utf8');
const withEvent = (name: string) => parseCsvText(text.replaceAll('6_weeks_arm_1', name), 'redcap.csv');

describe('plan init and a visit at leaving the study', () => {
  for (const name of ['early_termination_arm_1', 'Early termination', 'Withdrawal visit', 'End of study', 'Tidligt ophør', 'Udtrædelse', 'EOS', 'ET', 'et_arm_1']) {
    it(`"${name}": drafted in "ignoreTimepoints" with a check, and validate reads the export`, () => {
      const d = draftPlan(withEvent(name), 'plan.schema.json');
      expect(d.plan.ignoreTimepoints).toEqual([name]);
      expect(d.plan.timepoints).toEqual(['3m', '9m']);
      expect(d.plan.allTimepoints).toEqual(['baseline', '3m', '9m']);
      const check = d.checks.find((c) => c.startsWith(`"${name}" was taken as a visit held when a patient leaves the study`));
      expect(check).toContain('label those rows with that visit in the export');
      expect(d.checks.join('\n')).not.toContain('taken as unscheduled');
      const guess = d.guesses.find((g) => g.startsWith('left out ("ignoreTimepoints")'));
      expect(guess).toBe(`left out ("ignoreTimepoints"): "${name}", named as a visit at leaving the study`);
      // Danish, whole: no English line left under --lang da.
      expect(draftLineDa(check!)).toContain('forlader forsøget');
      expect(draftLineDa(check!)).toContain(`"${name}" er taget som et besøg`);
      expect(draftLineDa(guess!)).toBe(`udeladt ("ignoreTimepoints"): "${name}", navngivet som et besøg ved udtræden af forsøget`);
      const trial = loadTrial(withEvent(name), parsePlan(JSON.parse(JSON.stringify({ ...d.plan, $schema: undefined }))));
      expect(trial.ignoredVisits?.visits).toEqual([name]);
    });
  }

  it('"EOS" that most patients have is the schedule\'s last visit: drafted as a follow-up', () => {
    const d = draftPlan(parseCsvText(text.replaceAll('9_months_arm_1', 'EOS'), 'redcap.csv'), 'plan.schema.json');
    expect(d.plan.ignoreTimepoints).toBeUndefined();
    expect(d.plan.allTimepoints).toContain('EOS');
    expect(d.checks.join('\n')).not.toContain('leaves the study');
  });

  // A time in the name makes it the schedule's last visit; "End of treatment" is a scheduled visit; "Et år" is Danish for one year.
  for (const name of ['End of study (12 months)', 'eos_12_months_arm_1', 'End of treatment']) {
    it(`"${name}": drafted as a follow-up, not left out`, () => {
      const d = draftPlan(withEvent(name), 'plan.schema.json');
      expect(d.plan.ignoreTimepoints).toBeUndefined();
      expect(d.plan.timepoints).toHaveLength(3);
      expect(d.checks.join('\n')).not.toContain('leaves the study');
    });
  }
});
