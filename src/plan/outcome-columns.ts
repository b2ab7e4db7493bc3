/**
 * Which export columns an outcome reads: its score column, and its item columns from the plan's
 * `items` (a prefix, a pattern with `{i}`, an explicit list, or EQ-5D dimension names), else
 * the instrument's default names. See docs/plan-trial.md.
 */
import { EQ5D_DIMENSIONS } from '../instruments/valueset.js';
import type { Instrument } from '../instruments/instrument.js';
import type { PlanOutcome } from './plan-schema.js';

export function scoreColumnOf(outcome: Pick<PlanOutcome, 'key' | 'column'>): string {
  return outcome.column ?? outcome.key;
}

export function itemColumnsOf(outcome: Pick<PlanOutcome, 'key' | 'column' | 'items'>, instrument: Instrument): string[] {
  if (!instrument.items) return [];
  const spec = outcome.items ?? scoreColumnOf(outcome);
  if (Array.isArray(spec)) return [...spec];
  if (typeof spec === 'object') return EQ5D_DIMENSIONS.map((d) => spec[d]);
  if (spec.includes('{i}')) {
    const count = instrument.items.columns('x').length;
    return Array.from({ length: count }, (_, k) => spec.replaceAll('{i}', String(k + 1)));
  }
  return instrument.items.columns(spec);
}
