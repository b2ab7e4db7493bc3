/**
 * A byte-level CSV scanner (RFC 4180 quoting, LF / CRLF / CR line ends) that keeps each record
 * as ONE string instead of an array of cell strings. A 200 MB trial export has ~10 million
 * cells of 1–3 characters; as separate strings and arrays they took ~18× the file in memory,
 * and csv-parse needed minutes for it. Kept packed, a record costs about its own length; its
 * cells are split out when asked for (docs/limits.md has the measurements).
 *
 * Semantics follow what the reader used before (csv-parse with trim, skip_empty_lines and
 * strict quotes): fields are trimmed outside quotes; `""` inside quotes is a quote; a quote in
 * the middle of an unquoted field, text after a closing quote, and an unclosed quote are errors.
 * Blank (or whitespace-only) lines are skipped.
 *
 * The scanner also runs over a file read in chunks (read-csv.ts streams trial exports so that
 * the whole file is never held): with `final: false` it stops before a record that the chunk
 * does not hold completely, and says where, so the caller can read on and resume there.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const EQUALS = 0x3d;

/** What a field written as Excel's text formula (`="002"`) should be instead (docs/input-trial-export.md, "Patient ids"). */
export const EXCEL_TEXT_FORMULA =
  'a value, not Excel\'s text formula ="…" (a spreadsheet writes an id or code as ="…" to keep its leading zeros, and the CSV then holds the formula, not the value): ' +
  'format the column as Text in the spreadsheet and save as CSV again, or replace each ="…" by the text inside its quotes';

/** A record as scanned: the fields packed into one string, or (when quoted) as an array. */
export interface ScannedRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  /** The record's text when no field is quoted (split on the delimiter to get the fields). */
  text?: string;
  /** The fields, when some field was quoted (so the text cannot simply be split). */
  fields?: string[];
  /** Number of fields (1 for unquoted records when the scan does not count). */
  count: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly field: number,
  ) {
    super(message);
  }
}

const TAB = 0x09;
const isBlank = (c: number) => c === 0x20 || c === TAB;
/**
 * Blanks trimmed around a quoted field: spaces and tabs, but never the file's separator. In a
 * tab-separated file (Stata `outsheet`, R `write.table(sep = "\t")`, Excel "Unicode text") the
 * tab after a closing quote is the separator, and a tab before an opening quote ends an empty field.
 */
const blankIn = (delimiter: number) => (delimiter === TAB ? (c: number) => c === 0x20 : isBlank);

/** Thrown inside a chunk that ends within a record: the caller reads on and scans it again. */
const INCOMPLETE = Symbol('incomplete record');

export interface ScanOptions {
  /** Line number of `bytes[start]` (default 1). */
  line?: number;
  /** False when more bytes follow `bytes` (a chunk of a streamed file); default true. */
  final?: boolean;
  /** Count the fields of unquoted records (default true); a re-read of a checked file skips it. */
  count?: boolean;
}

/** Where a scan stopped: the byte after the last whole record scanned, and its line. */
export interface ScanEnd {
  pos: number;
  line: number;
}

/**
 * Calls `onRecord` for every non-blank record of `bytes[start..]`, in order. The callback may
 * return false to stop early (used to read just the header). A non-final chunk should end just
 * after a line feed; the scan then stops before any record the chunk cuts off.
 */
