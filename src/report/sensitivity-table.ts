/** The sensitivity table for the primary outcome: complete-case ANCOVA, MMRM, MI side by side. */
import { notComputedText } from './failure-reasons.js';
import { TIPPING_SEARCH_MCIDS } from '../analysis/tipping-search.js';
import type { Sensitivity } from '../analysis/results-schema.js';
import { formatEffect } from './effects-table.js';
import { type ArmNames, defaultArmNames, fillArms } from './arm-names.js';
import { armCountsText, formatFixed, formatP, formatThousands, type Lang, SHORT_RELEVANCE_TEXT } from './i18n.js';
import type { Table } from './text-table.js';
import { withSignificance } from './verdict-notes.js';

const METHOD: Record<string, Record<Lang, string>> = {
  ancova: { en: 'Complete-case ANCOVA', da: 'ANCOVA, patienter med komplette data' },
  mmrm: { en: 'MMRM (all visits, MAR)', da: 'MMRM (alle besøg, MAR)' },
  'mi-ancova': { en: 'Multiple imputation + ANCOVA', da: 'Multipel imputation + ANCOVA' },
};

export function sensitivityTable(s: Sensitivity, lang: Lang, decimals: number, arms: ArmNames = defaultArmNames(lang)): Table {
  const n = fillArms('n ({interventionShort}/{controlShort})', arms);
  return {
    header: lang === 'da' ? ['Analyse', n, fillArms('Forskel {intervention} − {control} (95 %-KI)', arms), 'p', 'Vurdering'] : ['Analysis', n, fillArms('Difference {intervention} − {control} (95% CI)', arms), 'p', 'Verdict'],
    align: ['left', 'right', 'right', 'right', 'left'],
    rows: s.rows.map((r) => [
      METHOD[r.method]?.[lang] ?? r.method,
      nUsed(r, lang),
      formatEffect(r, decimals, lang),
      r.pValue === null ? '—' : formatP(r.pValue, lang),
      // A "possibly relevant" verdict whose CI includes 0 says so here too, as in the table of all effects.
      r.error ? notComputedText(r.error, lang) : r.relevance ? withSignificance(SHORT_RELEVANCE_TEXT[r.relevance][lang], r, lang) : '—',
    ]),
  };
}

/**
 * The patients the row's model used. MMRM uses every patient with at least one follow-up visit
 * (its `details.patientsInModel`), not only those observed at this time, so its n is that total.
 */
function nUsed(r: Sensitivity['rows'][number], lang: Lang): string {
  const inModel = r.method === 'mmrm' ? r.details?.['patientsInModel'] : undefined;
  if (typeof inModel === 'number') return `${formatThousands(inModel, 0, lang)} ${lang === 'da' ? 'i modellen' : 'in the model'}`;
  return armCountsText(r.n, lang);
}

/**
 * The imputed intervention values, counted: "the 19 imputed app-arm values" (da "de 19
 * imputerede app-værdier"), and with one value "the one imputed app-arm value" (da "den ene
 * imputerede app-værdi"); "were" stays, the conditional.
 */
function imputedValues(n: number, arm: string, lang: Lang): string {
  if (!compoundable(arm)) {
    // "the 19 imputed App + usual care-arm values" read as nonsense: a name of several words is named whole.
    if (lang === 'da') return n === 1 ? `den ene imputerede værdi i gruppen ${arm}` : `de ${n} imputerede værdier i gruppen ${arm}`;
    return n === 1 ? `the one imputed value of the ${arm} arm` : `the ${n} imputed values of the ${arm} arm`;
  }
  if (lang === 'da') return n === 1 ? `den ene imputerede ${arm}-værdi` : `de ${n} imputerede ${arm}-værdier`;
  return n === 1 ? `the one imputed ${arm}-arm value` : `the ${n} imputed ${arm}-arm values`;
}

/** Whether an arm's short name joins a noun with a hyphen ("app-arm", "App-værdi"): one word, not "App + usual care". */
const compoundable = (arm: string): boolean => /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u.test(arm);

/** One sentence on the tipping point, in the outcome's units. */
export function tippingSentence(s: Sensitivity, unit: string, decimals: number, lang: Lang, arms: ArmNames = defaultArmNames(lang)): string {
  const t = s.tippingPoint;
  const arm = arms.interventionShort;
  if (!t) return '';
  // Every intervention patient observed at the visit: no value to shift, so no tipping point to state.
  if (t.nImputedIntervention === 0) {
    if (!compoundable(arm)) {
      return lang === 'da'
        ? `Vippepunkt: ingen værdi i gruppen ${arm} blev imputeret (alle i gruppen ${arm} blev observeret ved besøget), så der er intet at forskyde.`
        : `Tipping point: no value of the ${arm} arm was imputed (every patient of the ${arm} arm was observed at the visit), so there is nothing to shift.`;
    }
    return lang === 'da'
      ? `Vippepunkt: ingen ${arm}-værdi blev imputeret (alle i ${arm}-armen blev observeret ved besøget), så der er intet at forskyde.`
      : `Tipping point: no ${arm}-arm value was imputed (every ${arm}-arm patient was observed at the visit), so there is nothing to shift.`;
  }
  if (!t.significantAtZero) {
    return lang === 'da'
      ? 'Vippepunkt: analysen med multipel imputation er ikke signifikant uden forskydning, så der er intet at vippe.'
      : 'Tipping point: the MI analysis is not significant without any shift, so there is nothing to tip.';
  }
  const values = imputedValues(t.nImputedIntervention, arm, lang);
  if (t.tippingDelta === null) {
    // The search stops at TIPPING_SEARCH_MCIDS × MCID (tipping-search.ts): said, with why, so that the largest shift tried does not read as the tipping point.
    const max = `${formatFixed(t.maxDelta, decimals, lang)}${unit ? ` ${unit}` : ''}`;
    const mcid = `${formatFixed(t.maxDelta / TIPPING_SEARCH_MCIDS, decimals, lang)}${unit ? ` ${unit}` : ''}`;
    return lang === 'da'
      ? `Vippepunkt: resultatet forbliver signifikant, selv hvis ${values} er op til ${max} dårligere — den største forskydning, der afprøves: søgningen stopper ved ${TIPPING_SEARCH_MCIDS} × MKRF på ${mcid}, allerede en stor afvigelse fra antagelsen om, at data mangler tilfældigt (MAR) — så vippepunktet ligger ud over ${max}.`
      : `Tipping point: the result stays significant even if ${values} were up to ${max} worse — the largest shift tried: the search stops at ${TIPPING_SEARCH_MCIDS} × the MCID of ${mcid}, already a large departure from missing at random — so the tipping point lies beyond ${max}.`;
  }
  return lang === 'da'
    ? `Vippepunkt: signifikansen forsvinder, hvis ${values} er ${formatFixed(t.tippingDelta, decimals, lang)}${unit ? ` ${unit}` : ''} dårligere end antaget, når data mangler tilfældigt (MAR).`
    : `Tipping point: significance is lost if ${values} were ${formatFixed(t.tippingDelta, decimals, lang)}${unit ? ` ${unit}` : ''} worse than assumed under missing at random.`;
}
