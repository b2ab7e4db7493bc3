import { tInterval } from '../distributions.js';
import { HtaError } from '../../errors.js';
import { choleskyInverse, choleskyLogDet, choleskyLower, choleskySolveInPlace, symmetrizeInPlace } from './dense-cholesky.js';

/** Long-format follow-up data: one entry per patient × follow-up visit. */
export interface MmrmData {
  id: readonly string[];
  /** Visit label; must be one of `timeLevels`. */
  time: readonly string[];
  /** 1 = intervention, 0 = control; constant within patient. */
  treated: readonly number[];
  /** Baseline value of the outcome; constant within patient; NaN/null = missing (patient excluded). */
  baseline: readonly (number | null)[];
  /** Follow-up value; NaN/null = missing. */
  y: readonly (number | null)[];
  /** Numeric (dummy-coded) covariates, one value per row; NaN/null drops that row. */
  covariates?: readonly { name: string; values: readonly (number | null)[] }[];
}

export interface MmrmOptions {
  /** Follow-up visits in chronological order (the first is the reference only for labels). */
  timeLevels: readonly string[];
  confLevel?: number;
  /** Maximum optimiser iterations (default 200). */
  maxIter?: number;
}

/** Arm contrast (intervention − control) at one visit. */
export interface MmrmContrast {
  time: string;
  nIntervention: number;
  nControl: number;
  estimate: number;
  se: number;
  df: number;
  statistic: number;
  pValue: number;
  ciLower: number;
  ciUpper: number;
}

export interface MmrmResult {
  method: 'mmrm';
  estimation: 'REML';
  covariance: 'unstructured';
  dfMethod: 'satterthwaite';
  confLevel: number;
  timeLevels: string[];
  nPatients: number;
  nObservations: number;
  /** Per visit: treated − control at that visit. */
  contrasts: MmrmContrast[];
  /**
   * Fixed effects in cell-means form: `time[t]`, `treated:time[t]`, `baseline:time[t]`, then the
   * covariates (same column space as R's `arm*time + baseline*time + covariates`).
   */
  coefficients: { name: string; estimate: number; se: number }[];
  /** Estimated within-patient covariance matrix Σ (visits in `timeLevels` order). */
  sigma: number[][];
  /** REML log-likelihood on nlme's scale (comparable with `logLik(gls(..., method = "REML"))`). */
  logLik: number;
  iterations: number;
}

interface Patient {
  obs: number[];
  /** |obs| × p, row-major. */
  x: Float64Array;
  y: Float64Array;
  treated: number;
  /** Index into `Model.patterns` (which visits were observed). */
  pattern: number;
  /** Index into `Model.groups` (the same visits and the same design rows X_i). */
  group: number;
}

/** A visit pattern: V_i, its factor and inverse depend only on it. */
interface Pattern {
  obs: Int32Array;
  /** 1 at the observed visits (length T). */
  observed: Uint8Array;
}

/**
 * Patients with the same visits and the same design rows X_i (arm, baseline, covariates: on the
 * bundled trial 129 groups for 438 patients) share Z_i = V_i⁻¹X_i and Z_iΦZ_iᵀ, so each
 * evaluation computes those once per group. Each number is computed with the same operations in
 * the same order as per patient, so the results are bit-for-bit those of a per-patient loop.
 */
interface Group {
  pattern: number;
  /** Non-zero entries of X_i: row r's columns are cols[rowStart[r] .. rowStart[r + 1]), with vals. */
  rowStart: Int32Array;
  cols: Int32Array;
  vals: Float64Array;
  /**
   * Ascending columns where some row of X_i is non-zero: every other column of X_i and of
   * Z_i = V_i⁻¹X_i is exactly zero, and a product with an exact zero adds nothing to a sum
   * (x + ±0 = x, and a sum that starts at +0 never becomes −0), so loops skip them.
   */
  support: Int32Array;
}

interface Model {
  patients: Patient[];
  patterns: Pattern[];
  groups: Group[];
  T: number;
  p: number;
}

interface Evaluation {
  logLik: number;
  beta: Float64Array;
  phi: Float64Array;
  /** Symmetric T×T matrix G with ∂ℓ/∂σ_ab = G_ab·(a ≠ b ? 2 : 1). */
  grad: Float64Array;
  /** Per pattern: embedded V⁻¹ (T×T, zero outside the observed visits). */
  w: Float64Array[];
  /** Per group g: Z = V⁻¹X (T×p, rows of unobserved visits zero) at z[g·T·p ..). One array, not one per group: fewer allocations. */
  z: Float64Array;
  /** Per patient i: u_i = V_i⁻¹r_i at u[i·T .. i·T + T). */
  u: Float64Array;
}

