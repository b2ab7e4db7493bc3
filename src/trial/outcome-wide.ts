/**
 * One outcome in wide form for the repeated-measures analyses: per randomised patient with a
 * baseline value, the arm, the baseline, the value at every follow-up visit (null = missing) and
 * the plan's covariates dummy-coded (categorical: treatment coding, reference = first level in
 * sorted order, as R's factor default and `ancova`). Patients missing a covariate are left out
 * (MMRM's complete-covariate model); `imputationWide` keeps those missing a numeric covariate.
 */
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
  const covNames = trial.plan.covariates;
  const withBaseline = trial.patients.filter((p) => value.has(`${p.id}\u0000${trial.plan.baseline}`));
  // A covariate is categorical when any of its values is a string (load-trial.ts's covariateTypes).
  const categorical = new Set(covNames.filter((c) => withBaseline.some((p) => typeof p.covariates[c] === 'string')));
  const required = keepNumeric ? covNames.filter((c) => categorical.has(c)) : covNames;
  const patients = withBaseline.filter((p) => required.every((c) => !isMissing(p.covariates[c])));
  const covariates: { name: string; values: (number | null)[] }[] = [];
  for (const c of covNames) {
    const raw = patients.map((p) => p.covariates[c] as string | number | null);
    // Coded by the kept patients' values, as before imputation kept any (a required column has no null).
    if (raw.some((v) => typeof v === 'string')) {
      const labels = raw.map(String);
      const levels = [...new Set(labels)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const level of levels.slice(1)) covariates.push({ name: `${c}${level}`, values: labels.map((l) => (l === level ? 1 : 0)) });
    } else {
      covariates.push({ name: c, values: raw.map((v) => (isMissing(v) ? null : (v as number))) });
    }
  }
  const followUp: Record<string, (number | null)[]> = {};
  for (const t of visits) followUp[t] = patients.map((p) => value.get(`${p.id}\u0000${t}`) ?? null);
  const base = {
    ids: patients.map((p) => p.id),
    treated: patients.map((p) => (p.arm === 'intervention' ? 1 : 0)),
    baseline: patients.map((p) => value.get(`${p.id}\u0000${trial.plan.baseline}`) as number),
    visits,
    followUp,
    covariates,
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
