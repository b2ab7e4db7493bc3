/**
 * Reads a CSV export with its dialect sniffed and every cell kept as text (or null when
 * missing), together with the physical line each record came from, so that validation can
 * point at file:line:column. Typing happens later, against explicit schemas: clinical data must
 * not be type-guessed. Bytes that are not UTF-8 are refused with their line.
 *
 * A file is streamed, never held whole: `readCsvFile` reads it once in chunks to check it
 * (encoding, quoting, field counts, header) and sniff its dialect, and its `records` read it
 * again, chunk by chunk, each time they are iterated. Memory is then what the caller keeps of
 * each record, not the file (docs/limits.md). `parseCsvText` keeps small in-memory tables.
 */
import { looksLikeJson } from './looks-like-json.js';
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { changedWhileReadMessage, fileIdentity, identityOf } from './file-identity.js';
import { basename } from 'node:path';
import { HtaError, type Problem } from '../errors.js';
import { CsvSyntaxError, type ScannedRecord, scanCsv } from './csv-scan.js';
import { firstInvalidUtf8, lineEndsIn, notUtf8 } from './utf8.js';
import { type Utf16, utf16Of, utf16WithoutMark } from './utf16.js';
import { decodeWindows1252, mixedEncodings, notWindows1252, Windows1252Check } from './windows-1252.js';
import { type Delimiter, type Dialect, sniffDelimiter } from './dialect.js';
import { isMissingWord, MISSING_WORDS } from './missing-words.js';
import { DecimalMarkVote } from './decimal-mark.js';
import { yearColumns } from './year-columns.js';
import { HEADER_SAMPLE_BYTES, headerLayoutError, type HeaderLayoutOptions } from './header-line.js';
import { separatorHint } from './separator-hint.js';
import { spaceSeparatedError } from './space-separated.js';
import { pandasHeaderError } from './pandas-header.js';
import { pivotCaption } from './pivot-caption.js';
import { refuseSpecialFile } from './regular-file.js';
import { isSsmsTrailer } from './ssms-trailer.js';
import { fieldShape, footnoteLineExpected, isFootnoteLine, isPaddedFootnoteText, onlyFirstField } from './footnote-lines.js';
import { CTRL_Z_EXPECTED, CTRL_Z_KIND, isCtrlZLine } from './ctrl-z.js';
import { doesNotExist } from './missing-file.js';

/** Distinct first-field shapes kept to tell a row cut short from a footnote (footnote-lines.ts); ids have one or a few. */
const ROW_SHAPES = 1000;

export interface CsvRecord {
  /** 1-based physical line number of the record's first line. */
  line: number;
  /** Cell values in header order; null when empty, `NA` or `.`. */
  cells: (string | null)[];
  /** Cell texts exactly as read (trimmed), for writing the export back out unchanged. */
  raw: string[];
}

/**
 * The data records (header excluded), in file order. Iterating a file's records reads the file
 * again; `length` is known from the first read.
 */
export interface CsvRecords extends Iterable<CsvRecord> {
  readonly length: number;
}

export interface CsvTable {
  file: string;
  header: string[];
  records: CsvRecords;
  dialect: Dialect;
  /** Lines of SQL Server Management Studio's closing lines, left out of the records (ssms-trailer.ts). */
  trailer?: readonly number[];
  /** Footnote lines after the last row (`Kilde: …`), left out of the records (footnote-lines.ts). */
  footnotes?: readonly number[];
  /** An Excel pivot's caption line 1 (`Sum af Antal;Kolonnenavne`), skipped above the header (pivot-caption.ts; only with `yearColumns`). */
  pivotCaption?: string;
  /** The header's line in the file (below blank lines or a pivot caption), when read from a file. */
  headerLine?: number;
}

/** A table held in memory (parsed from text): its records are an array. */
export interface CsvTableInMemory extends CsvTable {
  records: CsvRecord[];
}

/** Cell texts that mean "missing" in the exports we see (R, SAS/Stata, SQL: missing-words.ts). */
export const MISSING_TOKENS: ReadonlySet<string> = new Set(['', ...MISSING_WORDS]);

