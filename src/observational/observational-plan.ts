/**
 * An observational plan read like a trial plan: the exposure fills the arms (exposed →
 * intervention, unexposed → control) and the confounders fill the covariates, so a registry
 * export is loaded by `loadTrial` with the same mapping, codes and checks as a trial export.
 * Options that only make sense for randomised data are refused. See docs/observational.md.
 */
import type { Problem } from '../errors.js';
import { type Plan, planSchema } from '../plan/plan-schema.js';

/**
 * Plan fields an observational design cannot honour, and why: their analyses assume
 * randomisation (ANCOVA/Welch/MMRM as the effect, MI with its tipping point, subgroup
 * interaction tests and transported effects on randomised arms).
 */
const TRIAL_ONLY: Record<string, string> = {
  arms: 'the exposure levels are given in "observational.exposure"',
  armSource: 'the exposure is read from "observational.exposure.column"',
  covariates: 'confounders are given in "observational.confounders" (with their types)',
  covariateTypes: 'each confounder in "observational.confounders" has its "type"',
  methods: 'an observational design is always estimated by weighted regression and AIPW',
  missing: 'multiple imputation, MMRM and the tipping point assume randomised arms',
  subgroups: 'subgroup interaction tests are for randomised comparisons',
  population: 'the target population and transported effect are for randomised comparisons',
};

function has(json: unknown, key: string): boolean {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && Object.hasOwn(json, key);
}

/**
 * A trial-only field that changes nothing: its default, or (arms, covariates) exactly what the
 * exposure and confounders fill in — as `hta plan check` prints a plan, so its output loads again.
 */
function harmless(json: unknown, key: string, plan: Plan): boolean {
  const field = (planSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>)[key];
  const given = field?.safeParse((json as Record<string, unknown>)[key]);
  if (!given?.success) return false;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (key === 'arms' || key === 'covariates') return same(given.data, plan[key]);
  return same(given.data, field?.safeParse(undefined).data);
}

/** Cross-field problems of the design: a randomised plan needs arms; an observational one its section and no trial-only option. */
export function designProblems(json: unknown, plan: Plan, file: string): Problem[] {
  if (plan.design === 'randomised') {
    const problems: Problem[] = [];
    // The same words zod gives for a missing required field (arms has a default only for observational plans).
    if (!has(json, 'arms')) problems.push({ file, field: 'arms', expected: '"arms" is required: { "intervention": …, "control": … }' });
    if (plan.observational) problems.push({ file, field: 'observational', expected: 'no "observational" section in a randomised plan: add "design": "observational" to analyse registry data' });
    return problems;
  }
  const problems: Problem[] = [];
  if (!plan.observational) {
    problems.push({ file, field: 'observational', expected: 'the observational section: "exposure" (column, exposed, unexposed) and "confounders" (name, type)' });
    return problems;
  }
  for (const [key, why] of Object.entries(TRIAL_ONLY)) {
    if (has(json, key) && !harmless(json, key, plan)) problems.push({ file, field: key, expected: `no "${key}" in an observational plan: it is a trial-only option (${why})` });
  }
  // A GRADE rating the plan gives is not used: non-randomised evidence is rated by the analysis
  // (low, one level lower for imprecision; docs/observational.md step 4). Accepted, it read as
  // the certainty the report would show.
  plan.outcomes.forEach((o, i) => {
    if (o.certainty !== undefined) problems.push({ file, field: `outcomes.${i}.certainty`, expected: `no "certainty" for outcome "${o.key}" in an observational plan: the certainty of non-randomised evidence is rated by the analysis (GRADE starts it at low, one level lower when the interval crosses the MCID), not by the plan — leave it out` });
  });
  const armColumn = (json as { columns?: { arm?: unknown } }).columns?.arm;
  if (armColumn !== undefined && armColumn !== plan.observational.exposure.column) {
    problems.push({ file, field: 'columns.arm', value: String(armColumn), expected: `no arm column in an observational plan: the exposure column is "observational.exposure.column" ("${plan.observational.exposure.column}")` });
  }
  const names = new Set<string>();
  plan.observational.confounders.forEach((c, i) => {
    if (names.has(c.name)) problems.push({ file, field: `observational.confounders.${i}.name`, value: c.name, expected: 'a confounder name used once' });
    names.add(c.name);
    if ((c.column ?? c.name) === plan.observational!.exposure.column) problems.push({ file, field: `observational.confounders.${i}`, value: c.column ?? c.name, expected: 'a column other than the exposure column' });
  });
  const e = plan.observational.exposure;
  if (e.exposed === e.unexposed) problems.push({ file, field: 'observational.exposure', value: e.exposed, expected: 'different values for the exposed and the unexposed' });
  return problems;
}

/**
 * Whether the export must hold the plan's baseline visit: not for an observational plan with
 * `"baselineAsConfounder": false` and no responder definition, which reads no baseline value
 * (a Ja/Nej outcome a registry exports at follow-up only; its confounders are then read from the
 * follow-up row, docs/observational.md). A responder compares baseline and follow-up, so it needs both.
 */
export function needsBaselineVisit(plan: Plan): boolean {
  return !(plan.design === 'observational' && plan.observational?.baselineAsConfounder === false && plan.responders.length === 0);
}

/**
 * What a registry export with no baseline can do instead of naming one (the plan's schema refuses
 * a baseline among the follow-up times, so "set the baseline to the export's visit" is no way out):
 * said after the missing-baseline problem of an observational plan that adjusts for the baseline;
 * undefined for any other plan (a responder needs the baseline anyway).
 */
export function noBaselineAdvice(plan: Plan): string | undefined {
  if (plan.design !== 'observational' || plan.observational?.baselineAsConfounder !== true || plan.responders.length > 0) return undefined;
  return 'a registry export with no baseline at all is read with "observational": { "baselineAsConfounder": false } (the confounders then come from the follow-up row)';
}

/** The plan `loadTrial` reads: exposure as arms, confounders as covariates. A randomised plan is returned as is. */
export function withObservationalDesign(plan: Plan): Plan {
  const obs = plan.observational;
  if (plan.design !== 'observational' || !obs) return plan;
  const renames: Record<string, string> = {};
  for (const c of obs.confounders) if (c.column !== undefined && c.column !== c.name) renames[c.name] = c.column;
  return {
    ...plan,
    columns: { ...plan.columns, arm: obs.exposure.column, covariates: { ...plan.columns.covariates, ...renames } },
    arms: { intervention: obs.exposure.exposed, control: obs.exposure.unexposed },
    covariates: obs.confounders.map((c) => c.name),
  };
}
