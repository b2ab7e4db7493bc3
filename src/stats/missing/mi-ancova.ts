import { HtaError } from '../../errors.js';
import { ols } from '../ols.js';
import { leastSquares, type LeastSquaresFit } from './least-squares.js';
import { poolRubin, type RubinPooled } from './rubin-rules.js';

/** Which columns of the completed data sets make up the ANCOVA. */
export interface MiAncovaSpec {
  /** Follow-up outcome column, e.g. 'y_9m'. */
  outcome: string;
  /** 0/1 arm column (1 = intervention). */
  treated: string;
  /** Baseline column of the outcome. */
  baseline: string;
  /** Further numeric (dummy-coded) covariate columns. */
  covariates?: readonly string[];
  confLevel?: number;
}

export interface MiAncovaResult extends RubinPooled {
  analysis: 'ancova';
  /** Rows per completed data set. */
  n: number;
  nIntervention: number;
  nControl: number;
  /** Per imputation: arm coefficient and its variance (for audit / tipping point). */
  perImputation: { estimate: number; variance: number }[];
}

/** Design of one OLS ANCOVA, y = a + b·treated + c·baseline + Σ d_k·cov_k + e: rows [1, treated, baseline, …]. */
export function ancovaDesign(
  data: Record<string, readonly number[]>,
  spec: MiAncovaSpec,
): { x: number[][]; y: readonly number[]; p: number } {
  const cols = [spec.treated, spec.baseline, ...(spec.covariates ?? [])];
  for (const c of [spec.outcome, ...cols]) {
    if (!data[c]) throw new HtaError('input.invalid', `ANCOVA: completed data set has no column ${JSON.stringify(c)}.`);
  }
  const y = data[spec.outcome]!;
  const x = y.map((_, i) => [1, ...cols.map((c) => data[c]![i]!)]);
  const p = cols.length + 1;
  if (y.length - p < 1) throw new HtaError('analysis.failed', `ANCOVA: ${y.length} rows are too few for ${p} coefficients.`);
  return { x, y, p };
}

/**
 * The ANCOVA least-squares fit of `y` on `x`; refuses a collinear design instead of ridging it.
 * `names`: the design's columns after the intercept (`treated`, `baseline`, the covariates), for
 * the refusal to name the one at fault, as R's `lm` on a completed data set reports the
 * coefficient it drops (NA) — in the words of the complete-case ANCOVA's refusal (stats/ancova.ts),
 * which the report says in Danish too.
 */
export function ancovaFit(x: readonly (readonly number[])[], y: readonly number[], names?: readonly string[]): LeastSquaresFit {
  const fit = leastSquares(x, y);
  if (fit.ridge) throw new HtaError('analysis.failed', collinearReason(x, y, names));
  return fit;
}

/** Why the completed data's design is collinear: a column constant for every patient, or one the ordinary QR names; else the general words. */
function collinearReason(x: readonly (readonly number[])[], y: readonly number[], names: readonly string[] | undefined): string {
  const general = 'ANCOVA: the design is collinear (constant covariate or a single arm?).';
  if (!names || names.length + 1 !== (x[0]?.length ?? 0)) return general;
  // A single arm keeps the general words, which name it.
  if (x.every((row) => row[1] === x[0]![1])) return general;
  for (let j = 1; j < names.length; j++) {
    const first = x[0]![j + 1]!;
    if (x.every((row) => row[j + 1] === first)) {
      const what = names[j] === 'baseline' ? 'the baseline score' : `covariate '${names[j]}'`;
      return `${what} has the same value (${String(first)}) for every patient analysed, so its effect cannot be estimated; drop it from the model`;
    }
  }
  try {
    ols(x, y, ['(Intercept)', ...names.map((n, j) => (j === 0 ? 'arm' : n))]);
  } catch (err) {
    if (err instanceof HtaError && err.message.startsWith('singular design: ')) return err.message;
  }
  return general;
}

/** Arm coefficient of one OLS ANCOVA, y = a + b·treated + c·baseline + Σ d_k·cov_k + e. */
export function ancovaArmEffect(
  data: Record<string, readonly number[]>,
  spec: MiAncovaSpec,
): { estimate: number; variance: number; dfResidual: number } {
  const { x, y, p } = ancovaDesign(data, spec);
  const fit = ancovaFit(x, y, [spec.treated, spec.baseline, ...(spec.covariates ?? [])]);
  const sigma2 = fit.rss / (y.length - p);
  return { estimate: fit.coefficients[1]!, variance: sigma2 * fit.covUnscaled[1 * p + 1]!, dfResidual: y.length - p };
}

/**
 * ANCOVA on each of m completed data sets, pooled by Rubin's rules:
 *
 *   per imputation l: y = a + τ·treated + c·baseline + γᵀcovariates + e by OLS (QR);
 *   q_l = τ̂_l, u_l = σ̂²_l·[(XᵀX)⁻¹]_ττ, ν_com = n − p  →  poolRubin(q, u, ν_com)
 *
 * R equivalent: `pool(with(imp, lm(y ~ arm + baseline + covariates)))`, row `arm`.
 * References: Rubin DB (1987) doi:10.1002/9780470316696; Barnard J, Rubin DB (1999)
 * doi:10.1093/biomet/86.4.948; van Buuren & Groothuis-Oudshoorn (2011) doi:10.18637/jss.v045.i03.
 *
 * Preconditions: ≥ 2 completed data sets, each with the named columns, no missing values, both arms.
 * @example miAncova(imp.completed, { outcome: 'y_9m', treated: 'arm', baseline: 'baseline' }).estimate
 */
export function miAncova(completed: readonly Record<string, readonly number[]>[], spec: MiAncovaSpec): MiAncovaResult {
  if (completed.length < 2) throw new HtaError('analysis.failed', `MI ANCOVA needs at least 2 completed data sets, got ${completed.length}.`);
  const perImputation = completed.map((d) => ancovaArmEffect(d, spec));
  const pooled = poolRubin(
    perImputation.map((r) => r.estimate),
    perImputation.map((r) => r.variance),
    perImputation[0]!.dfResidual,
    spec.confLevel ?? 0.95,
  );
  const arm = completed[0]![spec.treated]!;
  const nIntervention = arm.filter((v) => v === 1).length;
  return {
    ...pooled,
    analysis: 'ancova',
    n: arm.length,
    nIntervention,
    nControl: arm.length - nIntervention,
    perImputation: perImputation.map(({ estimate, variance }) => ({ estimate, variance })),
  };
}
