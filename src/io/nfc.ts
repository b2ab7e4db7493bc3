/**
 * Unicode normalisation form C, cheaply: macOS saves `å` decomposed (`a` + combining ring,
 * NFD), Windows composed (NFC); as values they are the same text (docs/input-trial-export.md).
 */

/** Any character that can change under NFC (everything below U+0300 is NFC already and composes with nothing before it). */
const MAY_CHANGE = /[\u0300-\uffff]/;

/** `text` in NFC; ASCII and Latin-1 text (most cells) without a call to normalize. */
export function nfc(text: string): string {
  return MAY_CHANGE.test(text) ? text.normalize('NFC') : text;
}
