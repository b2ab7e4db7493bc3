/**
 * Reads a registry export. `readRegistryFile` hands the file (CSV or Parquet) to the embedded
 * SQL engine (engine/registry-engine.ts, docs/uptake-aggregates.md), which checks and aggregates
 * it. This module keeps what the engine asks of JavaScript: the header, the dialect, and — only
 * when a file has invalid rows — the streaming row check (`scanRegistryRows`, csv-parse, one
 * record at a time) that names every problem with its exact line and column, as always.
 * Dialect: UTF-8 with or without BOM (a Windows-1252 or UTF-16 file is read through a UTF-8 copy:
 * registry-encoding.ts), `,` / `;` / tab sniffed from the header line, LF or CRLF.
 * Column names, date format, regions and value synonyms come from the uptake plan
 * (docs/plan-uptake.md); see docs/input-registry.md for what a file may look like.
 *
 * Every problem is collected (grouped, in bounded memory: problem-collector.ts). By default any
 * invalid row fails the read with `HtaError('input.invalid')` (exit 2); with
 * `invalidRows: 'exclude'` invalid rows are left out, counted and described (grouped, line
 * ranges, never ids), and the analysis goes on with the valid rows.
 */
import { unreadableDatesMessage } from './unreadable-dates.js';
import { splitRowsProblem, type RepeatedRow } from './eligible-split-rows.js';
import { looksMasked, maskedCountAdvice } from './masked-count.js';
import { createReadStream, createWriteStream, promises as fsp, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inTempFolder, makeTempFolder } from '../io/temp-folder.js';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { utf8Guard } from '../io/utf8.js';
import { excelErrorAsName, isExcelError } from '../io/spreadsheet-cells.js';
import { HtaError, MAX_PROBLEMS, type Problem } from '../errors.js';
import { createProblemCollector } from '../problem-collector.js';
import type { ProblemGroup } from '../problem-groups.js';
import { type Delimiter, sniffTextDelimiter } from '../io/dialect.js';
import { separatorHint, withoutSeparatorHint } from '../io/separator-hint.js';
import { headerLayoutError } from '../io/header-line.js';
import { isUtf8 } from 'node:buffer';
import { decodeWindows1252 } from '../io/windows-1252.js';
import { CTRL_Z, CTRL_Z_EXPECTED, CTRL_Z_KIND, isCtrlZLine } from '../io/ctrl-z.js';
import { invalidCsv, lineBreaksInside, notCsvFile, readCsvFile, unreadableFile } from '../io/read-csv.js';
import { decimalCommaOf } from '../io/decimal-mark.js';
import { commaFileCountsMark, countsDecideMark } from './eligible-count-mark.js';
import { yearColumns } from '../io/year-columns.js';
import type { UptakeAggregate } from './aggregate.js';
import type { AgeBandsRead } from './age-bands.js';
import type { MergedClinic } from './clinic-names.js';
import { createUptakeAggregator } from './reference-aggregator.js';
import { countHint, parseCount, thousandsMarkFor } from './parse-count.js';
import { excelErrorOf } from '../io/spreadsheet-cells.js';
import {
  dayToIso, headerKey, isoToDay, MISSING_CODE_KIND, referralValidator, registryColumnIndex,
  type ColumnIndex, type Referral, type RegistryColumn, type RegistryColumnNames, type Referrer, type Sex,
  durationAdvice,
} from './referral.js';
import { dateParser, dayNumberFormat, SHORT_YEAR_FORMATS, type DateFormat, type DateFormatDetector, type DateFormatOption } from './registry-dates.js';
import { DANISH_REGIONS, readsRegionCodes, regionDisplay, regionKey, type RegionSet } from './regions.js';
import { regionOfCode } from './region-codes.js';
import { isEmptyCell, missingCodesOf, numberColumnCodes, readAsEmptyNote, textColumnCodes } from './missing-cells.js';
import type { EligibleRow } from './uptake-per-eligible.js';
import { isTotalRecord, isTotalWord, totalWordIndex } from './total-rows.js';
import { eligibleRegionBlocks } from './pivot-blanks.js';
import { PIVOT_ELIGIBLE_KIND, PIVOT_SUBTOTAL_EXPECTED, pivotEligibleRegionExpected, SUBTOTAL_KIND, subtotalRegion } from './pivot-blanks-words.js';
import { unnamedTotals } from './unnamed-total-rows.js';
import { cprKind, eligibleCprCell, eligibleCprExpected, isCprProblem, maskCpr, type RepeatedCodes } from './cpr-shape.js';
import { holdsCpr } from '../io/cpr-number.js';
import { jsonRegistry } from './registry-json.js';
import { FOOTNOTE_EXPECTED, FOOTNOTE_KIND, footnoteCell } from './footnote-rows.js';
import { regionTitleCell, regionTitleText } from './region-title-rows.js';
import { headerUnderlineProblem, isHeaderUnderline } from '../io/header-underline.js';
import { eligibleHeaderLines } from './eligible-header-lines.js';
import { spssViewerTableError, stubYearColumnsError, tabulateHeaderError } from './eligible-stat-layouts.js';
import { quarterColumnsError, quarterYearAdvice } from './eligible-quarters.js';
import { headerRepeats as headerRepeatsOf, reorderedHeaderError, repeatedHeaderProblem } from './repeated-header.js';
import { changedWhileReadMessage, fileIdentity } from '../io/file-identity.js';
import { refuseSpecialFile } from '../io/regular-file.js';
import { RECORD_DELIMITERS } from '../io/line-ends.js';
import { registryColumnsError } from './counts-table.js';
import { checkWindows1252File, isNotUtf8, notRegistryText, utf16OfFile, withUtf8Copy, type RegistryEncoding } from './registry-encoding.js';
import { emptiedByRedirection } from '../io/redirected-input.js';

export interface ReadRegistryOptions {
  /** The language of the notes on how the file was read (`--lang`; docs/cli.md "Danish output"); English by default. */
  lang?: 'en' | 'da';
  /** ISO date of the export; default: the latest date in the file. */
  exportDate?: string;
  /** The regions (from the eligible file, with the plan's synonyms); default: the Danish five. */
  regions?: RegionSet;
  /** Default 'iso'; 'auto' reads the file's dates once to choose (files only, not streams). */
  dateFormat?: DateFormatOption;
  /** The plan's `columns.registry`: the file's name for each registry column. */
  columns?: RegistryColumnNames;
  /** False when the plan publishes no age bands: a file without an age column is read (ages unknown). Default true. */
  ageNeeded?: boolean;
  sexValues?: Readonly<Record<string, Sex>>;
  referrerValues?: Readonly<Record<string, Referrer>>;
  /** Plausible dates, ISO, inclusive; default from 2000-01-01 to the export date. */
  dateWindow?: { from?: string; to?: string };
  /** 'fail' (default): any invalid row stops the read. 'exclude': invalid rows are left out. */
  invalidRows?: 'fail' | 'exclude';
  /** Sees each problem of an excluded row, in file order (for `--excluded-out`). */
  onExcluded?: (p: Problem) => void;
  /** The engine's memory limit ("1GB") and threads (docs/uptake-aggregates.md "Engine"). */
  memoryLimit?: string;
  threads?: number;
  /** The plan's `missingCodes`: cells read as empty besides `NULL`, `(null)`, `NA`, `.` (missing-cells.ts). */
  missingCodes?: readonly (string | number)[];
}

/** What was read besides the aggregate. */
export interface RegistryRead {
  aggregate: UptakeAggregate;
  /** The date format used (the detected one for 'auto'). */
  dateFormat: DateFormat;
  /** Rows left out with `invalidRows: 'exclude'` (0 otherwise), and why. */
  excluded: { rows: number; problems: ProblemGroup[] };
  /** Clinics written in several spellings that differ only in case, counted as one (clinic-names.ts). */
  clinicSpellings?: MergedClinic[];
  /** Present when the file was not UTF-8 and was read through a UTF-8 copy. */
  encoding?: RegistryEncoding;
  /** Sentences for stderr about how the file was read (registry-read-notes.ts); no ids, no values. */
  notes?: string[];
  /** Present when the age column held age bands: the equity table's bands and where they come from (age-bands.ts). */
  ageBands?: AgeBandsRead;
}

export const DEFAULT_DATE_FROM = '2000-01-01';

/** Reads the header line (first 64 KiB) to sniff the separator. `label` names the file in messages. */
export async function sniffFileDelimiter(file: string, label = file): Promise<Delimiter> {
  let handle;
  refuseSpecialFile(file, label);
  try {
    handle = await fsp.open(file, 'r');
  } catch (err) {
    throw unreadableFile(label, err);
  }
  try {
    const buf = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    // A workbook or data file named as the registry: say what it is, not "not UTF-8".
    // (A UTF-16 file with its byte-order mark never gets here: `readRegistryFile` reads its UTF-8 copy.)
    // JSON first: the registry's own wording names Parquet as the other way (registry-json.ts).
    const json = jsonRegistry(label, buf.subarray(0, Math.min(bytesRead, 256)));
    if (json) throw json;
    const notCsv = notCsvFile(label, buf.subarray(0, Math.min(bytesRead, 16)));
    if (notCsv) throw notCsv;
    const text = buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    // A title above the header, label rows under it (io/header-line.ts), judged before the
    // header is read as one. Text that is not UTF-8 is judged as Windows-1252, as it is read.
    const sample = bytesRead < buf.length ? buf.subarray(0, bytesRead) : buf.subarray(0, buf.lastIndexOf(0x0a) + 1);
    const layout = headerLayoutError(label, isUtf8(sample) ? sample.toString('utf8') : decodeWindows1252(sample));
    if (layout) throw layout;
    // Excel's `sep=;` line names the separator (io/separator-hint.ts); the parser skips it.
    const hinted = separatorHint(label, text)?.delimiter;
    if (hinted) return hinted;
    // A header of names between `|` (SAS DLM='|', a BI tool's or database client's
    // "pipe-delimited" export) is read as such (io/dialect.ts, docs/input-registry.md "Dialects").
    return sniffTextDelimiter(text);
  } finally {
    await handle.close();
  }
}

