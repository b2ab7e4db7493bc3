/**
 * Cells that mean "no value" in registry and eligible files (docs/input-registry.md "Empty
 * cells"). Database and statistics tools write a word in every empty cell — `NULL` (SQL Server),
 * `(null)` (Oracle SQL Developer), `NA` (R), `.` (SAS, a missing number or date) — and a registry
 * whose empty activation cells read as bad dates loses exactly its referrals without an
 * activation under --exclude-invalid: the activation rate becomes 100%. These texts are read as
 * an empty cell in every column, in any case (`NULL`, `null`, `Na`; after trimming); the uptake
 * plan's `missingCodes` adds a file's own (`-`), compared exactly as written — except that a code
 * that is a number (`99`, meant for sex) is a value in the id and in a column of numbers (age, the
 * eligible file's year and count), but in age one no age can be (`999`) is "unknown". One definition for the registry, the eligible file and the aggregate
 * tables (docs/input-registry.md "Empty cells"). SAS and Stata special missing values (`.A`–`.Z`,
 * `._`, `.a`–`.z`) are empty in every column too, as the trial reader reads them
 * (trial/special-missing.ts): with `--exclude-invalid` a registry whose non-activated referrals
 * carried `.A` lost exactly those rows and published 100% activation.
 */
import { isExcelError, isFailedFormula } from '../io/spreadsheet-cells.js';
import { MISSING_WORDS } from '../io/missing-words.js';
import { isSpecialMissing } from '../trial/special-missing.js';
import { pandasMissingCause } from '../trial/nan-cells.js';

/** Read as an empty cell by default, in every column: the texts every export reader takes so (io/missing-words.ts). */
export const DEFAULT_MISSING_CODES: readonly string[] = MISSING_WORDS;

/** The codes a read treats as empty: the defaults and the plan's own (as text, trimmed). */
export function missingCodesOf(planCodes: readonly (string | number)[] = []): string[] {
  return [...new Set([...DEFAULT_MISSING_CODES, ...planCodes.map((c) => String(c).trim()).filter((c) => c !== '')])];
}

/** The defaults as compared: upper case. */
const DEFAULT_KEYS: ReadonlySet<string> = new Set(DEFAULT_MISSING_CODES.map((c) => c.toUpperCase()));

/**
 * Whether a trimmed cell is empty: '', one of the defaults in any case, a SAS/Stata special
 * missing value (`.A`, `.a`) or one of `codes` (from `missingCodesOf`, or `numberColumnCodes` for
 * a column of numbers) as written.
 */
export function isEmptyCell(trimmed: string, codes: readonly string[] = DEFAULT_MISSING_CODES): boolean {
  return trimmed === '' || DEFAULT_KEYS.has(trimmed.toUpperCase()) || isSpecialMissing(trimmed) || codes.includes(trimmed);
}

/**
 * The special missing values as SQL reads them (the engine's id check, engine/registry-engine.ts):
 * `.A`–`.Z`, `._`, `.a`–`.z` and Castor's marker, the texts `isSpecialMissing` takes.
 */
export const SPECIAL_MISSING_SQL_PATTERN = String.raw`\.[A-Za-z_]|##USER_MISSING(_-?[0-9]+)?##`;

/**
 * The codes read as empty in a column of numbers (age; the eligible file's year and count): the
 * plan's codes that are numbers are left out — `"missingCodes": ["99"]` meant for sex must not
 * make every age 99 unknown, nor refuse an eligible count of 99 as empty.
 */
export function numberColumnCodes(codes: readonly string[]): string[] {
  return codes.filter((c) => !/^[+-]?\d+(?:[.,]\d+)?$/.test(c));
}

/**
 * The codes read as empty in a column of text (id, region, clinic, sex, referrer): the plan's
 * one-letter codes are left out. A lone letter is how SAS PROC EXPORT writes a special missing
 * value (`.M` as `M`), declared for the activation column — but `M` and `K` are also the Danish
 * sex codes, and `"missingCodes": ["M"]` must not make every man's sex unknown
 * (docs/plan-uptake.md "missingCodes"). Such a code is empty only in the date and age columns
 * (`BARE_LETTER_COLUMNS`).
 */
