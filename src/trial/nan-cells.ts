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

/**
 * The hint of a refused `NaN` cell: its cause, and the two remedies. The reader gives the English
 * hint on every run; a Danish run's error printer words the whole line in Danish, `expected` and
 * this hint (`da`) together, or leaves it English whole (report/problem-text.ts; docs/cli.md
 * "Danish output"): never half of each.
 */
export function nanHint(text: string, lang: 'en' | 'da' = 'en'): string {
  const cell = text.trim();
  if (lang === 'da') {
    return (
      `"${cell}" er ikke et tal, men det, R skriver for en værdi beregnet af ingen værdier — et gennemsnit eller rowMeans(…, na.rm = TRUE) over spørgsmål, der alle mangler, eller 0/0 — så cellen mangler: ` +
      `skriv NA i den (i R: x[is.nan(x)] <- NA før write.csv), eller føj "${cell}" til planens "missingCodes" for at læse den som manglende`
    );
  }
  return (
    `"${cell}" is not a number but what R writes for a value computed from no values — a mean or rowMeans(…, na.rm = TRUE) over items that are all missing, or 0/0 — so the cell is missing: ` +
    `write NA for it (in R, x[is.nan(x)] <- NA before write.csv), or add "${cell}" to the plan's "missingCodes" to read it as missing`
  );
}
