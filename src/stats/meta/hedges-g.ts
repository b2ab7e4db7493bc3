/**
 * Standardized mean difference with Hedges' exact small-sample correction (Hedges' g).
 *
 *   m  = n₁ + n₂ − 2,   s_p = √(((n₁ − 1) sd₁² + (n₂ − 1) sd₂²) / m),   d = (m₁ − m₂)/s_p
 *   J(m) = Γ(m/2) / (√(m/2) · Γ((m − 1)/2))          (exact, not the 1 − 3/(4m − 1) approximation)
 *   yi = J(m) · d,   vi = 1/n₁ + 1/n₂ + yi² / (2 (n₁ + n₂))   (metafor's default vtype "LS")
 *
 * = `metafor::escalc("SMD", m1i, sd1i, n1i, m2i, sd2i, n2i)`.
 * References: Hedges LV (1981). Distribution theory for Glass's estimator of effect size and
 * related estimators. J Educ Stat 6:107–128. doi:10.3102/10769986006002107;
 * Hedges LV, Olkin I (1985). Statistical Methods for Meta-Analysis, eq. 5.14.
 *
 * J is computed as a ratio of Lanczos forms (g = 7) with the power terms combined
 * analytically, so it keeps ~15 digits even for m = 10⁷, where R's
 * exp(lgamma(m/2) − lgamma((m−1)/2)) loses about 7 (metafor's .cmicalc).
 *
 * Preconditions: m ≥ 2 (n₁ + n₂ ≥ 4; metafor returns NA below that), s_p > 0.
 * Example: J(2) = 1/√π = 0.5641896, J(10) = 0.9227456.
 * @throws HtaError `input.invalid` for m < 2, s_p = 0, n ≤ 0, SD < 0, non-finite values.
 */
import { HtaError } from '../../errors.js';
import type { ArmSummaries, EffectSize } from './study-effect.js';
import { assertArmSummaries } from './study-effect.js';

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** Lanczos series A(z) with Γ(z + 1) = √(2π) t^(z + ½) e^(−t) A(z), t = z + g + ½. */
function lanczosSeries(z: number): number {
  let x = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) x += (LANCZOS[i] as number) / (z + i);
  return x;
}

/** Hedges' exact bias-correction factor J(m) = Γ(m/2) / (√(m/2) Γ((m − 1)/2)), m ≥ 2. */
export function hedgesCorrection(m: number): number {
  if (!(m >= 2)) throw new HtaError('input.invalid', `hedgesCorrection: degrees of freedom ${m} < 2; Hedges' g needs n1 + n2 ≥ 4`);
  // Γ(a)/Γ(b) with a = m/2, b = a − ½:  log = (a − 1)·log1p(½/t_b) + ½·log t_a − ½ + log(A(a−1)/A(b−1)).
  const a = m / 2;
  const b = a - 0.5;
  const ta = a - 1 + LANCZOS_G + 0.5;
  const tb = ta - 0.5;
  const logRatio = (a - 1) * Math.log1p(0.5 / tb) + 0.5 * Math.log(ta) - 0.5 + Math.log(lanczosSeries(a - 1) / lanczosSeries(b - 1));
  return Math.exp(logRatio) / Math.sqrt(a);
}

export function hedgesG(s: ArmSummaries): EffectSize {
  assertArmSummaries(s, 'hedgesG');
  const n1 = s.nIntervention;
  const n2 = s.nControl;
  const m = n1 + n2 - 2;
  if (m < 2) throw new HtaError('input.invalid', `hedgesG: n_intervention + n_control = ${n1 + n2}; Hedges' g needs at least 4 patients`);
  const sdPooled = Math.sqrt(((n1 - 1) * s.sdIntervention ** 2 + (n2 - 1) * s.sdControl ** 2) / m);
  if (!(sdPooled > 0)) throw new HtaError('input.invalid', 'hedgesG: pooled standard deviation is 0; a standardized difference is undefined');
  const yi = (hedgesCorrection(m) * (s.meanIntervention - s.meanControl)) / sdPooled;
  return { yi, vi: 1 / n1 + 1 / n2 + (yi * yi) / (2 * (n1 + n2)) };
}
