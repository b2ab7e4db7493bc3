/**
 * Streams a registry export into the uptake aggregator: csv-parse's streaming parser, one
 * record at a time, so memory stays bounded by the aggregator's cells, not by the file.
 * Dialect: UTF-8 with or without BOM, `,` / `;` / tab sniffed from the header line, LF or CRLF.
 * Column names, date format, regions and value synonyms come from the uptake plan
 * (docs/plan-uptake.md); see docs/input-registry.md for what a file may look like.
 *
 * Every problem is collected (grouped, in bounded memory: problem-collector.ts). By default any
 * invalid row fails the read with `HtaError('input.invalid')` (exit 2); with
 * `invalidRows: 'exclude'` invalid rows are left out, counted and described (grouped, line
 * ranges, never ids), and the analysis goes on with the valid rows.
 */
import { createReadStream, promises as fsp } from 'node:fs';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { utf8Guard } from '../io/utf8.js';
import { HtaError, MAX_PROBLEMS, type Problem } from '../errors.js';
import { createProblemCollector } from '../problem-collector.js';
import type { ProblemGroup } from '../problem-groups.js';
import { sniffDelimiter } from '../io/dialect.js';
import { invalidCsv, lineBreaksInside, readCsvFile, unreadableFile } from '../io/read-csv.js';
import { createUptakeAggregator, type UptakeAggregate } from './aggregate.js';
import { parseCount, thousandsMarkFor } from './parse-count.js';
import {
  dayToIso, headerKey, isoToDay, referralValidator, registryColumnIndex,
  type ColumnIndex, type Referral, type RegistryColumn, type Referrer, type Sex,
} from './referral.js';
import { createDateFormatDetector, type DateFormat, type DateFormatOption } from './registry-dates.js';
import { DANISH_REGIONS, regionDisplay, regionKey, type RegionSet } from './regions.js';
import type { EligibleRow } from './uptake-per-eligible.js';

export interface ReadRegistryOptions {
  /** ISO date of the export; default: the latest date in the file. */
  exportDate?: string;
  /** The regions (from the eligible file, with the plan's synonyms); default: the Danish five. */
  regions?: RegionSet;
  /** Default 'iso'; 'auto' reads the file's dates once to choose (files only, not streams). */
  dateFormat?: DateFormatOption;
  /** The plan's `columns.registry`: the file's name for each registry column. */
  columns?: Partial<Record<RegistryColumn, string>>;
  sexValues?: Readonly<Record<string, Sex>>;
  referrerValues?: Readonly<Record<string, Referrer>>;
  /** Plausible dates, ISO, inclusive; default from 2000-01-01 to the export date. */
  dateWindow?: { from?: string; to?: string };
  /** 'fail' (default): any invalid row stops the read. 'exclude': invalid rows are left out. */
  invalidRows?: 'fail' | 'exclude';
  /** Sees each problem of an excluded row, in file order (for `--excluded-out`). */
  onExcluded?: (p: Problem) => void;
}

/** What was read besides the aggregate. */
export interface RegistryRead {
  aggregate: UptakeAggregate;
  /** The date format used (the detected one for 'auto'). */
  dateFormat: DateFormat;
  /** Rows left out with `invalidRows: 'exclude'` (0 otherwise), and why. */
  excluded: { rows: number; problems: ProblemGroup[] };
}

export const DEFAULT_DATE_FROM = '2000-01-01';

/** Reads the header line (first 64 KiB) to sniff the separator. */
async function sniffFileDelimiter(file: string): Promise<',' | ';' | '\t'> {
  let handle;
  try {
    handle = await fsp.open(file, 'r');
  } catch (err) {
    throw unreadableFile(file, err);
  }
  try {
    const buf = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const text = buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    return sniffDelimiter(text.slice(0, text.search(/\r?\n|$/)));
  } finally {
    await handle.close();
  }
}

