/**
 * The insiders of an uptake publication (docs/disclosure-control.md "Insiders: a region or a
 * clinic that knows its own counts"): the parties that know some hidden cells exactly because
 * they are their own patients, and which cells of the model each of them knows.
 *
 *  - A REGION knows every count of its own rows: its metric rows (every period and breakdown),
 *    its activation years, its clinics' funnel rows, and the cells of the model that are sums
 *    and differences of those alone (its activations before the last 28 days, …).
 *  - A CLINIC knows its own funnel row (referred, activated, not activated), and so its growth
 *    since an earlier publication printed that row (now less then). What it knows beyond that
 *    (its own patients by month, age band, sex) is not modelled.
 *
 * The whole country's cells belong to no one party: they are every region's patients together.
 *
 * Ownership is read from the cell keys (cell-model.ts: `m|…|region|…`, `y|…|scope|…`,
 * `x|…|scope|…`, `c|…|region|clinic`) and passed along the relations to the cells built from
 * them: a cell that is the sum of one region's (clinic's) cells, or a part of one whose total and
 * other parts are that region's (clinic's), is that region's (clinic's) too. Structural zeros and counts known from an
 * earlier publication are everyone's: they do not stop the passing.
 */
import type { CellModel } from './cell-model.js';

const OWNED_KINDS = new Set(['m', 'y', 'x', 'c']);
const NONE = -1;

export interface CellKnowers {
  /** Party names, by id: regions ("region Sjælland") and clinics ("clinic Syddanmark/S010"). */
  parties: string[];
  /** Per cell, the region that knows it (a party id, or -1: the whole country's, or several regions'). */
  region: Int32Array;
  /** Per cell, the clinic that knows it (its funnel row, and what follows from it alone: its growth since an earlier print), or -1. */
  clinic: Int32Array;
}

/** The parties that know each cell exactly (in a fixed order: the same model gives the same ids). */
export function cellKnowers(model: CellModel): CellKnowers {
  const { cells, relations } = model;
  const parties: string[] = [];
  const ids = new Map<string, number>();
  const id = (name: string) => ids.get(name) ?? (ids.set(name, parties.length), parties.push(name), parties.length - 1);
  const region = new Int32Array(cells.length).fill(NONE), clinic = new Int32Array(cells.length).fill(NONE);
  const national = new Uint8Array(cells.length);
  cells.forEach((cell, c) => {
    const [kind, , scope, ...rest] = cell.key.split('|');
    if (!OWNED_KINDS.has(kind!) || scope === undefined) return;
    // A cell of the whole country is never one region's, whatever its relations say (a country of one region printed).
    if (scope === 'national') { national[c] = 1; return; }
    region[c] = id(`region ${scope}`);
    if (kind === 'c' && rest.length > 0) clinic[c] = id(`clinic ${scope}/${rest.join('|')}`);
  });
  // A relation whose cells are one party's but one: that one is the party's too (a sum or a
  // difference of its counts: a region's activations before the last 28 days; a clinic's growth
  // since an earlier publication, its count now less its count printed then). Passed along until
  // nothing changes (a worklist of relations), for regions and clinics alike.
  const everyone = (c: number) => cells[c]!.structural || cells[c]!.known === true;
  const relationsOf: number[][] = cells.map(() => []);
  relations.forEach((r, k) => { relationsOf[r.total]!.push(k); for (const q of r.parts) relationsOf[q]!.push(k); });
  const pass = (owner: Int32Array) => {
    const queue = relations.map((_, k) => k);
    while (queue.length > 0) {
      const r = relations[queue.pop()!]!;
      let who = NONE, open = NONE, opens = 0;
      const look = (c: number) => {
        if (everyone(c)) return true;
        if (owner[c] === NONE) { open = c; opens++; return opens < 2; }
        if (who === NONE) who = owner[c]!;
        return owner[c] === who;
      };
      if (!look(r.total) || !r.parts.every(look) || who === NONE || opens !== 1 || national[open]) continue;
      owner[open] = who;
      queue.push(...relationsOf[open]!);
    }
  };
  pass(region);
  pass(clinic);
  return { parties, region, clinic };
}
