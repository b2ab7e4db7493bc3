/**
 * Resource-use counts that cannot be what the patient used (docs/plan-cea.md#inputs): a count is
 * read as a number of units, so an undeclared missing-value code (`999`) or a number Excel wrote
 * with a thousands mark (`1.000` sick days) would otherwise enter the costs as hundreds of units —
 * the analysis ran, exit 0, and the incremental cost moved by 175,000 DKK. Two rules, both refusals:
 *
 * - **A code**: a value written only with nines (99, 999, 9999, …) at least `CODE_FACTOR` times
 *   the largest other value of its column (nine-only values aside) is taken for a missing-value
 *   code the plan does not declare; the fix is to declare it. A value within the item's
 *   `maxUnits` is not: the plan says such counts are real.
 * - **Longer than its period**: a productivity item counts sick-leave days, so more days than the
 *   period has (from the previous period's visit, or randomisation, to its own, by `visitTimes`)
 *   cannot be; a period whose visit has no time in `visitTimes` is not checked.
 * - **Far above its column**: a count more than `OUTLIER_FACTOR` times the 99th percentile of
 *   the column's values below it (at least 1) and more than the days of its period — `1.000`
 *   physiotherapy sessions where the column's others are 0–6 (costed in silence, it made the
 *   intervention dominant). Both conditions, so a heavy user (60 hospital days among 0–3) or a
 *   column counting tablets (more than one a day) stands; the percentile is of the values below
 *   the one judged, so a small column's own outlier cannot raise its bar, and a value above an
 *   outlier is one too. An item's `maxUnits` replaces this rule with its own bound (a real count
 *   the rule would refuse: one patient's 180 tablets among zeros). Amount columns (unit cost 1)
 *   are money, not counts: not checked.
 */
import type { Problem } from '../errors.js';
import type { ResolvedCeaPlan } from './load-cea-plan.js';

/** How far above the column's other values a nine-only value must lie to be taken for a code. */
const CODE_FACTOR = 5;
/** How far above the 99th percentile of the column's values below it a count must lie to be refused (with the period's days). */
export const OUTLIER_FACTOR = 20;

/** One cell read as a count: where it is, its text, and which period it belongs to. */
export interface UnitCell {
  line: number;
  /** 1-based column of the export. */
  column: number;
  text: string;
  value: number;
  period: number;
  /** The patient's id, to keep the cells of the plan's population only (never printed). */
  id: string;
}

export interface UnitItem {
  key: string;
  column: string;
  category: string;
  cells: UnitCell[];
  /** A column of amounts (unit cost 1): money, not a count, so no outlier check. */
  amounts?: boolean;
  /** The plan's bound on one period's units (`maxUnits`): replaces the outlier rule. */
  maxUnits?: number | undefined;
}

const DAYS_PER_UNIT = { days: 1, weeks: 7, months: 365.25 / 12 } as const;

/** 99, 999, 9999 …: the values exports use for "missing" that a count could also hold. */
function nineOnly(v: number): boolean {
  return v >= 99 && /^9+$/.test(String(v));
}

/**
 * The code rule (the module comment) for one column's values: its largest value not written only
 * with nines (`top`, 0 when there is none), and whether a value is taken for a code. Resource use
 * and the confounders and covariates (observational/nine-codes.ts) share it.
 */
export function nineCodes(values: Iterable<number>): { top: number; isCode: (v: number) => boolean } {
  let top = 0;
  for (const v of values) if (!nineOnly(v)) top = Math.max(top, v);
  return { top, isCode: (v) => nineOnly(v) && v >= CODE_FACTOR * top };
}

/** The length of each period in days (undefined when a visit has no time), and its words. */
function periodLengths(resolved: ResolvedCeaPlan): ({ days: number; words: string } | undefined)[] {
  const { visitTimes, periods } = resolved.plan;
  const at = (visit: string) => (Object.hasOwn(visitTimes.times, visit) ? visitTimes.times[visit]! : undefined);
  return periods.map((p, k) => {
    const to = at(p);
    const from = k === 0 ? 0 : at(periods[k - 1]!);
    if (to === undefined || from === undefined || to <= from) return undefined;
    const length = to - from;
    const unit = length === 1 ? visitTimes.unit.replace(/s$/, '') : visitTimes.unit;
    const since = k === 0 ? 'randomisation' : `visit "${periods[k - 1]}"`;
    const days = length * DAYS_PER_UNIT[visitTimes.unit];
    const dayWords = visitTimes.unit === 'days' ? '' : ` = ${Number.isInteger(days) ? days : days.toFixed(1)} days`;
    return { days, words: `${length} ${unit}${dayWords}, from ${since} to "${p}"` };
  });
}

