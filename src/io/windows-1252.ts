/**
 * Windows-1252, the encoding of Danish Excel's "CSV (semikolonsepareret)" and of other
 * Windows programs' plain "CSV": the export most Danish users have. A file that is not UTF-8 is
 * read as Windows-1252 when its text is plausible as such, and refused otherwise
 * (docs/input-trial-export.md#encodings).
 *
 * Plausible means: no byte that Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), and
 * no symbol between two letters. The second rule is what tells Windows-1252 from the encodings
 * that would be misread as it: their Danish letters are symbols in Windows-1252 — code page 850
 * (DOS, old SAS) writes "Sædvanlig" as bytes that read "S‘dvanlig", Mac Roman as "S¾dvanlig" —
 * ISO-8859-15 (LibreOffice's "Western Europe (ISO-8859-15/EURO)") differs from Windows-1252 at
 * eight bytes (`€ Š š Ž ž Œ œ Ÿ` where Windows-1252 reads `¤ ¦ ¨ ´ ¸ ¼ ½ ¾`): where one of them
 * stands as only ISO-8859-15 would write it (`¤` anywhere, `¦` against a letter: `iso885915Why`),
 * the file is refused naming both readings — never read with a character it does not hold.
 * A UTF-8 file with one stray Windows-1252 byte is refused too: its own letters read "Ã¦" for
 * "æ", "â€“" for "–" (Ã, Â or â followed by a byte 0x80–0xBF: UTF-8's lead byte of every
 * Latin-1 letter and of "–", "’", "€"; no Danish, German or English text has that pair). A misread
 * "æ" would never match an arm or region label, or worse, be published as a clinic's name.
 *
 * Node's TextDecoder("windows-1252") decodes bytes 0x80–0x9F as Latin-1 does (C1 controls, not
 * "€", "–", "’"), so the 32 code points of that range are listed here (the Unicode
 * consortium's mapping table CP1252.TXT); every other byte is its own code point.
 */
import { HtaError } from '../errors.js';

/** Code points of bytes 0x80–0x9F; -1 where Windows-1252 defines no character. */
const HIGH = [
  0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, -1, 0x017d, -1,
  -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, -1, 0x017e, 0x0178,
];

const HIGH_TEXT = HIGH.map((cp) => (cp < 0 ? '' : String.fromCharCode(cp)));

/** The character of one byte (undefined for the five undefined bytes). */
export function windows1252Char(byte: number): string | undefined {
  if (byte >= 0x80 && byte <= 0x9f) return HIGH_TEXT[byte - 0x80] || undefined;
  return String.fromCharCode(byte);
}

/** Bytes → text. Undefined bytes must have been refused before (see Windows1252Check). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return /[\x80-\x9f]/.test(text) ? text.replace(/[\x80-\x9f]/g, (c) => HIGH_TEXT[c.charCodeAt(0) - 0x80]!) : text;
}

const LETTER = /\p{L}/u;
const isLetter = (c: string | undefined): boolean => c !== undefined && LETTER.test(c);
const LOWER = /\p{Ll}/u;
/**
 * Signs no Danish, German or English text writes against a letter, but which code page 850 writes
 * for its letters (å = †, ø = ›; ‹ ‡ for others) — at a word's edge as well as inside it.
 */
const NEVER_BESIDE_A_LETTER = new Set(['\u2020', '\u2021', '\u2039', '\u203a']);
/** Opening low quotes (‚ „): never right after a letter, where code page 850 writes é and ä. */
const OPENING_LOW = new Set(['\u201a', '\u201e']);
/** Capitals of 0x80–0x9F (Š Œ Ž Ÿ): never right after a small letter, where Mac Roman writes ä, å, é, ü. */
const HIGH_CAPITALS = new Set(['\u0160', '\u0152', '\u017d', '\u0178']);
/**
 * Mac Roman's ø, æ, Ø, Æ read as Windows-1252 (¿ ¾ ¯ ®) at a word's edge, where the rule of a
 * symbol between two letters misses them (`S¿`, `®r¿`, `¯ster` for Sø, Ærø, Øster: Excel for
 * Mac's "CSV (Macintosh)"). No Danish, German or English text writes ¾ or ¯ against a letter, ¿
 * right after one (a Spanish ¿ opens a question) or ® right before one (it follows a name).
 */
const MAC_ROMAN_BESIDE = new Set(['\u00be', '\u00af']);
const MAC_ROMAN_AFTER_LETTER = '\u00bf';
const MAC_ROMAN_BEFORE_LETTER = '\u00ae';
const MAC_ROMAN_SIGNS = new Set([...MAC_ROMAN_BESIDE, MAC_ROMAN_AFTER_LETTER, MAC_ROMAN_BEFORE_LETTER]);
const MAC_ROMAN_WHY = " (Mac Roman's ø æ Ø Æ?)";

