/**
 * The relations of an earlier publication whose total it printed and some of whose parts it hid
 * (the whole country = Σ regions, a year = Σ its months, the whole export = Σ years, all = Σ an
 * equity dimension's levels; the country's activations of a year = Σ the regions'): the hidden
 * parts' sum then is known — the total less the printed parts — though no one of them is
 * (docs/disclosure-control.md "How it is protected", "Hidden parts that fell").
 *
 * Read by the run (cell-model.ts: their growth a cell; a sum that fell listed as changed) and by
 * the audit (attacker-audit.ts: a sum both files show fell read as a change), so both find the
 * same relations and the same falls.
 */
import { changedUnit, changedUnitsOf, type PreviousCount, type PreviousPublication } from './previous-publication.js';

export interface HiddenPartsRelation {
  /** The earlier export date. */
  asOf: string;
  /** How the total is split and the total's key ("scope|…", "period|…", "level|…"). */
  id: string;
  /** The total, as printed then. */
  total: PreviousCount;
  /** Every part it had then, printed or hidden. */
  parts: PreviousCount[];
  /** The parts it hid. */
  hidden: PreviousCount[];
  /** The hidden parts' sum then: the total less the printed parts. */
  then: number;
}

/**
 * Each such relation of the files named (`previous.hidden`: a carried chain has printed counts
 * only) dated before `exportDate`, keyed by `keyOf` (a count's key in the caller's model; the
 * total's key is that of the count with the total's labels). A row the earlier publication had
 * not is 0; a total it hid gives no relation here.
 */
export function hiddenPartsRelations(previous: PreviousPublication, exportDate: string | undefined, keyOf: (c: PreviousCount) => string): HiddenPartsRelation[] {
  const earlier = (c: PreviousCount) => c.kind !== 'clinic' && (exportDate === undefined || c.asOf < exportDate);
  const dates = [...new Set((previous.hidden ?? []).filter(earlier).map((c) => c.asOf))].sort();
  const out: HiddenPartsRelation[] = [];
  for (const P of dates) {
    const printed = new Map<string, PreviousCount>();
    for (const c of previous.counts) if (c.asOf === P && earlier(c)) printed.set(keyOf(c), c);
    const hidden = new Map<string, PreviousCount>();
    for (const c of previous.hidden ?? []) if (c.asOf === P && earlier(c) && !printed.has(keyOf(c))) hidden.set(keyOf(c), c);
    // P's relations, over its rows printed or hidden.
    const groups = new Map<string, { total: string; parts: PreviousCount[] }>();
    const part = (how: string, total: PreviousCount, c: PreviousCount) => {
      const key = keyOf(total);
      const id = `${how}|${key}`;
      const g = groups.get(id) ?? { total: key, parts: [] };
      g.parts.push(c);
      groups.set(id, g);
    };
    for (const c of [...printed.values(), ...hidden.values()]) {
      if (c.kind === 'year') {
        if (c.region !== 'national') part('scope', { ...c, region: 'national' }, c);
        continue;
      }
      if (c.kind !== 'metric') continue;
      if (c.region !== 'national') part('scope', { ...c, region: 'national' }, c);
      if (/^\d{4}-\d{2}$/.test(c.period)) part('period', { ...c, period: c.period.slice(0, 4) }, c);
      else if (/^\d{4}$/.test(c.period)) part('period', { ...c, period: 'all' }, c);
      if (c.dimension !== 'all') part('level', { ...c, dimension: 'all', level: 'all' }, c);
    }
    for (const [id, g] of groups) {
      const total = printed.get(g.total);
      const hiddenParts = g.parts.filter((c) => hidden.has(keyOf(c)));
      if (!total || hiddenParts.length === 0) continue;
      const then = total.value - g.parts.filter((c) => !hidden.has(keyOf(c))).reduce((t, c) => t + c.value, 0);
      out.push({ asOf: P, id, total, parts: g.parts, hidden: hiddenParts, then });
    }
  }
  return out;
}

/**
 * The relations whose hidden parts' sum is smaller now than then: rows were removed from them
 * (patients withdrawn, a corrected extract), so "each only grew since" is false for at least one
 * of them, and which one no print says. `nowOf`: a count's value now where known (the run: every
 * count; the audit: a printed one), the hidden parts' sum taken from their own values or, where one
 * is not known, from the total now less the other parts now (a part added since, such as a new
 * month, only makes that sum larger: no fall is read that did not happen). Relations of a unit
 * already listed as changed (`changed`) are left to that listing.
 */
export function hiddenPartsFell(relations: readonly HiddenPartsRelation[], nowOf: (c: PreviousCount) => number | undefined, changed: ReadonlySet<string>): { relation: HiddenPartsRelation; now: number }[] {
  const out: { relation: HiddenPartsRelation; now: number }[] = [];
  for (const r of relations) {
    if (r.then < 0 || [r.total, ...r.parts].some((c) => changed.has(changedUnit(c)))) continue;
    const sum = (cs: readonly PreviousCount[]): number | undefined => {
      let t = 0;
      for (const c of cs) {
        const v = nowOf(c);
        if (v === undefined) return undefined;
        t += v;
      }
      return t;
    };
    const own = sum(r.hidden);
    const total = nowOf(r.total), others = sum(r.parts.filter((c) => !r.hidden.includes(c)));
    const now = own ?? (total !== undefined && others !== undefined ? total - others : undefined);
    if (now !== undefined && now < r.then) out.push({ relation: r, now });
  }
  return out;
}

/** The units to list as changed for relations whose hidden parts fell: each hidden part's, with the whole country's. */
export function fallenUnits(fallen: readonly { relation: HiddenPartsRelation }[]): Set<string> {
  return changedUnitsOf(fallen.flatMap((f) => f.relation.hidden));
}