export function textColumnCodes(codes: readonly string[]): string[] {
  return codes.filter((c) => !/^\p{L}$/u.test(c));
}

/**
 * The codes read as empty in the age column: no number that can be an age (`"99"`, meant for sex,
 * is an age of 99), but a number no age is — SPSS's user-missing `999` or `-9` for "unknown age"
 * (docs/input-registry.md "Empty cells"). Declared, such a code makes the age unknown instead of
 * refusing (or, with --exclude-invalid, dropping) the whole referral.
 */
export function ageColumnCodes(codes: readonly string[]): string[] {
  return codes.filter((c) => !NUMBER_CODE.test(c) || !possibleAge(Number(c.replace(',', '.'))));
}

/**
 * The codes read as empty in the id column: none that is a number or a lone letter. An id is often
 * a number (patient no. 999) or a code, and a code meant for the age or sex column made it empty,
 * refusing the patient's referral as having no id.
 */
export function idColumnCodes(codes: readonly string[]): string[] {
  return numberColumnCodes(textColumnCodes(codes));
}

/** The codes read as empty in registry column `col`: all in a date column, in age no number an age can be, in the id no number, no lone letter in a text column. */
export function registryColumnCodes(col: string, codes: readonly string[]): string[] {
  return col === 'age' ? ageColumnCodes(codes) : col === 'id' ? idColumnCodes(codes) : BARE_LETTER_COLUMNS.has(col) ? [...codes] : textColumnCodes(codes);
}

const NUMBER_CODE = /^[+-]?\d+(?:[.,]\d+)?$/;
const possibleAge = (n: number): boolean => n >= 0 && n <= 120;

/**
 * An age cell that can be no age and is shaped as a user-missing code: SPSS's, Stata's and the
 * registries' 999, 9999, 998, 997 ("unknown", "refused") or a negative whole number (-1, -9, -99).
 * Refused as a code to declare, as `-` is in the columns a referral may leave empty
 * (`looksLikeColumnCode`): its rows are the referrals of unknown age.
 */
export function looksLikeAgeCode(trimmed: string): boolean {
  const m = /^(-?\d+)(?:[.,]0{1,2})?$/.exec(trimmed);
  if (!m) return false;
  const n = Number(m[1]);
  return n < 0 || (n > 120 && /^9+[789]$/.test(String(n)));
}

/** Whether a refused cell of registry column `col` looks like a code for "no value" (`looksLikeMissingCode`, and in age an impossible age such as 999). */
export function looksLikeColumnCode(col: string, trimmed: string): boolean {
  return looksLikeMissingCode(trimmed, BARE_LETTER_COLUMNS.has(col)) || (col === 'age' && looksLikeAgeCode(trimmed));
}