/** Reads `file` and returns the aggregated counts (see `aggregate.ts`). */
export async function readRegistry(file: string, options: ReadRegistryOptions = {}): Promise<UptakeAggregate> {
  return (await readRegistryFile(file, options)).aggregate;
}

/**
 * Reads and aggregates `file` (CSV, or Parquet by its extension) with the SQL engine. A CSV file
 * in UTF-16 (byte-order mark) or, when it is not UTF-8, in Windows-1252 is read through a UTF-8
 * copy (registry-encoding.ts); `encoding` then says so.
 */
export async function readRegistryFile(file: string, options: ReadRegistryOptions = {}): Promise<RegistryRead> {
  // A named pipe would block the first open for ever (io/regular-file.ts).
  refuseSpecialFile(file);
  // The engine reads the file several times (the SQL check, the row check, repeated rows, first
  // lines): an export still being written meanwhile (a nightly job appending) would give readings
  // of two versions, which disagree ("the engine found 1 invalid row(s) and the row check 51") or,
  // worse, agree on wrong counts. Whatever the run ends in, a file that changed is refused as the
  // trial reader refuses it (io/file-identity.ts, docs/input-registry.md "A file being written").
  const before = fileIdentity(file);
  const changed = () => new HtaError('input.invalid', changedWhileReadMessage(file));
  let read: RegistryRead;
  try {
    read = await readRegistryFileOnce(file, options);
  } catch (err) {
    if (fileIdentity(file) !== before) throw changed();
    throw err;
  }
  if (fileIdentity(file) !== before) throw changed();
  return read;
}

async function readRegistryFileOnce(file: string, options: ReadRegistryOptions): Promise<RegistryRead> {
  const { aggregateRegistry, isParquet } = await import('./engine/registry-engine.js');
  if (isParquet(file)) return aggregateRegistry(file, options);
  const utf16 = await utf16OfFile(file);
  if (utf16) {
    return withUtf8Copy(file, utf16, async (copy, characters) => ({ ...(await aggregateRegistry(copy, options, file)), encoding: { encoding: utf16, characters } }));
  }
  // UTF-8 is tried first: it costs a UTF-8 file nothing (no pass of its own over the file).
  // Problems of excluded rows passed on before the first non-UTF-8 byte stopped the read are
  // not passed on again when the copy is read: its lines before that byte are the same.
  let passed = 0;
  const onExcluded = options.onExcluded;
  try {
    return await aggregateRegistry(file, onExcluded ? { ...options, onExcluded: (p) => { passed++; onExcluded(p); } } : options);
  } catch (err) {
    if (!isNotUtf8(err)) throw err;
    const check = await checkWindows1252File(file);
    if (check.implausible) throw notRegistryText(err, file, check.implausible);
    let skip = passed;
    const again = onExcluded ? { ...options, onExcluded: (p: Problem) => { if (skip > 0) skip--; else onExcluded(p); } } : options;
    return withUtf8Copy(file, 'windows-1252', async (copy) => ({ ...(await aggregateRegistry(copy, again, file)), encoding: { encoding: 'windows-1252', characters: check.characters } }));
  }
}

const DATE_COLUMNS = ['referred', 'activated', 'last_active'] as const;

/** The byte stream → UTF-8 check → CSV records; a failure anywhere fails the records' iteration. */
function registryParser(input: Readable, file: string, delimiter: Delimiter): Readable {
  const guard = utf8Guard(file);
  // Every line end ends a record, CRLF and LF in one file too (io/line-ends.ts).
  const parser = parse({ delimiter, bom: true, relax_column_count: true, record_delimiter: RECORD_DELIMITERS });
  guard.once('error', (err) => parser.destroy(err));
  input.once('error', (err) => parser.destroy(err));
  // Excel's `sep=;` line arrives as a blank line 1 (io/separator-hint.ts).
  return input.pipe(guard).pipe(withoutSeparatorHint(delimiter)).pipe(parser);
}

/**
 * Refuses a file with bytes that are not UTF-8 (utf8.ts \`notUtf8\`, naming the first), in one
 * fast pass without parsing. The engine reads such bytes without complaint, and the row scan
 * would parse every row before the first of them only to stop there (for a Windows-1252 file
 * whose first "æ" is late, most of the file): so the scan's callers check first.
 */
export async function assertUtf8File(file: string, label = file): Promise<void> {
  await pipeline(createReadStream(file, { highWaterMark: 4 << 20 }), utf8Guard(label), new Writable({ write: (_chunk, _enc, done) => done() }));
}

/** The non-blank records of a CSV source, header first (for a pass that needs no line numbers). */
export async function* registryRecords(input: Readable, file: string, delimiter: Delimiter): AsyncGenerator<string[]> {
  try {
    for await (const record of registryParser(input, file, delimiter) as AsyncIterable<string[]>) {
      if (record.length === 1 && (record[0] as string).trim() === '') continue;
      yield record;
    }
  } catch (err) {
    if (err instanceof HtaError) throw err;
    throw invalidCsv(file, err);
  } finally {
    if (!input.destroyed) input.destroy();
  }
}

/** The data records of a CSV source (the header and blank rows skipped) with the line each starts on. */
export async function* registryRecordsWithLines(input: Readable, file: string, delimiter: Delimiter): AsyncGenerator<{ record: string[]; line: number }> {
  let nextLine = 1;
  let header = true;
  try {
    for await (const record of registryParser(input, file, delimiter) as AsyncIterable<string[]>) {
      const line = nextLine;
      nextLine += 1 + lineBreaksInside(record);
      if (record.length === 1 && (record[0] as string).trim() === '') continue;
      if (header) { header = false; continue; }
      yield { record, line };
    }
  } catch (err) {
    if (err instanceof HtaError) throw err;
    throw invalidCsv(file, err);
  } finally {
    if (!input.destroyed) input.destroy();
  }
}

/**
 * The first non-blank record (the header) and its line, or undefined for a file without one.
 * Reads only as far as the header. `label` names the file in messages.
 */
export async function readRegistryHeader(file: string, delimiter: Delimiter, label = file): Promise<{ record: string[]; line: number } | undefined> {
  // Small chunks: the parser goes through a whole chunk before it hands over the first record,
  // and with the default 64 KiB that is a thousand rows parsed for nothing.
  const input = createReadStream(file, { highWaterMark: 4096 });
  let nextLine = 1;
  try {
    for await (const record of registryParser(input, label, delimiter) as AsyncIterable<string[]>) {
      const line = nextLine;
      nextLine += 1 + lineBreaksInside(record);
      if (record.length === 1 && (record[0] as string).trim() === '') continue;
      return { record, line };
    }
  } catch (err) {
    if (err instanceof HtaError) throw err;
    throw invalidCsv(label, err);
  } finally {
    if (!input.destroyed) input.destroy();
  }
  return undefined;
}

/**
 * The format `dateFormat: 'auto'` found (from every date cell), or the error saying why none. Day
 * numbers are Excel serials or SAS dates: the reading inside the plan's date window is taken, with
 * a note; with both or neither inside, none (registry-dates.ts dayNumberFormat).
 */
export function detectedDateFormat(detector: DateFormatDetector, file: string, options: ReadRegistryOptions): { format: DateFormat; note?: string } {
  const r = detector.result();
  const refuse = (reason: string) => new HtaError('input.invalid', `${file}: the date format cannot be detected`, [
    { file, field: 'referred', expected: `dates in one unambiguous format for dateFormat "auto" — found ${maskCpr(reason)}` },
  ]);
  if ('reason' in r) throw refuse(r.reason);
  if (r.dayNumbers === undefined) return { format: r.format };
  const { from, to } = registryRules(options, r.format);
  const today = Math.floor(Date.now() / 86_400_000);
  const days = dayNumberFormat(r.dayNumbers, from, to ?? today, options.lang);
  if ('reason' in days) throw refuse(days.reason);
  return { format: days.format, note: `${file}: ${days.note}` };
}

/**
 * Aggregates a byte/text source (e.g. a generated file in memory): spooled to a private
 * temporary file, which the engine reads; `file` names it in messages. The separator is sniffed
 * from the header as for any file (`_delimiter` is the caller's expectation, not a setting).
 */
