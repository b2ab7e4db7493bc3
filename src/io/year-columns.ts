/**
 * A header with years as column names — `Region;2024;2025;2026`, a statistics table written wide
 * (one column per year) — is a header, not a first row of values: its numeric names are all
 * distinct four-digit years and at least one name is text. Only the eligible file reads such a
 * file (docs/input-registry.md "The eligible file"); `readCsvFile` lets its header through when
 * asked (`yearColumns`), every other reader still says "no header line".
 */

/** Where the text and the year columns of such a header are, or undefined when it is none. */
export function yearColumns(header: readonly string[]): { text: number[]; years: number[] } | undefined {
  const text: number[] = [];
  const years: number[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of header.entries()) {
    const name = raw.trim();
    if (name === '') continue;
    if (/^\d{4}$/.test(name) && Number(name) >= 1900 && Number(name) <= 2100 && !seen.has(name)) {
      seen.add(name);
      years.push(i);
    } else if (/^[+-]?\d+([.,]\d+)?$/.test(name)) {
      return undefined;
    } else {
      text.push(i);
    }
  }
  return text.length > 0 && years.length > 0 ? { text, years } : undefined;
}
