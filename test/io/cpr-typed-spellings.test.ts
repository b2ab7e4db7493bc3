/**
 * A CPR number as a typed note spells it — a no-break space (copy-paste from an EHR or a web
 * form, Windows-1252's byte 0xA0), an en dash (Word's autocorrect of a hyphen), full-width digits,
 * the number glued to a letter (`pt120374-1234`) — is the number: found and masked as the plain
 * spelling is (src/io/cpr-number.ts cprShapeText; review of session 28, privacy findings 1–2).
 */
import { describe, expect, it } from 'vitest';
import { cprShapeText, looksLikeCpr, maskCpr } from '../../src/io/cpr-number.js';
import { cprInside, bareDigitNumbersOnly, codeText } from '../../src/uptake/cpr-shape.js';
import { identifyingSigns } from '../../src/trial/free-text.js';

const SPELLINGS: [string, string][] = [
  ['a no-break space', '120374\u00a01234'],
  ['a narrow no-break space', '120374\u202f1234'],
  ['an en dash', '120374\u20131234'],
  ['an em dash', '120374\u20141234'],
  ['a minus sign', '120374\u22121234'],
  ['a non-breaking hyphen', '120374\u20111234'],
  ['two spaces', '120374  1234'],
  ['a tab', '120374\t1234'],
  ['a hyphen between blanks', '120374 - 1234'],
  ['an en dash between no-break spaces', '120374\u00a0\u2013\u00a01234'],
  ['full-width digits and hyphen', '\uff11\uff12\uff10\uff13\uff17\uff14\uff0d\uff11\uff12\uff13\uff14'],
  ['full-width digits, ASCII hyphen', '\uff11\uff12\uff10\uff13\uff17\uff14-\uff11\uff12\uff13\uff14'],
  // Invisible characters left by copy-paste, and digits of another script (docs/input-trial-export.md#cpr-spellings).
  ['a zero-width space beside the hyphen', '120374\u200b-1234'],
  ['a word joiner inside the date', '1203\u206074-1234'],
  ['a byte-order mark inside the serial', '120374-12\ufeff34'],
  ['Arabic-Indic digits', '\u0661\u0662\u0660\u0663\u0667\u0664-\u0661\u0662\u0663\u0664'],
];

describe('a CPR number typed with a no-break space, a dash or full-width digits', () => {
  for (const [what, number] of SPELLINGS) {
    it(`${what}: a whole cell is one, inside a name it is found, and a message masks it`, () => {
      expect(looksLikeCpr(number)).toBe(true);
      expect(looksLikeCpr(` ${number} `)).toBe(true);
      const note = `Lægerne Østergade (pt. ${number})`;
      expect(cprInside(note)).toBe(true);
      expect(bareDigitNumbersOnly(note)).toBe(false);
      expect(maskCpr(note)).toBe('Lægerne Østergade (pt. DDMMYY-XXXX)');
      expect(identifyingSigns(`Faldt, ${number}`)).toContain('a CPR number');
    });
  }

  it('the shape text is of the same length, so a mask lands where the number was; other text is kept', () => {
    const text = 'ﬁle m² Ærø 120374\u00a01234 og 0101\u201301';
    expect(cprShapeText(text)).toHaveLength(text.length);
    expect(maskCpr(text)).toBe('ﬁle m² Ærø DDMMYY-XXXX og 0101\u201301');
    expect(maskCpr('a 120374\u00a01234 b 010150-1234 c')).toBe('a DDMMYY-XXXX b DDMMYY-XXXX c');
  });

  it('an invisible character makes the shape text shorter: the mask still lands where the number was', () => {
    expect(maskCpr('a\u200bb 120374\u200b1234 c\u2060d 010150-1234')).toBe('a\u200bb DDMMYY-XXXX c\u2060d DDMMYY-XXXX');
    expect(maskCpr('\u0661\u0662\u0660\u0663\u0667\u0664-\u0661\u0662\u0663\u0664 og Ærø')).toBe('DDMMYY-XXXX og Ærø');
  });

  it('a phone number written with no-break spaces is a long number', () => {
    expect(identifyingSigns('Ring til datter 20\u00a030\u00a040\u00a050')).toContain('a long number (a phone number)');
  });
});

describe('a number glued to a letter', () => {
  it('hyphenated or with a blank, it is a CPR number (pt120374-1234), never a code', () => {
    for (const note of ['Lægerne Østergade (pt120374-1234)', 'HOV01 pt120374-1234', 'Hold cpr120374 1234', 'pt120374\u20131234 ring']) {
      expect(cprInside(note), note).toBe(true);
      expect(codeText(note), note).toBe(false);
    }
  });

  it('ten to twelve bare digits glued to a letter are a code read as written (P0101011234), as before', () => {
    expect(cprInside('Klinik P1203741234')).toBe(false);
    expect(cprInside('Lægehuset P-nr P100345678912')).toBe(false);
    // Bare digits not glued: a code only when repeated (codeText), refused otherwise.
    expect(cprInside('Klinik 1203741234')).toBe(true);
    expect(bareDigitNumbersOnly('Klinik 1203741234')).toBe(true);
  });
});

describe('what is still no CPR number', () => {
  it('three blanks, a date range, years, a phone number in pairs, a date with its separators and a time', () => {
    for (const t of ['120374   1234', '2023 - 2024', '01.03.2024 09:00', 'Hold 2024-03-01 09:00', 'tlf 86 12 34 56', '120374 -- 1234', '321374-1234']) {
      expect(looksLikeCpr(t), t).toBe(false);
      expect(maskCpr(t), t).toBe(t);
    }
  });
});

