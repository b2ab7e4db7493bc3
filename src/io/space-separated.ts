/**
 * A file whose cells are separated by spaces: R's `write.table()` with its default `sep = " "`
 * (`"id" "arm"` / `"1" 1001 "App"`). hta reads comma, semicolon, tab and `|` separators only (a space
 * is also inside names and values), so such a file is refused with the R call that writes one it
 * reads, instead of failing on a quote with "the separator or a line end after a closing quote".
 * docs/input-trial-export.md#dialects.
 */
import { HtaError } from '../errors.js';

/** Two or more quoted names separated by spaces, nothing else: R's `write.table()` header. */
const QUOTED_BY_SPACES = /^\s*"[^"]*"(?: +"[^"]*")+\s*$/;
/** Words separated by single spaces (R's `write.table(quote = FALSE)`). */
const WORDS_BY_SPACES = /^\s*\S+(?: \S+){2,}\s*$/;

/**
 * The refusal of a file whose header (`first`, no comma, semicolon, tab or `|` outside quotes) and
 * second line (`second`) are space-separated; undefined otherwise. An unquoted header of words
 * counts only when the next line has as many space-separated cells (a one-column file's name
 * may hold spaces).
 */
export function spaceSeparatedError(file: string, first: string, second: string | undefined): HtaError | undefined {
  if (/[,;\t|]/.test(first.replace(/"[^"]*"/g, ''))) return undefined;
  const words = (line: string) => line.trim().split(/ +/).length;
  const spaced = QUOTED_BY_SPACES.test(first) || (WORDS_BY_SPACES.test(first) && second !== undefined && !/[,;\t|]/.test(second) && words(second) === words(first));
  if (!spaced) return undefined;
  return new HtaError('input.invalid', `${file} is separated by spaces (R's write.table() writes so by default), which hta does not read`, [
    {
      file,
      line: 1,
      expected:
        'cells separated by a comma, a semicolon, a tab or "|": in R write the file with write.csv(df, "export.csv", row.names = FALSE), or write.csv2(…) for a decimal comma (Danish Excel), or write.table(df, "export.csv", sep = ";", row.names = FALSE)',
      kind: 'csv.space-separated',
    },
  ]);
}
