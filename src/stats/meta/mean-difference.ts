/**
 * Raw mean difference between two independent groups (intervention − control).
 *
 *   yi = m₁ − m₂,   vi = sd₁²/n₁ + sd₂²/n₂   (no equal-variance assumption)
 *
 * = `metafor::escalc("MD", m1i, sd1i, n1i, m2i, sd2i, n2i)` with its default `vtype = "LS"`.
 * Reference: Borenstein M et al. (2009). Introduction to Meta-Analysis, Wiley, eq. 4.5.
 * doi:10.1002/9780470743386
 *
 * Example (dat.normand1999, Edinburgh): 55 − 75 = −20, vi = 47²/155 + 64²/156 = 40.508.
 * @throws HtaError `input.invalid` for n ≤ 0, SD < 0 or non-finite values.
 */
import type { ArmSummaries, EffectSize } from './study-effect.js';
import { assertArmSummaries } from './study-effect.js';

export function meanDifference(a: ArmSummaries): EffectSize {
  assertArmSummaries(a, 'meanDifference');
  return {
    yi: a.meanIntervention - a.meanControl,
    vi: (a.sdIntervention * a.sdIntervention) / a.nIntervention + (a.sdControl * a.sdControl) / a.nControl,
  };
}
