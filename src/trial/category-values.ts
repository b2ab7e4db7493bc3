/**
 * Category values as one text, however they were typed or saved (docs/input-trial-export.md
 * "Numbers or categories"): `Århus` saved by macOS (NFD: `A` + combining ring) is the `Århus`
 * of Windows (NFC) — the same text, so compared after NFC normalisation, silently; `Mand` and
 * `mand` are one category too, shown in the spelling most patients wrote (ties: the first met),
 * and the reader says so (`spellingsNote`). A column where case tells categories apart keeps
 * them apart through the plan's answer codes, which compare case (docs/input-trial-export.md). Used for covariates, subgroup and population columns and Table 1; arm and
 * visit values and text codes are compared after NFC only (case still counts there).
 */
import { nfc } from '../io/nfc.js';

export { nfc };

/** What category values are compared by: NFC, in lower case (`Århus`, NFD `Århus` and `ÅRHUS` are one key). */
export function categoryKey(text: string): string {
  return nfc(text).toLowerCase();
}

/** Whether a plan's value names a patient's value: numbers by value, text by `categoryKey` (`"mand"` names `Mand`). */
export function sameCategory(a: string | number, b: string | number): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return categoryKey(String(a)) === categoryKey(String(b));
}

/** The entry of a plan record keyed by category (`levelLabels`) for `level`: its own key first, else one naming it in another case or form. */
export function byCategory<T>(record: Readonly<Record<string, T>> | undefined, level: string): T | undefined {
  if (record === undefined) return undefined;
  if (Object.hasOwn(record, level)) return record[level];
  const key = Object.keys(record).find((k) => sameCategory(k, level));
  return key === undefined ? undefined : record[key];
}

/** A category spelled more than one way in a column: the spelling shown and how many patients wrote each other one. */
export interface MergedSpelling {
  shown: string;
  /** Every spelling but the one shown, in the order met, with its count of patients. */
  others: { spelling: string; count: number }[];
}

/**
 * The spellings of one column's text values: every value is added first (`add`), then each is
 * shown (`shown`) in the spelling of its key most values have — ties: the first met ("Kvinde"
 * × 19 over a first "kvinde"). `count` counts the patients (never ids) per spelling, for the note.
 */
export class CategorySpellings {
  /** Per key, its NFC spellings in the order met, with their counts. */
  readonly #counts = new Map<string, Map<string, number>>();
  #shown: Map<string, string> | undefined;

  /** Counts `text` once. */
  add(text: string): void {
    const spelling = nfc(text);
    const key = spelling.toLowerCase();
    let counts = this.#counts.get(key);
    if (counts === undefined) this.#counts.set(key, (counts = new Map()));
    counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
    this.#shown = undefined;
  }

  /** The spelling `text` (one of the values added) is shown in: its key's most frequent spelling, the first met of a tie. */
  shown(text: string): string {
    if (this.#shown === undefined) {
      this.#shown = new Map();
      for (const [key, counts] of this.#counts) {
        let best = '';
        let most = 0;
        for (const [spelling, n] of counts) if (n > most) [best, most] = [spelling, n];
        this.#shown.set(key, best);
      }
    }
    const spelling = nfc(text);
    return this.#shown.get(spelling.toLowerCase()) ?? spelling;
  }

  /** The categories written in more than one case, in the order met. */
  merged(): MergedSpelling[] {
    const out: MergedSpelling[] = [];
    for (const counts of this.#counts.values()) {
      if (counts.size < 2) continue;
      const shown = this.shown(counts.keys().next().value!);
      out.push({ shown, others: [...counts].filter(([s]) => s !== shown).map(([spelling, count]) => ({ spelling, count })) });
    }
    return out;
  }
}

/**
 * The note for a column whose values were written in more than one case: counts of patients,
 * never who. `note: export.csv: column "Køn": values that differ only in case are one category,
 * shown as most often written: "Mand" (also "mand": 2 patients), "Kvinde" (also "kvinde": 4 patients)`.
 * With `threshold` (an observational plan's suppressionThreshold) a smaller count reads "fewer than 5 patients".
 */
export function spellingsNote(file: string, column: string, merged: readonly MergedSpelling[], threshold?: number, lang: 'en' | 'da' = 'en'): string {
  if (lang === 'da') {
    const patienter = (k: number) => (threshold !== undefined && k < threshold ? `færre end ${threshold} patienter` : `${k} ${k === 1 ? 'patient' : 'patienter'}`);
    const vist = merged.slice(0, 4).map((m) => `${JSON.stringify(m.shown)} (også ${m.others.map((o) => `${JSON.stringify(o.spelling)}: ${patienter(o.count)}`).join(', ')})`);
    const flere = merged.length > 4 ? ` og ${merged.length - 4} mere` : '';
    return `${file}: kolonnen "${column}": værdier, der kun adskiller sig ved store og små bogstaver, er én kategori, vist som oftest skrevet: ${vist.join(', ')}${flere}`;
  }
  // A registry's (observational) counts of 1 … threshold − 1 are never printed (docs/observational.md "Small counts").
  const patients = (k: number) => (threshold !== undefined && k < threshold ? `fewer than ${threshold} patients` : `${k} patient${k === 1 ? '' : 's'}`);
  const shown = merged.slice(0, 4).map((m) => `${JSON.stringify(m.shown)} (also ${m.others.map((o) => `${JSON.stringify(o.spelling)}: ${patients(o.count)}`).join(', ')})`);
  const more = merged.length > 4 ? `, and ${merged.length - 4} more` : '';
  return `${file}: column "${column}": values that differ only in case are one category, shown as most often written: ${shown.join(', ')}${more}`;
}
