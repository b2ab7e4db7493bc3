/**
 * A confounder declared numeric whose column holds dates (an index date `D_INDDTO` as SAS writes
 * it with DATE9., `24MAR2023`, or as R and ISO write it, `2023-03-24`). hta reads no dates
 * (docs/limits.md). Every cell was refused with "expected a number, or "type": "categorical"" and
 * the --exclude-invalid advice, which would drop every row, each date quoted; and "categorical"
 * makes every day a level (the analyses then failed for no overlap). Refused once at the column's
 * header instead, with what works — the date as a number — and no cell quoted: a date beside a
 * line number is one person's (docs/observational.md, "Missing-value codes and ranges of a
 * confounder"). Dates typed categorical stay levels, the rare ones pooled (rule 5).
 */
import type { Problem } from '../errors.js';
import type { CsvRecord } from '../io/read-csv.js';
import type { ColumnCoder } from '../trial/value-codes.js';
import { SpecialMissingReader } from '../trial/special-missing.js';

/** SAS DATE9./DATE7. and Stata %td (`24MAR2023`, `24mar23`), a DATETIME20. time allowed; Danish MAJ and OKT too. */
const DDMONYYYY = /^\d{1,2}(JAN|FEB|MAR|APR|MAY|MAJ|JUN|JUL|AUG|SEP|OCT|OKT|NOV|DEC)(\d{2}|\d{4})(:\d{1,2}:\d{2}(:\d{2})?)?$/i;
/** A date of digits as exports write one: 2023-03-24, 24.03.2023, 24/03/23, 24-03-2023 (a time after it allowed). */
const NUMERIC_DATE = /^(\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./](\d{2}|\d{4}))([ T]\d{1,2}[:.]\d{2}.*)?$/;

/** Filled cells looked at per column: a column of dates shows it in its first cells. */
const SAMPLE = 200;
/** Share of those that must be dates. */
const MIN_DATES = 0.9;

export type DateShape = 'sas' | 'digits';

/** The shape of a date cell, or undefined for any other text. */
export function dateShape(cell: string): DateShape | undefined {
  const v = cell.trim();
  if (DDMONYYYY.test(v)) return 'sas';
  if (NUMERIC_DATE.test(v)) return 'digits';
  return undefined;
}

export interface ConfounderColumn {
  /** The confounder's name in the plan. */
  name: string;
  column: string;
  /** 0-based position in the (long) table; −1 when the export lacks it (refused elsewhere). */
  idx: number;
  coder: ColumnCoder | undefined;
}

/** One problem per confounder column holding dates, at its header cell; no cell is quoted. */
export function dateConfounderProblems(file: string, records: Iterable<CsvRecord>, confounders: readonly ConfounderColumn[], wideColumn: (c: ConfounderColumn) => number): Problem[] {
  const open = confounders.filter((c) => c.idx >= 0);
  if (!open.length) return [];
  const seen = open.map(() => ({ filled: 0, sas: 0, digits: 0 }));
  const cells = new SpecialMissingReader();
  const fields = Math.max(...open.map((c) => c.idx)) + 1;
  for (const rec of records) {
    cells.load(rec, fields);
    let more = false;
    open.forEach((c, i) => {
      const s = seen[i]!;
      if (s.filled >= SAMPLE) return;
      more = true;
      const v = cells.cell(c.idx);
      if (v === null) return;
      const coded = c.coder?.apply(v);
      if (coded?.kind === 'missing' || coded?.kind === 'answer') return;
      s.filled++;
      const shape = dateShape(v);
      if (shape) s[shape]++;
    });
    if (!more) break;
  }
  return open.flatMap((c, i): Problem[] => {
    const s = seen[i]!;
    if (s.filled === 0 || s.sas + s.digits < MIN_DATES * s.filled) return [];
    const written = s.sas >= s.digits ? 'as SAS writes them with the DATE9. format (ddMONyyyy)' : 'in digits (yyyy-mm-dd, dd.mm.yyyy or the like)';
    const how = s.sas >= s.digits ? 'the SAS date value (days since 1 January 1960: the variable without its DATE9. format)' : 'days since a fixed date (SAS date value, R as.numeric(date))';
    return [{
      file,
      line: 1,
      column: wideColumn(c),
      field: c.column,
      value: c.column,
      expected: `a confounder hta can read: "${c.column}" holds dates, written ${written}, and hta reads no dates (docs/limits.md) — export the date as a number, ${how}, or the year and month or quarter as one number, and give the confounder "${c.name}" "type": "numeric" (calendar time as a slope); as "type": "categorical" each day would be a level of its own, held by a few patients`,
      kind: `confounder.date:${c.column}`,
    }];
  });
}
