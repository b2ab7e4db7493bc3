/**
 * `hta analyze` for an observational plan: per outcome × follow-up time (and per responder
 * definition), the propensity score, balancing weights, balance diagnostics, and three
 * estimates of the exposed − unexposed difference — crude, weighted regression (doubly robust)
 * and AIPW (doubly robust) — each judged against the MCID, flagged as low-certainty
 * (non-randomised) evidence, and given its E-value. An analysis that cannot be done (no
 * overlap, separation, too few patients) carries an `error`; the others are still done.
 * Methods and formulas: docs/observational.md.
 */
import { withConfidenceLevel } from '../report/confidence-label.js';
import { HtaError } from '../errors.js';
import type { Direction, Instrument } from '../instruments/instrument.js';
import { gradeCertainty } from '../judge/grade-certainty.js';
import { judgeDifference } from '../judge/judge-effect.js';
import { directionForOutcome, mcidForOutcome } from '../plan/outcome-instrument.js';
import type { PlanOutcome } from '../plan/plan-schema.js';
import { zInterval } from '../stats/distributions.js';
import { outcomePairs, type OutcomePairs } from '../trial/outcome-pairs.js';
import { atZeroUnderPercent, isResponder } from '../trial/responders.js';
import { armCounts, type TrialData } from '../trial/trial-data.js';
import { labelOf } from '../analysis/judged-row.js';
import { aipw } from './aipw.js';
import { balancingWeights, cappedUnder, truncateWeights } from './balancing-weights.js';
import { windowQuantile } from './score-quantiles.js';
import { EXTREME_WEIGHT } from './diagnostic-findings.js';
import { effectiveSampleSize } from '../stats/effective-sample-size.js';
import { covariateBalance } from './covariate-balance.js';
import { eValueOfDifference, eValueOfRiskDifference, eValueOfRiskRatioCi, NO_E_VALUE_TEXT, noRiskRatioReason } from './e-value.js';
import { completeConfounderRows, designRows, insideDesign, observationalDesign, outsideTarget } from './observational-design.js';
import type { ObservationalSpec } from './observational-plan-schema.js';
import { needsBaselineVisit } from './observational-plan.js';
import type { ObservationalAnalysis, ObservationalEffect, ObservationalResult } from './observational-results-schema.js';
import { propensityScores } from './propensity-score.js';
import { isSeparation, separatingConfounders, separationMessage } from './separating-confounders.js';
import { diagnosticFindings, findingGroups, findingText, type Finding } from './diagnostic-findings.js';
import { findingWarningText, notAnalysedWarningText, outcomeDataWarningText, placedWarningText, type WarningText } from './warning-texts.js';
import { outcomeDataFindings, outcomeDataText } from './outcome-data-warnings.js';
import { SUPPRESSED } from '../suppressed-marker.js';
import { protectSmallCounts } from './small-counts.js';
import { poolRareLevels, pooledModelTerms, rareLevels } from './rare-levels.js';
import { publishedAnalysis } from './published-analysis.js';
import type { BalanceRow, BalanceTerm } from './covariate-balance.js';
import { weightedRegression } from './weighted-regression.js';
import { type MarginalRisks, regressionMarginalRisks, riskRatioOf } from './marginal-risks.js';

export const OBSERVATIONAL_METHODS: Record<string, string> = {
  propensity: 'logistic regression of exposure on the confounders (and the baseline score), maximum likelihood by IRLS (= R glm, family binomial)',
  weights: 'ATE: inverse-probability weights 1/e and 1/(1 − e); ATT: 1 and e/(1 − e); ATO: overlap weights 1 − e and e',
  crude: 'unweighted difference in mean follow-up (or risk), least squares with HC0 sandwich SE',
  weightedRegression: 'weighted least squares of the follow-up value on exposure, baseline score and confounders (doubly robust); HC0 sandwich SE (= lm with weights + sandwich::vcovHC type "HC0"), weights treated as known; normal (z) 95% CI',
  aipw: 'augmented inverse-probability weighting with linear outcome models fitted in each group; influence-function SE; normal (z) 95% CI; ATE and ATT only',
  balance: 'standardised mean differences with the unweighted SD (pooled; treated SD for ATT) as cobalt; indicators standardised with p(1 − p); weighted variance ratios',
  missingConfounders: 'patients with a missing confounder value are left out and counted (complete cases; not imputed)',
  // Register outcomes end at death or emigration: said, as a committee asks (docs/observational.md, "What is computed").
  missingOutcome: 'patients without a value of the outcome at the time (death, emigration, loss to follow-up) are not analysed: complete cases among those observed through the window; no censoring weights, no competing-risk analysis',
  eValue: 'VanderWeele & Ding (2017); continuous outcomes via the standardised difference, RR ≈ exp(0.91·d) with the pooled SD at follow-up; yes/no outcomes: an adjusted row from its risk ratio (the ratio of its adjusted risks, delta-method CI: the RR of riskRatio), the crude row from the crude risk ratio',
  certainty: 'GRADE: non-randomised evidence starts at low certainty, one level lower when the CI crosses the MCID',
};

