/**
 * `hta plan init --uptake <registry.csv>`: a draft uptake plan from a registry export's first
 * rows — the column mapping guessed from Danish, Norwegian and English names, the date format
 * detected from the date cells, sex and referrer codes the built-in synonyms do not know (with a
 * guess where the word is clear), and the regions seen. Price model and scenarios are
 * placeholders to edit. The draft is printed, never written over anything; notes go to stderr.
 * A registry in Windows-1252 or UTF-16 is drafted from as `hta uptake` reads it. See
 * docs/plan-uptake.md and docs/input-registry.md "Encodings".
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { HtaError, type Problem } from '../errors.js';
import { codeCounter, cprCell, cprExpected, cprKind, maskCpr } from './cpr-shape.js';
import { sniffTextDelimiter } from '../io/dialect.js';
import { HEADER_SAMPLE_BYTES, headerLayoutError } from '../io/header-line.js';
import { separatorHint } from '../io/separator-hint.js';
import { isUtf8 } from 'node:buffer';
import { invalidCsv, notCsvFile, unreadableFile } from '../io/read-csv.js';
import { utf16Of } from '../io/utf16.js';
import { firstInvalidUtf8, notUtf8 } from '../io/utf8.js';
import { decodeWindows1252 } from '../io/windows-1252.js';
import { registryEncodingNote } from './input-notes.js';
import { characterCollector, checkWindows1252Fd, notRegistryText, notUtf16, type RegistryEncoding } from './registry-encoding.js';
import { dayToIso, isoToDay, referralFieldSchemas, REGISTRY_COLUMNS, type RegistryColumn, type Referrer, type Sex } from './referral.js';
import { DEFAULT_MISSING_CODES, isEmptyCell, looksLikeColumnCode, missingCodesOf } from './missing-cells.js';
import { registryColumnsFor, unreadSynonymNotes } from './registry-column-names.js';
import { ageBandScheme, standardBandsText } from './age-bands.js';
import { createDateFormatDetector, dateParser, dayNumberFormat, dayNumberReadings, type DateFormat } from './registry-dates.js';
import { utcOffsetNoteOf } from './registry-read-notes.js';
import { DANISH_REGIONS, regionDisplay, regionKey, regionSet } from './regions.js';
import { regionOfCode } from './region-codes.js';
import { SpecialMissingTally } from '../trial/special-missing.js';
import { spssViewerTableError, tabulateHeaderError } from './eligible-stat-layouts.js';
import { isTotalRecord, isTotalWord } from './total-rows.js';
import { yearColumns } from '../io/year-columns.js';
import { footnoteCell } from './footnote-rows.js';
import { regionTitleCell } from './region-title-rows.js';
import { headerRepeats, reorderedHeaderError } from './repeated-header.js';
import { isHeaderUnderline } from '../io/header-underline.js';
import { jsonRegistry } from './registry-json.js';
import { DEFAULT_DATE_FROM, PIVOT_REGION_EXPECTED, ungroupedAdvice, eligibleColumnGuess, eligibleColumnsFor, eligiblePivotCaptionNote, eligibleTotalsNote, eligibleWideNote, eligibleYearMarkNote, readEligibleFile } from './read-registry.js';
import { readCsvFile } from '../io/read-csv.js';
import { RECORD_DELIMITERS } from '../io/line-ends.js';
import { countColumns, registryColumnsError } from './counts-table.js';
import { headerKey, repeatedColumnProblems, type ColumnIndex } from './referral.js';
import { shortYearSlashDraft } from './draft-short-year.js';
import { formatProblem } from '../errors.js';
import { formatLineRanges, lineList, lineRanges } from '../problem-groups.js';
import { mayHoldPivotBlanks, pivotBlankScanner, type PivotColumn } from './pivot-blanks.js';
import { pivotDraftWarning } from './pivot-blanks-words.js';

/** How a message names a separator. */
const DELIMITER_NAMES: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'vertical bars (|)' };

/** Words that make a referrer code's meaning clear enough to draft (the user checks the draft). */
const REFERRER_WORDS: readonly [RegExp, Referrer][] = [
  // A specialist or a hospital doctor ("speciallæge", "sygehuslæge") is no GP, for all the "læge".
  [/speciallæge|spesialist|sygehus|sykehus|hospital/i, 'other'],
  [/læge|lege|doctor|physician|\bgp\b|fastlege|almen/i, 'gp'],
  [/fysio|physio/i, 'physio'],
  [/kiro|chiro/i, 'chiro'],
  [/^(annet|annen|anden|øvrig|øvrige|other|others)$/i, 'other'],
];
const SEX_WORDS: readonly [RegExp, Sex][] = [
  [/^(kvinne|kvinna|w|female|pige|jente|2)$/i, 'female'],
  [/^(mann|herre|male|dreng|gutt|1)$/i, 'male'],
];

export interface DraftUptakePlan {
  plan: Record<string, unknown>;
  /** Sentences for stderr: what was guessed and what is left to the user. */
  notes: string[];
  /** What hta uptake will refuse as the file stands: printed as warnings ("warning: …"), not notes. */
  warnings: string[];
}

const SAMPLE_BYTES = 4 * 1024 * 1024;
/** Below this many rows the draft leaves out the monthly series and the clinic funnel. */
export const SMALL_REGISTRY_ROWS = 2000;

