/**
 * `hta uptake`'s registry path on embedded DuckDB (docs/uptake-aggregates.md): the export (CSV in
 * its sniffed dialect, or Parquet by extension) is read as text, once: every cell is checked
 * through the lookup tables of value-dictionaries.ts — built before the read from the first rows
 * and the likely texts (sample-texts.ts) — and the cross-field and date-window rules in SQL into
 * a compact typed table, whose valid rows are aggregated by sql/uptake-aggregates.sql. A file
 * with a text the tables lack (or dateFormat 'auto') is read for its distinct texts first and
 * then checked again, as before. Only when a row is invalid does
 * JavaScript read the rows again, to name each problem with its exact line and column
 * (read-registry.ts `scanRegistryRows`) — the messages, grouping and exit code are those of
 * every other input.
 */
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { HtaError, type Problem } from '../../errors.js';
import type { ProblemGroup } from '../../problem-groups.js';
import { clinicName, dayToIso, headerKey, mappedName, registryColumnIndex, REGISTRY_COLUMNS, type ColumnIndex, type RegistryColumn, type RegistryColumnNames } from '../referral.js';
import { hivePartitions, parquetTablePartAdvice, partitionColumnHint } from '../../io/parquet-folder.js';
import { parquetColumns, PARQUET_READ_OPTIONS, type ParquetColumn } from './parquet-columns.js';
import { DANISH_MONTH_NAMES, hasTimeOfDay, type DateFormat, type DateFormatOption } from '../registry-dates.js';
import { repeatedRowsNotes, timeOfDayNote, utcOffsetNoteOf } from '../registry-read-notes.js';
import { unreadSynonymNotes } from '../registry-column-names.js';
import { appendedTwinsNote, refuseAppendedCuts } from '../appended-export.js';
import { mayHoldPivotBlanks, pivotBlankScanner, pivotBlanksError, type PivotColumn } from '../pivot-blanks.js';
import { refuseScientificIds } from '../scientific-ids.js';
import { ONE_COPY_SQL, REPEAT_HASHES_SQL, repeatedRows } from './repeated-rows.js';
import { ctrlZNote } from '../../io/ctrl-z.js';
import { footnotesNote } from '../footnote-rows.js';
import { CUT_RATE_DAYS, referralsEndNote, rowLimitNote, type ReferralEnd } from '../export-cut.js';
import { headerUnderlineNote, repeatedHeaderNote } from '../repeated-header.js';
import { codeCounter, maskCpr, type RepeatedCodes } from '../cpr-shape.js';
import { idColumnCodes, missingCodesOf, SPECIAL_MISSING_SQL_PATTERN } from '../missing-cells.js';
import { repeatedCodesIn } from './repeated-codes.js';
import {
  assertUtf8File, detectedDateFormat, emptyRegistry, readRegistryHeader, rowCheckError, registryRecords, registryRecordsWithLines, registryRowChecker, registryRules, SCAN_BLANKS,
  rowProblemCollector, scanRegistryRows, sniffFileDelimiter, unreadableActivationError,
  type ReadRegistryOptions, type RegistryRead, type RegistryRules, type RowCheck,
} from '../read-registry.js';
import { type AgeBandScheme, type AgeBandsRead, ageBandScheme, ageBandsRead, bandCode, parseAgeBand } from '../age-bands.js';
import { createAggregateTables, readAggregateTables } from './aggregate-sql.js';
import { registryColumnsError } from '../counts-table.js';
import { mixedLineEnds, mixedLineEndsNote, withLfCopy, withOneLineHeader, wrappedHeader } from '../../io/line-ends.js';
import { aggregateFromTables } from './aggregate-tables.js';
import { CLINICS_NAMED, mergeClinicSpellings, spellingDifference, type MergedClinic } from '../clinic-names.js';
import { withDuckDb, sqlText } from './duckdb-session.js';
import { isOutOfMemory, isSpillFailure } from './spill-error.js';
import { csvNamedParquetError, parquetDataError, refuseBinaryNotUtf8 } from './parquet-failures.js';
import { escapeGlob, literalPath } from './literal-path.js';
import { SAMPLE_BUFFER_BYTES, SAMPLE_ROWS, withLikelyTexts } from './sample-texts.js';
import { createValueDictionaries, datesOf, detectorOf, distinctTexts, dropValueDictionaries, sampleTexts, type DistinctTexts } from './value-dictionaries.js';
import type { Delimiter } from '../../io/dialect.js';
import { sqlIdent } from '../../io/sql-text.js';


/**
 * A registry file smaller than this is read with one DuckDB thread unless --threads says
 * otherwise: DuckDB's CSV reader hands each thread 32 MiB buffers, so a smaller file is scanned
 * by one thread anyway, and the run's many small statements (lookup tables, checks, aggregates of
 * a few thousand rows) cost more CPU in scheduling across threads than they gain: the bundled
 * 20,000-row registry (1.2 MB) read in ~0.48 instead of ~0.59 CPU-s (median of 7, 2 cores),
 * with the same tables (every count is summed exactly and every table is keyed).
 */
const ONE_THREAD_BYTES = 32 * 2 ** 20;

/** The file's size; Infinity if it cannot be read (the reader then says why, as before). */
function fileBytes(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return Infinity;
  }
}

/** Whether `file` is read as Parquet (by its extension); anything else is CSV. */
export const isParquet = (file: string): boolean => /\.parquet$/i.test(file);

interface Source {
  /** The file's column names (trimmed), in file order. */
  header: string[];
  columns: ColumnIndex;
  /** CSV only: the separator. */
  delimiter?: Delimiter;
  /** CSV only: a header cell holds a line break, also at its start or end (`"Note\n"`), which the trimmed `header` hides. */
  wrappedHeader?: boolean;
}

/** The CSV header, checked before the database opens (a missing column is named as always). */
async function csvSource(file: string, label: string, options: ReadRegistryOptions): Promise<Source & { headerLine: number }> {
  const delimiter = await sniffFileDelimiter(file, label);
  const head = await readRegistryHeader(file, delimiter, label);
  if (head === undefined) throw emptyRegistry(label);
  const idx = registryColumnIndex(head.record, label, options.columns, options.ageNeeded, head.line);
  if (Array.isArray(idx)) throw registryColumnsError(head.record, label, idx, options.columns, head.line);
  return { header: head.record.map((h) => h.trim()), columns: idx, delimiter, headerLine: head.line, wrappedHeader: /[\r\n]/.test(head.record.join('')) };
}

