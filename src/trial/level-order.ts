/**
 * The order Table 1 lists a categorical characteristic's levels in: as the codes run, not as
 * their characters sort. Numbers inside a level compare as numbers ("Site 2" before "Site 10",
 * codes "2" before "10"), and the comparison signs of a stratum's labels run small to large
 * ("RMDQ ≤ 12" before "RMDQ > 12", which a code-unit sort put first: "≤" is U+2264, ">" U+003E).
 * Anything else compares by code unit, as before, so the order never depends on the locale.
 */

/** "≤" and "≥" as the two signs they stand for, so "<" < "≤" < "=" < ">" < "≥" by code unit. */
const signs = (s: string) => s.replace(/≤/g, '<=').replace(/≥/g, '>=').replace(/⩽/g, '<=').replace(/⩾/g, '>=');

/** A level split into runs of digits (compared as numbers) and runs of anything else. */
function chunks(s: string): (string | number)[] {
  return signs(s).match(/\d+|\D+/g)?.map((c) => (/^\d/.test(c) ? Number(c) : c)) ?? [];
}

export function compareLevels(a: string, b: string): number {
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    // A number against text at the same place: by code unit, as before ("1" before "A", "-1" before "1").
    const [u, v] = [String(p), String(q)];
    return u < v ? -1 : u > v ? 1 : 0;
  }
  if (x.length !== y.length) return x.length - y.length;
  // Equal as numbers ("01" and "1"): by code unit, so the order is total.
  return a < b ? -1 : a > b ? 1 : 0;
}
