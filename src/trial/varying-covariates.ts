/**
 * A covariate is one value per patient, read from the baseline row (else the first row with a
 * value). A long export may write it on every visit row, and some write it differently there — age
 * recomputed at each visit, a sex corrected on a later form. The analysis uses the baseline row's
 * value either way; this counts the patients whose rows disagree, per column, so the run can say
 * so instead of choosing silently (docs/input-trial-export.md "One value per patient").
 */
import { parseNumber } from '../io/parse-number.js';

type Value = string | number;

/** Two cells of one column are the same value: as numbers when both read as numbers (54 and 54,0), else as text, case and outer spaces aside (category-values.ts merges case). */
function sameValue(a: Value, b: Value, decimalComma: boolean): boolean {
  // The common case (one value repeated on every visit row) needs no parsing.
  if (a === b) return true;
  const x = typeof a === 'number' ? a : parseNumber(a, decimalComma);
  const y = typeof b === 'number' ? b : parseNumber(b, decimalComma);
  if (x !== undefined && y !== undefined) return x === y;
  return String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
}

/** Per column, the patients (by index) whose rows hold different values. */
export class VaryingCovariates {
  private readonly patients: Set<number>[];

  constructor(columns: number, private readonly decimalComma: boolean) {
    this.patients = Array.from({ length: columns }, () => new Set<number>());
  }

  /** Patient `p`'s value of column `i` so far (null: none yet) against one more row's `value`. */
  see(i: number, p: number, before: Value | null, value: Value): void {
    if (before !== null && !sameValue(before, value, this.decimalComma)) this.patients[i]!.add(p);
  }

  /**
   * One note per column (named once, in `columns` order) whose rows disagree for some patient:
   * how many patients, and which value is read. Counts, never ids. With `threshold` (an
   * observational plan's suppressionThreshold) a smaller count reads "fewer than 5 patients", as
   * the arm and category spelling notes do (docs/observational.md "Small counts").
   */
  notes(file: string, columns: readonly string[], threshold?: number, lang: 'en' | 'da' = 'en'): string[] {
    const seen = new Set<string>();
    return columns.flatMap((column, i) => {
      const n = this.patients[i]!.size;
      if (n === 0 || seen.has(column)) return [];
      seen.add(column);
      if (lang === 'da') {
        // Danish under --lang da (docs/cli.md "Danish output"); below an observational plan's threshold the count is not said.
        const many = threshold !== undefined && n < threshold ? `færre end ${threshold} patienter` : `${n} ${n === 1 ? 'patient' : 'patienter'}`;
        return [`${file}: kolonnen "${column}" har forskellige værdier i rækkerne for én og samme patient hos ${many}: værdien for hver patient læses fra baselinerækken (ellers den første række med en værdi) — tjek eksporten, hvis der skal være én værdi pr. patient`];
      }
      const patients = threshold !== undefined && n < threshold ? `fewer than ${threshold} patients` : `${n} patient${n === 1 ? '' : 's'}`;
      return [`${file}: column "${column}" holds different values on one patient's rows for ${patients}: each patient's value is read from the baseline row (else the first row with a value) — check the export if it should be one value per patient`];
    });
  }
}
