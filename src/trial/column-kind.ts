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
 *    different numbers (three or fewer may be codes, 1/2/9: Table 1's rule); categories otherwise.
 *
 * In a column of numbers a value that is not one is a problem at its cell: read as text it made
 * the whole covariate a category, every patient's income a level of its own — the ANCOVA moved,
 * and Table 1 printed each income with n = 1.
 */
import type { Plan } from '../plan/plan-schema.js';

export type ColumnKind = 'numeric' | 'categorical';

/** More different numbers than this are measurements, not codes (as Table 1 reads three or fewer whole numbers as codes). */
const CODES = 3;

/** The values of one column, counted for rule 2. */
export class KindTally {
  numbers = 0;
  texts = 0;
  readonly #distinct = new Set<number>();

  add(value: string | number): void {
    if (typeof value === 'number') {
      this.numbers++;
      if (this.#distinct.size <= CODES) this.#distinct.add(value);
    } else this.texts++;
  }

  /** Rule 2. */
  kind(): ColumnKind {
    return this.numbers > 0 && (this.numbers > this.texts || this.#distinct.size > CODES) ? 'numeric' : 'categorical';
  }
}

/** Whether values hold more different numbers than codes would (rule 2's second clause): measurements, whatever the count of text beside them. */
export function holdsMeasurements(values: Iterable<string | number>): boolean {
  const distinct = new Set<number>();
  for (const v of values) if (typeof v === 'number' && distinct.add(v).size > CODES) return true;
  return false;
}

/** The kind of a list of values by rule 2. */
export function kindOfValues(values: Iterable<string | number>): ColumnKind {
  const t = new KindTally();
  for (const v of values) t.add(v);
  return t.kind();
}

const NUMERIC_OPS = new Set(['<', '<=', '>', '>=']);

type KindPlan = Pick<Plan, 'covariates' | 'columns' | 'subgroups' | 'population' | 'observational' | 'covariateTypes'>;

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
