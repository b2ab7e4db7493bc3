/**
 * One outcome in wide form for the repeated-measures analyses: per randomised patient with a
 * baseline value, the arm, the baseline, the value at every follow-up visit (null = missing) and
 * the plan's covariates dummy-coded (categorical: treatment coding, reference = first level in
 * sorted order, as R's factor default and `ancova`). Patients missing a covariate are left out.
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
  const visits = trial.times.filter((t) => t !== trial.plan.baseline);
  const value = new Map<string, number>();
  for (const o of trial.observations) {
    const v = o.scores[key];
    if (v !== null && v !== undefined) value.set(`${o.id}\u0000${o.time}`, v);
  }
  const covNames = trial.plan.covariates;
  const patients = trial.patients.filter(
    (p) => value.has(`${p.id}\u0000${trial.plan.baseline}`) && covNames.every((c) => p.covariates[c] !== null && p.covariates[c] !== undefined),
  );
  const covariates: { name: string; values: number[] }[] = [];
  for (const c of covNames) {
    const raw = patients.map((p) => p.covariates[c] as string | number);
    if (raw.some((v) => typeof v === 'string')) {
      const labels = raw.map(String);
      const levels = [...new Set(labels)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const level of levels.slice(1)) covariates.push({ name: `${c}${level}`, values: labels.map((l) => (l === level ? 1 : 0)) });
    } else {
      covariates.push({ name: c, values: raw as number[] });
    }
  }
  const followUp: Record<string, (number | null)[]> = {};
  for (const t of visits) followUp[t] = patients.map((p) => value.get(`${p.id}\u0000${t}`) ?? null);
  return {
    ids: patients.map((p) => p.id),
    treated: patients.map((p) => (p.arm === 'intervention' ? 1 : 0)),
    baseline: patients.map((p) => value.get(`${p.id}\u0000${trial.plan.baseline}`) as number),
    visits,
    followUp,
    covariates,
  };
}
