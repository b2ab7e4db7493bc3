/**
 * The repeated-measures and missing-data analyses of one outcome: MMRM over every follow-up visit
 * (REML, unstructured covariance, Satterthwaite df; = nlme::gls with corSymm + varIdent), and
 * multiple imputation by chained equations (PMM, as mice) with ANCOVA on each completed data set
 * pooled by Rubin's rules (Barnard–Rubin df), plus the delta-adjusted tipping point.
 */
import { HtaError } from '../errors.js';
import type { Direction } from '../instruments/instrument.js';
import { chainedEquations } from '../stats/missing/chained-equations.js';
import { miAncova } from '../stats/missing/mi-ancova.js';
import { miMonteCarloErrorWithP, monteCarloErrorsOver, type VerdictEdge, verdictEdges } from '../stats/missing/mi-monte-carlo.js';
import { mmrm, type MmrmResult } from '../stats/missing/mmrm.js';
import { tippingPoint, type TippingPointResult } from '../stats/missing/tipping-point.js';
import { covariatesOver, type ImputationWide, type OutcomeWide } from '../trial/outcome-wide.js';
import type { EffectEstimate } from './effect-estimate.js';
import { TIPPING_SEARCH_MCIDS } from './tipping-search.js';
import type { Sensitivity } from './results-schema.js';

/** The covariates of a model as the plan names them, one name for a categorical covariate's dummy columns. */
function covariateNames(wide: Pick<OutcomeWide, 'covariateValues'>): string[] {
  return wide.covariateValues.map((c) => c.name);
}

/** The follow-up visits where at least one patient was observed. */
export function observedVisits(wide: Pick<OutcomeWide, 'visits' | 'followUp'>): string[] {
  return wide.visits.filter((v) => wide.followUp[v]?.some((x) => x !== null));
}

/** MMRM on all follow-up visits; one contrast per requested time. */
export function mmrmEffects(wide: OutcomeWide, times: readonly string[], confLevel: number): Map<string, EffectEstimate> {
  const id: string[] = [];
  const time: string[] = [];
  const treated: number[] = [];
  const baseline: number[] = [];
  const y: (number | null)[] = [];
  // Only visits where someone was observed enter the model (an empty visit has no variance).
  const visits = observedVisits(wide);
  // One observed visit is nothing to model jointly: the row is "not computed", not a usage error of mmrm().
  if (visits.length === 1) throw new HtaError('analysis.failed', `MMRM needs observed scores at 2 follow-up visits or more; only ${visits[0]} has any, so this row is skipped`);
  if (!visits.length) return new Map();
  // The model's patients are those observed at some visit: the covariates are coded over them.
  const inModel = wide.ids.map((_, i) => visits.some((v) => (wide.followUp[v]?.[i] ?? null) !== null));
  const coded = covariatesOver(wide, inModel);
  const cov = coded.map((c) => ({ name: c.name, values: [] as number[] }));
  let row = -1;
  wide.ids.forEach((pid, i) => {
    if (!inModel[i]) return;
    row++;
    for (const v of visits) {
      const value = wide.followUp[v]?.[i] ?? null;
      if (value === null) continue;
      id.push(pid);
      time.push(v);
      treated.push(wide.treated[i] as number);
      baseline.push(wide.baseline[i] as number);
      y.push(value);
      coded.forEach((c, k) => cov[k]!.values.push(c.values[row]!));
    }
  });
  const fit: MmrmResult = mmrm({ id, time, treated, baseline, y, covariates: cov }, { timeLevels: visits, confLevel });
  const out = new Map<string, EffectEstimate>();
  for (const t of times) {
    const c = fit.contrasts.find((x) => x.time === t);
    if (!c) continue;
    out.set(t, {
      n: { intervention: c.nIntervention, control: c.nControl },
      difference: c.estimate, se: c.se, df: c.df, ciLower: c.ciLower, ciUpper: c.ciUpper, confLevel, pValue: c.pValue,
      ciMethod: 't (Satterthwaite df; REML, unstructured covariance)',
      // Named as the plan names them (`sex`, not its dummy column `sexM`), as on every other row.
      extra: { covariates: ['arm × visit', 'baseline × visit', ...covariateNames(wide)], details: { patientsInModel: fit.nPatients, visitsInModel: visits, estimation: 'REML', covariance: 'unstructured', dfMethod: 'satterthwaite' } },
    });
  }
  return out;
}

