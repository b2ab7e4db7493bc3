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
 * UTF-16 without a byte-order mark, as far as its first bytes show: ASCII text (a header line)
 * with a NUL byte after each character (little-endian) or before it (big-endian). No CSV text
 * holds NUL bytes, so eight such pairs in a row are not a coincidence. The caller refuses it
 * by name (read-csv.ts `notCsvFile`; docs/input-trial-export.md).
 */
export function utf16WithoutMark(head: Uint8Array): Utf16 | undefined {
  if (head.length < 16) return undefined;
  const pairs = (zero: number) => {
    for (let i = 0; i < 16; i += 2) {
      const text = head[i + 1 - zero]!;
      if (head[i + zero] !== 0 || text === 0 || text > 0x7f) return false;
    }
    return true;
  };
  return pairs(1) ? 'utf-16le' : pairs(0) ? 'utf-16be' : undefined;
}

export type Utf16 = 'utf-16le' | 'utf-16be';
