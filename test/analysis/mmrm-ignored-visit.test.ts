/**
 * A plan's "ignoreTimepoints" leaves an unscheduled visit out (docs/plan-trial.md#visits-left-out):
 * its rows are counted, not checked and in no model, so the MMRM is R's gls on the scheduled
 * visits. Before, the only ways were to model the visit (listing it in "allTimepoints") or to have
 * its rows refused, or dropped as invalid with --exclude-invalid. Reference:
 * test/reference/mmrm-ignored-visit.R (nlme::gls, unstructured covariance, REML; Satterthwaite df
 * by numDeriv).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { REPORT_TEXT } from '../../src/report/i18n.js';
import { ignoredVisitsNotes } from '../../src/report/kinds/trial-report.js';
import { ignoredVisitsNote } from '../../src/cli/load-inputs.js';
import { errorOf } from '../support/error-of.js';
import { ignoredVisitPlan } from '../support/ignored-visit-plan.js';
import { expectMmrmAsR } from '../support/mmrm-as-r.js';

const csv = () => parseCsvText(readFileSync(new URL('../fixtures/ignored-visit/redcap.csv', import.meta.url), 'utf8'), 'redcap.csv');
const ref = JSON.parse(readFileSync(new URL('../reference/mmrm-ignored-visit.json', import.meta.url), 'utf8')) as {
  nPatients: number;
  ignoredRows: number;
  contrasts: { time: string; estimate: number; se: number; df: number; ciLower: number; ciUpper: number; p: number }[];
};
const plan = (extra: object) => ignoredVisitPlan({ methods: ['mmrm'], ...extra });

describe('a visit the plan leaves out', () => {
  it('is read past and counted, and the MMRM equals R gls on the scheduled visits', () => {
    for (const ignored of ['6_weeks_arm_1', '6w']) {
      // By the export's value, or by its label in "timeLabels".
      const labels = { baseline_arm_1: 'baseline', '3_months_arm_1': '3m', '9_months_arm_1': '9m', ...(ignored === '6w' ? { '6_weeks_arm_1': '6w' } : {}) };
      const trial = loadTrial(csv(), plan({ timeLabels: labels, ignoreTimepoints: [ignored] }));
      expect(trial.ignoredVisits).toEqual({ rows: ref.ignoredRows, patients: ref.ignoredRows, visits: ['6_weeks_arm_1'] });
      expect(trial.times).toEqual(['baseline', '3m', '9m']);
      // Said on stderr (validate, analyze) and in the report's methods, in each language.
      expect(ignoredVisitsNote(trial)).toBe(`redcap.csv: ${ref.ignoredRows} row(s) of ${ref.ignoredRows} patient(s) not read: visits the plan's "ignoreTimepoints" leaves out ("6_weeks_arm_1"); their values are in no estimate, chart or model, but their patients stay in the trial — one whose rows are all at these visits counts as randomised in the participant flow, Table 1 and the intention-to-treat imputation`);
      expect(ignoredVisitsNotes(trial, (k) => REPORT_TEXT[k].da, 'da')).toEqual([`Ikke analyseret: ${ref.ignoredRows} rækker i eksporten (${ref.ignoredRows} patienter) fra besøg, som analyseplanen udelader ("6_weeks_arm_1"); ingen estimater, figurer eller modeller bruger dem.`]);
      const effects = analyzeTrial(trial, { version: 'test' }).effects;
      expectMmrmAsR(effects, ref.contrasts, ref.nPatients);
    }
  });

  it('unlisted, its rows are still refused (a visit of no plan is a problem, not silently dropped)', () => {
    const err = errorOf(() => loadTrial(csv(), plan({})));
    expect(err.exitCode).toBe(2);
    expect(err.problems[0]).toMatchObject({ field: 'redcap_event_name', value: '6_weeks_arm_1' });
  });

  it('a visit the plan analyses cannot be left out too', () => {
    const err = errorOf(() => plan({ ignoreTimepoints: ['3_months_arm_1'] }));
    expect(err.problems).toMatchObject([{ field: 'ignoreTimepoints.0', value: '3_months_arm_1' }]);
    expect(err.problems[0]!.expected).toBe('a visit the plan does not analyse: "3m" is one of "timepoints" — remove it there or here');
  });
});
