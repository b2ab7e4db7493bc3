import { describe, expect, it } from 'vitest';
import { decodeWindows1252, Windows1252Check } from '../../src/io/windows-1252.js';
import { parseCsvBytes } from '../../src/io/read-csv.js';
import { errorOf } from '../support/error-of.js';

/** Text → bytes in another single-byte encoding, from its table of the characters used here. */
const encode = (text: string, table: Record<string, number>): Buffer =>
  Buffer.from([...text].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : table[c] ?? (() => { throw new Error(`no byte for ${c}`); })())));

// The bytes each encoding writes for the Danish letters and signs (CP1252.TXT, CP850.TXT, ROMAN.TXT).
const CP1252 = { æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5, é: 0xe9, '€': 0x80, '–': 0x96, '’': 0x92, '“': 0x93, '”': 0x94, '½': 0xbd };
const CP850 = { æ: 0x91, ø: 0x9b, å: 0x86, Æ: 0x92, Ø: 0x9d, Å: 0x8f };
const MAC_ROMAN = { æ: 0xbe, ø: 0xbf, å: 0x8c, Æ: 0xae, Ø: 0xaf, Å: 0x81 };
// ISO-8859-15 (LibreOffice's "Western Europe (ISO-8859-15/EURO)"): Latin-1's letters, and eight bytes of its own.
const ISO_8859_15 = { æ: 0xe6, ø: 0xf8, å: 0xe5, á: 0xe1, '€': 0xa4, Š: 0xa6, š: 0xa8, Ž: 0xb4, ž: 0xb8, Œ: 0xbc, œ: 0xbd };

const check = (bytes: Uint8Array, chunk = bytes.length) => {
  const c = new Windows1252Check();
  for (let i = 0; i < bytes.length; i += chunk) c.add(bytes.subarray(i, i + chunk));
  return c;
};

const DANISH = 'Løbenr;Gruppe;Region\r\n1;Sædvanlig behandling;Sjælland\r\n2;App – og “vanlig” behandling;Nordjylland\r\n3;Ærø’s klinik;Århus ½ € 500\r\n';

describe('Windows-1252 text', () => {
  it('decodes the 0x80–0x9F range to its characters, not to C1 controls', () => {
    expect(decodeWindows1252(encode(DANISH, CP1252))).toBe(DANISH);
    expect(decodeWindows1252(Buffer.from([0x80, 0x96, 0x92, 0x8a]))).toBe('€–’Š');
  });

  it('finds a Danish Excel export plausible, in any chunking, and lists its letters', () => {
    for (const chunk of [1, 2, 7, 1000]) {
      const c = check(encode(DANISH, CP1252), chunk);
      expect(c.implausible).toBeUndefined();
      expect(c.characters.join('')).toBe('øæ–“”Æ’Å½€');
    }
  });

  it('refuses code page 850 and Mac Roman, whose Danish letters read as symbols between letters', () => {
    const dos = check(encode('Løbenr;Gruppe\n1;Sædvanlig\n', CP850));
    expect(dos.implausible).toMatchObject({ line: 1, offset: 1, byte: 0x9b });
    expect(dos.implausible!.why).toContain('between two letters');
    // In chunks of one byte the symbol is judged when the next byte arrives: same answer.
    expect(check(encode('Løbenr;Gruppe\n1;Sædvanlig\n', CP850), 1).implausible).toEqual(dos.implausible);
    const mac = check(encode('Id;Gruppe\n1;Sædvanlig\n', MAC_ROMAN));
    expect(mac.implausible).toMatchObject({ line: 2, offset: 13, byte: 0xbe });
    // Mac Roman's "Å" is a byte Windows-1252 does not define.
    expect(check(encode('Region\nÅrhus\n', MAC_ROMAN)).implausible).toMatchObject({ line: 2, byte: 0x81, why: 'a byte Windows-1252 does not define' });
  });

  it('refuses UTF-8 text with a stray Windows-1252 byte (its own letters would read "Ã¦")', () => {
    const mixed = Buffer.concat([Buffer.from('Region;Navn\nSjælland;', 'utf8'), Buffer.from([0xf8]), Buffer.from(' på\n', 'utf8')]);
    const c = check(mixed);
    expect(c.implausible).toMatchObject({ line: 2, offset: 14, byte: 0xc3 });
    expect(c.implausible!.why).toContain('UTF-8');
    // "–" in UTF-8 (E2 80 93) reads "â€“".
    expect(check(Buffer.concat([Buffer.from('a – b\n', 'utf8'), Buffer.from([0xe6])])).implausible).toMatchObject({ byte: 0xe2 });
  });

  it('refuses code page 850 and Mac Roman letters at a word\'s edge too (found in review)', () => {
    const done = (bytes: Uint8Array) => {
      const c = check(bytes);
      c.finish();
      return c.implausible;
    };
    // Mac Roman å (0x8C) reads Œ, a letter: a capital right after a small letter.
    expect(done(encode('tid\n3 måneder\n', { å: 0x8c }))).toMatchObject({ line: 2, byte: 0x8c, why: 'Œ right after the letter m' });
    expect(done(encode('Id\npå\n', { å: 0x8c }))).toMatchObject({ byte: 0x8c });
    // Code page 850: "på" reads "p†", "øre" "›re", "æble" "‘ble", "café" "caf‚" — at the end of the file too.
    expect(done(encode('Id\npå\n', CP850))).toMatchObject({ line: 2, byte: 0x86, why: '† beside a letter' });
    expect(done(encode('Id\npå', CP850))).toMatchObject({ byte: 0x86 });
    expect(done(encode('Id\nøre\n', CP850))).toMatchObject({ byte: 0x9b, why: '› beside a letter' });
    expect(done(encode('Id\næble\n', CP850))).toMatchObject({ line: 2, byte: 0x91, why: '‘ opening a word with no ’ closing it on its line' });
    expect(done(encode('Id\ncafé\n', { é: 0x82 }))).toMatchObject({ byte: 0x82, why: '‚ right after the letter f' });
    // Windows-1252's own quotes and signs beside letters are fine.
    expect(done(encode('Id;Svar\n1;‘Ja’ – “Nej” …\n2;20 €\n', { '‘': 0x91, '’': 0x92, '–': 0x96, '“': 0x93, '”': 0x94, '…': 0x85, '€': 0x80 }))).toBeUndefined();
  });

  it('refuses Mac Roman\'s ø, æ, Ø, Æ at a word\'s edge (Sø, Ærø, Øster read S¿, ®r¿, ¯ster), and keeps ¿ ® ¾ where Windows-1252 text writes them', () => {
    for (const word of ['Sø', 'Ærø', 'Øster', 'Læsø', 'græ']) {
      const c = check(encode(`id;site\r1;${word}\r`, MAC_ROMAN));
      expect(c.implausible, word).toMatchObject({ line: 2, macRoman: true });
    }
    expect(check(encode('id;note\r\n1;¿Qué? App® 1¾ liter\r\n', { '¿': 0xbf, '®': 0xae, '¾': 0xbe, é: 0xe9 })).implausible).toBeUndefined();
  });

  it('takes "’" between letters as an apostrophe and a symbol beside one letter as a symbol', () => {
    expect(check(encode('Don’t know;20 €;½ dag;“Ja”\n', CP1252)).implausible).toBeUndefined();
  });
});

