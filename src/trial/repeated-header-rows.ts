/**
 * Header lines repeated inside a trial export (two exports joined: io/repeated-header.ts), taken
 * out of its records before they are read: a repeated header is not a patient's row with a bad
 * value in every cell, and with --exclude-invalid it is no invalid row either
 * (docs/input-trial-export.md, "Several exports joined").
 */
import { HtaError, type Problem } from '../errors.js';
import { headerAgain } from '../io/repeated-header.js';
import type { CsvRecord, CsvTable } from '../io/read-csv.js';
import { foldColumnName } from './column-resolver.js';

export interface HeaderRepeats {
  /** The table without the repeated header lines (records read lazily, as the source's). */
  table: CsvTable;
  /** Lines that repeated the header, in file order (filled as the records are read). */
  lines: Set<number>;
}

/** The table with its repeated header lines left out; a header in another column order stops the read at once. */
export function withoutRepeatedHeaders(source: CsvTable): HeaderRepeats {
  const lines = new Set<number>();
  const { file, header } = source;
  const records = source.records;
  const filtered = {
    get length() {
      return records.length;
    },
    *[Symbol.iterator](): Iterator<CsvRecord> {
      for (const rec of records) {
        // Only a row with as many filled cells as the header has names can be the header again.
        const again = rec.raw.length >= header.length ? headerAgain(rec.raw, header, foldColumnName) : undefined;
        if (again === 'reordered') throw reorderedHeader(file, rec.line);
        if (again === 'same') {
          lines.add(rec.line);
          continue;
        }
        yield rec;
      }
    },
  };
  return { table: { ...source, records: filtered }, lines };
}

/** The problems of repeated header lines in a run that stops on problems. */
export function repeatedHeaderProblems(file: string, lines: ReadonlySet<number>): Problem[] {
  return [...lines].map((line) => ({
    file, line, kind: 'header.repeated',
    expected: `a patient's row: line ${line} repeats the header line (files joined?) — delete it (join several exports with the header line once), or --exclude-invalid leaves it out`,
  }));
}

/** The note for repeated header lines left out with --exclude-invalid. */
export function repeatedHeaderNote(file: string, lines: ReadonlySet<number>): string | undefined {
  if (lines.size === 0) return undefined;
  const list = [...lines];
  const which = list.length === 1 ? `line ${list[0]} repeats` : `lines ${list.join(', ')} repeat`;
  return `${file}: ${which} the header line (files joined?): left out, not counted as an invalid row — the rows under ${list.length === 1 ? 'it are' : 'them are'} read as the same columns (docs/input-trial-export.md "Several exports joined")`;
}

function reorderedHeader(file: string, line: number): HtaError {
  return new HtaError('input.invalid', `${file}: line ${line} is the header line again, with the columns in another order than line 1 (files joined?)`, [
    { file, line, kind: 'header.reordered', expected: `rows of one export under one header line: the rows under line ${line} are in another column order and would be read under the wrong columns (also with --exclude-invalid) — export the files with the same columns in the same order, then join them with the header line once (docs/input-trial-export.md "Several exports joined")` },
  ]);
}