/**
 * What AIPW does with the plan's truncation: nothing. It weights by the estimated scores, 1/e and
 * 1/(1 − e), uncapped; only the weighted regression uses the capped weights (docs/observational.md, step 3).
 */
export const AIPW_UNTRUNCATED = 'the plan\'s weight truncation does not apply to it: it uses the estimated propensity scores as they are (only the weighted regression uses the capped weights)';

/** The methods as results.json says them, at the plan's confidence level (1 − alpha; 95% by default). */
function methodsAt(confLevel: number, truncate: number | undefined, estimand: 'ATE' | 'ATT' | 'ATO'): Record<string, string> {
  const methods = Object.fromEntries(Object.entries(OBSERVATIONAL_METHODS).map(([k, v]) => [k, withConfidenceLevel(v, confLevel)]));
  // Under ATO no AIPW is computed (observational-text.ts withheldMethods): nothing to say of it.
  if (truncate !== undefined && estimand !== 'ATO') methods.aipw = `${methods.aipw}; ${AIPW_UNTRUNCATED}`;
  return methods;
}

const PS_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];

interface Target {
  outcome: string;
  label: string;
  time: string;
  kind: ObservationalAnalysis['kind'];
  pairs: OutcomePairs;
  y: number[];
  mcid: number | undefined;
  direction: Direction;
  /** A responder definition with a percent rule: the patients (pairs' order) at a baseline of 0, non-responders by the rule. */
  zero?: boolean[];
}

/**
 * A standard error at most this fraction of the outcome's size (its largest |value|) is
 * floating-point noise around 0, not a standard error: an outcome that is "yes" for every patient
 * analysed fits exactly, and its SE came out as 1.1e-17, which published a p-value of 4e-98 and
 * "no clinically relevant difference" where the next row of the same data was refused. A real SE
 * is far above this: it shrinks with 1/√n, and 10⁻¹⁰ of the scale would need some 10²⁰ patients.
 */
export const SE_NOISE = 1e-10;

function effectOf(
  method: ObservationalEffect['method'],
  t: Target,
  n: { intervention: number; control: number },
  estimate: number,
  se: number,
  confLevel: number,
  scale: { sd: number; p0: number; unexposedEvents: number; exposedEvents: number; size: number },
  risks?: MarginalRisks,
): ObservationalEffect {
  // A zero or undefined SE (an outcome with one value in a group) has no interval to judge; nor
  // has one that is zero up to rounding (SE_NOISE).
  if (!(se > SE_NOISE * scale.size) || !Number.isFinite(se) || !Number.isFinite(estimate)) throw new HtaError('analysis.failed', `the ${method} estimate has no standard error (the outcome does not vary enough)`);
  const w = zInterval(estimate, se, confLevel);
  const j = judgeDifference(estimate, w.ciLower, w.ciUpper, t.mcid ?? 1, t.direction);
  const imprecise = t.mcid === undefined ? null : j.imprecise;
  const grade = gradeCertainty('low', imprecise);
  const binary = t.kind !== 'continuous';
  const noE = binary ? noRiskRatioReason(estimate, scale.p0, scale.unexposedEvents) : undefined;
  // A yes/no outcome's adjusted risks and their ratio, from the estimator's own (co)variances (marginal-risks.ts).
  // No ratio where the E-value has none (no non-user with the event: infinite) or no user has it (0):
  // the linear model's risk is then a rounding error off 0 (0.00002), and its ratio would be one too.
  const relative = binary && risks ? relativeEffect(risks, confLevel, noE !== undefined || scale.exposedEvents === 0) : undefined;
  // The E-value of an adjusted row is of that ratio, the one its table prints (e-value.ts).
  const rr = relative?.riskRatio;
  return {
    outcome: t.outcome,
    label: t.label,
    time: t.time,
    method,
    kind: binary ? 'risk-difference' : 'continuous',
    n,
    difference: estimate,
    se,
    df: null,
    ciLower: w.ciLower,
    ciUpper: w.ciUpper,
    confLevel,
    ciMethod: 'normal (z), HC0 sandwich SE',
    pValue: w.pValue,
    mcid: t.mcid ?? null,
    direction: t.direction,
    benefit: j.benefit,
    benefitCiLower: j.benefitCiLower,
    benefitCiUpper: j.benefitCiUpper,
    significant: j.significant,
    imprecise,
    relevance: t.mcid === undefined ? null : j.relevance,
    eValue: rr ? eValueOfRiskRatioCi(rr.estimate, rr.ciLower, rr.ciUpper) : binary ? eValueOfRiskDifference(estimate, w.ciLower, w.ciUpper, scale.p0) : eValueOfDifference(estimate, w.ciLower, w.ciUpper, scale.sd),
    // Said, not left blank: no non-user with the outcome leaves the risk ratio infinite (e-value.ts).
    ...(noE ? { eValueMissing: { reason: noE, text: NO_E_VALUE_TEXT[noE].en } } : {}),
    certainty: { start: 'low', level: grade.level ?? 'low', downgradedForImprecision: grade.downgradedForImprecision, reason: 'non-randomised evidence (GRADE starts observational studies at low certainty)' },
    ...(relative ?? {}),
  };
}

