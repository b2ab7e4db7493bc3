/**
 * A long export's visit column named as no visit column is (SurveyXact's background variable
 * "Spørgeskema", "Indsamling", "Opfølgning"; docs/plan-trial.md "Visits of a long export"),
 * found by its values instead: every value a visit label ("Baseline", "3 måneder", "12 mdr"), a
 * baseline among them and a follow-up with its time, filled on (nearly) every row. A column
 * "Opfølgning" of Ja/Nej reads as no visit column, so it is never taken for its name alone.
 */
import type { CsvTable } from '../io/read-csv.js';

/** At most this many visits: a column with more values is a measurement, not a schedule. */
const MAX_VISITS = 12;
/** Share of rows whose cell must be filled: a visit is on every row, a dropout's visit on a few. */
const MIN_FILLED = 0.9;

/**
 * The first column (header order, `skip` left out) whose values are all visit labels by
 * `labelOf` (a plan label: "baseline", "3m", "6w"), with a baseline and a follow-up among them;
 * undefined when none.
 */
export function visitValuedColumn(csv: Pick<CsvTable, 'header' | 'records'>, labelOf: (value: string) => string, skip: (column: string) => boolean): string | undefined {
  const rows = [...csv.records];
  if (rows.length < 2) return undefined;
  for (let i = 0; i < csv.header.length; i++) {
    const column = csv.header[i]!;
    if (column.trim() === '' || skip(column)) continue;
    const values = new Set<string>();
    let filled = 0;
    for (const r of rows) {
      const v = r.cells[i]?.trim();
      if (!v) continue;
      filled++;
      values.add(v);
      if (values.size > MAX_VISITS) break;
    }
    if (values.size < 2 || values.size > MAX_VISITS || filled < MIN_FILLED * rows.length || filled <= values.size) continue;
    const labels = [...values].map(labelOf);
    if (!labels.every((l) => l === 'baseline' || /^\d+[mwdy]$/.test(l))) continue;
    if (labels.includes('baseline') && labels.some((l) => l !== 'baseline')) return column;
  }
  return undefined;
}

/** A value written in digits only (a score, a count): no visit's name. */
const NUMBER = /^[+-]?\d+([.,]\d+)?$/;

/**
 * For a refusal of the visits: the first column (header order, `skip` left out) that looks like a
 * visit column whatever its values say — a few values (2 to MAX_VISITS), filled on (nearly) every
 * row, each held by two patients or more (labels, none one patient's), and none twice for one
 * patient, who has more than one (Castor's "Survey Package Name": "Pakke A", "Pakke B"). Never a
 * column of numbers or dates. With its values, in first-seen order; undefined when none.
 */
export function onceEachColumn(csv: Pick<CsvTable, 'header' | 'records'>, idAt: number, skip: (column: string) => boolean, isDate: (value: string) => boolean): { column: string; values: string[] } | undefined {
  const rows = [...csv.records];
  if (rows.length < 2 || idAt < 0) return undefined;
  for (let i = 0; i < csv.header.length; i++) {
    const column = csv.header[i]!;
    if (i === idAt || column.trim() === '' || skip(column)) continue;
    const holders = new Map<string, Set<string>>();
    const byPatient = new Map<string, Set<string>>();
    let filled = 0;
    let fits = true;
    for (const r of rows) {
      const v = r.cells[i]?.trim();
      if (!v) continue;
      filled++;
      const id = r.cells[idAt]?.trim() ?? '';
      const own = byPatient.get(id) ?? new Set<string>();
      byPatient.set(id, own);
      if (own.has(v) || NUMBER.test(v) || isDate(v)) {
        fits = false;
        break;
      }
      own.add(v);
      const held = holders.get(v) ?? new Set<string>();
      holders.set(v, held);
      held.add(id);
      if (holders.size > MAX_VISITS) {
        fits = false;
        break;
      }
    }
    if (!fits || holders.size < 2 || filled < MIN_FILLED * rows.length) continue;
    if (![...byPatient.values()].some((own) => own.size > 1) || [...holders.values()].some((held) => held.size < 2)) continue;
    return { column, values: [...holders.keys()] };
  }
  return undefined;
}