/** Streams `file` and returns the aggregated counts (see `aggregate.ts`). */
export async function readRegistry(file: string, options: ReadRegistryOptions = {}): Promise<UptakeAggregate> {
  return (await readRegistryFile(file, options)).aggregate;
}

/** Streams `file` (twice when the date format is 'auto': once to learn it). */
export async function readRegistryFile(file: string, options: ReadRegistryOptions = {}): Promise<RegistryRead> {
  const delimiter = await sniffFileDelimiter(file);
  let dateFormat = options.dateFormat ?? 'iso';
  if (dateFormat === 'auto') dateFormat = await detectFileDateFormat(file, delimiter, options.columns);
  return readRegistryStream(createReadStream(file), file, delimiter, { ...options, dateFormat });
}

const DATE_COLUMNS = ['referred', 'activated', 'last_active'] as const;

/** The byte stream → UTF-8 check → CSV records; a failure anywhere fails the records' iteration. */
function registryParser(input: Readable, file: string, delimiter: ',' | ';' | '\t'): Readable {
  const guard = utf8Guard(file);
  const parser = parse({ delimiter, bom: true, relax_column_count: true });
  guard.once('error', (err) => parser.destroy(err));
  input.once('error', (err) => parser.destroy(err));
  return input.pipe(guard).pipe(parser);
}

/** First pass for `dateFormat: 'auto'`: every date cell, then the one format they all fit. */
async function detectFileDateFormat(file: string, delimiter: ',' | ';' | '\t', names: ReadRegistryOptions['columns']): Promise<DateFormat> {
  const detector = createDateFormatDetector();
  const input = createReadStream(file);
  let columns: ColumnIndex | undefined;
  try {
    for await (const record of registryParser(input, file, delimiter) as AsyncIterable<string[]>) {
      if (record.length === 1 && (record[0] as string).trim() === '') continue;
      if (columns === undefined) {
        const idx = registryColumnIndex(record, file, names);
        if (Array.isArray(idx)) throw new HtaError('input.invalid', `${file} lacks registry columns`, idx);
        columns = idx;
        continue;
      }
      for (const c of DATE_COLUMNS) detector.add((record[columns[c]] ?? '').trim());
    }
  } catch (err) {
    if (err instanceof HtaError) throw err;
    throw invalidCsv(file, err);
  } finally {
    if (!input.destroyed) input.destroy();
  }
  const r = detector.result();
  if ('reason' in r) {
    throw new HtaError('input.invalid', `${file}: the date format cannot be detected`, [
      { file, field: 'referred', expected: `dates in one unambiguous format for dateFormat "auto" — found ${r.reason}` },
    ]);
  }
  return r.format;
}

/** `readRegistryStream` for callers that only want the aggregate. */
export async function aggregateRegistryStream(
  input: Readable,
  file: string,
  delimiter: ',' | ';' | '\t',
  options: ReadRegistryOptions = {},
  onReferral?: (r: Referral) => void,
): Promise<UptakeAggregate> {
  return (await readRegistryStream(input, file, delimiter, options, onReferral)).aggregate;
}

function isoOption(text: string, what: string): number {
  const day = isoToDay(text);
  if (day === undefined) throw new HtaError('usage.invalid', `${what} ${JSON.stringify(text)} is not a YYYY-MM-DD date`);
  return day;
}

/**
 * Streams any byte/text source; `onReferral` sees each valid referral (for callers that want
 * more than the standard aggregate), in file order.
 */