export function scanCsv(bytes: Buffer, start: number, delimiter: number, onRecord: (r: ScannedRecord) => boolean | void, options: ScanOptions = {}): ScanEnd {
  const n = bytes.length;
  const final = options.final ?? true;
  const counting = options.count ?? true;
  let pos = start;
  let line = options.line ?? 1;
  // Next quote and CR at or after pos (-1: none left), found once and moved forward lazily so
  // that a file without them is not searched to its end on every line.
  let nextQuote = bytes.indexOf(QUOTE, pos);
  let nextCr = bytes.indexOf(CR, pos);
  while (pos < n) {
    // End of this physical line.
    let eol = bytes.indexOf(LF, pos);
    if (eol < 0) {
      if (!final) return { pos, line };
      eol = n;
    }
    if (nextCr >= 0 && nextCr < pos) nextCr = bytes.indexOf(CR, pos);
    if (nextCr >= 0 && nextCr < eol) eol = nextCr; // CR or CRLF
    if (nextQuote >= 0 && nextQuote < pos) nextQuote = bytes.indexOf(QUOTE, pos);
    if (nextQuote < 0 || nextQuote >= eol) {
      // Fast path: no quote on this line; one string for the whole record.
      let a = pos;
      let b = eol;
      while (a < b && isBlank(bytes[a]!)) a++;
      while (b > a && isBlank(bytes[b - 1]!)) b--;
      if (a < b) {
        let count = 1;
        if (counting) for (let k = pos; k < eol; k++) if (bytes[k] === delimiter) count++;
        if (onRecord({ line, text: bytes.toString('utf8', pos, eol), count }) === false) return { pos: eol, line };
      }
      pos = eol;
    } else {
      let r: { fields: string[]; end: number; line: number };
      try {
        r = scanQuotedRecord(bytes, pos, line, delimiter, final);
      } catch (err) {
        if (err === INCOMPLETE) return { pos, line };
        throw err;
      }
      if (onRecord({ line, fields: r.fields, count: r.fields.length }) === false) return { pos: r.end, line: r.line };
      line = r.line; // lines consumed by breaks inside quotes
      pos = r.end;
    }
    // Consume the line break.
    if (pos < n) {
      if (bytes[pos] === CR && bytes[pos + 1] === LF) pos += 2;
      else pos += 1;
      line++;
    }
  }
  return { pos, line };
}

/** Fields of a record containing quotes, from `pos` to its (unquoted) line end. */
function scanQuotedRecord(bytes: Buffer, pos: number, line: number, delimiter: number, final: boolean): { fields: string[]; end: number; line: number } {
  const n = bytes.length;
  const fields: string[] = [];
  const startLine = line;
  const blank = blankIn(delimiter);
  while (true) {
    // One field starting at pos.
    let a = pos;
    while (a < n && blank(bytes[a]!)) a++;
    if (bytes[a] === QUOTE) {
      const openLine = line;
      let out = '';
      let run = a + 1;
      let k = a + 1;
      while (true) {
        const q = bytes.indexOf(QUOTE, k);
        if (q < 0 && !final) throw INCOMPLETE;
        if (q < 0) throw new CsvSyntaxError(`a closing quote for the field opened on line ${openLine}`, startLine, fields.length + 1);
        for (let m = k; m < q; m++) if (bytes[m] === LF || (bytes[m] === CR && bytes[m + 1] !== LF)) line++;
        if (bytes[q + 1] === QUOTE) {
          out += bytes.toString('utf8', run, q + 1);
          k = run = q + 2;
          continue;
        }
        out += bytes.toString('utf8', run, q);
        k = q + 1;
        break;
      }
      while (k < n && blank(bytes[k]!)) k++;
      if (k >= n && !final) throw INCOMPLETE;
      fields.push(out);
      if (k >= n || bytes[k] === LF || bytes[k] === CR) return { fields, end: k, line };
      if (bytes[k] !== delimiter) throw new CsvSyntaxError('the separator or a line end after a closing quote (a quote inside a quoted field is written "")', line, fields.length);
      pos = k + 1;
      continue;
    }
    // Unquoted field: up to the delimiter or line end; a quote inside it is an error.
    let k = a;
    while (k < n && bytes[k] !== delimiter && bytes[k] !== LF && bytes[k] !== CR) {
      // `="002"`: Excel's text formula, written to keep an id's leading zeros; the sheet's cell, not a CSV value.
      if (bytes[k] === QUOTE && k === a + 1 && bytes[a] === EQUALS) throw new CsvSyntaxError(EXCEL_TEXT_FORMULA, line, fields.length + 1);
      if (bytes[k] === QUOTE) throw new CsvSyntaxError('a quote only at the start of a field (put the whole field in quotes and double the inner quote: "12"" screen")', line, fields.length + 1);
      k++;
    }
    if (k >= n && !final) throw INCOMPLETE;
    fields.push(bytes.toString('utf8', a, k).trim());
    if (k >= n || bytes[k] !== delimiter) return { fields, end: k, line };
    pos = k + 1;
  }
}