export interface MiRun {
  completed: Record<string, number[]>[];
  missing: Record<string, boolean[]>;
  m: number;
  seed: number;
  method: 'pmm' | 'norm';
  /** Each arm imputed on its own (the plan's `"missing": { "byArm": true }`). */
  byArm?: boolean;
}

/** How the imputation model is built beyond the outcome, arm, baseline and covariates (docs/plan-trial.md#multiple-imputation). */
export interface ImputationModel {
  /** Impute each arm separately: the control arm from the plan's seed, the intervention arm from seed + 1. */
  byArm?: boolean;
}

const col = (t: string) => `y_${t}`;

/**
 * Imputes every follow-up visit jointly (with arm, baseline and covariates as predictors), and a
 * missing baseline or covariate with them (docs/plan-trial.md#multiple-imputation): each column
 * with missing values is imputed from all the others, a two-level categorical covariate's 0/1
 * column by logistic regression, the dummies of one of more levels together by multinomial
 * regression. Without missing baselines or covariates the columns, and so the
 * random stream and the completed data sets, are those of the follow-ups alone.
 */
export function imputeOutcome(wide: ImputationWide, m: number, seed: number, onProgress?: (done: number, total: number) => void, method: 'pmm' | 'norm' = 'pmm', model: ImputationModel = {}): MiRun {
  const visits = observedVisits(wide);
  // Auxiliary variables after the covariates: without them the columns, and so the random
  // stream, are those of before (docs/plan-trial.md#multiple-imputation).
  const columnsOf = (rows: (xs: readonly (number | null)[]) => (number | null)[], withArm: boolean) => [
    ...(withArm ? [{ name: 'treated', values: rows(wide.treated) }] : []),
    { name: 'baseline', values: rows(wide.baseline) },
    ...[...wide.covariates, ...(wide.auxiliary ?? [])].map((c) => ({ name: c.name, values: rows(c.values), ...(c.method ? { method: c.method } : {}), ...(c.group ? { group: c.group } : {}) })),
    ...visits.map((v) => ({ name: col(v), values: rows(wide.followUp[v] ?? []) })),
  ];
  const words = (column: string) => columnWords(column, wide.imputedCovariates);
  if (!model.byArm) {
    const r = namedImputation(words, () => chainedEquations(columnsOf((xs) => [...xs], true), { m, seed, method, ...(onProgress ? { onProgress } : {}) }));
    return { completed: r.completed, missing: r.missing, m, seed, method };
  }
  return imputeByArm(wide.treated, columnsOf, m, seed, method, onProgress, words);
}

/**
 * One arm's chained equations, a column with too few observed values in that arm, or whose
 * imputation model cannot be fitted there, said in the plan's words: the arm, and an auxiliary variable by its column name (not MI's internal `aux:`
 * name) — the rule is "at least 2 observed values in each arm" (docs/plan-trial.md#multiple-imputation).
 */
function armImputation<T>(arm: number, run: () => T, words: (column: string) => string): T {
  try {
    return run();
  } catch (e) {
    const arms = arm === 1 ? 'intervention' : 'control';
    const unfit = e instanceof HtaError ? LOGREG_UNFIT.exec(e.message) : null;
    if (unfit) throw new HtaError('analysis.failed', `multiple imputation by arm: ${words(unfit[1]!)} could not be imputed in the ${arms} arm: the logistic imputation model could not be fitted: it is singular even with a ridge (look for extreme values among the other columns of the imputation model)`);
    const few = e instanceof HtaError ? /^Column (.*) has only (\d+) observed values; at least 2 are needed to impute it\.$/.exec(e.message) : null;
    if (!few) throw e;
    const [, column, k] = few;
    throw new HtaError('analysis.failed', `multiple imputation by arm: ${words(column!)} has ${k} observed ${k === '1' ? 'value' : 'values'} in the ${arms} arm; at least 2 are needed`);
  }
}

/** chained-equations.ts's error for a logistic imputation model that cannot be fitted (mice-logreg.ts). */
const LOGREG_UNFIT = /^Column (.*) could not be imputed: the logistic imputation model could not be fitted: it is singular even with a ridge \(look for extreme values among the other columns of the imputation model\)\.$/;

