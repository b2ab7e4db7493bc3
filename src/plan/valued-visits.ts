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
