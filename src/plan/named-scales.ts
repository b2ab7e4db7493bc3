/**
 * Outcome scales plan init knows by name but does not draft as an outcome, because the export
 * cannot say what the draft would need: KOOS and HOOS (0–100, higher is better) have no one
 * published MCID, WOMAC and GPE are scored either way round, NDI, PSFS and the SF-36 family
 * have no single MCID either. Their names hold words the pain rule reads (`KOOS_smerte`,
 * `koos_pain`, `SF36_bodily_pain`), and drafted as pain on a 0–100 VAS (lower is better) every
 * verdict of a KOOS trial came out flipped (docs/plan-trial.md "Scales plan init knows by name").
 * So each is left out with the instrument to paste — its direction when the instrument fixes
 * one, never a guessed one — and the MCID for the user's protocol to name. Pure.
 */

export interface NamedScale {
  /** What the column is, for the listing ("KOOS pain (0–100, higher is better)"). */
  what: string;
  /** Why it is not drafted, and what to paste. */
  note: string;
}

/** The KOOS and HOOS subscales by the words exports use, in English and Danish (on nameKey). */
const SUBSCALES: [RegExp, { en: string; da: string }][] = [
  [/^(pain|smerte|smerter|p|ps)$/, { en: 'pain', da: 'smerte' }],
  [/^(symptoms?|symptomer|sym|s)$/, { en: 'symptoms', da: 'symptomer' }],
  [/^(adl|daglig|dagligdag|dagligeaktiviteter|function|funktion|f)$/, { en: 'ADL', da: 'ADL' }],
  [/^(sport|sportrec|sportfritid|sportogfritid|fritid|sp|rec)$/, { en: 'sport/rec', da: 'sport og fritid' }],
  [/^(qol|ql|livskvalitet|lk|q)$/, { en: 'QOL', da: 'livskvalitet' }],
];

/** The paste for a left-out scale: a plan instrument and the outcome reading it, the MCID left for the protocol. */
function paste(instrument: string, label: string, range: [number, number], direction: string | undefined, key: string, column: string): string {
  const dir = direction === undefined ? '"direction": "<lower-is-better or higher-is-better: see your scoring manual>"' : `"direction": "${direction}"`;
  const col = key === column ? '' : `, "column": ${JSON.stringify(column)}`;
  return `add "${instrument}": { "label": { "en": "${label}" }, "range": [${range[0]}, ${range[1]}], ${dir} } to "instruments" and { "key": "${key}", "instrument": "${instrument}"${col}, "mcid": <points>, "mcidSource": "<your protocol>" } to "outcomes"`;
}

/**
 * The scale a column's name says, or undefined. `name` is the column's nameKey (letters and digits,
 * Danish letters spelled out), `key` the plan key the draft would give it, `max` its highest value.
 */