export async function aggregateRegistryStream(input: Readable, file: string, _delimiter?: Delimiter, options: ReadRegistryOptions = {}): Promise<UptakeAggregate> {
  const dir = makeTempFolder('hta-registry-');
  try {
    const spooled = join(dir, 'registry.csv');
    await inTempFolder(dir, () => pipeline(input, createWriteStream(spooled, { flags: 'wx', mode: 0o600 })));
    const { aggregateRegistry } = await import('./engine/registry-engine.js');
    return (await aggregateRegistry(spooled, options, file)).aggregate;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function isoOption(text: string, what: string): number {
  const day = isoToDay(text);
  if (day === undefined) throw new HtaError('usage.invalid', `${what} ${JSON.stringify(text)} is not a YYYY-MM-DD date`);
  return day;
}

/** The checks a read applies, from its options: the date window, the regions, the value rules. */
export interface RegistryRules {
  dateFormat: DateFormat;
  exclude: boolean;
  /** The export date as a day, when given. */
  exportDay: number | undefined;
  /** Plausible dates, inclusive, as days (`to` undefined: no upper bound). */
  from: number;
  to: number | undefined;
  regions: RegionSet;
  /** The file's ten-digit numbers read as codes, not CPR numbers (cpr-shape.ts), once counted. */
  codes?: RepeatedCodes;
  /** Cells read as empty: the built-in codes and the plan's (missing-cells.ts). */
  missingCodes: readonly string[];
}

/** Resolves the options of a read (the date format must already be resolved from 'auto'). */
export function registryRules(options: ReadRegistryOptions, dateFormat: DateFormat): RegistryRules {
  const exportDay = options.exportDate === undefined ? undefined : isoOption(options.exportDate, 'export date');
  const from = isoOption(options.dateWindow?.from ?? DEFAULT_DATE_FROM, 'dateWindow.from');
  const to = options.dateWindow?.to !== undefined ? isoOption(options.dateWindow.to, 'dateWindow.to') : exportDay;
  return { dateFormat, exclude: options.invalidRows === 'exclude', exportDay, from, to, regions: options.regions ?? DANISH_REGIONS, missingCodes: missingCodesOf(options.missingCodes) };
}

/**
 * The check of one record: every problem it has (value, cross-field and date-window), or the
 * referral. `header`: the file's column names, so problems name them as the user wrote them.
 */
export function registryRowChecker(
  options: ReadRegistryOptions, rules: RegistryRules, file: string, columns: ColumnIndex, header: readonly string[],
): RegistryRowCheck {
  const { from, to } = rules;
  const parseDay = dateParser(rules.dateFormat, { from: rules.from, to: rules.to });
  // Whether a date cell was read with a four-digit year (the plan's format is none of the
  // two-digit ones): then a refused two-digit date is a column of both kinds (mixedYearsAdvice).
  const fourDigit = !(SHORT_YEAR_FORMATS as readonly string[]).includes(rules.dateFormat) && rules.dateFormat !== 'dd-mon-yy';
  let fourDigitDatesRead = false;
  // The reverse: the first cell read with the plan's two-digit year (`3/4/25`), for a refused
  // four-digit one (`3/4/2025`) to be said as the same mix, with that cell as its example.
  const shortYear = (SHORT_YEAR_FORMATS as readonly string[]).includes(rules.dateFormat);
  let twoDigitDate: { line: number; text: string } | undefined;
  const noteDates = (record: readonly string[], line: number): void => {
    if (fourDigit ? fourDigitDatesRead : !shortYear || twoDigitDate !== undefined) return;
    for (const c of ['referred', 'activated', 'last_active'] as const) {
      const i = columns[c];
      const text = i === undefined || i < 0 ? '' : (record[i] ?? '').trim();
      if (text !== '' && parseDay(text) !== undefined) {
        if (fourDigit) fourDigitDatesRead = true;
        else twoDigitDate = { line, text };
        return;
      }
    }
  };
  // An activation (or last-activity) cell that holds text but no date of the file's format (nor a
  // code read as empty): the row's outcome is unknown, counted for the share guard (unreadableActivationError).
  const unreadableDate = (record: readonly string[], col: 'activated' | 'last_active'): boolean => {
    const i = columns[col];
    const text = i === undefined || i < 0 ? '' : (record[i] ?? '').trim();
    return !isEmptyCell(text, rules.missingCodes) && parseDay(text) === undefined;
  };
  const unreadable = (record: readonly string[]): Unreadable => ({
    ...(unreadableDate(record, 'activated') ? { activation: true } : {}),
    ...(unreadableDate(record, 'last_active') ? { lastActive: true } : {}),
  });
  const windowText = to === undefined ? `on or after ${dayToIso(from)}` : `within ${dayToIso(from)} – ${dayToIso(to)}`;
  const windowSource = options.dateWindow?.to !== undefined || options.dateWindow?.from !== undefined ? "the plan's dateWindow" : to === undefined ? 'the default window' : 'the default window, up to the export date';
  const validate = referralValidator({
    regions: rules.regions, dateFormat: rules.dateFormat, dateWindow: { from, to },
    ...(options.sexValues ? { sexValues: options.sexValues } : {}),
    ...(options.referrerValues ? { referrerValues: options.referrerValues } : {}),
    ...(rules.codes ? { codes: rules.codes } : {}),
    missingCodes: rules.missingCodes,
  });
  const checkRow = (record: readonly string[], line: number): RowCheckResult => {
    // A total row Excel users add under the table: refused (or left out) by that name, not as
    // ten bad values (docs/input-registry.md "Total rows").
    if (isTotalRecord(record, rules.missingCodes)) {
      const i = totalWordIndex(record);
      return { problems: [{ file, line, column: i + 1, field: header[i] ?? '', value: (record[i] ?? '').trim(), kind: 'total.row', expected: 'a referral: this is a total row (sums Excel users add under the table), not a referral — delete it (hta counts the referrals itself), or --exclude-invalid leaves it out' }] };
    }
    noteDates(record, line);
    const res = validate(record, columns, file, line, header);
    if (!res.ok) return { problems: res.problems, unreadable: unreadable(record) };
    const r = res.referral;
    const problems: Problem[] = [];
    for (const [col, day] of [['referred', r.referred], ['activated', r.activated], ['last_active', isEmptyCell((record[columns.last_active] ?? '').trim(), rules.missingCodes) ? null : r.lastActive]] as const) {
      if (day === null || (day >= from && (to === undefined || day <= to))) continue;
      const i = columns[col];
      const text = (record[i] ?? '').trim();
      problems.push({ file, line, column: i + 1, field: header[i] ?? col, value: text, kind: 'date.window', expected: `a date ${windowText} (${windowSource})${readAs(text, day, rules.dateFormat, from, to)}` });
    }
    return problems.length > 0 ? { problems } : { referral: r };
  };
  return Object.assign(checkRow, { fourDigitDatesRead: () => fourDigitDatesRead, twoDigitDateRead: () => twoDigitDate });
}

/** Of a row left out, the date cells that may be empty and hold text that is no date (unreadableActivationError). */
export type Unreadable = { activation?: true; lastActive?: true };

type RowCheckResult = { problems: Problem[]; unreadable?: Unreadable } | { referral: Referral };
/** The check of one record, and whether any record checked so far had a date read with a four-digit year. */
export type RegistryRowCheck = ((record: readonly string[], line: number) => RowCheckResult) & { fourDigitDatesRead: () => boolean; twoDigitDateRead: () => { line: number; text: string } | undefined };

/**
 * A refused two-digit-year date (`8/2/24`) in a file whose other dates were read with four-digit
 * years (`1/1/2024`, the plan's "dd/mm/yyyy"): the cell's hint said to set "mm/dd/yy" or
 * "dd/mm/yy", which moves the refusal to every four-digit cell. Said as the mix it is instead.
 */
const TWO_DIGIT_HINT = / \((?:the year has two digits \(as Excel writes its short date\)|this is a day-first date with a two-digit year, as Excel writes a short date): set "dateFormat": [^]*?(?:and save the CSV again|in the uptake plan)\)/;
function mixedYearsAdvice<T extends { expected: string }>(p: T): T {
  return TWO_DIGIT_HINT.test(p.expected)
    ? { ...p, expected: p.expected.replace(TWO_DIGIT_HINT, ' (two- and four-digit years mixed: this date\'s year has two digits, other dates of the file were read with four, and no one "dateFormat" reads both — format the date columns in Excel as one date format with a four-digit year, e.g. yyyy-mm-dd, and save the CSV again)') }
    : p;
}

/**
 * A day-first or month-first date with a four-digit year (`3/4/2025`, `03-04-2025`, `3.4.2025`),
 * with a time of day or without, as the two-digit dates under "dd/mm/yy" may carry one
 * (`1/1/2024 00:00`, `3/23/2025 12:00:00 AM`: registry-dates.ts TIME).
 */
const FOUR_DIGIT_DATE = /^\d{1,2}([-./])\d{1,2}\1\d{4}(?: \d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?: ?[AaPp][Mm])?)?$/;

/**
 * The reverse of `mixedYearsAdvice`: a refused four-digit-year date (`1/2/2024`) in a file whose
 * other dates were read with the plan's two-digit years ("dd/mm/yy"): said as the same mix, with
 * the first two-digit cell read as its example — not left as a date of no format.
 */
function mixedFourDigitAdvice<T extends { expected: string; value?: string; values?: string[] }>(p: T, read: { line: number; text: string }): T {
  const cells = p.value !== undefined ? [p.value] : (p.values ?? []);
  if (!cells.some((v) => FOUR_DIGIT_DATE.test(v.trim()))) return p;
  return { ...p, expected: `${p.expected} (two- and four-digit years mixed: this date's year has four digits, other dates of the file were read with two, such as "${read.text}" on line ${read.line}, and no one "dateFormat" reads both — format the date columns in Excel as one date format with a four-digit year, e.g. yyyy-mm-dd, and save the CSV again)` };
}

/**
 * The date a cell was read as, where its text does not show it (a day number, a day/month
 * order): "23513 read as 1964-05-16". A day number that, read as the other kind (Excel serial or
 * SAS date), falls in the window says so (docs/input-registry.md "Dates").
 */
function readAs(text: string, day: number, format: DateFormat, from: number, to: number | undefined): string {
  if (format === 'iso' || format === 'iso-datetime') return '';
  const other = format === 'excel-serial' ? 'sas-day' : format === 'sas-day' ? 'excel-serial' : undefined;
  const alt = other === undefined ? undefined : dateParser(other)(text);
  const hint = alt !== undefined && alt >= from && (to === undefined || alt <= to)
    ? `; as ${other === 'sas-day' ? 'a SAS date (days since 1960-01-01)' : 'an Excel serial'} it is ${dayToIso(alt)}: set "dateFormat": "${other}" in the uptake plan if that is the date`
    : '';
  return `; read as ${dayToIso(day)} (${format})${hint}`;
}

/** What a row check found: the rows left out and their problems (grouped; a sample in full). */
export interface RowCheck {
  excludedRows: number;
  /** Of those, rows with another number of fields than the header. */
  malformedRows?: number;
  /** Footnote rows below the last referral, left out and not counted among the excluded (footnote-rows.ts). */
  footnotes?: number[];
  /** The line holding only a Ctrl-Z end-of-file mark at the end, left out (io/ctrl-z.ts). */
  ctrlZ?: number;
  /** With exclude: lines repeating the header line, left out and not counted among the excluded (repeated-header.ts). */
  headerRepeats?: number[];
  /** With exclude: lines of dashes under the header (SQL Server Management Studio), left out and not counted among the excluded. */
  headerUnderlines?: number[];
  problemCount: number;
  /** Of the problems, cells shaped like a CPR number: they stop the read even when rows are excluded. */
  cprCells: number;
  /** Of the other problems, values quoted with a CPR-shaped number inside them masked (an age `45 (pt. DDMMYY-XXXX)`). */
  cprMaskedValues?: number;
  /**
   * Of the problems, cells of a column that may be empty holding what looks like an undeclared
   * code for "no value" (`-`): they stop the read even when rows are excluded (missing-cells.ts).
   */
  missingCodeCells?: number;
  /** Of the rows left out, those whose activation cell holds text that is no date (unreadableActivationError). */
  unreadableActivationRows?: number;
  /** Of the rows left out, those whose last-activity cell holds text that is no date (unreadableActivationError). */
  unreadableLastActiveRows?: number;
  sample: Problem[];
  groups: ProblemGroup[];
  /** A date cell was read with a four-digit year (registryRowChecker): a refused two-digit one is a mix (mixedYearsAdvice). */
  fourDigitDatesRead?: boolean;
  /** The first date cell read with the plan's two-digit year (registryRowChecker): a refused four-digit one is a mix (mixedFourDigitAdvice). */
  twoDigitDateRead?: { line: number; text: string };
}

/**
 * The failure of a read whose problems (`check`) mean it cannot go on: any invalid row without
 * `exclude`, and a CPR-shaped cell always (docs/input-registry.md "CPR numbers"); else undefined.
 */
export function rowCheckError(file: string, check: RowCheck, exclude: boolean): HtaError | undefined {
  if (check.cprCells > 0) {
    return new HtaError('input.invalid', cprCellsMessage(file, check), check.sample, check.groups);
  }
  if (exclude && (check.missingCodeCells ?? 0) > 0) {
    // Leaving these rows out would leave out the referrals without an activation (or age, or
    // sex) and make every rate wrong, silently: the code is declared instead (docs/input-registry.md "Empty cells").
    return new HtaError(
      'input.invalid',
      `${file} has ${check.missingCodeCells} cell(s) in columns that may be empty (activation, last activity, age, sex) holding what looks like a code for an empty cell: left out with --exclude-invalid, their rows would take with them the referrals without an activation and bias every rate, so hta stops here — declare the code in the uptake plan's "missingCodes"`,
      check.sample,
      check.groups,
    );
  }
  return check.problemCount > 0 && (!exclude || check.groups.some(isDurationDate)) ? invalidRowsError(file, check) : undefined;
}

/**
 * The first line of the refusal of CPR-shaped cells: it counts every problem listed under it — the
 * CPR-shaped cells, named by line and column and not quoted, and any other invalid value, quoted,
 * with the number masked where one holds a CPR number inside its text (an age `45 (pt.
 * DDMMYY-XXXX)`, which is no CPR-shaped cell but an invalid age) — so the reader knows how many
 * cells held one (docs/input-registry.md "CPR numbers").
 */
function cprCellsMessage(file: string, check: RowCheck): string {
  const stops = (what: string) => `hta never publishes ${what}, so it stops here (also with --exclude-invalid)`;
  const others = check.problemCount - check.cprCells;
  if (others === 0) return `${file} has ${check.cprCells} cell(s) that look like CPR numbers: ${stops('one')}; the cells are named by line and column, not quoted`;
  const masked = check.cprMaskedValues ?? 0;
  const maskedText = masked === 0 ? '' : `, ${masked === others ? (others === 1 ? 'it' : 'all') : masked} with a CPR number inside the text, quoted with the number masked (such as DDMMYY-XXXX)`;
  return `${file} has ${check.cprCells} cell(s) that look like CPR numbers, named by line and column, not quoted, and ${others} other invalid value(s)${maskedText}: ${stops('a CPR number')}`;
}

/** The failure of a read with invalid rows (without `invalidRows: 'exclude'`). */
export function invalidRowsError(file: string, check: RowCheck): HtaError {
  // A count of weeks or days of use mapped as a date column ("last_active": "Uger aktiv"): every
  // value in it fails, so --exclude-invalid would leave out every row with one — each activated
  // patient's — and publish the rest. Not offered; the cells say how to derive the date instead
  // (referral.ts `durationAdvice`, docs/input-registry.md "last_active").
  const durations = [...new Set(check.groups.filter(isDurationDate).map((g) => g.field!))];
  const two = check.twoDigitDateRead;
  const mixed = <T extends { expected: string; value?: string; values?: string[] }>(p: T): T => (check.fourDigitDatesRead ? mixedYearsAdvice(p) : two ? mixedFourDigitAdvice(p, two) : p);
  const advise = <T extends { field?: string; expected: string }>(p: T): T => (isDurationDate(p) ? { ...p, expected: `${p.expected}${durationAdvice([p.field!])}` } : mixed(p));
  const offer = durations.length > 0
    ? `; ${durations.map((d) => `"${d}"`).join(', ')} ${durations.length === 1 ? 'counts' : 'count'} weeks or days, not dates: --exclude-invalid would leave out every row with a value there (each activated patient's), so hta stops here, also with it`
    : (check.missingCodeCells ?? 0) > 0
      ? // A code for an empty cell stops --exclude-invalid too (rowCheckError): not offered as the way on.
        ` (--exclude-invalid leaves such rows out and goes on, but not past the ${check.missingCodeCells} cell(s) holding what looks like a code for an empty cell: declare the code in the uptake plan's "missingCodes")`
      : ' (--exclude-invalid leaves such rows out and goes on)';
  return new HtaError(
    'input.invalid',
    `${file} has ${check.problemCount} invalid value(s) in ${check.excludedRows} row(s)${offer}`,
    check.sample.map(advise),
    check.groups.map(advise),
  );
}

/** A date cell refused in a column whose name says it counts weeks or days ("Uger aktiv", "Days active"). */
const isDurationDate = (p: { field?: string; expected: string }): boolean =>
  p.field !== undefined && p.expected.startsWith('a real calendar date') && durationAdvice([p.field]) !== '';

/**
 * The most rows whose activation cell holds no readable date that --exclude-invalid leaves out: 1
 * in 20 of the rows. Such a cell says nothing of whether the patient activated; a few garbled
 * dates left out move a rate little, but many are usually a code hta does not know (SAS's `.A`
 * written as `A`, a word for "not activated"), and leaving them out publishes the rate of the
 * other rows — with every non-activation coded so, 100% (docs/input-registry.md "Problems and
 * invalid rows").
 */
export const MAX_UNREADABLE_ACTIVATION_SHARE = 0.05;

/**
 * The failure of an --exclude-invalid read that would leave out too many unreadable activation or
 * last-activity cells; `rows`: all data rows. A last-activity cell is no evidence either way too:
 * a referral without an activation has none, so a code for "no date" hta does not know (pandas'
 * `NaT` was one, MySQL's `0000-00-00`) stands on exactly those referrals, and leaving its rows out
 * published 100% activation (docs/input-registry.md "Problems and invalid rows").
 */
export function unreadableActivationError(file: string, check: RowCheck, rows: number): HtaError | undefined {
  const over = (n: number) => n > 0 && n > MAX_UNREADABLE_ACTIVATION_SHARE * rows;
  const activation = check.unreadableActivationRows ?? 0;
  const lastActive = check.unreadableLastActiveRows ?? 0;
  const [n, cell] = over(activation) ? [activation, 'activation' as const] : over(lastActive) ? [lastActive, 'lastActive' as const] : [0, undefined];
  if (cell === undefined) return undefined;
  return new HtaError('input.invalid', unreadableDatesMessage(file, n, rows, cell), check.sample, check.groups);
}

/** Collects the problems of a read in bounded memory, passing excluded rows' problems on. */
export function rowProblemCollector(rules: RegistryRules, options: ReadRegistryOptions) {
  const collector = createProblemCollector();
  const sample: Problem[] = [];
  let excludedRows = 0;
  let cprCells = 0;
  let cprMaskedValues = 0;
  let missingCodeCells = 0;
  let unreadableActivationRows = 0;
  let unreadableLastActiveRows = 0;
  return {
    /** The problems of one row that is left out; `unreadable`: which of its activation and last-activity cells are no date. */
    row(problems: readonly Problem[], unreadable?: Unreadable) {
      excludedRows++;
      if (unreadable?.activation) unreadableActivationRows++;
      if (unreadable?.lastActive) unreadableLastActiveRows++;
      for (const p of problems) {
        if (isCprProblem(p)) cprCells++;
        else if (p.value !== undefined && holdsCpr(p.value)) cprMaskedValues++;
        if (p.kind?.startsWith(`${MISSING_CODE_KIND}.`)) missingCodeCells++;
        collector.add(p);
        if (sample.length < MAX_PROBLEMS) sample.push(p);
        if (rules.exclude) options.onExcluded?.(p);
      }
    },
    get problemCount() { return collector.count; },
    result: (): RowCheck => ({ excludedRows, problemCount: collector.count, cprCells, cprMaskedValues, missingCodeCells, unreadableActivationRows, unreadableLastActiveRows, sample, groups: collector.groups() }),
  };
}

/**
 * Streams a CSV source and checks every row with the rules of a read, in file order, with
 * exact line numbers; `onReferral` sees each valid referral. Throws `invalidRowsError` when a
 * row is invalid and the read does not exclude; otherwise returns what was excluded.
 *
 * `hta uptake` runs this only when the engine found an invalid row (to name it), and the
 * benchmark runs it as the pre-engine path.
 */
export async function scanRegistryRows(
  input: Readable,
  file: string,
  delimiter: Delimiter,
  options: ReadRegistryOptions,
  rules: RegistryRules,
  onReferral?: (r: Referral) => void,
): Promise<RowCheck> {
  const found = rowProblemCollector(rules, options);
  // Line numbers are counted here rather than with csv-parse's `info` (which halves the
  // throughput): a record starts one line after the previous one ended, blank lines arrive as
  // one empty field and are skipped, and a quoted field spans as many lines as it holds \n.
  const parser = registryParser(input, file, delimiter);
  let check: ReturnType<typeof registryRowChecker> | undefined;
  let width = 0;
  let nextLine = 1;
  let malformedRows = 0;
  let header: string[] = [];
  /** Whether a row repeats the header line (exports joined): made once the header is read. */
  let isHeaderAgain: (record: readonly string[]) => 'same' | 'reordered' | undefined = () => undefined;
  // Footnote rows seen since the last referral row: left out if nothing but blank, footnote and
  // total rows follows them, refused as soon as a referral row does (footnote-rows.ts).
  let pending: { line: number; index: number; text: string }[] = [];
  // A line of Ctrl-Z alone (0x1A): the end-of-file mark when only blank lines follow (io/ctrl-z.ts).
  let ctrlZ: number | undefined;
  const isRegion = (text: string) => rules.regions.resolve(text) !== undefined;
  // The header line again (exports joined): left out with exclude, else one problem (repeated-header.ts).
  const headerRepeats: number[] = [];
  // A line of dashes under the header (SQL Server Management Studio): the same (io/header-underline.ts).
  const headerUnderlines: number[] = [];
  let headerLine = 1;
  // The region column, and whether a row above held a region (pivot layout: pivotRegionProblem).
  let regionColumn = -1;
  let regionAbove = false;
  // The last region block title (a line holding only a region name: regionTitleCell), if any.
  let titleAbove: { line: number; text: string } | undefined;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const line = nextLine;
      nextLine += 1 + lineBreaksInside(record);
      if (record.length === 1 && (record[0] as string).trim() === '') continue;
      if (check !== undefined && separatorsOnly(record)) continue;
      if (ctrlZ !== undefined) {
        found.row([{ file, line: ctrlZ, expected: CTRL_Z_EXPECTED, kind: CTRL_Z_KIND }]);
        ctrlZ = undefined;
      }
      if (check !== undefined && record.some((f) => f.includes(CTRL_Z))) {
        if (isCtrlZLine(record.join(''))) ctrlZ = line;
        else found.row([{ file, line, expected: CTRL_Z_EXPECTED, kind: CTRL_Z_KIND }]);
        continue;
      }
      if (check === undefined) {
        const idx = registryColumnIndex(record, file, options.columns, options.ageNeeded, line);
        if (Array.isArray(idx)) throw registryColumnsError(record, file, idx, options.columns, line);
        header = record.map((h) => h.trim());
        isHeaderAgain = headerRepeatsOf(header);
        check = registryRowChecker(options, rules, file, idx, header);
        regionColumn = idx.region;
        width = record.length;
        headerLine = line;
        continue;
      }
      const again = isHeaderAgain(record);
      if (again === 'reordered') throw reorderedHeaderError(file, line, headerLine);
      if (again === 'same') {
        if (rules.exclude) headerRepeats.push(line);
        else found.row([repeatedHeaderProblem(file, line)]);
        continue;
      }
      if (isHeaderUnderline(record, width)) {
        if (rules.exclude) headerUnderlines.push(line);
        else found.row([headerUnderlineProblem(file, line, 'a referral')]);
        continue;
      }
      // A line holding only a region's name: a report grouped by region, its block title (one
      // problem naming it so, and the blank regions of its block told the same).
      const title = regionTitleCell(record, isRegion);
      if (title) {
        titleAbove = { line, text: title.text };
        found.row([{ file, line, column: title.index + 1, field: header[title.index] ?? '', value: title.text, kind: REGION_TITLE_KIND, expected: regionTitleExpected(header[regionColumn] ?? 'region', title.text) }]);
        continue;
      }
      const footnote = footnoteCell(record, isRegion);
      if (footnote) {
        pending.push({ line, ...footnote });
        continue;
      }
      if (!isTotalRecord(record, rules.missingCodes) && pending.length > 0) {
        for (const f of pending) found.row([{ file, line: f.line, column: f.index + 1, field: header[f.index] ?? '', value: maskCpr(f.text), kind: FOOTNOTE_KIND, expected: FOOTNOTE_EXPECTED }]);
        pending = [];
      }
      if (record.length !== width) {
        malformedRows++;
        found.row([{ file, line, value: `${record.length} fields`, expected: `${width} fields as in the header (check the separator and quoting)` }]);
        continue;
      }
      const res = check(record, line);
      // A blank region below a filled one: an Excel pivot table or merged cells, the region
      // written on the first row of its block only — one problem saying so (pivotRegionProblem).
      const regionBlank = (record[regionColumn] ?? '').trim() === '';
      const blankProblem = titleAbove ? titledBlockProblem(titleAbove, header[regionColumn] ?? 'region') : regionAbove ? pivotRegionProblem : undefined;
      if ('problems' in res) found.row(regionBlank && blankProblem ? res.problems.map((p) => (p.column === regionColumn + 1 ? blankProblem(p) : p)) : res.problems, res.unreadable);
      else if (found.problemCount === 0 || rules.exclude) onReferral?.(res.referral);
      if (!regionBlank) regionAbove = true;
    }
  } catch (err) {
    if (err instanceof HtaError) throw err;
    throw invalidCsv(file, err);
  } finally {
    if (!input.destroyed) input.destroy(); // stopping early must not leave the file open
  }
  if (check === undefined) throw emptyRegistry(file);
  const result = { ...found.result(), malformedRows, footnotes: pending.map((f) => f.line), ...(ctrlZ === undefined ? {} : { ctrlZ }), headerRepeats, headerUnderlines, ...(check.fourDigitDatesRead() ? { fourDigitDatesRead: true } : {}), ...(check.twoDigitDateRead() ? { twoDigitDateRead: check.twoDigitDateRead()! } : {}) };
  const failure = rowCheckError(file, result, rules.exclude);
  if (failure) throw failure;
  return result;
}

