/**
 * Header lines repeated inside a trial export (two exports joined: io/repeated-header.ts), taken
 * out of its records before they are read: a repeated header is not a patient's row with a bad
 * value in every cell, and with --exclude-invalid it is no invalid row either
 * (docs/input-trial-export.md, "Several exports joined"). So is SQL Server Management Studio's
 * line of dashes under the header, told as the registry reader tells it (io/header-underline.ts;
 * docs/input-trial-export.md, "SQL Server Management Studio").
 */
import type { Problem } from '../errors.js';
import { headerRepeatTest, type HeaderRepeatWords, reorderedHeaderError, repeatedHeaderNote as repeatedNote, repeatedHeaderProblem } from '../io/repeated-header.js';
import type { CsvRecord, CsvTable } from '../io/read-csv.js';
import { headerUnderlineNote, headerUnderlineProblem, isHeaderUnderline } from '../io/header-underline.js';
import { foldColumnName } from './column-resolver.js';

export interface HeaderRepeats {
  /** The table without the repeated header lines (records read lazily, as the source's). */
  table: CsvTable;
  /** Lines that repeated the header, in file order (filled as the records are read). */
  lines: Set<number>;
  /** Lines of dashes under the header (SSMS), in file order (filled as the records are read). */
  underlines: Set<number>;
}

/** The table with its repeated header lines and header underlines left out; a header in another column order stops the read at once. */
export function withoutRepeatedHeaders(source: CsvTable): HeaderRepeats {
  const lines = new Set<number>();
  const underlines = new Set<number>();
  const { file, header } = source;
  const records = source.records;
  const isHeaderAgain = headerRepeatTest(header, foldColumnName);
  // What each record is, by its place, once known: the loader reads the records in several passes
  // (columns, layout, ids, clusters), and `raw` splits a record on each access; a later pass
  // skips the test of a record an earlier one decided (the same records, in the same order).
  const kept: boolean[] = [];
  const filtered = {
    get length() {
      return records.length;
    },
    *[Symbol.iterator](): Iterator<CsvRecord> {
      let i = 0;
      for (const rec of records) {
        const known = kept[i++];
        if (known !== undefined) {
          if (known) yield rec;
          continue;
        }
        const raw = rec.raw;
        // Only a row with as many filled cells as the header has names can be the header again.
        const again = raw.length >= header.length ? isHeaderAgain(raw) : undefined;
        if (again === 'reordered') throw reorderedHeaderError(file, rec.line, 1, WORDS);
        if (again === 'same') {
          lines.add(rec.line);
          kept[i - 1] = false;
          continue;
        }
        if (isHeaderUnderline(raw, header.length)) {
          underlines.add(rec.line);
          kept[i - 1] = false;
          continue;
        }
        kept[i - 1] = true;
        yield rec;
      }
    },
  };
  return { table: { ...source, records: filtered }, lines, underlines };
}

const WORDS: HeaderRepeatWords = {
  row: "a patient's row",
  join: 'join several exports with the header line once',
  invalid: 'an invalid row',
  invalidDa: { one: 'en ugyldig række', several: 'ugyldige rækker' },
  doc: 'docs/input-trial-export.md "Several exports joined"',
};

/** The problems of repeated header lines and header underlines in a run that stops on problems. */
export function repeatedHeaderProblems(file: string, { lines, underlines }: Pick<HeaderRepeats, 'lines' | 'underlines'>): Problem[] {
  return [...[...lines].map((line) => repeatedHeaderProblem(file, line, WORDS)), ...[...underlines].map((line) => headerUnderlineProblem(file, line, WORDS.row))];
}

/** The notes for repeated header lines and header underlines left out with --exclude-invalid. */
export function repeatedHeaderNotes(file: string, { lines, underlines }: Pick<HeaderRepeats, 'lines' | 'underlines'>, lang: 'en' | 'da' = 'en'): string[] {
  return [repeatedNote(file, lines, WORDS, lang), headerUnderlineNote(file, [...underlines], WORDS, lang)].filter((n): n is string => n !== undefined);
}
