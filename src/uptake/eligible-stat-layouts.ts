/**
 * Eligible files as SAS and Stata write a table for reading rather than for reading back
 * (docs/input-registry.md "The eligible file"):
 *
 * - PROC TABULATE through ODS CSV writes its header over several lines — the class variable's
 *   name over the years (`"","Aar","",""`), the years (`"","2024","2025"`), the statistic
 *   (`"","N","N"`), the row variable's name (`"Region","",""`) — and the CSV reader saw line 1 as
 *   the header, refusing every later cell as "column 3 has no name". Said as what it is, with the
 *   line to keep as the header.
 * - Stata's `reshape wide` names each year's column by a stub and the year (`antal2024`,
 *   `antal2025`): years as columns that the wide reader (io/year-columns.ts, names that are years
 *   alone) does not take. Said so, with the `reshape long` that makes the file one row per
 *   region and year.
 */
import { parse } from 'csv-parse/sync';
import { HtaError } from '../errors.js';
import { sniffDelimiter } from '../io/dialect.js';
import { fileStart } from '../io/file-start.js';
import { spssViewerExpected, spssViewerMessage, type SpssViewerParts } from './spss-viewer-words.js';

/** Lines of the file's start read for a header split over lines. */
const HEAD_LINES = 8;
const YEAR = /^(19|20)\d{2}$/;

/**
 * The refusal of a PROC TABULATE header spread over lines 1…n, or undefined when the file does not
 * start so: a line of years (first cell empty, the others two or more years) with, above it, only
 * title lines (first cell empty, at most one other named: `"","Aar","",""`) and, below it, a
 * statistic line (first cell empty, the others words: `"","N","N"`) or the row variable's name
 * alone (`"Region","",""`) — at least one of the three. Years on line 1 and the regions' rows
 * right under them are a plain table with years as columns, read as such.
 */
