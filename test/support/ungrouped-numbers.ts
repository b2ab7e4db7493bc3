/**
 * Whole numbers of 1,000 or more written without the page language's thousands separator
 * ("1200", "10000 patients a year"), in a page's text. Not flagged: years (1900–2099), page
 * ranges and volume numbers of a reference ("181(10):1288-1296"), DOIs, versions and dates
 * ("2026-12-04"), article ids ("e086800"), the digits after a decimal mark ("0.13445"), and a
 * random seed ("seed 20240601", "startværdi for de tilfældige tal: 20240601"): an identifier
 * to type into a plan, not a quantity.
 */
/** Each as `1200 in "…context…"`. */
export function ungroupedNumbers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\d{4,}/g)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
    // Part of a reference's volume, pages, DOI or article id ("14:e086800"), a date or a decimal.
    if (/[\p{L}\d.,:;-]$/u.test(before) || /^[\p{L}\d-]/u.test(after)) continue;
    if (/^(19|20)\d\d$/.test(m[0])) continue;
    if (/(?:seed|startværdi|tilfældige tal):? $/.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    found.push(`${m[0]} in "${`${before}${m[0]}${after}`.trim()}"`);
  }
  return found;
}
