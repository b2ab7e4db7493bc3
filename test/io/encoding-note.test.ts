/**
 * The note saying a file was read as Windows-1252 or UTF-16 lists the file's non-ASCII characters
 * so that a misreading shows (io/encoding-note.ts). A character that prints as nothing or a plain
 * blank — a no-break space in a header (`Smerte<NBSP>(NRS)`, as Excel keeps one pasted from a web
 * page) — is named, not printed as an empty place in the list (explorer win, 6 December 2026).
 */
import { describe, expect, it } from 'vitest';
import { decodedNote } from '../../src/io/encoding-note.js';

describe('the encoding note\'s characters', () => {
  it('names a no-break space and a soft hyphen, shows controls by code, keeps letters', () => {
    const note = decodedNote('eksport.csv', { encoding: 'windows-1252', characters: ['ø', '\u00a0', 'æ', '\u00ad', '\u0085'] });
    expect(note).toBe('eksport.csv is not UTF-8: read as Windows-1252, as Excel\'s plain "CSV" (Danish: "CSV (semikolonsepareret)") and SPSS without "Encode values in UTF-8" write it (its characters ø, a no-break space (U+00A0), æ, a soft hyphen (U+00AD), U+0085); save it as UTF-8 (Excel: "CSV UTF-8"; SPSS: tick "Encode values in UTF-8") to make the encoding certain');
    expect(decodedNote('eksport.csv', { encoding: 'utf-16le', characters: ['\u00a0'] }, 'da')).toContain('(dens tegn et hårdt mellemrum (U+00A0))');
  });
});