/**
 * Mixed model for repeated measures (MMRM): all follow-up values of a patient modelled jointly,
 *
 *   y_it = μ_t + τ_t·treated_i + β_t·baseline_i + γᵀ·covariates_i + ε_it,  ε_i ~ N(0, Σ)
 *
 * with Σ unstructured (T(T+1)/2 parameters) and estimated by REML. For fixed Σ,
 * β̂ = (Σ X_iᵀV_i⁻¹X_i)⁻¹ Σ X_iᵀV_i⁻¹y_i with V_i = Σ restricted to the visits patient i attended;
 * the restricted log-likelihood
 *
 *   ℓ_R(Σ) = −½ [Σ log|V_i| + log|Σ X_iᵀV_i⁻¹X_i| + Σ r_iᵀV_i⁻¹r_i] − (N − p)/2·log 2π
 *
 * (nlme's convention: without the ½ log|XᵀX| term, so `logLik` equals `logLik(gls(...))`)
 *
 * is maximised over vech(Σ) by Newton steps with the average-information matrix (Gilmour,
 * Thompson & Cullis 1995, doi:10.2307/2533274) and step halving that keeps Σ positive definite and
 * ℓ_R increasing, then polished by Newton steps on the observed information (central differences
 * of the analytic score). The arm effect at visit t is τ_t; its variance c'Φc with Φ = Cov(β̂).
 * Denominator df by Satterthwaite (1946, doi:10.2307/3002019):
 *
 *   ν_t = 2 (cᵀΦc)² / (gᵀ A g),  g_k = ∂(cᵀΦc)/∂θ_k = cᵀΦ Q_k Φc,  Q_k = Σ X_iᵀV_i⁻¹(∂V_i/∂θ_k)V_i⁻¹X_i
 *
 * with A the inverse observed REML information of θ = vech(Σ) (invariant to the parameterisation).
 * `emmeans(mode = "satterthwaite")` on a `gls` fit uses the same formula but takes A from nlme's
 * finite-difference `apVar` and, for an unstructured Σ, usually g by simulation ("appx-satterthwaite":
 * y perturbed with random noise and refitted), so its df differ, by up to about 9 % where measured, and move from run
 * to run; an independent R computation with numDeriv agrees with this function to ~1e-5
 * (docs/plan-trial.md#mmrm-degrees-of-freedom). (The `mmrm` R package is not installed here and
 * was not compared.)
 *
 * R equivalent: `nlme::gls(y ~ arm*time + baseline*time + covariates,
 *   correlation = corSymm(form = ~ t | id), weights = varIdent(form = ~ 1 | time), method = "REML")`
 * followed by `emmeans(fit, ~ arm | time, mode = "satterthwaite")` and `contrast(…, "revpairwise")`;
 * or `mmrm::mmrm(y ~ arm*time + baseline*time + covariates + us(time | id), method = "Satterthwaite")`.
 *
 * References: Mallinckrodt CH et al. (2008) Recommendations for the primary analysis of continuous
 * endpoints in longitudinal clinical trials, Drug Inf J 42:303–319, doi:10.1177/009286150804200402;
 * Jennrich RI, Schluchter MD (1986) Unbalanced repeated-measures models with structured covariance
 * matrices, Biometrics 42:805–820, doi:10.2307/2530695.
 *
 * Preconditions: rows with a visit label outside `timeLevels` or a duplicated id × visit are input
 * errors; rows with missing y, baseline or covariate are dropped (as `na.omit`), so a patient is
 * included when they have a baseline and at least one follow-up. Every pair of visits must be
 * observed together in some patient, and each visit must have patients in both arms.
 *
 * @throws HtaError('input.invalid') for malformed input; HtaError('analysis.failed') when the
 *   model is not estimable or REML does not converge (never a silent wrong number).
 * @example
 *   const fit = mmrm(data, { timeLevels: ['6w', '3m', '6m', '9m'] });
 *   fit.contrasts[3] // { time: '9m', estimate: −3.108…, se: 0.844…, df: 98.33…, … } (fixture A)
 */