/**
 * The first few MB of the file, cut at the last complete line, as text: UTF-8; UTF-16 by its
 * byte-order mark; or, when not UTF-8, Windows-1252 if the whole file is plausible as such
 * (registry-encoding.ts, as `hta uptake` reads it; `encoding` then says so), else refused.
 */
function sampleText(file: string): { text: string; whole: boolean; encoding?: RegistryEncoding } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw unreadableFile(file, err);
  }
  try {
    const buf = Buffer.alloc(SAMPLE_BYTES);
    const n = readSync(fd, buf, 0, SAMPLE_BYTES, 0);
    const json = jsonRegistry(file, buf.subarray(0, Math.min(n, 256)));
    if (json) throw json;
    const notCsv = notCsvFile(file, buf.subarray(0, Math.min(n, 16)));
    if (notCsv) throw notCsv;
    const whole = n < SAMPLE_BYTES;
    const head = buf.subarray(0, n);
    const cut = (text: string) => (whole ? text : text.slice(0, text.lastIndexOf('\n') + 1));
    const utf16 = utf16Of(head);
    if (utf16) {
      let text: string;
      try {
        // A partial sample may end inside a character; the whole file may not.
        text = new TextDecoder(utf16, { fatal: true }).decode(whole ? head : head.subarray(0, n - (n % 2)), { stream: !whole });
      } catch {
        throw notUtf16(file);
      }
      const chars = characterCollector();
      chars.add(cut(text));
      return { text: cut(text), whole, encoding: { encoding: utf16, characters: chars.list } };
    }
    // A partial sample is cut at its last line feed first: a UTF-8 letter cut by the sample's end is no error.
    const bytes = whole ? head : head.subarray(0, head.lastIndexOf(0x0a) + 1);
    if (isUtf8(bytes)) return { text: bytes.toString('utf8').replace(/^\uFEFF/, ''), whole };
    const check = checkWindows1252Fd(fd);
    if (check.implausible) throw notRegistryText(notUtf8(file, bytes, Math.max(0, firstInvalidUtf8(bytes)), 0, 0, true), file, check.implausible);
    return { text: decodeWindows1252(bytes), whole, encoding: { encoding: 'windows-1252', characters: check.characters } };
  } finally {
    closeSync(fd);
  }
}

/** The uptake plan subcommand: `plan init --uptake <registry.csv>` prints a draft. */
export function draftUptakePlanText(file: string, options: DraftUptakeOptions = {}): { stdout: string; stderr: string } {
  const { plan, notes, warnings } = draftUptakePlan(file, options);
  return { stdout: JSON.stringify(plan, null, 2) + '\n', stderr: [...notes.map((n) => `note: ${n}\n`), ...warnings.map((w) => `warning: ${w}\n`)].join('') };
}

export interface DraftUptakeOptions {
  /** The eligible (denominator) file: its column names are drafted as `columns.eligible`. */
  eligible?: string;
}

