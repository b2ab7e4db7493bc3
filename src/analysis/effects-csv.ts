/** Effect rows as CSV: the JSON field names as columns (nested objects flattened with a dot). */
import type { CsvCell } from '../io/write-csv.js';
import type { EffectRow } from './results-schema.js';

export const EFFECT_CSV_COLUMNS = [
  'outcome', 'label', 'time', 'method', 'n.intervention', 'n.control', 'difference', 'se', 'df', 'ciLower', 'ciUpper',
  'confLevel', 'ciMethod', 'pValue', 'mcid', 'direction', 'benefit', 'benefitCiLower', 'benefitCiUpper',
  'significant', 'imprecise', 'relevance', 'smd.estimate', 'smd.ciLower', 'smd.ciUpper', 'error',
] as const;

export function effectsCsv(rows: readonly EffectRow[]): [string[], CsvCell[][]] {
  const get = (r: EffectRow, path: string): CsvCell => {
    let v: unknown = r;
    for (const k of path.split('.')) v = v === null || v === undefined ? undefined : (v as Record<string, unknown>)[k];
    return v as CsvCell;
  };
  return [[...EFFECT_CSV_COLUMNS], rows.map((r) => EFFECT_CSV_COLUMNS.map((c) => get(r, c)))];
}
