/**
 * The rest of a registry's `hta analyze --json` `input` block — the cells the plan's codes
 * recoded and the rows `--exclude-invalid` left out — under the small-count rules
 * (docs/observational.md, "Small counts", rule 13). The report carries neither; `validate` prints
 * the recodes for the data owner, masked the same way (`maskedRecodes`).
 */
import { SUPPRESSED, type Masked } from '../suppressed-marker.js';
import { formatThousands } from '../report/i18n.js';
import type { PrintedRecode, RecodeCount } from '../trial/value-codes.js';
import { maskedRecodes } from './confounder-levels.js';
import type { ObservationalResult } from './observational-results-schema.js';

/**
 * Whether the run hid a count or withheld an outcome's estimates. A column's recode counts add up
 * to its filled cells — for a register outcome every value is a code, so its cells are the
 * patients with a value, analysed or not — and with the printed analysed counts that sum gives a
 * hidden one back (2682 outcome cells − the printed analysed counts = the users' hidden 428, and
 * 428 − 425 = 3 deaths). The rows left out are patients missing a confounder, a count the
 * analyses hide when small.
 */
function countsHidden(result: ObservationalResult): boolean {
  return result.plan.suppression.suppressedCounts > 0 || result.analyses.some((a) => a.effectsSuppressed === true);
}

/** The recodes as validate masks them; every count "suppressed" when the run hid a count (above). */
export function publishedRecodes(recoded: readonly RecodeCount[], result: ObservationalResult): PrintedRecode[] {
  const masked = maskedRecodes(recoded, result.plan.suppression.threshold);
  return countsHidden(result) ? masked.map((r) => ({ ...r, count: SUPPRESSED })) : masked;
}

/**
 * The rows left out, as a count only: their line numbers count them and their values are the
 * patients' own (an age written "72 år"). The analyst's stderr and `--excluded-out` say which lines
 * and why. The count is "suppressed" when 1 … threshold − 1 or when the run hid a count.
 */
export function publishedExclusion(ex: { rows: number; withoutRows?: number }, result: ObservationalResult): { rows: Masked; patients: Masked } {
  const hidden = countsHidden(result);
  const masked = (n: number) => ((n > 0 && n < result.plan.suppression.threshold) || hidden ? SUPPRESSED : n);
  // `patients`: those every row of whom was left out — in no other count (a wide export's bad lines).
  return { rows: masked(ex.rows), patients: masked(ex.withoutRows ?? 0) };
}

/**
 * `hta validate`'s excluded rows of a registry, in its summary (text and `--json`): a count only,
 * "suppressed" when 1 … threshold − 1, as analyze's `input.excluded` (rule 13). validate's summary is
 * pasted into tickets and e-mails ("Checking the confounders"), and it printed each row's line and
 * values — an age, a date, a region of one patient. Which lines and why go to stderr, as analyze
 * says them, and to `--excluded-out`: the lines validate prints without `--exclude-invalid` too.
 * No other count of validate's summary adds up with the excluded rows (its rows, patients and
 * observed values are the kept rows'), so the run's hidden counts need not hide this one.
 */
export function validatedExclusion(ex: { rows: number; withoutRows?: number }, threshold: number): { rows: Masked; patients: Masked } {
  const masked = (n: number) => (n > 0 && n < threshold ? SUPPRESSED : n);
  return { rows: masked(ex.rows), patients: masked(ex.withoutRows ?? 0) };
}

/** A masked count of rows (or patients) in validate's words: "7 row(s)", "fewer than 5 row(s)". */
export function maskedRows(rows: Masked, threshold: number, what = 'row(s)'): string {
  return rows === SUPPRESSED ? `fewer than ${threshold} ${what}` : `${formatThousands(rows)} ${what}`;
}