/** The adjusted risks (intervention = exposed) and the risk ratio, null when a risk is not positive. */
function relativeEffect(risks: MarginalRisks, confLevel: number, noRatio: boolean): Pick<ObservationalEffect, 'risks' | 'riskRatio'> {
  const rr = noRatio ? null : riskRatioOf(risks, confLevel);
  return {
    risks: { intervention: risks.exposed, control: risks.unexposed },
    riskRatio: rr ? { estimate: rr.estimate, ciLower: rr.ciLower, ciUpper: rr.ciUpper, method: RISK_RATIO_METHOD } : null,
  };
}

/** How the adjusted rows' risk ratio is computed (results.json's riskRatio.method). */
export const RISK_RATIO_METHOD = 'ratio of the adjusted (standardised) risks; log-scale delta-method 95% CI with their covariance from the estimator';

function pooledSd(y: readonly number[], a: readonly number[]): number {
  const g = [0, 1].map((k) => y.filter((_, i) => a[i] === k));
  const ss = g.map((v) => {
    const m = v.reduce((s, x) => s + x, 0) / v.length;
    return v.reduce((s, x) => s + (x - m) ** 2, 0);
  });
  return Math.sqrt((ss[0]! + ss[1]!) / (y.length - 2));
}

/**
 * A numeric term with at most this many distinct values among the analysed patients has its
 * balance rows hidden when one of its values is held by 1 … threshold − 1 patients of a group
 * (docs/observational.md, "Small counts", rule 5): per group, the size, mean and variance are
 * three equations on the counts per value, so up to three values they are the counts, and for a
 * few more the integer, non-negative solutions leave a rare value little room. The balance numbers
 * are published at 3 decimals (published-analysis.ts), which alone left a 3-valued term's small
 * count anywhere from 0 up; this bound does not rest on the rounding.
 */
export const FEW_VALUES = 10;

/**
 * Balance rows that would give a count of 1 … threshold − 1 patients are hidden: an indicator's
 * SMD before weighting, with the known group sizes, pins both groups' counts of the level (and the
 * other levels' counts give it by subtraction), so every level of a categorical confounder with
 * such a level goes; likewise a numeric confounder (or baseline score) with at most FEW_VALUES
 * values, one of them held by 1 … threshold − 1 patients of a group — two values (0 and 1 or any
 * other two: SMDs and variance ratios do not change under x → a + b·x) give the count of either
 * from the SMD and variance ratio; three give each value's count per group from them.
 */
function protectBalance(rows: BalanceRow[], terms: readonly BalanceTerm[], keep: readonly number[], exposed: readonly number[], threshold: number, balanceThreshold: number): ObservationalAnalysis['balance'] {
  const small = (c: number) => c > 0 && c < threshold;
  const keyOf = (bt: BalanceTerm) => bt.confounder ?? bt.term;
  const hidden = new Set<string>();
  for (const bt of terms) {
    const values = keep.map((k) => bt.values[k]!);
    const distinct = new Set(values);
    // One value: no SMD (constant); more than FEW_VALUES: published (docs: what remains).
    if (distinct.size < 2 || distinct.size > FEW_VALUES) continue;
    for (const g of [0, 1]) {
      const perValue = new Map<number, number>();
      keep.forEach((k, i) => {
        if (exposed[k] === g) perValue.set(values[i]!, (perValue.get(values[i]!) ?? 0) + 1);
      });
      if ([...perValue.values()].some(small)) hidden.add(keyOf(bt));
    }
  }
  return rows.map((r, i) => {
    if (!hidden.has(keyOf(terms[i]!))) return r;
    // The imbalance verdict stays (it gives no count); the numbers go. A level has no variance
    // ratio (null, as for shown levels): nothing to hide there.
    const hide = (v: number | null) => (v === null ? null : SUPPRESSED);
    return { term: r.term, type: r.type, smdBefore: hide(r.smdBefore), smdAfter: hide(r.smdAfter), varianceRatioBefore: hide(r.varianceRatioBefore), varianceRatioAfter: hide(r.varianceRatioAfter), imbalanced: r.smdAfter !== null && Math.abs(r.smdAfter) > balanceThreshold };
  });
}