/** Both arms' chained equations: a logistic model that cannot be fitted said in the plan's words. */
function namedImputation<T>(words: (column: string) => string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    const unfit = e instanceof HtaError ? LOGREG_UNFIT.exec(e.message) : null;
    if (!unfit) throw e;
    throw new HtaError('analysis.failed', `multiple imputation: ${words(unfit[1]!)} could not be imputed: the logistic imputation model could not be fitted: it is singular even with a ridge (look for extreme values among the other columns of the imputation model)`);
  }
}

/**
 * An MI column in the plan's words: an auxiliary variable by its column name (not MI's internal
 * `aux:` name), a two-level covariate's 0/1 column (`sexM`) by the covariate (`sex`).
 */
function columnWords(column: string, imputed: ImputationWide['imputedCovariates']): string {
  if (column.startsWith('aux:')) return `auxiliary variable '${column.slice(4)}'`;
  const covariate = imputed
    .filter((c) => c.imputation === 'logreg' && column.startsWith(c.name))
    .reduce<string | undefined>((best, c) => (best === undefined || c.name.length > best.length ? c.name : best), undefined);
  return covariate === undefined ? `column '${column}'` : `covariate '${covariate}'`;
}

/**
 * Each arm imputed on its own chained equations, without the arm as a predictor (so every
 * coefficient of the imputation model differs by arm: R `mice` on each arm's rows, then `rbind`):
 * the control arm from `seed`, the intervention arm from `seed + 1`, each arm's patients in the
 * wide table's (id) order; the completed data sets put the rows back in that order, with the
 * arm column, so that the ANCOVA and the tipping point read them as one imputation's.
 */
function imputeByArm(
  treated: readonly number[],
  columnsOf: (rows: (xs: readonly (number | null)[]) => (number | null)[], withArm: boolean) => { name: string; values: (number | null)[] }[],
  m: number,
  seed: number,
  method: 'pmm' | 'norm',
  onProgress: ((done: number, total: number) => void) | undefined,
  words: (column: string) => string,
): MiRun {
  const completed: Record<string, number[]>[] = Array.from({ length: m }, () => ({ treated: [...treated] }));
  const missing: Record<string, boolean[]> = { treated: treated.map(() => false) };
  [0, 1].forEach((arm) => {
    const rows = treated.flatMap((t, i) => (t === arm ? [i] : []));
    if (rows.length === 0) throw new HtaError('analysis.failed', `multiple imputation by arm: the ${arm === 1 ? 'intervention' : 'control'} arm has no patients`);
    const progress = onProgress ? (done: number, total: number) => onProgress(arm * total + done, 2 * total) : undefined;
    const r = armImputation(arm, () => chainedEquations(columnsOf((xs) => rows.map((i) => xs[i] ?? null), false), { m, seed: seed + arm, method, ...(progress ? { onProgress: progress } : {}) }), words);
    for (const [name, mask] of Object.entries(r.missing)) {
      const out = (missing[name] ??= treated.map(() => false));
      rows.forEach((i, k) => (out[i] = mask[k]!));
    }
    r.completed.forEach((data, l) => {
      for (const [name, values] of Object.entries(data)) {
        const out = (completed[l]![name] ??= treated.map(() => Number.NaN));
        rows.forEach((i, k) => (out[i] = values[k]!));
      }
    });
  });
  return { completed, missing, m, seed, method, byArm: true };
}

/**
 * A visit where nobody was observed is not imputed (there is nothing to impute from): its row is
 * "not computed", as MMRM's, never the completed data sets' missing column.
 */
function observedAt(run: MiRun, time: string): void {
  if (!run.completed[0]?.[col(time)]) throw new HtaError('analysis.failed', `no patient was observed at ${time}`);
}

/**
 * The MI + ANCOVA row of one visit. With `verdict` (the row's MCID, if any, direction and the plan's alpha), the
 * row also says when its verdict is at its edge — p, a CI limit or the estimate within ±1.96 Monte
 * Carlo SE of a cut-off whose crossing changes the verdict (`verdictAtEdge`, only then;
 * docs/plan-trial.md#verdict-at-its-edge).
 */
