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
}

interface Evaluation {
  logLik: number;
  beta: Float64Array;
  phi: Float64Array;
  /** Symmetric T×T matrix G with ∂ℓ/∂σ_ab = G_ab·(a ≠ b ? 2 : 1). */
  grad: Float64Array;
  /** Per patient: embedded V_i⁻¹ (T×T), Z_i = V_i⁻¹X_i (T×p) and u_i = V_i⁻¹r_i (T). */
  w: Float64Array[];
  z: Float64Array[];
  u: Float64Array[];
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
 * finite-difference `apVar`; that moved its df by up to 2.3 % on the fixtures, whereas an
 * independent R computation with numDeriv agrees with this function to ~1e-5. (The `mmrm` R
 * package is not installed here and was not compared.)
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

  const evaluate = (sigma: Float64Array): Evaluation | null => evaluateReml(patients, sigma, T, p, logLikConstant);

  let theta = startingValues(patients, T, p, evaluate, pairs);
  let current = evaluate(toSigma(theta, pairs, T));
  if (!current) throw new HtaError('analysis.failed', 'MMRM: could not find positive-definite starting values for Σ.');

  const maxIter = options.maxIter ?? 200;
  let iterations = 0;
  let converged = false;
  let reason = `the iteration limit (${maxIter}) was reached`;
  for (; iterations < maxIter; iterations++) {
    const g = scoreVector(current.grad, pairs, T);
    const ai = averageInformation(patients, current, pairs, T, p);
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
    const g = contrastVarianceGradient(fit, patients, j, pairs, T, p);
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
    patients.push({ obs: entry.rows.map((r) => r.t), x, y, treated: entry.treated });
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

function evaluateReml(patients: Patient[], sigma: Float64Array, T: number, p: number, constant: number): Evaluation | null {
  const xtvx = new Float64Array(p * p);
  const xtvy = new Float64Array(p);
  const w: Float64Array[] = [];
  const z: Float64Array[] = [];
  let logDetV = 0;
  // V_i, its factor and inverse depend only on which visits a patient has: computed once per
  // pattern (patients share a handful), the same numbers as per patient.
  const byPattern = new Map<string, { logDet: number; vinv: Float64Array; wi: Float64Array }>();
  for (const pt of patients) {
    const k = pt.obs.length;
    const key = pt.obs.join(',');
    let pattern = byPattern.get(key);
    if (!pattern) {
      const v = new Float64Array(k * k);
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) v[i * k + j] = sigma[pt.obs[i]! * T + pt.obs[j]!]!;
      const l = choleskyLower(v, k);
      if (!l) return null;
      const vinv = choleskyInverse(l, k);
      const wi = new Float64Array(T * T);
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) wi[pt.obs[i]! * T + pt.obs[j]!] = vinv[i * k + j]!;
      pattern = { logDet: choleskyLogDet(l, k), vinv, wi };
      byPattern.set(key, pattern);
    }
    logDetV += pattern.logDet;
    const { vinv, wi } = pattern;
    const zi = new Float64Array(T * p);
    for (let i = 0; i < k; i++) {
      const row = pt.obs[i]! * p;
      for (let j = 0; j < k; j++) {
        const c = vinv[i * k + j]!;
        for (let c2 = 0; c2 < p; c2++) zi[row + c2]! += c * pt.x[j * p + c2]!;
      }
    }
    // XᵀV⁻¹X = Σ_rows x_rᵀ z_r; XᵀV⁻¹y = Σ_rows z_r y_r.
    for (let i = 0; i < k; i++) {
      const row = pt.obs[i]! * p;
      const yi = pt.y[i]!;
      for (let a = 0; a < p; a++) {
        const xa = pt.x[i * p + a]!;
        xtvy[a]! += zi[row + a]! * yi;
        if (xa === 0) continue;
        for (let b = 0; b < p; b++) xtvx[a * p + b]! += xa * zi[row + b]!;
      }
    }
    w.push(wi);
    z.push(zi);
  }
  symmetrizeInPlace(xtvx, p);
  const lx = choleskyLower(xtvx, p);
  if (!lx) return null;
  const beta = Float64Array.from(xtvy);
  choleskySolveInPlace(lx, p, beta);
  const phi = choleskyInverse(lx, p);
  const grad = new Float64Array(T * T);
  const u: Float64Array[] = [];
  let quad = 0;
  const zphi = new Float64Array(p);
  patients.forEach((pt, idx) => {
    const k = pt.obs.length;
    const wi = w[idx]!;
    const zi = z[idx]!;
    const r = new Float64Array(T);
    for (let i = 0; i < k; i++) {
      let fitted = 0;
      for (let c = 0; c < p; c++) fitted += pt.x[i * p + c]! * beta[c]!;
      r[pt.obs[i]!] = pt.y[i]! - fitted;
    }
    const ui = new Float64Array(T);
    for (const a of pt.obs) {
      let s = 0;
      for (const b of pt.obs) s += wi[a * T + b]! * r[b]!;
      ui[a] = s;
      quad += r[a]! * s;
    }
    u.push(ui);
    // G += ½ (−W_i + Z_iΦZ_iᵀ + u_i u_iᵀ), only on observed visits.
    for (const a of pt.obs) {
      for (let c = 0; c < p; c++) {
        let s = 0;
        for (let d = 0; d < p; d++) s += zi[a * p + d]! * phi[d * p + c]!;
        zphi[c] = s;
      }
      for (const b of pt.obs) {
        let m = 0;
        for (let c = 0; c < p; c++) m += zphi[c]! * zi[b * p + c]!;
        grad[a * T + b]! += 0.5 * (-wi[a * T + b]! + m + ui[a]! * ui[b]!);
      }
    }
  });
  const logLik = -0.5 * (logDetV + choleskyLogDet(lx, p) + quad) + constant;
  return { logLik, beta, phi, grad, w, z, u };
}

