/** Reads and validates an analysis plan, checking cross-references zod alone cannot see. */
import { readJsonFile, jsonProblems, locateProblems } from '../io/read-json.js';
import { zodShapeHint } from '../io/zod-shape.js';
import { HtaError, type Problem } from '../errors.js';
import { instruments } from '../instruments/registry.js';
import { instrumentForOutcome, mcidForOutcome } from './outcome-instrument.js';
import { type Plan, planSchema } from './plan-schema.js';

export function loadPlanFile(file: string): Plan {
  return parsePlan(readJsonFile(file, 'plan'), file);
}

export function parsePlan(json: unknown, file = '<plan>'): Plan {
  const parsed = planSchema.safeParse(json);
  if (!parsed.success) {
    throw new HtaError('plan.invalid', `${file} is not a valid analysis plan`, jsonProblems(json, parsed.error.issues, file, zodShapeHint(planSchema)));
  }
  const plan = parsed.data;
  const problems: Problem[] = [];
  const keys = new Set<string>();
  plan.outcomes.forEach((o, i) => {
    if (keys.has(o.key)) problems.push({ file, field: `outcomes.${i}.key`, value: o.key, expected: 'a key used once' });
    keys.add(o.key);
    let inst = instruments[o.instrument];
    if (inst && o.valueSet !== undefined) {
      try {
        inst = instrumentForOutcome(o);
      } catch (err) {
        problems.push({ file, field: `outcomes.${i}.valueSet`, value: o.valueSet, expected: err instanceof HtaError ? err.message : String(err) });
      }
    }
    if (!inst) {
      problems.push({ file, field: `outcomes.${i}.instrument`, value: o.instrument, expected: `one of ${Object.keys(instruments).join(', ')}` });
    } else if (inst.kind === 'continuous' && mcidForOutcome(o, inst) === undefined) {
      problems.push({ file, field: `outcomes.${i}.mcid`, expected: `an MCID: ${inst.name.en} has no published default, so the plan must set one` });
    }
  });
  plan.responders.forEach((r, i) => {
    const o = plan.outcomes.find((x) => x.key === r.outcome);
    if (!o) problems.push({ file, field: `responders.${i}.outcome`, value: r.outcome, expected: `an outcome key of this plan (${[...keys].join(', ')})` });
    else if (instruments[o.instrument]?.kind === 'binary') {
      problems.push({ file, field: `responders.${i}.outcome`, value: r.outcome, expected: 'a continuous outcome (responders are defined by improvement)' });
    }
  });
  if (plan.primary) {
    if (!keys.has(plan.primary.outcome)) problems.push({ file, field: 'primary.outcome', value: plan.primary.outcome, expected: 'an outcome key of this plan' });
    if (!plan.timepoints.includes(plan.primary.time)) problems.push({ file, field: 'primary.time', value: plan.primary.time, expected: `one of the timepoints (${plan.timepoints.join(', ')})` });
  }
  if (plan.timepoints.includes(plan.baseline)) problems.push({ file, field: 'timepoints', value: plan.baseline, expected: 'follow-up times only (the baseline is analysed as a covariate)' });
  if (plan.arms.intervention === plan.arms.control) problems.push({ file, field: 'arms', value: plan.arms.control, expected: 'different values for the two arms' });
  if (problems.length) throw new HtaError('plan.invalid', `${file} is not a valid analysis plan`, locateProblems(json, problems));
  return plan;
}
