/**
 * The `ci_method` cell of a studies row: how its 95% CI was computed, so that an interval
 * asymmetric by construction is pooled rather than refused as a typo (docs/input-studies.md,
 * "An estimate off the centre of its interval"). A closed list, so a misspelt `wlad` is refused
 * instead of silently switching the check off. Case, spaces and `-` are folded.
 */

/** `wald` (or `normal`, `t`): symmetric, checked as any row. The others: asymmetric on purpose. */
const METHODS: Record<string, boolean> = {
  wald: false,
  normal: false,
  t: false,
  bootstrap: true,
  newcombe: true,
  wilson: true,
  score: true,
  exact: true,
  profile_likelihood: true,
  asymmetric: true,
};

export const ciMethodExpected = `one of ${Object.keys(METHODS).join(', ')} (how the 95% CI was computed; empty for a usual symmetric interval)`;

/** The method as read, or undefined when the cell names none of the list. */
export function ciMethodOf(text: string): { method: string; asymmetric: boolean } | undefined {
  const key = text.normalize('NFC').trim().toLowerCase().replace(/[\s-]+/g, '_');
  const asymmetric = METHODS[key];
  return asymmetric === undefined ? undefined : { method: key, asymmetric };
}
