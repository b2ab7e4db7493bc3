/**
 * A program's word for "no value" in a trial export's value cell, never data:
 *
 * - R's `NaN`. R writes it where a value was computed from no values: `mean(x, na.rm = TRUE)` or
 *   `rowMeans(items, na.rm = TRUE)` over items that are all missing, or `0/0`. In R `is.na(NaN)`
 *   is TRUE.
 * - pandas' `None`, `nan`, `<NA>` and `NaT`: how Python writes a missing value (None, a float NaN,
 *   a nullable column's pd.NA, a missing date or time's pd.NaT) once a column is turned into text
 *   (`astype(str)`, `.apply(str)`); `to_csv` itself writes an empty cell. In a text column `None` would otherwise be a category of
 *   its own ("None 2 (2.0%)" in Table 1, its patients adjusted for as a third country).
 *
 * hta does not guess that such a text is a missing value (a category "None" may be an answer:
 * no medication): the cell is refused, and the message says why it is there and what to do
 * (docs/input-trial-export.md, "Missing values"). The plan's "missingCodes" reads it as missing.
 */

/** `NaN` as R writes it (`nan`, `-NaN`, as other programs do, too). */
const NAN = /^[+-]?nan$/i;
/** pandas' text of a missing value after astype(str), exactly as Python writes it (case counts: `none` is a word). */
const PANDAS = /^(?:None|nan|<NA>|NaT)$/;


/** A cell holding a program's word for "no value": R's NaN (any case) or pandas' None, nan, <NA>, NaT. */
export function isNoValueCell(text: string): boolean {
  const t = text.trim();
  return NAN.test(t) || PANDAS.test(t);
}

/** What wrote the cell: pandas for its own spellings, R for `NaN` and the rest. */
const PANDAS_CAUSE: Record<string, { en: string; da: string }> = {
  None: { en: "Python's None", da: 'Pythons None' },
  nan: { en: 'a float NaN', da: 'et float-NaN' },
  '<NA>': { en: "a nullable column's pd.NA", da: 'en nullable kolonnes pd.NA' },
  NaT: { en: "a missing date's pd.NaT", da: 'en manglende datos pd.NaT' },
};

/**
 * pandas' own text of a missing value (`None`, `nan`, `<NA>`, `NaT`, exactly so written): what it
 * stands for, in English and Danish; undefined for any other text. The registry reader names it
 * so too (uptake/missing-cells.ts `missingCodeHint`).
 */
export function pandasMissingCause(cell: string): { en: string; da: string } | undefined {
  return Object.hasOwn(PANDAS_CAUSE, cell) ? PANDAS_CAUSE[cell]! : undefined;
}

/**
 * The hint of a refused no-value cell: its cause, and the remedies. The reader gives the English
 * hint on every run; a Danish run's error printer words the whole line in Danish, `expected` and
 * this hint (`da`) together, or leaves it English whole (report/problem-text.ts; docs/cli.md
 * "Danish output"): never half of each.
 */
export function nanHint(text: string, lang: 'en' | 'da' = 'en'): string {
  const cell = text.trim();
  const pandas = pandasMissingCause(cell);
  if (pandas) {
    // A real category "None" (no medication) is written another way; only None can be one.
    const word = cell === 'None';
    if (lang === 'da') {
      return (
        `"${cell}" er ikke en værdi, men det, pandas skriver for en manglende værdi (${pandas.da}) i en kolonne gjort til tekst med astype(str) eller apply(str), så cellen mangler: ` +
        `udelad astype(str) (to_csv skriver en manglende værdi som en tom celle) eller skriv df = df.replace({"${cell}": ""}) før to_csv, eller føj "${cell}" til planens "missingCodes" for at læse den som manglende` +
        (word ? `; er "None" et svar (ingen medicin), så skriv det på en anden måde, fx "Ingen"` : '')
      );
    }
    return (
      `"${cell}" is not a value but what pandas writes for a missing value (${pandas.en}) in a column turned into text by astype(str) or apply(str), so the cell is missing: ` +
      `leave out the astype(str) (to_csv writes a missing value as an empty cell) or write df = df.replace({"${cell}": ""}) before to_csv, or add "${cell}" to the plan's "missingCodes" to read it as missing` +
      (word ? `; if "None" is an answer (no medication), write it another way, e.g. "none"` : '')
    );
  }
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
