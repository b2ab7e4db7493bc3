/**
 * A CPR number used as the patient id, written as exports and typists write it, is one patient's
 * id (docs/input-trial-export.md#cpr-spellings): every spelling the privacy checks take for the
 * number (io/cpr-number.ts) gives the same digits, and invisible characters and other digits in
 * any id are set aside by its key, so that two such spellings are told, not counted as two
 * patients (finding s29 ids 1).
 */
import { describe, expect, it } from 'vitest';
import { looksLikeCpr } from '../../src/io/cpr-number.js';
import { cprIdDigits, idDifferences, idKey, idMatchKey } from '../../src/trial/patient-ids.js';

const FULL_WIDTH = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const ARABIC_INDIC = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

const SPELLINGS: [string, string][] = [
  ['a hyphen', '060369-0855'],
  ['an en dash (Word and Excel autocorrect)', '060369\u20130855'],
  ['a non-breaking hyphen', '060369\u20110855'],
  ['a minus sign', '060369\u22120855'],
  ['a space', '060369 0855'],
  ['a no-break space', '060369\u00a00855'],
  ['a narrow no-break space', '060369\u202f0855'],
  ['two spaces', '060369  0855'],
  ['a tab', '060369\t0855'],
  ['a hyphen between blanks', '060369 - 0855'],
  ['full-width digits', FULL_WIDTH('060369-0855')],
  ['Arabic-Indic digits', ARABIC_INDIC('0603690855')],
  ['a zero-width space', '060369\u200b0855'],
  ['a word joiner inside the date', '0603\u206069-0855'],
  ['a byte-order mark in front', '\ufeff0603690855'],
];

describe('a CPR number as a patient id, however it is spelled', () => {
  for (const [what, id] of SPELLINGS) {
    it(`${what}: the privacy checks' CPR number, and the digits of the bare spelling`, () => {
      expect(looksLikeCpr(id)).toBe(true);
      expect(cprIdDigits(id)).toBe('0603690855');
      expect(idMatchKey(id)).toBe(idMatchKey('0603690855'));
    });
  }

  it('the Swedish "+" (a person of 100) is not the hyphen; a number with no real date is no CPR number', () => {
    expect(cprIdDigits('460606+1950')).toBeUndefined();
    expect(cprIdDigits('460606-1950')).toBe('4606061950');
    expect(cprIdDigits('993369-0855')).toBeUndefined();
    expect(cprIdDigits('SB-1007')).toBeUndefined();
  });
});

describe('invisible characters and other digits in any id', () => {
  it('are set aside by the id key: the two spellings are one id written two ways, and said so', () => {
    expect(idKey('SB-\u200b1001')).toBe(idKey('SB-1001'));
    expect(idKey(FULL_WIDTH('SB-1001'))).toBe(idKey('SB-1001'));
    expect(idKey('SB-1001\u2060')).toBe(idKey('SB-1001'));
    expect(idDifferences('SB-1001', 'SB-\u200b1001')).toEqual(['characters']);
    expect(idDifferences(FULL_WIDTH('SB-1001'), 'sb-1001')).toEqual(['characters', 'case']);
    // Both written with the same invisible character: that is no difference.
    expect(idDifferences('SB-\u200b1001', 'sb-\u200b1001')).toEqual(['case']);
  });

  it('a dash or a blank inside an id that is no CPR number still makes another id', () => {
    expect(idKey('P-7')).not.toBe(idKey('P 7'));
    expect(idKey('SB\u20131001')).not.toBe(idKey('SB-1001'));
  });
});
