/**
 * Streams a registry export into the uptake aggregator: csv-parse's streaming parser, one
 * record at a time, so memory stays bounded by the aggregator's cells, not by the file.
 * Dialect: UTF-8 with or without BOM, `,` / `;` / tab sniffed from the header line, LF or CRLF.
 *
 * Invalid records are collected (up to MAX_PROBLEMS, each with file:line:column) and the read
 * then fails with `HtaError('input.invalid')`: data problems stop the analysis (exit 2).
 */
import { createReadStream, promises as fsp } from 'node:fs';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { HtaError, MAX_PROBLEMS, type Problem } from '../errors.js';
import { sniffDelimiter } from '../io/dialect.js';
import { invalidCsv, lineBreaksInside, readCsvFile, unreadableFile } from '../io/read-csv.js';
import { createUptakeAggregator, type UptakeAggregate } from './aggregate.js';
import { dayToIso, isoToDay, parseRegion, registryColumnIndex, validateReferral, type ColumnIndex, type Referral } from './referral.js';
import type { EligibleRow } from './uptake-per-eligible.js';

export interface ReadRegistryOptions {
  /** ISO date of the export; default: the latest date in the file. Later dates are problems. */
  exportDate?: string;
  maxProblems?: number;
}

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
  const delimiter = await sniffFileDelimiter(file);
  return aggregateRegistryStream(createReadStream(file), file, delimiter, options);
}

/**
 * Streams any byte/text source; `onReferral` sees each valid referral (for callers that want
 * more than the standard aggregate), in file order.
 */
export async function aggregateRegistryStream(
  input: Readable,
  file: string,
  delimiter: ',' | ';' | '\t',
  options: ReadRegistryOptions = {},
  onReferral?: (r: Referral) => void,
): Promise<UptakeAggregate> {
  const maxProblems = options.maxProblems ?? MAX_PROBLEMS;
  let exportDay: number | undefined;
  if (options.exportDate !== undefined) {
    exportDay = isoToDay(options.exportDate);
    if (exportDay === undefined) throw new HtaError('usage.invalid', `export date ${JSON.stringify(options.exportDate)} is not a YYYY-MM-DD date`);
  }
  const aggregator = createUptakeAggregator(exportDay === undefined ? {} : { exportDate: exportDay });
  const problems: Problem[] = [];
  let total = 0;
  const report = (p: Problem) => {
    total++;
    if (problems.length < maxProblems) problems.push(p);
  };

  // Line numbers are counted here rather than with csv-parse's `info` (which halves the
  // throughput): a record starts one line after the previous one ended, blank lines arrive as
  // one empty field and are skipped, and a quoted field spans as many lines as it holds \n.
  const parser = input.pipe(parse({ delimiter, bom: true, relax_column_count: true }));
  let columns: ColumnIndex | undefined;
  let width = 0;
  let nextLine = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const line = nextLine;
      nextLine += 1 + lineBreaksInside(record);
      if (record.length === 1 && (record[0] as string).trim() === '') continue;
      if (columns === undefined) {
        const idx = registryColumnIndex(record, file);
        if (Array.isArray(idx)) throw new HtaError('input.invalid', `${file} lacks registry columns`, idx);
        columns = idx;
        width = record.length;
        continue;
      }
      if (record.length !== width) {
        report({ file, line, value: `${record.length} fields`, expected: `${width} fields as in the header (check the separator and quoting)` });
        continue;
      }
      const res = validateReferral(record, columns, file, line);
      if (!res.ok) {
        for (const p of res.problems) report(p);
        continue;
      }
      if (exportDay !== undefined) {
        const r = res.referral;
        const late = Math.max(r.referred, r.activated ?? -Infinity, r.lastActive ?? -Infinity);
        if (late > exportDay) {
          report({ file, line, value: dayToIso(late), expected: `dates on or before the export date ${options.exportDate}` });
          continue;
        }
      }
      if (problems.length === 0) {
        aggregator.add(res.referral);
        onReferral?.(res.referral);
      }
    }
  } catch (err) {
    if (err instanceof HtaError) throw err;
    throw invalidCsv(file, err);
  } finally {
    if (!input.destroyed) input.destroy(); // stopping early must not leave the file open
  }
  if (columns === undefined) throw new HtaError('input.invalid', `${file} is empty`, [{ file, line: 1, expected: 'a header line naming the registry columns' }]);
  if (problems.length > 0) {
    const more = total > problems.length ? ` (first ${problems.length} shown)` : '';
    throw new HtaError('input.invalid', `${file} has ${total} invalid value(s)${more}`, problems);
  }
  return aggregator.value();
}

/** Reads the denominator file (`region, year, eligible`); regions as in the registry. */
export function readEligible(file: string): EligibleRow[] {
  const table = readCsvFile(file);
  const lower = table.header.map((h) => h.toLowerCase());
  const problems: Problem[] = [];
  const col = (name: string) => {
    const i = lower.indexOf(name);
    if (i < 0) problems.push({ file, line: 1, field: name, expected: `a column named "${name}" (have: ${table.header.join(', ')})` });
    return i;
  };
  const ri = col('region'), yi = col('year'), ei = col('eligible');
  if (problems.length > 0) throw new HtaError('input.invalid', `${file} lacks denominator columns`, problems);
  const rows: EligibleRow[] = [];
  const seen = new Set<string>();
  for (const rec of table.records) {
    const rv = rec.raw[ri] ?? '', yv = rec.raw[yi] ?? '', ev = rec.raw[ei] ?? '';
    const region = parseRegion(rv);
    if (region === undefined) problems.push({ file, line: rec.line, column: ri + 1, field: 'region', value: rv, expected: 'one of Hovedstaden, Midtjylland, Syddanmark, Sjælland, Nordjylland' });
    if (!/^\d{4}$/.test(yv)) problems.push({ file, line: rec.line, column: yi + 1, field: 'year', value: yv, expected: 'a four-digit year' });
    if (!/^\d+$/.test(ev) || Number(ev) <= 0) problems.push({ file, line: rec.line, column: ei + 1, field: 'eligible', value: ev, expected: 'a whole number of eligible people > 0' });
    if (region !== undefined && /^\d{4}$/.test(yv) && /^\d+$/.test(ev) && Number(ev) > 0) {
      const key = `${region}|${yv}`;
      if (seen.has(key)) problems.push({ file, line: rec.line, column: ri + 1, field: 'region', value: rv, expected: `one row per region and year (${region} ${yv} repeats)` });
      seen.add(key);
      rows.push({ region, year: Number(yv), eligible: Number(ev) });
    }
    if (problems.length >= MAX_PROBLEMS) break;
  }
  if (problems.length > 0) throw new HtaError('input.invalid', `${file} has ${problems.length} invalid value(s)`, problems.slice(0, MAX_PROBLEMS));
  return rows;
}