/**
 * What a blank region cell below a filled one is told (docs/input-registry.md "Regions"): the
 * layout of an Excel pivot table (Compact or Outline form) or of merged cells, copied to CSV, writes
 * the region on the first row of each block only. Not filled down by hta: a blank may as well be a
 * referral whose region is missing, and only the user can tell.
 */
export const PIVOT_REGION_EXPECTED = 'a region on every row: the region is written only on the first row of each block (an Excel pivot table or merged cells copied to CSV) — fill it down in Excel: select the region column → Go To Special → Blanks → type = and press ↑ → Ctrl+Enter (then copy the column and paste it as values); or in the PivotTable: Design → Report Layout → Repeat All Item Labels. hta does not fill it down itself: a blank cell may be a referral without a region';
export const PIVOT_REGION_KIND = 'region.blank-below';
const pivotRegionProblem = (p: Problem): Problem => ({ ...p, kind: PIVOT_REGION_KIND, expected: PIVOT_REGION_EXPECTED });

/**
 * Region block titles (docs/input-registry.md "Regions"): a report grouped by region — SAS BY
 * groups, an SSRS or Qlik table grouped on region, an Excel sheet laid out for reading — writes
 * a line holding only the region's name above that region's rows, whose region cell is then
 * blank. Not a pivot to fill down, and not read by hta: it reads one referral per row with its
 * region on the row, and a blank region below a title may still be a referral without one.
 */
