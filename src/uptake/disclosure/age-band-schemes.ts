/**
 * Age bands cut differently in two publications of one registry (docs/disclosure-control.md
 * "Age bands cut differently"). A region that published its equity table by the standard bands
 * (exact ages: <18, 18–29, 30–44, 45–59, 60–74, 75+) and later from an export of ten-year bands
 * (60–69, 70–79, 80–89) prints two tables whose bands meet only at some ages (30, 60 here). The
 * sums of each table's bands between two such ages count the same patients, as of each date: the
 * later sum less the earlier one is the patients of those ages added since — a count that may be
 * small although every band of both tables is large (Syddanmark's 60+: 295 − 293 = 2).
 *
 * A table's own bands are tied band by band to the earlier ones (cell-model.ts), so only a clash
 * of schemes needs this module: the run then withholds the table (uptake-analysis.ts), and the
 * audit names the sums a reader can subtract (previous-publication.ts `unprotectedAbsences`).
 */
import { ageBandRank, bandLabel, bandOfLevel, type YearBand } from '../age-bands.js';
import type { PreviousCount } from './previous-publication.js';

const END = Number.MAX_SAFE_INTEGER;
const overlap = (a: YearBand, b: YearBand) => a.lo <= (b.hi ?? END) && b.lo <= (a.hi ?? END);
const same = (a: YearBand, b: YearBand) => a.lo === b.lo && a.hi === b.hi;
/** The bands among `levels`, in the table's order (by first year). */
const bandsOf = (levels: Iterable<string>) => [...new Set(levels)].filter((l) => bandOfLevel(l) !== undefined).sort((a, b) => ageBandRank(a) - ageBandRank(b));

/** Whether two sets of levels cut ages differently: a band of one overlaps a band of the other without being it. */
export function cutDifferently(a: readonly string[], b: readonly string[]): [string, string] | undefined {
  for (const x of bandsOf(a)) {
    for (const y of bandsOf(b)) {
      const bx = bandOfLevel(x)!, by = bandOfLevel(y)!;
      if (overlap(bx, by) && !same(bx, by)) return [x, y];
    }
  }
  return undefined;
}

/** An earlier publication whose age bands the table now would cut differently from. */
export interface AgeBandClash {
  /** Its export date. */
  asOf: string;
  /** Its bands and this export's, in order of age ("unknown" left out). */
  earlier: string[];
  now: string[];
}

/**
 * The earliest publication (of `earlier`'s counts, printed or hidden) whose age-band levels cut
 * ages differently from `nowLevels` (the levels of the age-band table this run would print).
 */
export function ageBandClash(earlier: readonly PreviousCount[], nowLevels: readonly string[]): AgeBandClash | undefined {
  const byDate = new Map<string, Set<string>>();
  for (const c of earlier) {
    if (c.kind !== 'metric' || c.dimension !== 'ageBand') continue;
    const s = byDate.get(c.asOf) ?? new Set<string>();
    s.add(c.level);
    byDate.set(c.asOf, s);
  }
  for (const asOf of [...byDate.keys()].sort()) {
    const levels = [...byDate.get(asOf)!];
    if (cutDifferently(levels, nowLevels)) return { asOf, earlier: bandsOf(levels), now: bandsOf(nowLevels) };
  }
  return undefined;
}

/**
 * The ages where two sets of bands meet: each group joins the bands of either set that overlap
 * one another, so each group's bands in `a` and in `b` cover the same patients. Only groups
 * where the two differ (a group of one band in both is tied band by band anyway). Each named by
 * its years ("60+", "30-59").
 */
export function commonAgeGroups(a: readonly string[], b: readonly string[]): { label: string; a: string[]; b: string[] }[] {
  const items = [...bandsOf(a).map((l) => ({ side: 'a' as const, l, band: bandOfLevel(l)! })), ...bandsOf(b).map((l) => ({ side: 'b' as const, l, band: bandOfLevel(l)! }))]
    .sort((x, y) => x.band.lo - y.band.lo);
  const groups: (typeof items)[] = [];
  let reach = -1;
  for (const it of items) {
    // Sorted by first year: a band joins the group when it starts within the group's years.
    if (groups.length > 0 && it.band.lo <= reach) {
      groups[groups.length - 1]!.push(it);
      reach = Math.max(reach, it.band.hi ?? END);
    } else {
      groups.push([it]);
      reach = it.band.hi ?? END;
    }
  }
  return groups.flatMap((g) => {
    const ga = g.filter((i) => i.side === 'a'), gb = g.filter((i) => i.side === 'b');
    // One band in both, or bands of one side only (none of those ages then): nothing to subtract.
    if (ga.length === 0 || gb.length === 0 || (ga.length === 1 && gb.length === 1 && same(ga[0]!.band, gb[0]!.band))) return [];
    const hi = g.some((i) => i.band.hi === null) ? null : Math.max(...g.map((i) => i.band.hi!));
    return [{ label: bandLabel({ lo: g[0]!.band.lo, hi }), a: ga.map((i) => i.l), b: gb.map((i) => i.l) }];
  });
}
