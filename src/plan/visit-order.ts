/**
 * The order plan init drafts a trial's follow-ups in (docs/plan-trial.md#visit-order): the visits
 * it could time sorted by their time, the others where the patients' rows put them. An export's
 * first patient may lack a visit or have its rows out of order ("Oppfølging 3" before
 * "Oppfølging 1"), so first-seen order is no schedule — it once put 12 months before 3 months, and
 * the report's conclusion led with the later visit. Pure.
 */

/**
 * `visits` (first-seen order) ordered by `sequences` — each patient's visits in the order of
 * their rows (a wide export: the header's one order) — and by their time where `weeksOf` gives
 * one. Each visit is ranked by how many others it comes before in most patients (ties keep
 * first-seen order); the timed visits are then sorted by time among the places they hold, so an
 * untimed visit stays between the timed visits its rows sit between.
 */
export function visitOrder(visits: readonly string[], sequences: readonly (readonly string[])[], weeksOf: (v: string) => number | null): string[] {
  const index = new Map(visits.map((v, k) => [v, k]));
  const n = visits.length;
  const before = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const seq of sequences) {
    const seen = [...new Set(seq.filter((v) => index.has(v)))].map((v) => index.get(v)!);
    for (let a = 0; a < seen.length; a++) for (let b = a + 1; b < seen.length; b++) before[seen[a]!]![seen[b]!]! += 1;
  }
  const wins = visits.map((_, a) => visits.reduce((w, _v, b) => w + (before[a]![b]! > before[b]![a]! ? 1 : 0), 0));
  const byRows = visits.map((_, k) => k).sort((a, b) => wins[b]! - wins[a]! || a - b).map((k) => visits[k]!);
  const timed = byRows.filter((v) => weeksOf(v) !== null).sort((a, b) => weeksOf(a)! - weeksOf(b)!);
  let next = 0;
  return byRows.map((v) => (weeksOf(v) === null ? v : timed[next++]!));
}
