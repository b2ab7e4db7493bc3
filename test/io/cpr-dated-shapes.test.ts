/**
 * A CPR number typed with the separators Danes write a date with — `12.03.74-1234`,
 * `12/03/1974 1234`, `120374_1234` — is a CPR number everywhere the plain `120374-1234` is: a
 * whole cell is one, inside a name it is found (refused in a printed column), and every message
 * masks it (src/io/cpr-number.ts DATED; docs/output-safety.md "Personal identity numbers").
 * Found by an explorer of session 34: these shapes in a clinic or category cell were published.
 * The shapes are the explorer's; the false positives are what users' real data holds.
 */
import { describe, expect, it } from 'vitest';
import { holdsCpr, looksLikeCpr, looksLikeCprCell, maskCpr } from '../../src/io/cpr-number.js';
import { bareDigitNumbersOnly, codeText, cprCell, cprInside } from '../../src/uptake/cpr-shape.js';
import { cprCellTest } from '../../src/trial/cpr-cells.js';
import { identifyingSigns } from '../../src/trial/free-text.js';
import { publishedName } from '../../src/report/published-name.js';
import { maskedStderr } from '../../src/cli/io.js';

/** Each shape and its mask: the date's digits D, M, Y, the serial's X, the separators kept. */
const SHAPES: [string, string][] = [
  ['12.03.74-1234', 'DD.MM.YY-XXXX'],
  ['12-03-74-1234', 'DD-MM-YY-XXXX'],
  ['12/03/74-1234', 'DD/MM/YY-XXXX'],
  ['12.03.1974-1234', 'DD.MM.YYYY-XXXX'],
  ['12.03.74 1234', 'DD.MM.YY XXXX'],
  ['12 03 74 1234', 'DD MM YY XXXX'],
  ['120374_1234', 'DDMMYY_XXXX'],
  ['120374.1234', 'DDMMYY.XXXX'], // a whole trial cell of this shape is a number (below)
  ['120374/1234', 'DDMMYY/XXXX'],
  // Separators that differ, or one left out; a four-digit year without separators.
  ['12.03-74 1234', 'DD.MM-YY XXXX'],
  ['12/03/1974_1234', 'DD/MM/YYYY_XXXX'],
  ['12031974-1234', 'DDMMYYYY-XXXX'],
  ['12.03.74 - 1234', 'DD.MM.YY - XXXX'],
  ['29.02.2000-1234', 'DD.MM.YYYY-XXXX'],
];

describe('a CPR number typed as a date is written', () => {
  for (const [number, mask] of SHAPES) {
    it(`${number}: a whole cell is one, inside a name it is found, and a message masks it ${mask}`, () => {
      expect(looksLikeCpr(number)).toBe(true);
      expect(looksLikeCprCell(` ${number} `)).toBe(true);
      const note = `Lægehuset (pt. ${number})`;
      expect(cprInside(note)).toBe(true);
      expect(holdsCpr(note)).toBe(true);
      // Never a code, however often it repeats.
      expect(bareDigitNumbersOnly(note)).toBe(false);
      expect(codeText(note)).toBe(false);
      expect(cprCell('clinic', note, { clinic: new Set([note]) })).toBe(true);
      expect(cprCell('referrer', note, undefined)).toBe(true);
      expect(cprCell('clinic', number, undefined)).toBe(true);
      expect(maskCpr(`"45 (pt. ${number})"`)).toBe(`"45 (pt. ${mask})"`);
      expect(maskCpr(note)).not.toMatch(/\d/);
      expect(identifyingSigns(`Faldt, ${number}`)).toContain('a CPR number');
    });
  }

  it('in a trial or observational category column: refused, whole or inside other text', () => {
    for (const [number] of SHAPES) {
      const refused = cprCellTest([], 0, []);
      expect(refused(`kommune ${number}`, 2), number).toBe(true);
      expect(refused(number, 2), number).toBe(number !== '120374.1234');
    }
  });

  it('in a file name (a published page, a message on stderr): masked, the rest of the name kept', () => {
    expect(publishedName('/data/Hanne/udtræk 12.03.74-1234.csv')).toBe('udtræk DD.MM.YY-XXXX.csv');
    expect(publishedName('udtræk 120374_1234.csv')).toBe('udtræk DDMMYY_XXXX.csv');
    expect(maskedStderr('error: udtræk 12.03.74-1234.csv:11:7 (age): "45 (12 03 74 1234)" — expected a whole number')).toBe('error: udtræk DD.MM.YY-XXXX.csv:11:7 (age): "45 (DD MM YY XXXX)" — expected a whole number');
  });

  it('typed with a no-break space, an en dash or full-width separators: the same number', () => {
    expect(maskCpr('pt. 12.03.74\u00a01234 ring')).toBe('pt. DD.MM.YY XXXX ring');
    expect(maskCpr('pt. 12.03.74\u20131234 Ærø')).toBe('pt. DD.MM.YY-XXXX Ærø');
    expect(maskCpr('pt. \uff11\uff12\uff0e\uff10\uff13\uff0e\uff17\uff14-\uff11\uff12\uff13\uff14 Ærø')).toBe('pt. DD.MM.YY-XXXX Ærø');
    expect(cprInside('Lægehuset pt 120374\uff3f1234')).toBe(true);
  });

  it('two numbers of different shapes in one text are both masked, in order', () => {
    expect(maskCpr('a 12.03.74-1234 b 010150-1234 c 120374_1234')).toBe('a DD.MM.YY-XXXX b DDMMYY-XXXX c DDMMYY_XXXX');
  });
});

