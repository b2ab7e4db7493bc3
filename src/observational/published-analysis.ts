/**
 * What of a computed registry analysis is published (docs/observational.md, "Small counts",
 * rules 7 and 8):
 *
 *  - The propensity model's coefficients are never published. With categorical confounders only
 *    the model is saturated: exp(intercept + level) is the level's users / non-users exactly
 *    (20 users and 3 non-users print 6.666… = 20/3), and with the group sizes a level's counts
 *    follow even when every balance row of the confounder is hidden; with more confounders the
 *    score equations tie the joint cells (sex × referrer), which no table prints. No page shows
 *    them; the analysis computes them (test/reference compares them with R).
 *  - The diagnostics computed from the patients' values (SMDs and variance ratios, score
 *    percentiles, effective sample sizes, the largest weights, the truncation cap) carry the
 *    page's precision, no more: a real number printed to 16 digits is an equation on the counts
 *    behind it. A numeric confounder with values 0/1/2 gave each value's count per group from its
 *    SMD and variance ratio alone; in a saturated model a score percentile inside one level is
 *    that level's users / patients exactly. At the page's 3 decimals the first search leaves
 *    hundreds of candidates, the small count among them anywhere from 0 up.
 *  - When the balance table hides a term for a small count (rule 5: a level or value held by
 *    1 … threshold − 1 patients of a group), the score and weight diagnostics are hidden too
 *    (rule 9): the scores are then functions of that count. In a saturated model the 3 non-users
 *    of a level all carry the weight N/3, so the mean of the 5 largest non-user weights (2.16 ×
 *    the mean weight, N/n₀ exactly) is (N + 2w)/5 with w the next level's weight, read off the
 *    score percentiles; of the non-user counts 1 … 14 only 3 fits, even at 2 decimals.
 *  - The effect rows' difference, SE, CI, p-value and benefit carry the page's digits
 *    (published-effect.ts): at 16 digits the crude row of a whole-number outcome gives each
 *    group's sum and sum of squares by integrality.
 *  - The E-values (and their risk ratios) carry the page's 2 decimals. A continuous outcome's risk
 *    ratio is exp(0.91·d/sd) with sd the pooled SD at follow-up: at 16 digits it is one more exact
 *    equation on the groups' sums of squares, beside the crude row's SE (rule 6 withholds the
 *    outcomes whose counts these would give; the rounding is not what protects them).
 */
import { SUPPRESSED } from '../suppressed-marker.js';
import type { ObservationalAnalysis } from './observational-results-schema.js';
import { publishedEffect } from './published-effect.js';

/** Decimals as the report page prints them (src/report/kinds/registry-report.ts); the cap, not on the page, as the SMDs. */
export const PUBLISHED_DECIMALS = { balance: 3, scoreQuantile: 2, effectiveSampleSize: 1, maxWeight: 2, truncationCap: 3, eValue: 2 } as const;

/**
 * As the page prints it: toFixed's digits, so the page's cells (formatFixed) read the same
 * whether drawn from this number or the unrounded one.
 */
const asPrinted = (v: number, d: number): number => Number(v.toFixed(d));

const round = (v: number, d: number): number => {
  const r = Math.round(v * 10 ** d) / 10 ** d;
  return Object.is(r, -0) ? 0 : r;
};
const roundIfNumber = <T>(v: T, d: number): T => (typeof v === 'number' ? (round(v, d) as T) : v);
const roundPair = <T>(g: { exposed: T; unexposed: T }, d: number) => ({ exposed: roundIfNumber(g.exposed, d), unexposed: roundIfNumber(g.unexposed, d) });
const hiddenPair = { exposed: SUPPRESSED, unexposed: SUPPRESSED } as const;

/**
 * `a` with its counts protected (small-counts.ts); `computed` the same analysis before, from which
 * the facts of hidden diagnostics are taken (overlapFacts); `threshold` the suppression threshold.
 */