export function namedScale(column: string, name: string, key: string, max: number): NamedScale | undefined {
  const hoos = /^(koos|hoos)(.*)$/.exec(name);
  if (hoos) {
    const family = hoos[1]!.toUpperCase();
    const joint = family === 'KOOS' ? 'knee' : 'hip';
    const rest = hoos[2]!.replace(/^(score|subscale|delskala)/, '').replace(/(score|total)$/, '');
    const sub = SUBSCALES.find(([re]) => re.test(rest))?.[1];
    // KOOS4 / KOOS5 (the mean of four or five subscales) and a bare "koos" are on the same 0–100 scale, higher is better.
    const which = sub ? `${family} ${sub.en}` : /^[45]?$/.test(rest) ? `${family}${rest} (which subscale, or an average of them? the export does not say)` : `${family} (subscale "${column}")`;
    const instrument = `${family.toLowerCase()}${sub ? `_${sub.en.replace(/\W+/g, '').toLowerCase()}` : rest === '' ? '' : `_${rest}`}`;
    return {
      what: `${which}, 0–100, higher is better`,
      note: `${which} is a ${joint} score of 0–100 where higher is better (0 = extreme problems, 100 = none): not a pain VAS, whose lower is better. Published minimal important changes of the ${family} vary with the subscale, the treatment and the method (from about 8 to 18 points), so the draft names none: ${paste(instrument, `${family}${sub ? ` ${sub.en}` : ''} (0–100)`, [0, 100], 'higher-is-better', key, column)}, with the MCID your protocol names`,
    };
  }
  if (/^womac/.test(name)) {
    return {
      what: 'WOMAC, scored either way round',
      note: `WOMAC is scored as 0–20/0–8/0–68 (or 0–96) with higher worse, or normalised to 0–100 with higher either worse or (as KOOS computes it) better, and the export does not say which: ${paste(name.slice(0, 24), 'WOMAC', [0, Math.max(100, Math.ceil(max))], undefined, key, column)}, with the range of your scoring and the MCID your protocol names`,
    };
  }
  if (/^(ndi|neckdisability|nakke?handicap)/.test(name)) {
    const range: [number, number] = max > 50 ? [0, 100] : [0, 50];
    return {
      what: `the Neck Disability Index (0–${range[1]}${range[1] === 100 ? ' %' : ''}, lower is better)`,
      note: `the Neck Disability Index (lower is better) is scored 0–50 points or 0–100 % and its published MCIDs vary (by scoring and population), so the draft names none: ${paste('ndi', `Neck Disability Index (0–${range[1]})`, range, 'lower-is-better', key, column)}, with the range your export uses (values here reach ${max}) and the MCID your protocol names`,
    };
  }
  if (/^psfs|^patientspecific/.test(name)) {
    return {
      what: 'the Patient-Specific Functional Scale (0–10, higher is better)',
      note: `the Patient-Specific Functional Scale is 0–10 with higher better (the opposite of a pain NRS); the draft names no MCID for it: ${paste('psfs', 'Patient-Specific Functional Scale (0–10)', [0, 10], 'higher-is-better', key, column)}, with the MCID your protocol names (an average of several activities has decimals: add "decimals": true)`,
    };
  }
  if (/^(gpe|groc|grc|globalperceivedeffect|globalratingofchange|globaltilstand|globalvurdering)/.test(name)) {
    return {
      what: 'a global perceived effect (GPE) rating, coded either way round',
      note: 'a global perceived effect (GPE) rating is an ordered answer (e.g. 1 = much better … 7 = much worse, or the reverse) and usually analysed as "improved" or not: add it by hand, as a "binary" outcome of a recoded column or a plan instrument whose "direction" follows your coding (docs/plan-trial.md "Generic instruments")',
    };
  }
  if (/^(sf36|sf12|rand36|rand12|vr12|vr36)/.test(name)) {
    return {
      what: 'an SF-36/SF-12 scale (higher is better)',
      note: `SF-36/SF-12 scales and summary scores (PCS, MCS) are higher-is-better — the bodily pain scale too (100 = no pain) — on 0–100 or norm-based (mean 50) scores, with no one MCID: ${paste(key.slice(0, 24), `${column} (SF-36/SF-12)`, [0, 100], 'higher-is-better', key, column)}, with the range of your scoring and the MCID your protocol names`,
    };
  }
  // Quality of life or function named without the instrument that measured it (`Livskvalitet`,
  // `Funktion`, `Funksjon`): its range, direction and MCID are the instrument's, which the name does not say.
  const general = /^(livskvalitet|helserelatertlivskvalitet|halsorelateradlivskvalitet|helbredsrelateretlivskvalitet|qol|hrqol|qualityoflife)$/.test(name)
    ? { what: 'quality of life', examples: 'EQ-5D, SF-36, 15D, a 0–100 VAS' }
    : /^(funktion|funksjon|function|fysiskfunktion|fysiskfunksjon|funktionsniveau|funksjonsniva|funktionsnivaa|funksjonsnivaa)$/.test(name)
      ? { what: 'function', examples: 'RMDQ, ODI, PSFS' }
      : undefined;
  if (general) {
    return {
      what: `${general.what}, named without its instrument`,
      note: `"${column}" says ${general.what} but not the instrument that measured it (${general.examples} …), whose range, direction and MCID the draft would need: name the column after the instrument (\`RMDQ\`, \`ODI\`, \`EQ5D_index\`) for plan init to draft it, or ${paste(key.slice(0, 24), column, [0, Math.max(10, Math.ceil(max))], undefined, key, column)}, with its range and the MCID your protocol names`,
    };
  }
  // Pain named, but not its intensity: relief and pain-free days grow as the patient improves.
  if (/(smerte|pain)/.test(name) && /(lindring|relief|fri|free|selfefficacy|mestring)/.test(name)) {
    return {
      what: 'named for pain, but not pain intensity (relief, pain-free time or coping grows as the patient improves)',
      note: `"${column}" names pain but not its intensity (relief, pain-free time or coping): its direction is not a pain score's, so the draft does not guess it: ${paste(key.slice(0, 24), column, [0, Math.max(10, Math.ceil(max))], undefined, key, column)}, with its range, its direction and the MCID your protocol names`,
    };
  }
  return undefined;
}
