/**
 * Texts a Danish page would show in English: every `{ "en": … }` of a plan (or of the manifest
 * entry itself: a characteristic's label, a title) with no `"da"` beside it. The page falls back
 * to the English silently, so `hta report` and `hta plan check` on a manifest name each such text
 * for an entry in Danish (docs/manifest.md, "Danish reports").
 */

/** One text with no Danish: where it is ("outcomes[5].label") and its English. */
export interface DanishGap {
  path: string;
  en: string;
}

/** Every `{ en }` without a non-empty `da` in a parsed JSON value, in document order. */
export function danishGaps(value: unknown, path = ''): DanishGap[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => danishGaps(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  if (typeof o.en === 'string') return typeof o.da === 'string' && o.da.trim() !== '' ? [] : [{ path, en: o.en }];
  return Object.entries(o).flatMap(([k, v]) => danishGaps(v, path ? `${path}.${k}` : k));
}

/** The warning for one file's gaps (none: undefined): `what` names the file ("plan plans/x.json"). */
export function danishGapWarning(what: string, gaps: readonly DanishGap[]): string | undefined {
  if (!gaps.length) return undefined;
  const list = gaps.map((g) => `${g.path} ${JSON.stringify(g.en)}`).join(', ');
  return `${what} has no Danish text ("da") for ${list}: the Danish page shows ${gaps.length === 1 ? 'it' : 'them'} in English`;
}

/**
 * The warnings for one manifest entry in Danish: its own texts, then its plan's (`readPlan` gives
 * the plan file's parsed JSON, or undefined when it cannot be read: the report says why itself).
 */
export function entryDanishWarnings(entry: Record<string, unknown>, readPlan: (path: string) => unknown): string[] {
  const own = danishGapWarning('the manifest entry', danishGaps(entry));
  const plan = typeof entry.plan === 'string' ? readPlan(entry.plan) : undefined;
  const fromPlan = plan === undefined ? undefined : danishGapWarning(`the plan ${entry.plan as string}`, danishGaps(plan));
  return [own, fromPlan].filter((w): w is string => w !== undefined);
}
