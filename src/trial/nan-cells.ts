/**
 * R's `NaN` in a trial export's value cell. R writes it where a value was computed from no
 * values: `mean(x, na.rm = TRUE)` or `rowMeans(items, na.rm = TRUE)` over items that are all
 * missing, or `0/0`. In R `is.na(NaN)` is TRUE, but hta does not guess that a text in a number
 * column is a missing value: the cell is refused, and the message says why it is there and what
 * to do (docs/input-trial-export.md, "Missing values").
 */

/** `NaN` as R writes it (`nan`, `-NaN`, as other programs do, too). */
const NAN = /^[+-]?nan$/i;

export function isNanCell(text: string): boolean {
  return NAN.test(text.trim());
}

/** The hint of a refused `NaN` cell: its cause, and the two remedies. */
export function nanHint(text: string): string {
  return (
    `"${text.trim()}" is not a number but what R writes for a value computed from no values — a mean or rowMeans(…, na.rm = TRUE) over items that are all missing, or 0/0 — so the cell is missing: ` +
    `write NA for it (in R, x[is.nan(x)] <- NA before write.csv), or add "${text.trim()}" to the plan's "missingCodes" to read it as missing`
  );
}
