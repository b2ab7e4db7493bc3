/**
 * Whether the bootstrap's imputation can run (docs/plan-cea.md#too-few-observed-values). Each
 * replicate imputes its missing values per arm by chained equations, which need at least
 * `MIN_OBSERVED` observed values of every column they impute. A replicate of a small arm can draw
 * fewer — 4 patients with 3 observed costs draw at most one of them in 5 % of replicates — and the
 * analysis then stopped mid-bootstrap with exit 1. Two rules:
 *
 * - **Before the analysis** (`refuseThinArms`, exit 2): an arm whose resamples would fall short
 *   more often than `MAX_SHORT_SHARE` for some imputed quantity is refused, naming the arm, the
 *   quantity and its counts. The share is exact: a resample of the arm's n patients holds
 *   Binomial(n, k/n) of its k observed values.
 * - **In the bootstrap** (`imputableReplicate`): a replicate that still falls short is drawn again
 *   from the same seeded stream, and the redrawn replicates are counted and reported.
 */
import { HtaError, type Problem } from '../errors.js';
import { imputedColumns, imputedValues, type CeaColumns } from './cea-imputation.js';
import { enUsGrouped } from './en-us-fixed.js';

/** The observed values chained equations need of a column they impute (chained-equations.ts). */
export const MIN_OBSERVED = 2;
/** The largest share of an arm's resamples allowed to fall short of MIN_OBSERVED (then redrawn). */
export const MAX_SHORT_SHARE = 0.001;

/**
 * Whether every arm of the replicate `rows` has, of every column it must impute, at least
 * MIN_OBSERVED observed values (a column with nothing missing needs none).
 */
export function imputableReplicate(c: CeaColumns, rows: readonly number[]): boolean {
  for (const values of imputedValues(c)) {
    const observed = [0, 0];
    const missing = [0, 0];
    // Every row once, taken from both ends in turn: a bootstrap replicate holds the intervention
    // rows, then the control rows (drawReplicate), so both arms are met within the first reads.
    let lo = 0;
    let hi = rows.length - 1;
    for (let t = 0; t < rows.length; t++) {
      const i = rows[t % 2 === 0 ? lo++ : hi--]!;
      if (values[i] === null) missing[c.arm[i]!]!++;
      else if (++observed[c.arm[i]!]! >= MIN_OBSERVED && observed[0]! >= MIN_OBSERVED && observed[1]! >= MIN_OBSERVED) {
        // Both arms have enough observed values: nothing in the rows not read yet can make this
        // column fall short, so they are not read (they were, for every column of each of the
        // bootstrap's 5,000 replicates: docs/architecture.md#the-cost-of-a-cold-regeneration).
        break;
      }
    }
    for (const a of [0, 1]) if (missing[a]! > 0 && observed[a]! < MIN_OBSERVED) return false;
  }
  return true;
}

/** What the caller knows of why a quantity is missing (the resource columns behind missing costs), after the counts. */
const cause = (text: string | undefined) => (text ? ` — ${text}` : '');

/** P(Binomial(n, k/n) < MIN_OBSERVED): the share of an arm's resamples that fall short. */
export function shortShare(n: number, k: number): number {
  const q = k / n;
  return (1 - q) ** n + n * q * (1 - q) ** (n - 1);
}

/**
 * What the caller knows of the QALYs: whether `"qalyMissing": "observed-visits"` would leave each
 * arm enough observed QALYs (it cannot when the plan already says so, nor when an arm has no EQ-5D
 * after baseline: its last visit stays missing), and per arm why they are missing.
 */
export interface QalyAdvice {
  observedVisitsHelps: boolean;
  cause?: (arm: 0 | 1) => string | undefined;
}

/** Whether an arm of these values is too thin to impute in its resamples (MAX_SHORT_SHARE). */
export function thinArm(values: readonly (number | null)[], armOf: readonly number[], a: 0 | 1): boolean {
  let n = 0;
  let k = 0;
  for (let i = 0; i < armOf.length; i++) {
    if (armOf[i] !== a) continue;
    n++;
    if (values[i] !== null) k++;
  }
  return k < n && shortShare(n, k) > MAX_SHORT_SHARE;
}

/**
 * Throws `input.invalid` (exit 2) when an arm has missing values of a quantity and too few
 * observed ones for the bootstrap to resample (MAX_SHORT_SHARE). `arms` names each arm as the
 * export does; `file` is the export; `scenario` says which analysis (the base case, a perspective).
 * The way out names `"qalyMissing": "observed-visits"` only when QALYs are short and it would help
 * (`qaly`): suggested for an arm with no EQ-5D after baseline, it could not work.
 */
export function refuseThinArms(c: CeaColumns, arms: { intervention: string; control: string }, file: string, scenario: string, costCauses?: (arm: 0 | 1) => string | undefined, qaly?: QalyAdvice): void {
  const problems: Problem[] = [];
  let qalyShort = false;
  for (const q of imputedColumns(c)) {
    for (const [a, name] of [[1, arms.intervention], [0, arms.control]] as const) {
      let n = 0;
      let k = 0;
      for (let i = 0; i < c.arm.length; i++) {
        if (c.arm[i] !== a) continue;
        n++;
        if (q.values[i] !== null) k++;
      }
      if (k === n) continue;
      const share = shortShare(n, k);
      if (share <= MAX_SHORT_SHARE) continue;
      const pct = share >= 0.995 ? 'every one' : `${(100 * share).toFixed(share < 0.01 ? 2 : 1)} %`;
      if (q.values === c.qaly) qalyShort = true;
      problems.push({
        file,
        expected: `enough observed ${q.words} in the "${name}" arm to impute its missing ones in each bootstrap replicate: ${k} of its ${n} patients have them (${n - k} missing), and ${pct} of the arm's resamples would hold fewer than the ${MIN_OBSERVED} observed values an imputation needs (a resample that does is drawn again, which is allowed for at most 1 in ${enUsGrouped(Math.round(1 / MAX_SHORT_SHARE))})${cause(q.values === c.cost ? costCauses?.(a) : q.values === c.qaly ? qaly?.cause?.(a) : undefined)}`,
      });
    }
  }
  if (problems.length === 0) return;
  throw new HtaError(
    'input.invalid',
    `${file}: too few observed values to impute ${scenario} — analyse a larger population ("population" in the cost-effectiveness plan)${qalyShort && (qaly?.observedVisitsHelps ?? true) ? ', complete the missing values, or for QALYs set "qalyMissing": "observed-visits"' : ' or complete the missing values'}`,
    problems,
  );
}
