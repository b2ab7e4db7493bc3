/**
 * The note that says a CSV file was not UTF-8 and how it was read (docs/input-trial-export.md,
 * "Encodings"): every command that reads such a file prints it, so a user sees which letters were
 * decoded and can check them.
 */
import type { Dialect } from './dialect.js';

/** At most this many of the file's non-ASCII characters are listed. */
const SHOWN = 12;

/** The note for a file read as Windows-1252 or UTF-16; undefined for UTF-8 (nothing to say). */
export function encodingNote(file: string, dialect: Dialect): string | undefined {
  const w = dialect.windows1252;
  if (w) {
    const chars = [...w.characters];
    const letters = chars.length ? ` (its characters ${chars.slice(0, SHOWN).join(' ')}${chars.length > SHOWN ? ' …' : ''})` : '';
    return `${file} is not UTF-8: read as Windows-1252, as Excel's plain "CSV" (Danish: "CSV (semikolonsepareret)") writes it${letters}; save it as "CSV UTF-8" to make the encoding certain`;
  }
  return undefined;
}
