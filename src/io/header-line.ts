/**
 * Where the header is. Exports from spreadsheets and report tools do not always start with the
 * column names: Excel users type a title above the table (`Udtræk 01-12-2025;;;;;;`), report
 * tools (Epic/Sundhedsplatformen) write `Rapport: …` and an empty line first, and Qualtrics,
 * SPSS and Excel label sheets put a second (and third) header row of question texts and
 * `{"ImportId":"QID3"}` under the names. Read as they are, the title becomes the header (every
 * column "unnamed") and the label rows become data (an arm called "Group", labels drafted as
 * missing-value codes).
 *
 * Excel's separator hint (`sep=;`, separator-hint.ts) is no title: skipped here, its separator
 * taken, the line numbers the file's own.
 *
 * `headerLayoutError` looks at the first lines of a file's text and returns the error that says
 * where the header seems to be and which lines to delete; the readers refuse the file with it
 * (nothing is read from a guessed header: the user deletes the lines and the file then says
 * itself where its header is). One pure function for every reader: trial exports
 * (read-csv.ts), registries (uptake/read-registry.ts) and `plan init` (both kinds).
 * See docs/input-trial-export.md ("The header is the first line") and docs/input-registry.md.
 *
 * No message quotes a data cell: a row taken for a header is never echoed unless it reads as
 * one (its cells are not of the types of the rows under it), and label rows are never echoed.
 */
import { HtaError } from '../errors.js';
import { type Delimiter, sniffDelimiter } from './dialect.js';
import { separatorHint } from './separator-hint.js';
import { sasByLineValue } from './sas-by-line.js';
import { isExcelError } from './spreadsheet-cells.js';
import { isMissingWord } from './missing-words.js';

/** Bytes of a file's start enough to judge its header (the callers read this much). */
export const HEADER_SAMPLE_BYTES = 64 * 1024;

/** Records looked at: titles above, header, label rows under it and a sample of data. */
const MAX_RECORDS = 40;
/** Title lines above the header at most (more is no title but something else). */
const MAX_TITLE_LINES = 5;
/**
 * Lines of an export's description above its table (OpenClinica 3's tab extract: `Dataset Name:`,
 * `Study Event Definition 1\tBaseline\tE1`, `CRF\t…` — 15 lines), read as notes when the header is
 * at least NOTES_WIDTH_RATIO times as wide as every one of them.
 */
const MAX_DESCRIPTION_LINES = 30;
const NOTES_WIDTH_RATIO = 3;

interface HeadRecord {
  /** 1-based physical line of the record's first line. */
  line: number;
  cells: string[];
}

/**
 * The first records of `text`, split leniently: a quote opens a quoted field only at a field's
 * start, so `{"ImportId":"QID1"}` unquoted is one literal cell (the strict readers would stop at
 * it with a quoting error, before the rows that explain it). Cells are trimmed.
 */
function headRecords(text: string, delimiter: string, firstLine: number): HeadRecord[] {
  const out: HeadRecord[] = [];
  let line = firstLine;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (i < n && out.length < MAX_RECORDS) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let atFieldStart = true;
    let quoted = false;
    for (; i < n; i++) {
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i++;
          } else quoted = false;
        } else {
          if (ch === '\n') line++;
          cell += ch;
        }
        continue;
      }
      if (ch === '"' && atFieldStart && cell.trim() === '') {
        quoted = true;
        atFieldStart = false;
        cell = '';
        continue;
      }
      if (ch === delimiter) {
        cells.push(cell.trim());
        cell = '';
        atFieldStart = true;
        continue;
      }
      if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        i++;
        line++;
        break;
      }
      cell += ch;
      atFieldStart = false;
    }
    cells.push(cell.trim());
    out.push({ line: start, cells });
  }
  return out;
}

const named = (r: HeadRecord): number => r.cells.reduce((k, c) => (c !== '' ? k + 1 : k), 0);
/** Fields up to the last non-empty one (trailing `;;;` is spreadsheet padding). */
const width = (r: HeadRecord): number => {
  let w = r.cells.length;
  while (w > 0 && r.cells[w - 1] === '') w--;
  return w;
};