/**
 * View `raw`: the registry's columns as text, read straight from the file by every query that
 * uses it (CSV: no row numbers, `rid` NULL; the row scan names lines), and `otherh`, a hash of
 * every cell of the row but the id, those hta does not read too. A view, not a table: the
 * file is read again by each query (once in most runs) rather than held as text — a table
 * of every cell as text is the largest thing a run would hold (docs/limits.md). `strict`: rows
 * that are not well-formed CSV (wrong number of fields, stray quotes) go to the rejects table
 * (each scan adds its rows again; `rejectedRows` counts lines); off only for a file the row scan
 * has found well-formed throughout (see `aggregateRegistry`).
 */
async function viewCsvSql(db: DuckDBConnection, file: string, label: string, source: Source & { headerLine: number }, strict: boolean, view = 'raw', bufferBytes?: number): Promise<string> {
  const width = source.header.length;
  const types = Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  // No age column (the plan publishes no age bands): every age empty, i.e. unknown.
  const pick = REGISTRY_COLUMNS.map((c) => (source.columns[c] < 0 ? `'' AS ${c}` : `COALESCE(c${source.columns[c]}, '') AS ${c}`)).join(', ');
  // Rows of separators only (Excel's `;;;;` for rows once touched) are not referrals: left out
  // here as the row scan leaves them out (`separatorsOnly` in read-registry.ts), same blanks.
  const blank = Array.from({ length: width }, (_, i) => `trim(COALESCE(c${i}, ''), ${sqlText(SCAN_BLANKS)}) = ''`).join(' AND ');
  // Every cell but the id, read or not, as text: with the id (keyed: repeated-rows.ts) what
  // "identical rows" compares; alone, rows alike but for the id look like one export appended with new pseudonyms.
  const others = `hash(${Array.from({ length: width }, (_, i) => i).filter((i) => i !== source.columns.id).map((i) => `COALESCE(c${i}, '')`).join(', ')}) AS otherh`;
  // The path as DuckDB reads it literally (literal-path.ts: `[2025]` in a name is no pattern);
  // a refusal names `label`, the user's name, not a temporary copy's.
  return `CREATE OR REPLACE VIEW ${view} AS SELECT CAST(NULL AS BIGINT) AS rid, ${pick}, ${others} FROM read_csv(${sqlText(await literalPath(db, file, label))},
    delim = ${sqlText(source.delimiter ?? ',')}, quote = '"', escape = '"', header = true, skip = ${source.headerLine - 1},
    auto_detect = false, columns = {${types}}, store_rejects = true, rejects_table = 'rejects', rejects_scan = 'reject_scans',
    strict_mode = ${strict}, null_padding = false${bufferBytes === undefined ? '' : `, buffer_size = ${bufferBytes}`}) WHERE NOT (${blank})`;
}

/**
 * SQL of the rows DuckDB could not take (wrong number of fields, bad quoting or encoding); blank
 * ones and rows of separators only aside (the row scan skips those too, whatever their field count).
 */
const rejectedRowsSql = (delimiter: string) => `SELECT count(DISTINCT line) FROM rejects WHERE trim(csv_line, ${sqlText(SCAN_BLANKS + delimiter)}) <> ''`;

/**
 * A typed Parquet column as the text a CSV export would hold (docs/input-registry.md, "Parquet"):
 * DATE → `2025-05-09`, 45 → `45`; a floating-point or decimal number that is whole (83.0, as
 * SAS and pandas store ages) → `83`, another (83.5) as written, to be refused as before, NaN
 * (pandas' missing value) → empty; a TIMESTAMP at midnight (00:00:00, a date stored as a
 * timestamp) → its date, another as `2025-05-09 08:15:00`, which "dateFormat": "iso-datetime"
 * reads. A TIMESTAMP WITH TIME ZONE (and an INT96 timestamp: parquet-columns.ts) is an instant
 * with no written offset: read as its Danish local time (Europe/Copenhagen), then as a TIMESTAMP
 * — the day a Danish CSV export of it writes (`2025-05-09 08:15:00+02:00`), and never the
 * machine's time zone, which DuckDB would otherwise render it in (docs/input-registry.md "Parquet").
 */
function parquetText(col: string, type: string, dateFormat: DateFormatOption = 'iso'): string {
  const t = type.toUpperCase();
  // A typed DATE has no written format: it is written as the plan's "dateFormat" reads it, so a
  // plan written for the CSV export (dd-mm-yyyy, …) reads the Parquet one too (docs/input-registry.md "Parquet").
  if (t === 'DATE') return typedDateText(col, dateFormat);
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL)/.test(t)) {
    // NaN is how pandas writes a missing number: an empty cell, as in a CSV.
    const missing = t.startsWith('DECIMAL') ? '' : `WHEN isnan(${col}) THEN NULL `;
    return `CASE ${missing}WHEN ${col} = trunc(${col}) AND abs(${col}) < 1e15 THEN CAST(CAST(${col} AS BIGINT) AS VARCHAR) ELSE CAST(${col} AS VARCHAR) END`;
  }
  if (/^TIMESTAMP(_S|_MS|_NS)?$/.test(t)) {
    return `CASE WHEN CAST(${col} AS TIME) = TIME '00:00:00' THEN ${typedDateText(`CAST(${col} AS DATE)`, dateFormat)} ELSE CAST(${col} AS VARCHAR) END`;
  }
  if (t === 'TIMESTAMP WITH TIME ZONE') {
    // A UTC midnight is a date stored as an instant (pyarrow, polars and pandas store a date
    // localised to UTC so, and INT96 a date of no zone): its own date, which is the Danish one too
    // (01:00 or 02:00), under every dateFormat as a midnight TIMESTAMP is.
    const utc = `timezone('UTC', ${col})`;
    return `CASE WHEN CAST(${utc} AS TIME) = TIME '00:00:00' THEN ${typedDateText(`CAST(${utc} AS DATE)`, dateFormat)} ELSE ${parquetText(`timezone('Europe/Copenhagen', ${col})`, 'TIMESTAMP', dateFormat)} END`;
  }
  // A string stored as binary (Hive, Impala and older writers: no UTF8 annotation) is its UTF-8
  // text, as Spark's binaryAsString reads it: a cast would write `Sjælland` as `Sj\xC3\xA6lland`
  // (bytes that are not UTF-8 are refused before: parquet-failures.ts refuseBinaryNotUtf8).
  if (t === 'BLOB') return `decode(${col})`;
  return `CAST(${col} AS VARCHAR)`;
}

