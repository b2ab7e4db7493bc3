/**
 * Counts a source masked before the file left it: statistics offices and registries hide small
 * counts as `<5`, `..`, `x`, `-` or `*`. hta must have the true counts — it suppresses small
 * counts itself in everything it publishes (docs/disclosure-control.md) — so such a cell is
 * refused, saying what it looks like and what to ask for (docs/input-registry.md, "The eligible
 * file"; docs/uptake-aggregates.md).
 */
const MASKED = /^(?:[<≤]\s*=?\s*\d+|<=\s*\d+|\.{2,3}|[xX]|[-–—]|\*{1,3}|\(x\)|n\/a)$/;

/** True when `text` (trimmed) looks like a count masked by the source. */
export function looksMasked(text: string): boolean {
  return MASKED.test(text.trim());
}

/**
 * What to say of a masked count cell, after the usual "expected …": that it looks masked and that
 * hta needs the unmasked counts. Of the eligible file (`layout`), a mark that may mean "not
 * available" rather than "small" may instead be a count left out: in a wide file by listing it
 * in the plan's `missingCodes` (the year then has no count), in a long one by leaving the row
 * out; either way the missing year is then named, or filled by "eligibleFill"
 * (docs/input-registry.md "Missing denominators").
 */
export function maskedCountAdvice(text: string, layout?: 'wide' | 'long'): string {
  const t = text.trim();
  const small = /^[<≤]/.test(t);
  const absent = layout === undefined || small ? ''
    : layout === 'wide' ? `; if "${t}" means "not available" rather than a hidden small count, list it in "missingCodes" in the uptake plan (the year then has no count for the region: docs/input-registry.md "Missing denominators")`
      : `; if "${t}" means "not available" rather than a hidden small count, leave the row out (the year then has no count for the region: docs/input-registry.md "Missing denominators")`;
  return ` — "${t}" looks like a count masked by the source (small counts hidden before the file left it): hta needs the unmasked counts, and suppresses small counts itself in everything it publishes (docs/disclosure-control.md); ask the source for the file without masking${absent}`;
}
