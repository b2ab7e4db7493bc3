import { parsePlan } from '../../src/plan/load-plan.js';

/**
 * The plan of the REDCap fixture test/fixtures/ignored-visit/redcap.csv (made by
 * test/reference/mmrm-ignored-visit-data.R): two arms coded 1/2, baseline, 3 and 9 months by
 * their event names, RMDQ adjusted for age; `extra` adds or replaces keys (the unscheduled
 * visit's "ignoreTimepoints", methods, a design).
 */
export const ignoredVisitPlan = (extra: object) =>
  parsePlan({
    arms: { intervention: '1', control: '2' },
    columns: { id: 'record_id', time: 'redcap_event_name', arm: 'randomisering' },
    timeLabels: { baseline_arm_1: 'baseline', '3_months_arm_1': '3m', '9_months_arm_1': '9m' },
    timepoints: ['3m', '9m'],
    covariates: ['alder'],
    outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
    ...extra,
  });
