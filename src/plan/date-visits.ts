/**
 * `hta plan init` on an EHR extract whose only visit column holds dates (`Besøgsdato`
 * 21.10.2024): hta reads no dates (docs/limits.md), so no visit can be drafted from it, and a
 * plan naming it as the time column would make each date a visit of its own. Found here so the
 * refusal says so first, before the advice for a plan it did not write.
 */
import type { CsvTable } from '../io/read-csv.js';
import { dateShape, MIN_DATES } from './date-columns.js';

/** A date as exports write it: 2024-10-21, 21.10.2024, 21/10/24, 21-10-2024 (a time of day may follow). */
const DATE = /^(\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./](\d{2}|\d{4}))([ T]\d{1,2}[:.]\d{2}.*)?$/;

/** Dates kept to read their shape (day or month first) from. */
const SHAPE_SAMPLE = 200;

/**
 * The first column (header order) whose filled cells are dates and which changes within a patient
 * (a visit's date, not a birth date), with the shape its dates are written in (`dd.mm.yyyy`,
 * date-columns.ts) — never a date itself, which is a patient's (docs/output-safety.md); undefined
 * when none.
 */
export function dateVisitColumn(csv: Pick<CsvTable, 'header' | 'records'>, idCol: string): { column: string; shape: string | undefined } | undefined {
  const idAt = csv.header.indexOf(idCol);
  if (idAt < 0) return undefined;
  for (let i = 0; i < csv.header.length; i++) {
    if (i === idAt || csv.header[i]!.trim() === '') continue;
    let filled = 0;
    let dates = 0;
    const sample: string[] = [];
    let changes = false;
    const first = new Map<string, string>();
    for (const r of csv.records) {
      const v = r.cells[i]?.trim();
      if (!v) continue;
      filled++;
      if (!DATE.test(v)) continue;
      dates++;
      if (sample.length < SHAPE_SAMPLE) sample.push(v);
      const id = r.cells[idAt]?.trim() ?? '';
      const had = first.get(id);
      if (had === undefined) first.set(id, v);
      else if (had !== v) changes = true;
    }
    if (filled > 0 && dates >= MIN_DATES * filled && changes) return { column: csv.header[i]!, shape: dateShape(sample) };
  }
  return undefined;
}
