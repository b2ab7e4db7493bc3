/**
 * Resource-use counts that cannot be what the patient used (docs/plan-cea.md#inputs): a count is
 * read as a number of units, so an undeclared missing-value code (`999`) or a number Excel wrote
 * with a thousands mark (`1.000` sick days) would otherwise enter the costs as hundreds of units —
 * the analysis ran, exit 0, and the incremental cost moved by 175,000 DKK. Two rules, both refusals:
 *
 * - **A code**: a value written only with nines (99, 999, 9999, …) at least `CODE_FACTOR` times
 *   the largest other value of its column (nine-only values aside) is taken for a missing-value
 *   code the plan does not declare; the fix is to declare it.
 * - **Longer than its period**: a productivity item counts sick-leave days, so more days than the
 *   period has (from the previous period's visit, or randomisation, to its own, by `visitTimes`)
 *   cannot be; a period whose visit has no time in `visitTimes` is not checked.
 */
import type { Problem } from '../errors.js';
import type { ResolvedCeaPlan } from './load-cea-plan.js';

/** How far above the column's other values a nine-only value must lie to be taken for a code. */
const CODE_FACTOR = 5;

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

/** Every implausible count of the items, as problems of the export (all listed, up to `limit`). */
export function implausibleUnits(file: string, items: readonly UnitItem[], resolved: ResolvedCeaPlan, limit: number): Problem[] {
  // No `kind`: problems group by column and text (problem-groups.ts), so each period's length, and
  // each column's largest value, is said once with the lines and values it concerns.
  const problems: Problem[] = [];
  const lengths = periodLengths(resolved);
  const declare = `if it means "missing", add it to "missingCodes" in ${resolved.trialPlanFile}`;
  for (const it of items) {
    const { top, isCode } = nineCodes(it.cells.map((c) => c.value));
    for (const c of it.cells) {
      if (problems.length >= limit) return problems;
      const where = { file, line: c.line, column: c.column, field: it.column, value: c.text };
      if (isCode(c.value)) {
        problems.push({ ...where, expected: `a number of units, not a missing-value code: far above every other value of "${it.column}" (at most ${top}), so likely a code for "missing" — ${declare}` });
        continue;
      }
      const length = lengths[c.period];
      if (it.category === 'productivity' && length && c.value > Math.ceil(length.days - 1e-9)) {
        problems.push({ ...where, expected: `at most ${Math.ceil(length.days - 1e-9)} sick-leave days, the length of period "${resolved.plan.periods[c.period]}" (${length.words}, by visitTimes) — more is a typo, a number written with a thousands mark, or a missing-value code (${declare})` });
      }
    }
  }
  return problems;
}
