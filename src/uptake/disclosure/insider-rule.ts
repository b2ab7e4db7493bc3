/**
 * The structural insider rule (docs/disclosure-control.md "Insiders: a region or a clinic that
 * knows its own counts"): a region knows its own counts, a clinic its own funnel row, so a hidden
 * count whose only hidden complements in a published sum are ONE other party's is one subtraction
 * away for that party (75 − 28 − 14 − 14 = 19 = Sjælland + Nordjylland; Sjælland knows its 15).
 *
 * The rule, per relation (total = Σ parts): for every cell P to protect that a reader cannot work
 * out (hidden, or unprinted and not derivable), and every party X that does not know P but knows
 * another cell of the relation a reader cannot work out:
 *  - exact: the other such cells must not all be X's (X would subtract them and have P);
 *  - range: where P is a part and the total is worked out (or X's), X bounds P to 0 … S, S being
 *    P and the other such cells X does not know: S must reach the protection level, and the
 *    threshold where P is a small count (73 − 70 = 3 = Z003's and Z004's December growth, known to
 *    Z008 from its own: each 0 … 3).
 * Where a relation breaks it, a shown cell of the relation X does not know is hidden too (one that
 * lifts S far enough, not the whole country's where another will do, then the one that would be
 * the only unknown of the fewest other relations, the smallest, the first: deterministic), and the
 * relations are checked again until none breaks it. The outsider certificate
 * (secondary-suppression.ts) then proves the new cells wide as well.
 *
 * Growth relations: where an earlier publication printed a sum and its parts, each now = then +
 * growth, so the growths add up too (a region's growth since November = Σ its clinics' growths).
 * Such a relation is checked like the model's own, and hiding the count now hides its growth.
 *
 * It is a rule per relation, cheap (no LP): it does not stop an insider that combines several
 * relations, and the attacker audit does not model insiders (the docs say so).
 */
import type { CellModel } from './cell-model.js';
import { isSensitive, type DisclosureRule } from './disclosure-rule.js';
import { cellKnowers, type CellKnowers } from './insider-parties.js';

export interface InsiderBreach {
  /** Index into model.relations, or past its end: a growth relation derived from one. */
  relation: number;
  /** The cell the party would recover, or bound inside the protection level or the threshold. */
  cell: number;
  /** The party ("region Sjælland", "clinic Syddanmark/S010") that would. */
  parties: readonly string[];
}

interface Breach {
  cell: number;
  party: number;
  /** How much more the cells X does not know must hold (0: any one more will do). */
  lack: number;
}

const NONE = -1;

/**
 * Checks and mends a pattern. The relations are held flat (cells of relation k, total first, at
 * `at[start[k]] … at[start[k + 1] − 1]`) and what a reader works out is recomputed once per pass
 * over the relations: a few thousand relations, each pass a few tens of thousands of steps.
 */
export class InsiderRule {
  private readonly knowers: CellKnowers;
  private readonly start: Int32Array;
  private readonly at: Int32Array;
  /** Relations each cell is in (total or part), flat likewise. */
  private readonly inStart: Int32Array;
  private readonly inAt: Int32Array;
  /** Per cell, the printed cell that hiding hides it with: itself, or for a growth the count now; -1: none. */
  private readonly carrier: Int32Array;
  /** Per printed cell, the growth cells it carries. */
  private readonly carried = new Map<number, number[]>();

  constructor(private readonly model: CellModel, private readonly rule: DisclosureRule) {
    const { cells, relations } = model;
    this.knowers = cellKnowers(model);
    this.carrier = new Int32Array(cells.length).fill(NONE);
    cells.forEach((c, i) => { if (c.published) this.carrier[i] = i; });
    const lists: number[][] = [...relations.map((r) => [r.total, ...r.parts]), ...this.growthRelations()];
    this.start = new Int32Array(lists.length + 1);
    lists.forEach((l, k) => { this.start[k + 1] = this.start[k]! + l.length; });
    this.at = Int32Array.from(lists.flat());
    const count = new Int32Array(cells.length + 1);
    for (const c of this.at) count[c + 1]!++;
    for (let c = 0; c < cells.length; c++) count[c + 1]! += count[c]!;
    this.inStart = count.slice();
    this.inAt = new Int32Array(this.at.length);
    for (let k = 0; k < lists.length; k++) for (let i = this.start[k]!; i < this.start[k + 1]!; i++) this.inAt[count[this.at[i]!]!++] = k;
  }

