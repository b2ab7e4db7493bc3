/**
 * Column names that say "medication" (docs/plan-trial.md#yesno-outcomes): plan init drafts such a
 * column as a yes/no outcome (or a count of days), never as a pain scale. `Smertestillende`
 * ("painkillers", 0/1 for any pain medication) once matched the pain rule by its "smerte" and was
 * analysed as an NRS 0–10 score: an ANCOVA of −0.24 points judged against the MCID of 2, where the
 * truth was 24.6 percentage points fewer patients on pain medication. The reverse error matters as
 * much: `median_pain`, `Med_smerter` (Danish "with pain") or `smerte_uden_medicin` holding 0–10 are
 * pain scales, so a name beside a pain word is medication only by its answers (draft-plan.ts).
 */
import { looseForm } from '../trial/near-miss.js';

/** Words for medication, in a name with spaces, `_` and `-` dropped and accents removed (Danish, Norwegian, Swedish, English). */
const MEDICATION_WORDS = /smertestill|analget|analges|painkill|painmed|medicin|medisin|medication|medikament|laegemiddel|lægemiddel|legemiddel|lakemedel|läkemedel|opioid|opiat|morfin|morphin|paracetamol|ibuprofen|nsaid|tramadol|oxycodon|kodein|codein/;
/**
 * Medication words that hold the pain word themselves (`Smertestillende`, painkillers, pain
 * medication, `smertemedicin`): such a name is medication whatever its column holds. Any other
 * medication name beside a pain word (`smerte_uden_medicin`, pain without medication; `Med_smerter`,
 * Danish "with pain") is a pain scale unless its column holds yes/no answers or a day count.
 */
const PAIN_MEDICATION_WORDS = /smertestill|painkill|painmed|smertemedicin/;
/**
 * An ATC code as a name (`N02BE01`, `N02A`, `M01AE`): a column per drug. Level 3 or deeper and a
 * real ATC main group as its first letter, so that an item (`Q10a`, `Q12`) is no drug.
 */
const ATC_CODE = /^[abcdghjlmnprsv]\d\d[a-z]([a-z](\d\d)?)?$/;

/** The name's words: split at anything that is no letter or digit, lower case, accents removed. */
function words(column: string): string[] {
  // camelCase splits too (`medUse`): a word ends where a capital follows a small letter.
  return column.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/**
 * How the column's name says medication, or undefined:
 * - `pain-medication`: a medication word holding the pain word (`Smertestillende`, `pain_medication`);
 * - `medication`: another medication word anywhere (`Opioid`, `analgetika_dage`, `Medicin`), `med`
 *   or `meds` as the first or last word (`med_3m`, `pain_med`, `nrs_meds`; never inside a word,
 *   `median_pain`, nor between words, where Danish "med" means "with": `dage_med_smerter`), `atc`
 *   as a word (`ATC-koder`);
 * - `atc-code`: an ATC code as the whole name (`N02BE01`), medication only when its column holds
 *   yes/no answers or a day count.
 */
export function medicationName(column: string): 'pain-medication' | 'medication' | 'atc-code' | undefined {
  const n = looseForm(column);
  if (PAIN_MEDICATION_WORDS.test(n)) return 'pain-medication';
  const w = words(column);
  const first = w[0];
  const last = w[w.length - 1];
  // `med0`, `med3` (a wide export's visit number after the name) are `med` too.
  const isMed = (x: string | undefined) => x !== undefined && /^meds?\d*$/.test(x);
  if (MEDICATION_WORDS.test(n) || isMed(first) || isMed(last) || w.includes('atc')) return 'medication';
  return w.length === 1 && ATC_CODE.test(w[0]!) ? 'atc-code' : undefined;
}

/** True when the column's name says medication (medicationName). */
export function namesMedication(column: string): boolean {
  return medicationName(column) !== undefined;
}

/** Words for days and for used or taken, matched as whole words (`dage_deltaget`, days attended, holds "taget" but says no use). */
const DAY_WORDS = new Set(['dage', 'days', 'dag', 'day']);
const USED_WORDS = new Set(['brugt', 'used', 'taget', 'taken', 'indtaget', 'anvendt']);

/**
 * A count of days a medication was used, named without the medication: `Dage brugt sidste 7`
 * (days used in the last 7), `days_used`, `dage taget` (days taken). "Used" or "taken" with
 * "days" says what was counted; `dage_sygemeldt` (days on sick leave) says neither, and
 * `dage_deltaget` (days attended) or `days_caused` only holds the letters.
 */
export function namesDaysUsed(column: string): boolean {
  const w = words(column);
  return w.some((x) => DAY_WORDS.has(x)) && w.some((x) => USED_WORDS.has(x));
}

/** True when the name says days (`analgetika_dage`, `Dage brugt sidste 7`, `days_med`). */
export function namesDays(column: string): boolean {
  return /(dage|days|dag|day)/.test(looseForm(column));
}