/** The `input.unreadable` error for a file that could not be opened or read. */
export function unreadableFile(file: string, err: unknown): HtaError {
  const code = (err as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? doesNotExist(file)
    : code === 'EISDIR' ? 'it is a folder, not a file'
    : code === 'ELOOP' ? 'it is a link that leads back to itself'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ERR_FS_FILE_TOO_LARGE' ? 'the file is larger than 2 GB (see docs/limits.md)'
    : String((err as Error).message);
  return new HtaError('input.unreadable', `cannot read ${file}: ${reason}`);
}

/**
 * csv-parse's syntax error as the `input.invalid` error naming the line. Its `value is "…"` is
 * left out: the field may be a patient id (or a whole line holding one, when the separator is
 * wrong), and no message may carry one (docs/output-safety.md). Found by the fuzz run.
 */
export function invalidCsv(file: string, err: unknown): HtaError {
  const e = err as Error & { lines?: number };
  const reason = e.message.replace(/^Invalid [^:]*: /, '').replace(/,? value is "[\s\S]*$/, '');
  return new HtaError('input.invalid', `${file} is not valid CSV`, [{ file, line: e.lines, expected: `well-formed CSV (${reason})` }]);
}

/** Line breaks inside quoted fields of a record: the lines it spans beyond its first. */
export function lineBreaksInside(fields: readonly string[]): number {
  let n = 0;
  for (const f of fields) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Longest column name read (characters): real ones are a few dozen (a REDCap field name is at
 * most 100); a megabyte one made every "columns are: …" message a megabyte and the column
 * matching take seconds (docs/limits.md "CSV exports").
 */
export const MAX_COLUMN_NAME = 1_000;

/** The refusal of the header's first name longer than `max` characters (its text is not echoed whole). */
export function overlongColumnName(file: string, header: readonly string[], line: number, max = MAX_COLUMN_NAME): HtaError | undefined {
  const i = header.findIndex((h) => h.length > max);
  if (i < 0) return undefined;
  const n = header[i]!.length.toLocaleString('en-GB');
  return new HtaError('input.invalid', `${file}: column ${i + 1} of the header line has a name of ${n} characters`, [
    { file, line, column: i + 1, value: shortName(header[i]!), expected: `a column name of at most ${max.toLocaleString('en-GB')} characters (is line ${line} the header line, and the separator right?)`, kind: 'header.long-name' },
  ]);
}

/** A column name as messages quote it: the first 60 characters, and "…" when there are more. */
export function shortName(name: string): string {
  return name.length <= 60 ? name : `${name.slice(0, 60)}…`;
}

export interface ReadCsvOptions {
  /** Longest column name accepted (default MAX_COLUMN_NAME); tests lower it. */
  maxColumnName?: number;
  /** Bytes read at a time (default 4 MB); tests use tiny chunks to cross every boundary. */
  chunkBytes?: number;
  /**
   * The plan's missing-value and answer codes, when the plan is known: cells that are values, never
   * labels, when the file's start is judged (header-line.ts).
   */
  knownValues?: HeaderLayoutOptions['knownValues'];
  /** A header with years as column names (`Region;2024;2025`) is a header (year-columns.ts): the eligible file's wide form. */
  yearColumns?: boolean;
  /**
   * `'keep'`: two columns of one name are read, not refused — for trial exports, whose readers
   * find every column through `resolveColumns` (trial/column-resolver.ts), which refuses a name
   * the plan uses only if the header holds it twice. REDCap's label export names every form's
   * status column "Complete?" (docs/input-trial-export.md "Column names").
   */
  duplicateNames?: 'keep';
  /**
   * `'refuse'`: a row with more fields than the header line writes is a field-count problem even
   * when the extra ones are blank — for studies files (docs/input-studies.md), where an unquoted
   * `;` in a citation (`2021;181(10)`) adds a field and a row ending in empty cells would
   * otherwise lose one of them and shift its cells a column. Spreadsheet padding writes no more
   * fields than the header line, so it is still read; trial exports keep the tolerance.
   */
  beyondHeader?: 'refuse';
  /**
   * Whether a line with fewer fields than the header holds data: then it is a row cut short,
   * refused as such wherever it is, never a footnote (footnote-lines.ts). For studies files, whose
   * first column holds author names ("De Vries 2020", "Smith et al. 2021") shaped as a footnote's
   * label: a short last row with numbers in its result columns would be dropped unsaid.
   */
  shortRowHoldsData?: (fields: readonly string[], header: readonly string[]) => boolean;
}

/** Reads and checks `file` in one streamed pass; its records stream from the file when iterated. */
export function readCsvFile(file: string, options: ReadCsvOptions = {}): CsvTable {
  const chunkBytes = Math.max(1, Math.floor(options.chunkBytes ?? CHUNK));
  let source = new FileChunks(file, chunkBytes);
  let shape: TableShape;
  try {
    shape = scanTable(source, file, undefined, options);
  } catch (err) {
    source.close();
    // Not UTF-8 (and no byte-order mark saying it is): Windows-1252 if its text is plausible as
    // such, read again from the start decoded (windows-1252.ts); refused otherwise.
    if (!(err instanceof NotUtf8WithoutMark)) throw err;
    const check = new Windows1252Check();
    source = new FileChunks(file, chunkBytes, check);
    try {
      shape = scan(source, file, undefined, options);
    } catch (again) {
      throw check.implausible?.utf8 ? mixedEncodings(err.error, check.implausible) : again;
    } finally {
      source.close();
    }
  } finally {
    source.close();
  }
  const records = new FileRecords(file, shape, source.identity, chunkBytes, source.legacy !== undefined);
  const legacy = source.legacy instanceof Windows1252Check ? source.legacy : undefined;
  return { file, header: shape.header, records, dialect: withEncoding(shape.dialect, source.utf16, legacy), headerLine: shape.headerLine, ...(shape.trailer.length ? { trailer: shape.trailer } : {}), ...(shape.footnotes.length ? { footnotes: shape.footnotes } : {}), ...(shape.pivotCaption === undefined ? {} : { pivotCaption: shape.pivotCaption }) };
}

export function parseCsvText(input: string, file: string): CsvTableInMemory {
  return parseCsvBytes(Buffer.from(input, 'utf8'), file);
}

export function parseCsvBytes(bytes: Buffer, file: string): CsvTableInMemory {
  const records: CsvRecord[] = [];
  const utf16 = utf16Of(bytes);
  let legacy: Windows1252Check | undefined;
  let text = bytes;
  if (utf16) text = Buffer.from(decodeUtf16(file, new TextDecoder(utf16, { fatal: true }), bytes, false), 'utf8');
  else if (!isUtf8(bytes) && !UTF8_BOM.every((b, i) => bytes[i] === b) && notCsvFile(file, bytes.subarray(0, 16)) === undefined) {
    legacy = new Windows1252Check();
    legacy.add(bytes);
    legacy.finish();
    if (legacy.implausible?.utf8) {
      const at = Math.max(0, firstInvalidUtf8(bytes));
      throw mixedEncodings(notUtf8(file, bytes, at, 0, 0, true), legacy.implausible);
    }
    if (legacy.implausible) throw notWindows1252(file, legacy.implausible);
    text = Buffer.from(decodeWindows1252(bytes), 'utf8');
  }
  const shape = scan(new BufferChunks(text), file, records);
  return { file, header: shape.header, records, dialect: withEncoding(shape.dialect, utf16, legacy), ...(shape.trailer.length ? { trailer: shape.trailer } : {}), ...(shape.footnotes.length ? { footnotes: shape.footnotes } : {}) };
}

/** The dialect with what the bytes were decoded from, when they were not UTF-8. */
function withEncoding(dialect: Dialect, utf16: Utf16 | undefined, legacy: Windows1252Check | undefined): Dialect {
  if (utf16) return { ...dialect, utf16 };
  if (legacy) return { ...dialect, windows1252: { characters: legacy.characters.join('') } };
  return dialect;
}

/**
 * What `scanTable` throws for bytes that are not UTF-8 in a file without a UTF-8 byte-order mark:
 * the caller may read the file again as Windows-1252. (With the mark, the file says it is UTF-8:
 * its `notUtf8` error is thrown as it is.)
 */
class NotUtf8WithoutMark {
  constructor(readonly error: HtaError) {}
}

/** `scanTable` for input that is read once: a file that is not UTF-8 is refused as such. */
function scan(c: Chunks, file: string, keep: CsvRecord[] | undefined, options: ReadCsvOptions = {}): TableShape {
  try {
    return scanTable(c, file, keep, options);
  } catch (err) {
    throw err instanceof NotUtf8WithoutMark ? err.error : err;
  }
}

/** Decodes (a chunk of) UTF-16 bytes; the decoder drops the byte-order mark and keeps state between chunks. */
function decodeUtf16(file: string, decoder: TextDecoder, bytes: Uint8Array, stream: boolean): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    throw new HtaError('input.invalid', `${file} is not valid UTF-16 text`, [
      { file, expected: 'UTF-16 text, as the byte-order mark at its start says (a lone surrogate or an odd number of bytes was found); or save the file as "CSV UTF-8" instead' },
    ]);
  }
}

/**
 * The decimal-mark votes of a record's cells (decimal-mark.ts). Only a cell with `.` or `,` in
 * it can vote, so a record is not split (most of a large file's records): its fields are walked
 * in place. The place a vote records holds no value: a cell of a trial export may be an id.
 */
function voteCells(votes: DecimalMarkVote, packed: string | readonly string[], delimiter: string, line: number): void {
  if (typeof packed !== 'string') {
    packed.forEach((f, i) => votes.add(f.trim(), () => ({ line, column: i + 1 }), i + 1));
    return;
  }
  // An unquoted field of a comma file holds no comma: only a point can vote there.
  if (packed.indexOf('.') < 0 && (delimiter === ',' || packed.indexOf(',') < 0)) return;
  for (let start = 0, column = 1; start <= packed.length; column++) {
    let end = packed.indexOf(delimiter, start);
    if (end < 0) end = packed.length;
    const field = packed.slice(start, end);
    if (field.indexOf('.') >= 0 || field.indexOf(',') >= 0) {
      const at = column;
      votes.add(field.trim(), () => ({ line, column: at }), at);
    }
    start = end + 1;
  }
}

/**
 * A record kept as the one string it was read from (or, when quoted, its field array): cells
 * are split out on each access. See csv-scan.ts for why; callers read each record's cells once.
 */
class PackedRecord implements CsvRecord {
  readonly line: number;
  readonly #packed: string | readonly string[];
  readonly #delimiter: string;
  constructor(line: number, packed: string | readonly string[], delimiter: string) {
    this.line = line;
    this.#packed = packed;
    this.#delimiter = delimiter;
  }
  get raw(): string[] {
    if (typeof this.#packed !== 'string') return [...this.#packed];
    const parts = this.#packed.split(this.#delimiter);
    for (let i = 0; i < parts.length; i++) parts[i] = trimCell(parts[i]!);
    return parts;
  }
  get cells(): (string | null)[] {
    // Quoted records were trimmed outside the quotes when scanned; blanks inside quotes are kept
    // (the trial reader reads them past but in the id: trial/quoted-padding.ts),
    // except that a quoted cell of blanks only (`"      "`, an SPSS or Stata string variable's
    // empty value) is missing as the same cell unquoted is — else it became a category of its own
    // (docs/input-trial-export.md "Dialects").
    const packed = typeof this.#packed === 'string';
    const parts: (string | null)[] = packed ? (this.#packed as string).split(this.#delimiter) : [...this.#packed];
    for (let i = 0; i < parts.length; i++) {
      const c = packed ? trimCell(parts[i]!) : parts[i]!;
      // MISSING_TOKENS written out (missing-words.ts): this runs for every cell of the file.
      parts[i] = isMissingWord(c) || (!packed && trimCell(c) === '') ? null : c;
    }
    return parts;
  }
  /** The record's packed text (undefined when it was quoted or is not packed), for FieldReader. */
  static textOf(rec: CsvRecord): string | undefined {
    return rec instanceof PackedRecord && typeof rec.#packed === 'string' ? rec.#packed : undefined;
  }
  static delimiterOf(rec: PackedRecord): string {
    return rec.#delimiter;
  }
}

/**
 * Whether a record was read unquoted as one packed string: its cells are trimmed when split, so it
 * holds no blanks at a cell's ends (trial/quoted-padding.ts passes such records by unsplit).
 */
export function isPackedUnquoted(rec: CsvRecord): boolean {
  return PackedRecord.textOf(rec) !== undefined;
}

/**
 * Reads single cells of a record without splitting it into strings: `load` finds where each
 * field starts and ends, `cell(i)` is exactly `rec.cells[i]` (null when missing or beyond the
 * record), and `digit(i)` gives a one-digit cell's value with no string made at all. The trial
 * loader reads 1.8 million records of ~50 mostly one-digit cells this way (docs/limits.md).
 */
export class FieldReader {
  #text = '';
  #starts = new Int32Array(64);
  #ends = new Int32Array(64);
  #count = 0;
  #cells: (string | null)[] | undefined;

  /** Takes record `rec`; with `fields`, only its first `fields` cells can be read. */
  load(rec: CsvRecord, fields = Infinity): void {
    const text = PackedRecord.textOf(rec);
    if (text === undefined) {
      this.#cells = rec.cells;
      this.#count = this.#cells.length;
      return;
    }
    this.#cells = undefined;
    this.#text = text;
    const d = PackedRecord.delimiterOf(rec as PackedRecord).charCodeAt(0);
    let count = 0;
    let start = 0;
    const n = text.length;
    for (let k = 0; k <= n && count < fields; k++) {
      if (k === n || text.charCodeAt(k) === d) {
        if (count === this.#starts.length) this.#grow();
        this.#starts[count] = start;
        this.#ends[count] = k;
        count++;
        start = k + 1;
      }
    }
    this.#count = count;
  }

  #grow(): void {
    const starts = new Int32Array(this.#starts.length * 2);
    const ends = new Int32Array(this.#ends.length * 2);
    starts.set(this.#starts);
    ends.set(this.#ends);
    this.#starts = starts;
    this.#ends = ends;
  }

  cell(i: number): string | null {
    if (this.#cells !== undefined) return this.#cells[i] ?? null;
    if (i < 0 || i >= this.#count) return null;
    const c = trimCell(this.#text.slice(this.#starts[i], this.#ends[i]));
    return isMissingWord(c) ? null : c;
  }

  /**
   * The length of cell i as written, blanks included (an upper bound of `cell(i)`'s length; 0
   * beyond the record), without making the string; -1 when the record was quoted (its cells are
   * then read from `rec.cells`). Lets a caller pass over cells too short for what it looks for.
   */
  width(i: number): number {
    if (this.#cells !== undefined) return -1;
    if (i < 0 || i >= this.#count) return 0;
    return this.#ends[i]! - this.#starts[i]!;
  }

  /** 0–9 when cell i is one digit character (no blanks), else -1. */
  digit(i: number): number {
    if (this.#cells !== undefined || i < 0 || i >= this.#count) return -1;
    const a = this.#starts[i]!;
    if (this.#ends[i]! - a !== 1) return -1;
    const c = this.#text.charCodeAt(a) - 48;
    return c >= 0 && c <= 9 ? c : -1;
  }
}

/** A studies file's row with a field too many: most often a citation's unquoted separator. */
const quoteHint = (d: string): string => `a cell holding "${d}" (a citation's "2021${d}181(10)") must be in double quotes, or it splits into two cells`;

/**
 * A scanned record cut to the header's named columns. Spreadsheets (Excel's "CSV
 * (semikolonsepareret)" among them) write trailing separators for columns that were once
 * touched: `;;;` after the last value, under empty header names or none. Those trailing fields
 * are dropped when they are all blank; `nonBlank` is the first field beyond the named ones that
 * holds a value (a 0-based index), or -1 when none does.
 */
function cutToWidth(r: ScannedRecord, width: number, d: string): { packed: string | readonly string[]; nonBlank: number } {
  if (r.fields) {
    if (r.fields.length <= width) return { packed: r.fields, nonBlank: -1 };
    for (let i = width; i < r.fields.length; i++) if (r.fields[i]!.trim() !== '') return { packed: r.fields, nonBlank: i };
    return { packed: r.fields.slice(0, width), nonBlank: -1 };
  }
  const text = r.text!;
  let at = -1;
  for (let k = 0; k < width; k++) {
    at = text.indexOf(d, at + 1);
    if (at < 0) return { packed: text, nonBlank: -1 };
  }
  // Fields width, width+1, … are the text after the width-th separator.
  let field = width;
  for (let k = at + 1; k < text.length; k++) {
    const ch = text[k]!;
    if (ch === d) field++;
    else if (ch.trim() !== '') return { packed: text, nonBlank: field };
  }
  return { packed: text.slice(0, at), nonBlank: -1 };
}

/**
 * A record of separators and blanks only (`;;;;;;`): Excel writes one for each row that was
 * once touched and then emptied. It holds no value, so it is skipped as a blank line is. Most
 * records start with a value, which settles it at the first character.
 */
function allBlank(r: ScannedRecord, d: string): boolean {
  // A quoted field of blanks only is missing as an unquoted one is (PackedRecord.cells).
  if (r.fields) return r.fields.every((f) => f.trim() === '');
  const text = r.text!;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (ch !== d && ch.trim() !== '') return false;
  }
  return true;
}

/** trim() only when needed: most cells have no surrounding blanks, and trim() allocates. */
function trimCell(c: string): string {
  if (c.length === 0) return c;
  const a = c.charCodeAt(0);
  const b = c.charCodeAt(c.length - 1);
  // Blanks, controls, and any non-ASCII character (which may be a Unicode space) at either end.
  return a <= 0x20 || b <= 0x20 || a >= 0x7f || b >= 0x7f ? c.trim() : c;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const LF = 0x0a;

/**
 * Bytes of a file (or of a buffer) in a sliding window: `buf[start..end)` is what has been read
 * and not yet consumed, `buf[0]` is byte `base` of the file. `more()` drops what was consumed
 * and reads the next chunk (growing the window when one record is longer than it).
 */
interface Chunks {
  buf: Buffer;
  start: number;
  end: number;
  base: number;
  eof: boolean;
  /** Reads more bytes; false at the end of the input (then `eof` is set). */
  more(): boolean;
}

class BufferChunks implements Chunks {
  start = 0;
  base = 0;
  eof = false;
  end: number;
  constructor(readonly buf: Buffer) {
    this.end = buf.length;
  }
  more(): boolean {
    this.eof = true;
    return false;
  }
}

/** 4 MB: large enough that reads are few, small against any file worth streaming. */
const CHUNK = 4 * 1024 * 1024;

class FileChunks implements Chunks {
  buf: Buffer;
  start = 0;
  end = 0;
  base = 0;
  eof = false;
  readonly #fd: number;
  #closed = false;
  /** Size and modification time at opening: a second read checks the file is still the same. */
  readonly identity: string;
  /** Set when the file starts with a UTF-16 byte-order mark: its bytes are decoded to UTF-8 as read. */
  readonly utf16: Utf16 | undefined;
  readonly #decoder: TextDecoder | undefined;
  #raw: Buffer | undefined;
  /**
   * Set when the file is read as Windows-1252 (decoded to UTF-8 as read): the check its bytes
   * pass on the first read (`Windows1252Check`), or 'windows-1252' on a re-read of a checked file.
   */
  readonly legacy: Windows1252Check | 'windows-1252' | undefined;
  constructor(
    readonly file: string,
    chunkBytes: number,
    legacy?: Windows1252Check | 'windows-1252',
  ) {
    this.legacy = legacy;
    this.buf = Buffer.allocUnsafe(chunkBytes);
    // A named pipe would block the open itself (regular-file.ts).
    refuseSpecialFile(file);
    try {
      this.#fd = openSync(file, 'r');
      const st = fstatSync(this.#fd);
      this.identity = identityOf(st);
      // A positioned read leaves the file position where it is: the chunks still start at byte 0.
      const mark = Buffer.alloc(2);
      this.utf16 = utf16Of(mark.subarray(0, readSync(this.#fd, mark, 0, 2, 0)));
    } catch (err) {
      this.close();
      throw unreadableFile(file, err);
    }
    if (this.utf16) this.#decoder = new TextDecoder(this.utf16, { fatal: true });
    if (this.utf16 || legacy) this.#raw = Buffer.allocUnsafe(Math.max(2, chunkBytes));
  }
  more(): boolean {
    if (this.eof) return false;
    if (this.start > 0) {
      this.buf.copyWithin(0, this.start, this.end);
      this.base += this.start;
      this.end -= this.start;
      this.start = 0;
    }
    if (this.end === this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, this.end);
      this.buf = bigger;
    }
    if (this.#raw) return this.#moreDecoded(this.#raw);
    let n: number;
    try {
      n = readSync(this.#fd, this.buf, this.end, this.buf.length - this.end, null);
    } catch (err) {
      this.close();
      throw unreadableFile(this.file, err);
    }
    if (n === 0) {
      this.eof = true;
      return false;
    }
    this.end += n;
    return true;
  }
  /** `more` for a UTF-16 or Windows-1252 file: a chunk of its bytes, decoded, appended as UTF-8. */
  #moreDecoded(raw: Buffer): boolean {
    let n: number;
    try {
      n = readSync(this.#fd, raw, 0, raw.length, null);
    } catch (err) {
      this.close();
      throw unreadableFile(this.file, err);
    }
    let text: string;
    try {
      text = this.#decode(raw.subarray(0, n), n > 0);
    } catch (err) {
      this.close();
      throw err;
    }
    const bytes = Buffer.from(text, 'utf8');
    if (this.end + bytes.length > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.end + bytes.length));
      this.buf.copy(bigger, 0, 0, this.end);
      this.buf = bigger;
    }
    bytes.copy(this.buf, this.end);
    this.end += bytes.length;
    if (n === 0) {
      this.eof = true;
      return bytes.length > 0;
    }
    return true;
  }
  #decode(bytes: Buffer, stream: boolean): string {
    if (this.#decoder) return decodeUtf16(this.file, this.#decoder, bytes, stream);
    if (this.legacy instanceof Windows1252Check) {
      this.legacy.add(bytes);
      if (!stream) this.legacy.finish();
      if (this.legacy.implausible) throw notWindows1252(this.file, this.legacy.implausible);
    }
    return decodeWindows1252(bytes);
  }
  close(): void {
    // Once only: a read error closes early and the caller's `finally` closes again, and by then
    // the descriptor number may belong to another file opened meanwhile (a worker thread, the
    // staging writer), which a second close would shut. Found by the fuzz run (a folder as input).
    if (this.#closed) return;
    this.#closed = true;
    try {
      closeSync(this.#fd);
    } catch {
      // nothing to release
    }
  }
}

/** End of the whole lines read so far: just after the last line feed (the window's end at EOF). */
function wholeLines(c: Chunks): number {
  if (c.eof) return c.end;
  const lf = c.buf.lastIndexOf(LF, c.end - 1);
  return lf < c.start ? c.start : lf + 1;
}

/** The first `count` non-blank lines from `start` (fewer when the bytes hold fewer), each cut at a million characters. */
function nonBlankLines(bytes: Buffer, start: number, count: number): string[] {
  const lines: string[] = [];
  let pos = start;
  while (pos < bytes.length && lines.length < count) {
    let end = bytes.indexOf(LF, pos);
    if (end < 0) end = bytes.length;
    const line = bytes.toString('utf8', pos, Math.min(end, pos + 1_000_000));
    for (const part of line.split('\r')) if (part.trim() !== '' && lines.length < count) lines.push(part);
    pos = end + 1;
  }
  return lines;
}

/** A CsvSyntaxError as the `input.invalid` error naming line and field; anything else unchanged. */
function syntaxError(file: string, err: unknown): unknown {
  if (!(err instanceof CsvSyntaxError)) return err;
  return new HtaError('input.invalid', `${file} is not valid CSV`, [{ file, line: err.line, column: err.field, expected: err.message }]);
}

/**
 * Files users pass by mistake for a CSV export, told apart by their first bytes so the message
 * names what the file is and how to get a CSV out of it (a workbook would otherwise read as
 * "not UTF-8", a Parquet file as a quoting error on line 1).
 */
function binaryKind(head: Buffer, file: string): { what: string; how: string } | undefined {
  const starts = (text: string) => head.subarray(0, text.length).equals(Buffer.from(text, 'latin1'));
  const csvFromExcel = 'in Excel, "Save as" → "CSV UTF-8 (comma delimited)" (Danish: "CSV UTF-8 (kommasepareret)")';
  if (starts('PK\x03\x04')) return { what: 'an Excel workbook (.xlsx) or another zip archive', how: csvFromExcel };
  if (starts('\xD0\xCF\x11\xE0')) return { what: 'an old Excel workbook (.xls)', how: csvFromExcel };
  if (starts('PAR1')) return { what: 'a Parquet file', how: parquetHow(file) };
  // Compressed files: read as text they were Windows-1252 with NUL bytes, and their "column
  // names" were printed as such. Named instead (the file name may still say .csv: data.csv.gz).
  const unpack = 'unpack it first (e.g. `gunzip -k data.csv.gz`, or 7-Zip on Windows) and give the CSV file inside';
  if (starts('\x1F\x8B')) return { what: 'a gzip-compressed file', how: unpack };
  if (starts('BZh') && head[3] !== undefined && head[3] >= 0x31 && head[3] <= 0x39) return { what: 'a bzip2-compressed file', how: unpack };
  if (starts('\xFD7zXZ\x00')) return { what: 'an xz-compressed file', how: unpack };
  if (starts('\x28\xB5\x2F\xFD')) return { what: 'a zstd-compressed file', how: unpack };
  if (starts('7z\xBC\xAF\x27\x1C')) return { what: 'a 7-Zip archive', how: unpack };
  if (starts('Rar!\x1A\x07')) return { what: 'a RAR archive', how: unpack };
  if (starts('%PDF-')) return { what: 'a PDF document', how: 'export the table as CSV from the program that made the PDF (a PDF holds pages, not a table to read)' };
  if (starts('$FL2') || starts('$FL3')) return { what: 'an SPSS data file (.sav)', how: 'in SPSS, File → Export → CSV, encoding UTF-8' };
  if (starts('<stata_dta>') || head[0] === 0x72 || head[0] === 0x73 || head[0] === 0x71) {
    if (head[1] === 0x01 || head[1] === 0x02 || starts('<stata_dta>')) return { what: 'a Stata data file (.dta)', how: 'in Stata, `export delimited using export.csv` (UTF-8)' };
  }
  return undefined;
}

/**
 * What a Parquet file given where CSV is read should be: hta reads Parquet only as `hta uptake`'s
 * registry, chosen by a name ending in .parquet (docs/input-registry.md "Parquet"). A file not so
 * named may be that registry: renaming it is the way; a .parquet file here is another input.
 */
function parquetHow(file: string): string {
  if (/\.parquet$/i.test(file)) return 'hta reads Parquet only as hta uptake\'s registry; the eligible file and every other input must be CSV: export this one as CSV (docs/input-registry.md "Parquet")';
  return `if it is hta uptake's registry, give it a name ending in .parquet (e.g. ${basename(file).replace(/\.[^.]*$/, '')}.parquet), which is how hta uptake knows to read it as Parquet; the eligible file and every other input must be CSV (docs/input-registry.md "Parquet")`;
}

/** The error for a file whose first bytes say it is a workbook or data file, not CSV (else undefined). */
export function notCsvFile(file: string, head: Buffer): HtaError | undefined {
  const kind = binaryKind(head, file);
  if (kind) return new HtaError('input.invalid', `${file} is ${kind.what}, not a CSV file`, [{ file, line: 1, expected: `a CSV file: ${kind.how}` }]);
  // JSON (a Power BI or API export saved as .csv, an .ndjson file): its first brace would be
  // "a quote only at the start of a field" on line 1, which says nothing of what the file is.
  if (looksLikeJson(head)) {
    return new HtaError('input.invalid', `${file} is JSON, not a CSV file`, [{
      file, line: 1,
      expected: 'a CSV file (a header line, then one line per row): hta reads this input as CSV only — export the table as CSV (Power BI: the visual\'s "…" menu → "Export data" → ".csv"; Excel: "Save as" → "CSV UTF-8"), not the JSON of an API or a "Copy" of the query result',
    }]);
  }
  const order = utf16WithoutMark(head);
  // Its ASCII is valid UTF-8 with a NUL after (or before) each letter: left alone, it would read
  // as one odd column name per letter, or as Windows-1252, rather than be named.
  if (order) {
    return new HtaError('input.invalid', `${file} looks like UTF-16 text without a byte-order mark: its encoding cannot be told for certain`, [
      { file, line: 1, expected: `UTF-8 text (in Excel, "CSV UTF-8"; Danish: "CSV UTF-8 (kommasepareret)"), or UTF-16 with its byte-order mark (Excel's "Unicode text"); or convert it, e.g. iconv -f UTF-16${order === 'utf-16le' ? 'LE' : 'BE'} -t UTF-8` },
    ]);
  }
  // No text holds a NUL byte (UTF-16 with its mark is decoded before it is read): any other
  // binary file would read as Windows-1252 and its bytes be printed as column names.
  if (!utf16Of(head) && head.includes(0)) {
    return new HtaError('input.invalid', `${file} is a binary file (its first bytes hold NUL bytes, which no text has), not a CSV file`, [
      { file, line: 1, expected: 'a CSV file: export the data as CSV (UTF-8) from the program that made this file' },
    ]);
  }
  return undefined;
}

interface TableShape {
  /** The named columns: trailing unnamed, all-blank columns are dropped (see `cutToWidth`). */
  header: string[];
  /** Some record has blank fields beyond the named columns, which its re-reads cut off. */
  padded: boolean;
  /** Line of the header record. */
  headerLine: number;
  /** Byte offset where scanning starts (after a BOM, and after Excel's `sep=;` line). */
  start: number;
  /** The line `start` is on: 2 after Excel's `sep=;` line, else 1. */
  startLine: number;
  dialect: Dialect;
  /** Data records. */
  count: number;
  /** SSMS's closing lines at the end, left out of the records (ssms-trailer.ts). */
  trailer: number[];
  /** Footnote lines at the end, left out of the records (footnote-lines.ts). */
  footnotes: number[];
  /** An Excel pivot's caption line skipped above the header (pivot-caption.ts). */
  pivotCaption?: string;
}

/**
 * One pass over the input: refuses bytes that are not UTF-8 (before any other problem, as the
 * first bad byte may explain it), sniffs the separator from the first non-blank line, checks
 * quoting, field counts and the header, and sniffs the decimal mark from the cells. Keeps the
 * records in `keep` when given.
 */
function scanTable(c: Chunks, file: string, keep: CsvRecord[] | undefined, options: ReadCsvOptions = {}): TableShape {
  let delimiter: Delimiter | undefined;
  let start = 0;
  let bom = false;
  let crlf = false;
  let crOnly = false;
  let header: string[] | undefined;
  let written = 0;
  let padded = false; // some record had blank fields beyond the named columns
  let headerLine = 1;
  let line = 1;
  let count = 0;
  let checked = 0; // absolute offset up to which the bytes are known to be UTF-8
  let linesBefore = 0; // line ends before `checked` (LF, CRLF or CR alone: lineEndsIn)
  let syntax: unknown; // a CSV syntax error, thrown once the whole file is known to be UTF-8
  // Every cell votes for the decimal mark (decimal-mark.ts); in a comma-separated file only a
  // file without any decimal point and with quoted decimal commas is not read with the point (rule 2).
  let votes: DecimalMarkVote | undefined;
  const problems: Problem[] = [];
  let first = true;
  let headChecked = false;
  let startLine = 1;
  // The line skipped at the start, an Excel pivot's caption (pivot-caption.ts), if any.
  let skipped: string | undefined;
  // SSMS's closing lines seen since the last record: no row if only blank lines follow them (ssms-trailer.ts).
  let trailer: number[] = [];
  // Footnote lines seen since the last record (`Kilde: …`): no row if only blank lines and more footnotes follow (footnote-lines.ts).
  let footnotes: { line: number; count: number; record?: ScannedRecord }[] = [];
  // A line holding only Ctrl-Z (0x1A): the end-of-file mark if nothing but blank lines follows (ctrl-z.ts).
  let ctrlZ: number | undefined;
  const rowShapes = new Set<string>();
  const fieldCountProblem = (line: number, fields: number): Problem => ({
    file,
    line,
    value: `${fields} ${fields === 1 ? 'field' : 'fields'}`,
    expected: `${header!.length}${written > header!.length ? ` named fields (the header line writes ${written} with its empty ones)` : ' fields as in the header'} (check the separator "${delimiter === '\t' ? '\\t' : delimiter}" and quoting)`,
    kind: 'csv.field-count',
  });

  /** One data record: its shape noted, its width checked, counted and kept. */
  const row = (r: ScannedRecord): void => {
    const h = header!;
    const d = delimiter!;
    // The shapes of the rows' first fields (an id column's): a short line shaped as them is a row cut short, no footnote.
    if (rowShapes.size < ROW_SHAPES) rowShapes.add(fieldShape(r.fields ? r.fields[0]! : r.text!.split(d)[0]!));
    let packed: string | readonly string[] = r.text ?? r.fields!;
    let fieldCount = r.count !== h.length;
    if (r.count > h.length) {
      // Trailing separators beyond the named columns: dropped when blank (cutToWidth).
      const cut = cutToWidth(r, h.length, d);
      if (cut.nonBlank < 0 && options.beyondHeader === 'refuse' && r.count > written) {
        problems.push({ ...fieldCountProblem(r.line, r.count), hint: quoteHint(d) });
        return;
      }
      if (cut.nonBlank < 0) {
        packed = cut.packed;
        fieldCount = false;
        padded = true;
      } else if (cut.nonBlank < written) {
        // The value is not echoed: in a column nobody named it may be anything (an id).
        problems.push({ file, line: r.line, column: cut.nonBlank + 1, expected: `an empty cell: column ${cut.nonBlank + 1} has no name in the header line — name it there, or delete the column`, kind: 'csv.unnamed-value' });
        return;
      }
    }
    if (fieldCount) {
      problems.push({ ...fieldCountProblem(r.line, r.count), ...(options.beyondHeader === 'refuse' && r.count > h.length ? { hint: quoteHint(d) } : {}) });
      return;
    }
    count++;
    if (votes !== undefined) voteCells(votes, packed, d, r.line);
    if (keep) keep.push(new PackedRecord(r.line, packed, d));
  };

  while (true) {
    c.more();
    if (first && (c.end - c.start >= 3 || c.eof)) {
      first = false;
      const notCsv = notCsvFile(file, c.buf.subarray(0, Math.min(c.end, 16)));
      if (notCsv) throw notCsv;
      bom = UTF8_BOM.every((b, i) => i < c.end && c.buf[i] === b);
      start = bom ? 3 : 0;
      c.start = start;
      // The mark is UTF-8: checked. (The window may move past it before the first check.)
      checked = start;
    }
    if (first) continue;
    // The file's start is judged whole (a title above the header, label rows under it:
    // header-line.ts) before any record is scanned, so nothing of it is consumed yet.
    if (!headChecked && !c.eof && c.end - c.start < HEADER_SAMPLE_BYTES) continue;
    const cut = wholeLines(c);
    const view = c.buf.subarray(0, cut);
    // Encoding of the bytes not yet checked.
    const from = checked - c.base;
    if (cut > from) {
      const fresh = view.subarray(from, cut);
      if (!isUtf8(fresh)) {
        const error = notUtf8(file, fresh, Math.max(0, firstInvalidUtf8(fresh)), linesBefore, checked, true);
        if (!bom) throw new NotUtf8WithoutMark(error);
        // The mark says UTF-8: the file is not read as anything else.
        throw new HtaError('input.invalid', error.message, [
          { ...error.problems[0]!, expected: 'UTF-8 text, as the byte-order mark at its start says; text of another encoding was added to it — save it again as "CSV UTF-8"' },
        ]);
      }
      linesBefore += lineEndsIn(view, from, cut);
      checked = c.base + cut;
    }
    if (!headChecked) {
      headChecked = true;
      let head = view.toString('utf8', c.start, cut);
      // An Excel pivot's value caption above the eligible file's header (`Sum af Antal;Kolonnenavne`,
      // pivot-caption.ts): skipped as the `sep=;` line below, the lines still the file's own; the
      // header's layout is judged without it (an empty line 1 in its place).
      const caption = options.yearColumns ? pivotCaption(head) : undefined;
      if (caption) {
        c.start += Buffer.byteLength(head.slice(0, caption.end), 'utf8');
        start = c.base + c.start;
        line = startLine = 2;
        skipped = caption.text;
        head = `\n${head.slice(caption.end)}`;
      }
      const layout = headerLayoutError(file, head, options.knownValues ? { knownValues: options.knownValues } : {}) ?? pandasHeaderError(file, head);
      if (layout) throw layout;
      // Excel's `sep=;` line (separator-hint.ts): its separator is the file's, and the header is
      // read from line 2. `start` moves past it, so the records' second read skips it too.
      const hint = caption ? undefined : separatorHint(file, head);
      if (hint) {
        delimiter = hint.delimiter;
        c.start += Buffer.byteLength(head.slice(0, hint.end), 'utf8');
        start = c.base + c.start;
        line = startLine = 2;
      }
    }
    if (syntax === undefined) {
      if (delimiter === undefined) {
        // The header decides the separator; it is the first non-blank line, taken as raw text
        // (sniffDelimiter skips quoted stretches itself). Blank lines before it stay unconsumed.
        // Nothing is consumed before the header is scanned, so `c.start` is still where the
        // file's text begins (after a BOM), in the window's coordinates.
        const [firstLine, secondLine] = nonBlankLines(view, c.start, 2);
        if (firstLine !== undefined) {
          // R's write.table() default: cells separated by spaces, refused with the call that writes a CSV.
          const spaced = spaceSeparatedError(file, firstLine, secondLine);
          if (spaced) throw spaced;
          delimiter = sniffDelimiter(firstLine);
        }
        else if (c.eof) {
          const blank = c.base + c.end > start;
          throw new HtaError('input.invalid', `${file} is empty${blank ? ' (only blank lines)' : ''}`, [{ file, line: 1, expected: 'a header line naming the columns, then one line per row' }]);
        }
      }
      if (delimiter !== undefined) {
        const d = delimiter;
        // Ctrl-Z is looked for only in a window that holds one (Buffer.indexOf, no per-row cost otherwise).
        const sub = view.indexOf(0x1a, c.start) >= 0;
        try {
          const end = scanCsv(
            view,
            c.start,
            d.charCodeAt(0),
            (r) => {
              if (header === undefined) {
                header = (r.fields ?? r.text!.split(d)).map((h) => h.trim());
                // Refused here, before the rest of the file is scanned and before any message
                // quotes the name (in every "columns are: …" list).
                const long = overlongColumnName(file, header, r.line, options.maxColumnName ?? MAX_COLUMN_NAME);
                if (long) throw long;
                written = header.length;
                // Trailing empty names are spreadsheet padding, not columns (cutToWidth).
                let named = header.length;
                while (named > 1 && header[named - 1] === '') named--;
                header.length = named;
                headerLine = r.line;
                // The first line feed of the file (at or after the BOM): the window still holds
                // everything from the text's start, at most the BOM was dropped before it.
                const after = view.indexOf(LF, start - c.base);
                crlf = after >= 0 && after + c.base > 0 && view[after - 1] === 0x0d;
                // Old Mac Excel ends lines in a CR alone: the header line's end is a CR with no LF after it.
                const cr = view.indexOf(0x0d, start - c.base);
                crOnly = cr >= 0 && view[cr + 1] !== LF && (after < 0 || cr < after);
                votes = new DecimalMarkVote();
                return;
              }
              if (allBlank(r, d)) return;
              if (ctrlZ !== undefined) {
                problems.push({ file, line: ctrlZ, expected: CTRL_Z_EXPECTED, kind: CTRL_Z_KIND });
                ctrlZ = undefined;
              }
              if (sub) {
                const t = r.text ?? r.fields!.join(d);
                if (t.includes('\x1a')) {
                  if (isCtrlZLine(t)) ctrlZ = r.line;
                  else problems.push({ file, line: r.line, expected: CTRL_Z_EXPECTED, kind: CTRL_Z_KIND });
                  return;
                }
              }
              if (r.count === 1 && header.length > 1 && isSsmsTrailer(r.text ?? r.fields![0]!)) {
                trailer.push(r.line);
                return;
              }
              // A comma in the footnote's text splits it in a comma file ("Kilde: Danmarks Statistik, forskermaskine …"): fewer fields than the header, words first.
              // Excel pads it with empty fields to the sheet's width (`Kilde: …;;;;;;;;;`): as many fields, all but the first blank.
              // A row with a value past its first field (an arm, a visit) is never one (footnote-lines.ts); nor a short line the
              // reader says holds data (`shortRowHoldsData`: a studies sheet's row cut short).
              if (header.length > 1 && (r.count < header.length || (count > 0 && onlyFirstField(r.text, r.fields, d) && isPaddedFootnoteText(r.fields ? r.fields[0]! : r.text!.split(d, 1)[0]!))) && isFootnoteLine(r.fields ?? r.text!.split(d), rowShapes) && !options.shortRowHoldsData?.(r.fields ?? r.text!.split(d), header)) {
                // A padded one is kept whole: read as a row if a record follows (above).
                footnotes.push({ line: r.line, count: r.count, ...(r.count >= header.length ? { record: { line: r.line, count: r.count, ...(r.text === undefined ? {} : { text: r.text }), ...(r.fields === undefined ? {} : { fields: r.fields }) } } : {}) });
                return;
              }
              // A record after them: they were rows with too few fields after all (a footnote said as one; its text not echoed).
              for (const at of trailer) problems.push(fieldCountProblem(at, 1));
              for (const at of footnotes) if (at.record === undefined) problems.push({ ...fieldCountProblem(at.line, at.count), expected: footnoteLineExpected(header.length), kind: 'csv.footnote-line' });
              // A padded line of text among the rows (a RevMan subgroup's "Heterogeneity: …,,,,") is read as a row, as before Excel's padded footnotes were known.
              const paddedLines = footnotes.flatMap((at) => (at.record === undefined ? [] : [at.record]));
              trailer = [];
              footnotes = [];
              for (const p of paddedLines) row(p);
              row(r);
            },
            { line, final: c.eof },
          );
          c.start = end.pos;
          line = end.line;
        } catch (err) {
          if (!(err instanceof CsvSyntaxError)) throw err;
          syntax = err;
        }
      }
    }
    if (c.eof) break;
  }
  if (syntax !== undefined) throw syntaxError(file, syntax);
  if (!header) throw new HtaError('input.invalid', `${file} has no header`, [{ file, line: 1, expected: 'a header line' }]);
  checkHeader(file, header, headerLine, problems, options.yearColumns === true, options.duplicateNames === 'keep');
  const vote = votes ?? new DecimalMarkVote();
  const mark = vote.verdict(delimiter!);
  // A tie, or a tab file whose `1.250` nothing decides, is refused by every reader of numbers (decimalCommaOf).
  const undecided = vote.undecided(delimiter!);
  const decimal =
    mark.mark === null ? { decimalComma: false, decimalTie: { comma: vote.comma, point: vote.point, firstComma: vote.firstComma, firstPoint: vote.firstPoint } }
    : undecided ? { decimalComma: false, decimalUndecided: undecided }
    : { decimalComma: mark.mark === ',' };
  // The columns whose quoted decimal commas decided (rule 2's exception): a reader that knows its
  // number columns keeps the exception only when one of them is among these (onlyNumberColumns).
  const quotedColumns = mark.mark === ',' && mark.basis === 'quoted' ? { quotedCommaColumns: vote.quotedCommaColumns(delimiter!) } : {};
  // What the file shows of its mark, for a plan that declares one (declared-mark.ts): never contradicted in silence.
  const shown = vote.shownMark(delimiter!);
  const thousandsPoints = vote.thousandsPoints(delimiter!);
  return { header, padded, headerLine, start, startLine, count, trailer, footnotes: footnotes.map((f) => f.line), ...(skipped === undefined ? {} : { pivotCaption: skipped }), dialect: { delimiter: delimiter!, ...decimal, ...quotedColumns, ...(shown ? { shownMark: shown } : {}), ...(vote.point > 0 ? { pointShown: true as const } : {}), ...(delimiter === ',' && vote.pointEither ? { pointEither: true as const } : {}), ...(thousandsPoints > 0 ? { thousandsPoints } : {}), bom, crlf, ...(crOnly ? { cr: true as const } : {}), ...(ctrlZ === undefined ? {} : { ctrlZ }) } };
}

function checkHeader(file: string, header: string[], headerLine: number, problems: Problem[], years = false, keepDuplicates = false): void {
  // A first line of values means the header line was lost: say so once, and print none of its
  // cells (they are a patient's row, id included). Years as column names are names, where asked.
  const numeric = header.filter((h) => /^[+-]?\d+([.,]\d+)?$/.test(h.trim())).length;
  if (header.length > 1 && numeric * 2 >= header.length && !(years && yearColumns(header))) {
    throw new HtaError('input.invalid', `${file} has no header line`, [
      { file, line: headerLine, expected: `a header line naming the columns; the first line holds values (${numeric} of its ${header.length} cells are numbers) — add the header line the export was written with` },
    ]);
  }
  const seen = new Map<string, number>();
  const headerProblems: Problem[] = [];
  for (const [i, name] of header.entries()) {
    if (name === '' && !(i === 0 && header.length > 1)) headerProblems.push({ file, line: headerLine, column: i + 1, value: name, expected: 'a column name (the header has an empty name)' });
    const prev = seen.get(name);
    if (prev !== undefined && name !== '' && !keepDuplicates) {
      headerProblems.push({ file, line: headerLine, column: i + 1, value: name, expected: `a unique column name (also column ${prev + 1})`, kind: 'header.duplicate' });
    }
    seen.set(name, i);
  }
  problems.unshift(...headerProblems);
  if (problems.length > 0) throw new HtaError('input.invalid', `${file} has ${problems.length} structural problem(s)`, problems);
}

/**
 * A file no larger than one default chunk (4 MiB) keeps its records after its first whole pass:
 * the trial loader passes over a trial export ~7 times (each check, then the reading), and each
 * pass re-read, re-scanned and re-made every record (~2 CPU-ms a pass for the bundled trial, in
 * every thread that loads it). A larger file is read again each time, so memory stays bounded.
 */
const KEEP_RECORDS_BYTES = CHUNK;


/**
 * The records of a checked file, read again from disk each time they are iterated, one chunk of
 * records at a time (a small file's kept after its first whole pass, while the file is unchanged:
 * KEEP_RECORDS_BYTES). A file changed since it was checked is refused rather than read half old.
 */
class FileRecords implements CsvRecords {
  readonly length: number;
  #kept: CsvRecord[] | undefined;
  constructor(
    readonly file: string,
    readonly shape: TableShape,
    readonly identity: string,
    readonly chunkBytes: number,
    /** The file was read as Windows-1252 (its first read checked that it is). */
    readonly windows1252 = false,
  ) {
    this.length = shape.count;
  }

  *[Symbol.iterator](): Iterator<CsvRecord> {
    // Kept records while the file is as checked; otherwise read again, which says what became of it.
    if (this.#kept && fileIdentity(this.file) === this.identity) {
      yield* this.#kept;
      return;
    }
    const { file, shape } = this;
    const d = shape.dialect.delimiter;
    // Only a whole pass is kept (a reader that stops early, at its sample, keeps nothing).
    const keep: CsvRecord[] | undefined = Number(this.identity.split(':')[0]) <= KEEP_RECORDS_BYTES ? [] : undefined;
    const width = shape.header.length;
    const c = new FileChunks(file, this.chunkBytes, this.windows1252 ? 'windows-1252' : undefined);
    try {
      if (c.identity !== this.identity) throw new HtaError('input.invalid', changedWhileReadMessage(file));
      let line = shape.startLine;
      let header = true;
      const trailer = new Set([...shape.trailer, ...shape.footnotes, ...(shape.dialect.ctrlZ === undefined ? [] : [shape.dialect.ctrlZ])]);
      let batch: CsvRecord[] = [];
      let first = true;
      while (true) {
        c.more();
        if (first) {
          // Skip the BOM once the window holds it (a tiny chunk may not yet).
          if (c.end < shape.start && !c.eof) continue;
          c.start = Math.min(shape.start, c.end);
          first = false;
        }
        const view = c.buf.subarray(0, wholeLines(c));
        let end;
        try {
          end = scanCsv(
            view,
            c.start,
            d.charCodeAt(0),
            (r) => {
              if (header) header = false;
              else if (!allBlank(r, d) && !trailer.has(r.line)) batch.push(new PackedRecord(r.line, shape.padded ? cutToWidth(r, width, d).packed : (r.text ?? r.fields!), d));
            },
            { line, final: c.eof, count: false },
          );
        } catch (err) {
          throw syntaxError(file, err);
        }
        c.start = end.pos;
        line = end.line;
        if (keep) for (const rec of batch) keep.push(rec);
        yield* batch;
        batch = [];
        if (c.eof) break;
      }
    } finally {
      c.close();
    }
    if (keep) this.#kept = keep;
  }
}