type CellType = 'number' | 'date' | 'text';
const NUMBER = /^[+-]?(\d+([.,]\d+)?|\d{1,3}([., ]\d{3})+([.,]\d+)?|[.,]\d+)$/;
const DATE = /^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}([ T]\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?)?Z?$/;
/** Empty cells as every export reader reads them (missing-words.ts: '', NULL, (null), NA, .). */
const MISSING = { has: isMissingWord };
const IMPORT_ID = /^\{\s*"ImportId"\s*:/;

function typeOf(cell: string): CellType {
  if (NUMBER.test(cell)) return 'number';
  if (DATE.test(cell)) return 'date';
  return 'text';
}

/**
 * For each column, the type every non-missing cell of `data` shares (number or date), or
 * undefined (text, mixed, or too few cells to say).
 */
function columnTypes(data: readonly HeadRecord[], columns: number): (CellType | undefined)[] {
  const types: (CellType | undefined)[] = [];
  for (let j = 0; j < columns; j++) {
    let type: CellType | undefined;
    let seen = 0;
    let mixed = false;
    for (const r of data) {
      const c = r.cells[j] ?? '';
      if (MISSING.has(c)) continue;
      const t = typeOf(c);
      if (type === undefined) type = t;
      else if (t !== type) mixed = true;
      seen++;
    }
    types.push(!mixed && seen >= 2 && type !== 'text' ? type : undefined);
  }
  return types;
}

/**
 * Texts that are values, not labels, though they have letters: the plan's missing-value and
 * answer codes (`Ved ikke`, `Ikke udfyldt`) and Excel's error values (`#N/A`).
 */
type KnownValue = (cell: string) => boolean;

/** How a row's cells fit the column types of the rows under it. */
function fit(row: HeadRecord, types: readonly (CellType | undefined)[], known: KnownValue = () => false): { typed: number; match: number; labels: number } {
  let typed = 0;
  let match = 0;
  const labels = new Set<string>();
  let labelCells = 0;
  types.forEach((t, j) => {
    if (t === undefined) return;
    typed++;
    const c = row.cells[j] ?? '';
    if (MISSING.has(c) || known(c)) return;
    if (typeOf(c) === t) match++;
    else if (/\p{L}/u.test(c)) {
      labelCells++;
      labels.add(c);
    }
  });
  // Labels name their columns, each its own: a word repeated across the row ("Udgået") is a code.
  return { typed, match, labels: labels.size === labelCells ? labelCells : 0 };
}

/** `P12` → `a9`, `2025-K-07` → `9-a-9`: runs of letters and of digits, for comparing ids. */
const shapeOf = (cell: string): string => cell.replace(/\p{L}+/gu, 'a').replace(/\d+/g, '9');

/**
 * Whether a text cell of `row` reads as one of the rows under it, in a column of text (ids,
 * arms, visits): its value is written in that column below (`app`, `baseline`), or it is an id
 * of the shape every id below has (`P1` over `P2`, `P3`: letters and digits). Labels are texts
 * of their own (`Randomiseret gruppe`, `Patient ID`).
 */
function readsAsData(row: HeadRecord, data: readonly HeadRecord[], types: readonly (CellType | undefined)[]): boolean {
  return row.cells.some((c, j) => {
    if (types[j] !== undefined || MISSING.has(c) || !/[\p{L}\d]/u.test(c)) return false;
    const below = data.map((r) => r.cells[j] ?? '').filter((v) => !MISSING.has(v));
    if (below.includes(c)) return true;
    const shape = shapeOf(c);
    return /9/.test(shape) && below.length >= 2 && below.every((v) => shapeOf(v) === shape);
  });
}

/**
 * A row that reads as labels over the data under it: no cell of a column's type, labels in most,
 * and no text cell that reads as data. When unsure it is data: a first patient refused as a
 * label row would be deleted on the message's advice.
 */
function looksLikeLabels(row: HeadRecord, data: readonly HeadRecord[], known: KnownValue): boolean {
  if (data.length < 2) return false;
  const types = columnTypes(data, row.cells.length);
  const f = fit(row, types, known);
  return f.typed >= 2 && f.match === 0 && f.labels >= 2 && f.labels * 2 >= f.typed && !readsAsData(row, data, types);
}

const isImportIds = (r: HeadRecord): boolean => r.cells.some((c) => IMPORT_ID.test(c));

/** `Løbenr;Gruppe;Alder;…`: the first names of a header, for the message. */
function preview(header: HeadRecord, delimiter: string): string {
  const names = header.cells.slice(0, width(header));
  const shown = names.slice(0, 3).map((n) => (n.length > 40 ? `${n.slice(0, 39)}…` : n));
  return shown.join(delimiter) + (names.length > 3 ? `${delimiter}…` : '');
}

const lines = (a: number, b: number): string => (a === b ? `line ${a}` : `lines ${a}–${b}`);

/**
 * The error for a file whose header is not its first line (title lines above it) or that has
 * header rows of labels under it; undefined when its first line reads as its header. `text` is
 * the start of the file as decoded text (HEADER_SAMPLE_BYTES or the whole file), cut at a line
 * end; `file` names it in the message.
 */
export function headerLayoutError(file: string, text: string, options: HeaderLayoutOptions = {}): HtaError | undefined {
  // Excel's `sep=;` line is no title: skipped, its separator taken, the lines still the file's own.
  const hint = separatorHint(file, text);
  const body = hint ? text.slice(hint.end) : text;
  const firstLine = hint ? undefined : body.split(/\r?\n|\r/).find((l) => /[,;\t|]/.test(l));
  if (!hint && firstLine === undefined) return undefined;
  const delimiter = hint?.delimiter ?? headDelimiter(body, firstLine!);
  const start = hint ? 2 : 1;
  const records = headRecords(body, delimiter, start).filter((r) => named(r) > 0);
  if (records.length < 2) return undefined;
  const codes = new Set((options.knownValues ?? []).map((v) => String(v).trim()));
  const known: KnownValue = (c) => codes.has(c) || isExcelError(c);
  return titleError(file, records, delimiter, start) ?? labelRowsError(file, records, known);
}

/**
 * The separator of the first line that has one (`first`), unless the NEXT line with a separator
 * does not hold it: then `first` is a title that happens to hold a separator (`Udtræk, 2025` or
 * `Udtræk | 2025` directly above a `;` or comma table) and the table's is that next line's — a
 * header's separator is in every row under it. Only that next line: a later one may be the
 * continuation of a quoted cell (a free-text note "…, …" over two lines under a `|` table, which
 * made a valid export a "title": a reviewer).
 */
function headDelimiter(body: string, first: string): Delimiter {
  const d = sniffDelimiter(first);
  const lines = body.split(/\r?\n|\r/);
  const next = lines.slice(lines.indexOf(first) + 1).find((l) => /[,;\t|]/.test(l));
  return next !== undefined && !next.includes(d) ? sniffDelimiter(next) : d;
}

export interface HeaderLayoutOptions {
  /**
   * Cells that are values wherever they stand (the plan's missing-value and answer codes, when the
   * plan is known): never counted as labels.
   */
  knownValues?: readonly (string | number)[];
}

/**
 * Where the header is under notes: the first record of three names or more with no gap among them
 * (`Løbenr;Gruppe;Besøg;…`) that is wider than every line above it, within MAX_TITLE_LINES.
 * Notes above a table are a title and label/value lines (`Udtrukket;04-12-2026;af;BioStat`,
 * `Projekt: …`), each narrower than the table, and no row under the header is wider than it; a header with an unnamed column (`id;;x`) is as
 * wide as the rows under it, so no row under it is ever taken for the header.
 */
function headerUnderNotes(records: readonly HeadRecord[], limit = MAX_TITLE_LINES): number {
  for (let h = 0; h <= limit && h < records.length; h++) {
    const r = records[h]!;
    const fits = (t: HeadRecord) => width(t) <= width(r);
    const data = records.slice(h + 1);
    if (named(r) < 3 || named(r) !== width(r) || !records.slice(0, h).every((t) => width(t) < width(r)) || !data.every(fits)) continue;
    // A row whose texts are written in its columns below (`App`, `Kontrol`) is data, never the header
    // (typed last: the widths above rule out most rows for less).
    if (data.length >= 2 && readsAsData(r, data, columnTypes(data, r.cells.length))) continue;
    return h;
  }
  return 0;
}

function titleError(file: string, records: readonly HeadRecord[], delimiter: string, start: number): HtaError | undefined {
  let h = 0;
  while (h < records.length && h < MAX_TITLE_LINES && named(records[h]!) <= 1) h++;
  // Notes with a label and a value on a line (`Udtrukket;04-12-2026;af;BioStat`) are above the header too.
  // At least one of them a text alone (`Noter`): a header line missing a column's name, over rows one
  // cell wider, is no note, and the reader says what it is.
  const under = headerUnderNotes(records);
  let notes = h < records.length && named(records[h]!) > 1 && under > h && records.slice(0, under).some((t) => named(t) <= 1);
  if (notes) h = under;
  // A longer description of label/value lines (OpenClinica 3's extract): notes when the table is
  // far wider than each of them — never a header missing a name over rows one cell wider.
  if (!notes && h === 0) {
    const described = headerUnderNotes(records, MAX_DESCRIPTION_LINES);
    if (described >= 3 && records.slice(0, described).every((t) => width(t) * NOTES_WIDTH_RATIO <= width(records[described]!))) {
      notes = true;
      h = described;
    }
  }
  if (h === 0 || h >= records.length || named(records[h]!) <= 1) return undefined;
  const header = records[h]!;
  const titles = records.slice(0, h);
  // A title has its one text in the first cell; a header of two names, one of them empty (`id;`),
  // is a header with an unnamed column, said so by the reader.
  if (titles.some((t) => t.cells[0] === '')) return undefined;
  const oneField = titles.every((t) => t.cells.length === 1);
  if (named(header) < (oneField ? 2 : 3)) return undefined;
  const names = header.cells.filter((c) => c !== '');
  if (new Set(names).size !== names.length) return undefined;
  const data = records.slice(h + 1);
  // The rows under the header must have no more fields than it names, and it must not read as one
  // of them (a file without a header whose first row would be quoted: no patient's cells are echoed).
  if (data.some((r) => width(r) > width(header))) return undefined;
  if (names.filter((c) => typeOf(c) !== 'text').length * 2 >= names.length) return undefined;
  if (data.length >= 2 && fit(header, columnTypes(data, header.cells.length)).match > 0) return undefined;
  const first = titles[0]!.line;
  const above = header.line - 1;
  // SAS's BY line (`Region=Region Hovedstaden`, sas-by-line.ts) above the header: a report grouped
  // by a BY statement, whose next group repeats it and the header further down — deleting the
  // lines above is not enough. Its value is not echoed (a BY variable may be an id).
  const byLine = !notes && titles.every((t) => named(t) === 1 && sasByLineValue(t.cells.find((c) => c !== '')!) !== undefined);
  if (byLine) {
    return new HtaError('input.invalid', `${file}: ${h === 1 ? `line ${first} is` : `${lines(first, titles[h - 1]!.line)} are`} a SAS BY line (name=value), not the header: the header seems to be on line ${header.line} (${preview(header, delimiter)}) — the export is grouped by a BY statement, each group under its own BY line and header line: export it again without the BY statement (one header line, every row with its own values), or delete ${lines(start, above)} and every later BY line and repeated header line, and save again`, [
      { file, line: first, expected: 'the header line (the column names) as the first line of the file; the line above it looks like a SAS BY line (name=value, a report grouped by a BY statement)', kind: 'header.title' },
    ]);
  }
  const what = notes ? `${lines(first, titles[h - 1]!.line)} are notes above the table (a title, a label with its value)` : h === 1 ? `line ${first} is a title` : `${lines(first, titles[h - 1]!.line)} are a title`;
  const look = notes ? 'notes (a title, or a label and its value, narrower than the table)' : 'a title (one text, the other cells empty)';
  return new HtaError('input.invalid', `${file}: ${what}, not the header: the header seems to be on line ${header.line} (${preview(header, delimiter)}) — delete ${lines(start, above)} and save again`, [
    { file, line: first, expected: `the header line (the column names) as the first line of the file; the lines above line ${header.line} look like ${look}`, kind: 'header.title' },
  ]);
}

function labelRowsError(file: string, records: readonly HeadRecord[], known: KnownValue): HtaError | undefined {
  const rows = records.slice(1);
  // Up to three rows under the header: labels (question texts) or Qualtrics' import ids.
  // Import ids mark every row above them as a header row, however few rows of data follow.
  let extra = 0;
  for (let k = 0; k < Math.min(3, rows.length); k++) if (isImportIds(rows[k]!)) extra = k + 1;
  const importIds = extra > 0;
  while (extra < 3 && extra < rows.length) {
    const row = rows[extra]!;
    if (!isImportIds(row) && !looksLikeLabels(row, rows.slice(extra + 1).filter((r) => !isImportIds(r)), known)) break;
    extra++;
  }
  if (extra === 0) return undefined;
  const from = rows[0]!.line;
  const to = rows[extra - 1]!.line;
  const what = extra === 1 ? `line ${from} looks like a second header row` : `${lines(from, to)} look like more header rows`;
  const kind = importIds ? 'question texts and Qualtrics import ids {"ImportId":…}' : 'column labels or question texts';
  const how = importIds ? `delete ${lines(from, to)} (Qualtrics writes them under the header) and save again` : `delete ${extra === 1 ? 'it' : 'them'} and save again (SPSS and Excel label sheets write the labels under the names)`;
  return new HtaError('input.invalid', `${file}: ${what} (${kind}), not data — ${how}`, [
    { file, line: from, expected: `data under the header line; ${lines(from, to)} hold${extra === 1 ? 's' : ''} ${kind} instead, no values of their columns`, kind: 'header.labels' },
  ]);
}
