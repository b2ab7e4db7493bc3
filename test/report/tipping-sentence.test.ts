/**
 * The tipping-point sentence counts the imputed values in the singular when there is one, and with none says so (`analyze` text and the report);
 * when the result stays significant at every shift tried it names the search limit (2 × MCID; Danish: the glossary's MKRF), why, and that the tipping point lies beyond it,
 * as results.json's `beyondMaxDelta` does.
 */
import { describe, expect, it } from 'vitest';
import type { Sensitivity } from '../../src/analysis/results-schema.js';
import { armNames } from '../../src/report/arm-names.js';
import { tippingSentence } from '../../src/report/sensitivity-table.js';
import { tippingResult } from '../../src/analysis/missing-data-effects.js';
import type { TippingPointResult } from '../../src/stats/missing/tipping-point.js';

const LABELS = { intervention: { en: 'App', da: 'App' }, control: { en: 'Control group', da: 'Kontrolgruppe' } };
const sens = (n: number, tippingDelta: number | null) =>
  ({ outcome: 'smerte', time: '6mdr', rows: [], tippingPoint: { nImputedIntervention: n, significantAtZero: true, tippingDelta, maxDelta: 4 } }) as unknown as Sensitivity;

describe('tipping-point sentence: singular and plural', () => {
  it('one imputed value', () => {
    expect(tippingSentence(sens(1, 5.98), 'points', 2, 'en', armNames(LABELS, 'en'))).toBe(
      'Tipping point: significance is lost if the one imputed App-arm value were 5.98 points worse than assumed under missing at random.');
    expect(tippingSentence(sens(1, 5.98), 'point', 2, 'da', armNames(LABELS, 'da'))).toBe(
      'Vippepunkt: signifikansen forsvinder, hvis den ene imputerede App-værdi er 5,98 point dårligere end antaget, når data mangler tilfældigt (MAR).');
    expect(tippingSentence(sens(1, null), 'points', 2, 'en', armNames(LABELS, 'en'))).toContain('even if the one imputed App-arm value were up to 4.00 points worse');
    expect(tippingSentence(sens(1, null), 'point', 2, 'da', armNames(LABELS, 'da'))).toContain('selv hvis den ene imputerede App-værdi er op til 4,00 point dårligere');
  });

  it('several imputed values', () => {
    expect(tippingSentence(sens(2, 5.98), 'points', 2, 'en', armNames(LABELS, 'en'))).toContain('if the 2 imputed App-arm values were 5.98 points worse');
    expect(tippingSentence(sens(2, null), 'point', 2, 'da', armNames(LABELS, 'da'))).toContain('selv hvis de 2 imputerede App-værdier er op til');
  });

  it('no imputed value: says that nothing was imputed, never "the 0 imputed values were up to … worse"', () => {
    for (const delta of [null, 5.98]) {
      expect(tippingSentence(sens(0, delta), 'points', 2, 'en', armNames(LABELS, 'en'))).toBe(
        'Tipping point: no App-arm value was imputed (every App-arm patient was observed at the visit), so there is nothing to shift.');
      expect(tippingSentence(sens(0, delta), 'point', 2, 'da', armNames(LABELS, 'da'))).toBe(
        'Vippepunkt: ingen App-værdi blev imputeret (alle i App-armen blev observeret ved besøget), så der er intet at forskyde.');
    }
  });

  it('still significant at the largest shift tried: says the search limit, why, and that the tipping point lies beyond it', () => {
    expect(tippingSentence(sens(14, null), 'points', 2, 'en', armNames(LABELS, 'en'))).toBe(
      'Tipping point: the result stays significant even if the 14 imputed App-arm values were up to 4.00 points worse — the largest shift tried: the search stops at 2 × the MCID of 2.00 points, already a large departure from missing at random — so the tipping point lies beyond 4.00 points.');
    expect(tippingSentence(sens(14, null), 'point', 2, 'da', armNames(LABELS, 'da'))).toBe(
      'Vippepunkt: resultatet forbliver signifikant, selv hvis de 14 imputerede App-værdier er op til 4,00 point dårligere — den største forskydning, der afprøves: søgningen stopper ved 2 × MKRF på 2,00 point, allerede en stor afvigelse fra antagelsen om, at data mangler tilfældigt (MAR) — så vippepunktet ligger ud over 4,00 point.');
  });
});

describe('tipping point in results.json: the search limit and whether the tipping point lies beyond it', () => {
  const t = (significantAtZero: boolean, tippingDelta: number | null, nImputedIntervention = 14) =>
    ({ method: 'delta-adjusted-mi', nImputedIntervention, significantAtZero, tippingDelta, rows: [] }) as unknown as TippingPointResult;
  it('maxDelta is 2 × MCID; beyondMaxDelta only when significant at every shift tried', () => {
    expect(tippingResult(t(true, null), 'lower-is-better', 5)).toMatchObject({ maxDelta: 10, beyondMaxDelta: true, tippingDelta: null });
    expect(tippingResult(t(true, 3.2), 'lower-is-better', 5)).toMatchObject({ maxDelta: 10, beyondMaxDelta: false, tippingDelta: 3.2 });
    // Not significant without a shift, or nothing imputed: tippingDelta is null too, but nothing lies beyond.
    expect(tippingResult(t(false, null), 'lower-is-better', 5).beyondMaxDelta).toBe(false);
    expect(tippingResult(t(true, null, 0), 'lower-is-better', 5).beyondMaxDelta).toBe(false);
  });

  it('names an arm of several words whole, not as "App + usual care-arm values"', () => {
    const labels = { intervention: { en: 'App + physiotherapy', da: 'App + fysioterapi' }, control: { en: 'Physiotherapy', da: 'Fysioterapi' } };
    const en = armNames(labels, 'en');
    const da = armNames(labels, 'da');
    expect(en.interventionShort).toBe('App + physiotherapy');
    expect(tippingSentence(sens(19, 0.18), 'points', 2, 'en', en)).toBe('Tipping point: significance is lost if the 19 imputed values of the App + physiotherapy arm were 0.18 points worse than assumed under missing at random.');
    expect(tippingSentence(sens(1, 0.18), 'points', 2, 'en', en)).toContain('if the one imputed value of the App + physiotherapy arm were');
    expect(tippingSentence(sens(19, 0.18), 'point', 2, 'da', da)).toContain('hvis de 19 imputerede værdier i gruppen App + fysioterapi er 0,18 point dårligere');
    expect(tippingSentence(sens(0, 0.18), 'points', 2, 'en', en)).toBe('Tipping point: no value of the App + physiotherapy arm was imputed (every patient of the App + physiotherapy arm was observed at the visit), so there is nothing to shift.');
    expect(tippingSentence(sens(0, 0.18), 'point', 2, 'da', da)).toContain('ingen værdi i gruppen App + fysioterapi blev imputeret');
  });
});
