/**
 * Excel's "Unicode text" (Danish: "Unicode-tekst") and survey systems such as SurveyXact save
 * UTF-16 with a byte-order mark, tab-separated: the mark says the encoding for certain, so
 * such a file is read as text (decoded to UTF-8 as it streams) rather than refused as "not
 * UTF-8". Without the mark UTF-16 cannot be told for sure and stays refused (`utf16WithoutMark`).
 */
export function utf16Of(head: Uint8Array): Utf16 | undefined {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * UTF-16 without a byte-order mark, as far as its first bytes show: header text of ASCII and
 * Latin-1 letters (`Løbenr`: ø is F8 00) with a NUL byte after each character (little-endian)
 * or before it (big-endian). No CSV text holds NUL bytes, so eight such pairs in a row are not a
 * coincidence. The character of each pair must be one a header holds (printable ASCII, tab, line
 * ends, or a Latin-1 letter or sign from U+00A0): a binary file's NULs beside control bytes stay a
 * "binary file". The caller refuses it by name (read-csv.ts `notCsvFile`; docs/input-trial-export.md).
 */
export function utf16WithoutMark(head: Uint8Array): Utf16 | undefined {
  if (head.length < 16) return undefined;
  const headerChar = (c: number) => c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0x7e) || c >= 0xa0;
  const pairs = (zero: number) => {
    for (let i = 0; i < 16; i += 2) {
      if (head[i + zero] !== 0 || !headerChar(head[i + 1 - zero]!)) return false;
    }
    return true;
  };
  return pairs(1) ? 'utf-16le' : pairs(0) ? 'utf-16be' : undefined;
}

export type Utf16 = 'utf-16le' | 'utf-16be';
