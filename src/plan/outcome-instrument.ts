/** The instrument an outcome of the plan is scored with, including its EQ-5D value set. */
import { eq5dFor } from '../instruments/eq5d.js';
import { genericInstrument } from '../instruments/generic.js';
import type { Direction, Instrument } from '../instruments/instrument.js';
import { getInstrument, instruments } from '../instruments/registry.js';
import type { Plan, PlanOutcome } from './plan-schema.js';

/**
 * The outcome's instrument: a built-in by key, or a generic instrument the plan defines under
 * `"instruments"` (built-in keys cannot be redefined; `parsePlan` checks that).
 */
export function instrumentForOutcome(outcome: Pick<PlanOutcome, 'instrument' | 'valueSet'>, plan?: Pick<Plan, 'instruments'>): Instrument {
  const custom = plan?.instruments?.[outcome.instrument];
  if (custom && Object.hasOwn(plan!.instruments, outcome.instrument)) return genericInstrument(outcome.instrument, custom);
  if ((outcome.instrument === 'eq5d5l' || outcome.instrument === 'eq5d3l') && outcome.valueSet !== undefined) {
    // The value set fixes the index range and the range/20 MCID, so build the instrument for it.
    return eq5dFor(outcome.instrument, outcome.valueSet);
  }
  return getInstrument(outcome.instrument);
}

/** The instrument whose scale an outcome's scores are on, when the plan names one it knows (else the outcome's own problem says so). */
export function scaleOf(o: Pick<PlanOutcome, 'instrument' | 'valueSet'>, plan: Pick<Plan, 'instruments'>): Instrument | undefined {
  const own = Object.hasOwn(plan.instruments, o.instrument);
  if (!own && !Object.hasOwn(instruments, o.instrument)) return undefined;
  try {
    return instrumentForOutcome(o, own ? plan : undefined);
  } catch {
    return undefined;
  }
}

/** The MCID in force for an outcome: the plan's, else the instrument's published default. */
export function mcidForOutcome(outcome: Pick<PlanOutcome, 'mcid'>, instrument: Instrument): number | undefined {
  return outcome.mcid ?? instrument.defaultMcid?.absolute;
}

/** Which way is better for an outcome: the plan's direction, else the instrument's. */
export function directionForOutcome(outcome: Pick<PlanOutcome, 'direction'>, instrument: Instrument): Direction {
  return outcome.direction ?? instrument.direction;
}
