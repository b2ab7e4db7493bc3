/**
 * ANCOVA on raked weights, with a design-based (linearisation) standard error that accounts for
 * the raking: the effect of the trial transported to a target population's margins.
 *
 *   β̂ = (XᵀWX)⁻¹XᵀWy (weighted least squares), eᵢ = yᵢ − xᵢβ̂
 *   zᵢ = wᵢ·eᵢ·xᵢ(XᵀWX)⁻¹  (influence of unit i)
 *   raking adjustment (10 passes, as survey's svyrecvar): for each margin m,
 *     zᵢ ← zᵢ − wᵢ · mean_{j in i's level of m}(zⱼ / wⱼ)
 *   V = n/(n − 1) · Σ (zᵢ − z̄)(zᵢ − z̄)ᵀ,  SE = √V_arm,arm,  df = n − p,
 *   CI = β̂_arm ± t₍₁₋α/₂, df₎·SE
 *
 * = R `svyglm(y ~ arm + baseline + covs, design = rake(svydesign(ids = ~1, weights = ~1, …)))`
 * with `coef`, `SE`, `confint` and `summary` p (test/reference/subgroups.R).
 * Reference: Lumley T (2010), Complex Surveys: A Guide to Analysis Using R, Wiley, ch. 7
 * (raking) and 5 (regression); Cole SR, Stuart EA (2010), Am J Epidemiol 172:107–115,
 * doi:10.1093/aje/kwq084 (generalising trial results to a target population).
 * Preconditions: as `ancova` (two arms with ≥ 2 patients, full rank), weights > 0.
 */
import { type AncovaCovariate, covariateColumns } from './ancova.js';
import { analysisFailed } from './arm-size.js';
import { tInterval } from './distributions.js';
import { ols } from './ols.js';

export interface RakedAncovaInput {
  outcome: readonly number[];
  baseline: readonly number[];
  treated: readonly number[];
  covariates?: readonly AncovaCovariate[];
  weights: readonly number[];
  /** Level index of each unit per raking margin (for the variance adjustment). */
  margins: readonly (readonly number[])[];
}

export interface RakedAncovaResult {
  difference: number;
  se: number;
  df: number;
  ciLower: number;
  ciUpper: number;
  pValue: number;
  n: { intervention: number; control: number };
}

export function rakedAncova(input: RakedAncovaInput, confLevel: number): RakedAncovaResult {
  const { outcome, baseline, treated, weights } = input;
  const n = outcome.length;
  const armN = { intervention: treated.filter((t) => t === 1).length, control: treated.filter((t) => t === 0).length };
  for (const a of ['intervention', 'control'] as const) if (armN[a] < 2) throw analysisFailed(`fewer than 2 patients in the ${a} arm (found ${armN[a]})`, armN);
  const refs: Record<string, string> = {};
  const cols = [{ name: 'arm', values: [...treated] }, { name: 'baseline', values: [...baseline] }, ...(input.covariates ?? []).flatMap((c) => covariateColumns(c, n, refs))];
  const X = outcome.map((_, i) => [1, ...cols.map((c) => c.values[i] as number)]);
  const names = ['(Intercept)', ...cols.map((c) => c.name)];
  const p = names.length;
  const sw = weights.map((w) => Math.sqrt(w));
  // WLS as OLS on √w-scaled rows: β̂ and (XᵀWX)⁻¹ = Cov/σ̂².
  const fit = ols(X.map((r, i) => r.map((v) => v * (sw[i] as number))), outcome.map((y, i) => y * (sw[i] as number)), names);
  const beta = fit.coefficients.map((c) => c.estimate);
  const s2 = fit.sigma * fit.sigma;
  const A = fit.covariance.map((r) => r.map((v) => v / s2));
  const z = X.map((x, i) => {
    const e = (outcome[i] as number) - x.reduce((s, v, j) => s + v * (beta[j] as number), 0);
    const u = x.map((v) => v * (weights[i] as number) * e);
    return A.map((_, k) => u.reduce((s, v, j) => s + v * ((A[j] as number[])[k] as number), 0));
  });
  for (let pass = 0; pass < 10; pass++) {
    for (const group of input.margins) {
      const sums = new Map<number, number[]>();
      const counts = new Map<number, number>();
      group.forEach((g, i) => {
        const acc = sums.get(g) ?? new Array<number>(p).fill(0);
        (z[i] as number[]).forEach((v, k) => (acc[k] = (acc[k] as number) + v / (weights[i] as number)));
        sums.set(g, acc);
        counts.set(g, (counts.get(g) ?? 0) + 1);
      });
      group.forEach((g, i) => {
        const acc = sums.get(g) as number[];
        const c = counts.get(g) as number;
        z[i] = (z[i] as number[]).map((v, k) => v - (weights[i] as number) * ((acc[k] as number) / c));
      });
    }
  }
  const armCol = 1;
  const mean = z.reduce((s, r) => s + (r[armCol] as number), 0) / n;
  const v = (z.reduce((s, r) => s + ((r[armCol] as number) - mean) ** 2, 0) * n) / (n - 1);
  const se = Math.sqrt(v);
  const df = n - p;
  const difference = beta[armCol] as number;
  const t = tInterval(difference, se, df, confLevel);
  return { difference, se, df, ciLower: t.ciLower, ciUpper: t.ciUpper, pValue: t.pValue, n: armN };
}
