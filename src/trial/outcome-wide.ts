/**
 * One outcome in wide form for the repeated-measures analyses: per randomised patient with a
 * baseline value, the arm, the baseline, the value at every follow-up visit (null = missing) and
 * the plan's covariates dummy-coded (categorical: treatment coding, reference = first level in
 * sorted order, as R's factor default and `ancova`). Patients missing a covariate are left out
 * (MMRM's complete-covariate model); `imputationWide` keeps those missing a numeric covariate.
 */
import { visitsAfterBaseline } from '../plan/follow-up-visits.js';
import { HtaError } from '../errors.js';
import type { TrialData } from './trial-data.js';
import { inIdOrder } from './patient-ids.js';

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

/**
 * Each trial's wide tables by outcome, built once: the analysis (MMRM, the effect rows) and the
 * report's methods sentence on missing covariates (report/covariate-gap-note.ts, once per page
 * language) ask for the same table (docs/architecture.md#the-cost-of-a-cold-regeneration). A
 * trial's data do not change once loaded, and no reader changes a table it is given.
 */
const wideTables = new WeakMap<TrialData, Map<string, OutcomeWide>>();

export function outcomeWide(trial: TrialData, key: string): OutcomeWide {
  let byKey = wideTables.get(trial);
  if (!byKey) wideTables.set(trial, (byKey = new Map()));
  let wide = byKey.get(key);
  if (!wide) byKey.set(key, (wide = wideOf(trial, key, false) as OutcomeWide));
  return wide;
}

/**
 * The wide table for multiple imputation (docs/plan-trial.md#multiple-imputation): every
 * randomised patient (intention to treat), as R mice imputes by default: a missing baseline score
 * kept as null (imputed by the follow-ups' method), a missing numeric covariate kept as null, and
 * a missing categorical covariate kept as null in its dummy columns (two levels: imputed by
 * logistic regression, mice's "logreg"; up to MAX_IMPUTED_LEVELS: by multinomial regression,
 * "polyreg"). A patient missing a categorical covariate of more levels is still left out;
 * `leftOut` counts them, per covariate, so that the exclusion is said. A patient to whom the outcome does not apply at baseline is not in it (there
 * is no baseline to adjust for: docs/plan-trial.md#not-applicable).
 */
export interface ImputationWide extends Omit<OutcomeWide, 'covariates' | 'baseline'> {
  /** Baseline per patient; null = missing, imputed. */
  baseline: (number | null)[];
  /**
   * Covariate columns; with missing values a two-level categorical one's 0/1 column says
   * `method: 'logreg'`, the dummies of one of more levels `method: 'polyreg'` and its name as `group`.
   */
  covariates: { name: string; values: (number | null)[]; method?: 'logreg' | 'polyreg'; group?: string }[];
  /** Covariates with missing values among the kept patients, with how many; a categorical one with its method. */
  imputedCovariates: { name: string; patients: number; imputation?: 'logreg' | 'polyreg' }[];
  /** Kept patients whose baseline score is missing (imputed). */
  imputedBaselines: number;
  /** Patients left out for a missing categorical covariate of more than MAX_IMPUTED_LEVELS levels, and which covariates. */
  leftOut: { patients: number; covariates: string[] };
  /**
   * The plan's auxiliary variables (`"missing": { "auxiliary" }`), coded as the covariates are
   * (a categorical one as its dummies, named `aux:<column><level>`): in the imputation model only,
   * never the ANCOVA's (docs/plan-trial.md#multiple-imputation). Empty without them.
   */
  auxiliary: ImputationWide['covariates'];
  /** The auxiliary variables as read, per patient (null = missing); `applicableAt` codes them again. */
  auxiliaryValues: RawCovariate[];
}

export function imputationWide(trial: TrialData, key: string): ImputationWide {
  return wideOf(trial, key, true) as ImputationWide;
}

const isMissing = (v: string | number | null | undefined) => v === null || v === undefined;

/**
 * The most levels a categorical covariate may have to be imputed (polyreg): its multinomial model
 * has (levels − 1) × (columns + 1) coefficients, refitted at every draw; more levels (a site of
 * dozens) leave a patient missing it out, said (docs/plan-trial.md#multiple-imputation).
 */
export const MAX_IMPUTED_LEVELS = 10;