export async function readRegistryStream(
  input: Readable,
  file: string,
  delimiter: ',' | ';' | '\t',
  options: ReadRegistryOptions = {},
  onReferral?: (r: Referral) => void,
): Promise<RegistryRead> {
  if (options.dateFormat === 'auto') throw new HtaError('usage.invalid', 'dateFormat "auto" needs a file (it reads the dates twice)');
  const dateFormat: DateFormat = options.dateFormat ?? 'iso';
  const exclude = options.invalidRows === 'exclude';
  const exportDay = options.exportDate === undefined ? undefined : isoOption(options.exportDate, 'export date');
  const from = isoOption(options.dateWindow?.from ?? DEFAULT_DATE_FROM, 'dateWindow.from');
  const to = options.dateWindow?.to !== undefined ? isoOption(options.dateWindow.to, 'dateWindow.to') : exportDay;
  const windowText = to === undefined ? `on or after ${dayToIso(from)}` : `within ${dayToIso(from)} – ${dayToIso(to)}`;
  const windowSource = options.dateWindow?.to !== undefined || options.dateWindow?.from !== undefined ? "the plan's dateWindow" : to === undefined ? 'the default window' : 'the default window, up to the export date';
  const regions = options.regions ?? DANISH_REGIONS;
  const validate = referralValidator({
    regions, dateFormat,
    ...(options.sexValues ? { sexValues: options.sexValues } : {}),
    ...(options.referrerValues ? { referrerValues: options.referrerValues } : {}),
  });
  const aggregator = createUptakeAggregator({ ...(exportDay === undefined ? {} : { exportDate: exportDay }), regions: regions.names });
  const collector = createProblemCollector();
  const sample: Problem[] = [];
  let excludedRows = 0;
  const report = (p: Problem) => {
    collector.add(p);
    if (sample.length < MAX_PROBLEMS) sample.push(p);
    if (exclude) options.onExcluded?.(p);
  };

  // Line numbers are counted here rather than with csv-parse's `info` (which halves the
  // throughput): a record starts one line after the previous one ended, blank lines arrive as
  // one empty field and are skipped, and a quoted field spans as many lines as it holds \n.
  const parser = registryParser(input, file, delimiter);
  let columns: ColumnIndex | undefined;
  let header: string[] = [];
  let width = 0;
  let nextLine = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const line = nextLine;
      nextLine += 1 + lineBreaksInside(record);
      if (record.length === 1 && (record[0] as string).trim() === '') continue;
      if (columns === undefined) {
        const idx = registryColumnIndex(record, file, options.columns);
        if (Array.isArray(idx)) throw new HtaError('input.invalid', `${file} lacks registry columns`, idx);
        columns = idx;
        header = record.map((h) => h.trim());
        width = record.length;
        continue;
      }
      if (record.length !== width) {
        report({ file, line, value: `${record.length} fields`, expected: `${width} fields as in the header (check the separator and quoting)` });
        excludedRows++;
        continue;
      }
      const res = validate(record, columns, file, line, header);
      if (!res.ok) {
        for (const p of res.problems) report(p);
        excludedRows++;
        continue;
      }
      const r = res.referral;
      let outside = false;
      for (const [col, day] of [['referred', r.referred], ['activated', r.activated], ['last_active', (record[columns.last_active] ?? '').trim() === '' ? null : r.lastActive]] as const) {
        if (day === null || (day >= from && (to === undefined || day <= to))) continue;
        const i = columns[col];
        report({ file, line, column: i + 1, field: header[i] ?? col, value: (record[i] ?? '').trim(), kind: 'date.window', expected: `a date ${windowText} (${windowSource})` });
        outside = true;
      }
      if (outside) {
        excludedRows++;
        continue;
      }
      if (collector.count === 0 || exclude) {
        aggregator.add(r);
        onReferral?.(r);
      }
    }
  } catch (err) {
    if (err instanceof HtaError) throw err;
    throw invalidCsv(file, err);
  } finally {
    if (!input.destroyed) input.destroy(); // stopping early must not leave the file open
  }
  if (columns === undefined) throw new HtaError('input.invalid', `${file} is empty`, [{ file, line: 1, expected: 'a header line naming the registry columns' }]);
  if (collector.count > 0 && !exclude) {
    throw new HtaError(
      'input.invalid',
      `${file} has ${collector.count} invalid value(s) in ${excludedRows} row(s) (--exclude-invalid leaves such rows out and goes on)`,
      sample,
      collector.groups(),
    );
  }
  return { aggregate: aggregator.value(), dateFormat, excluded: { rows: exclude ? excludedRows : 0, problems: exclude ? collector.groups() : [] } };
}

