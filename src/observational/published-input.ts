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
import type { TrialData } from '../trial/trial-data.js';

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

/**
 * The recodes as validate masks them; every count "suppressed" when the run hid a count (above).
 * `printed`: the level counts printed beside them (validate's summary: `printedLevelCounts`).
 */
export function publishedRecodes(recoded: readonly RecodeCount[], result: ObservationalResult, printed?: ReadonlyMap<string, ReadonlyMap<string, number>>): PrintedRecode[] {
  const masked = maskedRecodes(recoded, result.plan.suppression.threshold, printed);
  return countsHidden(result) ? masked.map((r) => ({ ...r, count: SUPPRESSED })) : masked;
}

/** A registry's rows left out under --exclude-invalid, as the published counts need them. */
export interface ExclusionCounts {
  /** Rows (file lines) left out. */
  rows: number;
  /** Patients every row of whom was left out (in no other count). */
  withoutRows?: number;
  /** Rows left out of the patients still read: the rows of the every-row patients are `rows` less these. */
  keptRows: number;
}

/**
 * The exclusion's counts of a loaded registry, or undefined when nothing was left out. `keptRows`
 * counts the kept patients' visits left out (one row per patient and visit in a long export; a
 * wide export keeps no patient a row of whom went, so it is 0 there).
 */
export function exclusionCounts(trial: TrialData): ExclusionCounts | undefined {
  if (!trial.excluded) return undefined;
  const keptRows = trial.patients.reduce((n, p) => n + (p.excludedVisits?.length ?? 0), 0);
  return { rows: trial.excluded.rows, ...(trial.excluded.withoutRows ? { withoutRows: trial.excluded.withoutRows } : {}), keptRows };
}

/**
 * Whether the excluded rows, less what the analyses' flows count of them, leave 1 … threshold − 1
 * rows (docs/observational.md, "Small counts", rule 13). At each analysis time the flow's
 * `excludedRow` cells (both groups) count the kept patients whose row there was left out, and the
 * patients every row of whom went are counted beside the rows: so rows − Σ excludedRow − those
 * patients' rows is the rows of kept patients no analysis read — 15 − 12 − 0 gave 3 patients'
 * baseline rows. Each time is taken on its own (a reader subtracts any one analysis's cells); a
 * flow that reads "suppressed" gives nothing to subtract (and hides the count already:
 * `countsHidden`), and an analysis without the cells (`excludedRow` absent) subtracts 0.
 */
function unreadRowsSmall(ex: ExclusionCounts, result: ObservationalResult): boolean {
  const threshold = result.plan.suppression.threshold;
  const small = (n: number) => n > 0 && n < threshold;
  if (small(ex.keptRows)) return true;
  return result.analyses.some((a) => {
    if (!a.flow) return false;
    const e = a.flow.exposed.excludedRow ?? 0;
    const u = a.flow.unexposed.excludedRow ?? 0;
    return typeof e === 'number' && typeof u === 'number' && small(ex.keptRows - e - u);
  });
}

/**
 * The rows left out, as a count only: their line numbers count them and their values are the
 * patients' own (an age written "72 år"). The analyst's stderr and `--excluded-out` say which lines
 * and why. The count is "suppressed" when 1 … threshold − 1, when the run hid a count, or when the
 * flows' cells leave 1 … threshold − 1 rows no analysis read (`unreadRowsSmall`).
 */
export function publishedExclusion(ex: ExclusionCounts, result: ObservationalResult): { rows: Masked; patients: Masked } {
  const hidden = countsHidden(result);
  const masked = (n: number) => ((n > 0 && n < result.plan.suppression.threshold) || hidden ? SUPPRESSED : n);
  // `patients`: those every row of whom was left out — in no other count (a wide export's bad lines).
  return { rows: unreadRowsSmall(ex, result) ? SUPPRESSED : masked(ex.rows), patients: masked(ex.withoutRows ?? 0) };
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
export function maskedRows(rows: Masked, threshold: number, what = 'row(s)', lang: 'en' | 'da' = 'en'): string {
  if (lang === 'da') return rows === SUPPRESSED ? `færre end ${threshold} ${what}` : `${formatThousands(rows, 0, 'da')} ${what}`;
  return rows === SUPPRESSED ? `fewer than ${threshold} ${what}` : `${formatThousands(rows)} ${what}`;
}
