/**
 * A target sample is one row per target patient (docs/subgroups.md#inverse-odds-weights). A file
 * of one row per consultation repeats patients, and each repeat counts as another target patient
 * in the membership model (520 "patients" for 378), moving the estimate without a word. When the
 * file has a patient-id column — the plan's `targetSample.id`, else a column named as the plan's
 * `columns.id` or a usual id name (`patient_id`, `record_id`, …, as repeated-id-columns.ts knows
 * them) — a repeated id is refused at each repeating line, never quoting the id. Without an id
 * column nothing can be checked, and nothing is said.
 */
import type { Problem } from '../errors.js';
import type { CsvTable } from '../io/read-csv.js';
import type { Plan } from '../plan/plan-schema.js';
import { foldColumnName } from './column-resolver.js';
import { ID_NAMES, idKey } from './repeated-id-columns.js';

/** The file's id column (0-based), -1 when the file has none the plan names or a usual id name finds. */
export function targetIdColumn(csv: Pick<CsvTable, 'header'>, plan: Plan): number {
  const named = plan.population?.targetSample?.id;
  if (named !== undefined) return csv.header.indexOf(named);
  const folded = csv.header.map(foldColumnName);
  const exportId = foldColumnName(plan.columns.id);
  const own = folded.indexOf(exportId);
  return own >= 0 ? own : folded.findIndex((h) => ID_NAMES.has(h));
}

/** One problem per row whose id an earlier row holds (compared as the trial's ids: case, leading zeros, Excel's text marks). */
export function repeatedTargetIds(csv: CsvTable, idCol: number): Problem[] {
  const first = new Map<string, number>();
  const repeats: { line: number; firstLine: number }[] = [];
  for (const rec of csv.records) {
    const cell = rec.cells[idCol];
    if (cell === null || cell === undefined || cell.trim() === '') continue;
    const key = idKey(cell.trim());
    const seen = first.get(key);
    if (seen === undefined) first.set(key, rec.line);
    else repeats.push({ line: rec.line, firstLine: seen });
  }
  if (!repeats.length) return [];
  const patients = first.size;
  const rows = patients + repeats.length;
  const field = csv.header[idCol]!;
  return repeats.map(({ line, firstLine }) => ({
    file: csv.file,
    line,
    column: idCol + 1,
    field,
    expected: `one row per target patient: this row's patient id (column "${field}") is on an earlier row too — the file has ${rows} rows for ${patients} patients (one row per consultation or visit?), and each repeat would count as another target patient; keep one row per patient (e.g. the first consultation) and run again`,
    kind: 'target.repeated-id',
    detail: `as on line ${firstLine}`,
  }));
}