/** strftime patterns of the written date formats (registry-dates.ts); months upper-case as SAS and Oracle write them. */
const STRFTIME: Readonly<Partial<Record<DateFormat, string>>> = {
  'dd-mm-yyyy': '%d-%m-%Y', 'dd.mm.yyyy': '%d.%m.%Y', 'dd/mm/yyyy': '%d/%m/%Y', 'mm/dd/yyyy': '%m/%d/%Y',
  'dd-mm-yy': '%d-%m-%y', 'dd.mm.yy': '%d.%m.%y', 'dd/mm/yy': '%d/%m/%y', 'mm/dd/yy': '%m/%d/%y', ddmonyyyy: '%d%b%Y', 'dd-mon-yyyy': '%d-%b-%Y', 'dd-mon-yy': '%d-%b-%y',
  yyyymmdd: '%Y%m%d',
};

const danishMonthList = `[${DANISH_MONTH_NAMES.map(sqlText).join(', ')}]`;

/** A DATE value as the text `dateFormat` reads: ISO for iso, iso-datetime and auto; a day number for the day-number formats. */
function typedDateText(date: string, dateFormat: DateFormatOption): string {
  if (dateFormat === 'excel-serial') return `CAST(date_diff('day', DATE '1899-12-30', ${date}) AS VARCHAR)`;
  if (dateFormat === 'sas-day') return `CAST(date_diff('day', DATE '1960-01-01', ${date}) AS VARCHAR)`;
  // Danish month names (strftime's %B is English), as the format reads them: `4. marts 2025`.
  if (dateFormat === 'd. month yyyy') return `CAST(day(${date}) AS VARCHAR) || '. ' || ${danishMonthList}[month(${date})] || ' ' || CAST(year(${date}) AS VARCHAR)`;
  const pattern = dateFormat === 'auto' ? undefined : STRFTIME[dateFormat];
  return pattern ? `upper(strftime(${date}, ${sqlText(pattern)}))` : `CAST(${date} AS VARCHAR)`;
}

/**
 * The Parquet file's columns, and view `raw` of its registry columns as text (`rid`: 0-based row;
 * `otherh` as for CSV). The names checked are the file's own (parquet-columns.ts: a name written
 * twice is refused, not read as the first); a registry column found only in a folder name
 * (`region=Syddanmark/`) is said to be there, with how to write it into the file.
 */
async function viewParquet(db: DuckDBConnection, file: string, label: string, options: ReadRegistryOptions): Promise<Source> {
  // A part file of a Delta or Iceberg table is not the table (io/parquet-folder.ts).
  const table = parquetTablePartAdvice(file);
  if (table) throw new HtaError('input.invalid', `${label} is not a registry export: ${table}`);
  let columns: ParquetColumn[];
  // The path as DuckDB reads it literally (literal-path.ts: `[2025]` in a name is no pattern).
  const path = sqlText(await literalPath(db, file, label));
  try {
    columns = await parquetColumns(db, path);
  } catch (err) {
    // A CSV export saved as .parquet: named as such, with the name to give it (parquet-failures.ts).
    throw csvNamedParquetError(file, label) ?? new HtaError('input.invalid', `${label} is not a readable Parquet file`, [{ file: label, expected: `a Parquet file (${(err as Error).message.split('\n')[0]})` }]);
  }
  const header = columns.map((c) => c.name);
  // A name written twice is told apart only by the program that wrote the file (pandas, Spark, …).
  const idx = registryColumnIndex(header, label, options.columns, options.ageNeeded, 1, 'write the Parquet file again');
  if (Array.isArray(idx)) throw registryColumnsError(header, label, withPartitionHints(idx, file, columns, options.columns), options.columns);
  await refuseBinaryNotUtf8(db, path, label, columns.map((c) => c.sqlName), columns.map((c) => c.type), REGISTRY_COLUMNS.map((c) => idx[c]));
  const dates: readonly string[] = ['referred', 'activated', 'last_active'];
  const pick = REGISTRY_COLUMNS.map((c) => (idx[c] < 0 ? `'' AS ${c}` : `COALESCE(${parquetText(columns[idx[c]]!.sql, columns[idx[c]]!.type, dates.includes(c) ? options.dateFormat : undefined)}, '') AS ${c}`)).join(', ');
  // Every column's value but the id's, read or not: with the id, what "identical rows" compares (repeated-rows.ts).
  const others = `hash(${columns.filter((_, i) => i !== idx.id).map((c) => sqlIdent(c.sqlName)).join(', ')}) AS otherh`;
  await db.run(`CREATE VIEW raw AS SELECT file_row_number AS rid, ${pick}, ${others} FROM read_parquet(${path}, ${PARQUET_READ_OPTIONS}, file_row_number = true)`);
  return { header: header.map((h) => h.trim()), columns: idx };
}

/**
 * The missing-column problems with, for a column the file lacks that a folder of its path names
 * (`…/region=Syddanmark/part-0.parquet`: a partition of a table split by region, as Spark's
 * partitionBy writes it), where it is and how to write it into one file (io/parquet-folder.ts).
 */
function withPartitionHints(problems: Problem[], file: string, columns: readonly ParquetColumn[], names: RegistryColumnNames = {}): Problem[] {
  const partitions = hivePartitions(file);
  if (partitions.length === 0) return problems;
  return problems.map((p) => {
    const col = REGISTRY_COLUMNS.find((c) => p.field !== undefined && headerKey(mappedName(names, c) ?? c) === headerKey(p.field));
    const folder = col && partitions.find((f) => headerKey(f.key) === headerKey(mappedName(names, col) ?? col));
    return folder ? { ...p, hint: partitionColumnHint(file, folder, columns.filter((c) => c.int96).map((c) => c.sqlName)) } : p;
  });
}

// What JavaScript's String.prototype.trim removes (the row check trims every cell so).
const JS_WHITESPACE = '\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/**
 * An id JavaScript would trim to nothing or to a code read as empty (`NULL`: missing-cells.ts).
 * A CASE, not OR/AND: DuckDB evaluates only the rows a branch selects, so the common id (printable
 * ASCII at both ends, no longer than the longest code) costs no trim.
 */
const idMissing = (id: string, codes: readonly string[]) => {
  const longest = Math.max(...codes.map((c) => c.length));
  // A SAS/Stata special missing value (`.A`) is empty too (missing-cells.ts `isEmptyCell`).
  const special = (text: string) => `regexp_full_match(${text}, ${sqlText(SPECIAL_MISSING_SQL_PATTERN)})`;
  return `CASE WHEN ${id} = '' THEN true
      WHEN ascii(${id}) BETWEEN 33 AND 126 AND ascii(right(${id}, 1)) BETWEEN 33 AND 126 THEN (length(${id}) <= ${longest} AND ${id} IN (${codes.map(sqlText).join(', ')})) OR (ascii(${id}) IN (35, 46) AND ${special(id)})
      ELSE trim(${id}, ${sqlText(JS_WHITESPACE)}) IN ('', ${codes.map(sqlText).join(', ')}) OR ${special(`trim(${id}, ${sqlText(JS_WHITESPACE)})`)} END`;
};

