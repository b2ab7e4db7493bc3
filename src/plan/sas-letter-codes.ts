/**
 * `hta plan init`: a lone capital letter among a column's numbers (`A` in RMDQ) is how SAS PROC
 * EXPORT writes a special missing value (`.A`) — without its dot. It is drafted as a missing-value
 * code where it stands: the outcome's own `"missingCodes"`, or a covariate's `"columnCodes"`,
 * never the plan-wide `"missingCodes"`. Plan-wide, `A` also read every patient of site `A` as
 * missing, and `M` (SAS's `.M`) every man of a `SEX` column M/F: they left the ANCOVA without a
 * word (docs/plan-trial.md#plan-init-sas-letters and #letter-codes; the uptake side keeps such a letter out of
 * its text columns for the same reason, docs/input-registry.md "Empty cells").
 */
import { isSasBareLetter } from '../trial/special-missing.js';

export { isSasBareLetter };

/** Where a letter was met: an outcome's columns (its own code), or a covariate's column (`columnCodes`). */
type Place = { outcome: { key: string; missingCodes?: (number | string)[] }; columns: readonly string[] } | { column: string; columns: readonly string[] };

export class SasLetterCodes {
  readonly #places: { letter: string; place: Place }[] = [];

  add(letter: string, place: Place): void {
    this.#places.push({ letter, place });
  }

  /**
   * Writes each letter into its outcome's `missingCodes` and returns the covariates' `columnCodes`
   * and a line per place for the listing; `cellsOf` gives a plan column's cells (all visits), for the count.
   * `kept` says whether an outcome is in the draft (one left out needs no code).
   */
  draft(cellsOf: (column: string) => readonly string[], kept: (outcome: object) => boolean): { columnCodes?: Record<string, { missing: string[] }>; guesses: string[] } {
    const columnCodes: Record<string, { missing: string[] }> = {};
    const byPlace = new Map<string, { where: string; letters: Set<string>; columns: readonly string[] }>();
    for (const { letter, place } of this.#places) {
      let where: string;
      if ('outcome' in place) {
        if (!kept(place.outcome)) continue;
        const codes = new Set(place.outcome.missingCodes ?? []).add(letter);
        place.outcome.missingCodes = [...codes].sort();
        where = `outcome "${place.outcome.key}"'s own "missingCodes"`;
      } else {
        const codes = new Set(columnCodes[place.column]?.missing ?? []).add(letter);
        columnCodes[place.column] = { missing: [...codes].sort() };
        where = `"columnCodes": { ${JSON.stringify(place.column)}: { "missing": [${columnCodes[place.column]!.missing.map((c) => JSON.stringify(c)).join(', ')}] } }`;
      }
      const key = 'outcome' in place ? `o:${place.outcome.key}` : `c:${place.column}`;
      const entry = byPlace.get(key) ?? { where, letters: new Set<string>(), columns: place.columns };
      entry.where = where;
      entry.letters.add(letter);
      byPlace.set(key, entry);
    }
    const guesses = [...byPlace.values()].map(({ where, letters, columns }) => {
      const sorted = [...letters].sort();
      const cells = columns.flatMap((c) => cellsOf(c)).filter((v) => letters.has(v)).length;
      const cols = columns.length === 1 ? `column "${columns[0]}"` : `columns ${columns[0]}…${columns[columns.length - 1]}`;
      const dotted = sorted.map((l) => `.${l}`).join(', ');
      return `SAS special missing value${sorted.length > 1 ? 's' : ''} ${dotted} written without ${sorted.length > 1 ? 'their dots' : 'its dot'} (${sorted.map((l) => JSON.stringify(l)).join(', ')}, ${cells} cell${cells === 1 ? '' : 's'} of ${cols}, as PROC EXPORT writes ${sorted.length > 1 ? 'them' : 'it'}): drafted as ${where}, not plan-wide — a lone letter is a value in other columns (site "A", sex "M")`;
    });
    return { ...(Object.keys(columnCodes).length ? { columnCodes } : {}), guesses };
  }
}
