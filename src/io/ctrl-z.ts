/**
 * Ctrl-Z (0x1A, SUB), the end-of-file mark of CP/M and DOS: `copy /a`, some SAS programs and older
 * Windows exporters append one after a text file's last line. Notepad and Excel show nothing
 * there, so a reader that took it for a line of one field named an invisible line. Alone at the
 * end of a file — after the last line end, or alone on the last line — it is left out with a note,
 * by every reader; anywhere else (inside a cell, or followed by more rows) it is refused, the byte
 * named (docs/input-trial-export.md#ctrl-z).
 */

export const CTRL_Z = '\x1a';

/** Whether a line's text (a record's, as read) is the end-of-file mark alone (blanks around it aside). */
export function isCtrlZLine(text: string): boolean {
  return text.includes(CTRL_Z) && text.replace(/[\s\x1a]/g, '') === '' && text.split(CTRL_Z).length === 2;
}

/** The note for the mark left out at the end of `file` (its `line`). */
export function ctrlZNote(file: string, line: number, lang: 'en' | 'da' = 'en'): string {
  return lang === 'da'
    ? `${file}: linje ${line} rummer kun et filslutmærke, Ctrl-Z (byte 0x1A), som DOS' "copy /a" og nogle ældre Windows- og SAS-programmer skriver det (usynligt i Notesblok og Excel): udeladt, ingen række`
    : `${file}: line ${line} holds only an end-of-file mark, Ctrl-Z (byte 0x1A), as DOS "copy /a" and some older Windows and SAS programs write it (invisible in Notepad and Excel): left out, no row`;
}

/** The problem's `expected` for the byte anywhere but alone at the end. */
export const CTRL_Z_EXPECTED = 'no Ctrl-Z (byte 0x1A) here: it is an end-of-file mark (DOS, older Windows and SAS programs), invisible in Notepad and Excel, and read only alone at the very end of a file — delete the character (or the text after it), and export again';

export const CTRL_Z_KIND = 'csv.ctrl-z';
