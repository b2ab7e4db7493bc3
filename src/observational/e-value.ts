/**
 * The E-value (VanderWeele TJ, Ding P 2017, Ann Intern Med 167:268–274): the minimum strength
 * of association, on the risk-ratio scale, that an unmeasured confounder would need with both
 * the exposure and the outcome to fully explain away the estimate.
 *
 *   for a risk ratio RR ≥ 1:  E = RR + √(RR·(RR − 1));  RR < 1: use 1/RR.
 *   For the CI: the limit closer to the null; E = 1 when the CI includes the null.
 *
 * Continuous outcomes (VanderWeele 2017, Epidemiology 28:e70–e71, the approximation the R
 * package EValue's `evalues.MD` uses): the standardised difference d = difference / SD (SD: the
 * pooled, unweighted SD of the outcome at follow-up) maps to RR ≈ exp(0.91·d); the CI limit
 * likewise (exp(0.91·d_limit), equal to EValue's exp(0.91·d − 1.78·SE_d) for a normal interval).
 * Risk differences of the adjusted rows (weighted regression, AIPW): the row's own risk ratio, the
 * ratio of its adjusted (standardised) risks with its delta-method CI (marginal-risks.ts) — the RR
 * the page's yes/no table prints beside it, so the E-value is of the RR the reader sees
 * (`eValueOfRiskRatioCi`). It had been of (p₀ + RD)/p₀ with p₀ the weighted share among the
 * unexposed, a second RR: the bundled responder's E-value was that of RR 1.93 beside a table's
 * 1.92. The crude row, and an adjusted row without a ratio, keep RR = (p₀ + RD)/p₀ (for the crude
 * row p₀ is the unexposed share, so this is p₁/p₀, the crude RR), p₀ treated as fixed for the CI limit. With p₀ = 0 (no non-user has the outcome) the risk ratio is
 * infinite, and with p₀ + RD ≤ 0 (an exposed risk of 0 or below) it is 0 or negative: no E-value,
 * and `noRiskRatioReason` says which (docs/observational.md, step 6).
 */

export interface EValue {
  /** The estimate on the risk-ratio scale (oriented away from the null: ≥ 1). */
  riskRatio: number;
  estimate: number;
  /** E-value of the CI limit closer to the null (1 when the CI includes the null). */
  ciLimit: number;
  method: 'standardised-difference (RR = exp(0.91 d))' | 'risk-ratio from risk difference' | 'risk ratio of the adjusted risks';
}

/**
 * Whether the CI includes no difference, so its limit's E-value is 1: read off the difference's CI,
 * not off the E-value, which results.json publishes to 2 decimals (published-analysis.ts) — a limit
 * of 1.004 is printed 1.00 yet its CI excludes the null. The same test as fromRiskRatios': both
 * risk-ratio maps are increasing with RR = 1 at a difference of 0.
 */
export function ciIncludesNull(e: { ciLower: number | null; ciUpper: number | null; riskRatio?: { ciLower: number; ciUpper: number } | null }): boolean {
  // An adjusted yes/no row's E-value is of its risk ratio (eValueOfRiskRatioCi): read off that CI,
  // whose limits results.json keeps off 1 (published-effect.ts), not off the difference's.
  if (e.riskRatio) return e.riskRatio.ciLower <= 1 && e.riskRatio.ciUpper >= 1;
  return differenceCiIncludesZero(e);
}

/** Whether the difference's own CI includes 0 (a row with an E-value has a CI; without one there is nothing to include). */
function differenceCiIncludesZero(e: { ciLower: number | null; ciUpper: number | null }): boolean {
  return e.ciLower !== null && e.ciUpper !== null && e.ciLower <= 0 && e.ciUpper >= 0;
}

/**
 * Which interval the E-value's CI limit comes from, and whether it tells the same story as the
 * printed difference's CI. An adjusted yes/no row's E-value is of its risk ratio, whose CI is the
 * delta method on the log scale (marginal-risks.ts), while the verdict reads the difference's normal
 * CI: near no difference the two can disagree (docs/observational.md, step 6), and the page must then
 * name the interval it talks about instead of saying "the CI" of the printed difference.
 *  - 'excludes' / 'includes': both intervals (or the only one) exclude / include no difference;
 *  - 'rr-includes': the RR's CI includes 1 while the difference's excludes 0 (E-value of the limit 1);
 *  - 'rr-excludes': the RR's CI excludes 1 while the difference's includes 0.
 */
export type EValueCi = 'excludes' | 'includes' | 'rr-includes' | 'rr-excludes';

export function eValueCi(e: { ciLower: number | null; ciUpper: number | null; riskRatio?: { ciLower: number; ciUpper: number } | null }): EValueCi {
  const rd = differenceCiIncludesZero(e);
  if (!e.riskRatio) return rd ? 'includes' : 'excludes';
  const rr = ciIncludesNull(e);
  if (rr === rd) return rr ? 'includes' : 'excludes';
  return rr ? 'rr-includes' : 'rr-excludes';
}