/**
 * A group whose outcome values number at most this many is protected value by value (rule 6).
 * Per group a reader has the size and, from the crude row's difference and SE, each group's sum
 * and sum of squares: at full precision S₁·n₀ − S₀·n₁ = difference·n₁n₀ and n₀²Q₁ + n₁²Q₀ are
 * whole numbers, and with coprime group sizes (662 and 379) few (S, Q) pairs fit. Three values
 * and a group's n, S and Q give its table; four leave one direction (1, −3, 3, −1) — a count of 3
 * narrowed to 0 … 4. Published numbers carry the page's precision (published-analysis.ts), which
 * breaks those equations, but the 0/1/2 case was solved at the page's precision too, so up to
 * four values the rows go.
 */
export const FEW_OUTCOME_VALUES = 4;

/**
 * An outcome whose estimates would give a count of 1 … threshold − 1 patients: then no estimate
 * of it is published, crude or adjusted (docs/observational.md, "Small counts", rule 6). The
 * adjusted rows estimate the same means as the crude one (under ATT the users' weighted mean is
 * their crude one), so all go or none. Withheld when, in a group:
 *  - the outcome takes at most FEW_OUTCOME_VALUES distinct values and one of them is held by
 *    1 … threshold − 1 of its patients — yes/no outcomes and responders (0/1) are the two-valued
 *    case; 3 users at 1 and 197 at 2 of a 0/1/2 outcome were solved from the crude row, even at
 *    the page's precision; or
 *  - at least `threshold` patients share one value and only 1 … threshold − 1 do not, however
 *    many values there are: the group's sum of squares Σ(y − ȳ)² is then a sum over those few,
 *    shifts cancel, and the few follow (197 at 24 and 3 at 23 give 3·197/200 = 2.955, and
 *    200·SS = 200·Σd² − (Σd)² leaves the 3). Not when no value is that common: six non-users at
 *    3, 3, 5, 6, 7, 8 of a 0–10 scale have no "few" apart from the rest (every value's count is
 *    small there, as in any small group of a continuous outcome that rule 1 lets through).
 */
export function smallOutcomeCount(y: readonly number[], a: readonly number[], threshold: number): boolean {
  const small = (c: number) => c > 0 && c < threshold;
  if (new Set(y).size < 2) return false;
  return [0, 1].some((g) => {
    const perValue = new Map<number, number>();
    let n = 0;
    y.forEach((v, i) => {
      if (a[i] !== g) return;
      perValue.set(v, (perValue.get(v) ?? 0) + 1);
      n++;
    });
    const counts = [...perValue.values()];
    if (counts.length <= FEW_OUTCOME_VALUES && counts.some(small)) return true;
    const most = Math.max(...counts);
    return most >= threshold && small(n - most);
  });
}

/**
 * One group's patients not analysed, by why: no baseline or follow-up value (input − pairs), a
 * missing confounder (pairs − complete), trimmed (complete − analysed). The report's flow.
 */
function flowOf(input: { exposed: number; unexposed: number }, pairs: { exposed: number; unexposed: number }, complete: { exposed: number; unexposed: number }, analysed: { exposed: number; unexposed: number }, lost?: { exposed: number; unexposed: number }) {
  const of = (g: 'exposed' | 'unexposed') => ({ withoutOutcome: input[g] - pairs[g], ...(lost ? { excludedRow: lost[g] } : {}), missingConfounders: pairs[g] - complete[g], trimmed: complete[g] - analysed[g] });
  return { exposed: of('exposed'), unexposed: of('unexposed') };
}

/**
 * Per group, the patients of the export without a value for this analysis because a row it reads
 * — at its follow-up time, or the baseline when the analysis needs one — was left out under
 * --exclude-invalid: of `withoutOutcome`, those the exclusions cost (docs/observational.md, rule
 * 13). The exclusion summary counts rows; a long export's patient keeps their other rows, so
 * without this no count said how many patients an analysis lost to them. Undefined (the field is
 * then absent) when no row was left out, and when no patient read had a row this analysis reads left
 * out: the cells could only read 0. A wide export is such a case — its patient with a bad row is not
 * read at all (counted in `input.excluded.patients`) — and there "0 without a value: the row left
 * out as invalid" read as "the exclusions cost no patient" beside 7 patients left out.
 */