/**
 * Table `checked`: every row with its typed values and `bad` — any of the row validator's
 * rules broken (referral.ts `validateWith`, read-registry.ts `registryRowChecker`). `rid` only
 * for Parquet (CSV rows are named by the row scan). Region, clinic, sex and referrer arrive as
 * the lookup tables' ENUM codes (value-dictionaries.ts), one or two bytes a row instead of text.
 *
 * The joins are planned as written — `raw` streamed through the small lookup tables, each held
 * in a hash table: the optimiser guesses a few dozen rows for a CSV file it has not read and
 * would otherwise build its hash tables from the file (several times slower, and memory in
 * proportion to the file).
 */
async function createChecked(db: DuckDBConnection, rules: RegistryRules, withRid: boolean, delimiter: string | undefined): Promise<CheckedTally> {
  const date = (day: number) => `DATE ${sqlText(dayToIso(day))}`;
  const outside = (col: string) => `COALESCE(${col} < ${date(rules.from)}${rules.to === undefined ? '' : ` OR ${col} > ${date(rules.to)}`}, false)`;
  // The optimisers off, the table, the optimisers back on and the tally: one run of DuckDB. A
  // run stops at its first failing statement: the optimisers are then put back here.
  let reader;
  try {
    reader = await db.runAndReadAll(`SET disabled_optimizers = 'join_order,build_side_probe_side';
    CREATE TABLE checked AS
    SELECT ${withRid ? 'raw.rid, ' : ''}${REPEAT_HASHES_SQL}, rg.value AS region, cl.value AS clinic, d1.day AS referred, d2.day AS activated, d3.day AS last_active,
      ag.value AS age, sx.value AS sex, rf.value AS referrer,
      CASE WHEN rg.raw IS NULL OR cl.raw IS NULL OR sx.raw IS NULL OR rf.raw IS NULL OR ag.raw IS NULL OR d1.raw IS NULL OR d2.raw IS NULL OR d3.raw IS NULL
        THEN NULL ELSE
      (${idMissing('raw.id', idColumnCodes(rules.missingCodes))} OR rg.value IS NULL OR cl.value IS NULL OR sx.value IS NULL OR rf.value IS NULL OR NOT ag.ok
        OR d1.day IS NULL OR (NOT d2.empty AND d2.day IS NULL) OR (NOT d3.empty AND d3.day IS NULL)
        OR COALESCE(d2.day < d1.day, false) OR COALESCE(d3.day < d2.day, false) OR (d2.empty AND d3.day IS NOT NULL)
        OR ${outside('d1.day')} OR ${outside('d2.day')} OR ${outside('d3.day')}) END AS bad
    FROM raw
    LEFT JOIN dict_region rg ON rg.raw = raw.region
    LEFT JOIN dict_clinic cl ON cl.raw = raw.clinic
    LEFT JOIN dict_sex sx ON sx.raw = raw.sex
    LEFT JOIN dict_referrer rf ON rf.raw = raw.referrer
    LEFT JOIN dict_age ag ON ag.raw = raw.age
    LEFT JOIN dict_date d1 ON d1.raw = raw.referred
    LEFT JOIN dict_date d2 ON d2.raw = raw.activated
    LEFT JOIN dict_date d3 ON d3.raw = raw.last_active;
    RESET disabled_optimizers;
    ${checkedTallySql(delimiter)}`);
  } catch (err) {
    await db.run('RESET disabled_optimizers');
    throw err;
  }
  const tally: CheckedTally = { missed: 0, bad: 0, good: 0, ages: [], rejected: 0 };
  const groups = reader.getRowsJS() as unknown[][];
  for (const [age, missed, bad, good] of groups) {
    tally.missed += Number(missed);
    tally.bad += Number(bad);
    tally.good += Number(good);
    if (age !== null && Number(good) > 0) tally.ages.push(Number(age));
  }
  // The rejected lines come on each row; a table of no rows has none to bring them.
  if (delimiter !== undefined) tally.rejected = Number(groups.length > 0 ? groups[0]![4] : (await db.runAndReadAll(rejectedRowsSql(delimiter))).getRowsJS()[0]?.[0] ?? 0);
  return tally;
}

/** What the run needs to know of table `checked`, read in the statement after it is made. */
interface CheckedTally {
  /** Rows with a text the lookup tables lack (`bad` NULL): the one-pass read missed. */
  missed: number;
  /** Invalid rows. */
  bad: number;
  /** Valid rows. */
  good: number;
  /** The valid rows' distinct ages (the rows counted once hold the same values): a few dozen integers, for the age bands (ageBandsOf). */
  ages: number[];
  /** CSV: the rows DuckDB could not take (rejectedRowsSql); 0 for Parquet. */
  rejected: number;
}

/**
 * One scan of `checked` for its tally (CheckedTally), by age (a few dozen groups: cheaper than a
 * DISTINCT aggregate of the ages beside the counts), and CSV, the rejected lines on each row.
 */
const checkedTallySql = (delimiter: string | undefined) => `SELECT age, count(*) FILTER (WHERE bad IS NULL), count(*) FILTER (WHERE bad), count(*) FILTER (WHERE NOT bad)${delimiter === undefined ? '' : `, (${rejectedRowsSql(delimiter)})`}
    FROM checked GROUP BY age`;

/**
 * How many distinct date texts the file holds with a time of day other than midnight
 * (`23-03-2025 08:15`), read as their date: of the valid date texts with a `:` of the lookup
 * table dict_date (createValueDictionaries returns them). Its texts with a time all come from
 * the file (the likely texts added before the read have none: sample-texts.ts).
 */
function datesWithTime(datesWithColon: readonly string[], format: DateFormat): number {
  return datesWithColon.filter((raw) => hasTimeOfDay(raw.trim(), format)).length;
}

/**
 * The note on date texts written with a UTC offset, read on their Danish day (iso-datetime
 * only): of the valid date texts with a `:`, as for `datesWithTime`.
 */
function offsetNote(label: string, datesWithColon: readonly string[], format: DateFormat, lang: ReadRegistryOptions['lang']): string | undefined {
  if (format !== 'iso-datetime') return undefined;
  return utcOffsetNoteOf(label, datesWithColon, lang);
}

/** What the lookup tables decide by: the regions, the date format, the plan's value synonyms. */
const dictionaryRules = (rules: RegistryRules, options: ReadRegistryOptions) => ({
  regions: rules.regions, dateFormat: rules.dateFormat, dateWindow: { from: rules.from, to: rules.to }, ...(rules.codes ? { codes: rules.codes } : {}), missingCodes: rules.missingCodes,
  ...(options.sexValues ? { sexValues: options.sexValues } : {}),
  ...(options.referrerValues ? { referrerValues: options.referrerValues } : {}),
});