  /**
   * The growth relations: for each relation whose total and parts each have a growth since the
   * same earlier date (cell-model.ts: count now = `p|<date>|…` known + `p|since <date>|…`), growth
   * of the total = Σ growths of the parts (a part zero by definition has none). Kept only where
   * the values say so (the earlier publication printed the same relation).
   */
  private growthRelations(): number[][] {
    const { cells, relations } = this.model;
    const growth = new Map<number, Map<string, number>>();
    for (const r of relations) {
      if (r.parts.length !== 2 || !cells[r.parts[0]!]!.known) continue;
      const s = r.parts[1]!, key = cells[s]!.key, own = cells[r.total]!.key;
      if (!key.startsWith('p|since ')) continue;
      const date = key.slice('p|since '.length, key.indexOf('|', 'p|since '.length));
      if (key !== `p|since ${date}|${own}|${own}`) continue; // the growth of a row containing it, not its own
      if (!growth.has(r.total)) growth.set(r.total, new Map());
      growth.get(r.total)!.set(date, s);
      this.carrier[s] = r.total;
      this.carried.set(r.total, [...(this.carried.get(r.total) ?? []), s]);
    }
    const out: number[][] = [];
    for (const r of relations) {
      for (const [date, g] of growth.get(r.total) ?? []) {
        const parts: number[] = [];
        let whole = true;
        for (const q of r.parts) {
          const h = growth.get(q)?.get(date);
          if (h !== undefined) parts.push(h);
          else if (!cells[q]!.structural) { whole = false; break; }
        }
        if (!whole || parts.length === 0) continue;
        if (parts.reduce((t, h) => t + cells[h]!.value, 0) !== cells[g]!.value) continue;
        out.push([g, ...parts]);
      }
    }
    return out;
  }

  /**
   * Which cells a reader of the printed cells works out relation by relation: shown cells,
   * structural zeros, counts known from an earlier publication, and unprinted cells that are the
   * one unknown of a relation. Hidden cells (proven wide by the certificate) and cells hidden by
   * another cut never are.
   */
  private determined(hidden: ReadonlySet<number>): Uint8Array {
    const { cells } = this.model;
    const { start, at, inStart, inAt } = this;
    const relations = start.length - 1;
    const det = new Uint8Array(cells.length);
    cells.forEach((c, i) => { if (c.structural || c.known || (c.published && !hidden.has(i))) det[i] = 1; });
    const unknown = new Int32Array(relations);
    const queue: number[] = [];
    for (let k = 0; k < relations; k++) {
      for (let i = start[k]!; i < start[k + 1]!; i++) if (!det[at[i]!]) unknown[k]!++;
      if (unknown[k] === 1) queue.push(k);
    }
    while (queue.length > 0) {
      const k = queue.pop()!;
      if (unknown[k] !== 1) continue;
      let c = NONE;
      for (let i = start[k]!; i < start[k + 1]!; i++) if (!det[at[i]!]) c = at[i]!;
      if (cells[c]!.published || cells[c]!.hiddenElsewhere) continue; // hidden: proven wide, never worked out
      det[c] = 1;
      for (let i = inStart[c]!; i < inStart[c + 1]!; i++) if (--unknown[inAt[i]!]! === 1) queue.push(inAt[i]!);
    }
    return det;
  }

  /** The breaches of relation k, given what a reader works out (`det`). */
  private *breachesOf(k: number, det: Uint8Array, toProtect: (c: number) => boolean): Generator<Breach> {
    const { start, at } = this;
    const { region, clinic } = this.knowers;
    const cells = this.model.cells;
    const { protectionLevel, threshold } = this.rule;
    const total = at[start[k]!]!;
    let opens = 0;
    for (let i = start[k]!; i < start[k + 1]!; i++) if (!det[at[i]!]) opens++;
    if (opens < 2) return;
    const knows = (x: number, q: number) => region[q] === x || clinic[q] === x;
    for (let i = start[k]!; i < start[k + 1]!; i++) {
      const p = at[i]!;
      // The whole country's counts are no one party's: a party that works one out from its own
      // counts and printed ones learns nothing of another party's from this relation.
      if (det[p] || !toProtect(p) || (region[p] === NONE && clinic[p] === NONE)) continue;
      const need = Math.max(protectionLevel, isSensitive(cells[p]!, this.rule) ? threshold : 0);
      // The parties that know some other open cell but not P, in the order of the relation.
      const seen = new Set<number>();
      for (let j = start[k]!; j < start[k + 1]!; j++) {
        const q = at[j]!;
        if (q === p || det[q]) continue;
        for (const x of [region[q]!, clinic[q]!]) {
          if (x === NONE || seen.has(x) || knows(x, p)) continue;
          seen.add(x);
          // What X does not know of the relation: the other open cells, and whether the total is fixed for X.
          let unknown = 0, free = false, s = cells[p]!.value;
          for (let m = start[k]!; m < start[k + 1]!; m++) {
            const u = at[m]!;
            if (u === p || det[u] || knows(x, u)) continue;
            unknown++;
            if (u === total) free = true;
            else s += cells[u]!.value;
          }
          if (unknown === 0) yield { cell: p, party: x, lack: p === total ? 0 : Math.max(0, need - s) };
          else if (p !== total && !free && s < need) yield { cell: p, party: x, lack: need - s };
        }
      }
    }
  }

