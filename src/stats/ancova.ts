/**
 * ANCOVA for a two-arm trial: the arm effect on the follow-up score adjusted for the baseline score
 * and optional covariates, by OLS (QR) with a t interval on the residual df.
 *
 *   yᵢ = β₀ + β_arm·armᵢ + β_base·baselineᵢ + Σₖ βₖ·zᵢₖ + εᵢ,  εᵢ ~ N(0, σ²)
 *   difference = β̂_arm (intervention − control), SE from σ̂²(XᵀX)⁻¹, df = n − p,
 *   CI = β̂_arm ± t₍₁₋α/₂, df₎·SE,  t = β̂_arm/SE,  p = 2·P(T_df > |t|)
 *
 * Covariates: numeric values enter linearly; a covariate with any string value is categorical and
 * enters as treatment-coded dummies (`contr.treatment`), one per non-reference level, named
 * `<name><level>` as R names them; the reference is the first level in sorted order (R's
 * `factor()` default). Levels are sorted by Unicode code units, which equals R's order in the C
 * locale; in other locales R's collation can differ for mixed-case or accented labels, so pass
 * R a factor with explicit levels when comparing.
 * = R `fit <- lm(y ~ arm + baseline + <covariates>, data); coef(summary(fit)); confint(fit)` with
 * `arm` 0/1, on complete cases.
 * Numerics: the outcome, baseline and numeric covariates are centred at their means before the QR
 * fit (the slopes, the arm effect and σ̂ are unchanged; the intercept and its SE are transformed
 * back to the uncentred parametrisation β₀ = a − Σⱼ βⱼ·x̄ⱼ + ȳ, Var = cᵀ Cov c), so scores far from
 * zero (e.g. 1e8 + x) lose no digits.
 * References: Vickers AJ, Altman DG (2001), BMJ 323:1123–1124, doi:10.1136/bmj.323.7321.1123;
 * EMA (2015) Guideline on adjustment for baseline covariates in clinical trials,
 * EMA/CHMP/295050/2013.
 * Preconditions: equal-length complete-case arrays, ≥ 2 patients per arm, finite numbers,
 * categorical covariates with ≥ 2 levels, full-rank design, n > number of coefficients;
 * otherwise `HtaError('analysis.failed')` naming the problem.
 * Example: see test/reference/ancova.R (case "simulated n=60"), which this reproduces to 1e-6.
 */
import { analysisFailed, type ArmSizes } from './arm-size.js';
import { ols, type OlsCoefficient } from './ols.js';
import { sampleMean } from './sample-moments.js';
import { type ConfidenceOptions, confLevelOf } from './welch-difference.js';
import { tInterval } from './distributions.js';
import { clusterRobust } from './cluster-robust.js';

export interface AncovaCovariate {
  name: string;
  values: readonly (number | string)[];
}

export interface AncovaInput {
  /** Follow-up score per patient. */
  outcome: readonly number[];
  /** 1 / true = intervention, 0 / false = control. */
  treated: readonly (number | boolean)[];
  /** Baseline score of the same outcome per patient. */
  baseline: readonly number[];
  covariates?: readonly AncovaCovariate[];
  /**
   * Each patient's cluster (a cluster-randomised trial's practice): the SEs are then cluster-robust
   * (CR1) and t has G − 1 df (cluster-robust.ts) = R `sandwich::vcovCL(fit, ~g, type = "HC1")`.
   */
  clusters?: readonly string[];
}

export interface AncovaResult {
  method: 'ancova';
  /** Adjusted difference intervention − control (the arm coefficient). */
  difference: number;
  se: number;
  /** Residual df n − p; with clusters, G − 1. */
  df: number;
  dfMethod: 'residual' | 'clusters';
  /** With clusters: their number G among the patients analysed. */
  clusters?: number;
  confLevel: number;
  ciLower: number;
  ciUpper: number;
  ciMethod: 't';
  statistic: number;
  pValue: number;
  n: ArmSizes;
  /** Residual standard error σ̂. */
  sigma: number;
  /** Full coefficient table in R's order and naming: (Intercept), arm, baseline, covariates. */
  coefficients: OlsCoefficient[];
  /** Reference level of each categorical covariate. */
  referenceLevels: Record<string, string>;
  covariateCoding: 'treatment (reference = first sorted level)';
}

interface Column {
  name: string;
  values: number[];
  centre: boolean;
}

