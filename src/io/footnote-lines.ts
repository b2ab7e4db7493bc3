/**
 * Footnote lines under an export's rows: `Kilde: Danmarks Statistik, forskermaskine …`, `Antal
 * rækker: 2000`, one field of words after the last row (often after an empty line), or that
 * field followed by empty ones to the sheet's width (`Kilde: …;;;;;;;;;`: Danish Excel pads every
 * line of a sheet to its used width, as the registry reader already allows). At the end
 * of a table they are no row: the CSV reader leaves them out and the trial reader says so in a
 * note, as for SSMS's closing lines (ssms-trailer.ts); among the rows they are refused by that
 * name (docs/input-trial-export.md "Footnote lines"). The registry reader has its own rule for
 * footnote rows of several empty cells (src/uptake/footnote-rows.ts).
 */
import { lineList } from '../problem-groups.js';

/** Words: a letter and a space or colon (not an id such as `P5001`, a code such as `Ja`, or a number). */
function isWords(text: string): boolean {
  const t = text.trim();
  return /\p{L}/u.test(t) && /[\s:]/u.test(t);
}

/**
 * A field's shape: each run of letters "a", each run of digits "9", other characters kept, so
 * `Pt 0900` and `Pt 0001` are both "a 9", and `Region Hovedstaden` and `Region Sjælland` "a a".
 */
export function fieldShape(text: string): string {
  return text.trim().replace(/\p{L}+/gu, 'a').replace(/\p{N}+/gu, '9');
}

/**
 * A label, as the first cell of a footnote spread over a label cell and a value cell in Excel
 * (`Antal patienter i alt:,900`, `Udtrukket:,2024-01-05`, `"Kilde: Danmarks Statistik",2024`): a
 * colon, or two runs of letters or more ("Kilde Danmarks Statistik"). An id with a space has one
 * (`Pt 0900`, `SB 0003`).
 */
function isLabel(text: string): boolean {
  const t = text.trim();
  return t.includes(':') || (t.match(/\p{L}+/gu)?.length ?? 0) >= 2;
}

/**
 * Whether a short record (fewer fields than the header) is a footnote, not a row: only when it
 * cannot be a row. Its first field reads as words and has a shape no row's first field has
 * (`rowShapes`: an id `Pt 0900` is shaped as the ids above it), and either the first field is a
 * label (`isLabel`: the line is a label and its value, whatever the value) or every later field is
 * empty or words too (a comma splits "Kilde: Danmarks Statistik, forskermaskine 706xxx, …" into
 * fields of words; a row cut short keeps codes and numbers: `Pt 0900,Ja,60,M,S`). Otherwise it is a
 * row with too few fields, refused as such (a truncated copy, an exporter that drops trailing empty
 * fields). The first field decides what a number after it is: cff4545e asked every later field to
 * be words and refused `Antal patienter i alt:,900`, a footnote the build before dropped.
 */
export function isFootnoteLine(fields: readonly string[], rowShapes: ReadonlySet<string>): boolean {
  const [first = '', ...rest] = fields;
  if (!isWords(first) || rowShapes.has(fieldShape(first))) return false;
  return isLabel(first) || rest.every((f) => f.trim() === '' || isWords(f));
}

/**
 * Whether every field after a line's first is blank, as Excel pads a footnote to the sheet's
 * width (`Kilde: …;;;;;;;;;`): `text` is the line when it has no quotes (`fields` otherwise).
 * A data row's second field ends the test at its first character, so rows cost next to nothing.
 */
export function onlyFirstField(text: string | undefined, fields: readonly string[] | undefined, delimiter: string): boolean {
  if (text === undefined) return fields!.every((f, i) => i === 0 || f.trim() === '');
  const d = delimiter.charCodeAt(0);
  const at = text.indexOf(delimiter);
  if (at < 0) return true;
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== d && c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/**
 * Whether the first field of a padded line (onlyFirstField) reads as a footnote's text rather
 * than a row's first cell: a label with a colon (`Kilde: …`, `Antal rækker: 2000`) or a sentence
 * (three runs of letters or more, 16 characters or more: `Udtrukket 01-12-2026 af Region Syd`).
 * Narrower than a short line's test, since a padded line has a row's width: a row with only its
 * first cell filled (`SB0013;;;;`, `Jens Hansen;;;;`) stays a row, refused for its empty cells.
 */
export function isPaddedFootnoteText(first: string): boolean {
  const t = first.trim();
  return t.includes(':') || (t.length >= 16 && (t.match(/\p{L}+/gu)?.length ?? 0) >= 3);
}

/** The note for footnote lines left out at the end (stderr; Danish under `--lang da`, docs/cli.md "Danish output"); undefined when there were none. */
export function footnoteLinesNote(file: string, lines: readonly number[], lang: 'en' | 'da' = 'en'): string | undefined {
  if (lines.length === 0) return undefined;
  if (lang === 'da') return `${file}: ${lineList(lines, 'da')} efter den sidste række ${lines.length === 1 ? 'er en fodnote' : 'er fodnoter'} (en tekstlinje, fx "Kilde: …"): udeladt, ingen række`;
  return `${file}: ${lineList(lines)} after the last row ${lines.length === 1 ? 'is a footnote' : 'are footnotes'} (a line of text, such as "Kilde: …"): left out, no row`;
}

/** The problem's `expected` for a footnote line among the rows. */
export function footnoteLineExpected(fields: number): string {
  return `a row of ${fields} fields as in the header: this line is text, like a footnote ("Kilde: …"), among the rows — footnotes are left out only after the last row; delete it or move it there`;
}
