/**
 * Negative user-missing codes: the numbers systems write in a numeric field for "no value". Castor
 * EDC's numeric export of user-missing values (and its SPSS export) writes −95 measurement failed,
 * −96 not applicable, −97 not asked, −98 asked but unknown, −99 not done; SPSS, Stata and REDCap
 * projects use −7, −8, −9, −99, −999 alike. Read as numbers they were data: a BMI of −95 in Table 1
 * (SD 20 for 4.4) and in the ANCOVA, sex −96 a third level, and `validate` said "valid".
 *
 * Such a code is told from data by the column's other values (docs/plan-trial.md#negative-codes):
 * in a column whose every other value is 0 or more (a BMI, weeks, a sex coded 1/2, a 0–24 score)
 * no value can be negative, so −96 is a code. In a column that holds other negative values (a
 * change from baseline, −40 … +12) −96 may be a real change: it is left as data there, for the
 * column's range (an outcome's scale, a covariate's "covariateRanges") to judge. −1 is no such
 * code here: a category coded −1/0/1 (worse, same, better) is common.
 */

/** Castor EDC's numeric user-missing codes and what each says. */
export const CASTOR_CODES: ReadonlyMap<number, string> = new Map([
  [-95, 'measurement failed'],
  [-96, 'not applicable'],
  [-97, 'not asked'],
  [-98, 'asked but unknown'],
  [-99, 'not done'],
]);

/**
 * What each Castor code says, in Danish (`--lang da`: validate's refusal, plan init's check);
 * −96 in the glossary's words for "not applicable" (docs/glossary-da.md: "ikke aktuelt").
 */
const CASTOR_CODES_DA: ReadonlyMap<number, string> = new Map([
  [-95, 'måling mislykkedes'],
  [-96, 'ikke aktuelt'],
  [-97, 'ikke spurgt'],
  [-98, 'spurgt uden kendt svar'],
  [-99, 'ikke udført'],
]);

/** What Castor code `c` says in `lang`. */
export const castorCodeWords = (c: number, lang: 'en' | 'da' = 'en'): string | undefined => (lang === 'da' ? CASTOR_CODES_DA : CASTOR_CODES).get(c);

/** Every negative number taken for a user-missing code when nothing else in its column is negative. */
export const NEGATIVE_CODES: ReadonlySet<number> = new Set([-7, -8, -9, ...CASTOR_CODES.keys(), -999]);

/** Whether `v` is one of the negative user-missing codes (NEGATIVE_CODES). */
export function isNegativeCode(v: number): boolean {
  return NEGATIVE_CODES.has(v);
}

/** Whether `v` is one of Castor EDC's numeric user-missing codes (−95 … −99). */
export function isCastorCode(v: number): boolean {
  return CASTOR_CODES.has(v);
}

/** Castor's own codes (−95 … −98), said as Castor's; −99 is every system's "missing" and said as none's. */
export function isCastorOwnCode(v: number): boolean {
  return v !== -99 && CASTOR_CODES.has(v);
}

/**
 * The negative codes among a column's numbers: each value that is such a code, when no other
 * value of the column (no code itself) is negative. Empty when the column holds other negatives.
 */
export function negativeCodesAmong(values: Iterable<number>): number[] {
  const codes = new Set<number>();
  for (const v of values) {
    if (NEGATIVE_CODES.has(v)) codes.add(v);
    else if (v < 0) return [];
  }
  return [...codes].sort((a, b) => b - a);
}

/** `Castor EDC's code for "measurement failed" (its numeric user-missing codes: …)`, for a check or a problem; '' when none is Castor's own. */
export function castorCodesText(codes: readonly number[], lang: 'en' | 'da' = 'en'): string {
  const castor = codes.filter(isCastorOwnCode);
  if (!castor.length) return '';
  if (lang === 'da') {
    const said = castor.map((c) => `"${CASTOR_CODES_DA.get(c)}"`).join(' og ');
    return `Castor EDC's kode${castor.length > 1 ? 'r' : ''} for ${said} (dens numeriske koder for brugerdefinerede manglende værdier: ${[...CASTOR_CODES_DA].map(([c, w]) => `${c} ${w}`).join(', ')})`;
  }
  const said = castor.map((c) => `"${CASTOR_CODES.get(c)}"`).join(' and ');
  return `Castor EDC's code${castor.length > 1 ? 's' : ''} for ${said} (its numeric user-missing codes: ${[...CASTOR_CODES].map(([c, w]) => `${c} ${w}`).join(', ')})`;
}

/**
 * plan init's one check for Castor's codes it drafted as missing: each column with its codes and
 * what they say, and the codebook to check them against.
 */
export function castorCodesCheck(drafted: readonly { where: string; codes: readonly number[] }[], lang: 'en' | 'da' = 'en'): string {
  if (lang === 'da') {
    // `where` in Danish already (`kolonnen "bmi"`): plan/draft-notes-da.ts rewords the draft's check with it.
    const list = drafted.map((d) => `${d.where} ${d.codes.map((c) => `${c} (${CASTOR_CODES_DA.get(c)})`).join(', ')}`).join('; ');
    return `Castor EDC's numeriske koder for brugerdefinerede manglende værdier er i udkastet som koder for manglende værdier, ikke som værdier: ${list} — Castor skriver ${[...CASTOR_CODES_DA].map(([c, w]) => `${c} for ${w}`).join(', ')}, og ingen anden værdi i disse kolonner er negativ (i en kolonne med andre negative værdier, fx en ændring, læses de som data). Tjek dem mod eksportens kodebog`;
  }
  const list = drafted.map((d) => `${d.where} ${d.codes.map((c) => `${c} (${CASTOR_CODES.get(c)})`).join(', ')}`).join('; ');
  return `Castor EDC's numeric user-missing codes drafted as missing-value codes, not values: ${list} — Castor writes ${[...CASTOR_CODES].map(([c, w]) => `${c} for ${w}`).join(', ')}, and no other value of these columns is negative (in a column that holds other negative values, such as a change, they are read as data). Check them against the export's codebook`;
}
