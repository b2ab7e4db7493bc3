/**
 * Excel's "Unicode text" (Danish: "Unicode-tekst") and survey systems such as SurveyXact save
 * UTF-16 with a byte-order mark, tab-separated: the mark says the encoding for certain, so
 * such a file is read as text (decoded to UTF-8 as it streams) rather than refused as "not
 * UTF-8". Without the mark UTF-16 cannot be told for sure and stays refused.
 */
export function utf16Of(head: Uint8Array): Utf16 | undefined {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

export type Utf16 = 'utf-16le' | 'utf-16be';
