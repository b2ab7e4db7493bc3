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
 * What to say of a masked count cell, after the usual "expected …": that it looks masked, that
 * hta needs the unmasked counts, and — where the plan's `missingCodes` reads the file and the
 * mark may mean "not available" rather than "small" — that it may be listed there.
 */
export function maskedCountAdvice(text: string, missingCodesApply: boolean): string {
  const t = text.trim();
  const small = /^[<≤]/.test(t);
  const codes = missingCodesApply && !small ? `; if "${t}" means "not available" rather than a hidden small count, list it in "missingCodes" in the uptake plan` : '';
  return ` — "${t}" looks like a count masked by the source (small counts hidden before the file left it): hta needs the unmasked counts, and suppresses small counts itself in everything it publishes (docs/disclosure-control.md); ask the source for the file without masking${codes}`;
}