export function mmrm(data: MmrmData, options: MmrmOptions): MmrmResult {
  const confLevel = options.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1)) {
    throw new HtaError('usage.invalid', `confLevel must lie in (0, 1), got ${confLevel}.`);
  }
  const timeLevels = [...options.timeLevels];
  const T = timeLevels.length;
  if (T < 2 || new Set(timeLevels).size !== T) {
    throw new HtaError('usage.invalid', `MMRM needs at least 2 distinct time levels, got [${timeLevels.join(', ')}].`);
  }
  const covariates = data.covariates ?? [];
  const names = [
    ...timeLevels.map((t) => `time[${t}]`),
    ...timeLevels.map((t) => `treated:time[${t}]`),
    ...timeLevels.map((t) => `baseline:time[${t}]`),
    ...covariates.map((c) => c.name),
  ];
  const p = names.length;
  const patients = buildPatients(data, timeLevels, covariates, p);
  const nObs = patients.reduce((s, pt) => s + pt.obs.length, 0);
  checkEstimable(patients, timeLevels, nObs, p);

  const K = (T * (T + 1)) / 2;
  const pairs: [number, number][] = [];
  for (let a = 0; a < T; a++) for (let b = a; b < T; b++) pairs.push([a, b]);

  // XᵀX only as a rank check; nlme's REML log-likelihood has no ½ log|XᵀX| term.
  const xtx = new Float64Array(p * p);
  for (const pt of patients) addCrossProduct(xtx, pt.x, pt.obs.length, p);
  const lxtx = choleskyLower(xtx, p);
  if (!lxtx) throw new HtaError('analysis.failed', 'MMRM: the fixed-effects design is rank deficient (check for constant or collinear covariates).');
  const logLikConstant = -((nObs - p) / 2) * Math.log(2 * Math.PI);

  const model = groupPatients(patients, T, p);
  const evaluate = (sigma: Float64Array): Evaluation | null => evaluateReml(model, sigma, logLikConstant);

  let theta = startingValues(patients, T, p, evaluate, pairs);
  let current = evaluate(toSigma(theta, pairs, T));
  if (!current) throw new HtaError('analysis.failed', 'MMRM: could not find positive-definite starting values for Σ.');

  const maxIter = options.maxIter ?? 200;
  let iterations = 0;
  let converged = false;
  let reason = `the iteration limit (${maxIter}) was reached`;
  for (; iterations < maxIter; iterations++) {
    const g = scoreVector(current.grad, pairs, T);
    const ai = averageInformation(model, current, pairs);
    const step = solveSymmetric(ai, K, g);
    if (!step) {
      reason = 'the average-information matrix became singular';
      break;
    }
    const decrement = dot(g, step);
    if (decrement < 1e-11) {
      converged = true;
      break;
    }
    const next = lineSearch(theta, step, current.logLik, evaluate, pairs, T);
    if (!next) {
      // No ascent possible along the step: accept only if already at the numerical optimum.
      converged = decrement < 1e-6;
      reason = 'no step increased the REML log-likelihood (Σ is probably near singular, on the boundary)';
      break;
    }
    theta = next.theta;
    current = next.eval;
  }
  if (!converged) {
    throw new HtaError(
      'analysis.failed',
      `MMRM: REML did not converge after ${iterations} iterations: ${reason}. ` +
        `An unstructured covariance needs ${K} parameters; with ${patients.length} patients and ${nObs} observations ` +
        'it may not be estimable (nlme::gls fails on such data too). Fewer visits or more patients are needed.',
    );
  }

  // Polish with Newton on the observed information, then keep it for Satterthwaite.
  let info = observedInformation(theta, evaluate, pairs, T);
  for (let k = 0; k < 3 && info; k++) {
    const g = scoreVector(current.grad, pairs, T);
    const step = solveSymmetric(info, K, g);
    if (!step || dot(g, step) < 1e-14) break;
    const next = lineSearch(theta, step, current.logLik, evaluate, pairs, T);
    if (!next) break;
    theta = next.theta;
    current = next.eval;
    info = observedInformation(theta, evaluate, pairs, T);
  }
  const infoChol = info ? choleskyLower(info, K) : null;
  if (!info || !infoChol) {
    throw new HtaError(
      'analysis.failed',
      'MMRM: the REML information matrix is not positive definite at the optimum (Σ is on the boundary); Satterthwaite df cannot be computed.',
    );
  }
  const finalGradient = scoreVector(current.grad, pairs, T);
  const finalDecrement = dot(finalGradient, solveSymmetric(info, K, finalGradient) ?? finalGradient);
  if (!(finalDecrement < 1e-8)) {
    throw new HtaError('analysis.failed', `MMRM: REML score not zero at the reported optimum (decrement ${finalDecrement}).`);
  }
  const thetaCov = choleskyInverse(infoChol, K);

  const fit = current;
  const contrasts: MmrmContrast[] = timeLevels.map((label, t) => {
    const j = T + t;
    const variance = fit.phi[j * p + j]!;
    const g = contrastVarianceGradient(fit, model, j, pairs);
    let gAg = 0;
    for (let k = 0; k < K; k++) for (let l = 0; l < K; l++) gAg += g[k]! * thetaCov[k * K + l]! * g[l]!;
    const df = (2 * variance * variance) / gAg;
    if (!(df > 0) || !Number.isFinite(df)) {
      throw new HtaError('analysis.failed', `MMRM: Satterthwaite df for visit ${label} is not a positive number (${df}).`);
    }
    const se = Math.sqrt(variance);
    const estimate = fit.beta[j]!;
    const { statistic, pValue, ciLower, ciUpper } = tInterval(estimate, se, df, confLevel);
    let nIntervention = 0;
    let nControl = 0;
    for (const pt of patients) {
      if (!pt.obs.includes(t)) continue;
      if (pt.treated === 1) nIntervention++;
      else nControl++;
    }
    return {
      time: label,
      nIntervention,
      nControl,
      estimate,
      se,
      df,
      statistic,
      pValue,
      ciLower,
      ciUpper,
    };
  });

  const sigma = toSigma(theta, pairs, T);
  return {
    method: 'mmrm',
    estimation: 'REML',
    covariance: 'unstructured',
    dfMethod: 'satterthwaite',
    confLevel,
    timeLevels,
    nPatients: patients.length,
    nObservations: nObs,
    contrasts,
    coefficients: names.map((name, j) => ({ name, estimate: fit.beta[j]!, se: Math.sqrt(fit.phi[j * p + j]!) })),
    sigma: Array.from({ length: T }, (_, a) => Array.from({ length: T }, (_, b) => sigma[a * T + b]!)),
    logLik: fit.logLik,
    iterations,
  };
}

