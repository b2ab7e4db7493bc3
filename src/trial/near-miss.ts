/**
 * Near-miss suggestions for arm and time values and column names: a value that differs from a
 * known one only by case, spacing, accents or an edit distance of at most 2 gets
 * `did you mean "Selfback"?`. Only an unambiguous nearest candidate is suggested.
 */
import { editDistance } from '../edit-distance.js';

/** Case, accents, spaces, "_" and "-" do not count as differences ("3 M" is "3m"). */
export function looseForm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}


/** The most edits a near miss may differ by ("pain_ag" → "pain_avg" is one; "eq5d" → "pid" is three: no hint). */
const MAX_DISTANCE = 2;

/** The known value `value` most likely meant, if it is a near miss of exactly one. */
export function nearMiss(value: string, known: readonly string[]): string | undefined {
  if (known.includes(value)) return undefined;
  const v = looseForm(value);
  let best: string[] = [];
  let bestDistance = MAX_DISTANCE;
  for (const k of new Set(known)) {
    // Very short values (1–2 characters) would match almost anything at distance 2.
    const d = looseForm(k) === v ? 0 : Math.min(v.length, k.length) <= 2 ? Infinity : editDistance(v, looseForm(k));
    if (d > MAX_DISTANCE) continue;
    if (d < bestDistance) {
      best = [k];
      bestDistance = d;
    } else if (d === bestDistance) best.push(k);
  }
  return best.length === 1 ? best[0] : undefined;
}

export function didYouMean(value: string, known: readonly string[]): string | undefined {
  const m = nearMiss(value, known);
  return m === undefined ? undefined : `did you mean ${JSON.stringify(m)}?`;
}
