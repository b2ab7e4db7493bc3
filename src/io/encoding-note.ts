/**
 * The sentence that says a file was not UTF-8 and how it was read (docs/input-trial-export.md,
 * "Encodings"; docs/input-registry.md): every command that reads such a file prints it, and the
 * uptake page carries it, with the file's non-ASCII characters so that a misreading shows.
 */
import { ctrlZNote } from './ctrl-z.js';
import type { Dialect } from './dialect.js';

type Lang = 'en' | 'da';

/** How a file that is not UTF-8 was decoded, and the distinct non-ASCII characters seen in it. */
export interface Decoded {
  encoding: 'windows-1252' | 'utf-16le' | 'utf-16be';
  characters: readonly string[];
}

const TEXT = {
  windows1252: {
    en: '{file} is not UTF-8: read as Windows-1252, as Excel\'s plain "CSV" (Danish: "CSV (semikolonsepareret)") and SPSS without "Encode values in UTF-8" write it{letters}; save it as UTF-8 (Excel: "CSV UTF-8"; SPSS: tick "Encode values in UTF-8") to make the encoding certain',
    da: '{file} er ikke UTF-8: den er indlæst som Windows-1252, sådan som Excels almindelige "CSV (semikolonsepareret)" og SPSS uden "Encode values in UTF-8" gemmer den{letters}; gem den som UTF-8 (Excel: "CSV UTF-8"; SPSS: sæt flueben ved "Encode values in UTF-8"), så er tegnsættet sikkert',
  },
  utf16: {
    en: '{file} is not UTF-8: read as UTF-16 ({order}, by its byte-order mark), as Excel\'s "Unicode text" saves it{letters}; "CSV UTF-8" is read as it stands',
    da: '{file} er ikke UTF-8: den er indlæst som UTF-16 ({order}, efter dens byte-order mark), sådan som Excels "Unicode-tekst" gemmer den{letters}; "CSV UTF-8" læses, som den er',
  },
  letters: { en: ' (its characters {list})', da: ' (dens tegn {list})' },
} as const;

/** At most this many of the file's non-ASCII characters are listed. */
const SHOWN = 12;

const fill = (t: string, v: Record<string, string>) => t.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? `{${k}}`);

/**
 * Characters that print as nothing or as a plain blank, named instead (a no-break space in a
 * header showed as an empty place in the list: explorer win, 6 December 2026).
 */
const INVISIBLE: Record<string, { en: string; da: string }> = {
  '\u00a0': { en: 'a no-break space (U+00A0)', da: 'et hårdt mellemrum (U+00A0)' },
  '\u00ad': { en: 'a soft hyphen (U+00AD)', da: 'en blød bindestreg (U+00AD)' },
};

/** A character of the list as it can be seen: an invisible one by name, a control by its code. */
function shownCharacter(c: string, lang: Lang): string {
  const named = INVISIBLE[c];
  if (named) return named[lang];
  const code = c.codePointAt(0)!;
  return code < 0x20 || (code >= 0x7f && code < 0xa0) || /^\s$/u.test(c) ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : c;
}

/** The sentence (no final full stop) for `file` decoded as `d`. */
export function decodedNote(file: string, d: Decoded, lang: Lang = 'en'): string {
  const items = d.characters.slice(0, SHOWN).map((c) => shownCharacter(c, lang));
  // Letters apart by a space (ø æ Å); with a named one among them, by commas ("ø, a no-break space (U+00A0), æ").
  const named = items.some((x) => [...x].length > 1);
  const shown = items.join(named ? ', ' : ' ') + (d.characters.length > SHOWN ? (named ? ', …' : ' …') : '');
  const letters = d.characters.length > 0 ? fill(TEXT.letters[lang], { list: shown }) : '';
  if (d.encoding === 'windows-1252') return fill(TEXT.windows1252[lang], { file, letters });
  return fill(TEXT.utf16[lang], { file, letters, order: d.encoding === 'utf-16le' ? 'little-endian' : 'big-endian' });
}

/** The note for a CSV table read decoded (Windows-1252 or UTF-16); undefined for UTF-8 (nothing to say). */
export function encodingNote(file: string, dialect: Dialect, lang: Lang = 'en'): string | undefined {
  // A Ctrl-Z left out at the end (ctrl-z.ts) is said with it: every reader prints this note.
  const eof = dialect.ctrlZ === undefined ? undefined : ctrlZNote(file, dialect.ctrlZ, lang);
  if (dialect.windows1252) {
    const decoded = decodedNote(file, { encoding: 'windows-1252', characters: [...dialect.windows1252.characters] }, lang);
    return eof === undefined ? decoded : `${decoded}; ${eof}`;
  }
  return eof;
}