export function tabulateHeaderError(file: string): HtaError | undefined {
  const text = fileStart(file, 16 * 1024);
  if (text === undefined) return undefined;
  const lines = text.split(/\r\n|\n|\r/).slice(0, HEAD_LINES);
  if (lines.length < 3) return undefined;
  let rows: string[][];
  try {
    rows = parse(lines.join('\n'), { delimiter: sniffDelimiter(lines[0]!), relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch {
    return undefined;
  }
  const named = (r: readonly string[]) => r.slice(1).filter((c) => c.trim() !== '');
  const firstEmpty = (r: readonly string[]) => (r[0] ?? '').trim() === '';
  const yearsAt = rows.findIndex((r) => firstEmpty(r) && named(r).length >= 2 && named(r).every((c) => YEAR.test(c.trim())));
  if (yearsAt < 0 || !rows.slice(0, yearsAt).every((r) => firstEmpty(r) && named(r).length <= 1)) return undefined;
  const statistic = (r: readonly string[]) => firstEmpty(r) && named(r).length > 0 && named(r).every((c) => !/^[\d.,\s-]+$/.test(c));
  const label = (r: readonly string[]) => !firstEmpty(r) && named(r).length === 0;
  let lastHeader = yearsAt;
  let labelAt = -1;
  while (lastHeader + 1 < rows.length && labelAt < 0 && (statistic(rows[lastHeader + 1]!) || label(rows[lastHeader + 1]!))) {
    lastHeader++;
    if (label(rows[lastHeader]!)) labelAt = lastHeader;
  }
  if (lastHeader === 0) return undefined;
  const rowName = labelAt >= 0 ? rows[labelAt]![0]!.trim() : 'Region';
  const years = named(rows[yearsAt]!).map((c) => c.trim());
  const others = Array.from({ length: lastHeader + 1 }, (_, i) => i + 1).filter((l) => l !== yearsAt + 1);
  return new HtaError('input.invalid', `${file}: its header is spread over lines 1–${lastHeader + 1}, as SAS PROC TABULATE writes a table through ODS CSV (the years on line ${yearsAt + 1}), so no line names every column`, [{
    file,
    line: yearsAt + 1,
    expected: `one header line: keep line ${yearsAt + 1} (the years) as the header with its first cell named "${rowName}" (${rowName},${years.slice(0, 3).join(',')}${years.length > 3 ? ',…' : ''}: read as years as columns) and delete line${others.length === 1 ? '' : 's'} ${others.join(', ')}; or write the counts from SAS as data, one row per region and year (PROC TABULATE's OUT= data set, or PROC MEANS/PROC FREQ with OUT=, then PROC EXPORT)`,
  }]);
}

/** A year column's stub: `antal2024` → `antal`, `n_2025` → `n_`; undefined for any other name. */
function stubOf(name: string): string | undefined {
  const m = /^([A-Za-z][A-Za-z_]*?)_?((?:19|20)\d{2})$/.exec(name.trim());
  return m ? name.trim().slice(0, -4) : undefined;
}

/**
 * The refusal of a header with years as columns named by a stub and the year (Stata's `reshape
 * wide`: `region,antal2024,antal2025`), or undefined: two or more such columns sharing one stub.
 */
export function stubYearColumnsError(file: string, header: readonly string[], headerLine: number): HtaError | undefined {
  const stubs = header.map(stubOf);
  const counts = new Map<string, number>();
  for (const s of stubs) if (s !== undefined) counts.set(s, (counts.get(s) ?? 0) + 1);
  const [stub, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (stub === undefined || n === undefined || n < 2) return undefined;
  const columns = header.filter((_, i) => stubs[i] === stub).map((h) => h.trim());
  const region = header.find((_, i) => stubs[i] === undefined)?.trim() ?? 'region';
  return new HtaError('input.invalid', `${file} holds the years as columns named by "${stub}" and the year (${columns.slice(0, 3).join(', ')}${columns.length > 3 ? ', …' : ''}), as Stata's reshape wide writes them`, [{
    file,
    line: headerLine,
    expected: `one row per region and year — in Stata: reshape long ${stub}, i(${region}) j(year), then export delimited (columns ${region}, year, ${stub}: map them with "columns": { "eligible": { "region": "${region}", "year": "year", "eligible": "${stub}" } } in the uptake plan) — or one column per year named by the year alone (${region};${columns.slice(0, 2).map((c) => c.slice(-4)).join(';')};…)`,
  }]);
}

/** Lines of the file's start read for an SPSS Viewer table (its title, header, rows and footnotes). */
const VIEWER_LINES = 60;
/** A footnote under an SPSS Viewer table: `a. Kilde: …`, `b. …`. */
const FOOTNOTE = /^[a-z]\.\s/;

/**
 * The refusal of a table exported from the SPSS Viewer (CROSSTABS or Custom Tables, File > Export
 * to CSV), or undefined when the file is not one: a title alone on line 1 (`Region * År
 * Krydstabulering`), header lines whose first two cells are empty (the statistic `Antal` may stand
 * alone), one of them the years (`;;2024;2025;…;I alt`), and under it rows with the region in the
 * second cell and the row variable's name (`Region`) or nothing in the first — two label columns,
 * which no reader of a plain table takes. Its separator is the one of those lines, not of the
 * one-cell title (which sniffed "," and blamed a footnote's comma). Said once, with the lines to
 * delete and how to write the counts from SPSS as data (docs/input-registry.md "The eligible file").
 */
export function spssViewerTableError(file: string): HtaError | undefined {
  const text = fileStart(file, 16 * 1024);
  if (text === undefined) return undefined;
  const lines = text.split(/\r\n|\n|\r/).slice(0, VIEWER_LINES);
  const delimiter = ([';', '\t', ','] as const).map((d) => [d, Math.max(...lines.map((l) => l.split(d).length - 1))] as const).sort((a, b) => b[1] - a[1])[0]![0];
  let rows: string[][];
  try {
    rows = lines.map((l) => (parse(l, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][])[0] ?? []);
  } catch {
    return undefined;
  }
  const cells = (r: readonly string[]) => r.map((c) => c.trim());
  const filled = (r: readonly string[]) => cells(r).filter((c) => c !== '');
  // Above the years only title and statistic lines (one cell: `Region * År Krydstabulering`,
  // `Antal`) and header lines whose first two cells are empty (`;;År;;`); a user who deleted
  // some of them still has the two label columns.
  const alone = (r: readonly string[]) => cells(r)[0] !== '' && cells(r).slice(1).every((c) => c === '');
  const twoEmpty = (r: readonly string[]) => r.length > 2 && cells(r)[0] === '' && cells(r)[1] === '';
  const yearsAt = rows.findIndex((r) => twoEmpty(r) && cells(r).slice(2).filter((c) => YEAR.test(c)).length >= 2);
  if (yearsAt < 0 || !rows.slice(0, yearsAt).every((r) => twoEmpty(r) || alone(r))) return undefined;
  // The table's rows: a region in the second cell, beside the row variable's name, a total word or nothing.
  let end = yearsAt + 1;
  while (end < rows.length && cells(rows[end]!).length > 2 && (cells(rows[end]!)[1] !== '' || cells(rows[end]!)[0] !== '')) end++;
  const body = rows.slice(yearsAt + 1, end);
  if (body.filter((r) => cells(r)[1] !== '').length < 2 || !body.some((r) => cells(r)[0] === '' && cells(r)[1] !== '')) return undefined;
  const rowName = cells(body[0]!)[0] || 'Region';
  const totalAt = body.findIndex((r) => cells(r)[0] !== '' && cells(r)[1] === '');
  const footnotes = rows.slice(end).flatMap((r, k) => (FOOTNOTE.test(cells(r).join(' ').trim()) ? [end + k + 1] : []));
  const years = cells(rows[yearsAt]!).slice(2).filter((c) => c !== '');
  const parts: SpssViewerParts = {
    file,
    yearsLine: yearsAt + 1,
    rowName,
    header: `${rowName}${delimiter}${years.slice(0, 3).join(delimiter)}${delimiter}…`,
    footnotes,
    ...(totalAt >= 0 ? { total: { word: cells(body[totalAt]!)[0]!, line: yearsAt + 2 + totalAt } } : {}),
  };
  return new HtaError('input.invalid', spssViewerMessage(parts), [{ file, line: parts.yearsLine, expected: spssViewerExpected(parts) }]);
}
