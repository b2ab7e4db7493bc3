/**
 * One outcome in wide form for the repeated-measures analyses: per randomised patient with a
 * baseline value, the arm, the baseline, the value at every follow-up visit (null = missing) and
 * the plan's covariates dummy-coded (categorical: treatment coding, reference = first level in
 * sorted order, as R's factor default and `ancova`). Patients missing a covariate are left out
 * (MMRM's complete-covariate model); `imputationWide` keeps those missing a numeric covariate.
 */
import { HtaError } from '../errors.js';
import type { TrialData } from './trial-data.js';

export interface OutcomeWide {
  ids: string[];
  treated: number[];
  baseline: number[];
  /** Follow-up visits in order (every visit after baseline in the plan). */
  visits: string[];
  /** visit → value per patient (null = missing). */
  followUp: Record<string, (number | null)[]>;
  /** Dummy-coded covariate columns, name → values. */
  covariates: { name: string; values: number[] }[];
  /**
   * visit → per patient, whether the outcome does not apply there (its "notApplicableCodes"; the
   * value is null and never imputed: docs/plan-trial.md#not-applicable). Absent when no cell said so.
   */
  notApplicable?: Record<string, boolean[]>;
  /**
   * The plan's covariates as read, per patient (null = missing): `applicableAt` codes the
   * categorical ones again over the patients it keeps, as R's lm on that subset would.
   */
  covariateValues: RawCovariate[];
}

interface RawCovariate {
  name: string;
  values: (string | number | null)[];
}

export function outcomeWide(trial: TrialData, key: string): OutcomeWide {
  return wideOf(trial, key, false) as OutcomeWide;
}

/**
 * The wide table for multiple imputation (docs/plan-trial.md#multiple-imputation): every patient
 * with a baseline value, a missing numeric covariate kept as null (imputed in the chained
 * equations beside the follow-ups, as mice does by default). A patient missing a categorical
 * covariate is still left out (no categorical imputation method here); `leftOut` counts them,
 * per covariate, so that the exclusion is said.
 */
export interface ImputationWide extends Omit<OutcomeWide, 'covariates'> {
  covariates: { name: string; values: (number | null)[] }[];
  /** Numeric covariates with missing values among the kept patients, with how many. */
  imputedCovariates: { name: string; patients: number }[];
  /** Patients with a baseline left out for a missing categorical covariate, and which covariates. */
  leftOut: { patients: number; covariates: string[] };
}

export function imputationWide(trial: TrialData, key: string): ImputationWide {
  return wideOf(trial, key, true) as ImputationWide;
}

const isMissing = (v: string | number | null | undefined) => v === null || v === undefined;

function wideOf(trial: TrialData, key: string, keepNumeric: boolean): OutcomeWide | ImputationWide {
  const visits = trial.times.filter((t) => t !== trial.plan.baseline);
  const value = new Map<string, number>();
  for (const o of trial.observations) {
    const v = o.scores[key];
    if (v !== null && v !== undefined) value.set(`${o.id}\u0000${o.time}`, v);
  }
  const notApplicable = new Set<string>();
  const na = trial.rows.notApplicable?.[key];
  if (na) for (let i = 0; i < trial.rows.length; i++) if (na[i] === 1) notApplicable.add(`${trial.patients[trial.rows.patient[i]!]!.id}\u0000${trial.times[trial.rows.time[i]!]}`);
  const covNames = trial.plan.covariates;
  const withBaseline = trial.patients.filter((p) => value.has(`${p.id}\u0000${trial.plan.baseline}`));
  // A covariate is categorical when any of its values is a string (load-trial.ts's covariateTypes).
  const categorical = new Set(covNames.filter((c) => withBaseline.some((p) => typeof p.covariates[c] === 'string')));
  const required = keepNumeric ? covNames.filter((c) => categorical.has(c)) : covNames;
  const patients = withBaseline.filter((p) => required.every((c) => !isMissing(p.covariates[c])));
  const covariateValues = covNames.map((c) => ({ name: c, values: patients.map((p) => (isMissing(p.covariates[c]) ? null : (p.covariates[c] as string | number))) }));
  const covariates = codeCovariates(covariateValues, false);
  const followUp: Record<string, (number | null)[]> = {};
  for (const t of visits) followUp[t] = patients.map((p) => value.get(`${p.id}\u0000${t}`) ?? null);
  const notApplicableAt: Record<string, boolean[]> = {};
  for (const t of visits) notApplicableAt[t] = patients.map((p) => notApplicable.has(`${p.id}\u0000${t}`));
  const anyNotApplicable = visits.some((t) => notApplicableAt[t]!.some(Boolean));
  const base = {
    ids: patients.map((p) => p.id),
    treated: patients.map((p) => (p.arm === 'intervention' ? 1 : 0)),
    baseline: patients.map((p) => value.get(`${p.id}\u0000${trial.plan.baseline}`) as number),
    visits,
    followUp,
    covariates,
    ...(anyNotApplicable ? { notApplicable: notApplicableAt } : {}),
    covariateValues,
  };
  if (!keepNumeric) return base as OutcomeWide;
  const imputedCovariates = covNames
    .filter((c) => !categorical.has(c))
    .map((name) => ({ name, patients: patients.filter((p) => isMissing(p.covariates[name])).length }))
    .filter((c) => c.patients > 0);
  const kept = new Set(patients);
  const dropped = withBaseline.filter((p) => !kept.has(p));
  const leftOut = { patients: dropped.length, covariates: required.filter((c) => dropped.some((p) => isMissing(p.covariates[c]))) };
  return { ...base, imputedCovariates, leftOut };
}