/** The repeated ten-digit codes of a CSV file the engine cannot read, counted in one streamed pass (cpr-shape.ts). */
async function codesInFile(file: string, label: string, csv: Source): Promise<RepeatedCodes> {
  const counter = codeCounter(csv.columns);
  for await (const { record } of registryRecordsWithLines(createReadStream(file), label, csv.delimiter ?? ',')) counter.add(record);
  return counter.codes();
}

/** The date texts in the order they first appear (row by row: referred, activated, last_active). */
async function datesInFileOrder(db: DuckDBConnection, file: string, label: string, csv: (Source & { delimiter?: Delimiter }) | undefined): Promise<string[]> {
  if (csv === undefined) {
    return ((await db.runAndReadAll(`SELECT v FROM (SELECT referred AS v, rid * 3 AS pos FROM raw UNION ALL SELECT activated, rid * 3 + 1 FROM raw
      UNION ALL SELECT last_active, rid * 3 + 2 FROM raw) GROUP BY v ORDER BY min(pos)`)).getRowsJS() as unknown[][]).map((r) => String(r[0]));
  }
  const out: string[] = [];
  let header = true;
  for await (const record of registryRecords(createReadStream(file), label, csv.delimiter ?? ',')) {
    if (header) { header = false; continue; }
    for (const c of ['referred', 'activated', 'last_active'] as const) out.push(record[csv.columns[c]] ?? '');
  }
  return out;
}

/**
 * The columns of a CSV registry holding a pivot's blanks (pivot-blanks.ts), read in one pass that
 * stops as soon as no column is left to examine — at once, without reading a row, when the id is
 * the first of the registry's columns, as in most exports.
 */
async function pivotBlanksIn(file: string, label: string, csv: Source): Promise<PivotColumn[]> {
  if (!mayHoldPivotBlanks(csv.columns)) return [];
  const scanner = pivotBlankScanner(label, csv.header, csv.columns);
  for await (const { record, line } of registryRecordsWithLines(createReadStream(file), label, csv.delimiter ?? ',')) {
    scanner.add(record, line);
    if (scanner.done) return [];
  }
  return scanner.result();
}

/** Parquet has no lines: the invalid rows are read back from the database and checked in JS (row N = line N). */
async function parquetRowCheck(db: DuckDBConnection, label: string, source: Source, options: ReadRegistryOptions, rules: RegistryRules): Promise<RowCheck> {
  const found = rowProblemCollector(rules, options);
  const check = registryRowChecker(options, rules, label, source.columns, source.header);
  const list = REGISTRY_COLUMNS.map((c) => `raw.${c}`).join(', ');
  const reader = await db.runAndReadAll(`SELECT raw.rid, ${list} FROM raw WHERE raw.rid IN (SELECT rid FROM checked WHERE bad) ORDER BY raw.rid`);
  for (const row of reader.getRowsJS() as unknown[][]) {
    const record: string[] = new Array<string>(source.header.length).fill('');
    REGISTRY_COLUMNS.forEach((c: RegistryColumn, i) => { if (source.columns[c] >= 0) record[source.columns[c]] = String(row[i + 1] ?? ''); });
    const res = check(record, Number(row[0]) + 1);
    if ('problems' in res) found.row(res.problems, res.unreadable);
  }
  const result = { ...found.result(), ...(check.fourDigitDatesRead() ? { fourDigitDatesRead: true } : {}), ...(check.twoDigitDateRead() ? { twoDigitDateRead: check.twoDigitDateRead()! } : {}) };
  const failure = rowCheckError(label, result, rules.exclude);
  if (failure) throw failure;
  return result;
}

/**
 * The equity table's age bands when the valid rows' ages hold bands (`50-59 år`): the scheme
 * (age-bands.ts) and the SQL expression that counts by it; undefined for exact ages. A scheme
 * that cannot be used (overlapping bands) stops the run, naming the column.
 */
async function ageBandsOf(db: DuckDBConnection, file: string, label: string, source: Source, options: ReadRegistryOptions, ages: readonly number[]): Promise<{ read: AgeBandsRead; caseSql: string } | undefined> {
  if (source.columns.age < 0) return undefined;
  // `ages`: the valid rows' distinct ages (the rows counted once hold the same values), read with
  // the tally of the compact table (CheckedTally), not a second pass through the repeated-row window.
  const scheme = ageBandScheme(ages);
  if (scheme === undefined) return undefined;
  const column = source.header[source.columns.age]!;
  if (scheme.kind === 'refused') {
    const expected = `age bands that do not overlap, for the equity table by age band: ${scheme.reason}. Export one set of bands (or exact ages); or leave "ageBand" out of the plan's publish.equity and map no age column (columns.registry.${options.columns?.ageBand !== undefined ? 'ageBand' : 'age'}) to run without ages`;
    // Each of the two bands at the first line holding it, as written there: where to look in the export.
    const at = scheme.overlap ? await firstLinesOfBands(db, file, label, source, scheme.overlap) : [];
    const column1 = source.columns.age + 1;
    throw new HtaError('input.invalid', `${label}: the age bands of column ${JSON.stringify(column)} cannot be counted`,
      at.length > 0
        ? at.map(({ line, value }) => ({ file: label, line, column: column1, field: column, value, expected }))
        : [{ file: label, field: column, expected }]);
  }
  return { read: ageBandsRead(scheme), caseSql: ageBandCaseSql(scheme) };
}

/**
 * The first line (a Parquet file: row) holding each of the band codes `codes`, with the cell as
 * written there; for the message refusing overlapping bands. A CSV file is streamed once more
 * (the view has no line numbers; this runs only on the way to an error), stopping when all are found.
 */
async function firstLinesOfBands(db: DuckDBConnection, file: string, label: string, source: Source, codes: readonly number[]): Promise<{ line: number; value: string }[]> {
  const found = new Map<number, { line: number; value: string }>();
  if (source.delimiter === undefined) {
    for (const code of codes) {
      const r = (await db.runAndReadAll(`SELECT raw.rid, raw.age FROM raw JOIN dict_age ag ON ag.raw = raw.age WHERE ag.value = ${code} ORDER BY raw.rid LIMIT 1`)).getRowsJS() as unknown[][];
      if (r[0]) found.set(code, { line: Number(r[0][0]) + 1, value: String(r[0][1]) });
    }
  } else {
    const col = source.columns.age;
    for await (const { record, line } of registryRecordsWithLines(createReadStream(file), label, source.delimiter)) {
      const v = record[col] ?? '';
      const band = parseAgeBand(v);
      const code = band && bandCode(band);
      if (code !== undefined && codes.includes(code) && !found.has(code)) found.set(code, { line, value: v });
      if (found.size === codes.length) break;
    }
  }
  return codes.flatMap((c) => found.get(c) ?? []);
}