export function covariateColumns(cov: AncovaCovariate, n: number, referenceLevels: Record<string, string>): Column[] {
  if (cov.values.length !== n) throw analysisFailed(`covariate '${cov.name}' has ${cov.values.length} values but the outcome has ${n}`);
  if (cov.values.some((v) => typeof v === 'string')) {
    const labels = cov.values.map(String);
    const levels = [...new Set(labels)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (levels.length < 2) throw analysisFailed(`covariate '${cov.name}' has only one level ('${levels[0] ?? ''}') among the patients analysed; drop it from the model`);
    referenceLevels[cov.name] = levels[0] as string;
    return levels.slice(1).map((level) => ({ name: `${cov.name}${level}`, values: labels.map((l) => (l === level ? 1 : 0)), centre: false }));
  }
  const values = cov.values as readonly number[];
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw analysisFailed(`covariate '${cov.name}' has value ${String(values[bad])} for patient ${bad + 1}; pass complete cases only`);
  return [{ name: cov.name, values: [...values], centre: true }];
}

export function ancova(input: AncovaInput, options?: ConfidenceOptions): AncovaResult {
  const confLevel = confLevelOf(options);
  const { outcome, baseline, treated } = input;
  const count = outcome.length;
  if (baseline.length !== count || treated.length !== count) {
    throw analysisFailed(`outcome, baseline and arm have different lengths (${count}, ${baseline.length}, ${treated.length}); pass complete cases only`);
  }
  const arm = treated.map((t, i) => {
    if (t === true || t === 1) return 1;
    if (t === false || t === 0) return 0;
    throw analysisFailed(`arm of patient ${i + 1} is ${String(t)}; expected 1/true (intervention) or 0/false (control)`);
  });
  const n = { intervention: arm.filter((a) => a === 1).length, control: arm.filter((a) => a === 0).length };
  for (const name of ['intervention', 'control'] as const) {
    if (n[name] < 2) throw analysisFailed(`fewer than 2 patients with baseline and follow-up in the ${name} arm (found ${n[name]})`, n);
  }
  for (const [what, values] of [['follow-up', outcome], ['baseline', baseline]] as const) {
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw analysisFailed(`${what} value of patient ${bad + 1} is ${String(values[bad])}; pass complete cases only`, n);
  }

  // A categorical covariate each of whose levels lies in one arm (a practice of a cluster-randomised
  // trial) repeats the arm: said as such, not as the collinear indicator columns ols.ts would list.
  for (const cov of input.covariates ?? []) {
    if (!cov.values.some((v) => typeof v === 'string')) continue;
    const armOf = new Map<string, number>();
    let nested = true;
    cov.values.forEach((v, i) => {
      const had = armOf.get(String(v));
      if (had !== undefined && had !== arm[i]) nested = false;
      armOf.set(String(v), arm[i]!);
    });
    if (nested) throw analysisFailed(`covariate '${cov.name}' is nested in the arm: each of its ${armOf.size} levels is in one arm only, so it repeats the arm and the arm effect cannot be estimated; drop it from the covariates (if it is the unit randomised, name it in the plan's "clusters")`, n);
  }
  const referenceLevels: Record<string, string> = {};
  const columns: Column[] = [
    { name: 'arm', values: arm, centre: false },
    { name: 'baseline', values: [...baseline], centre: true },
    ...(input.covariates ?? []).flatMap((c) => covariateColumns(c, count, referenceLevels)),
  ];
  for (const col of columns) {
    if (col.centre && col.values.every((v) => v === col.values[0])) {
      const what = col.name === 'baseline' ? 'the baseline score' : `covariate '${col.name}'`;
      throw analysisFailed(`${what} has the same value (${String(col.values[0])}) for every patient analysed, so its effect cannot be estimated; drop it from the model`, n);
    }
  }
  const centres = columns.map((c) => (c.centre ? sampleMean(c.values) : 0));
  const yCentre = sampleMean(outcome);
  const X = outcome.map((_, i) => [1, ...columns.map((c, j) => (c.values[i] as number) - (centres[j] as number))]);
  const y = outcome.map((v) => v - yCentre);
  let fit;
  try {
    fit = ols(X, y, ['(Intercept)', ...columns.map((c) => c.name)], { confLevel });
  } catch (err) {
    throw Object.assign(err as Error, { n });
  }

  // A cluster-randomised trial: the sandwich over clusters (centring moves only the intercept, which is transformed back below).
  let robust;
  try {
    robust = input.clusters ? clusterRobust(X, y, fit, input.clusters) : undefined;
  } catch (err) {
    throw Object.assign(err as Error, { n });
  }
  const covariance = robust?.covariance ?? fit.covariance;
  const df = robust?.df ?? fit.df;
  const fitted = robust?.coefficients ?? fit.coefficients;
  // Back to the uncentred intercept: β₀ = a + ȳ − Σ βⱼ x̄ⱼ, Var(β₀) = cᵀ Cov c with c = (1, −x̄).
  const c = [1, ...centres.map((m) => -m)];
  const estimate0 = c.reduce((s, cj, j) => s + cj * (fitted[j] as OlsCoefficient).estimate, 0) + yCentre;
  let var0 = 0;
  for (let a = 0; a < c.length; a++) for (let b = 0; b < c.length; b++) var0 += (c[a] as number) * (c[b] as number) * (covariance[a] as number[])[b]!;
  const se0 = Math.sqrt(var0);
  const { statistic, pValue, ciLower, ciUpper } = tInterval(estimate0, se0, df, confLevel);
  const intercept: OlsCoefficient = { term: '(Intercept)', estimate: estimate0, se: se0, statistic, pValue, ciLower, ciUpper };
  const coefficients = [intercept, ...fitted.slice(1)];
  const armRow = coefficients[1] as OlsCoefficient;
  return {
    method: 'ancova',
    difference: armRow.estimate,
    se: armRow.se,
    df,
    dfMethod: robust ? 'clusters' : 'residual',
    ...(robust ? { clusters: robust.clusters } : {}),
    confLevel,
    ciLower: armRow.ciLower,
    ciUpper: armRow.ciUpper,
    ciMethod: 't',
    statistic: armRow.statistic,
    pValue: armRow.pValue,
    n,
    sigma: fit.sigma,
    coefficients,
    referenceLevels,
    covariateCoding: 'treatment (reference = first sorted level)',
  };
}