function isMissing(v: number | null | undefined): v is null | undefined {
  return v === null || v === undefined || Number.isNaN(v);
}

function buildPatients(
  data: MmrmData,
  timeLevels: string[],
  covariates: readonly { name: string; values: readonly (number | null)[] }[],
  p: number,
): Patient[] {
  const n = data.id.length;
  const columns: [string, number][] = [
    ['time', data.time.length],
    ['treated', data.treated.length],
    ['baseline', data.baseline.length],
    ['y', data.y.length],
    ...covariates.map((c): [string, number] => [`covariate ${c.name}`, c.values.length]),
  ];
  for (const [name, len] of columns) {
    if (len !== n) throw new HtaError('input.invalid', `MMRM: column ${name} has ${len} values but id has ${n}.`);
  }
  const T = timeLevels.length;
  const timeIndex = new Map(timeLevels.map((t, i) => [t, i]));
  const byId = new Map<string, { rows: { t: number; row: number }[]; treated: number; baseline: number | null }>();
  const seen = new Set<string>();
  for (let r = 0; r < n; r++) {
    const id = data.id[r]!;
    const t = timeIndex.get(data.time[r]!);
    if (t === undefined) {
      throw new HtaError(
        'input.invalid',
        `MMRM: row ${r + 1} has time ${JSON.stringify(data.time[r])}, expected one of ${timeLevels.join(', ')} (baseline goes in the baseline column).`,
      );
    }
    const key = `${id}\u0000${t}`;
    if (seen.has(key)) throw new HtaError('input.invalid', `MMRM: patient ${id} has two rows for time ${timeLevels[t]}.`);
    seen.add(key);
    const treated = data.treated[r]!;
    if (treated !== 0 && treated !== 1) {
      throw new HtaError('input.invalid', `MMRM: treated must be 0 or 1, got ${treated} for patient ${id}.`);
    }
    const baseline = isMissing(data.baseline[r]) ? null : data.baseline[r]!;
    let entry = byId.get(id);
    if (!entry) {
      entry = { rows: [], treated, baseline };
      byId.set(id, entry);
    } else if (entry.treated !== treated || entry.baseline !== baseline) {
      throw new HtaError('input.invalid', `MMRM: patient ${id} has different arm or baseline values on different rows.`);
    }
    const yv = data.y[r];
    if (isMissing(yv) || baseline === null) continue;
    if (covariates.some((c) => isMissing(c.values[r]))) continue;
    entry.rows.push({ t, row: r });
  }
  const patients: Patient[] = [];
  for (const entry of byId.values()) {
    if (entry.rows.length === 0 || entry.baseline === null) continue;
    entry.rows.sort((a, b) => a.t - b.t);
    const k = entry.rows.length;
    const x = new Float64Array(k * p);
    const y = new Float64Array(k);
    entry.rows.forEach(({ t, row }, i) => {
      x[i * p + t] = 1;
      x[i * p + T + t] = entry.treated;
      x[i * p + 2 * T + t] = entry.baseline!;
      covariates.forEach((c, j) => {
        x[i * p + 3 * T + j] = c.values[row]!;
      });
      y[i] = data.y[row]!;
    });
    patients.push({ obs: entry.rows.map((r) => r.t), x, y, treated: entry.treated, pattern: -1, group: -1 });
  }
  return patients;
}

function checkEstimable(patients: Patient[], timeLevels: string[], nObs: number, p: number): void {
  const T = timeLevels.length;
  const K = (T * (T + 1)) / 2;
  if (nObs - p <= K) {
    throw new HtaError('analysis.failed', `MMRM: ${nObs} observations are too few for ${p} fixed effects and ${K} covariance parameters.`);
  }
  for (let t = 0; t < T; t++) {
    const arms = new Set(patients.filter((pt) => pt.obs.includes(t)).map((pt) => pt.treated));
    if (arms.size < 2) {
      throw new HtaError('analysis.failed', `MMRM: visit ${timeLevels[t]} has no observed patients in one of the arms.`);
    }
  }
  for (let a = 0; a < T; a++) {
    for (let b = a + 1; b < T; b++) {
      if (!patients.some((pt) => pt.obs.includes(a) && pt.obs.includes(b))) {
        throw new HtaError(
          'analysis.failed',
          `MMRM: no patient was observed at both ${timeLevels[a]} and ${timeLevels[b]}, so their covariance is not estimable.`,
        );
      }
    }
  }
}

