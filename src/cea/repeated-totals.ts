/**
 * A per-patient total joined onto every visit row (docs/plan-cea.md#a-per-patient-total-on-every-row).
 * A register cost kept in its own file, one row per patient, merged by id onto the export
 * (R `merge(export, costs, by = "id")`, a spreadsheet's VLOOKUP) repeats the patient's total on the
 * baseline row and on every follow-up row. Read as each period's own amount it is counted once per
 * period: with two periods, twice — an ICER of 160,908 became 297,141 DKK per QALY and P(CE) at
 * 300,000 fell from 83 % to 54 %, with exit 0. The signature is refused (exit 2): an amount column
 * (unit cost 1) whose value on the baseline row (which no period counts) is the same non-zero
 * amount as on every period row of the patient, for at least `SHARE` of the patients with an
 * amount on a period row, and at least `MIN_PATIENTS` of them. Genuine per-period amounts repeat
 * for some patients (a fixed prescription), rarely before randomisation too, and never for nearly
 * all; an item whose amounts are truly each period's says so (`"perPeriod": true`).
 */
import type { Problem } from '../errors.js';

/** The share of the patients with a period amount who must show the signature (nearly every one). */
export const SHARE = 0.9;
/** At least this many patients: a handful of repeats is too few to tell a merge. */
export const MIN_PATIENTS = 5;

/** One item's cells, per patient: the baseline row's text (non-zero) and each period row's text (null: empty). */
export interface ItemRows {
  key: string;
  column: string;
  /** 1-based column in the export. */
  columnNumber: number;
  /** id → baseline cell holding a non-zero amount, with its line. */
  baseline: Map<string, { text: string; line: number }>;
  /** id → the texts of the patient's period rows present in the export (null: empty or missing). */
  periods: Map<string, { text: string | null; nonZero: boolean }[]>;
}

/**
 * The problem for an item whose amounts carry the signature, or null. `lastPeriod` names the row
 * a total belongs on; `planFile` the plan to edit; `inPop` leaves patients outside the population aside.
 */
export function repeatedTotal(file: string, item: ItemRows, lastPeriod: string, planFile: string, inPop: (id: string) => boolean): Problem | null {
  let costed = 0;
  let repeated = 0;
  let example: { text: string; line: number } | undefined;
  for (const [id, rows] of item.periods) {
    if (!inPop(id) || !rows.some((r) => r.nonZero)) continue;
    costed++;
    const b = item.baseline.get(id);
    if (b === undefined || !rows.every((r) => r.text === b.text)) continue;
    repeated++;
    if (example === undefined || b.line < example.line) example = b;
  }
  if (repeated < MIN_PATIENTS || repeated < SHARE * costed || example === undefined) return null;
  return {
    file,
    line: example.line,
    column: item.columnNumber,
    field: item.column,
    value: example.text,
    expected: `each period's own amount on its row: ${repeated} of the ${costed} patients with an amount in "${item.column}" have the same amount on the baseline row and on every follow-up row — a per-patient total joined onto every visit row (a merge by id), which would be counted once per period. Put the total once, on the "${lastPeriod}" row, leave the other rows empty and give item "${item.key}" "emptyUnits": "zero" in ${planFile}; or, if these are truly each period's amounts, give item "${item.key}" "perPeriod": true (docs/plan-cea.md#a-per-patient-total-on-every-row)`,
    kind: 'cea.repeated-total',
  };
}
