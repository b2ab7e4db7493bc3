/**
 * Study-level effect: the unit every meta-analysis fitter pools.
 *
 * `yi` is the effect on the analysis scale (mean difference, Hedges' g, log risk ratio,
 * log odds ratio, risk difference) and `vi` its sampling variance, as in metafor's
 * `escalc()` output. Ratio measures are always on the log scale here; exponentiate
 * estimates and interval bounds for display.
 */
import { HtaError } from '../../errors.js';

export interface StudyEffect {
  label: string;
  yi: number;
  vi: number;
}

/**
 * Checks the (yi, vi) vectors every fitter receives: same length, at least one study,
 * finite effects, finite positive variances. Names the first offending study.
 *
 * @throws HtaError `analysis.failed` when there is no study; `input.invalid` otherwise.
 */
export function assertStudyVectors(yi: readonly number[], vi: readonly number[], who: string): void {
  if (yi.length !== vi.length) {
    throw new HtaError('input.invalid', `${who}: yi has ${yi.length} values but vi has ${vi.length}; pass one variance per effect`);
  }
  if (yi.length === 0) {
    throw new HtaError('analysis.failed', `${who}: no studies to pool`);
  }
  for (let i = 0; i < yi.length; i++) {
    const y = yi[i] as number;
    const v = vi[i] as number;
    if (!Number.isFinite(y)) {
      throw new HtaError('input.invalid', `${who}: effect of study ${i + 1} is ${y}; expected a finite number`);
    }
    if (!(Number.isFinite(v) && v > 0)) {
      throw new HtaError(
        'input.invalid',
        `${who}: sampling variance of study ${i + 1} is ${v}; expected a finite number > 0 (a study without a variance is shown but not pooled: see splitPoolable)`,
      );
    }
  }
}

/** An effect size computed from one study's data, before it gets a label. */
export interface EffectSize {
  yi: number;
  vi: number;
}

/** Arm-level summaries of a continuous outcome (docs/input-studies.md). */
export interface ArmSummaries {
  nIntervention: number;
  meanIntervention: number;
  sdIntervention: number;
  nControl: number;
  meanControl: number;
  sdControl: number;
}

/** @throws HtaError `input.invalid` naming the field when n ≤ 0, an SD < 0 or a value is not finite. */
export function assertArmSummaries(a: ArmSummaries, who: string): void {
  for (const key of ['nIntervention', 'meanIntervention', 'sdIntervention', 'nControl', 'meanControl', 'sdControl'] as const) {
    if (!Number.isFinite(a[key])) throw new HtaError('input.invalid', `${who}: ${key} is ${a[key]}; expected a finite number`);
  }
  for (const key of ['nIntervention', 'nControl'] as const) {
    if (!(a[key] > 0)) throw new HtaError('input.invalid', `${who}: ${key} is ${a[key]}; expected a group size > 0`);
  }
  for (const key of ['sdIntervention', 'sdControl'] as const) {
    if (a[key] < 0) throw new HtaError('input.invalid', `${who}: ${key} is ${a[key]}; expected a standard deviation ≥ 0`);
  }
}
