/**
 * Whether a covariate (or a subgroup, population or Table 1 column) holds numbers or categories,
 * decided once for the whole column (docs/input-trial-export.md "Numbers or categories"):
 *
 * 1. as the plan says: `covariateTypes` (by covariate, or by a subgroup or population column),
 *    an observational confounder's `type`; a subgroup's or
 *    margin's `cuts` and a population criterion comparing with <, ≤, >, ≥ read numbers, a
 *    subgroup's `levels` categories;
 * 2. else from its values after the plan's codes (missing values not counted): numbers when some
 *    are numbers and either they are more than half of the values or there are more than three
 *    different numbers; categories otherwise;
 * 3. but a covariate that rule 2 reads as numbers while it holds few whole numbers that look like
 *    codes is not guessed: exactly three (1/2/3, 1/2/9), or four to seven all between 0 and 9 (a
 *    REDCap radio field's education 1–4). Codes of categories (k − 1 indicators in the ANCOVA) or a
 *    scale (one slope)? R's factor() and a slope on the codes give different effects. The reader
 *    refuses it, naming "covariateTypes"
 *    (`undecidedCodes`, load-trial.ts). Two different numbers read either way give the same model.
 *
 * Table 1 shows a covariate as the model reads it (baseline-table.ts). A Table 1 column that no
 * model reads (a report's "characteristics") shows three or fewer whole numbers as codes, a count
 * per value, which misreads nothing.
 *
 * In a column of numbers a value that is not one is a problem at its cell: read as text it made
 * the whole covariate a category, every patient's income a level of its own — the ANCOVA moved,
 * and Table 1 printed each income with n = 1.
 */
import type { Plan } from '../plan/plan-schema.js';
import { numberWord } from '../report/count-words.js';

export type ColumnKind = 'numeric' | 'categorical';

/** More different numbers than this are measurements, not codes (rule 2); exactly this many whole ones are undecided (rule 3). */
const CODES = 3;
/** Up to this many different whole numbers, all within SMALL_CODES, are undecided too (rule 3): more are a measurement (age, a 0–10 score in full). */
const MAX_CODES = 7;
/** The range of one-digit codes a radio or dropdown field writes (0–9, 1–k). */
const SMALL_CODES = { min: 0, max: 9 };

/** The values of one column, counted for rules 2 and 3. */
export class KindTally {
  numbers = 0;
  texts = 0;
  readonly #distinct = new Set<number>();

  add(value: string | number): void {
    if (typeof value === 'number') {
      this.numbers++;
      if (this.#distinct.size <= MAX_CODES) this.#distinct.add(value);
    } else this.texts++;
  }

  /** Rule 2. */
  kind(): ColumnKind {
    return this.numbers > 0 && (this.numbers > this.texts || this.#distinct.size > CODES) ? 'numeric' : 'categorical';
  }

  /** Rule 3: the whole numbers, in increasing order, of a column rule 2 reads as numbers while they may be codes; else undefined. */
  undecidedCodes(): number[] | undefined {
    const d = [...this.#distinct];
    if (this.kind() !== 'numeric' || d.length < CODES || d.length > MAX_CODES || !d.every(Number.isInteger)) return undefined;
    // Three whole numbers are codes whatever they are (1/2/9, 0/1/99); four or more only when one digit each.
    if (d.length > CODES && !d.every((v) => v >= SMALL_CODES.min && v <= SMALL_CODES.max)) return undefined;
    return d.sort((a, b) => a - b);
  }
}

/** A count of rule 3's codes in words ("three categories"), for the refusal and plan init's check. */
export function countWord(count: number): string {
  return numberWord(count, 'en');
}

/** Whether values hold more different numbers than codes would (rule 2's second clause): measurements, whatever the count of text beside them. */
export function holdsMeasurements(values: Iterable<string | number>): boolean {
  const distinct = new Set<number>();
  for (const v of values) if (typeof v === 'number' && distinct.add(v).size > CODES) return true;
  return false;
}

/** The kind of a list of values by rule 2. */
export function kindOfValues(values: Iterable<string | number>): ColumnKind {
  return tallyOf(values).kind();
}

/** The values counted for rules 2 and 3. */
export function tallyOf(values: Iterable<string | number>): KindTally {
  const t = new KindTally();
  for (const v of values) t.add(v);
  return t;
}

const NUMERIC_OPS = new Set(['<', '<=', '>', '>=']);

type KindPlan = Pick<Plan, 'covariates' | 'columns' | 'subgroups' | 'population' | 'observational' | 'covariateTypes'> & Partial<Pick<Plan, 'clusters'>>;

/** Rule 1 for a covariate: the plan's `covariateTypes`, or an observational confounder's `type`. */
export function declaredCovariateKind(plan: KindPlan, name: string): ColumnKind | undefined {
  return plan.covariateTypes?.[name] ?? plan.observational?.confounders.find((c) => c.name === name)?.type;
}

/**
 * What "covariateTypes" says of an export column: by its own name (a subgroup or population
 * column), or by the name of a covariate reading it.
 */
export function covariateTypeOfColumn(plan: KindPlan, column: string): ColumnKind | undefined {
  const types = plan.covariateTypes;
  if (types === undefined) return undefined;
  if (Object.hasOwn(types, column)) return types[column];
  const name = plan.covariates.find((n) => (Object.hasOwn(plan.columns.covariates, n) ? plan.columns.covariates[n] : n) === column && Object.hasOwn(types, n));
  return name === undefined ? undefined : types[name];
}

/**
 * Rule 1 for a subgroup or population column: "covariateTypes", or what a covariate reading the
 * same column is declared; else numbers for `cuts` and a criterion comparing with <, ≤, >, ≥,
 * categories for a subgroup's `levels`.
 */
export function declaredAttributeKind(plan: KindPlan, column: string): ColumnKind | undefined {
  const typed = covariateTypeOfColumn(plan, column);
  if (typed) return typed;
  // The clusters of a cluster-randomised trial are labels (practice 7 is no more than practice 6).
  if (column === plan.clusters) return 'categorical';
  for (const name of plan.covariates) {
    const own = Object.hasOwn(plan.columns.covariates, name) ? plan.columns.covariates[name] : name;
    const kind = own === column ? declaredCovariateKind(plan, name) : undefined;
    if (kind) return kind;
  }
  const p = plan.population;
  if (plan.subgroups.some((g) => g.column === column && g.cuts) || p?.criteria.some((c) => c.column === column && NUMERIC_OPS.has(c.op)) || p?.margins?.some((m) => m.column === column && m.cuts)) return 'numeric';
  if (plan.subgroups.some((g) => g.column === column && g.levels)) return 'categorical';
  return undefined;
}