export function draftUptakePlan(file: string, options: DraftUptakeOptions = {}): DraftUptakePlan {
  const { text, whole, encoding } = sampleText(file);
  // A title above the header, label rows under it: refused as `hta uptake` refuses them (io/header-line.ts).
  const layout = headerLayoutError(file, text.slice(0, HEADER_SAMPLE_BYTES));
  if (layout) throw layout;
  // Excel's `sep=;` line names the separator and is emptied, its line break kept: the lines
  // named below stay the file's own (io/separator-hint.ts).
  const hint = separatorHint(file, text);
  const csvText = hint ? `\n${text.slice(hint.end)}` : text;
  const delimiter = hint?.delimiter ?? sniffTextDelimiter(text);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // Rows of separators only (`;;;;`, Excel's emptied rows) are skipped, as the engine skips them.
    // Every line end ends a record, CRLF and LF in one file too (io/line-ends.ts): else a value
    // of the LF rows after CRLF rows would hold a line break and the next row.
    parsed = parse(csvText, { delimiter, record_delimiter: RECORD_DELIMITERS, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true, trim: true, info: true }) as never;
  } catch (err) {
    throw invalidCsv(file, err);
  }
  // `info.lines` is the line a record ends on; it starts as many lines earlier as it holds line breaks.
  const lineOf = (p: (typeof parsed)[number]) => p.info.lines - p.record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
  const header = parsed[0]?.record;
  // Total rows (`I alt;;;3000;1801;;;`, sums Excel users add under the table) are no referrals:
  // left out of every guess below, and named, since `hta uptake` refuses them (total-rows.ts).
  const totalLines = parsed.slice(1).filter((p) => isTotalRecord(p.record)).map(lineOf);
  // Footnote rows (`Antal rækker: 40`, one cell of text) are no referrals either (footnote-rows.ts).
  // A region's name alone on a line (a Danish one, or any such text in the region column), or
  // SAS's BY line `Region=Region Hovedstaden`, is a region block title (a report grouped by
  // region), said as hta uptake says it (read-registry.ts REGION_TITLE_KIND, region-title-rows.ts).
  const regionCol = header ? registryColumnsFor(header).index.region : undefined;
  const isTitle = (p: (typeof parsed)[number]) => {
    // Words alone in the region column are a title whatever they say: the plan's regions are not known yet.
    const inRegionColumn = () => regionCol !== undefined && footnoteCell(p.record)?.index === regionCol;
    return regionTitleCell(p.record, (text) => DANISH_REGIONS.resolve(text) !== undefined || inRegionColumn()) !== undefined && !isTotalRecord(p.record);
  };
  const titles = new Set(parsed.slice(1).filter(isTitle));
  const titleLines = [...titles].map(lineOf);
  const footnoteLines = parsed.slice(1).filter((p) => !isTotalRecord(p.record) && !titles.has(p) && footnoteCell(p.record) !== undefined).map(lineOf);
  // The header line again (exports joined with `cat`): no referral either (repeated-header.ts).
  const headerLines: number[] = [];
  const isHeaderAgain = header ? headerRepeats(header) : () => undefined;
  const repeatsHeader = new Set<(typeof parsed)[number]>();
  for (const p of parsed.slice(1)) {
    const again = isHeaderAgain(p.record);
    if (again === 'reordered') throw reorderedHeaderError(file, lineOf(p), lineOf(parsed[0]!));
    if (again === 'same') {
      headerLines.push(lineOf(p));
      repeatsHeader.add(p);
    }
  }
  // A line of dashes under the header (SQL Server Management Studio): no referral, and no missing code (io/header-underline.ts).
  const underlines = new Set(parsed.slice(1).filter((p) => header !== undefined && isHeaderUnderline(p.record, header.length)));
  const body = parsed.slice(1).filter((p) => !isTotalRecord(p.record) && footnoteCell(p.record) === undefined && !titles.has(p) && !repeatsHeader.has(p) && !underlines.has(p));
  const rows = body.map((p) => p.record);
  if (!header || rows.length === 0) throw new HtaError('input.invalid', `${file} has no rows to draft a plan from`, [{ file, line: 1, expected: 'a header line and at least one row' }]);
  const notes: string[] = [];
  const warnings: string[] = [];
  // The same note as `hta uptake` prints for such a file.
  if (encoding) notes.push(registryEncodingNote(encoding, 'en', file));
  if (totalLines.length > 0) {
    notes.push(`${file}: ${lineList(totalLines)} ${totalLines.length === 1 ? 'is a total row' : 'are total rows'} (a total word and counts, as Excel users add under the table), not referrals: left out of this draft; delete ${totalLines.length === 1 ? 'it' : 'them'} from the file — hta uptake refuses ${totalLines.length === 1 ? 'it' : 'them'} (or leaves ${totalLines.length === 1 ? 'it' : 'them'} out with --exclude-invalid)`);
  }
  if (footnoteLines.length > 0) {
    const lines = `${lineList(footnoteLines)} ${footnoteLines.length === 1 ? 'is a footnote' : 'are footnotes'}`;
    notes.push(`${file}: ${lines} (one cell of text, such as "Antal rækker: 40"), not referrals: left out of this draft — hta uptake leaves footnotes under the last referral out, and refuses one among the referrals`);
  }
  if (titleLines.length > 0) {
    notes.push(`${file}: ${lineList(titleLines)} ${titleLines.length === 1 ? 'holds' : 'hold'} only a region's name, block titles above their regions' rows (a report grouped by region), not referrals: left out of this draft — hta uptake refuses them and the blank region cells of their blocks: ${ungroupedAdvice(regionCol === undefined ? 'region' : header![regionCol]!.trim())}`);
  }
  if (headerLines.length > 0) {
    notes.push(`${file}: ${lineList(headerLines)} ${headerLines.length === 1 ? 'repeats' : 'repeat'} the header line (files joined?): left out of this draft — hta uptake refuses ${headerLines.length === 1 ? 'it' : 'them'} (or leaves ${headerLines.length === 1 ? 'it' : 'them'} out with --exclude-invalid); delete ${headerLines.length === 1 ? 'it' : 'them'} from the file`);
  }
  if (underlines.size > 0) {
    const lines = [...underlines].map(lineOf);
    notes.push(`${file}: ${lineList(lines)} ${lines.length === 1 ? 'underlines' : 'underline'} the header (the text output of SQL Server Management Studio or sqlplus): left out of this draft — hta uptake refuses ${lines.length === 1 ? 'it' : 'them'} (or leaves ${lines.length === 1 ? 'it' : 'them'} out with --exclude-invalid); delete ${lines.length === 1 ? 'it' : 'them'} from the file`);
  }
  const sampled = whole ? `all ${rows.length} rows` : `the first ${rows.length} rows`;

  // Columns: an exact default name needs no mapping; otherwise the first known synonym.
  const found = registryColumnsFor(header);
  const columns = found.mapping;
  const index = found.index;
  const missing = found.missing;
  // The default name beside a known synonym (`clinic` and `Praksisnavn`): the default name is
  // drafted (no mapping), as hta uptake reads it, and the same note says so.
  notes.push(...unreadSynonymNotes(file, header, index, columns));
  // A registry column named twice (`activated` again at the end, an Excel user's corrected copy):
  // hta uptake refuses the file, so the draft says so in the reader's words (referral.ts).
  const headerLine = lineOf(parsed[0]!);
  const twice = repeatedColumnProblems(header, file, columns, Object.fromEntries(REGISTRY_COLUMNS.map((c) => [c, index[c] ?? -1])) as ColumnIndex, headerLine);
  if (twice.length > 0) warnings.push(`${file} names a registry column twice, and hta uptake refuses it until one is left: ${twice.map((p) => formatProblem(p)).join('; ')}`);
  // A table of counts is no export to draft a plan for: said as hta uptake says it (counts-table.ts).
  if (missing.includes('id') && missing.includes('referred') && countColumns(header).length > 0) throw registryColumnsError(header, file, []);
  // No registry column recognised at all: a draft would map nothing and every later guess (the
  // regions, the dates, the registry's size) would be read from the wrong cells — refused, nothing
  // printed, as the README promises no draft hta validate or hta uptake refuses for want of every
  // column (docs/input-registry.md "Dialects"). Its column count and separator show a wrong separator.
  if (REGISTRY_COLUMNS.every((c) => missing.includes(c))) {
    throw new HtaError('input.invalid', `${file}: no registry column recognised in its header`, [{
      // Its cells not quoted: a headerless file's first line is a referral.
      file, line: headerLine,
      expected: `a header line naming the registry columns — id, region, clinic, referred, activated, last_active, age, sex, referrer, or names registries give them (PatientID, Region, Klinik, Henvisningsdato, …: docs/input-registry.md "The registry export"); read as ${header.length === 1 ? 'one column' : `${header.length} columns`} separated by ${DELIMITER_NAMES[delimiter] ?? JSON.stringify(delimiter)}: if that is wrong, or the header is not this line, correct the file`,
    }]);
  }
  // Without an age column the plan runs when it publishes no age bands (docs/input-registry.md "Age bands").
  const needed = missing.filter((c) => c !== 'age');
  if (needed.length > 0) notes.push(`no column recognised for ${needed.join(', ')}: add ${needed.length === 1 ? 'it' : 'them'} to columns.registry (have: ${header.join(', ')})`);
  if (missing.includes('age')) notes.push(`no age column recognised (have: ${header.join(', ')}): the draft publishes no breakdown by age band, so hta uptake reads the file without ages — name an age column in columns.registry.age (whole years) or an age-band column in columns.registry.ageBand ("50-59 år") to publish one ("equity": ["ageBand", …])`);
  if (columns.ageBand !== undefined) notes.push(ageBandDraftNote(columns.ageBand, rows.map((r) => r[index.age!] ?? '')));
  // A CPR-shaped cell would be printed in the notes or the draft (a region seen, a code): refused
  // as \`hta uptake\` refuses it, by line and column only — a ten-digit code repeated on the
  // rows read is a code, as there (docs/input-registry.md "CPR numbers").
  const counter = codeCounter(index);
  for (const r of rows) counter.add(r);
  const codes = counter.codes();
  const cprCells = body.flatMap((p) => REGISTRY_COLUMNS.filter((c) => c !== 'id' && index[c] !== undefined && cprCell(c, p.record[index[c]!] ?? '', codes))
    .map((c): Problem => ({ file, line: lineOf(p), column: index[c]! + 1, field: header[index[c]!] ?? c, kind: cprKind(c), expected: cprExpected(c, p.record[index[c]!] ?? '') })));
  if (cprCells.length > 0) throw new HtaError('input.invalid', `${file} has ${cprCells.length} cell(s) that look like CPR numbers: hta never publishes one, so no plan is drafted; the cells are named by line and column, not quoted`, cprCells);

  // Codes for "no value" (`-`) in the columns that may be empty, drafted as missingCodes; with
  // NULL, (null), NA and . they are empty cells below, as hta uptake reads them (missing-cells.ts).
  const drafted = draftMissingCodes(rows, index);
  const emptyCodes = missingCodesOf(drafted);
  const empty = (v: string) => isEmptyCell(v.trim(), emptyCodes);
  if (drafted.length > 0) notes.push(`${drafted.map((c) => JSON.stringify(c)).join(', ')} in the columns that may be empty (activation, last activity, age, sex) drafted as "missingCodes" (read as empty cells, as NULL is): check that ${drafted.length === 1 ? 'it means' : 'they mean'} "no value" in the export${drafted.some((c) => /^[A-Z]$/.test(c)) ? ' (a lone capital letter is how SAS PROC EXPORT writes a special missing value: .A as A)' : ''}`);

  // SAS/Stata special missing values (`.A`, `.a`) are empty cells in every column, as hta uptake
  // reads them (missing-cells.ts): said once, with their count, as the trial reader says it.
  const special = new SpecialMissingTally();
  for (const p of body) REGISTRY_COLUMNS.forEach((c) => { const i = index[c]; if (i !== undefined) special.add(lineOf(p), i + 1, (p.record[i] ?? '').trim()); });
  const specialText = special.describe();
  if (specialText !== undefined) notes.push(`${file}: ${specialText} read as empty cells — SAS and Stata write them for a missing value (docs/input-registry.md "Empty cells")`);

  // Date format from every sampled date cell.
  const detector = createDateFormatDetector();
  for (const col of ['referred', 'activated', 'last_active'] as const) {
    if (index[col] === undefined) continue;
    for (const r of rows) detector.add(empty(r[index[col]] ?? '') ? '' : r[index[col]] ?? '');
  }
  const detected = detector.result();
  let dateFormat: DateFormat | undefined;
  if ('format' in detected) dateFormat = detected.format;
  else {
    // Slash dates with two-digit years, which auto never chooses: drafted when the cells tell
    // the order, else said as undecidable with example cells (draft-short-year.ts).
    const dateCells = body.flatMap((p) => (['referred', 'activated', 'last_active'] as const).flatMap((c) => {
      const v = index[c] === undefined ? '' : (p.record[index[c]] ?? '').trim();
      return v === '' || empty(v) ? [] : [{ text: v, line: lineOf(p) }];
    }));
    const short = shortYearSlashDraft(dateCells, DEFAULT_DATE_FROM);
    if (short && 'format' in short) dateFormat = short.format;
    notes.push(short ? maskCpr(short.note) : `date format not detected from ${sampled}: ${maskCpr(detected.reason)}`);
  }
  if ('format' in detected && detected.odd) {
    // The format of the many; the few cells it does not read are named by line, to be corrected.
    const read = dateParser(detected.format);
    const odd = body.filter((p) => (['referred', 'activated', 'last_active'] as const).some((c) => index[c] !== undefined && !empty(p.record[index[c]] ?? '') && read(p.record[index[c]]!) === undefined)).map(lineOf);
    notes.push(`dates read as ${detected.format} (as all but ${detected.odd.count} date cell(s) are written); not in that format: ${odd.length > 10 ? `lines ${odd.slice(0, 10).join(', ')} and ${odd.length - 10} more` : `line(s) ${odd.join(', ')}`} (e.g. ${JSON.stringify(maskCpr(detected.odd.example))}) — correct them, or hta uptake refuses those rows`);
  }
  if (dateFormat === 'iso-datetime') {
    // Date-times with a UTC offset are read on their Danish day, as hta uptake reads them and says
    // (registry-dates.ts): said here too, with how many of the sampled texts move.
    const texts = new Set(rows.flatMap((r) => (['referred', 'activated', 'last_active'] as const).map((c) => (index[c] === undefined ? '' : (r[index[c]] ?? '').trim()))));
    const note = utcOffsetNoteOf(file, texts);
    if (note !== undefined) notes.push(note);
  }
  if (dateFormat === 'dd-mon-yy') {
    notes.push(`dates are Oracle texts with two-digit years (DD-MON-RR, such as 03-JAN-24), drafted as "dateFormat": "dd-mon-yy": each year is read in the century that puts the date inside the date window (by default from ${DEFAULT_DATE_FROM} to the export date), not by Oracle's RR rule (docs/input-registry.md "Dates")`);
  }
  if (dateFormat === 'excel-serial' && 'format' in detected && detected.dayNumbers) {
    // Day numbers: Excel serials (from 1899-12-30) or SAS dates (from 1960-01-01; a SAS date
    // column exported without a format). Only the dates they give tell them apart: the reading
    // inside the default date window is drafted, as `auto` would take it (dayNumberFormat), and
    // both are named (docs/input-registry.md "Dates").
    const first = index.referred === undefined ? undefined : rows.map((r) => r[index.referred!] ?? '').find((v) => !empty(v) && dateParser('sas-day')(v) !== undefined);
    const chosen = dayNumberFormat(detected.dayNumbers, isoToDay(DEFAULT_DATE_FROM)!, Math.floor(Date.now() / 86_400_000));
    if ('format' in chosen) dateFormat = chosen.format;
    const readings = first === undefined ? '' : ` (the first referral date, ${first}, is ${dayNumberReadings(first)})`;
    notes.push(dateFormat === 'sas-day'
      ? `dates are day numbers, drafted as SAS dates ("dateFormat": "sas-day": days since 1960-01-01, 23513 = 2024-05-17), the only reading inside the default date window (from ${DEFAULT_DATE_FROM}), as "dateFormat": "auto" reads them${readings}: check one referral date against the source system, and set "excel-serial" if it is Excel's`
      // The 1904 date system (old Mac Excel workbooks) numbers the same day 1462 lower: nothing in the numbers tells them apart.
      : `dates are Excel serial day numbers (45993 = 2025-12-02, as Windows Excel counts)${readings}: check one referral date against the source system — SAS dates count from 1960-01-01 ("dateFormat": "sas-day"), and a workbook in Excel's 1904 date system would put every date 4 years and 1 day early`);
  }

  // Regions, in first-appearance order (the eligible file must name them, or the plan map them).
  const regions = new Map<string, string>();
  if (index.region !== undefined) for (const r of rows) {
    const v = r[index.region] ?? '';
    if (!empty(v) && !regions.has(regionKey(v))) regions.set(regionKey(v), regionDisplay(v));
  }
  // A DAGI region code (`1084`) is read as its region (region-codes.ts): said with the name.
  const seen = [...regions.values()].map((r) => (regionOfCode(r) === undefined ? r : `${r} (${regionOfCode(r)})`));
  if (regions.size > 0) notes.push(`regions seen in ${sampled}: ${seen.join(', ')} — the eligible file must name each (or map a spelling with "regions")`);
  // Blank cells meaning "the same as above" in the columns left of the id (an Excel pivot table's
  // layout), found as hta uptake finds them (pivot-blanks.ts), which refuses the file: a warning
  // per column, and their "" no code to map below.
  const pivot = pivotColumnsOf(file, header, index, body.map((p) => ({ record: p.record, line: lineOf(p) })));
  for (const c of pivot) {
    const lines = c.groups.flatMap((g) => g.lines);
    warnings.push(pivotDraftWarning(file, c.blanks, c.field, formatLineRanges(lines)));
  }
  const pivotBlank = new Set(pivot.map((c) => c.column));
  // Blank region cells below a filled one: a pivot table's layout, said as hta uptake says it.
  if (index.region !== undefined && !pivotBlank.has('region')) {
    const col = index.region;
    const first = body.findIndex((p) => (p.record[col] ?? '').trim() !== '');
    const blank = first < 0 ? [] : body.slice(first + 1).filter((p) => (p.record[col] ?? '').trim() === '').map(lineOf);
    if (blank.length > 0) notes.push(`${file}: ${blank.length} region cell(s) blank below a filled one (lines ${formatLineRanges(lineRanges(blank))}): hta uptake refuses them, expecting ${PIVOT_REGION_EXPECTED}`);
  }

  // Sex and referrer codes the built-in synonyms do not know.
  const known = referralFieldSchemas({ regions: regionSet([]), missingCodes: emptyCodes });
  const values: { sex?: Record<string, Sex>; referrer?: Record<string, Referrer> } = {};
  const unknownCodes = (col: 'sex' | 'referrer') => {
    const seen = new Set<string>();
    if (index[col] === undefined) return [];
    for (const r of rows) {
      const v = r[index[col]] ?? '';
      if (!seen.has(v) && !known[col].safeParse(v).success && !(v === '' && pivotBlank.has(col))) seen.add(v);
    }
    return [...seen];
  };
  for (const [col, words] of [['sex', SEX_WORDS], ['referrer', REFERRER_WORDS]] as const) {
    const left: string[] = [];
    for (const code of unknownCodes(col)) {
      const hit = (words as readonly [RegExp, string][]).find(([re]) => re.test(code));
      if (hit) (values[col] ??= {} as never)[code] = hit[1] as never;
      else left.push(code);
    }
    if (values[col]) notes.push(`${col} codes guessed (check them): ${Object.entries(values[col]!).map(([k, v]) => `"${k}" → ${v}`).join(', ')}`);
    if (left.length > 0) notes.push(`${col} codes not recognised: ${left.map((c) => JSON.stringify(c)).join(', ')} — add them to values.${col}`);
  }

  // Years of the referral dates as the detected format reads them (a serial 45993 holds no year in its digits).
  const parseDay = dateFormat === undefined ? undefined : dateParser(dateFormat);
  const years = rows
    .map((r) => (index.referred !== undefined && parseDay ? parseDay(r[index.referred] ?? '') : undefined))
    .filter((d): d is number => d !== undefined)
    .map((d) => Number(dayToIso(d).slice(0, 4)));
  // firstYear is the calendar year of scenario year 1 (docs/plan-uptake.md): the projection
  // starts the year after the export's last referral year.
  // The export date: the last date of a registry that ends within a year, drafted so that it is
  // seen and checked (docs/plan-uptake.md "Drafting a plan from an export").
  const exportDate = whole && parseDay ? lastDateOf(rows, index, parseDay, empty) : undefined;
  const lastYear = years.length > 0 ? years.reduce((a, b) => Math.max(a, b)) : undefined;
  // No referral date read: the year after the export's (its last date, when drafted), else after this one.
  const exportYear = exportDate === undefined ? undefined : Number(exportDate.iso.slice(0, 4));
  const firstYear = lastYear !== undefined ? lastYear + 1 : exportYear !== undefined ? exportYear + 1 : new Date().getUTCFullYear() + 1;
  const scenarioYears = 3;
  const horizon = Array.from({ length: scenarioYears }, (_, k) => firstYear + k);
  notes.push(lastYear !== undefined
    ? `firstYear ${firstYear}: scenario year 1 is the first year after the export's last referral year (${lastYear}), so the scenarios project ${horizon[0]}–${horizon[horizon.length - 1]} and the eligible file needs every region's count for those years too (or "eligibleFill": "carry-forward"); set firstYear to ${lastYear} to start the scenarios in the export's own last year`
    : exportYear !== undefined
      ? `firstYear ${firstYear}: the year after the export date's (${exportDate?.iso}), as no referral date could be read — set it to the calendar year of scenario year 1`
      : `firstYear ${firstYear}: next calendar year, as no referral date could be read — set it to the calendar year of scenario year 1`);
  if (exportDate && !exportDate.iso.endsWith('-12-31')) {
    notes.push(`exportDate ${exportDate.iso} drafted from the latest date in the file (the ${exportDate.column} on line ${lineOf(body[exportDate.row]!)}): the registry ends within ${exportDate.iso.slice(0, 4)}; if the export was made later, set the day it was made — retention is censored at the export date, and no date after it is accepted`);
  }
  if (options.eligible === undefined) {
    notes.push('the eligible file needs columns region, year and eligible (one row per region and year): if it names them otherwise, map them in columns.eligible (e.g. { "region": "Region", "year": "År", "eligible": "Antal" }), or give it with --eligible to have the mapping drafted');
  }
  notes.push('priceModel and scenarios are placeholders (listed in "placeholders"): replace them with the supplier\'s price model and the evaluation\'s scenarios, then remove "placeholders" — until then every output says its budget is not real');
  let eligibleColumns: Partial<Record<'region' | 'year' | 'eligible', string>> | undefined;
  if (options.eligible !== undefined) {
    const drafted = draftEligible(options.eligible, [...regions.values()], horizon, index.region !== undefined);
    eligibleColumns = drafted.columns;
    notes.push(...drafted.notes);
  }

  const plan: Record<string, unknown> = {
    currency: 'DKK',
    priceModel: { mode: 'all-units', volumeScope: 'national', tiers: [{ upTo: 2000, price: 1500 }, { upTo: null, price: 1200 }] },
    scenarios: { low: [0.02, 0.04, 0.06], base: [0.05, 0.08, 0.11], high: [0.08, 0.13, 0.18] },
    firstYear,
    placeholders: ['priceModel', 'scenarios'],
    suppression: { threshold: 5 },
  };
  if (Object.keys(columns).length > 0 || eligibleColumns) {
    plan.columns = { ...(Object.keys(columns).length > 0 ? { registry: columns } : {}), ...(eligibleColumns ? { eligible: eligibleColumns } : {}) };
  }
  if (values.sex || values.referrer) plan.values = values;
  if (drafted.length > 0) plan.missingCodes = drafted;
  if (dateFormat !== undefined && dateFormat !== 'iso') plan.dateFormat = dateFormat;
  if (exportDate && !exportDate.iso.endsWith('-12-31')) plan.exportDate = exportDate.iso;
  // A small registry spread over months, clinics and the equity breakdowns (per region and year)
  // leaves most cells below the threshold, and protecting them hides the regions' and the
  // country's totals too (docs/plan-uptake.md "What is published"). On a simulated 400-row
  // registry: everything published hides 1,921 of 2,172 count cells and every total; months and
  // clinics off still 1,174 of 1,278; months, clinics and equity off 39 of 138, totals shown. So
  // the draft leaves all three out; the region may switch each back on.
  if (whole && rows.length < SMALL_REGISTRY_ROWS) {
    plan.publish = { months: false, clinics: false, equity: [] };
    notes.push(`the registry is small (${rows.length} rows, under ${SMALL_REGISTRY_ROWS.toLocaleString('en')}): the draft leaves the monthly series, the clinic funnel and the equity breakdowns out ("publish": { "months": false, "clinics": false, "equity": [] }) so that the regions' and the country's totals are not suppressed with the small counts around them — switch one back on ("months": true, "clinics": true, "equity": ["sex"]) and rerun to see what it costs`);
  } else if (missing.includes('age')) {
    plan.publish = { equity: ['sex', 'referrer'] };
  }
  return { plan, notes, warnings };
}

