/**
 * A CDISC ADaM BDS dataset of several parameters (one row per subject, visit and PARAMCD, every
 * outcome in AVAL) given to validate, analyze or report: refused as that layout, with the pivot
 * plan init gives (plan/export-layouts.ts), instead of one "expected one row per patient and time
 * point" problem per row. A dataset of one parameter is read as it is (AVAL its score).
 * docs/plan-trial.md "Layouts plan init refuses".
 */
import { HtaError } from '../errors.js';
import { type CsvRecord, FieldReader } from '../io/read-csv.js';
import { bdsLayout, parameterColumn } from '../plan/export-layouts.js';

/** The refusal of a BDS dataset holding more than one parameter, or undefined. */
export function bdsLayoutError(file: string, header: readonly string[], records: Iterable<CsvRecord>): HtaError | undefined {
  const layout = bdsLayout(header);
  if (!layout) return undefined;
  const col = parameterColumn(header);
  const cells = new FieldReader();
  const seen: string[] = [];
  for (const rec of records) {
    cells.load(rec, col + 1);
    const v = cells.cell(col);
    if (v !== null && !seen.includes(v)) seen.push(v);
    if (seen.length > 1) break;
  }
  if (seen.length < 2) return undefined;
  const what = layout.what.replace(/^the layout: /, '');
  return new HtaError('input.invalid', `${file} is ${what}; it needs pivoting first`, [
    { file, line: 1, column: col + 1, field: header[col]!.trim(), expected: layout.write.replace(/ — then run plan init on that file.*$/, ' — then run hta on that file with a plan naming its columns, or draft one with hta plan init (docs/plan-trial.md "Layouts plan init refuses")'), kind: 'layout.adam-bds' },
  ]);
}