// Texts exports write for "no value" that are not read so by default: a dash, a question mark,
// a spelled-out word; pandas' None, nan, <NA> and NaT (a missing date after astype(str): in
// last_active it stood on every referral without an activation, and --exclude-invalid published
// 100% activation). Refused as what they are, with how to declare them (`missingCodeHint`).
const MISSING_LOOKING = /^(?:[-–—?*_/\\.]+|n\/?a|n\.a\.|#n\/a|#null!|null|\(null\)|<na>|none|nan|nat|nil|missing|blank|\(blank\)|tom|\(tom\)|mangler|ukendt|unknown)$/i;

// A lone capital letter: how SAS PROC EXPORT writes a special missing value (`.A` as `A`). Not
// read as empty by default — in a text column `A` may be a value (a sex code) — but refused as a
// code for "no value" where a date or an age was expected (`bareLetter`), so --exclude-invalid
// cannot leave out the referrals without an activation unseen (docs/input-registry.md "Empty cells").
const SAS_BARE_LETTER = /^[A-Z]$/;

/**
 * Whether a refused cell looks like a code for "no value" (`-`, `n/a`, `null`); with `bareLetter`
 * (a date or number column) also SAS's bare `A`.
 */
export function looksLikeMissingCode(trimmed: string, bareLetter = false): boolean {
  return trimmed !== '' && (MISSING_LOOKING.test(trimmed) || isExcelNoValue(trimmed) || (bareLetter && SAS_BARE_LETTER.test(trimmed)));
}

/** An Excel error value meaning "no value" (`#N/A`, Danish `#I/T`): a failed lookup, which the uptake plan's "missingCodes" can read as empty. */
const isExcelNoValue = (trimmed: string): boolean => isExcelError(trimmed) && !isFailedFormula(trimmed);

/** The registry columns where a bare capital letter can be no value, only SAS's special missing value: dates and age. */
export const BARE_LETTER_COLUMNS: ReadonlySet<string> = new Set(['referred', 'activated', 'last_active', 'age']);

/**
 * What to add to a refused cell's `expected` when it looks like a code for "no value"; `col` the
 * registry column; `da`: its Danish, which a Danish run's error printer puts in its place
 * (report/problem-text.ts).
 */
export function missingCodeHint(trimmed: string, col?: string, lang: 'en' | 'da' = 'en'): string {
  const code = JSON.stringify(trimmed);
  if (col === 'age' && looksLikeAgeCode(trimmed)) {
    return lang === 'da'
      ? `${code} kan ikke være en alder og ligner en kode for ukendt alder (SPSS' brugerdefinerede manglende værdi): er den det, så føj "missingCodes": [${code}] til optagsplanen for at læse den som en tom celle (en talkode læses sådan i alderskolonnen kun, når ingen alder kan være den)`
      : `${code} cannot be an age and looks like a code for an unknown age (SPSS's user-missing value): if it is one, add "missingCodes": [${code}] to the uptake plan to read it as empty (a number code is read so in the age column only when no age can be it)`;
  }
  // pandas' own text of a missing value (exactly so written, as the trial reader names it:
  // trial/nan-cells.ts): what wrote it, and pandas' remedy beside the plan's (docs/input-registry.md "Empty cells").
  const pandas = pandasMissingCause(trimmed);
  if (pandas && lang === 'da') return `${code} er ikke en værdi, men det, pandas skriver for en manglende værdi (${pandas.da}) i en kolonne gjort til tekst med astype(str) eller apply(str), så cellen er tom: udelad astype(str) (to_csv skriver en manglende værdi som en tom celle, to_parquet som null) eller skriv df = df.replace({${code}: ""}), før filen skrives, eller føj "missingCodes": [${code}] til optagsplanen for at læse den som tom`;
  if (pandas) return `${code} is not a value but what pandas writes for a missing value (${pandas.en}) in a column turned into text by astype(str) or apply(str), so the cell is empty: leave out the astype(str) (to_csv writes a missing value as an empty cell, to_parquet as a null) or write df = df.replace({${code}: ""}) before writing the file, or add "missingCodes": [${code}] to the uptake plan to read it as empty`;
  // The same advice for an Excel "no value" as for any code of an empty cell (the plan's codes do
  // apply to these columns), with what it is: never "not data: fill in the cell".
  if (isExcelNoValue(trimmed)) return `${code} is an Excel error value meaning "no value" (a lookup found nothing): if the cell is empty in the source, add "missingCodes": [${code}] to the uptake plan to read it as empty (or fill in the cell in the spreadsheet and export again)`;
  const bare = SAS_BARE_LETTER.test(trimmed);
  if (lang === 'da') return `${code} ligner en kode for en tom celle${bare ? ` (SAS PROC EXPORT skriver den særlige manglende værdi .${trimmed} sådan, uden punktum)` : ''}: er den det, så føj "missingCodes": [${code}] til optagsplanen for at læse den som tom (eller eksportér cellerne tomme)`;
  const sas = bare ? ` (SAS PROC EXPORT writes the special missing value .${trimmed} so, without its dot)` : '';
  return `${code} looks like a code for an empty cell${sas}: if it is one, add "missingCodes": [${code}] to the uptake plan to read it as empty (or export the cells empty)`;
}

/** What to add to a refused cell that was read as empty because it holds a code. */
export function readAsEmptyNote(trimmed: string): string {
  return `${JSON.stringify(trimmed)} is read as an empty cell, and this column needs a value`;
}