/**
 * The merged clinics with the first line (a Parquet file: row) of each spelling, for those the
 * note on stderr names (clinic-names.ts `clinicSpellingsNotes`): where to look in the export. A
 * CSV file is streamed once more, only when clinics were merged, stopping when all are found.
 */
async function withFirstLines(db: DuckDBConnection, file: string, label: string, source: Source, merged: MergedClinic[]): Promise<MergedClinic[]> {
  if (merged.length === 0) return merged;
  const named = new Set<MergedClinic>();
  const perKind = new Map<string, number>();
  for (const m of merged) {
    const k = spellingDifference(m.spellings);
    const n = perKind.get(k) ?? 0;
    if (n < CLINICS_NAMED) named.add(m);
    perKind.set(k, n + 1);
  }
  const key = (region: string, clinic: string) => `${region}\u0000${clinic}`;
  const wanted = new Set([...named].flatMap((m) => m.spellings.map((s) => key(m.region, s))));
  const found = new Map<string, number>();
  if (source.delimiter === undefined) {
    const rows = (await db.runAndReadAll(`SELECT CAST(rg.value AS VARCHAR), CAST(cl.value AS VARCHAR), min(raw.rid) FROM raw JOIN dict_region rg ON rg.raw = raw.region JOIN dict_clinic cl ON cl.raw = raw.clinic GROUP BY 1, 2`)).getRowsJS() as unknown[][];
    for (const [region, clinic, rid] of rows) {
      const k = key(String(region), String(clinic));
      if (wanted.has(k)) found.set(k, Number(rid) + 1);
    }
  } else {
    const regionOf = new Map((await db.runAndReadAll('SELECT raw, CAST(value AS VARCHAR) FROM dict_region WHERE value IS NOT NULL')).getRowsJS().map((r) => [String(r[0]), String(r[1])]));
    for await (const { record, line } of registryRecordsWithLines(createReadStream(file), label, source.delimiter)) {
      const region = regionOf.get(record[source.columns.region] ?? '');
      if (region === undefined) continue;
      const k = key(region, clinicName(record[source.columns.clinic] ?? ''));
      if (wanted.has(k) && !found.has(k)) found.set(k, line);
      if (found.size === wanted.size) break;
    }
  }
  return merged.map((m) => {
    if (!named.has(m)) return m;
    const lines = m.spellings.map((s) => found.get(key(m.region, s)));
    return lines.every((l): l is number => l !== undefined) ? { ...m, lines } : m;
  });
}

/**
 * `text` (a DuckDB message) with the file named as `label`: DuckDB is given the absolute real path
 * (literal-path.ts; escaped when it holds [ * ?), so that is replaced as well as the name as given.
 */
function namedAs(text: string, file: string, label: string): string {
  let real: string | undefined;
  try {
    real = realpathSync(file);
  } catch {
    real = undefined;
  }
  return [real === undefined ? undefined : escapeGlob(real), real, resolve(file), file].reduce<string>((t, name) => (name === undefined ? t : t.split(name).join(label)), text);
}

/**
 * Reads, checks and aggregates a registry export. `label` names the file in messages (default:
 * the path). Throws HtaError on bad input, as the streaming reader always did. `sampleRows`:
 * the rows whose texts seed the lookup tables (sample-texts.ts; tests set a few to make the
 * file's other texts misses).
 */