describe('what is still no CPR number', () => {
  const NOT: [string, string][] = [
    ['an ISO date and time', '2025-03-04 12:34'],
    ['an ISO date and a four-digit number after it', 'Henvist 2025-03-04 1234'],
    ['a Danish date with a time', '12.03.2024 kl. 12.30'],
    ['a date and a time with a colon', '12.03.74 12:34'],
    ['a date alone', 'Besøg 12.03.74'],
    ['a date range', '12.03.74-13.03.74'],
    ['a date range with four-digit years', '01.01.2024-31.12.2024'],
    ['a range of counts', '1.000-2.000 borgere'],
    ['a phone number', 'tlf 12 34 56 78'],
    ['a phone number in pairs of a date', 'tlf 12 03 74 12'],
    ['a clinic number', 'Klinik 1234'],
    ['a thousands-separated count', '1.234.567 borgere'],
    ['a larger thousands-separated count', '12.345.678,90 kr'],
    ['a decimal number', '3.1415926535'],
    ['a decimal of a date\'s digits after a digit', '0.120374.1234'],
    ['a version', 'v1.12.03.74-1234'],
    ['one of the date\'s two separators left out', '12.0374-1234'],
    ['a DOI', 'doi:10.1186/1471-2458-12-1'],
    ['another DOI', 'Control Clin Trials 7:177–188. doi:10.1016/0197-2456(86)90046-2'],
    ['a year range', '2019-2020'],
    ['an age range', 'alder 12-03'],
    ['no such month', '12.13.74-1234'],
    ['no such day', '32.03.74-1234'],
    ['30 February', '30.02.1974-1234'],
    ['a four-digit year outside 1800–2099', '12.03.2174-1234'],
    ['five digits after the date', '12.03.74-12345'],
    ['three blanks before the serial', '12.03.74   1234'],
    ['a compact date and time with "_" (YYYYMMDD_hhmm)', 'registry-20240517_1230.csv'],
  ];
  for (const [what, text] of NOT) {
    it(`${what}: ${text}`, () => {
      expect(maskCpr(text)).toBe(text);
      expect(holdsCpr(text)).toBe(false);
      expect(looksLikeCpr(text)).toBe(false);
      expect(cprInside(`Lægehuset ${text}`)).toBe(false);
    });
  }

  it('a whole trial cell of one decimal number with four decimals is a number (a cost), not a CPR number', () => {
    const refused = cprCellTest([], 0, []);
    for (const cost of ['120374.1234', '-150312.4567', ' 150312.4567 ']) expect(refused(cost, 3), cost).toBe(false);
    // Beside other text it is one; a registry, whose columns hold no costs, refuses it whole too;
    // and a message quoting the number masks it (the safe side).
    expect(refused('Lægehuset 120374.1234', 3)).toBe(true);
    expect(cprCell('clinic', '120374.1234', undefined)).toBe(true);
    expect(cprCell('age', '120374.1234', undefined)).toBe(true);
    expect(maskCpr('"120374.1234"')).toBe('"DDMMYY.XXXX"');
  });
});
