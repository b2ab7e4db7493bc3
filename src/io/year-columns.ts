/**
 * A header with years as column names — `Region;2024;2025;2026`, a statistics table written wide
 * (one column per year) — is a header, not a first row of values: its numeric names are all
 * distinct four-digit years and at least one name is text. Only the eligible file reads such a
 * file (docs/input-registry.md "The eligible file"); `readCsvFile` lets its header through when
 * asked (`yearColumns`), every other reader still says "no header line".
 *
 * An Excel pivot table (regions × years) copied to CSV adds a grand-total column (`Hovedtotal`)
 * and may leave its top-left cell empty (`;2024;2025;Hovedtotal`, the field headers turned off).
 * Names the caller calls totals (`isTotal`) are set apart as total columns, and an empty first
 * name is the row-label column when no other name is text. Elsewhere an empty name is no column
 * (`Region;2024;2025;` as Excel pads it, R's row-name column in `"","Region","2024"`).
 */

/** Where the text, the year and the total columns of such a header are, or undefined when it is none. */
export function yearColumns(header: readonly string[], isTotal: (name: string) => boolean = () => false): { text: number[]; years: number[]; totals: number[] } | undefined {
  const text: number[] = [];
  const years: number[] = [];
  const totals: number[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of header.entries()) {
    const name = raw.trim();
    if (name === '') continue;
    if (/^\d{4}$/.test(name) && Number(name) >= 1900 && Number(name) <= 2100 && !seen.has(name)) {
      seen.add(name);
      years.push(i);
    } else if (/^[+-]?\d+([.,]\d+)?$/.test(name)) {
      return undefined;
    } else if (isTotal(name)) {
      totals.push(i);
    } else {
      text.push(i);
    }
  }
  if (text.length === 0 && (header[0] ?? '').trim() === '') text.push(0);
  return text.length > 0 && years.length > 0 ? { text, years, totals } : undefined;
}