function addCrossProduct(acc: Float64Array, x: Float64Array, k: number, p: number): void {
  for (let r = 0; r < k; r++) {
    for (let i = 0; i < p; i++) {
      const xi = x[r * p + i]!;
      if (xi === 0) continue;
      for (let j = 0; j < p; j++) acc[i * p + j]! += xi * x[r * p + j]!;
    }
  }
}

function toSigma(theta: Float64Array, pairs: [number, number][], T: number): Float64Array {
  const s = new Float64Array(T * T);
  pairs.forEach(([a, b], k) => {
    s[a * T + b] = theta[k]!;
    s[b * T + a] = theta[k]!;
  });
  return s;
}

/** Score ∂ℓ_R/∂θ for θ = vech(Σ). */
function scoreVector(grad: Float64Array, pairs: [number, number][], T: number): Float64Array {
  return Float64Array.from(pairs, ([a, b]) => grad[a * T + b]! * (a === b ? 1 : 2));
}

/** Assigns each patient its visit pattern and its group of identical designs (see `Group`). */
function groupPatients(patients: Patient[], T: number, p: number): Model {
  const patterns: Pattern[] = [];
  const groups: Group[] = [];
  const patternOf = new Map<string, number>();
  const groupOf = new Map<string, number>();
  for (const pt of patients) {
    const k = pt.obs.length;
    const visits = pt.obs.join(',');
    let pattern = patternOf.get(visits);
    if (pattern === undefined) {
      pattern = patterns.length;
      const observed = new Uint8Array(T);
      for (const t of pt.obs) observed[t] = 1;
      patterns.push({ obs: Int32Array.from(pt.obs), observed });
      patternOf.set(visits, pattern);
    }
    // The key holds every entry of X_i: equal keys mean equal designs (±0 give the same numbers,
    // as zero entries are skipped everywhere).
    const key = `${visits}|${pt.x.join(',')}`;
    let group = groupOf.get(key);
    if (group === undefined) {
      group = groups.length;
      const rowStart = new Int32Array(k + 1);
      const cols: number[] = [];
      const vals: number[] = [];
      const used = new Uint8Array(p);
      for (let r = 0; r < k; r++) {
        for (let c = 0; c < p; c++) {
          const v = pt.x[r * p + c]!;
          if (v === 0) continue;
          cols.push(c);
          vals.push(v);
          used[c] = 1;
        }
        rowStart[r + 1] = cols.length;
      }
      const support: number[] = [];
      for (let c = 0; c < p; c++) if (used[c]) support.push(c);
      groups.push({ pattern, rowStart, cols: Int32Array.from(cols), vals: Float64Array.from(vals), support: Int32Array.from(support) });
      groupOf.set(key, group);
    }
    pt.pattern = pattern;
    pt.group = group;
  }
  return { patients, patterns, groups, T, p };
}

/**
 * ℓ_R, β̂, Φ and the score at Σ. The loops skip exact zeros of X and Z (see `Group`) and share
 * per-pattern and per-group work, but every sum adds the same terms in the same order as the
 * plain per-patient formulas, so every bit is theirs. Split into small functions: V8 compiles
 * each hot one on its own, which costs less compiler time than one large function.
 */
function evaluateReml(model: Model, sigma: Float64Array, constant: number): Evaluation | null {
  const { patterns, T, p } = model;
  // V_i, its factor and inverse depend only on which visits a patient has: once per pattern.
  const w: Float64Array[] = [];
  const vinvs: Float64Array[] = [];
  const logDets = new Float64Array(patterns.length);
  for (let q = 0; q < patterns.length; q++) {
    const obs = patterns[q]!.obs;
    const k = obs.length;
    const v = new Float64Array(k * k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) v[i * k + j] = sigma[obs[i]! * T + obs[j]!]!;
    const l = choleskyLower(v, k);
    if (!l) return null;
    const vinv = choleskyInverse(l, k);
    const wi = new Float64Array(T * T);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) wi[obs[i]! * T + obs[j]!] = vinv[i * k + j]!;
    logDets[q] = choleskyLogDet(l, k);
    vinvs.push(vinv);
    w.push(wi);
  }
  const z = groupZ(model, vinvs);
  const xtvx = new Float64Array(p * p);
  const xtvy = new Float64Array(p);
  const logDetV = addNormalEquations(model, z, logDets, xtvx, xtvy);
  symmetrizeInPlace(xtvx, p);
  const lx = choleskyLower(xtvx, p);
  if (!lx) return null;
  const beta = Float64Array.from(xtvy);
  choleskySolveInPlace(lx, p, beta);
  const phi = choleskyInverse(lx, p);
  const m = groupZPhiZ(model, z, phi);
  const grad = new Float64Array(T * T);
  const u = new Float64Array(model.patients.length * T);
  const quad = addScores(model, w, m, beta, grad, u);
  for (let a = 0; a < T; a++) for (let b = a + 1; b < T; b++) grad[b * T + a] = grad[a * T + b]!;
  const logLik = -0.5 * (logDetV + choleskyLogDet(lx, p) + quad) + constant;
  return { logLik, beta, phi, grad, w, z, u };
}