/** E-value of a risk ratio (any side of 1). */
export function eValueOfRiskRatio(rr: number): number {
  const r = rr < 1 ? 1 / rr : rr;
  return r + Math.sqrt(r * (r - 1));
}

/** E-value of an estimate and CI given on the RR scale: the CI limit closer to 1 counts. */
function fromRiskRatios(rr: number, lower: number, upper: number, method: EValue['method']): EValue {
  const crosses = lower <= 1 && upper >= 1;
  const limit = crosses ? 1 : rr > 1 ? lower : upper;
  return { riskRatio: rr < 1 ? 1 / rr : rr, estimate: eValueOfRiskRatio(rr), ciLimit: crosses ? 1 : eValueOfRiskRatio(limit), method };
}

/**
 * The E-value of a risk ratio given with its CI (the adjusted rows' ratio of standardised risks,
 * marginal-risks.ts): VanderWeele & Ding's RR + √(RR·(RR − 1)), the CI limit nearer 1, 1 when the
 * CI includes 1 (R: EValue::evalues.RR(est, lo, hi)).
 */
export function eValueOfRiskRatioCi(rr: number, ciLower: number, ciUpper: number): EValue {
  return fromRiskRatios(rr, ciLower, ciUpper, 'risk ratio of the adjusted risks');
}

export function eValueOfDifference(difference: number, ciLower: number, ciUpper: number, sd: number): EValue | null {
  if (!(sd > 0)) return null;
  const rr = (d: number) => Math.exp((0.91 * d) / sd);
  return fromRiskRatios(rr(difference), rr(ciLower), rr(ciUpper), 'standardised-difference (RR = exp(0.91 d))');
}

export function eValueOfRiskDifference(rd: number, ciLower: number, ciUpper: number, p0: number): EValue | null {
  const rr = (d: number) => (p0 + d) / p0;
  if (!(p0 > 0) || !(rr(rd) > 0)) return null;
  // A CI limit below a risk of 0 is as far from the null as can be: its RR is clamped near 0.
  const clamp = (v: number) => Math.max(v, 1e-12);
  return fromRiskRatios(rr(rd), clamp(rr(ciLower)), clamp(rr(ciUpper)), 'risk-ratio from risk difference');
}

/**
 * Why a risk difference has no E-value: the unexposed risk is 0 (RR infinite) — because no non-user
 * has the event, or because those who have it weigh 0 (under ATT, non-users of a level no user has:
 * observational-design.ts) — or the exposed risk p₀ + RD is 0 or below (RR 0).
 */
export type NoEValue = 'unexposed-risk-zero' | 'unexposed-weighted-risk-zero' | 'exposed-risk-zero';

/**
 * Undefined when eValueOfRiskDifference gives an E-value. `unexposedEvents`: the non-users analysed
 * with the event, unweighted — "no non-user has the event" is said only when it is 0.
 */
export function noRiskRatioReason(rd: number, p0: number, unexposedEvents: number): NoEValue | undefined {
  if (!(p0 > 0)) return unexposedEvents > 0 ? 'unexposed-weighted-risk-zero' : 'unexposed-risk-zero';
  if (!(p0 + rd > 0)) return 'exposed-risk-zero';
  return undefined;
}

/**
 * Why a row has no E-value, once per language: results.json's `eValueMissing.text` (English), the
 * warning (diagnostic-findings.ts) and the registry page's E-value section all say it in these words.
 */
export const NO_E_VALUE_TEXT: Record<NoEValue, { en: string; da: string }> = {
  'unexposed-risk-zero': {
    en: 'no non-user has the event (a risk of 0), so the risk ratio is infinite and the E-value has no finite value',
    da: 'ingen ikke-bruger har hændelsen (en risiko på 0), så den relative risiko er uendelig, og E-værdien har ingen endelig værdi',
  },
  'unexposed-weighted-risk-zero': {
    en: 'the weighted risk among non-users is 0 (those with the event weigh 0), so the risk ratio is infinite and the E-value has no finite value',
    da: 'den vægtede risiko blandt ikke-brugerne er 0 (de, der har hændelsen, har vægten 0), så den relative risiko er uendelig, og E-værdien har ingen endelig værdi',
  },
  'exposed-risk-zero': {
    en: 'the risk among users (the non-users\' risk plus the difference) is 0 or below, so the risk ratio is 0 and the E-value has no finite value',
    da: 'risikoen blandt brugerne (ikke-brugernes risiko plus forskellen) er 0 eller derunder, så den relative risiko er 0, og E-værdien har ingen endelig værdi',
  },
};

/** The E-value cell of a row without one (the CLI's and the page's tables): why, in two words. */
export const NO_E_VALUE_CELL: Record<NoEValue, { en: string; da: string }> = {
  'unexposed-risk-zero': { en: 'none (RR infinite)', da: 'ingen (RR uendelig)' },
  'unexposed-weighted-risk-zero': { en: 'none (RR infinite)', da: 'ingen (RR uendelig)' },
  'exposed-risk-zero': { en: 'none (RR 0)', da: 'ingen (RR 0)' },
};