function wideOf(trial: TrialData, key: string, keepNumeric: boolean): OutcomeWide | ImputationWide {
  // After the baseline: an event before it (a screening visit) is no follow-up (follow-up-visits.ts).
  const visits = visitsAfterBaseline(trial.times, trial.plan.baseline);
  const value = new Map<string, number>();
  for (const o of trial.observations) {
    const v = o.scores[key];
    if (v !== null && v !== undefined) value.set(`${o.id}\u0000${o.time}`, v);
  }
  const notApplicable = new Set<string>();
  const na = trial.rows.notApplicable?.[key];
  if (na) for (let i = 0; i < trial.rows.length; i++) if (na[i] === 1) notApplicable.add(`${trial.patients[trial.rows.patient[i]!]!.id}\u0000${trial.times[trial.rows.time[i]!]}`);
  const covNames = trial.plan.covariates;
  const hasBaseline = (p: { id: string }) => value.has(`${p.id}\u0000${trial.plan.baseline}`);
  // MI: every randomised patient but those to whom the outcome does not apply at baseline.
  // MI's patients in id order (patient-ids.ts inIdOrder): the seeded imputation must not depend on the export's row order.
  const candidates = keepNumeric ? inIdOrder(trial.patients).filter((p) => hasBaseline(p) || !notApplicable.has(`${p.id}\u0000${trial.plan.baseline}`)) : trial.patients.filter(hasBaseline);
  // A covariate is categorical when any of its values is a string (load-trial.ts's covariateTypes).
  const categorical = new Set(covNames.filter((c) => candidates.some((p) => typeof p.covariates[c] === 'string')));
  // Up to MAX_IMPUTED_LEVELS levels among the candidates: imputed in MI (logreg, polyreg); one
  // level is refused below (codeCovariates, strict), as in the complete-case ANCOVA.
  const imputable = new Set(
    [...categorical].filter((c) => {
      const levels = new Set(candidates.filter((p) => !isMissing(p.covariates[c])).map((p) => String(p.covariates[c]))).size;
      return levels <= MAX_IMPUTED_LEVELS;
    }),
  );
  const required = keepNumeric ? covNames.filter((c) => categorical.has(c) && !imputable.has(c)) : covNames;
  const patients = candidates.filter((p) => required.every((c) => !isMissing(p.covariates[c])));
  const covariateValues = covNames.map((c) => ({ name: c, values: patients.map((p) => (isMissing(p.covariates[c]) ? null : (p.covariates[c] as string | number))) }));
  // MI refuses a categorical covariate of one observed level, as the complete-case ANCOVA does: it
  // would be no column, so the model would silently lack a covariate the methods say it adjusts for.
  const covariates = codeCovariates(covariateValues, keepNumeric);
  const followUp: Record<string, (number | null)[]> = {};
  for (const t of visits) followUp[t] = patients.map((p) => value.get(`${p.id}\u0000${t}`) ?? null);
  const notApplicableAt: Record<string, boolean[]> = {};
  for (const t of visits) notApplicableAt[t] = patients.map((p) => notApplicable.has(`${p.id}\u0000${t}`));
  const anyNotApplicable = visits.some((t) => notApplicableAt[t]!.some(Boolean));
  const base = {
    ids: patients.map((p) => p.id),
    treated: patients.map((p) => (p.arm === 'intervention' ? 1 : 0)),
    baseline: patients.map((p) => value.get(`${p.id}\u0000${trial.plan.baseline}`) ?? null),
    visits,
    followUp,
    covariates,
    ...(anyNotApplicable ? { notApplicable: notApplicableAt } : {}),
    covariateValues,
  };
  if (!keepNumeric) return base as OutcomeWide;
  const kept = new Set(patients);
  const dropped = candidates.filter((p) => !kept.has(p));
  const leftOut = { patients: dropped.length, covariates: required.filter((c) => dropped.some((p) => isMissing(p.covariates[c]))) };
  const auxiliaryValues = (trial.plan.missing.auxiliary ?? []).map((c) => ({ name: c, values: patients.map((p) => { const v = p.attributes?.[c]; return isMissing(v) ? null : (v as string | number); }) }));
  return { ...base, imputedCovariates: imputedCounts(covariateValues), imputedBaselines: base.baseline.filter((b) => b === null).length, leftOut, auxiliary: codeAuxiliary(auxiliaryValues), auxiliaryValues };
}

/**
 * The covariate columns: a categorical covariate dummy-coded over the patients given (reference =
 * first level in sorted order; a required column has no null), a numeric one as it is (null kept
 * for imputation). `strict` (multiple imputation, and MMRM through `covariatesOver`): a categorical
 * covariate left with one level among them is refused in the complete-case ANCOVA's words
 * (stats/ancova.ts), as R's lm refuses a one-level factor; the wide table itself (not strict)
 * codes it as no column until a model codes it again over its own patients.
 */
