/**
 * The decimal mark of an eligible-population file that shows none, decided by its counts.
 *
 * A tab-separated or UTF-16 file (Excel's "Tekst (tabulatorsepareret)" and "Unicode-tekst") does
 * not say its decimal mark (io/decimal-mark.ts, rule 5), so a count written `37.272` reads either
 * as 37272 or as 37.272, and the reader refuses the file. But a count is a whole number of people:
 * `37.272` read as a decimal is no count at all, so the `.` can only group thousands — and one
 * mark holds for the whole file. Only a file whose every such cell is whole either way (`37.000`:
 * 37 or 37000) stays undecided, and is refused as before (docs/input-registry.md "The eligible file").
 *
 * A comma-separated file says the point (rule 2), but Google Sheets and LibreOffice in a Danish
 * locale write one too: `37.272` (unquoted), `"37.272,00"`, `"37272,00"`. As a count each reads one
 * way only (37.272 people is no count; `,00` is no group of thousands), so where the counts show
 * only that locale's shapes, and none of English Excel's (`"37,272"`, `37272.00`), its marks are the
 * file's (`commaFileCountsMark`).
 */
import type { Dialect } from '../io/dialect.js';
import type { CsvRecord } from '../io/read-csv.js';

/** One group of three digits after a single separator (`37.272`, `1,250`): the cells rule 5 leaves undecided. */
const ONE_GROUP = /^\d{1,3}([.,])(\d{3})$/;

/**
 * `dialect` with its mark decided when it was undecided and some count cell (in `columns`, 0-based)
 * written like the undecided cells cannot be a whole number as a decimal; else `dialect` itself.
 */
export function countsDecideMark(dialect: Dialect, records: Iterable<CsvRecord>, columns: readonly number[]): Dialect {
  const undecided = dialect.decimalUndecided;
  if (undecided === undefined) return dialect;
  const separator = undecided.first.separator;
  for (const rec of records) {
    for (const c of columns) {
      const m = ONE_GROUP.exec((rec.raw[c] ?? '').trim());
      if (m && m[1] === separator && m[2] !== '000') {
        // `separator` groups thousands, so the other mark is the decimal one.
        const { decimalUndecided: _, ...decided } = dialect;
        return { ...decided, decimalComma: separator === '.' };
      }
    }
  }
  return dialect;
}

/** A count only a decimal-comma locale writes: thousands with a point, a group not all zeros (`37.272`), or a zero decimal part with a comma (`37.000,00`, `37272,00`). */
const COMMA_LOCALE = /^\d{1,3}(?:\.\d{3})*\.(?!000(?:[.,]|$))\d{3}(?:\.\d{3})*$|^\d{1,3}(?:\.\d{3})*,0{1,2}$|^\d+,0{1,2}$/;
/** A count only a decimal-point locale writes: `37,272` (a group not all zeros), `37,000.00`, `37272.00`. */
const POINT_LOCALE = /^\d{1,3}(?:,\d{3})*,(?!000(?:[.,]|$))\d{3}(?:,\d{3})*$|^\d{1,3}(?:,\d{3})*\.0{1,2}$|^\d+\.0{1,2}$/;

/**
 * `dialect` of a comma-separated file read with the decimal comma when its counts (in `columns`,
 * 0-based) show only a decimal-comma locale's shapes; else `dialect` itself (a declared or already
 * decided comma, a file with English Excel's counts, or with both: one mark per file).
 */
export function commaFileCountsMark(dialect: Dialect, records: Iterable<CsvRecord>, columns: readonly number[]): Dialect {
  if (dialect.delimiter !== ',' || dialect.decimalComma || dialect.declaredMark !== undefined || dialect.decimalTie) return dialect;
  let comma = false;
  for (const rec of records) {
    for (const c of columns) {
      const t = (rec.raw[c] ?? '').trim();
      if (POINT_LOCALE.test(t)) return dialect;
      if (COMMA_LOCALE.test(t)) comma = true;
    }
  }
  if (!comma) return dialect;
  const { decimalUndecided: _, ...decided } = dialect;
  return { ...decided, decimalComma: true };
}