/**
 * The bytes ISO-8859-15 (LibreOffice's "Western Europe (ISO-8859-15/EURO)") reads otherwise than
 * Windows-1252: the two agree on every other printable byte, so a file of it with none of these is
 * read right. Each is the reading of its byte, for the refusal (`Implausible.iso885915`).
 */
const ISO_8859_15: Readonly<Record<number, { windows1252: string; iso: string }>> = {
  0xa4: { windows1252: '\u00a4', iso: '\u20ac' },
  0xa6: { windows1252: '\u00a6', iso: '\u0160' },
  0xa8: { windows1252: '\u00a8', iso: '\u0161' },
  0xb4: { windows1252: '\u00b4', iso: '\u017d' },
  0xb8: { windows1252: '\u00b8', iso: '\u017e' },
  0xbc: { windows1252: '\u00bc', iso: '\u0152' },
  0xbd: { windows1252: '\u00bd', iso: '\u0153' },
  0xbe: { windows1252: '\u00be', iso: '\u0178' },
};
const DIGIT = /\d/;

/**
 * Why the byte `byte`, between `before` and `after` (undefined at the file's edges), reads as
 * ISO-8859-15 rather than Windows-1252; undefined where Windows-1252's reading is the likelier.
 * `¤` is written by no export (LibreOffice's `21,00 €` in ISO-8859-15); `¦ ¨ ¸` are no text's
 * signs beside a letter (`Šimek`, `Tomáš`, `Božena`); `´` before a word (`Žák`), not after one (an
 * accent typed as a closing quote; between two letters the rule of a symbol between letters refuses it); `¼ ½` against a letter (`Œuvre`,
 * `cœur`), not after a digit (`1½time`). `¾` is left to Mac Roman's rule (its `æ`), which refuses it too.
 */
function iso885915Why(byte: number, before: string | undefined, after: string | undefined): string | undefined {
  switch (byte) {
    case 0xa4:
      return 'the currency sign ¤, which no export writes';
    case 0xa6:
    case 0xa8:
    case 0xb8:
      return isLetter(before) || isLetter(after) ? `${windows1252Char(byte)} beside a letter` : undefined;
    case 0xb4:
      return isLetter(after) && !isLetter(before) ? '´ opening a word' : undefined;
    case 0xbc:
    case 0xbd:
      return (isLetter(before) || isLetter(after)) && !(before !== undefined && DIGIT.test(before)) ? `${windows1252Char(byte)} beside a letter` : undefined;
    default:
      return undefined;
  }
}

/** Why a byte makes the file implausible as Windows-1252: where it is and what was seen. */
export interface Implausible {
  /** 1-based line. */
  line: number;
  /** Byte offset in the file. */
  offset: number;
  byte: number;
  why: string;
  /** The byte starts UTF-8 text (the file mixes UTF-8 with Windows-1252). */
  utf8?: true;
  /** The byte is one of Mac Roman's Danish letters (MAC_ROMAN_BESIDE and the like): the message names Excel for Mac. */
  macRoman?: true;
  /** The byte reads otherwise in ISO-8859-15 (LibreOffice's "Western Europe"), and likelier so: both readings, for the message. */
  iso885915?: { windows1252: string; iso: string };
}

/**
 * Checks bytes, chunk by chunk, as Windows-1252 text (the rules above). Chunks arrive in file
 * order; a symbol at the end of one chunk is judged when the next one's first byte is seen.
 */
export class Windows1252Check {
  /** The first implausible byte, once found. */
  implausible: Implausible | undefined;
  /** Distinct non-ASCII characters seen (in order of first appearance), for the reader's note. */
  readonly characters: string[] = [];
  #seen = new Set<string>();
  #line = 1;
  #offset = 0;
  /** The previous byte's character (context for the next chunk's first byte). */
  #prev: string | undefined;
  #prevByte = 0;
  /** A non-letter, non-ASCII character waiting for the next byte: [its char, byte, offset, line, char before it]. */
  #pending: { char: string; byte: number; offset: number; line: number; before: string | undefined } | undefined;
  /** An opening "‘" before a letter on this line with no "’" after it yet (code page 850's æ). */
  #open: { byte: number; offset: number; line: number } | undefined;

