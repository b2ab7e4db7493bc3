/**
 * A target population with no criteria (`"criteria": []`) is the whole trial transported to the
 * target's make-up (docs/subgroups.md#target-population): every randomised patient "meets" it,
 * so its own rows would repeat the trial's (the analysis leaves `effects` empty, analyze-trial.ts).
 * Pages and terminal output show only the transported rows (raked, or weighted to the target
 * sample) as the target population's result.
 */
import type { TargetPopulation } from './results-schema.js';

export function transportsWholeTrial(t: Pick<TargetPopulation, 'criteria' | 'purpose'>): boolean {
  return t.criteria.length === 0 && t.purpose !== 'per-protocol';
}
