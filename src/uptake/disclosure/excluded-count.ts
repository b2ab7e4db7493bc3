/**
 * The published count of excluded registry rows across publications (docs/disclosure-control.md
 * "Excluded rows"). An exact count in each of two publications gives their difference — 8 − 6 = 2
 * December referrals excluded — so the count is published as a **band** as wide as the
 * threshold t ("5–9", "10–14"; "fewer than 5" below t): two bands leave a difference at least
 * 2t − 2 wide, never one count of 1 to t − 1. An earlier publication of the old, exact form
 * named with --previous could still narrow it: the band is then left open ("at least 5").
 */

/** What a publication says of its excluded rows: 0, the marker (1 … t − 1), an exact count (before 3 December 2026, or t = 1) or a band. */
export type ExcludedRows = number | 'suppressed' | { atLeast: number; fewerThan?: number };

/** The band of `n` excluded rows at threshold `t`. */
export function excludedBand(n: number, t: number): ExcludedRows {
  if (n === 0 || t <= 1) return n;
  if (n < t) return 'suppressed';
  const from = Math.floor(n / t) * t;
  return { atLeast: from, fewerThan: from + t };
}

/** The values a published form allows (upper Infinity when open). */
export function excludedInterval(rows: ExcludedRows, t: number): [number, number] {
  if (typeof rows === 'number') return [rows, rows];
  if (rows === 'suppressed') return [1, Math.max(1, t - 1)];
  return [rows.atLeast, rows.fewerThan === undefined ? Infinity : rows.fewerThan - 1];
}

/**
 * The difference later − earlier a reader of both derives, when it pins a count of 1 … t − 1
 * (in either direction): an interval narrower than t holding such a value. Undefined when safe.
 */
export function narrowDifference(earlier: ExcludedRows, later: ExcludedRows, t: number): [number, number] | undefined {
  if (t <= 1) return undefined;
  const [a0, a1] = excludedInterval(earlier, t);
  const [b0, b1] = excludedInterval(later, t);
  const lo = b0 - a1, hi = b1 - a0;
  if (!(hi - lo < t)) return undefined;
  // A sensitive value inside [lo, hi]: 1 … t − 1 or −(t − 1) … −1.
  const small = (x: number, y: number) => Math.max(lo, x) <= Math.min(hi, y);
  return small(1, t - 1) || small(-(t - 1), -1) ? [lo, hi] : undefined;
}

/**
 * Whether a published form pins a count of 1 … t − 1 on its own (an exact 2, a band "2–3" of
 * threshold 2; not the marker): printed under a lower threshold, a publication at threshold t
 * does not print it again (docs/disclosure-control.md "Publishing again").
 */
export function isSmallExcluded(rows: ExcludedRows, t: number): boolean {
  return rows !== 'suppressed' && narrowDifference(0, rows, t) !== undefined;
}

/**
 * An earlier publication's form as a publication at threshold t carries it (`previous.publications`):
 * as printed, the marker for one that is small on its own and below t, or none (undefined) for a
 * narrow band that reaches t ("4–5" at 5: the marker would say less than it printed, a band more).
 */
export function carriedExcluded(rows: ExcludedRows, t: number): ExcludedRows | undefined {
  if (!isSmallExcluded(rows, t)) return rows;
  return excludedInterval(rows, t)[1] < t ? 'suppressed' : undefined;
}

/** `rows` as published beside `earlier` publications' forms: its band, left open where one of them would narrow it. */
export function excludedAgainst(rows: ExcludedRows, earlier: readonly ExcludedRows[], t: number): ExcludedRows {
  if (!earlier.some((e) => narrowDifference(e, rows, t) !== undefined)) return rows;
  return { atLeast: excludedInterval(rows, t)[0] };
}

/** A publication's `excluded.rows` as read from its JSON; undefined when it has none (or another shape). */
export function excludedRowsOf(json: unknown): ExcludedRows | undefined {
  return excludedRowsValue((json as { excluded?: { rows?: unknown } } | null)?.excluded?.rows);
}

/** A published form of excluded rows (`excluded.rows`, a carried publication's `excludedRows`); undefined when of another shape. */
export function excludedRowsValue(rows: unknown): ExcludedRows | undefined {
  if (typeof rows === 'number' && Number.isInteger(rows) && rows >= 0) return rows;
  if (rows === 'suppressed') return rows;
  if (typeof rows === 'object' && rows !== null && typeof (rows as { atLeast?: unknown }).atLeast === 'number') {
    const r = rows as { atLeast: number; fewerThan?: unknown };
    return typeof r.fewerThan === 'number' ? { atLeast: r.atLeast, fewerThan: r.fewerThan } : { atLeast: r.atLeast };
  }
  return undefined;
}

/** The form in a CSV cell: the count, the marker, `5–9`, or `at least 5`. */
export function excludedRowsCell(rows: ExcludedRows): number | string {
  if (typeof rows !== 'object') return rows;
  return rows.fewerThan === undefined ? `at least ${rows.atLeast}` : `${rows.atLeast}–${rows.fewerThan - 1}`;
}