export function publishedAnalysis(a: ObservationalAnalysis, computed: ObservationalAnalysis, threshold: number): ObservationalAnalysis {
  const d = PUBLISHED_DECIMALS;
  let propensity = a.propensity;
  if (propensity) {
    const { coefficients: _never, ...rest } = propensity;
    const q = rest.quantiles;
    const percentiles = (v: number[] | typeof SUPPRESSED) => (v === SUPPRESSED ? v : v.map((x) => round(x, d.scoreQuantile)));
    propensity = { ...rest, quantiles: { exposed: percentiles(q.exposed), unexposed: percentiles(q.unexposed) } };
  }
  let weights = a.weights && {
    ...a.weights,
    effectiveSampleSize: roundPair(a.weights.effectiveSampleSize, d.effectiveSampleSize),
    max: roundPair(a.weights.max, d.maxWeight),
    truncatedAt: roundIfNumber(a.weights.truncatedAt, d.truncationCap),
  };
  const balance = a.balance.map((b) => ({
    ...b,
    smdBefore: roundIfNumber(b.smdBefore, d.balance),
    smdAfter: roundIfNumber(b.smdAfter, d.balance),
    varianceRatioBefore: roundIfNumber(b.varianceRatioBefore, d.balance),
    varianceRatioAfter: roundIfNumber(b.varianceRatioAfter, d.balance),
  }));
  // The difference, SE, CI, p and benefit as the page prints them (published-effect.ts), then the E-value.
  const effects = a.effects.map(publishedEffect).map((e) => (e.eValue ? { ...e, eValue: { ...e.eValue, riskRatio: asPrinted(e.eValue.riskRatio, d.eValue), estimate: asPrinted(e.eValue.estimate, d.eValue), ciLimit: asPrinted(e.eValue.ciLimit, d.eValue) } } : e));
  // Rule 9: a balance term hidden for a small count hides the numbers the scores and weights give.
  const rule9 = balance.some((b) => b.smdBefore === SUPPRESSED);
  if (rule9) {
    propensity = propensity && { ...propensity, quantiles: hiddenPair, outsideShare: SUPPRESSED };
    weights = weights && { ...weights, effectiveSampleSize: hiddenPair, max: hiddenPair, truncatedAt: weights.truncatedAt === null ? null : SUPPRESSED };
  }
  // Hidden by rule 9, or with an analysed count by rule 12 (small-counts.ts): the yes/no facts a reviewer needs stay.
  const facts = overlapFacts(computed, threshold);
  if (propensity && propensity.outsideShare === SUPPRESSED && facts.outsideAtLeast !== undefined) propensity = { ...propensity, outsideAtLeast: facts.outsideAtLeast };
  const essHidden = weights && (weights.effectiveSampleSize.exposed === SUPPRESSED || weights.effectiveSampleSize.unexposed === SUPPRESSED);
  if (weights && essHidden && facts.underHalf) weights = { ...weights, effectiveSampleUnderHalf: facts.underHalf };
  return { ...a, propensity, weights, balance, effects };
}

/** The share outside [0.05, 0.95] under rule 9 is published rounded down to a multiple of this. */
export const OUTSIDE_STEP = 0.05;

/**
 * What rules 9 and 12 keep of hidden scores and weights (docs/observational.md, "Small counts", rule 9):
 * whether the overlap is poor — the share outside [0.05, 0.95] rounded down to a multiple of 5
 * points ("at least 75%"), and whether a group's effective sample is under half its size — and
 * whether a weight is extreme (`weights.extreme`, kept as computed). Yes/no facts and a share
 * known only to a 5-point band: the band holds 5% of the patients analysed, and the share counts
 * whole covariate patterns (users and non-users alike), not the 1–4 patients of a group that
 * made rule 9 hide the numbers. Before, the warnings went with the numbers, even on the
 * analyst's terminal: a register analysis with a baseline count held by 1 patient never said
 * that its weights were extreme.
 */
function overlapFacts(a: ObservationalAnalysis, threshold: number): { outsideAtLeast?: number; underHalf?: { exposed: boolean; unexposed: boolean } } {
  const share = a.propensity?.outsideShare;
  const n = a.patients;
  const total = n && typeof n.exposed === 'number' && typeof n.unexposed === 'number' ? n.exposed + n.unexposed : 0;
  // Not where the share rests on 1 … threshold − 1 patients (rule 4): a band would narrow that count.
  const outside = typeof share === 'number' ? Math.round(share * total) : 0;
  const outsideAtLeast = typeof share === 'number' && share >= OUTSIDE_STEP && outside >= threshold ? round(Math.floor(share / OUTSIDE_STEP + 1e-9) * OUTSIDE_STEP, 2) : undefined;
  const w = a.weights;
  const under = (g: 'exposed' | 'unexposed') => {
    const ess = w?.effectiveSampleSize[g];
    const n = a.patients?.[g];
    return typeof ess === 'number' && typeof n === 'number' && ess < 0.5 * n;
  };
  return { ...(outsideAtLeast !== undefined ? { outsideAtLeast } : {}), ...(w ? { underHalf: { exposed: under('exposed'), unexposed: under('unexposed') } } : {}) };
}