export const REGION_TITLE_KIND = 'region.title-row';
export const REGION_TITLED_BLOCK_KIND = 'region.title-block';
export const ungroupedAdvice = (column: string) =>
  `export the rows ungrouped, the region in column "${column}" on every row (in SAS without the BY statement, in SSRS/Qlik as a flat table); or in Excel write each title's region into the blank "${column}" cells of its block and delete the title lines`;
const regionTitleExpected = (column: string, text: string) =>
  `a referral: the line holds only a region's name${regionTitleText(text) === text ? '' : ' (a SAS BY line, "variable=region")'}, a block title above that region's rows (a report grouped by region) — ${ungroupedAdvice(column)}`;
const titledBlockProblem = (title: { line: number; text: string }, column: string) => (p: Problem): Problem => ({
  ...p, kind: REGION_TITLED_BLOCK_KIND,
  expected: `a region on every row: the row is in a block under a region title (a line holding only a region's name, such as "${title.text}" on line ${title.line}), its own "${column}" cell blank — ${ungroupedAdvice(column)}`,
});

/** The blanks a cell may hold and still be empty in a row of separators only (the SQL view trims the same). */
export const SCAN_BLANKS = ' \t\r\n';

/** A row of separators and those blanks only (Excel's `;;;;` for rows once touched): no referral, skipped. */
function separatorsOnly(record: readonly string[]): boolean {
  return record.every((c) => [...c].every((ch) => SCAN_BLANKS.includes(ch)));
}

/** The error for a file without a header line. */
export function emptyRegistry(file: string): HtaError {
  return new HtaError('input.invalid', `${file} is empty${emptiedByRedirection(file)}`, [{ file, line: 1, expected: 'a header line naming the registry columns' }]);
}

/**
 * The pre-engine path, kept as a reference: streams a CSV source through `scanRegistryRows`
 * into the streaming aggregator (reference-aggregator.ts). Not used by `hta uptake`. One pass
 * cannot count codes first: a ten-digit clinic code (P-number) is refused here as CPR-shaped.
 */
export async function readRegistryStream(
  input: Readable,
  file: string,
  delimiter: Delimiter,
  options: ReadRegistryOptions = {},
): Promise<RegistryRead> {
  if (options.dateFormat === 'auto') throw new HtaError('usage.invalid', 'dateFormat "auto" needs a file (it reads the dates twice)');
  const rules = registryRules(options, options.dateFormat ?? 'iso');
  const regions = rules.regions;
  const aggregator = createUptakeAggregator({ ...(rules.exportDay === undefined ? {} : { exportDate: rules.exportDay }), regions: regions.names });
  const check = await scanRegistryRows(input, file, delimiter, options, rules, (r) => aggregator.add(r));
  return { aggregate: aggregator.value(), dateFormat: rules.dateFormat, excluded: { rows: rules.exclude ? check.excludedRows : 0, problems: rules.exclude ? check.groups : [] } };
}