function lostToExclusion(trial: TrialData, t: Target): { exposed: number; unexposed: number } | undefined {
  if (!trial.excluded) return undefined;
  const paired = new Set(t.pairs.ids);
  const reads = needsBaselineVisit(trial.plan) ? [t.time, trial.plan.baseline] : [t.time];
  if (!trial.patients.some((p) => p.excludedVisits?.some((v) => reads.includes(v)))) return undefined;
  const lost = { exposed: 0, unexposed: 0 };
  for (const p of trial.patients) {
    if (!p.excludedVisits || paired.has(p.id) || !p.excludedVisits.some((v) => reads.includes(v))) continue;
    if (p.arm === 'intervention') lost.exposed++;
    else if (p.arm === 'control') lost.unexposed++;
  }
  return lost;
}

function analyse(t: Target, spec: ObservationalSpec, confLevel: number, file: string, input: { exposed: number; unexposed: number }, lost?: { exposed: number; unexposed: number }): ObservationalAnalysis {
  const threshold = spec.suppressionThreshold;
  const base: Pick<ObservationalAnalysis, 'outcome' | 'label' | 'time' | 'kind' | 'singleAnswer'> = { outcome: t.outcome, label: t.label, time: t.time, kind: t.kind };
  const empty = { propensity: null, weights: null, balance: [], warnings: [], effects: [] };
  let missingConfounders = 0;
  let trimmed = 0;
  let patients = { exposed: 0, unexposed: 0 };
  let completeCounts = { exposed: 0, unexposed: 0 };
  const pairUsers = t.pairs.arm.filter((a) => a === 'intervention').length;
  const pairCounts = { exposed: pairUsers, unexposed: t.pairs.arm.length - pairUsers };
  const flow = () => flowOf(input, pairCounts, completeCounts, patients, lost);
  // A yes/no outcome with one answer among every patient with a value: no difference to estimate,
  // and the sign of a register outcome left empty for the people without an event (outcome-data-warnings.ts).
  const oneAnswer = t.kind === 'binary' && t.y.length > 0 && t.y.every((v) => v === t.y[0]);
  if (oneAnswer) base.singleAnswer = t.y[0] === 1 ? 'yes' : 'no';
  // Until the design is formed (no overlap stops it) there is no sample: its counts are left out, not 0.
  let formed = false;
  try {
    // Fewer than the threshold in a group would publish a small count and estimates resting on a
    // few patients (docs/observational.md, "Small counts"): refused before the design, whose
    // no-overlap message would describe those few patients' confounders; the message names no count.
    const complete = completeConfounderRows(t.pairs, spec.confounders);
    const users = complete.filter((i) => t.pairs.arm[i] === 'intervention').length;
    patients = { exposed: users, unexposed: complete.length - users };
    completeCounts = { ...patients };
    missingConfounders = t.pairs.arm.length - complete.length;
    if (patients.exposed < threshold || patients.unexposed < threshold) {
      formed = true; // the sample is known (and its small counts are suppressed on output)
      throw new HtaError('analysis.failed', `too few patients: fewer than ${threshold} exposed or unexposed with complete data (the publication threshold)`);
    }
    const d = observationalDesign(t.pairs, spec.confounders, t.y, spec.baselineAsConfounder, file, threshold, complete, spec.estimand);
    formed = true;
    const all = d.rows.map((_, k) => k);
    const count = (keep: number[]) => ({ exposed: keep.filter((k) => d.exposed[k] === 1).length, unexposed: keep.filter((k) => d.exposed[k] === 0).length });
    // Under ATT, non-users of a level no user has are fitted out; their score is 0 (observational-design.ts insideDesign).
    const inner = insideDesign(d);
    const innerOf = new Map(inner.rows.map((k, j) => [k, j]));
    const ps = designRows(inner.design, inner.rows.map((_, j) => j), 'propensity', spec.baselineAsConfounder);
    let fit: ReturnType<typeof propensityScores>;
    try {
      fit = propensityScores(ps.X, inner.design.exposed, ps.terms);
    } catch (err) {
      // Separation: name the confounders without which the model can be fitted (separating-confounders.ts).
      if (!isSeparation(err)) throw err;
      throw new HtaError('analysis.failed', separationMessage(err.message, separatingConfounders(inner.design, ps.X, ps.terms)));
    }
    const score = all.map((k) => (innerOf.has(k) ? fit.scores[innerOf.get(k)!]! : 0));
    // Trimming uses the fitted scores as they are (no refit), so the rule stated is the rule applied.
    const keep = spec.trim === undefined ? all : all.filter((k) => score[k]! >= spec.trim! && score[k]! <= 1 - spec.trim!);
    trimmed = all.length - keep.length;
    patients = count(keep);
    if (patients.exposed < threshold || patients.unexposed < threshold) throw new HtaError('analysis.failed', `too few patients left after trimming at ${spec.trim}: fewer than ${threshold} exposed or unexposed (the publication threshold)`);
    const a = keep.map((k) => d.exposed[k]!);
    const e = keep.map((k) => score[k]!);
    const y = keep.map((k) => d.y[k]!);
    let w = balancingWeights(e, a, spec.estimand);
    let truncatedAt: number | null = null;
    let truncated = 0;
    if (spec.truncate !== undefined) {
      // The cap is published: a window mean of `threshold` weights, no patient's own weight (balancing-weights.ts).
      // Under ATT the unexposed weights only (balancing-weights.ts cappedUnder, as WeightIt's trim()).
      const tr = truncateWeights(w, spec.truncate, threshold, cappedUnder(spec.estimand, a));
      w = tr.weights;
      truncatedAt = tr.cap;
      truncated = tr.truncated;
    }
    const group = (k: 0 | 1) => w.filter((_, i) => a[i] === k);
    // The largest weights, published relative to the group mean: the mean of the `threshold`
    // largest, never one patient's weight (a weight is 1/score: one patient's propensity score;
    // docs/observational.md "Small counts"). Whether any single weight is extreme is kept apart,
    // for the warning, which states the limit it passed, not the weight.
    const meanOf = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const maxRel = (v: number[]) => windowQuantile(v, 1, threshold) / meanOf(v);
    const extremeOf = (v: number[]) => Math.max(...v) / meanOf(v) > EXTREME_WEIGHT;
    const balanceRows = covariateBalance(d.balanceTerms.map((bt) => ({ ...bt, values: keep.map((k) => bt.values[k]!) })), a, w, spec.estimand);
    // Hidden for a small count (rule 5), and a level too rare to name pooled into one unnamed row (rare-levels.ts).
    const balance = poolRareLevels(protectBalance(balanceRows, d.balanceTerms, keep, d.exposed, threshold, spec.balanceThreshold), d.balanceTerms, keep, threshold);
    // Under ATT a non-user of a level no user has scores 0 by design (insideDesign): no overlap
    // problem to warn of or trim, so not counted as outside. The denominator stays every patient
    // analysed: over the others alone, the share's digits would give their number and with it that
    // of the outside patients, who may be 1–4 (docs/observational.md, step 5).
    const outside = keep.filter((k, i) => innerOf.has(k) && (e[i]! < 0.05 || e[i]! > 0.95)).length / e.length;
    const ess = { exposed: effectiveSampleSize(group(1)), unexposed: effectiveSampleSize(group(0)) };
    const n = { intervention: patients.exposed, control: patients.unexposed };
    const sd = pooledSd(y, a);
    const wMean = (k: 0 | 1) => {
      let s = 0;
      let sw = 0;
      a.forEach((ai, i) => {
        if (ai === k) {
          s += w[i]! * y[i]!;
          sw += w[i]!;
        }
      });
      return s / sw;
    };
    // p0 is the weighted risk among non-users; their unweighted events say why it is 0 (e-value.ts).
    const unexposedEvents = y.reduce((s, v, i) => s + (a[i] === 0 ? v : 0), 0);
    const exposedEvents = y.reduce((s, v, i) => s + (a[i] === 1 ? v : 0), 0);
    // The outcome's size, against which an SE is told from rounding noise (SE_NOISE); 1 for an outcome that is 0 throughout.
    const size = y.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
    const scale = { sd, p0: wMean(0), unexposedEvents, exposedEvents, size };
    const effects: ObservationalEffect[] = [];
    // Every row of the outcome or none: each of them would give a small count (smallOutcomeCount).
    const effectsHidden = smallOutcomeCount(y, a, threshold);
    if (!effectsHidden) {
      const crude = weightedRegression(a.map((ai) => [1, ai]), y, a.map(() => 1), ['(Intercept)', 'exposed']);
      effects.push(effectOf('crude', t, n, crude.coefficients[1]!, Math.sqrt(crude.covariance[1]![1]!), confLevel, { sd, p0: unexposedEvents / n.control, unexposedEvents, exposedEvents, size }));
      // Fitted on the inside rows (an outside row's weight is 0: it adds nothing to the fit or the HC0 SE).
      const inKeep = keep.flatMap((k, j) => (innerOf.has(k) ? [j] : []));
      const out = designRows(inner.design, inKeep.map((j) => innerOf.get(keep[j]!)!), 'outcome', spec.baselineAsConfounder);
      const wr = weightedRegression(out.X, inKeep.map((j) => y[j]!), inKeep.map((j) => w[j]!), out.terms);
      // Standardised over the estimand's population: all analysed (ATE), the exposed (ATT), overlap-weighted (ATO).
      const standardise = inKeep.map((j) => (spec.estimand === 'ATE' ? 1 : spec.estimand === 'ATT' ? a[j]! : w[j]!));
      const wrRisks = t.kind === 'continuous' ? undefined : regressionMarginalRisks(out.X, wr.coefficients, wr.covariance, standardise, 1);
      effects.push(effectOf('weighted-regression', t, n, wr.coefficients[1]!, Math.sqrt(wr.covariance[1]![1]!), confLevel, scale, wrRisks));
    }
    // AIPW fits an outcome model within each group: a confounder constant in one group makes
    // that fit singular while the pooled models stand. Its failure drops its row only, with why.
    let aipwError: string | undefined;
    if (!effectsHidden && spec.estimand !== 'ATO') {
      try {
        const ax = designRows(d, keep, 'outcome-without-exposure', spec.baselineAsConfounder);
        const est = aipw(ax.X, y, a, e, ax.terms, spec.estimand);
        effects.push(effectOf('aipw', t, n, est.estimate, est.se, confLevel, scale, est.risks));
      } catch (err) {
        if (!(err instanceof HtaError && err.code === 'analysis.failed')) throw err;
        aipwError = err.message;
      }
    }
    // Window means of `threshold` scores, never one patient's score (score-quantiles.ts). Under
    // ATT the non-users of a level no user has (score 0 by design, weight 0: not compared) are
    // left out, as from the outside share: their zeros drew the non-users' box down to 0, an
    // overlap problem that is none. With fewer than `threshold` of them left neither group's
    // percentiles are shown, as when a balance term is hidden (the report then draws no overlap
    // chart; in practice that rule hides them first: each level of those few non-users is rare).
    const compared = (k: 0 | 1) => e.filter((_, i) => a[i] === k && innerOf.has(keep[i]!));
    const fewCompared = compared(0).length < threshold;
    const groupScores = (k: 0 | 1) => (fewCompared ? SUPPRESSED : PS_QUANTILES.map((q) => windowQuantile(compared(k), q, threshold)));
    // A rare level is not named in the model's terms either (rare-levels.ts).
    const propensity = { model: 'logistic (IRLS)', terms: pooledModelTerms(fit.terms, d.confounderColumns, rareLevels(d.balanceTerms, keep, threshold)), coefficients: fit.coefficients, iterations: fit.iterations, quantiles: { exposed: groupScores(1), unexposed: groupScores(0) }, outsideShare: outside };
    const weights = { estimand: spec.estimand, effectiveSampleSize: ess, max: { exposed: maxRel(group(1)), unexposed: maxRel(group(0)) }, maxOf: threshold, extreme: { exposed: extremeOf(group(1)), unexposed: extremeOf(group(0)) }, truncatedAt, truncated };
    // Of the patients analysed, those a percent rule cannot call responders (baseline 0): said, as the trial's rows do (small counts hidden: small-counts.ts).
    const zeroCount = (g: 0 | 1) => keep.filter((k) => d.exposed[k] === g && t.zero![d.rows[k]!]).length;
    const atZeroBaseline = t.zero ? { exposed: zeroCount(1), unexposed: zeroCount(0) } : null;
    return {
      ...base,
      patients,
      excluded: { missingConfounders, trimmed },
      flow: flow(),
      ...(atZeroBaseline && atZeroBaseline.exposed + atZeroBaseline.unexposed > 0 ? { atZeroBaseline } : {}),
      propensity,
      weights,
      balance,
      // Filled in from the published (protected) numbers by analyzeObservational.
      warnings: [],
      ...(effectsHidden ? { effectsSuppressed: true } : {}),
      ...(d.outsideLevels.length ? { outsideTarget: outsideTarget(d, threshold) } : {}),
      ...(aipwError ? { aipwError } : {}),
      effects,
    };
  } catch (err) {
    if (err instanceof HtaError && err.code === 'analysis.failed') return { ...base, ...(formed ? { patients, excluded: { missingConfounders, trimmed }, flow: flow() } : { patients: null, excluded: null, flow: null }), ...empty, error: err.message };
    throw err;
  }
}