export function miEffect(wide: ImputationWide, run: MiRun, time: string, confLevel: number, verdict?: { mcid: number | undefined; direction: Direction; alpha: number }): EffectEstimate {
  observedAt(run, time);
  const r = miAncova(run.completed, { outcome: col(time), treated: 'treated', baseline: 'baseline', covariates: wide.covariates.map((c) => c.name), confLevel });
  const { pValue: pMcse, ...monteCarloError } = miMonteCarloErrorWithP(r.perImputation.map((q) => q.estimate), r.perImputation.map((q) => q.variance), r.dfComplete, confLevel, r);
  const edges = verdict
    ? verdictEdges({ difference: r.estimate, ciLower: r.ciLower, ciUpper: r.ciUpper, pValue: r.pValue }, { ...monteCarloError, ...(pMcse === undefined ? {} : { pValue: pMcse }) }, {
        alpha: verdict.alpha, ...(verdict.mcid === undefined ? {} : { mcid: verdict.mcid }), direction: verdict.direction, imputations: run.m, suggestedImputations: monteCarloError.suggestedImputations,
      })
    : [];
  return {
    n: { intervention: r.nIntervention, control: r.nControl },
    difference: r.estimate, se: r.se, df: r.df, ciLower: r.ciLower, ciUpper: r.ciUpper, confLevel, pValue: r.pValue,
    ciMethod: `t (Barnard-Rubin df; Rubin's rules over MI by chained equations, ${run.method === 'pmm' ? 'PMM' : 'Bayesian normal regression'})`,
    extra: {
      // The plan's covariates (`sex`), not the imputation's coded columns (`sexM`): the rows of one
      // sensitivity table name one adjustment set (docs/data-contracts.md).
      covariates: ['baseline', ...covariateNames(wide)],
      details: {
        imputations: run.m, seed: run.seed, imputationMethod: `${run.method} (chained equations)`, fractionMissingInformation: r.fmi, dfComplete: r.dfComplete,
        // White et al. (2011): how far another seed could move the estimate and its CI limits.
        monteCarloError,
        // Only when it happened, so that results without missing baselines or covariates keep their bytes.
        ...(wide.imputedBaselines ? { imputedBaselines: wide.imputedBaselines } : {}),
        ...(wide.imputedCovariates.length ? { imputedCovariates: wide.imputedCovariates } : {}),
        ...(wide.leftOut.patients ? { leftOutMissingCategoricalCovariate: wide.leftOut } : {}),
        // The imputation model's auxiliary variables (in it, not in the ANCOVA) and whether each arm was imputed alone: only when the plan says so.
        ...(wide.auxiliaryValues?.length ? { auxiliaryVariables: wide.auxiliaryValues.map((c) => ({ column: c.name, imputedPatients: c.values.filter((v) => v === null).length })) } : {}),
        ...(run.byArm ? { imputedByArm: true } : {}),
      },
      // Only when another seed may flip the verdict, so that other results keep their bytes.
      ...(edges.length ? { verdictAtEdge: edges } : {}),
    },
  };
}

// The search's limit in MCIDs (tipping-search.ts), exported here too for the analysis' callers.
export { TIPPING_SEARCH_MCIDS };

/** How far the imputed intervention values must be shifted against the app to lose significance (0 … TIPPING_SEARCH_MCIDS × MCID). */
export function tippingPointFor(wide: ImputationWide, run: MiRun, time: string, direction: Direction, mcid: number, alpha: number): TippingPointResult {
  observedAt(run, time);
  const step = mcid / 10;
  const deltas = Array.from({ length: 10 * TIPPING_SEARCH_MCIDS + 1 }, (_, i) => i * step); // 0 … 2 × MCID; bisection refines
  const imputed = (run.missing[col(time)] ?? []).map((miss, i) => miss && wide.treated[i] === 1);
  return tippingPoint(run.completed, imputed, {
    outcome: col(time), treated: 'treated', baseline: 'baseline', covariates: wide.covariates.map((c) => c.name),
    deltas, direction, alpha, confLevel: 1 - alpha,
  });
}

/**
 * The warning when an outcome's MI rows carry a large Monte Carlo error (docs/plan-trial.md#monte-carlo-error):
 * every visit whose MCSE passes 10% of its SE — the primary one first, marked — with the imputations
 * White et al. (2011) ask for (the most any of them asks). Nothing when every MCSE is at most 10% of its SE.
 */