// LibreOffice's "Western Europe (ISO-8859-15/EURO)" was read as Windows-1252: a unit cost "21,00 €"
// was refused quoting "21,00 ¤", a study "Šimek 2020" reached the forest plot as "¦imek 2020".
describe('ISO-8859-15 text (explorer finding, 6 December 2026)', () => {
  const done = (bytes: Uint8Array, chunk?: number) => {
    const c = check(bytes, chunk);
    c.finish();
    return c.implausible;
  };

  it('refuses a byte ISO-8859-15 reads as €, Š, š, Ž, ž, Œ or œ where it stands so, in any chunking, with both readings', () => {
    const cases: [string, number, string, string][] = [
      ['item;unit_cost\ngp;21,00 €\n', 0xa4, '\u00a4', '€'],
      ['study,n\nŠimek 2020,40\n', 0xa6, '\u00a6', 'Š'],
      ['study,n\nTomáš 2019,40\n', 0xa8, '\u00a8', 'š'],
      ['study,n\nŽák 2022,30\n', 0xb4, '\u00b4', 'Ž'],
      ['study,n\nBožena 2021,30\n', 0xb8, '\u00b8', 'ž'],
      ['site,n\nŒuvre,30\n', 0xbc, '\u00bc', 'Œ'],
      ['site,n\nSœur Marie,30\n', 0xbd, '\u00bd', 'œ'],
      // At the file's very end, judged by finish().
      ['item;unit_cost\ngp;21 €', 0xa4, '\u00a4', '€'],
    ];
    for (const [text, byte, w, iso] of cases) {
      for (const chunk of [1, 3, 1000]) expect(done(encode(text, ISO_8859_15), chunk), `${text} / ${chunk}`).toMatchObject({ line: 2, byte, iso885915: { windows1252: w, iso } });
    }
  });

  it('keeps reading Windows-1252 text that writes these signs as Windows-1252 text does', () => {
    // An acute accent after a word, fractions after a digit or alone, a broken bar between spaces.
    const text = 'id;note\r\n1;"Ja´ sagde hun", 1½time, ½ dag, ¼ l, a ¦ b\r\n';
    expect(done(encode(text, { ...CP1252, '´': 0xb4, '¼': 0xbc, '¦': 0xa6 }))).toBeUndefined();
  });

  it('the refusal names the byte, its line and both readings, and quotes no text the file does not hold', () => {
    const bytes = encode('item;unit_cost;currency\ngp;21,00 €;EUR\n', ISO_8859_15);
    const e = errorOf(() => parseCsvBytes(bytes, 'U2.csv'));
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('U2.csv is not UTF-8 text, and its encoding cannot be told: Windows-1252 or ISO-8859-15');
    expect(e.problems[0]).toMatchObject({ file: 'U2.csv', line: 2, value: `byte 0xA4 at byte offset ${bytes.indexOf(0xa4)}: the currency sign ¤, which no export writes`, kind: 'encoding.utf8' });
    expect(e.problems[0]!.expected).toContain('this byte is "¤" in Windows-1252 (Excel\'s plain "CSV") but "€" in ISO-8859-15 (LibreOffice\'s "Western Europe (ISO-8859-15/EURO)")');
    expect(e.problems[0]!.expected).toContain('Character set "Unicode (UTF-8)"');
    expect(JSON.stringify(e.problems)).not.toContain('21,00 ¤');
  });
});