  /** In how many relations other than k the shown cell q would be the only cell a reader cannot work out. */
  private aloneIn(q: number, k: number, det: Uint8Array): number {
    const { start, at, inStart, inAt } = this;
    let alone = 0;
    for (let i = inStart[q]!; i < inStart[q + 1]!; i++) {
      const j = inAt[i]!;
      if (j === k) continue;
      let opens = 0;
      for (let m = start[j]!; m < start[j + 1]! && opens === 0; m++) if (!det[at[m]!] && at[m] !== q) opens++;
      if (opens === 0) alone++;
    }
    return alone;
  }

  /** Every breach of the rule under this pattern (`toProtect`: hidden, sensitive or hidden by another cut). */
  breaches(hidden: ReadonlySet<number>, toProtect: (c: number) => boolean): InsiderBreach[] {
    const det = this.determined(hidden);
    const out: InsiderBreach[] = [];
    for (let k = 0; k < this.start.length - 1; k++) for (const b of this.breachesOf(k, det, toProtect)) out.push({ relation: k, cell: b.cell, parties: [this.knowers.parties[b.party]!] });
    return out;
  }

  /**
   * Hides cells (adding them to `hidden`) until no relation breaks the rule or none of the
   * breaches left can be mended (no shown cell of the relation is unknown to the party: `breaches`
   * names them); returns the cells hidden, in order. `never`: cells not to hide (earlier
   * publications pin them).
   */
  mend(hidden: Set<number>, toProtect: (c: number) => boolean, never: ReadonlySet<number> = new Set()): number[] {
    const { cells } = this.model;
    const { start, at } = this;
    const { region, clinic } = this.knowers;
    const added: number[] = [];
    for (let again = true; again;) {
      again = false;
      // Worked out once a pass; a cell hidden in it is open at once (with the growths it carries),
      // and the next pass works everything out again.
      const det = this.determined(hidden);
      for (let k = 0; k < start.length - 1; k++) {
        for (let mended = true; mended;) {
          mended = false;
          for (const { cell: p, party: x, lack } of this.breachesOf(k, det, toProtect)) {
            // Of the shown cells of the relation X does not know: not the whole country's where
            // another will do (its totals are the headline; with two regions only the country's
            // is left); then one that lifts what X does not know far enough; then the one that
            // would be the only open cell of the fewest other relations (each needs a complement
            // of its own: more cells hidden, more LPs); then the smallest (the largest where none
            // lifts enough); then the first.
            let best = NONE, bestRank: number[] = [];
            const total = at[start[k]!]!;
            for (let i = start[k]!; i < start[k + 1]!; i++) {
              const q = at[i]!, c = this.carrier[q]!;
              if (q === p || !det[q] || c === NONE || hidden.has(c) || never.has(c)) continue;
              const cell = cells[c]!;
              if (!cell.published || cell.structural || cell.known) continue;
              if (region[q] === x || clinic[q] === x) continue;
              const enough = q === total || cells[q]!.value >= lack;
              const rank = [region[q] === NONE && clinic[q] === NONE ? 1 : 0, enough ? 0 : 1, this.aloneIn(c, k, det), enough ? cells[q]!.value : -cells[q]!.value, c];
              if (best === NONE || before(rank, bestRank)) { best = c; bestRank = rank; }
            }
            if (best === NONE) continue;
            hidden.add(best);
            added.push(best);
            det[best] = 0;
            for (const g of this.carried.get(best) ?? []) det[g] = 0;
            mended = again = true;
            break;
          }
        }
      }
    }
    return added;
  }
}

/** Whether rank a comes before rank b (compared element by element). */
function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