/** Z = V⁻¹X once per group, at z[g·T·p ..): Z[row i] = Σ_j V⁻¹_ij X[row j], j ascending. */
function groupZ(model: Model, vinvs: Float64Array[]): Float64Array {
  const { patterns, groups, T, p } = model;
  const tp = T * p;
  const z = new Float64Array(groups.length * tp);
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    const obs = patterns[g.pattern]!.obs;
    const vinv = vinvs[g.pattern]!;
    const k = obs.length;
    const { rowStart, cols, vals } = g;
    for (let i = 0; i < k; i++) {
      const row = gi * tp + obs[i]! * p;
      for (let j = 0; j < k; j++) {
        const c = vinv[i * k + j]!;
        for (let e = rowStart[j]!; e < rowStart[j + 1]!; e++) z[row + cols[e]!]! += c * vals[e]!;
      }
    }
  }
  return z;
}

/** XᵀV⁻¹X = Σ_rows x_rᵀ z_r and XᵀV⁻¹y = Σ_rows z_r y_r, patient by patient and row by row; returns Σ log|V_i|. */
function addNormalEquations(model: Model, z: Float64Array, logDets: Float64Array, xtvx: Float64Array, xtvy: Float64Array): number {
  const { patients, groups, T, p } = model;
  const tp = T * p;
  let logDetV = 0;
  for (const pt of patients) {
    logDetV += logDets[pt.pattern]!;
    const { rowStart, cols, vals, support } = groups[pt.group]!;
    const ns = support.length;
    const k = pt.obs.length;
    for (let i = 0; i < k; i++) {
      const row = pt.group * tp + pt.obs[i]! * p;
      const yi = pt.y[i]!;
      for (let s = 0; s < ns; s++) {
        const a = support[s]!;
        xtvy[a]! += z[row + a]! * yi;
      }
      for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
        const xa = vals[e]!;
        const base = cols[e]! * p;
        for (let s = 0; s < ns; s++) {
          const b = support[s]!;
          xtvx[base + b]! += xa * z[row + b]!;
        }
      }
    }
  }
  return logDetV;
}

/**
 * M = ZΦZᵀ once per group, at m[g·T·T + i·k + j] (local visit indices i ≤ j, k = the group's
 * number of visits): only G_ab with a ≤ b is summed.
 */
function groupZPhiZ(model: Model, z: Float64Array, phi: Float64Array): Float64Array {
  const { patterns, groups, T, p } = model;
  const tp = T * p;
  const tt = T * T;
  const m = new Float64Array(groups.length * tt);
  const zphi = new Float64Array(p);
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    const obs = patterns[g.pattern]!.obs;
    const k = obs.length;
    const { support } = g;
    const ns = support.length;
    const zo = gi * tp;
    const mo = gi * tt;
    for (let i = 0; i < k; i++) {
      const ra = zo + obs[i]! * p;
      for (let sc = 0; sc < ns; sc++) {
        const c = support[sc]!;
        let s = 0;
        for (let sd = 0; sd < ns; sd++) {
          const d = support[sd]!;
          s += z[ra + d]! * phi[d * p + c]!;
        }
        zphi[c] = s;
      }
      for (let j = i; j < k; j++) {
        const rb = zo + obs[j]! * p;
        let acc = 0;
        for (let sc = 0; sc < ns; sc++) {
          const c = support[sc]!;
          acc += zphi[c]! * z[rb + c]!;
        }
        m[mo + i * k + j] = acc;
      }
    }
  }
  return m;
}

/**
 * Per patient: residuals r_i, u_i = V_i⁻¹r_i (into u), and G += ½ (−W_i + Z_iΦZ_iᵀ + u_i u_iᵀ) on
 * the observed visits (upper triangle); returns Σ r_iᵀV_i⁻¹r_i.
 */
