/**
 * The export with computed score columns appended (`hta score`): original cells untouched and
 * in the file's own dialect (separator, decimal mark, BOM), one new column per outcome scored
 * from items (long: `<key>`; wide: `<key>_<time>`), named `<key>_score` if the name is taken.
 * An outcome read from a score column whose cells pass through the plan's answer or
 * missing-value codes gets such a column too, holding the value the analysis uses (`999` →
 * empty), so the export records what the codes did (docs/plan-trial.md).
 */
import { neutralizeFormula } from '../io/csv-formula.js';
import { formatNumberForExport } from '../io/format-number.js';
import type { CsvTable } from '../io/read-csv.js';
import { exportTimeOf } from '../plan/plan-schema.js';
import type { TrialData } from './trial-data.js';

export function scoredExport(csv: CsvTable, trial: TrialData): string {
  const scored = trial.sources.filter((s) => s.from === 'items' || (s.coders ?? []).some((c) => c !== undefined));
  const taken = new Set(csv.header);
  const name = (base: string) => (taken.has(base) ? `${base}_score` : base);
  const byLineTime = new Map<string, Record<string, number | null>>();
  for (const o of trial.observations) byLineTime.set(`${o.line}|${trial.layout === 'wide' ? o.time : ''}`, o.scores);

  const timeLabelOut = (t: string) => exportTimeOf(trial.plan, t);
  const newColumns: { header: string; key: string; time: string }[] =
    trial.layout === 'wide'
      ? scored.flatMap((s) => trial.times.map((t) => ({ header: name(`${s.key}_${timeLabelOut(t)}`), key: s.key, time: t })))
      : scored.map((s) => ({ header: name(s.key), key: s.key, time: '' }));

  const { delimiter, decimalComma, bom, crlf } = csv.dialect;
  // Cells are neutralised against spreadsheet formulas (csv-formula.ts) before quoting.
  const quote = (cell: string) => {
    const v = neutralizeFormula(cell);
    return v.includes(delimiter) || /["\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const lines = [[...csv.header, ...newColumns.map((c) => c.header)].map(quote).join(delimiter)];
  for (const rec of csv.records) {
    const added = newColumns.map((c) => {
      const v = byLineTime.get(`${rec.line}|${c.time}`)?.[c.key];
      return v === null || v === undefined ? '' : formatNumberForExport(v, decimalComma);
    });
    lines.push([...rec.raw, ...added].map(quote).join(delimiter));
  }
  const eol = crlf ? '\r\n' : '\n';
  return (bom ? '\uFEFF' : '') + lines.join(eol) + eol;
}