/** Every outcome × time, then every responder definition × time, of an observational plan. */
export function observationalTargets(trial: TrialData): Target[] {
  const plan = trial.plan;
  const instrumentOf = new Map<string, Instrument>(trial.sources.map((s) => [s.key, s.instrument]));
  const targets: Target[] = [];
  for (const o of plan.outcomes) {
    const inst = instrumentOf.get(o.key) as Instrument;
    for (const time of plan.timepoints) {
      // The baseline is read only as a confounder: without "baselineAsConfounder" a patient needs
      // none (a Ja/Nej outcome exported at follow-up only is analysed, not "too few patients").
      const pairs = outcomePairs(trial, o.key, time, (plan.observational as ObservationalSpec).baselineAsConfounder);
      targets.push({ outcome: o.key, label: labelOf(o, plan), time, kind: inst.kind === 'binary' ? 'binary' : 'continuous', pairs, y: pairs.followUp, mcid: mcidForOutcome(o, inst), direction: directionForOutcome(o, inst) });
    }
  }
  for (const r of plan.responders) {
    const o = plan.outcomes.find((x) => x.key === r.outcome) as PlanOutcome;
    const inst = instrumentOf.get(o.key) as Instrument;
    const direction = directionForOutcome(o, inst);
    for (const time of plan.timepoints) {
      const pairs = outcomePairs(trial, o.key, time);
      const y = pairs.baseline.map((b, i) => (isResponder(b, pairs.followUp[i]!, r, direction) ? 1 : 0));
      const zero = pairs.baseline.map((b) => atZeroUnderPercent(b, r));
      targets.push({ outcome: r.key, label: labelOf(r, plan), time, kind: 'responder', pairs, y, mcid: undefined, direction: 'higher-is-better', ...(zero.some(Boolean) ? { zero } : {}) });
    }
  }
  return targets;
}