function addScores(model: Model, w: Float64Array[], m: Float64Array, beta: Float64Array, grad: Float64Array, u: Float64Array): number {
  const { patients, groups, T } = model;
  const tt = T * T;
  const r = new Float64Array(T);
  let quad = 0;
  for (let idx = 0; idx < patients.length; idx++) {
    const pt = patients[idx]!;
    const obs = pt.obs;
    const k = obs.length;
    const wi = w[pt.pattern]!;
    const mo = pt.group * tt;
    const { rowStart, cols, vals } = groups[pt.group]!;
    for (let i = 0; i < k; i++) {
      let fitted = 0;
      for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) fitted += vals[e]! * beta[cols[e]!]!;
      r[obs[i]!] = pt.y[i]! - fitted;
    }
    const uo = idx * T;
    for (let i = 0; i < k; i++) {
      const a = obs[i]!;
      let s = 0;
      for (let j = 0; j < k; j++) s += wi[a * T + obs[j]!]! * r[obs[j]!]!;
      u[uo + a] = s;
      quad += r[a]! * s;
    }
    for (let i = 0; i < k; i++) {
      const a = obs[i]!;
      for (let j = i; j < k; j++) {
        const b = obs[j]!;
        grad[a * T + b]! += 0.5 * (-wi[a * T + b]! + m[mo + i * k + j]! + u[uo + a]! * u[uo + b]!);
      }
    }
  }
  return quad;
}

/**
 * Average information AI_kl = ½ (∂V/∂θ_k u)ᵀ P (∂V/∂θ_l u), built from per-patient pieces.
 * ∂V/∂θ_k u has at most two non-zero entries (at visits a and b of θ_k = σ_ab), so only those
 * terms are summed (the others are exact zeros, in the same order).
 */
function averageInformation(model: Model, ev: Evaluation, pairs: [number, number][]): Float64Array {
  const { patients, patterns, groups, T, p } = model;
  const K = pairs.length;
  const ai = new Float64Array(K * K);
  const s = Array.from({ length: K }, () => new Float64Array(p));
  const pa = Int32Array.from(pairs, ([a]) => a);
  const pb = Int32Array.from(pairs, ([, b]) => b);
  // Per pair k: (∂V/∂θ_k u)_a = va[k] and (when a ≠ b) _b = vb[k]; vw[k·T + i] = (V⁻¹ ∂V/∂θ_k u)_i.
  const va = new Float64Array(K);
  const vb = new Float64Array(K);
  const vw = new Float64Array(K * T);
  const u = ev.u;
  for (let idx = 0; idx < patients.length; idx++) {
    const pt = patients[idx]!;
    const obs = pt.obs;
    const k = obs.length;
    const wi = ev.w[pt.pattern]!;
    const zo = pt.group * T * p;
    const z = ev.z;
    const { observed } = patterns[pt.pattern]!;
    const { support } = groups[pt.group]!;
    const ns = support.length;
    const uo = idx * T;
    for (let q = 0; q < K; q++) {
      const a = pa[q]!;
      const b = pb[q]!;
      const x = 0 + u[uo + b]!;
      const y = a !== b ? 0 + u[uo + a]! : 0;
      va[q] = x;
      vb[q] = y;
      // Rows and columns of W outside the observed visits are zero.
      for (let i = 0; i < k; i++) {
        const o = obs[i]!;
        let acc = 0;
        acc += wi[o * T + a]! * x;
        if (a !== b) acc += wi[o * T + b]! * y;
        vw[q * T + o] = acc;
      }
      const sk = s[q]!;
      if (observed[a] && x !== 0) {
        for (let sc = 0; sc < ns; sc++) {
          const c = support[sc]!;
          sk[c]! += z[zo + a * p + c]! * x;
        }
      }
      if (a !== b && observed[b] && y !== 0) {
        for (let sc = 0; sc < ns; sc++) {
          const c = support[sc]!;
          sk[c]! += z[zo + b * p + c]! * y;
        }
      }
    }
    for (let q = 0; q < K; q++) {
      const a = pa[q]!;
      const b = pb[q]!;
      const x = va[q]!;
      const y = vb[q]!;
      const inA = observed[a] === 1;
      const inB = a !== b && observed[b] === 1;
      for (let l = q; l < K; l++) {
        let acc = 0;
        if (inA) acc += x * vw[l * T + a]!;
        if (inB) acc += y * vw[l * T + b]!;
        ai[q * K + l]! += 0.5 * acc;
      }
    }
  }
  for (let k = 0; k < K; k++) {
    for (let l = k; l < K; l++) {
      let acc = 0;
      for (let c = 0; c < p; c++) for (let d = 0; d < p; d++) acc += s[k]![c]! * ev.phi[c * p + d]! * s[l]![d]!;
      ai[k * K + l]! -= 0.5 * acc;
      ai[l * K + k] = ai[k * K + l]!;
    }
  }
  return ai;
}

