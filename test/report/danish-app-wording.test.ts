/**
 * Danish wording of the trial charts and the CEA page (docs/glossary-da.md): "til fordel for
 * appen" (the noun with its article, as the page's text says it), "Effektforskel" (the glossary's
 * between-group difference, not the calque "Gavn"), and the
 * glossary's "rygklinik" for a spine clinic, not "rygcenter".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { armNames, fillArms } from '../../src/report/arm-names.js';
import { REPORT_TEXT } from '../../src/report/i18n.js';
import { SUBGROUP_TEXT } from '../../src/report/sections/subgroup-phrases.js';
import { REGISTRY_TEXT } from '../../src/observational/registry-report-text.js';

const da = armNames(undefined, 'da');

describe('Danish chart wording names the app with its article', () => {
  it.each([
    [REPORT_TEXT.favoursApp.da, 'Til fordel for appen →'],
    [REPORT_TEXT.forestAxis.da, 'Effektforskel i enheder af MKRF (stiplet: ±1 MKRF)'],
    [REPORT_TEXT.benefitOfCol.da, 'Effektforskel (95 %-KI), positiv: til fordel for appen'],
    [SUBGROUP_TEXT.favoursApp.da, 'Til fordel for appen →'],
    [SUBGROUP_TEXT.axis.da, 'Effektforskel i enheder af MKRF (positiv: til fordel for appen)'],
    // The registry page's and the meta forest's, as the trial page's (they said "Til fordel for app").
    [REGISTRY_TEXT.favoursApp.da, 'Til fordel for appen →'],
  ])('%s', (phrase, expected) => {
    expect(fillArms(phrase, da)).toBe(expected);
  });

  it('the CEA plan and unit costs say "rygklinik"', () => {
    for (const f of ['data/plans/selfback.cea.json', 'data/plans/selfback.unit-costs.csv']) {
      const text = readFileSync(f, 'utf8');
      expect(text).not.toMatch(/rygcenter/);
      expect(text).toMatch(/rygklinik/);
    }
  });
});
