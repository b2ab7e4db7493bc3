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
 * Whether the rows count would give a hidden count back (docs/observational.md, "Small counts",
 * rule 13). A reader subtracts from `rows` what other counts say of the same rows: the flow's
 * `excludedRow` cells (both groups) at one analysis time count the kept patients whose row there
 * was left out, so `rows − Σ excludedRow` is the kept patients' rows no analysis read plus the rows
 * of the patients every row of whom went; the recodes give the kept patients' rows left out
 * (`keptRows`: a column's codes count the kept rows' cells, patients × visits less their sum). The
 * count hides when
 * - the every-row patients are 1 … threshold − 1 (`hiddenEveryRowPatients`): their rows are any
 *   of these differences in which the kept patients' part is 0 (16 − 6 − 6 = 4 rows: 2 patients'
 *   baseline and 3-month rows, on a page that said "suppressed" for the 2);
 * - or else (their rows 0 or at least the threshold) `keptRows`, or `keptRows − Σ excludedRow` at
 *   an analysis time taken on its own, is 1 … threshold − 1: 15 − 12 − 0 gave 3 patients'
 *   baseline rows. A flow that reads "suppressed" gives nothing to subtract (and hides the count
 *   already: `countsHidden`), and an analysis without the cells subtracts 0.
 * A difference of the first kind that is 1 … threshold − 1 is one of these two, as both parts are
 * whole and not negative.
 */
function rowsGiveBackSmall(ex: ExclusionCounts, result: ObservationalResult): boolean {
  const threshold = result.plan.suppression.threshold;
  const small = (n: number) => n > 0 && n < threshold;
  if (hiddenEveryRowPatients(ex, threshold) || small(ex.keptRows)) return true;
  return result.analyses.some((a) => {
    if (!a.flow) return false;
    const e = a.flow.exposed.excludedRow ?? 0;
    const u = a.flow.unexposed.excludedRow ?? 0;
    return typeof e === 'number' && typeof u === 'number' && small(ex.keptRows - e - u);
  });
}

/**
 * Whether the patients every row of whom was left out are 1 … threshold − 1, so that the rows
 * count, which holds their rows, hides with them. Any count of the kept patients' rows left out
 * takes those rows back out of it — the flow's cells (above), or validate's kept rows beside its
 * observed values per visit (298 + 286 = 584 kept rows; the 12 kept patients without a 3-month
 * row leave 16 − 12 = 4) — and with a row per visit their rows are their count times the visits,
 * so the rows would tell the count even when 5 or more.
 */
function hiddenEveryRowPatients(ex: { withoutRows?: number }, threshold: number): boolean {
  const n = ex.withoutRows ?? 0;
  return n > 0 && n < threshold;
}

/**
 * The rows left out, as a count only: their line numbers count them and their values are the
 * patients' own (an age written "72 år"). The analyst's stderr and `--excluded-out` say which lines
 * and why. The count is "suppressed" when 1 … threshold − 1, when the run hid a count, or when
 * a difference a reader can take of it would give a count of 1 … threshold − 1 back
 * (`rowsGiveBackSmall`).
 */
export function publishedExclusion(ex: ExclusionCounts, result: ObservationalResult): { rows: Masked; patients: Masked } {
  const hidden = countsHidden(result);
  const masked = (n: number) => ((n > 0 && n < result.plan.suppression.threshold) || hidden ? SUPPRESSED : n);
  // `patients`: those every row of whom was left out — in no other count (a wide export's bad lines).
  return { rows: rowsGiveBackSmall(ex, result) ? SUPPRESSED : masked(ex.rows), patients: masked(ex.withoutRows ?? 0) };
}

/**
 * `hta validate`'s excluded rows of a registry, in its summary (text and `--json`): a count only,
 * "suppressed" when 1 … threshold − 1, as analyze's `input.excluded` (rule 13). validate's summary is
 * pasted into tickets and e-mails ("Checking the confounders"), and it printed each row's line and
 * values — an age, a date, a region of one patient. Which lines and why go to stderr, as analyze
 * says them, and to `--excluded-out`: the lines validate prints without `--exclude-invalid` too.
 * Its rows, patients and observed values per visit are the kept rows', and they count the kept
 * patients' rows left out (those without a row at a visit): so the rows count hides also when the
 * patients every row of whom went are 1 … threshold − 1, whose rows it would give back
 * (`hiddenEveryRowPatients`). The run's hidden counts (an analysis's) are not validate's.
 */
export function validatedExclusion(ex: { rows: number; withoutRows?: number }, threshold: number): { rows: Masked; patients: Masked } {
  const masked = (n: number) => (n > 0 && n < threshold ? SUPPRESSED : n);
  return { rows: hiddenEveryRowPatients(ex, threshold) ? SUPPRESSED : masked(ex.rows), patients: masked(ex.withoutRows ?? 0) };
}

/** A masked count of rows (or patients) in validate's words: "7 row(s)", "fewer than 5 row(s)". */
export function maskedRows(rows: Masked, threshold: number, what = 'row(s)', lang: 'en' | 'da' = 'en'): string {
  if (lang === 'da') return rows === SUPPRESSED ? `færre end ${threshold} ${what}` : `${formatThousands(rows, 0, 'da')} ${what}`;
  return rows === SUPPRESSED ? `fewer than ${threshold} ${what}` : `${formatThousands(rows)} ${what}`;
}