/**
 * The note on an age-band column drafted as `columns.registry.ageBand`: whether its bands (of
 * the rows read) fit inside the standard bands or the equity table will show the export's own.
 */
function ageBandDraftNote(column: string, cells: readonly string[]): string {
  const schema = referralFieldSchemas({ regions: regionSet([]) }).age;
  const ages = cells.map((c) => schema.safeParse(c.trim())).flatMap((r) => (r.success && r.data !== null ? [r.data] : []));
  const scheme = ageBandScheme(ages);
  const head = `${JSON.stringify(column)} drafted as columns.registry.ageBand (an age-band column)`;
  if (scheme === undefined) return `${head}: it holds exact ages in the rows read, read as ages`;
  if (scheme.kind === 'standard') return `${head}: each of its bands lies inside one of the standard age bands (${standardBandsText()}), which the breakdown by age band shows`;
  if (scheme.kind === 'own') return `${head}: its bands ${scheme.straddling.join(', ')} span two of the standard age bands (${standardBandsText()}), so the breakdown by age band shows the export's own bands (${scheme.bands.filter((b) => b !== 'unknown').join(', ')}), and every output says so`;
  return `${head}: hta uptake cannot count by these bands — ${scheme.reason}; export one set of bands, or publish no breakdown by age band and map no age column`;
}

