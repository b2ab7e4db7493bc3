/**
 * Sex and referrer as Swedish and Norwegian regional systems write them (docs/input-registry.md,
 * the registry's `sex` and `referrer`): read as the Danish and English words are, without a plan's
 * `values` map. Found in session 22: a Swedish export's `Kvinna`, `Läkare`, `Egenremiss` were
 * refused until mapped by hand.
 */
import { describe, expect, it } from 'vitest';
import { referralFieldSchemas } from '../../src/uptake/referral.js';
import { regionSet } from '../../src/uptake/regions.js';

const fields = referralFieldSchemas({ regions: regionSet([]) });
const read = (col: 'sex' | 'referrer', v: string) => {
  const r = fields[col].safeParse(v);
  return r.success ? r.data : undefined;
};

describe('Swedish and Norwegian registry values', () => {
  it.each([
    ['Kvinna', 'female'], ['KVINNE', 'female'], ['Man', 'male'], ['Mann', 'male'],
    ['Okänd', 'unknown'], ['Uppgift saknas', 'unknown'], ['Ukjent', 'unknown'], ['Ikke oppgitt', 'unknown'],
  ] as const)('sex %s → %s', (v, want) => expect(read('sex', v)).toBe(want));

  it.each([
    ['Läkare', 'gp'], ['Vårdcentral', 'gp'], ['Fastlege', 'gp'], ['Allmennlege', 'gp'],
    ['Sjukgymnast', 'physio'], ['Fysioterapeut', 'physio'], ['Kiropraktor', 'chiro'],
    ['Egenremiss', 'other'], ['Egenhenvisning', 'other'], ['Sjukhus', 'other'], ['Sykehus', 'other'], ['Kommun', 'other'], ['Annet', 'other'],
  ] as const)('referrer %s → %s', (v, want) => expect(read('referrer', v)).toBe(want));

  it('a word of neither language is still refused, the message naming the plan\'s map', () => {
    const r = fields.referrer.safeParse('Tandläkare');
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('values.referrer');
  });
});
