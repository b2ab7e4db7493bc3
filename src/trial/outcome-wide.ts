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
  /**
   * visit → per patient, whether the outcome does not apply there (its "notApplicableCodes"; the
   * value is null and never imputed: docs/plan-trial.md#not-applicable). Absent when no cell said so.
   */
  notApplicable?: Record<string, boolean[]>;
}

export function outcomeWide(trial: TrialData, key: string): OutcomeWide {
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
  const notApplicableAt: Record<string, boolean[]> = {};
  for (const t of visits) notApplicableAt[t] = patients.map((p) => notApplicable.has(`${p.id}\u0000${t}`));
  const anyNotApplicable = visits.some((t) => notApplicableAt[t]!.some(Boolean));
  return {
    ids: patients.map((p) => p.id),
    treated: patients.map((p) => (p.arm === 'intervention' ? 1 : 0)),
    baseline: patients.map((p) => value.get(`${p.id}\u0000${trial.plan.baseline}`) as number),
    visits,
    followUp,
    covariates,
    ...(anyNotApplicable ? { notApplicable: notApplicableAt } : {}),
  };
}

/**
 * The patients to whom the outcome applies at `time`, for multiple imputation at that visit: the
 * others are left out (their value does not exist, so it is not imputed), and so is every other
 * follow-up visit where one of the kept patients' outcome does not apply — the imputation model
 * then holds no value that does not exist, not even as a predictor (docs/plan-trial.md#not-applicable).
 * The wide table itself when no cell said the outcome does not apply.
 */
export function applicableAt(wide: OutcomeWide, time: string): OutcomeWide {
  const na = wide.notApplicable;
  if (!na) return wide;
  const keep = wide.ids.map((_, i) => !na[time]?.[i]);
  const pick = <T>(a: readonly T[]) => a.filter((_, i) => keep[i]);
  const visits = wide.visits.filter((v) => v === time || !pick(na[v] ?? []).some(Boolean));
  return {
    ids: pick(wide.ids),
    treated: pick(wide.treated),
    baseline: pick(wide.baseline),
    visits,
    followUp: Object.fromEntries(visits.map((v) => [v, pick(wide.followUp[v] ?? [])])),
    covariates: wide.covariates.map((c) => ({ name: c.name, values: pick(c.values) })),
  };
}