export interface ReadEligibleOptions {
  /** The plan's `columns.eligible`: the file's name for each denominator column. */
  columns?: Partial<Record<'region' | 'year' | 'eligible', string>>;
  /** The plan's `missingCodes`: cells read as empty besides `NULL`, `(null)`, `NA`, `.` (missing-cells.ts). */
  missingCodes?: readonly (string | number)[];
  /** `'exclude'` (--exclude-invalid): the header line repeated in the file is left out, not refused (eligible-header-lines.ts). */
  invalidRows?: 'fail' | 'exclude';
  /**
   * Names that are regions whatever their counts add up to: the plan's `regions`, the registry's
   * regions (unnamed-total-rows.ts). The Danish regions always are.
   */
  isRegion?: (name: string) => boolean;
  /**
   * `'return'`: a region that looks like a total row under an unknown name is returned (with its
   * problem) for the caller to refuse unless the registry's referrals name it — a total row never
   * has referrals (run-uptake.ts). Default `'refuse'`: refused here.
   */
  unnamedTotals?: 'refuse' | 'return';
}

/**
 * Reads the denominator file (`region, year, eligible`, or the plan's names for them). Its
 * regions, in first-appearance order, are the regions of the analysis (see regions.ts); a
 * region written two ways ("Hovedstaden", "Region Hovedstaden") is one region, named as first
 * written. Counts may carry thousands separators (parse-count.ts).
 */
/** Names denominator files give their columns, in lower case (Danish statistics tables and regional sheets). */
const ELIGIBLE_SYNONYMS: Record<'region' | 'year' | 'eligible', RegExp> = {
  // Swedish `Län`/`Landsting`, Norwegian `Helseforetak`/`Helseregion`/`Fylke`: the units their
  // statistics count the eligible by.
  // `Regionskode` and its kin: the DAGI code 1081–1085, read as the region (regions.ts), as in the registry (registry-column-names.ts).
  region: /^(region|regionsnavn|regionnavn|regionnamn|regionname|regioner|regionskode|regionkode|regionsnr|regionnr|regioncode|regionid|län|lan|landsting|helseforetak|helseregion|fylke)$/,
  year: /^(år|aar|årstal|aarstal|årstall|aarstall|year|tid)$/,
  // `Frequency`: SAS PROC FREQ's count column (ODS CSV, or its OUT= data set's COUNT).
  eligible: /^(antal|antall|eligible|borgere|befolkning|population|patienter|pasienter|målgruppe|maalgruppe|målgrupp|n|count|frequency|frekvens)$/,
};

/**
 * The column a Power BI or Excel pivot caption sums: `Sum of Antal`, `Sum af Antal`, `Summen af
 * Antal` → `antal` (a summed count is the count); `Count of …` is a number of rows, not the
 * count, and is left as it is. `key`: the name as headerKey folds it.
 */
/**
 * A count named by what it counts (`Antal borgere`, `Antal i målgruppen`, `Antall personer`,
 * `Number of patients`): a candidate for the eligible count, taken when it is the only one. Not
 * `Count of …`: a pivot's number of rows (eligible-summed-caption test).
 */
const COUNT_OF = /^(antal|antall|number of)\s+\p{L}[\p{L}\s.-]*$/u;

function summedName(key: string): string {
  return /^(sum of|sum af|summen af|sum)\s+(.+)$/.exec(key)?.[2] ?? key;
}

/**
 * The `columns.eligible` mapping that reads `header` (the plan's `given` names kept), when each
 * column the header lacks by its default name has exactly one candidate; else undefined.
 */
export function eligibleColumnsFor(header: readonly string[], given: ReadEligibleOptions['columns'] = {}): Partial<Record<'region' | 'year' | 'eligible', string>> | undefined {
  const { mapping, unknown } = eligibleColumnGuess(header, given);
  return unknown.length === 0 ? mapping : undefined;
}

/**
 * As `eligibleColumnsFor`, keeping what is known when a column is not: the mapping of the
 * columns found (by the plan's name, the default or a synonym) and the names of those that are
 * not, so that a region column named otherwise (`Helseforetak` before it was known) does not
 * lose the year and count columns too.
 */
export function eligibleColumnGuess(header: readonly string[], given: ReadEligibleOptions['columns'] = {}): { mapping: Partial<Record<'region' | 'year' | 'eligible', string>>; unknown: ('region' | 'year' | 'eligible')[] } {
  const keys = header.map(headerKey);
  const mapping: Partial<Record<'region' | 'year' | 'eligible', string>> = { ...given };
  const unknown: ('region' | 'year' | 'eligible')[] = [];
  for (const name of ['region', 'year', 'eligible'] as const) {
    if (keys.includes(headerKey(given[name] ?? name))) continue;
    const candidates = header.filter((h) => ELIGIBLE_SYNONYMS[name].test(headerKey(h)) || (name === 'eligible' && (ELIGIBLE_SYNONYMS.eligible.test(summedName(headerKey(h))) || COUNT_OF.test(headerKey(h)))));
    if (candidates.length === 1) mapping[name] = candidates[0]!.trim();
    else unknown.push(name);
  }
  return { mapping, unknown };
}

