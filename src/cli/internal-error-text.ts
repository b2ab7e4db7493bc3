/**
 * The text of an internal error (a bug in hta) on stderr. An error of the SQL engine (DuckDB) may
 * quote a cell it failed on — `value "Pt. Søren Ærø Hansen, tlf 20456789" is not valid UTF8!`,
 * `Could not convert string '…' to INT32` — from any column of the user's file, and the CPR mask
 * alone lets a name or phone number through. Its quoted texts are written `"…"`: what failed is
 * still said, the cell never (docs/output-safety.md "Quoted cells"). Errors of hta's own code quote
 * no cell and are printed as they are.
 */

/** How DuckDB begins an error's message: its class of error (`Invalid Input Error: `, `Conversion Error: `). */
const ENGINE_ERROR = /^[A-Z][A-Za-z ]* Error: /;

/** A text in double or single quotes on one line. */
const QUOTED = /"[^"\n]*"|'[^'\n]*'/g;

/** `err`'s stack (or text) as printed after "internal error: ", an engine error's quoted texts left out. */
export function internalErrorText(err: unknown): string {
  const text = (err instanceof Error ? err.stack : undefined) ?? String(err);
  const message = err instanceof Error ? err.message : '';
  return ENGINE_ERROR.test(message) ? text.replace(QUOTED, (q) => `${q[0]}…${q[0]}`) : text;
}