/** The latest date of the rows (referral, activation or last activity), with the column and row it is on. */
function lastDateOf(rows: readonly string[][], index: Partial<Record<RegistryColumn, number>>, parseDay: (v: string) => number | undefined, empty: (v: string) => boolean): { iso: string; column: string; row: number } | undefined {
  const words = { referred: 'referral date', activated: 'activation date', last_active: 'last-active date' } as const;
  let best: { day: number; column: string; row: number } | undefined;
  rows.forEach((r, row) => {
    for (const col of ['referred', 'activated', 'last_active'] as const) {
      const i = index[col];
      const v = i === undefined ? '' : (r[i] ?? '').trim();
      if (v === '' || empty(v)) continue;
      const day = parseDay(v);
      if (day !== undefined && (best === undefined || day > best.day)) best = { day, column: words[col], row };
    }
  });
  return best && { iso: dayToIso(best.day), column: best.column, row: best.row };
}

/**
 * The texts that look like a code for "no value" (`-`, `n/a`: missing-cells.ts) in the columns a
 * referral may leave empty — activation, last activity, age, sex — where they are no value of the
 * column, in first-seen order: what `missingCodes` must name for hta uptake to read them.
 */
function draftMissingCodes(rows: readonly string[][], index: Partial<Record<RegistryColumn, number>>): string[] {
  const schemas = referralFieldSchemas({ regions: regionSet([]) });
  const out = new Set<string>();
  for (const col of ['activated', 'last_active', 'age', 'sex'] as const) {
    const i = index[col];
    if (i === undefined) continue;
    for (const r of rows) {
      const v = (r[i] ?? '').trim();
      if (!out.has(v) && looksLikeColumnCode(col, v) && !isEmptyCell(v, DEFAULT_MISSING_CODES) && !schemas[col].safeParse(v).success) out.add(v);
    }
  }
  return [...out];
}

