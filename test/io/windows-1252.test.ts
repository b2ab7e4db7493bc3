import { describe, expect, it } from 'vitest';
import { decodeWindows1252, Windows1252Check } from '../../src/io/windows-1252.js';

/** Text → bytes in another single-byte encoding, from its table of the characters used here. */
const encode = (text: string, table: Record<string, number>): Buffer =>
  Buffer.from([...text].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : table[c] ?? (() => { throw new Error(`no byte for ${c}`); })())));

// The bytes each encoding writes for the Danish letters and signs (CP1252.TXT, CP850.TXT, ROMAN.TXT).
const CP1252 = { æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5, é: 0xe9, '€': 0x80, '–': 0x96, '’': 0x92, '“': 0x93, '”': 0x94, '½': 0xbd };
const CP850 = { æ: 0x91, ø: 0x9b, å: 0x86, Æ: 0x92, Ø: 0x9d, Å: 0x8f };
const MAC_ROMAN = { æ: 0xbe, ø: 0xbf, å: 0x8c, Æ: 0xae, Ø: 0xaf, Å: 0x81 };

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