  add(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length && !this.implausible; i++) {
      const b = bytes[i]!;
      const offset = this.#offset + i;
      const char = b < 0x80 ? String.fromCharCode(b) : windows1252Char(b);
      if (this.#pending) {
        const p = this.#pending;
        this.#pending = undefined;
        const iso = iso885915Why(p.byte, p.before, char);
        if (iso !== undefined) {
          this.implausible = { line: p.line, offset: p.offset, byte: p.byte, why: iso, iso885915: ISO_8859_15[p.byte]! };
          break;
        }
        if (isLetter(p.before) && isLetter(char)) {
          this.implausible = { line: p.line, offset: p.offset, byte: p.byte, why: `${p.char} between two letters`, ...(MAC_ROMAN_SIGNS.has(p.char) ? { macRoman: true as const } : {}) };
          break;
        }
        if (NEVER_BESIDE_A_LETTER.has(p.char) && (isLetter(p.before) || isLetter(char))) {
          this.implausible = { line: p.line, offset: p.offset, byte: p.byte, why: `${p.char} beside a letter` };
          break;
        }
        if ((MAC_ROMAN_BESIDE.has(p.char) && (isLetter(p.before) || isLetter(char))) || (p.char === MAC_ROMAN_AFTER_LETTER && isLetter(p.before)) || (p.char === MAC_ROMAN_BEFORE_LETTER && isLetter(char))) {
          this.implausible = { line: p.line, offset: p.offset, byte: p.byte, why: `${p.char} beside a letter${MAC_ROMAN_WHY}`, macRoman: true };
          break;
        }
        if (p.char === '\u2018' && isLetter(char)) this.#open ??= { byte: p.byte, offset: p.offset, line: p.line };
      }
      if (char === '\u2019') this.#open = undefined;
      // A line ends at an LF, a CRLF or a CR alone (Excel for old Macs), as the CSV reader counts lines.
      const lineEnd = b === 0x0d || (b === 0x0a && this.#prevByte !== 0x0d);
      if (lineEnd && this.#open) {
        const o = this.#open;
        this.implausible = { line: o.line, offset: o.offset, byte: o.byte, why: '‘ opening a word with no ’ closing it on its line' };
        break;
      }
      if (b >= 0x80 && b <= 0xbf && (this.#prevByte === 0xc2 || this.#prevByte === 0xc3 || this.#prevByte === 0xe2)) {
        this.implausible = { line: this.#line, offset: offset - 1, byte: this.#prevByte, why: `UTF-8 text (${this.#prev}${char ?? ''} is how UTF-8 writes a letter or sign, read as Windows-1252)`, utf8: true };
        break;
      }
      this.#prevByte = b;
      if (lineEnd) this.#line++;
      if (char === undefined) {
        this.implausible = { line: this.#line, offset, byte: b, why: 'a byte Windows-1252 does not define' };
        break;
      }
      if (b >= 0x80) {
        if (!this.#seen.has(char)) {
          this.#seen.add(char);
          this.characters.push(char);
        }
        if ((OPENING_LOW.has(char) && isLetter(this.#prev)) || (HIGH_CAPITALS.has(char) && this.#prev !== undefined && LOWER.test(this.#prev))) {
          this.implausible = { line: this.#line, offset, byte: b, why: `${char} right after the letter ${this.#prev}` };
          break;
        }
        // "’" between letters is an apostrophe ("don’t"); other symbols there are misread letters.
        if (!isLetter(char) && char !== '\u2019') this.#pending = { char, byte: b, offset, line: this.#line, before: this.#prev };
      }
      this.#prev = char;
    }
    this.#offset += bytes.length;
  }

  /** The end of the input: a sign waiting for its next character, or an unclosed "‘", is judged now. */
  finish(): void {
    if (this.implausible) return;
    const p = this.#pending;
    this.#pending = undefined;
    const iso = p && iso885915Why(p.byte, p.before, undefined);
    if (p && iso !== undefined) this.implausible = { line: p.line, offset: p.offset, byte: p.byte, why: iso, iso885915: ISO_8859_15[p.byte]! };
    else if (p && NEVER_BESIDE_A_LETTER.has(p.char) && isLetter(p.before)) this.implausible = { line: p.line, offset: p.offset, byte: p.byte, why: `${p.char} beside a letter` };
    else if (p && (MAC_ROMAN_BESIDE.has(p.char) || p.char === MAC_ROMAN_AFTER_LETTER) && isLetter(p.before)) this.implausible = { line: p.line, offset: p.offset, byte: p.byte, why: `${p.char} beside a letter${MAC_ROMAN_WHY}`, macRoman: true };
    else if (this.#open) this.implausible = { ...this.#open, why: '‘ opening a word with no ’ closing it on its line' };
  }
}

/**
 * A file that is UTF-8 in part (`utf8`: where UTF-8 text is) and not UTF-8 elsewhere (`notUtf8`:
 * the first byte that is not): named at that byte, which is where the other encoding came in.
 */
export function mixedEncodings(notUtf8: HtaError, utf8: Implausible): HtaError {
  const first = notUtf8.problems[0]!;
  // The byte that is not UTF-8 as Windows-1252 reads it ("0xF8" is "ø"), so the user can find it.
  const hex = /^byte 0x([0-9A-F]{2})\b/.exec(String(first.value ?? ''))?.[1];
  const char = hex === undefined ? undefined : windows1252Char(parseInt(hex, 16));
  const read = char && char.trim() ? char : undefined;
  // Both on one line (a UTF-8 column added to Windows-1252 lines, as an awk or a spreadsheet join
  // writes it): "like line 1" would contradict itself. Saving again keeps both encodings, so each
  // part is to be converted before the join (docs/input-trial-export.md#one-file-per-visit).
  const where =
    utf8.line === first.line
      ? `UTF-8 text throughout: this line holds UTF-8 text (at byte offset ${utf8.offset}) and text in another encoding (this byte, most likely Windows-1252${read ? `, where it is "${read}"` : ''})`
      : `UTF-8 text like line ${utf8.line} (this line was written in another encoding, most likely Windows-1252${read ? `, where the byte is "${read}"` : ''})`;
  return new HtaError('input.invalid', `${first.file} mixes two encodings`, [
    {
      ...first,
      expected: `${where} — files of two encodings joined (exports joined, or a column added in UTF-8 to Windows-1252 lines), or text typed or pasted in by another program. Saving the file again keeps both: convert each Windows-1252 file to UTF-8 before joining them (iconv -f CP1252 -t UTF-8, or open it in Excel and save it as "CSV UTF-8", Danish: "CSV UTF-8 (kommasepareret)"; docs/input-trial-export.md#one-file-per-visit), or retype the characters that show wrong`,
    },
  ]);
}

/**
 * The file is neither UTF-8 nor plausible Windows-1252: named at the byte that says so, with
 * what it looks like instead (code page 850 or Mac Roman letters, or UTF-8 mixed in).
 */
export function notWindows1252(file: string, at: Implausible): HtaError {
  const hex = at.byte.toString(16).toUpperCase().padStart(2, '0');
  // A byte the two Western European encodings read differently: both readings said, neither
  // quoted as the file's (a unit cost "21,00 €" was refused as "21,00 ¤", a text the user never wrote).
  if (at.iso885915) {
    const { windows1252: w, iso } = at.iso885915;
    return new HtaError('input.invalid', `${file} is not UTF-8 text, and its encoding cannot be told: Windows-1252 or ISO-8859-15`, [
      {
        file,
        line: at.line,
        value: `byte 0x${hex} at byte offset ${at.offset}: ${at.why}`,
        expected: `UTF-8 text: this byte is "${w}" in Windows-1252 (Excel's plain "CSV") but "${iso}" in ISO-8859-15 (LibreOffice's "Western Europe (ISO-8859-15/EURO)"), the likelier reading here — hta reads a file that is not UTF-8 as Windows-1252 only where its text is plausible as such, and does not guess between the two. Save it as UTF-8: in LibreOffice, File → Save As, "Text CSV", tick "Edit filter settings", Character set "Unicode (UTF-8)"; in Excel, "CSV UTF-8" (Danish: "CSV UTF-8 (kommasepareret)")`,
        kind: 'encoding.utf8',
      },
    ]);
  }
  return new HtaError('input.invalid', `${file} is not UTF-8 text, nor Windows-1252 text`, [
    {
      file,
      line: at.line,
      value: `byte 0x${hex} at byte offset ${at.offset}: ${at.why}`,
      expected:
        (at.macRoman ? 'UTF-8 text: the file looks like Mac Roman, as Excel for Mac\'s "CSV (Macintosh)" writes it, which hta does not read; ' : 'UTF-8 text: ') +
        'save it from Excel as "CSV UTF-8" (Danish: "CSV UTF-8 (kommasepareret)"). A file that is not UTF-8 is read as Windows-1252 (Excel\'s plain "CSV"), but not this one: code page 850 (Excel\'s "CSV (MS-DOS)", DOS programs, SAS), Mac Roman and UTF-8 mixed with Windows-1252 write æ, ø and å as other bytes, refused rather than misread',
      kind: 'encoding.utf8',
    },
  ]);
}