/** As `eligibleColumnGuess`, as the JSON text of a plan's `columns.eligible` (an unknown one as a placeholder), or undefined when none is known. */
function guessEligibleColumns(header: readonly string[], given: ReadEligibleOptions['columns']): string | undefined {
  const { mapping, unknown } = eligibleColumnGuess(header, given);
  const known = Object.entries(mapping).filter(([k]) => !unknown.includes(k as 'region'));
  if (known.length === 0) return undefined;
  const parts = [...known.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`), ...unknown.map((k) => `${JSON.stringify(k)}: "<the file's column of ${k === 'region' ? 'region names' : k === 'year' ? 'years' : 'counts'}>"`)];
  return `{ ${parts.join(', ')} }`;
}

export function readEligible(file: string, options: ReadEligibleOptions = {}): EligibleRow[] {
  return readEligibleFile(file, options).rows;
}

/** A total row of the eligible file that equals the sum of the regions' counts, left out. */
export interface EligibleTotalRow {
  line: number;
  /** The region cell as written (`I alt`). */
  label: string;
  /** The year, or undefined for a grand total over every year. */
  year?: number;
  eligible: number;
}

/**
 * As `readEligible`, with the total rows it left out (`I alt;2025;116.300`): a row whose region
 * is a total word (total-rows.ts) is left out when its count is the sum of that year's regions
 * (or, without a year, of every row), and refused naming its line otherwise — counted as a
 * region it would double the whole country's denominator (docs/input-registry.md "Total rows").
 */
export function readEligibleFile(file: string, options: ReadEligibleOptions = {}): {
  rows: EligibleRow[]; totals: EligibleTotalRow[];
  /** Years as columns: the years, and the names of total columns left out (an Excel pivot's `Hovedtotal`). */
  wide?: { years: number[]; totalColumns?: string[] };
  /** Year cells written with the thousands mark (`2.024`), read as years: how many, and the first. */
  yearMarks?: { count: number; example: string };
  /** An Excel pivot's caption line 1 skipped above the header (`Sum af Antal;Kolonnenavne`: io/pivot-caption.ts). */
  pivotCaption?: string;
  /** The line of a Ctrl-Z end-of-file mark left out at the end (io/ctrl-z.ts), for a note. */
  ctrlZ?: number;
  /** With invalidRows 'exclude': the lines that repeated the header line, left out (eligible-header-lines.ts). */
  headerLines?: number[];
  /** Whether DAGI codes are read as regions in this analysis (every region of the file is Danish). */
  regionCodes: boolean;
  /** The codes read in the file (code → region name), for a note. */
  codesRead: ReadonlyMap<string, string>;
  /** With unnamedTotals 'return': the regions that look like total rows, each with its problem. */
  unnamedTotals?: { region: string; problem: Problem }[];
} {
  // A statistics table with years as columns (`Region;2024;2025`) is read too (year-columns.ts).
  // A PROC TABULATE header over several lines is said as that (eligible-stat-layouts.ts).
  // So is a table from the SPSS Viewer (a title line, the header over lines, two label columns).
  const tabulate = tabulateHeaderError(file) ?? spssViewerTableError(file);
  if (tabulate) throw tabulate;
  let table = readCsvFile(file, { yearColumns: true });
  // `Hovedstaden;2025;1990` is a first row of values, not a header with years as columns: a file
  // whose "header" names a region has none, and is read (and refused) as any headerless file.
  const firstText = yearColumns(table.header, isTotalWord)?.text[0];
  if (firstText !== undefined && DANISH_REGIONS.resolve(table.header[firstText]!) !== undefined) table = readCsvFile(file);
  const keys = table.header.map(headerKey);
  const problems: Problem[] = [];
  const col = (name: 'region' | 'year' | 'eligible') => {
    const as = options.columns?.[name] ?? name;
    const i = keys.indexOf(headerKey(as));
    // The plan key is named either way: the user may not know that a column can be mapped.
    const mapped = options.columns?.[name] !== undefined ? ` (the plan's columns.eligible.${name})` : `, or the file's own column named in the plan's columns.eligible.${name}`;
    // The header's own line: 2 after Excel's `sep=;` line or a pivot caption (docs/input-registry.md).
    if (i < 0) problems.push({ file, line: table.headerLine ?? 1, field: as, expected: `a column named "${as}"${mapped} (have: ${table.header.join(', ')})` });
    return i;
  };
  let ri = col('region');
  const yi = col('year'), ei = col('eligible');
  const years = yearColumns(table.header, isTotalWord);
  // Years as columns: the one text column is the region, each year column a year's counts.
  const wide = problems.length > 0 && years?.text.length === 1 ? years.years : undefined;
  // A pivot's grand-total column (`Hovedtotal`): each cell checked to be its row's sum, then left out.
  const totalColumns = wide ? years!.totals : [];
  if (wide) {
    problems.length = 0;
    ri = years!.text[0]!;
  }
  // Counts per quarter (`Region;2025-K1;…`, a `Kvartal` column): said so, with how a year's count
  // follows (eligible-quarters.ts) — also when the region, year and count columns are there too,
  // where one quarter per year would otherwise be read as the year's count.
  const quarters = quarterColumnsError(file, table.header);
  if (quarters) throw quarters;
  if (problems.length > 0) {
    if (years) {
      throw new HtaError('input.invalid', `${file} has years as columns (${years.years.map((j) => table.header[j]).join(', ')}) beside ${years.text.length} other columns`, [
        { file, line: table.headerLine ?? 1, expected: `one column of region names and one column per year (Region;2024;2025;…), read as years as columns — or one row per region and year (Region;År;Antal: columns region, year, eligible); have: ${table.header.join(', ')}` },
      ]);
    }
    // Stata's reshape wide (antal2024): said as what it is.
    const layout = stubYearColumnsError(file, table.header, table.headerLine ?? 1);
    if (layout) throw layout;
    // A Danish file names them Region;År;Antal: say which mapping reads it.
    const guess = guessEligibleColumns(table.header, options.columns);
    if (guess) for (const p of problems) p.hint = `map the file's names in the uptake plan: "columns": { "eligible": ${guess} }`;
    throw new HtaError('input.invalid', `${file} lacks denominator columns`, problems);
  }
  // The header line again (files joined): no region's row (eligible-header-lines.ts).
  const exclude = options.invalidRows === 'exclude';
  const again = eligibleHeaderLines(file, table.header, table.headerLine ?? 1, table.records, wide !== undefined, exclude);
  problems.push(...again.problems);
  const headerAgain = new Set(again.lines);
  // Counts are whole numbers: a tab file's `37.272` can only be thousands (eligible-count-mark.ts).
  const countColumns = wide ? [...wide, ...totalColumns] : [ei, yi];
  // So are a comma file's `37.272` and `"37.272,00"` from a Danish-locale Google Sheets or LibreOffice.
  const thousands = thousandsMarkFor(table.dialect.delimiter, decimalCommaOf({ ...table, dialect: commaFileCountsMark(countsDecideMark(table.dialect, table.records, countColumns), table.records, countColumns) }));
  // A sum in a message is written as the file writes its counts (`25.000` in a Danish file).
  const group = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, thousands);
  const example = thousands === '.' ? '37000 or 37.000' : '37000 or "37,000"';
  const names = new Map<string, string>();
  const rows: EligibleRow[] = [];
  const seen = new Map<string, number>();
  const totalRows: { line: number; label: string; yearText: string; countText: string }[] = [];
  // Years written with the thousands mark (`2.024`: docs/input-registry.md "The eligible file").
  const yearMarks = { count: 0, example: '' };
  // `NULL`, `(null)`, … are empty cells (missing-cells.ts); a row of nothing else is a blank row.
  // A one-letter code (SAS's .M written M) is a value in the region column, as in the registry's text columns (missing-cells.ts `textColumnCodes`).
  const missing = textColumnCodes(missingCodesOf(options.missingCodes));
  const cell = (text: string | undefined) => (isEmptyCell((text ?? '').trim(), missing) ? '' : text ?? '');
  // A year or count of 99 is a value even when the plan declares "99" (missing-cells.ts `numberColumnCodes`).
  const numberCodes = numberColumnCodes(missingCodesOf(options.missingCodes));
  const numberCell = (text: string | undefined) => (isEmptyCell((text ?? '').trim(), numberCodes) ? '' : text ?? '');
  // DAGI codes (`1084`) are read as the regions they number only when every region of the file is
  // a Danish one, named or numbered (regions.ts `readsRegionCodes`): 1081 is Ronneby too.
  const regionCells: string[] = [];
  for (const rec of table.records) {
    if (headerAgain.has(rec.line)) continue;
    const v = cell(rec.raw[ri]).trim();
    if (v !== '' && !isTotalWord(v)) regionCells.push(v);
  }
  const codes = readsRegionCodes(regionCells);
  const codesRead = new Map<string, string>();
  // Rows repeating a region and year, and their problems' places: one problem instead when another column splits them (eligible-split-rows.ts).
  const repeats: (RepeatedRow & { problem: number })[] = [];
  // Blank region cells that mean "the same as above" (an Excel pivot table), by the file's shape (pivot-blanks.ts).
  const pivotRegions = !wide && eligibleRegionBlocks([...table.records].filter((r) => !headerAgain.has(r.line) && !r.raw.every((c) => numberCell(c) === '')).map((r) => (r.raw[ri] ?? '').trim()), (t) => isTotalWord(t) || cell(t).trim() === '');
  for (const rec of table.records) {
    if (headerAgain.has(rec.line)) continue;
    // Blank: every cell empty, a plan code that is a number (`99`) not counting as empty.
    if (rec.raw.every((c) => numberCell(c) === '')) continue;
    const written = cell(rec.raw[ri]);
    // An Excel pivot table of region × year in tabular form (docs/input-registry.md "An Excel pivot
    // table's blank cells"): the region on the first row of each block only, and, with subtotals on, a row
    // `Hovedstaden I alt` under each block. Each said as what it is, never read as a region.
    if (pivotRegions && (rec.raw[ri] ?? '').trim() === '') {
      problems.push({ file, line: rec.line, column: ri + 1, field: table.header[ri], value: rec.raw[ri] ?? '', kind: PIVOT_ELIGIBLE_KIND, expected: pivotEligibleRegionExpected((table.header[ri] ?? 'region').trim()) });
      continue;
    }
    const subtotal = !wide && subtotalRegion(written, (name) => names.has(regionKey(name)) || DANISH_REGIONS.resolve(name) !== undefined || (options.isRegion?.(name) ?? false));
    if (subtotal) {
      problems.push({ file, line: rec.line, column: ri + 1, field: table.header[ri], value: rec.raw[ri] ?? '', kind: SUBTOTAL_KIND, expected: PIVOT_SUBTOTAL_EXPECTED });
      continue;
    }
    // A CPR-shaped region (the id column mapped, a note typed into the field) would be printed as a
    // region's name everywhere: named by line and column, never quoted (docs/input-registry.md "The eligible file").
    if (eligibleCprCell(written)) {
      problems.push({ file, line: rec.line, column: ri + 1, field: table.header[ri], kind: cprKind('region'), expected: eligibleCprExpected(written) });
      continue;
    }
    // A refused cell is quoted as written, and one read as empty (`NULL`) says so.
    const as = (i: number) => {
      const text = (rec.raw[i] ?? '').trim();
      return { value: rec.raw[i] ?? '', note: text !== '' && isEmptyCell(text, i === ri ? missing : numberCodes) ? ` (${readAsEmptyNote(text)})` : '' };
    };
    // The row's counts: one (long), or one per year column with a count (wide: an empty cell is a year without a count).
    const counts = wide
      ? wide.filter((j) => numberCell(rec.raw[j]).trim() !== '').map((j) => ({ yv: table.header[j]!.trim(), ev: numberCell(rec.raw[j]), ej: j }))
      : [{ yv: numberCell(rec.raw[yi]), ev: numberCell(rec.raw[ei]), ej: ei }];
    for (const tj of totalColumns) {
      const text = numberCell(rec.raw[tj]).trim();
      if (text === '') continue;
      const parts = counts.map(({ ev }) => parseCount(ev, thousands));
      // A year cell that is no count is refused on its own; the row's sum is then unknown.
      if (parts.some((n) => n === undefined)) continue;
      const sum = parts.reduce((a: number, n) => a + n!, 0);
      const n = parseCount(text, thousands);
      if (n !== sum) {
        const found = n === undefined ? `${JSON.stringify(text)} is not a whole number` : `its ${text} is not the sum of the row's years, ${group(sum)}`;
        problems.push({ file, line: rec.line, column: tj + 1, field: table.header[tj], value: rec.raw[tj] ?? '', expected: `the sum of the row's year counts: "${table.header[tj]!.trim()}" is a total column (${found}) — delete the column (hta adds up the years itself), or correct it` });
      }
    }
    // A Danish region's DAGI code (`1084`) is read as the region it numbers (region-codes.ts).
    const code = codes ? regionOfCode(written) : undefined;
    if (code !== undefined) codesRead.set(written.trim(), code);
    const rv = code ?? written;
    const key = regionKey(rv);
    // A total row ("I alt", and "national", the name of every output's whole-country rows) is no region.
    if (isTotalWord(rv)) {
      // A year cell read as empty (`NULL`, the plan's codes, Qlik's `-` in its `Totaler;-;597.190`) is a total over every year.
      const yearOf = (yv: string) => (wide ? yv : yearText(yv, thousands, yearMarks)).trim();
      for (const { yv, ev } of counts) totalRows.push({ line: rec.line, label: regionDisplay(rv), yearText: yv.trim() === '-' || numberCell(yv).trim() === '' ? '' : yearOf(yv), countText: ev.trim() });
      continue;
    }
    // `#N/A` (a failed lookup) is no region: counted as one it would add to the whole country's denominator.
    if (isExcelError(rv.trim())) {
      problems.push({ file, line: rec.line, column: ri + 1, field: table.header[ri], value: as(ri).value, expected: `a region name — ${excelErrorAsName(rv.trim())}` });
      continue;
    }
    if (key === '') problems.push({ file, line: rec.line, column: ri + 1, field: table.header[ri], value: as(ri).value, expected: `a region name${as(ri).note}` });
    for (const { yv: written, ev, ej } of counts) {
      const yv = wide ? written : yearText(written, thousands, yearMarks);
      const yearOk = /^\d{4}$/.test(yv);
      if (!yearOk) problems.push({ file, line: rec.line, column: yi + 1, field: table.header[yi], value: as(yi).value, expected: `a four-digit year${as(yi).note}${quarterYearAdvice(yv)}` });
      const n = parseCount(ev, thousands);
      const masked = n === undefined && looksMasked(ev) ? maskedCountAdvice(ev, wide ? 'wide' : 'long') : '';
      if (n === undefined || n <= 0) problems.push({ file, line: rec.line, column: ej + 1, field: table.header[ej], value: as(ej).value, expected: `a whole number of eligible people > 0 (${example})${as(ej).note}${masked}${n === undefined && !masked ? countHint(ev, thousands) : ''}`, ...excelErrorOf(ev) });
      if (key === '' || !yearOk || n === undefined || n <= 0) continue;
      let region = names.get(key);
      if (region === undefined) names.set(key, (region = regionDisplay(rv)));
      const k = `${key}|${yv}`;
      const first = seen.get(k);
      if (first !== undefined) {
        repeats.push({ line: rec.line, first, problem: problems.length });
        problems.push({ file, line: rec.line, column: ri + 1, field: table.header[ri], value: as(ri).value, expected: `one row per region and year (${region} ${yv} is also on line ${first})` });
        continue;
      }
      seen.set(k, rec.line);
      rows.push({ region, year: Number(yv), eligible: n });
    }
  }
  const split = wide ? undefined : splitRowsProblem(file, table.header, new Map([...table.records].filter((r) => !headerAgain.has(r.line)).map((r) => [r.line, r.raw])), repeats, { region: ri, year: yi, count: ei });
  if (split) {
    const drop = new Set(repeats.map((r) => r.problem));
    const kept = problems.filter((_, i) => !drop.has(i));
    problems.length = 0;
    problems.push(split, ...kept);
  }
  // Problems of the rows: a total row's sum is checked only when no row is left unread.
  const rowProblems = problems.length;
  if (rows.length === 0 && problems.length === 0) throw new HtaError('input.invalid', `${file} has no rows`, [{ file, line: 2, expected: 'one row per region and year' }]);
  // A total row under a name no total word covers (`Sverige totalt`): found by its numbers (unnamed-total-rows.ts).
  const isRegion = (name: string) => DANISH_REGIONS.resolve(name) !== undefined || (options.isRegion?.(name) ?? false);
  const suspects: { region: string; problem: Problem }[] = [];
  for (const t of unnamedTotals(rows, isRegion)) {
    const key = [...names].find(([, display]) => display === t.region)![0];
    const line = seen.get(`${key}|${t.years[0]}`)!;
    const first = rows.find((r) => r.region === t.region && r.year === t.years[0])!;
    const parts = rows.filter((r) => r.year === t.years[0] && r.region !== t.region).map((r) => `${r.region} ${group(r.eligible)}`).join(' + ');
    suspects.push({
      region: t.region,
      problem: {
        file, line, column: ri + 1, field: table.header[ri], value: t.region,
        expected: `a region name: "${t.region}" looks like a total row under a name hta does not know — its count is the sum of the other regions' counts in every year it has (${t.years.join(', ')}; ${t.years[0]}: ${group(first.eligible)} = ${parts}), no referral of the registry is in it, and counted as a region it would double the whole country's denominator — if it is a total row, delete its rows (hta adds up the regions itself); if it is a region, name it in the uptake plan's "regions" ("regions": { ${JSON.stringify(t.region)}: ${JSON.stringify(t.region)} }) and it is read as one`,
      },
    });
  }
  if (options.unnamedTotals !== 'return') problems.push(...suspects.map((s) => s.problem));
  const totals: EligibleTotalRow[] = [];
  for (const t of totalRows) {
    const at = { file, line: t.line, column: ri + 1, field: table.header[ri], value: t.label };
    const year = /^\d{4}$/.test(t.yearText) ? Number(t.yearText) : undefined;
    const n = parseCount(t.countText, thousands);
    const ofYear = rows.filter((r) => year === undefined || r.year === year);
    const sum = ofYear.reduce((s, r) => s + r.eligible, 0);
    const what = year === undefined ? 'every region and year' : `the regions' ${year} counts`;
    if (t.yearText !== '' && year === undefined) {
      problems.push({ ...at, expected: `a region name: "${t.label}" is a total row, and its year ${JSON.stringify(t.yearText)} is not a four-digit year — delete the row (hta adds up the regions itself)` });
    } else if (n !== undefined && rowProblems > 0 && (ofYear.length === 0 || n !== sum)) {
      // Rows refused above are not in the sum: "does not add up" would send the user to correct
      // a total that may be right. Checked on the run after they are corrected.
      continue;
    } else if (n === undefined || ofYear.length === 0 || n !== sum) {
      const found = n === undefined ? `its count ${JSON.stringify(t.countText)} is not a whole number` : ofYear.length === 0 ? `no region has a row for ${year}` : `its ${t.countText} is not the sum of ${what}, ${group(sum)}`;
      problems.push({ ...at, expected: `a region name: "${t.label}" is a total row (${found}), and counted as a region it would add to the whole country's denominator — delete the row (hta adds up the regions itself), or correct it` });
    } else {
      totals.push({ line: t.line, label: t.label, ...(year === undefined ? {} : { year }), eligible: n });
    }
  }
  if (problems.length > 0) throw new HtaError('input.invalid', `${file} has ${problems.length} invalid value(s)`, problems);
  return {
    rows, totals, regionCodes: codes, codesRead,
    ...(wide ? { wide: { years: wide.map((j) => Number(table.header[j]!.trim())), ...(totalColumns.length > 0 ? { totalColumns: totalColumns.map((j) => table.header[j]!.trim()) } : {}) } } : {}),
    ...(yearMarks.count > 0 ? { yearMarks } : {}),
    ...(table.pivotCaption === undefined ? {} : { pivotCaption: table.pivotCaption }),
    ...(table.dialect.ctrlZ === undefined ? {} : { ctrlZ: table.dialect.ctrlZ }),
    ...(exclude && again.lines.length > 0 ? { headerLines: again.lines } : {}),
    ...(options.unnamedTotals === 'return' ? { unnamedTotals: suspects } : {}),
  };
}