/**
 * `columns.eligible` for the eligible file (only names that differ from the defaults), read as
 * `hta uptake` reads it — a bad value or a total row that is not the sum fails here as there —
 * with notes: total rows left out, registry regions it lacks, scenario years it lacks.
 */
/** What each eligible column holds, as the draft's notes name it. */
const ELIGIBLE_COLUMN_WHAT = { region: 'a region', year: 'a year', eligible: 'a count of eligible people' } as const;
const ELIGIBLE_COLUMN_OF = { region: 'region names', year: 'years', eligible: 'counts' } as const;

function draftEligible(file: string, registryRegions: readonly string[], horizon: readonly number[], haveRegions: boolean): { columns?: Partial<Record<'region' | 'year' | 'eligible', string>>; notes: string[] } {
  // A PROC TABULATE header over several lines: refused as hta uptake refuses it (eligible-stat-layouts.ts).
  const tabulate = tabulateHeaderError(file) ?? spssViewerTableError(file);
  if (tabulate) throw tabulate;
  const header = readCsvFile(file, { yearColumns: true }).header;
  const mapping = eligibleColumnsFor(header);
  const notes: string[] = [];
  // Some columns known, others not (`Enhet;År;Antal`, `Region;År;Antal i alt`): draft the known
  // ones, and leave each unknown one's name for the user, saying which key (the file cannot be
  // read without it) — never the whole draft thrown away for one name.
  const guess = eligibleColumnGuess(header);
  if (!mapping && guess.unknown.length < 3 && yearColumns(header, isTotalWord) === undefined) {
    const known = Object.fromEntries(Object.entries(guess.mapping).filter(([k, v]) => headerKey(v) !== k));
    // Columns read already, by a drafted name or their default one (`Region`), are no candidates.
    const read = new Set([...Object.values(guess.mapping), ...(['region', 'year', 'eligible'] as const).filter((k) => !guess.unknown.includes(k))].map(headerKey));
    const others = header.filter((h) => h.trim() !== '' && !read.has(headerKey(h)));
    const otherColumns = others.length > 0 ? ` (the file's other column${others.length === 1 ? '' : 's'}: ${others.map((h) => JSON.stringify(h.trim())).join(', ')})` : '';
    for (const key of guess.unknown) {
      notes.push(`columns.eligible.${key}: no column of ${file} is named like ${ELIGIBLE_COLUMN_WHAT[key]} (have: ${header.join(', ')}) — set "columns": { "eligible": { "${key}": "<the column of ${ELIGIBLE_COLUMN_OF[key]}>" } } in the plan${otherColumns}; the file's regions, total rows and years are checked by hta uptake once it is set`);
    }
    if (Object.keys(known).length > 0) notes.push(`columns.eligible drafted from ${file}: ${Object.entries(known).map(([k, v]) => `${k} = "${v}"`).join(', ')}`);
    return { ...(Object.keys(known).length > 0 ? { columns: known } : {}), notes };
  }
  const columns = mapping && Object.fromEntries(Object.entries(mapping).filter(([k, v]) => headerKey(v) !== k));
  const { rows, totals, wide, regionCodes, yearMarks, pivotCaption } = readEligibleFile(file, {
    ...(columns ? { columns } : {}),
    // A region the registry's referrals name is a region, whatever its counts add up to (unnamed-total-rows.ts).
    ...(haveRegions ? { isRegion: (name: string) => registryRegions.some((r) => regionSet([name]).resolve(r) !== undefined) } : {}),
  });
  const captionNote = eligiblePivotCaptionNote(file, pivotCaption);
  if (captionNote) notes.push(captionNote);
  const wideNote = eligibleWideNote(file, wide);
  if (wideNote) notes.push(wideNote);
  const yearNote = eligibleYearMarkNote(file, yearMarks);
  if (yearNote) notes.push(yearNote);
  if (columns && Object.keys(columns).length > 0) notes.push(`columns.eligible drafted from ${file}: ${Object.entries(columns).map(([k, v]) => `${k} = "${v}"`).join(', ')}`);
  const totalsNote = eligibleTotalsNote(file, totals);
  if (totalsNote) notes.push(totalsNote);
  const names = regionSet([...new Set(rows.map((r) => r.region))], {}, '', regionCodes);
  const lacking = haveRegions ? registryRegions.filter((r) => names.resolve(r) === undefined) : [];
  if (lacking.length > 0) notes.push(`${file} has no region for ${lacking.map((r) => JSON.stringify(r)).join(', ')} of the registry: add the region, or map the spelling with "regions"`);
  const years = new Set(rows.map((r) => r.year));
  const missingYears = horizon.filter((y) => !years.has(y));
  if (missingYears.length > 0) notes.push(`${file} has no counts for ${missingYears.join(', ')} (scenario years of the draft's firstYear): add them, set "eligibleFill": "carry-forward", or change firstYear`);
  return { ...(columns && Object.keys(columns).length > 0 ? { columns } : {}), notes };
}

/** The columns of the sampled rows holding a pivot's blanks, as `hta uptake` finds them (pivot-blanks.ts). */
function pivotColumnsOf(file: string, header: readonly string[], index: Partial<Record<RegistryColumn, number>>, rows: readonly { record: string[]; line: number }[]): PivotColumn[] {
  const columns = Object.fromEntries(REGISTRY_COLUMNS.map((c) => [c, index[c] ?? -1])) as ColumnIndex;
  // No column left of the id (or no id): no pivot's blanks, no row scanned — as hta uptake decides.
  if (!mayHoldPivotBlanks(columns)) return [];
  const scanner = pivotBlankScanner(file, header, columns);
  for (const { record, line } of rows) {
    scanner.add(record, line);
    if (scanner.done) return [];
  }
  return scanner.result();
}
