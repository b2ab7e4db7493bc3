/**
 * The export with computed score columns appended (`hta score`): original cells untouched and
 * in the file's own dialect (separator, decimal mark, BOM, line ends), one new column per outcome scored
 * from items (long: `<key>`; wide: `<key>_<time>`), named `<key>_score` if the name is taken (in any case).
 * An outcome read from a score column whose cells pass through the plan's answer or
 * missing-value codes gets such a column too, holding the value the analysis uses (`999` →
 * empty), so the export records what the codes did (docs/plan-trial.md).
 */
import { neutralizeFormula } from '../io/csv-formula.js';
import { formatNumberForExport } from '../io/format-number.js';
import { spreadsheetDialectOf } from '../io/write-csv.js';
import type { CsvTable } from '../io/read-csv.js';
import { exportTimeOf } from '../plan/plan-schema.js';
import { scoreAt, type TrialData } from './trial-data.js';

/**
 * The outcomes `hta score` adds a column for: scored from items, read through answer or
 * missing-value codes, or read from EQ-5D profiles (`11123`) whose index the column did not hold.
 */
export function scoredSources(trial: TrialData): TrialData['sources'] {
  return trial.sources.filter((s) => s.from === 'items' || s.profiles || (s.coders ?? []).some((c) => c !== undefined));
}

/** The scored export as one string (small files, tests): `scoredExportLines` joined. */
export function scoredExport(csv: CsvTable, trial: TrialData): string {
  let out = '';
  for (const line of scoredExportLines(csv, trial)) out += line;
  return out;
}

/**
 * The scored export line by line (each with its line end; the first with the BOM when the input
 * had one), made as the records stream by: `hta score` writes them out in chunks, so a large
 * export is never held whole as text (docs/limits.md).
 */
export function* scoredExportLines(csv: CsvTable, trial: TrialData): Generator<string> {
  const scored = scoredSources(trial);
  // Taken in any case: a copy `rmdq_3m` beside the export's own `RMDQ_3m` is the same column to
  // every reader that matches names without case (hta itself, spreadsheets, R's janitor).
  const taken = new Set(csv.header.map((h) => h.toLowerCase()));
  const name = (base: string) => (taken.has(base.toLowerCase()) ? `${base}_score` : base);
  const { rows } = trial;

  const timeLabelOut = (t: string) => exportTimeOf(trial.plan, t);
  // `time` is the index in trial.times (wide), or -1: the record's one row (long).
  const newColumns: { header: string; key: string; time: number }[] =
    trial.layout === 'wide'
      ? scored.flatMap((s) => trial.times.map((t, k) => ({ header: name(`${s.key}_${timeLabelOut(t)}`), key: s.key, time: k })))
      : scored.map((s) => ({ header: name(s.key), key: s.key, time: -1 }));

  const { decimalComma } = csv.dialect;
  // The input's own separator and line ends (CRLF, old Mac Excel's CR alone, LF), and a BOM where
  // Excel needs one to read the UTF-8 copy (io/write-csv.ts spreadsheetDialectOf).
  const { delimiter, eol, bom } = spreadsheetDialectOf(csv.dialect);
  // Cells are neutralised against spreadsheet formulas (csv-formula.ts) before quoting.
  // The first-character test is neutralizeFormula's own (=, +, -, @, tab, CR), made here so that
  // the ~80 million plain cells of a 200 MB export skip its regexes.
  const quote = (cell: string) => {
    const c = cell.charCodeAt(0);
    const v = c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d ? neutralizeFormula(cell) : cell;
    return v.includes(delimiter) || /["\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  // Outputs are UTF-8; a UTF-16 input (Excel "Unicode text") or a Windows-1252 one (Excel's
  // plain "CSV") gets the BOM by which Excel still opens the copy with its æ, ø and å intact.
  yield (bom ? '\uFEFF' : '') + [...csv.header, ...newColumns.map((c) => c.header)].map(quote).join(delimiter) + eol;
  // The kept rows come by patient and visit (canonical-order.ts), the records in file order: the
  // rows' indexes sorted by line once, then both walked together (no index by line).
  const byLine = Int32Array.from({ length: rows.length }, (_, k) => k).sort((a, b) => rows.line[a]! - rows.line[b]! || a - b);
  let i = 0;
  for (const rec of csv.records) {
    while (i < byLine.length && rows.line[byLine[i]!]! < rec.line) i++;
    let end = i;
    while (end < byLine.length && rows.line[byLine[end]!] === rec.line) end++;
    const added = newColumns.map((c) => {
      let row = -1;
      for (let j = i; j < end; j++) if (c.time < 0 || rows.time[byLine[j]!] === c.time) row = byLine[j]!;
      const v = row < 0 ? null : scoreAt(rows, c.key, row);
      return v === null ? '' : formatNumberForExport(v, decimalComma);
    });
    yield [...rec.raw, ...added].map(quote).join(delimiter) + eol;
  }
}