/**
 * A year cell as read: `2.024` (or `2,024`: the file's thousands mark, one group of
 * three digits) as `2024` — Danish Excel formats a year cell as a number with a thousands
 * separator. Only the year column: a count keeps its marks (parse-count.ts). Counted in `marks`
 * for the note; anything else is returned as written, to be refused as no four-digit year.
 */
function yearText(text: string, thousands: '.' | ',', marks: { count: number; example: string }): string {
  const m = /^(\d)([.,])(\d{3})$/.exec(text.trim());
  if (!m || m[2] !== thousands) return text;
  if (marks.count++ === 0) marks.example = text.trim();
  return `${m[1]}${m[3]}`;
}

/** The note for years written with a thousands mark (`2.024`), read as years (stderr). */
export function eligibleYearMarkNote(file: string, marks: { count: number; example: string } | undefined, lang: 'en' | 'da' = 'en'): string | undefined {
  if (!marks) return undefined;
  if (lang === 'da') return `${file}: ${marks.count} årstalscelle(r) skrevet med tusindtalsseparator (fx "${marks.example}", en årstalscelle, som Excel formaterer som tal) er læst som årstal ("${marks.example}" som ${marks.example.replace(/[.,]/, '')}; docs/input-registry.md "The eligible file"); formatér kolonnen som tekst eller "0" i Excel for at fjerne separatoren`;
  return `${file}: ${marks.count} year cell(s) written with a thousands mark (such as "${marks.example}", a year cell Excel formats as a number) read as years ("${marks.example}" as ${marks.example.replace(/[.,]/, '')}; docs/input-registry.md "The eligible file"); format the column as text or "0" in Excel to drop the mark`;
}

/** The note for an Excel pivot's caption line skipped above the eligible file's header (stderr). */
export function eligiblePivotCaptionNote(file: string, caption: string | undefined, lang: 'en' | 'da' = 'en'): string | undefined {
  if (caption === undefined) return undefined;
  if (lang === 'da') return `${file}: linje 1 ("${caption}") er en Excel-pivottabels titel over overskriftslinjen, ikke overskriftslinjen: sprunget over, overskriftslinjen er læst fra linje 2 (docs/input-registry.md "The eligible file")`;
  return `${file}: line 1 ("${caption}") is an Excel pivot table's caption above the header, not the header: skipped, the header read from line 2 (docs/input-registry.md "The eligible file")`;
}

/** The note for an eligible file read with years as columns (stderr), so that the reading shows. */
export function eligibleWideNote(file: string, wide: { years: readonly number[]; totalColumns?: readonly string[] } | undefined, lang: 'en' | 'da' = 'en'): string | undefined {
  if (!wide) return undefined;
  if (lang === 'da') {
    const totalsDa = wide.totalColumns?.length ? `; ${wide.totalColumns.length === 1 ? 'totalkolonnen' : 'totalkolonnerne'} ${wide.totalColumns.map((t) => `"${t}"`).join(', ')} udeladt (hver celle er summen af rækkens år, som hta selv lægger sammen)` : '';
    return `${file}: årstal som kolonner (${wide.years.join(', ')}): læst som ét antal pr. region og år, en tom celle som et år uden antal${totalsDa} (docs/input-registry.md "The eligible file")`;
  }
  const totals = wide.totalColumns?.length ? `; the total column ${wide.totalColumns.map((t) => `"${t}"`).join(', ')} left out (each cell the sum of its row's years, which hta adds up itself)` : '';
  return `${file}: years as columns (${wide.years.join(', ')}): read as one count per region and year, an empty cell a year without a count${totals} (docs/input-registry.md "The eligible file")`;
}

/** The note for total rows left out of the eligible file (stderr of `hta uptake`). */
export function eligibleTotalsNote(file: string, totals: readonly EligibleTotalRow[], lang: 'en' | 'da' = 'en'): string | undefined {
  if (totals.length === 0) return undefined;
  if (lang === 'da') {
    const linesDa = totals.map((t) => `linje ${t.line} ("${t.label}"${t.year === undefined ? '' : ` ${t.year}`})`).join(', ');
    return `${file}: ${totals.length === 1 ? 'en totalrække' : `${totals.length} totalrækker`} udeladt — ${linesDa}: ${totals.length === 1 ? 'den er' : 'hver er'} summen af regionernes antal, som hta selv lægger sammen (docs/input-registry.md "Total rows")`;
  }
  const lines = totals.map((t) => `line ${t.line} ("${t.label}"${t.year === undefined ? '' : ` ${t.year}`})`).join(', ');
  return `${file}: ${totals.length === 1 ? 'a total row' : `${totals.length} total rows`} left out — ${lines}: each equals the sum of the regions' counts, which hta adds up itself (docs/input-registry.md "Total rows")`;
}

/** The regions of denominator rows, in first-appearance order. */
export function eligibleRegions(rows: readonly EligibleRow[]): string[] {
  return [...new Set(rows.map((r) => r.region))];
}