/**
 * The covariate columns: a categorical covariate dummy-coded over the patients given (reference =
 * first level in sorted order; a required column has no null), a numeric one as it is (null kept
 * for imputation). `strict`: a categorical covariate left with one level among them is refused in
 * the complete-case ANCOVA's words (stats/ancova.ts), as R's lm refuses a one-level factor.
 */
function codeCovariates(raw: readonly RawCovariate[], strict: boolean): { name: string; values: (number | null)[] }[] {
  const covariates: { name: string; values: (number | null)[] }[] = [];
  for (const { name, values } of raw) {
    if (values.some((v) => typeof v === 'string')) {
      const labels = values.map(String);
      const levels = [...new Set(labels)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (strict && levels.length < 2) throw new HtaError('analysis.failed', `covariate '${name}' has only one level ('${levels[0] ?? ''}') among the patients analysed; drop it from the model`);
      for (const level of levels.slice(1)) covariates.push({ name: `${name}${level}`, values: labels.map((l) => (l === level ? 1 : 0)) });
    } else {
      covariates.push({ name, values: [...values] as (number | null)[] });
    }
  }
  return covariates;
}

/**
 * The patients to whom the outcome applies at `time`, for multiple imputation at that visit: the
 * others are left out (their value does not exist, so it is not imputed), and so is every other
 * follow-up visit where one of the kept patients' outcome does not apply — the imputation model
 * then holds no value that does not exist, not even as a predictor (docs/plan-trial.md#not-applicable).
 * The wide table itself when no cell said the outcome does not apply. The categorical covariates
 * are coded again over the patients kept (a level only the others had would be an all-zero column,
 * a collinear design), and the imputed-covariate counts recounted over them.
 */
export function applicableAt(wide: ImputationWide, time: string): ImputationWide {
  const na = wide.notApplicable;
  if (!na) return wide;
  const keep = wide.ids.map((_, i) => !na[time]?.[i]);
  const pick = <T>(a: readonly T[]) => a.filter((_, i) => keep[i]);
  const visits = wide.visits.filter((v) => v === time || !pick(na[v] ?? []).some(Boolean));
  const covariateValues = wide.covariateValues.map((c) => ({ name: c.name, values: pick(c.values) }));
  const covariates = codeCovariates(covariateValues, true);
  const missingIn = (name: string) => covariates.find((c) => c.name === name)?.values.filter((v) => v === null).length ?? 0;
  return {
    ids: pick(wide.ids),
    treated: pick(wide.treated),
    baseline: pick(wide.baseline),
    visits,
    followUp: Object.fromEntries(visits.map((v) => [v, pick(wide.followUp[v] ?? [])])),
    covariates,
    covariateValues,
    imputedCovariates: wide.imputedCovariates.map((c) => ({ name: c.name, patients: missingIn(c.name) })).filter((c) => c.patients > 0),
    leftOut: wide.leftOut,
  };
}