/** The 99th percentile of ascending `sorted[0..n)` (R's default, type 7: linear between order statistics). */
function percentile99(sorted: readonly number[], n: number): number {
  if (n === 0) return 0;
  const h = 0.99 * (n - 1);
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, n - 1)] ?? sorted[lo]!) - sorted[lo]!);
}

/**
 * The values of a column far above the others (the module comment): from the smallest up, the
 * first value more than `OUTLIER_FACTOR` times the 99th percentile of the values strictly below
 * it (at least 1), and every value above that one (a second `1.000`, or a `500` beside it, does
 * not vouch for the first), each with the reference of the first.
 */
export function farAbove(values: readonly number[]): Map<number, number> {
  const sorted = [...values].sort((a, b) => a - b);
  const out = new Map<number, number>();
  for (let n = 0; n < sorted.length; n++) {
    if (n > 0 && sorted[n] === sorted[n - 1]) continue;
    const reference = Math.max(1, percentile99(sorted, n));
    if (sorted[n]! > OUTLIER_FACTOR * reference) {
      for (let k = n; k < sorted.length; k++) out.set(sorted[k]!, reference);
      break;
    }
  }
  return out;
}

const show = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/** Every implausible count of the items, as problems of the export. */
export function implausibleUnits(file: string, items: readonly UnitItem[], resolved: ResolvedCeaPlan): Problem[] {
  // No `kind`: problems group by column and text (problem-groups.ts), so each period's length, and
  // each column's largest value, is said once with the lines and values it concerns.
  const problems: Problem[] = [];
  const lengths = periodLengths(resolved);
  const declare = `if it means "missing", add it to "missingCodes" in ${resolved.trialPlanFile}`;
  for (const it of items) {
    const { top, isCode } = nineCodes(it.cells.map((c) => c.value));
    const outliers = it.amounts || it.maxUnits !== undefined ? new Map<number, number>() : farAbove(it.cells.filter((c) => !isCode(c.value)).map((c) => c.value));
    for (const c of it.cells) {
      const where = { file, line: c.line, column: c.column, field: it.column, value: c.text };
      // A count within the item's own `maxUnits` is real by the plan's word, nine-only or not (999 of 1000).
      if (isCode(c.value) && !(it.maxUnits !== undefined && c.value <= it.maxUnits)) {
        problems.push({ ...where, expected: `a number of units, not a missing-value code: far above every other value of "${it.column}" (at most ${top}), so likely a code for "missing" — ${declare}` });
        continue;
      }
      const length = lengths[c.period];
      if (it.category === 'productivity' && length && c.value > Math.ceil(length.days - 1e-9)) {
        problems.push({ ...where, expected: `at most ${Math.ceil(length.days - 1e-9)} sick-leave days, the length of period "${resolved.plan.periods[c.period]}" (${length.words}, by visitTimes) — more is a typo, a number written with a thousands mark, or a missing-value code (${declare})` });
        continue;
      }
      if (it.maxUnits !== undefined && c.value > it.maxUnits) {
        problems.push({ ...where, expected: `at most ${it.maxUnits} units in one period, the "maxUnits" of item "${it.key}" in ${resolved.file} — a typo, a number written with a thousands mark (1.000 is one thousand), or a missing-value code (${declare})` });
        continue;
      }
      const reference = outliers.get(c.value);
      if (reference !== undefined && length && c.value > length.days) {
        problems.push({ ...where, expected: `a plausible number of units: more than ${OUTLIER_FACTOR} times the 99th percentile of the column's other values (${show(reference)}) and more than the ${show(length.days)} days of period "${resolved.plan.periods[c.period]}" (${length.words}, by visitTimes) — a typo, a number written with a thousands mark (1.000 is one thousand), or a missing-value code (${declare}); correct the cell in the export, or, if it is real, give item "${it.key}" a "maxUnits" in ${resolved.file} (the most units a patient can have in one period)` });
      }
    }
  }
  return problems;
}