export interface ReadEligibleOptions {
  /** The plan's `columns.eligible`: the file's name for each denominator column. */
  columns?: Partial<Record<'region' | 'year' | 'eligible', string>>;
}

/**
 * Reads the denominator file (`region, year, eligible`, or the plan's names for them). Its
 * regions, in first-appearance order, are the regions of the analysis (see regions.ts); a
 * region written two ways ("Hovedstaden", "Region Hovedstaden") is one region, named as first
 * written. Counts may carry thousands separators (parse-count.ts).
 */
export function readEligible(file: string, options: ReadEligibleOptions = {}): EligibleRow[] {
  const table = readCsvFile(file);
  const keys = table.header.map(headerKey);
  const problems: Problem[] = [];
  const col = (name: 'region' | 'year' | 'eligible') => {
    const as = options.columns?.[name] ?? name;
    const i = keys.indexOf(headerKey(as));
    const mapped = options.columns?.[name] !== undefined ? ` (the plan's columns.eligible.${name})` : '';
    if (i < 0) problems.push({ file, line: 1, field: as, expected: `a column named "${as}"${mapped} (have: ${table.header.join(', ')})` });
    return i;
  };
  const ri = col('region'), yi = col('year'), ei = col('eligible');
  if (problems.length > 0) throw new HtaError('input.invalid', `${file} lacks denominator columns`, problems);
  const thousands = thousandsMarkFor(table.dialect.delimiter, table.dialect.decimalComma);
  const example = thousands === '.' ? '37000 or 37.000' : '37000 or "37,000"';
  const names = new Map<string, string>();
  const rows: EligibleRow[] = [];
  const seen = new Map<string, number>();
  for (const rec of table.records) {
    const rv = rec.raw[ri] ?? '', yv = rec.raw[yi] ?? '', ev = rec.raw[ei] ?? '';
    const key = regionKey(rv);
    if (key === '') problems.push({ file, line: rec.line, column: ri + 1, field: table.header[ri], value: rv, expected: 'a region name' });
    // "national" names the whole-country rows of every output.
    if (key === 'national') problems.push({ file, line: rec.line, column: ri + 1, field: table.header[ri], value: rv, expected: 'a region name other than "national" (the whole country is the sum of the regions)' });
    const yearOk = /^\d{4}$/.test(yv);
    if (!yearOk) problems.push({ file, line: rec.line, column: yi + 1, field: table.header[yi], value: yv, expected: 'a four-digit year' });
    const n = parseCount(ev, thousands);
    if (n === undefined || n <= 0) problems.push({ file, line: rec.line, column: ei + 1, field: table.header[ei], value: ev, expected: `a whole number of eligible people > 0 (${example})` });
    if (key === '' || key === 'national' || !yearOk || n === undefined || n <= 0) continue;
    let region = names.get(key);
    if (region === undefined) names.set(key, (region = regionDisplay(rv)));
    const k = `${key}|${yv}`;
    const first = seen.get(k);
    if (first !== undefined) {
      problems.push({ file, line: rec.line, column: ri + 1, field: table.header[ri], value: rv, expected: `one row per region and year (${region} ${yv} is also on line ${first})` });
      continue;
    }
    seen.set(k, rec.line);
    rows.push({ region, year: Number(yv), eligible: n });
  }
  if (problems.length > 0) throw new HtaError('input.invalid', `${file} has ${problems.length} invalid value(s)`, problems);
  if (rows.length === 0) throw new HtaError('input.invalid', `${file} has no rows`, [{ file, line: 2, expected: 'one row per region and year' }]);
  return rows;
}

/** The regions of denominator rows, in first-appearance order. */
export function eligibleRegions(rows: readonly EligibleRow[]): string[] {
  return [...new Set(rows.map((r) => r.region))];
}
