/**
 * The warning for a level only non-users have (ATT) names the confounder and its levels as the
 * page's balance table and imbalance warnings do — the plan's `label` and `levelLabels` — on the
 * Danish page and terminal ("forstyrrende faktor "Henvist af": niveauet "andet""), where it printed
 * the plan's keys ("referrer", "other"). results.json keeps the keys (no labels passed).
 */
import { describe, expect, it } from 'vitest';
import { findingText } from '../../src/observational/diagnostic-findings.js';
import type { Confounder } from '../../src/observational/observational-plan-schema.js';
import { balanceTermLabel } from '../../src/report/balance-term-label.js';

// As a registry plan gives them (the reviewer's att2.json).
const confounders = [
  { name: 'age', type: 'numeric', label: { en: 'Age (years)', da: 'Alder (år)' } },
  { name: 'referrer', type: 'categorical', label: { en: 'Referred by', da: 'Henvist af' }, levelLabels: { gp: { en: 'general practice', da: 'almen praksis' }, other: { en: 'other', da: 'andet' }, chiro: { en: 'chiropractor', da: 'kiropraktor' } } },
] as unknown as Confounder[];

describe('a level only non-users have: named by the plan\'s labels', () => {
  const f = { kind: 'outside-target' as const, confounder: 'referrer', levels: ['other'], unnamed: 0, trim: null };
  it('Danish', () => {
    const text = findingText(f, 'da', (t) => balanceTermLabel(t, confounders, 'da'));
    expect(text).toMatch(/^forstyrrende faktor "Henvist af": niveauet "andet" findes kun blandt ikke-eksponerede — /);
    expect(text).not.toContain('referrer');
    const two = findingText({ ...f, levels: ['other', 'chiro'], unnamed: 2 }, 'da', (t) => balanceTermLabel(t, confounders, 'da'));
    expect(two).toContain('niveauerne "andet", "kiropraktor" og 2 niveauer mere (ikke nævnt)');
  });
  it('English page', () => {
    expect(findingText({ ...f, levels: ['chiro'] }, 'en', (t) => balanceTermLabel(t, confounders, 'en'))).toMatch(/^confounder "Referred by": level "chiropractor" only among the unexposed/);
  });
  it('a level without a label keeps its code; results.json (no labels) keeps the keys', () => {
    expect(findingText({ ...f, levels: ['physio'] }, 'da', (t) => balanceTermLabel(t, confounders, 'da'))).toContain('"Henvist af": niveauet "physio"');
    expect(findingText(f, 'en')).toMatch(/^confounder "referrer": level "other" only among/);
  });
  // A rare level is not named (small counts): the count says it, not "level 1 level (not named)" (review regrv #5).
  it('only unnamed levels: "1 level (not named)", "2 levels (not named)", Danish "1 niveau (ikke nævnt)"', () => {
    const rare = { ...f, levels: [], unnamed: 1 };
    expect(findingText(rare, 'en')).toMatch(/^confounder "referrer": 1 level \(not named\) only among the unexposed — /);
    expect(findingText({ ...rare, unnamed: 2 }, 'en')).toMatch(/^confounder "referrer": 2 levels \(not named\) only among/);
    expect(findingText(rare, 'da')).toMatch(/^forstyrrende faktor "referrer": 1 niveau \(ikke nævnt\) findes kun blandt/);
    expect(findingText(rare, 'en')).not.toMatch(/level 1 level/);
  });
});
