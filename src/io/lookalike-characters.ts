/**
 * Characters a JSON plan picks up from Word, Outlook or a web page that look like (or hide
 * among) JSON's own: a no-break space where an indent was, a zero-width space or a stray
 * byte-order mark inside, curly quotes (“ ”) where straight ones (") belong. A text editor shows
 * none of them as what they are, so an error names each by its Unicode name and code and says what
 * to do (docs/limits.md "JSON files").
 */

export interface Lookalike {
  /** As an error names it: `a no-break space (U+00A0 NO-BREAK SPACE)`. */
  name: string;
  /** What to do about it. */
  fix: string;
}

const SPACE_FIX = 'JSON reads only ordinary spaces, tabs and line breaks between its parts: replace it with an ordinary space (it comes from copying out of Word, Outlook or a web page)';
const HIDDEN_FIX = 'it is invisible in most editors: delete it (easiest: retype the line around it)';
const QUOTE_FIX = 'JSON takes only straight double quotes ("): replace it (Word and Outlook turn " into “ ” as you type; write the plan in a text editor such as Notepad or VS Code)';

/** The quotes written where JSON's straight double quote (") belongs, by their Unicode names. */
const DOUBLE_QUOTES: Record<number, string> = {
  0x201c: 'LEFT DOUBLE QUOTATION MARK',
  0x201d: 'RIGHT DOUBLE QUOTATION MARK',
  0x201e: 'DOUBLE LOW-9 QUOTATION MARK',
  0x201f: 'DOUBLE HIGH-REVERSED-9 QUOTATION MARK',
  0x2033: 'DOUBLE PRIME',
  0x00ab: 'LEFT-POINTING DOUBLE ANGLE QUOTATION MARK',
  0x00bb: 'RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK',
  0xff02: 'FULLWIDTH QUOTATION MARK',
};

/** Those quotes as one string (`“”„‟″«»＂`), for a character class: one that may have been meant to close a string. */
export const DOUBLE_QUOTE_LOOKALIKES = String.fromCharCode(...Object.keys(DOUBLE_QUOTES).map(Number));

/** Unicode names of the characters named here (Node has no table of names). */
const NAMES: Record<number, [string, 'space' | 'hidden' | 'quote' | 'line']> = {
  0x00a0: ['NO-BREAK SPACE', 'space'],
  0x1680: ['OGHAM SPACE MARK', 'space'],
  0x2000: ['EN QUAD', 'space'],
  0x2001: ['EM QUAD', 'space'],
  0x2002: ['EN SPACE', 'space'],
  0x2003: ['EM SPACE', 'space'],
  0x2004: ['THREE-PER-EM SPACE', 'space'],
  0x2005: ['FOUR-PER-EM SPACE', 'space'],
  0x2006: ['SIX-PER-EM SPACE', 'space'],
  0x2007: ['FIGURE SPACE', 'space'],
  0x2008: ['PUNCTUATION SPACE', 'space'],
  0x2009: ['THIN SPACE', 'space'],
  0x200a: ['HAIR SPACE', 'space'],
  0x202f: ['NARROW NO-BREAK SPACE', 'space'],
  0x205f: ['MEDIUM MATHEMATICAL SPACE', 'space'],
  0x3000: ['IDEOGRAPHIC SPACE', 'space'],
  0x00ad: ['SOFT HYPHEN', 'hidden'],
  0x200b: ['ZERO WIDTH SPACE', 'hidden'],
  0x200c: ['ZERO WIDTH NON-JOINER', 'hidden'],
  0x200d: ['ZERO WIDTH JOINER', 'hidden'],
  0x200e: ['LEFT-TO-RIGHT MARK', 'hidden'],
  0x200f: ['RIGHT-TO-LEFT MARK', 'hidden'],
  0x2060: ['WORD JOINER', 'hidden'],
  0xfeff: ['ZERO WIDTH NO-BREAK SPACE, a byte-order mark inside the file', 'hidden'],
  0x2028: ['LINE SEPARATOR', 'line'],
  0x2029: ['PARAGRAPH SEPARATOR', 'line'],
  0x0085: ['NEXT LINE', 'line'],
  ...Object.fromEntries(Object.entries(DOUBLE_QUOTES).map(([c, name]): [string, [string, 'quote']] => [c, [name, 'quote']])),
  0x2018: ['LEFT SINGLE QUOTATION MARK', 'quote'],
  0x2019: ['RIGHT SINGLE QUOTATION MARK', 'quote'],
};

const code = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** The character at `text[offset]` when it is one of these, with its name and what to do; else undefined. */
export function lookalikeAt(text: string, offset: number): Lookalike | undefined {
  const c = text.charCodeAt(offset);
  if (Number.isNaN(c)) return undefined;
  const known = NAMES[c];
  if (known) {
    const [name, kind] = known;
    const what = kind === 'quote' ? `the quote ${text[offset]}` : kind === 'space' ? 'a space-like character' : kind === 'line' ? 'a line-break-like character' : 'an invisible character';
    const fix = kind === 'quote' ? QUOTE_FIX : kind === 'space' ? SPACE_FIX : kind === 'line' ? 'replace it with an ordinary line break (Enter)' : HIDDEN_FIX;
    return { name: `${what} (${code(c)} ${name})`, fix };
  }
  // Any other space or invisible format character: named by its code.
  if (/[\p{Zs}\p{Cf}]/u.test(text[offset]!)) return { name: `an invisible or space-like character (${code(c)})`, fix: HIDDEN_FIX };
  return undefined;
}

/**
 * A key or text value of the plan holding a character that shows as nothing (zero-width, a
 * byte-order mark, a soft hyphen, a direction mark) or as an ordinary space while it is not one:
 * the first such, with its place in the text, for a note beside a problem that quotes the text
 * (`"mcid\u200B"` prints as "mcid"). A no-break space is named too: a key or an export value
 * never means it. Undefined when there is none.
 */
export function hiddenCharacterNote(s: string): string | undefined {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x20 || (c >= 0x21 && c < 0x7f)) continue;
    const known = NAMES[c];
    if (known ? known[1] === 'quote' : !/[\p{Zs}\p{Cf}]/u.test(s[k]!)) continue;
    const where = k === 0 ? 'at its start' : k === s.length - 1 ? `at its end, after ${JSON.stringify(s.slice(0, k))}` : `after ${JSON.stringify(s.slice(0, k))}`;
    return `it holds ${lookalikeAt(s, k)!.name} ${where}, which the editor does not show: delete it`;
  }
  return undefined;
}
