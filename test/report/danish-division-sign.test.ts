/**
 * "÷" is minus to a Danish reader (docs/glossary-da.md): a Danish page never divides with it —
 * the effects forest's axis says "i enheder af MKRF", the MCID note "spændvidde / 20", and a
 * meta-analysis ratio "vanlig behandling / app". The English pages keep their own words.
 */
import { describe, expect, it } from 'vitest';
import { armNames, fillArms } from '../../src/report/arm-names.js';
import { REPORT_TEXT } from '../../src/report/i18n.js';
import { turnedEffect } from '../../src/report/charts/meta-effect-text.js';
import { mcidSourceText } from '../../src/report/mcid-sources.js';
import { bundledTrial } from './trial-report-support.js';

describe('Danish pages divide with "/", never "÷"', () => {
  it('the effects forest axis and the EQ-5D rule of thumb', () => {
    expect(fillArms(REPORT_TEXT.forestAxis.da, armNames(undefined, 'da'))).toBe('Effektforskel i enheder af MKRF (stiplet: ±1 MKRF)');
    const { trial } = bundledTrial();
    const eq5d = trial.plan.outcomes.find((o) => o.instrument === 'eq5d5l' || /eq5d/.test(o.key))!;
    expect(mcidSourceText(eq5d, trial.plan, 'da')).toBe('en tommelfingerregel (spændvidde / 20), ikke ankerbaseret');
  });

  it('a ratio of a lower-is-better outcome in the meta forest', () => {
    const da = turnedEffect({ measure: 'RR', direction: 'lower-is-better' }, armNames(undefined, 'da'), 'da');
    expect(da.name).toBe('RR, vanlig behandling / app');
    expect(turnedEffect({ measure: 'RR', direction: 'lower-is-better' }, armNames(undefined, 'en'), 'en').name).toBe('RR, usual care ÷ app');
  });
});