export function monteCarloWarning(outcome: string, rows: readonly { time: string; se?: number | null; details?: Record<string, unknown> }[], primaryTime?: string): string | null {
  const over = monteCarloErrorsOver(rows);
  if (!over.length) return null;
  const ordered = [...over.filter((o) => o.time === primaryTime), ...over.filter((o) => o.time !== primaryTime)];
  const list = (xs: string[]) => (xs.length === 1 ? xs[0]! : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]!}`);
  const times = list(ordered.map((o) => (o.time === primaryTime ? `${o.time} (primary)` : o.time)));
  const shares = list(ordered.map((o) => `${Math.round(100 * o.share)}%`));
  const mcses = list(ordered.map((o) => `±${String(Number(o.mcse.toPrecision(2)))}`));
  const m = ordered[0]!.m;
  const it = ordered.length === 1 ? 'it' : 'each';
  return `multiple imputation of ${outcome} at ${times}: the pooled estimate's Monte Carlo error is ${shares} of its SE (${mcses} with m = ${m} imputations; another seed can move ${it} by about twice that); White et al. (2011) advise at most 10%: set "m": ${ordered[0]!.suggested} or more in the plan's "missing"`;
}

/**
 * The warnings when another imputation seed may flip an outcome's MI verdict (`verdictAtEdge`,
 * docs/plan-trial.md#verdict-at-its-edge): one per visit (the sensitivity table repeats the
 * primary row), saying the quantity nearest its cut-off — p first — with its Monte Carlo error and
 * the imputations that would settle it.
 */
export function verdictEdgeWarnings(outcome: string, rows: readonly { time: string; verdictAtEdge?: readonly VerdictEdge[]; details?: Record<string, unknown> }[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of rows) {
    const e = r.verdictAtEdge?.[0];
    if (!e || seen.has(r.time)) continue;
    seen.add(r.time);
    const n = (x: number) => String(Number(x.toPrecision(3)));
    // p's error to p's 3 decimals ("0.048 ± 0.004"); a limit's to 2 significant digits.
    const mc = e.quantity === 'pValue' && e.mcse >= 0.001 ? e.mcse.toFixed(3) : String(Number(e.mcse.toPrecision(e.quantity === 'pValue' ? 1 : 2)));
    const m = r.details?.imputations as number;
    const what = e.quantity === 'pValue'
      ? `p = ${e.value.toFixed(3)} ± ${mc} (Monte Carlo error); with m = ${m} imputations another seed may give p ${e.value < e.cutoff ? '>' : '<'} ${e.cutoff}`
      : `the ${EDGE_NAME[e.quantity]} = ${n(e.value)} ± ${mc} (Monte Carlo error); with m = ${m} imputations another seed may put it ${e.value >= e.cutoff ? 'below' : 'above'} ${n(e.cutoff)} (${e.cutoff > 0 ? 'the MCID' : 'minus the MCID'})`;
    out.push(`multiple imputation of ${outcome} at ${r.time}: the verdict depends on the imputation: ${what}; re-run with more imputations (set "m": ${e.settlingImputations} or more in the plan's "missing")`);
  }
  return out;
}

const EDGE_NAME = { ciLower: "CI's lower limit", ciUpper: "CI's upper limit", estimate: 'estimated difference' } as const;

/**
 * The tipping point as results.json gives it (`sensitivity.tippingPoint`): `maxDelta` the largest
 * shift tried, and `beyondMaxDelta` when the result stayed significant at every one of them — the
 * tipping point lies beyond the search, which a null `tippingDelta` alone does not say (it is also
 * null when the result is not significant without a shift).
 */
export function tippingResult(t: TippingPointResult, direction: Direction, mcid: number): NonNullable<Sensitivity['tippingPoint']> {
  return {
    method: 'delta-adjusted-mi', direction, nImputedIntervention: t.nImputedIntervention, significantAtZero: t.significantAtZero,
    tippingDelta: t.tippingDelta, maxDelta: TIPPING_SEARCH_MCIDS * mcid,
    beyondMaxDelta: t.significantAtZero && t.nImputedIntervention > 0 && t.tippingDelta === null,
    rows: t.rows.map((r) => ({ delta: r.delta, estimate: r.estimate, ciLower: r.ciLower, ciUpper: r.ciUpper, pValue: r.pValue })),
  };
}
