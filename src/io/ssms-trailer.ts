/**
 * The two lines SQL Server Management Studio's "Results to file" writes after the rows:
 * `(2110 rows affected)` and `Completion time: 2025-12-01T08:14:02.1234567+01:00` (each after a
 * blank line). At the end of a table they are no row: the CSV reader leaves them out and the
 * trial reader says so in a note; anywhere else they are a row with too few fields, as before
 * (docs/input-trial-export.md "SQL Server Management Studio"; the registry reader reads them as
 * footnote rows: docs/input-registry.md).
 */
import { lineList } from '../problem-groups.js';

const TRAILER = [/^\(\d+ rows? affected\)$/i, /^Completion time: \S/];

/** Whether a one-field record's text is one of SSMS's closing lines. */
export function isSsmsTrailer(text: string): boolean {
  const t = text.trim();
  return TRAILER.some((re) => re.test(t));
}

/** The note for the closing lines left out (stderr); undefined when there were none. */
export function ssmsTrailerNote(file: string, lines: readonly number[], lang: 'en' | 'da' = 'en'): string | undefined {
  if (lines.length === 0) return undefined;
  if (lang === 'da') return `${file}: ${lineList(lines, 'da')} afslutter SQL Server Management Studios output ("(N rows affected)", "Completion time: …"): udeladt, ingen række`;
  return `${file}: ${lineList(lines)} ${lines.length === 1 ? 'closes' : 'close'} SQL Server Management Studio's output ("(N rows affected)", "Completion time: …"): left out, no row`;
}
