/**
 * The eligible file's header line again inside it: two eligible files joined with `cat`, or a
 * header pasted under the rows (docs/input-registry.md "Several eligible files"). Read as a row,
 * `Region;2024;2025` is a region named "Region" with 2,024 eligible people in 2024 — added to the
 * whole country's denominator, a budget row of its own, exit 0. Said as the registry says it
 * (io/repeated-header.ts): one problem on its line, left out with --exclude-invalid and then
 * named in a note. Always refused, also with --exclude-invalid, because the rows under it would be
 * misread: a header in another column order, and — years as columns — a header with other years
 * (per-year files joined: `Region;2024` rows, then `Region;2025` rows). An Excel pivot's caption
 * line (`Sum af Antal;Kolonnenavne`: io/pivot-caption.ts) just above a repeated header is part of
 * it, left out with it.
 */
import { HtaError, type Problem } from '../errors.js';
import type { CsvRecord } from '../io/read-csv.js';
import { pivotCaption } from '../io/pivot-caption.js';
import { headerRepeatTest, type HeaderRepeatWords, reorderedHeaderError, repeatedHeaderNote as repeatedNote, repeatedHeaderProblem } from '../io/repeated-header.js';
import { yearColumns } from '../io/year-columns.js';
import { headerKey } from './referral.js';
import { isTotalWord } from './total-rows.js';

const DOC = 'docs/input-registry.md "Several eligible files"';

const WORDS: HeaderRepeatWords = {
  row: "a region's row",
  join: 'hta uptake reads one eligible file; join several with the header line once',
  invalid: 'an invalid row',
  invalidDa: { one: 'en ugyldig række', several: 'ugyldige rækker' },
  doc: DOC,
};

export interface EligibleHeaderLines {
  /** Lines that are no row of counts: the header again (and a pivot caption above it), in file order. */
  lines: number[];
  /** Their problems, in a run that stops on problems (empty with `exclude`). */
  problems: Problem[];
}

/**
 * The lines of `records` that repeat the eligible file's `header` (on `headerLine`). `wide`: the
 * file has years as columns, so a header naming other years is refused as one. Throws for a
 * header in another column order or with other years.
 */
export function eligibleHeaderLines(file: string, header: readonly string[], headerLine: number, records: Iterable<CsvRecord>, wide: boolean, exclude: boolean): EligibleHeaderLines {
  const isHeaderAgain = headerRepeatTest(header, headerKey);
  const otherYears = wide ? otherYearsTest(header) : () => undefined;
  const lines: number[] = [];
  const headers: number[] = [];
  let caption: number | undefined;
  for (const rec of records) {
    const raw = rec.raw;
    const again = isHeaderAgain(raw);
    if (again === 'reordered') throw reorderedHeaderError(file, rec.line, headerLine, WORDS);
    const years = again === undefined ? otherYears(raw) : undefined;
    if (years) throw otherYearsError(file, rec.line, headerLine, years);
    if (again === 'same') {
      if (caption === rec.line - 1) lines.push(caption);
      lines.push(rec.line);
      headers.push(rec.line);
    }
    caption = isCaption(raw) ? rec.line : undefined;
  }
  // One problem a header; a pivot's caption above it is left out with it.
  return { lines, problems: exclude ? [] : headers.map((line) => repeatedHeaderProblem(file, line, WORDS)) };
}

/** The note for repeated header lines left out with --exclude-invalid (stderr). */
export function eligibleHeaderLinesNote(file: string, lines: readonly number[], lang: 'en' | 'da' = 'en'): string | undefined {
  return repeatedNote(file, lines, WORDS, lang);
}

/** An Excel pivot's value caption line, as its cells are read. */
function isCaption(raw: readonly string[]): boolean {
  return pivotCaption(`${raw.join(';')}\n`) !== undefined;
}

/**
 * Whether a record is a header with years as columns naming the same text columns (`Region`) as
 * `header` but other years: the years of both, or undefined. A row of counts never is: its text
 * cell is a region, not the header's name for the column.
 */
function otherYearsTest(header: readonly string[]): (raw: readonly string[]) => OtherYears | undefined {
  const own = yearColumns(header, isTotalWord);
  if (!own) return () => undefined;
  const textNames = own.text.map((i) => headerKey(header[i] ?? ''));
  const ours = own.years.map((i) => header[i]!.trim());
  const label = header[own.text[0]!]!.trim() || 'Region';
  return (raw) => {
    const y = yearColumns(raw, isTotalWord);
    if (!y || y.text.length !== textNames.length || !y.text.every((i, k) => headerKey(raw[i] ?? '') === textNames[k])) return undefined;
    return { label, ours, theirs: y.years.map((i) => raw[i]!.trim()) };
  };
}

interface OtherYears {
  /** The header's name of the region column (`Region`), for the header to write. */
  label: string;
  /** The years of the header line and of the second one, as written. */
  ours: string[];
  theirs: string[];
}

/** The error for a second header line with other years: the rows under it are counts for those years. */
function otherYearsError(file: string, line: number, headerLine: number, { label, ours, theirs }: OtherYears): HtaError {
  const all = [...new Set([...ours, ...theirs])].sort();
  return new HtaError('input.invalid', `${file}: line ${line} is a second header line, for ${theirs.join(', ')} where line ${headerLine} is for ${ours.join(', ')} (files joined?)`, [
    {
      file, line, kind: 'header.other-years',
      expected: `one header line: the rows under line ${line} are counts for ${theirs.join(', ')}, and would be read as counts for ${ours.join(', ')} (also with --exclude-invalid) — write one new file with the years side by side (one header line, ${label};${all.join(';')}, and one row per region), or one row per region and year (Region;År;Antal) (${DOC})`,
    },
  ]);
}