/** Average information AI_kl = ½ (∂V/∂θ_k u)ᵀ P (∂V/∂θ_l u), built from per-patient pieces. */
function averageInformation(patients: Patient[], ev: Evaluation, pairs: [number, number][], T: number, p: number): Float64Array {
  const K = pairs.length;
  const ai = new Float64Array(K * K);
  const s = Array.from({ length: K }, () => new Float64Array(p));
  const wk = Array.from({ length: K }, () => new Float64Array(T));
  const vwk = Array.from({ length: K }, () => new Float64Array(T));
  patients.forEach((pt, idx) => {
    const wi = ev.w[idx]!;
    const zi = ev.z[idx]!;
    const ui = ev.u[idx]!;
    pairs.forEach(([a, b], k) => {
      const vec = wk[k]!;
      vec.fill(0);
      vec[a]! += ui[b]!;
      if (a !== b) vec[b]! += ui[a]!;
      const out = vwk[k]!;
      for (const i of pt.obs) {
        let acc = 0;
        for (const j of pt.obs) acc += wi[i * T + j]! * vec[j]!;
        out[i] = acc;
      }
      const sk = s[k]!;
      for (const i of pt.obs) {
        const vi = vec[i]!;
        if (vi === 0) continue;
        for (let c = 0; c < p; c++) sk[c]! += zi[i * p + c]! * vi;
      }
    });
    for (let k = 0; k < K; k++) {
      for (let l = k; l < K; l++) {
        let acc = 0;
        for (const i of pt.obs) acc += wk[k]![i]! * vwk[l]![i]!;
        ai[k * K + l]! += 0.5 * acc;
      }
    }
  });
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
function contrastVarianceGradient(ev: Evaluation, patients: Patient[], j: number, pairs: [number, number][], T: number, p: number): Float64Array {
  const d = new Float64Array(p);
  for (let c = 0; c < p; c++) d[c] = ev.phi[c * p + j]!;
  const acc = new Float64Array(T * T);
  const v = new Float64Array(T);
  patients.forEach((pt, idx) => {
    const zi = ev.z[idx]!;
    for (const a of pt.obs) {
      let s = 0;
      for (let c = 0; c < p; c++) s += zi[a * p + c]! * d[c]!;
      v[a] = s;
    }
    for (const a of pt.obs) for (const b of pt.obs) acc[a * T + b]! += v[a]! * v[b]!;
  });
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
