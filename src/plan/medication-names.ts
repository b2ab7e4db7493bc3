/**
 * Column names that say "medication" (docs/plan-trial.md#yesno-outcomes): plan init drafts such a
 * column as a yes/no outcome (or a count of days), never as a pain scale. `Smertestillende`
 * ("painkillers", 0/1 for any pain medication) once matched the pain rule by its "smerte" and was
 * analysed as an NRS 0–10 score: an ANCOVA of −0.24 points judged against the MCID of 2, where the
 * truth was 24.6 percentage points fewer patients on pain medication.
 */
import { looseForm } from '../trial/near-miss.js';

/** Words for medication, in a name with spaces, `_` and `-` dropped and accents removed (Danish, Norwegian, Swedish, English). */
const MEDICATION_WORDS = /smertestill|analget|analges|painkill|painmed|medicin|medication|medikament|laegemiddel|lægemiddel|legemiddel|lakemedel|läkemedel|opioid|opiat|morfin|morphin|paracetamol|ibuprofen|nsaid|tramadol|oxycodon|kodein|codein/;
/** A name that starts as medication does (`med`, `meds_3m`, `medicin`): the draft's old rule. */
const STARTS_AS_MEDICATION = /^(med|analgetika)/;
/**
 * An ATC code as a name (`N02BE01`, `N02A`, `M01AE`): a column per drug. Level 3 or deeper, so
 * that a two-character prefix with digits (`Q12`, an item) is no drug.
 */
const ATC_CODE = /^[a-z]\d\d[a-z]([a-z](\d\d)?)?$/;

/** The name's words: split at anything that is no letter or digit, lower case. */
function words(column: string): string[] {
  return column.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/**
 * True when the column's name says medication: a medication word anywhere (`Smertestillende`,
 * `Opioid`, `pain_medication`, `analgetika_dage`), a name starting with `med`, `med`/`meds` as its
 * last word (`pain_med`, `nrs_meds`; not between words, where Danish "med" means "with":
 * `dage_med_smerter`), `atc` as a word (`ATC-koder`) or an ATC code as the whole name.
 */
export function namesMedication(column: string): boolean {
  const n = looseForm(column);
  if (MEDICATION_WORDS.test(n) || STARTS_AS_MEDICATION.test(n) || /painmedication|smertemedicin/.test(n)) return true;
  const w = words(column);
  const last = w[w.length - 1];
  if (last === 'med' || last === 'meds') return true;
  if (w.includes('atc')) return true;
  return w.length === 1 && ATC_CODE.test(w[0]!);
}

/**
 * A count of days a medication was used, named without the medication: `Dage brugt sidste 7`
 * (days used in the last 7), `days_used`, `dage taget` (days taken). "Used" or "taken" with
 * "days" says what was counted; `dage_sygemeldt` (days on sick leave) says neither.
 */
export function namesDaysUsed(column: string): boolean {
  const n = looseForm(column);
  return /(dage|days|dag|day)/.test(n) && /(brugt|used|taget|taken|indtaget|anvendt)/.test(n);
}