/**
 * Every analysis as computed, before the small-count protection (small-counts.ts): what the
 * reference tests compare with R. Never printed as is — `analyzeObservational` is the output.
 */
export function computeObservationalAnalyses(trial: TrialData): ObservationalAnalysis[] {
  return analysesOf(trial, exposureCounts(trial));
}

/** Patients per exposure group, as the analyses and the small-count protection count them. */
function exposureCounts(trial: TrialData): { exposed: number; unexposed: number } {
  const counts = armCounts(trial);
  return { exposed: counts.intervention, unexposed: counts.control };
}

function analysesOf(trial: TrialData, groups: { exposed: number; unexposed: number }): ObservationalAnalysis[] {
  const spec = trial.plan.observational as ObservationalSpec;
  return observationalTargets(trial).map((t) => analyse(t, spec, 1 - trial.plan.alpha, trial.file, groups, lostToExclusion(trial, t)));
}

export function analyzeObservational(trial: TrialData, options: { version: string }): ObservationalResult {
  const plan = trial.plan;
  const spec = plan.observational as ObservationalSpec;
  const groups = exposureCounts(trial);
  const computed = analysesOf(trial, groups);
  const shown = protectSmallCounts(groups, computed, spec.suppressionThreshold);
  // Published: no propensity coefficients, diagnostics at the page's precision (published-analysis.ts).
  // Each warning twice: keyed ("rmdq at 3m: … referrer=hospital") for the scripts that match it, and in the
  // page's words in either language beside it, one for one (warning-texts.ts).
  // The Danish words name the groups by the plan's labels, as the page and the terminal do (diagnostic-findings.ts).
  const danishGroups = findingGroups(plan.armLabels, plan.arms);
  const analyses = shown.analyses.map((a, i) => publishedAnalysis(a, computed[i]!, spec.suppressionThreshold)).map((a) => {
    if (a.error) return a;
    const found = diagnosticFindings(a, spec.balanceThreshold, spec.trim ?? null);
    return { ...a, warnings: found.map((f) => findingText(f, 'en')), warningTexts: found.map((f) => findingWarningText(f, spec, danishGroups)) };
  });
  const warnings: string[] = [];
  const warningTexts: ReturnType<typeof placedWarningText>[] = [];
  for (const a of analyses) {
    const where = `${a.outcome} at ${a.time}`;
    const add = (keyed: string, w: WarningText) => {
      warnings.push(`${where}: ${keyed}`);
      warningTexts.push(placedWarningText(w, plan, a.outcome, a.time));
    };
    if (a.error) add(a.error, notAnalysedWarningText(a.error));
    for (const f of outcomeDataFindings(a, shown.input, spec.baselineAsConfounder)) add(outcomeDataText(f, 'en'), outcomeDataWarningText(f));
    a.warnings.forEach((w, i) => add(w, a.warningTexts![i]!));
    if (a.excluded && a.excluded.missingConfounders !== 0) {
      const missing: Finding = { kind: 'missing', n: a.excluded.missingConfounders };
      add(findingText(missing, 'en'), findingWarningText(missing, spec, danishGroups));
    }
  }
  return {
    tool: { name: 'hta', version: options.version },
    design: 'observational',
    input: { file: trial.file, layout: trial.layout, patients: shown.input },
    plan: {
      estimand: spec.estimand,
      confounders: spec.confounders.map((c) => ({ name: c.name, type: c.type })),
      baselineAsConfounder: spec.baselineAsConfounder,
      trim: spec.trim ?? null,
      truncate: spec.truncate ?? null,
      balanceThreshold: spec.balanceThreshold,
      alpha: plan.alpha,
      timepoints: plan.timepoints,
      primary: plan.primary ?? null,
      suppression: { threshold: spec.suppressionThreshold, suppressedCounts: shown.suppressedCells },
    },
    methods: methodsAt(1 - plan.alpha, spec.truncate, spec.estimand),
    analyses,
    warnings,
    warningTexts,
  };
}