export async function aggregateRegistry(file: string, options: ReadRegistryOptions = {}, label = file, sampleRows = SAMPLE_ROWS, original?: { file: string; csv: Source & { headerLine: number } }): Promise<RegistryRead> {
  const parquet = isParquet(file);
  const csv = parquet ? undefined : original?.csv ?? await csvSource(file, label, options);
  // The file the row check reads: the one given, not a private copy made below for the engine
  // (the copy's header may be written otherwise, and the plan names the columns as given).
  const rowsFile = original?.file ?? file;
  const given = csv ? { file: rowsFile, csv } : undefined;
  // Blank cells meaning "the same as above" (an Excel pivot table): refused before the engine
  // would read them as values — sex unknown, not activated (pivot-blanks.ts). Checked once, on
  // the file as given; a copy made below holds the same rows.
  if (csv && !original) {
    const pivot = await pivotBlanksIn(file, label, csv);
    if (pivot.length > 0) throw pivotBlanksError(label, pivot);
  }
  // CRLF lines and then LF lines (exports joined): the engine reads a copy with LF line ends,
  // the same lines (io/line-ends.ts).
  const mixed = csv ? mixedLineEnds(file) : undefined;
  if (mixed) {
    const read = await withLfCopy(file, (copy) => aggregateRegistry(copy, options, label, sampleRows, given));
    return { ...read, notes: [mixedLineEndsNote(label, mixed), ...(read.notes ?? [])] };
  }
  // A header cell with a line break (Excel's Alt+Enter; also a stray one at its end): the engine reads a copy with the header
  // on one line, the same lines after it (io/line-ends.ts `wrappedHeader`), as the row check reads the file.
  const wrapped = csv?.wrappedHeader ? wrappedHeader(file) : undefined;
  if (wrapped) return withOneLineHeader(file, wrapped, (copy) => aggregateRegistry(copy, options, label, sampleRows, given));
  const threads = options.threads ?? (fileBytes(file) < ONE_THREAD_BYTES ? 1 : undefined);
  const limits = { ...(options.memoryLimit ? { memoryLimit: options.memoryLimit } : {}), ...(threads ? { threads } : {}) };
  return withDuckDb(limits, async (db) => withParquetFailures(db, parquet ? file : undefined, label, async () => {
    let source: Source;
    let texts: DistinctTexts | undefined; // every distinct text of the file, once read
    let scanned: RowCheck | undefined; // the row scan's result, if it already ran
    let rules: RegistryRules | undefined; // set once table `checked` holds every row
    let dateFormat: DateFormat;
    let dayNumbersNote: string | undefined; // 'auto' took one reading of day numbers (registry-dates.ts dayNumberFormat)
    let tally: CheckedTally | undefined; // of table `checked` as the rules in `rules` made it
    let datesWithColon: string[] = []; // of the lookup tables last made
    const rejectsDelimiter = csv ? csv.delimiter ?? ',' : undefined; // CSV: rows DuckDB could not take are counted (rejectedRowsSql)
    if (csv) {
      source = csv;
      // The sample reads small buffers: DuckDB's default (32 MiB a thread) would parse far more
      // rows than the sample takes. Both views in one run of DuckDB.
      await db.run(`${await viewCsvSql(db, file, label, csv, true)};\n${await viewCsvSql(db, file, label, csv, true, 'raw_sample', SAMPLE_BUFFER_BYTES)}`);
    } else {
      source = await viewParquet(db, file, label, options);
    }
    // One read of the file: lookup tables from a sample and the likely texts (sample-texts.ts);
    // a file with a text they lack is read again below. 'auto' needs every date first.
    const sampled = options.dateFormat === 'auto' ? undefined : registryRules(options, options.dateFormat ?? 'iso');
    try {
      if (sampled) {
        const sample = await sampleTexts(db, sampleRows, csv ? 'raw_sample' : 'raw');
        // A sample that read the whole file (a small one) has every text it holds: the likely
        // texts would add thousands of dates none of its rows looks up.
        const likely = sample.wholeFile ? sample.texts : withLikelyTexts(sample.texts, sampled.dateFormat, sampled.from, sampled.to);
        // Ten-digit clinic codes (P-numbers) told from CPR numbers by their rows (repeated-codes.ts).
        const sampledRules = { ...sampled, codes: await repeatedCodesIn(db, likely) };
        ({ datesWithColon } = await createValueDictionaries(db, dictionaryRules(sampledRules, options), likely));
        const sampledTally = await createChecked(db, sampledRules, csv === undefined, rejectsDelimiter);
        if (sampledTally.missed === 0) {
          rules = sampledRules;
          tally = sampledTally;
        }
      }
      if (rules === undefined) {
        // A text the lookup tables lack may be bytes that are not UTF-8 (the engine reads them
        // without complaint): refused here, in one fast pass, before a second read of the file.
        if (csv) await assertUtf8File(file, label);
        texts = await distinctTexts(db);
      }
    } catch (err) {
      // A full TMPDIR, or memory used up, is no fault of the file: said as such by withDuckDb (spill-error.ts), not read again.
      if (!csv || err instanceof HtaError || isSpillFailure(err) || isOutOfMemory(err)) throw err;
      // DuckDB refused the file as a whole. The row scan names what is wrong, as the CSV reader
      // does; if every row has the header's number of fields (DuckDB's strict reader trips
      // over some well-formed files, e.g. a BOM, CRLF and a single row), the file is read again
      // without strict mode, which then sees exactly the rows the scan saw. With
      // --exclude-invalid the scan has already passed the excluded rows' problems on.
      await assertUtf8File(file, label);
      const detected: { format: DateFormat; note?: string } = options.dateFormat === 'auto' ? detectedDateFormat(detectorOf(await datesInFileOrder(db, file, label, csv), missingCodesOf(options.missingCodes)), label, options) : { format: options.dateFormat ?? 'iso' };
      dayNumbersNote = detected.note;
      const format = detected.format;
      const check = await scanRegistryRows(createReadStream(rowsFile), label, csv.delimiter ?? ',', options, { ...registryRules(options, format), codes: await codesInFile(file, label, csv) });
      if ((check.malformedRows ?? 0) > 0) {
        throw new HtaError('analysis.failed', `${label}: the SQL engine cannot read this file (${maskCpr(namedAs((err as Error).message.split('\n')[0]!, file, label))}) and it has rows with a wrong number of fields; correct them, or report the file's structure (no data)`);
      }
      scanned = check;
      rules = undefined;
      await db.run(await viewCsvSql(db, file, label, csv, false));
      texts = await distinctTexts(db);
    }
    if (rules === undefined) {
      // Every distinct text of the file: the lookup tables are complete, `checked` misses nothing.
      const all = texts!;
      if (options.dateFormat === 'auto') {
        const missing = missingCodesOf(options.missingCodes);
        const detector = detectorOf(datesOf(all), missing);
        // Refused: the message quotes the first odd date of the file, so read them in file order.
        if ('reason' in detector.result() && csv) await assertUtf8File(file, label);
        const detected = detectedDateFormat('reason' in detector.result() ? detectorOf(await datesInFileOrder(db, file, label, csv), missing) : detector, label, options);
        dateFormat = detected.format;
        dayNumbersNote = detected.note;
      } else {
        dateFormat = options.dateFormat ?? 'iso';
      }
      rules = { ...registryRules(options, dateFormat), codes: await repeatedCodesIn(db, all) };
      await dropValueDictionaries(db);
      ({ datesWithColon } = await createValueDictionaries(db, dictionaryRules(rules, options), all));
      tally = await createChecked(db, rules, csv === undefined, rejectsDelimiter);
      const missed = tally.missed;
      if (missed > 0) throw new HtaError('analysis.failed', `${label}: ${missed} row(s) have a text the engine's lookup tables lack; please report this with the file's structure (no data)`);
    } else {
      dateFormat = rules.dateFormat;
    }
    // Invalid and valid rows (one scan of the checked table, with its making: createChecked).
    const { bad, good: goodCount, rejected } = tally!;
    let excluded: { rows: number; problems: ProblemGroup[] } = { rows: 0, problems: [] };
    let footnotes: number[] = [];
    let ctrlZ: number | undefined;
    let headerRepeats: number[] = [];
    let headerUnderlines: number[] = [];
    if (bad + rejected > 0 || (scanned?.excludedRows ?? 0) > 0) {
      if (!scanned && csv) await assertUtf8File(file, label);
      const check = scanned ?? (csv
        ? await scanRegistryRows(createReadStream(rowsFile), label, csv.delimiter ?? ',', options, rules)
        : await parquetRowCheck(db, label, source, options, rules));
      // Footnote rows below the table are bad (padded with `;`) or rejected (one field) rows
      // too, left out without being excluded; so are header lines repeated (exports joined).
      if (check.excludedRows + (check.footnotes?.length ?? 0) + (check.ctrlZ === undefined ? 0 : 1) + (check.headerRepeats?.length ?? 0) + (check.headerUnderlines?.length ?? 0) !== bad + rejected) {
        // The two readings of the file disagree: a bug, never a result computed on the wrong rows.
        throw new HtaError('analysis.failed', `${label}: the engine found ${bad + rejected} invalid row(s) and the row check ${check.excludedRows}; please report this with the file's structure (no data)`);
      }
      // Too many unreadable activation cells to leave out (read-registry.ts unreadableActivationError).
      if (rules.exclude) {
        const failure = unreadableActivationError(label, check, goodCount + check.excludedRows);
        if (failure) throw failure;
      }
      excluded = { rows: check.excludedRows, problems: check.groups };
      footnotes = check.footnotes ?? [];
      ctrlZ = check.ctrlZ;
      headerRepeats = check.headerRepeats ?? [];
      headerUnderlines = check.headerUnderlines ?? [];
    }
    if (goodCount === 0) {
      // A header and nothing else (an export run before any referral, or cut wrong), or rows that
      // were all excluded as invalid: tables of nothing with an export date of 1970-01-01 would
      // be published as if they were results.
      // Where the first row would be: a CSV's line 2; a Parquet file has no lines, and its
      // problems' "line N" is its N-th row (docs/input-registry.md), so row 1 — none if it has none.
      const all = bad + rejected;
      const first = csv ? { line: 2 } : all === 0 ? {} : { line: 1 };
      throw new HtaError('input.invalid', all === 0 ? `${label} has ${csv ? 'a header but ' : ''}no rows` : `${label} has no valid rows`, [
        all === 0
          ? { file: label, ...first, expected: `one row per referral${csv ? ' after the header line (the file has only the header)' : ' (the file has its columns but no rows)'}: export the registry again, or check its date filter` }
          : { file: label, ...first, expected: `at least one valid referral row: every row was invalid (${all} excluded), so nothing is left to count; run without --exclude-invalid to see why each row is refused` },
      ]);
    }
    // Identical rows counted once; ids on several rows said (repeated-rows.ts).
    const repeated = await repeatedRows(db, { file, columns: source.columns, width: source.header.length, ...(csv?.delimiter ? { delimiter: csv.delimiter } : {}) });
    // Ids Excel rounded into scientific notation: refused first, as what they are (scientific-ids.ts).
    refuseScientificIds(label, repeated, csv === undefined);
    // One referral on rows of two cuts appended: refused (appended-export.ts).
    refuseAppendedCuts(label, repeated, csv === undefined);
    // Age bands in the age column: the equity table's bands from them (age-bands.ts).
    const bands = await ageBandsOf(db, file, label, source, options, tally!.ages);
    // The export date: the plan's, or the latest date of the rows counted.
    const exportDay = rules.exportDay;
    const exportDate = exportDay !== undefined
      ? `SELECT DATE ${sqlText(dayToIso(exportDay))} AS export_date`
      : `SELECT COALESCE(max(greatest(referred, COALESCE(activated, referred), COALESCE(last_active, activated, referred))), DATE '1970-01-01') AS export_date FROM uptake_referrals`;
    // The relations sql/uptake-aggregates.sql reads and its four tables: one run of DuckDB.
    await createAggregateTables(db, bands?.caseSql, [`CREATE VIEW uptake_referrals AS ${ONE_COPY_SQL}`, `CREATE TABLE uptake_export AS ${exportDate}`]);
    const tables = await readAggregateTables(db);
    const merged = await withFirstLines(db, file, label, source, mergeClinicSpellings(tables.clinics).merged);
    const aggregate = aggregateFromTables(tables, rules.regions.names);
    // An export cut at a row limit, or referrals that stop months before the export date (export-cut.ts).
    const cutNotes = [rowLimitNote(label, goodCount + excluded.rows, options.lang), referralsEndNote(label, await referralEnd(db, exportDay !== undefined), options.lang)];
    const notes = [...unreadSynonymNotes(label, source.header, source.columns, options.columns ?? {}, options.lang), dayNumbersNote, footnotesNote(label, footnotes, options.lang), ctrlZ === undefined ? undefined : ctrlZNote(label, ctrlZ, options.lang), repeatedHeaderNote(label, headerRepeats, options.lang), headerUnderlineNote(label, headerUnderlines, options.lang), ...repeatedRowsNotes(label, repeated, csv === undefined, options.lang), appendedTwinsNote(label, repeated, csv === undefined, options.lang), timeOfDayNote(label, datesWithTime(datesWithColon, dateFormat), options.lang), offsetNote(label, datesWithColon, dateFormat, options.lang), ...cutNotes].filter((n): n is string => n !== undefined);
    return {
      aggregate, dateFormat, excluded: rules.exclude ? excluded : { rows: 0, problems: [] }, ...(merged.length > 0 ? { clinicSpellings: merged } : {}),
      ...(notes.length > 0 ? { notes } : {}), ...(bands ? { ageBands: bands.read } : {}),
    };
  }));
}