/** −∂²ℓ_R/∂θ∂θᵀ by central differences of the analytic score; null if Σ leaves the PD cone. */
function observedInformation(
  theta: Float64Array,
  evaluate: (s: Float64Array) => Evaluation | null,
  pairs: [number, number][],
  T: number,
): Float64Array | null {
  const K = pairs.length;
  const info = new Float64Array(K * K);
  for (let k = 0; k < K; k++) {
    const [a, b] = pairs[k]!;
    const scale = Math.sqrt(Math.abs(theta[pairs.findIndex(([x, y]) => x === a && y === a)]! * theta[pairs.findIndex(([x, y]) => x === b && y === b)]!));
    const h = 1e-5 * Math.max(scale, 1e-8);
    const plus = Float64Array.from(theta);
    const minus = Float64Array.from(theta);
    plus[k]! += h;
    minus[k]! -= h;
    const ep = evaluate(toSigma(plus, pairs, T));
    const em = evaluate(toSigma(minus, pairs, T));
    if (!ep || !em) return null;
    const gp = scoreVector(ep.grad, pairs, T);
    const gm = scoreVector(em.grad, pairs, T);
    for (let l = 0; l < K; l++) info[l * K + k] = -(gp[l]! - gm[l]!) / (2 * h);
  }
  symmetrizeInPlace(info, K);
  return info;
}

/** g_k = ∂(cᵀΦc)/∂θ_k = dᵀQ_k d with d = Φc (c = unit vector for coefficient j). */
function contrastVarianceGradient(ev: Evaluation, model: Model, j: number, pairs: [number, number][]): Float64Array {
  const { patients, patterns, groups, T, p } = model;
  const d = new Float64Array(p);
  for (let c = 0; c < p; c++) d[c] = ev.phi[c * p + j]!;
  // v = Z d per group (Z is zero outside the group's support).
  const v = groups.map((g, gi) => {
    const zo = gi * T * p;
    const vg = new Float64Array(T);
    for (const a of patterns[g.pattern]!.obs) {
      let s = 0;
      for (const c of g.support) s += ev.z[zo + a * p + c]! * d[c]!;
      vg[a] = s;
    }
    return vg;
  });
  const acc = new Float64Array(T * T);
  for (const pt of patients) {
    const vg = v[pt.group]!;
    const obs = pt.obs;
    for (let i = 0; i < obs.length; i++) for (let k = i; k < obs.length; k++) acc[obs[i]! * T + obs[k]!]! += vg[obs[i]!]! * vg[obs[k]!]!;
  }
  return Float64Array.from(pairs, ([a, b]) => acc[a * T + b]! * (a === b ? 1 : 2));
}

function startingValues(
  patients: Patient[],
  T: number,
  p: number,
  evaluate: (s: Float64Array) => Evaluation | null,
  pairs: [number, number][],
): Float64Array {
  const identity = new Float64Array(T * T);
  for (let t = 0; t < T; t++) identity[t * T + t] = 1;
  const ols = evaluate(identity);
  if (!ols) throw new HtaError('analysis.failed', 'MMRM: the fixed-effects design is rank deficient.');
  const sum = new Float64Array(T * T);
  const count = new Float64Array(T * T);
  for (const pt of patients) {
    const r = new Float64Array(T);
    pt.obs.forEach((t, i) => {
      let fitted = 0;
      for (let c = 0; c < p; c++) fitted += pt.x[i * p + c]! * ols.beta[c]!;
      r[t] = pt.y[i]! - fitted;
    });
    for (const a of pt.obs) {
      for (const b of pt.obs) {
        sum[a * T + b]! += r[a]! * r[b]!;
        count[a * T + b]! += 1;
      }
    }
  }
  const theta = Float64Array.from(pairs, ([a, b]) => sum[a * T + b]! / count[a * T + b]!);
  if (choleskyLower(toSigma(theta, pairs, T), T)) return theta;
  return Float64Array.from(pairs, ([a, b]) => (a === b ? sum[a * T + a]! / count[a * T + a]! : 0));
}

function lineSearch(
  theta: Float64Array,
  step: Float64Array,
  logLik: number,
  evaluate: (s: Float64Array) => Evaluation | null,
  pairs: [number, number][],
  T: number,
): { theta: Float64Array; eval: Evaluation } | null {
  let scale = 1;
  for (let halving = 0; halving < 30; halving++, scale /= 2) {
    const candidate = Float64Array.from(theta, (v, k) => v + scale * step[k]!);
    const ev = evaluate(toSigma(candidate, pairs, T));
    if (ev && ev.logLik >= logLik - 1e-12 * Math.abs(logLik)) return { theta: candidate, eval: ev };
  }
  return null;
}

function solveSymmetric(a: Float64Array, n: number, b: Float64Array): Float64Array | null {
  const l = choleskyLower(a, n);
  if (!l) return null;
  const x = Float64Array.from(b);
  choleskySolveInPlace(l, n, x);
  return x;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