function codeCovariates(raw: readonly RawCovariate[], strict: boolean): ImputationWide['covariates'] {
  const covariates: ImputationWide['covariates'] = [];
  for (const { name, values } of raw) {
    if (values.some((v) => typeof v === 'string')) {
      // A missing value (only in MI's table, of a two-level covariate) stays missing in its column.
      const labels = values.map((v) => (v === null ? null : String(v)));
      const levels = [...new Set(labels.filter((l): l is string => l !== null))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (strict && levels.length < 2) throw new HtaError('analysis.failed', `covariate '${name}' has only one level ('${levels[0] ?? ''}') among the patients analysed; drop it from the model`);
      // Missing values: one 0/1 column by logistic regression, the dummies of more levels together (polyreg).
      const gaps = labels.includes(null);
      const method = !gaps ? {} : levels.length === 2 ? { method: 'logreg' as const } : { method: 'polyreg' as const, group: name };
      for (const level of levels.slice(1)) covariates.push({ name: `${name}${level}`, values: labels.map((l) => (l === null ? null : l === level ? 1 : 0)), ...method });
    } else {
      covariates.push({ name, values: [...values] as (number | null)[] });
    }
  }
  return covariates;
}

/**
 * The auxiliary variables' columns, coded as MI's covariates (codeCovariates) under names of their
 * own (`aux:` first, so that no dummy can take a covariate's name). A categorical one must have
 * 2 to MAX_IMPUTED_LEVELS levels among the patients imputed: one level is no column (the methods
 * would name a variable the model lacks), more could not be imputed (polyreg).
 */
function codeAuxiliary(raw: readonly RawCovariate[]): ImputationWide['covariates'] {
  for (const { name, values } of raw) {
    if (!values.some((v) => typeof v === 'string')) continue;
    const levels = new Set(values.filter((v) => v !== null).map(String)).size;
    if (levels < 2) throw new HtaError('analysis.failed', `auxiliary variable '${name}' has only one level among the patients imputed; drop it from "missing": { "auxiliary" }`);
    if (levels > MAX_IMPUTED_LEVELS) throw new HtaError('analysis.failed', `auxiliary variable '${name}' has ${levels} levels; a categorical auxiliary variable may have at most ${MAX_IMPUTED_LEVELS} (it is imputed by multinomial regression when missing)`);
  }
  return codeCovariates(raw.map((c) => ({ name: `aux:${c.name}`, values: c.values })), true);
}

/**
 * The covariate columns over the patients `keep` marks, in their order: a categorical covariate
 * coded again over them (MMRM's patients are those observed at a follow-up visit, and R's gls on
 * those rows knows only the levels they hold — a level only the others had would be an all-zero,
 * collinear column), and one left with a single level refused in the complete-case ANCOVA's
 * words, as R refuses a one-level factor — not silently left out of a model whose methods name it.
 */
export function covariatesOver(wide: Pick<OutcomeWide, 'covariateValues'>, keep: readonly boolean[]): { name: string; values: number[] }[] {
  const kept = wide.covariateValues.map((c) => ({ name: c.name, values: c.values.filter((_, i) => keep[i]) }));
  return codeCovariates(kept, true) as { name: string; values: number[] }[];
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
  const baseline = pick(wide.baseline);
  return {
    ids: pick(wide.ids),
    treated: pick(wide.treated),
    baseline,
    visits,
    followUp: Object.fromEntries(visits.map((v) => [v, pick(wide.followUp[v] ?? [])])),
    covariates,
    covariateValues,
    imputedCovariates: imputedCounts(covariateValues),
    imputedBaselines: baseline.filter((b) => b === null).length,
    leftOut: wide.leftOut,
    auxiliary: codeAuxiliary(wide.auxiliaryValues.map((c) => ({ name: c.name, values: pick(c.values) }))),
    auxiliaryValues: wide.auxiliaryValues.map((c) => ({ name: c.name, values: pick(c.values) })),
  };
}

/** The covariates with missing values among the patients of a multiple imputation (every one of them imputed), with how many. */
function imputedCounts(raw: readonly RawCovariate[]): ImputationWide['imputedCovariates'] {
  return raw
    .map((c) => {
      const levels = new Set(c.values.filter((v) => typeof v === 'string')).size;
      return { levels, imputed: { name: c.name, patients: c.values.filter((v) => v === null).length, ...(levels ? { imputation: levels === 2 ? ('logreg' as const) : ('polyreg' as const) } : {}) } };
    })
    .filter((c) => c.imputed.patients > 0 && c.levels !== 1)
    .map((c) => c.imputed);
}

/** Patients with a baseline score for `key` (the complete-case analyses' population before covariates). */
export function baselinePatients(trial: TrialData, key: string): number {
  let n = 0;
  const at = new Set<string>();
  for (const o of trial.observations) {
    const v = o.scores[key];
    if (o.time === trial.plan.baseline && v !== null && v !== undefined && !at.has(o.id)) {
      at.add(o.id);
      n++;
    }
  }
  return n;
}