/**
 * `work` on Parquet file `file` (undefined: a CSV file), its data that DuckDB cannot read — a
 * damaged page, text that is not UTF-8 — said as an input error naming the column, never the
 * value (parquet-failures.ts); any other failure passes unchanged.
 */
async function withParquetFailures<T>(db: DuckDBConnection, file: string | undefined, label: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (file === undefined || err instanceof HtaError || isSpillFailure(err) || isOutOfMemory(err)) throw err;
    const path = sqlText(await literalPath(db, file, label));
    let header: string[] = [];
    try {
      header = ((await db.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${path}, ${PARQUET_READ_OPTIONS})`)).getRowsJS() as unknown[][]).map((r) => String(r[0]));
    } catch {
      // The footer unreadable too: the error names no column.
    }
    throw (await parquetDataError(db, err, path, label, header)) ?? err;
  }
}

/**
 * The last referral date, the export date and the referrals of the CUT_RATE_DAYS days up to the
 * last one (export-cut.ts), from the referrals counted (one copy of identical rows).
 */
async function referralEnd(db: DuckDBConnection, exportDateGiven: boolean): Promise<ReferralEnd> {
  const row = (await db.runAndReadAll(`WITH m AS (SELECT max(referred) AS last, min(referred) AS first FROM uptake_referrals)
    SELECT CAST(m.last AS VARCHAR), CAST((SELECT export_date FROM uptake_export) AS VARCHAR), least(${CUT_RATE_DAYS}, m.last - m.first + 1),
      (SELECT count(*) FROM uptake_referrals r WHERE r.referred > m.last - ${CUT_RATE_DAYS}) FROM m`)).getRowsJS()[0] as unknown[];
  return { lastReferral: String(row[0]), exportDate: String(row[1]), exportDateGiven, rateDays: Number(row[2]), recentReferrals: Number(row[3]) };
}

/**
 * The SQL expression of the age band for a band scheme: one WHEN per age value read (a few
 * dozen at most), in place of the exact-age CASE of sql/uptake-aggregates.sql (aggregate-sql.ts).
 * Here, beside the engine's other SQL, so that age-bands.ts (read on every path) holds none.
 */
function ageBandCaseSql(scheme: Exclude<AgeBandScheme, { kind: 'refused' }>): string {
  const whens = [...scheme.labels].map(([code, label]) => `WHEN ${code} THEN ${sqlText(label)}`).join(' ');
  return `CASE COALESCE(r.age, -1) WHEN -1 THEN 'unknown' ${whens} END AS age_band`;
}
