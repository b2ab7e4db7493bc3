/**
 * The structural insider rule (docs/disclosure-control.md "Insiders: a region or a clinic that
 * knows its own counts"): a region knows its own counts, a clinic its own funnel row, so a hidden
 * count whose only hidden complements in a published sum are ONE other party's is one subtraction
 * away for that party (75 − 28 − 14 − 14 = 19 = Sjælland + Nordjylland; Sjælland knows its 15).
 *
 * The rule, per relation (total = Σ parts): for every cell P to protect that a reader cannot work
 * out (hidden, or unprinted and not derivable), the other cells of the relation a reader cannot
 * work out must not all be known to one party that does not know P. Where they are, the
 * smallest shown cell of the relation that party does not know is hidden too (lowest index on a
 * tie: deterministic), and the relations are checked again until none breaks the rule. The
 * outsider certificate (secondary-suppression.ts) then proves the new cells wide as well.
 *
 * It is a rule per relation, cheap (no LP): it does not stop an insider that combines several
 * relations, and the attacker audit does not model insiders (the docs say so).
 */
import type { CellModel } from './cell-model.js';
import { cellKnowers, type CellKnowers } from './insider-parties.js';

export interface InsiderBreach {
  /** Index into model.relations. */
  relation: number;
  /** The cell the party would recover. */
  cell: number;
  /** The parties ("region Sjælland", "clinic Syddanmark/S010") that know every other open cell of the relation but not this one. */
  parties: readonly string[];
}

const NONE = -1;

/**
 * Checks and mends a pattern. The relations are held flat (cells of relation k, total first, at
 * `at[start[k]] … at[start[k + 1] − 1]`) and what a reader works out is recomputed after each
 * cell hidden: a few thousand relations, each pass a few tens of thousands of steps.
 */
export class InsiderRule {
  private readonly knowers: CellKnowers;
  private readonly start: Int32Array;
  private readonly at: Int32Array;
  /** Relations each cell is in (total or part), flat likewise. */
  private readonly inStart: Int32Array;
  private readonly inAt: Int32Array;

  constructor(private readonly model: CellModel) {
    const { cells, relations } = model;
    this.knowers = cellKnowers(model);
    this.start = new Int32Array(relations.length + 1);
    relations.forEach((r, k) => { this.start[k + 1] = this.start[k]! + 1 + r.parts.length; });
    this.at = new Int32Array(this.start[relations.length]!);
    const count = new Int32Array(cells.length + 1);
    relations.forEach((r, k) => {
      let i = this.start[k]!;
      this.at[i++] = r.total;
      for (const q of r.parts) this.at[i++] = q;
    });
    for (const c of this.at) count[c + 1]!++;
    for (let c = 0; c < cells.length; c++) count[c + 1]! += count[c]!;
    this.inStart = count.slice();
    this.inAt = new Int32Array(this.at.length);
    for (let k = 0; k < relations.length; k++) for (let i = this.start[k]!; i < this.start[k + 1]!; i++) this.inAt[count[this.at[i]!]!++] = k;
  }

  /**
   * Which cells a reader of the printed cells works out relation by relation: shown cells,
   * structural zeros, counts known from an earlier publication, and unprinted cells that are the
   * one unknown of a relation. Hidden cells (proven wide by the certificate) and cells hidden by
   * another cut never are.
   */
  private determined(hidden: ReadonlySet<number>): Uint8Array {
    const { cells, relations } = this.model;
    const { start, at, inStart, inAt } = this;
    const det = new Uint8Array(cells.length);
    cells.forEach((c, i) => { if (c.structural || c.known || (c.published && !hidden.has(i))) det[i] = 1; });
    const unknown = new Int32Array(relations.length);
    const queue: number[] = [];
    for (let k = 0; k < relations.length; k++) {
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

  /**
   * A breach of relation k, given what a reader works out (`det`): a cell to protect and the
   * parties (ids, at most its region and its clinic) that know every other open cell but not it.
   */
  private *breachesOf(k: number, det: Uint8Array, toProtect: (c: number) => boolean): Generator<{ cell: number; parties: number[] }> {
    const { start, at } = this;
    const { region, clinic } = this.knowers;
    let opens = 0;
    for (let i = start[k]!; i < start[k + 1]!; i++) if (!det[at[i]!]) opens++;
    if (opens < 2) return;
    for (let i = start[k]!; i < start[k + 1]!; i++) {
      const p = at[i]!;
      // The whole country's counts are no one party's: a party that works one out from its own
      // counts and printed ones learns nothing of another party's from this relation.
      if (det[p] || !toProtect(p) || (region[p] === NONE && clinic[p] === NONE)) continue;
      // The parties that know every other open cell: at most the first one's region and clinic.
      let r = NONE, cl = NONE, first = true;
      for (let j = start[k]!; j < start[k + 1]!; j++) {
        const q = at[j]!;
        if (q === p || det[q]) continue;
        if (first) { r = region[q]!; cl = clinic[q]!; first = false; }
        else { if (region[q] !== r) r = NONE; if (clinic[q] !== cl) cl = NONE; }
        if (r === NONE && cl === NONE) break;
      }
      const parties = [r, cl].filter((x) => x !== NONE && x !== region[p] && x !== clinic[p]);
      if (parties.length > 0) yield { cell: p, parties };
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
    return this.model.relations.flatMap((_, k) => [...this.breachesOf(k, det, toProtect)].map((b) => ({ relation: k, cell: b.cell, parties: b.parties.map((x) => this.knowers.parties[x]!) })));
  }

  /**
   * Hides cells (adding them to `hidden`) until no relation breaks the rule or none of the
   * breaches left can be mended (no shown cell of the relation is unknown to the party: `breaches`
   * names them); returns the cells hidden, in order. `never`: cells not to hide (earlier
   * publications pin them).
   */
  mend(hidden: Set<number>, toProtect: (c: number) => boolean, never: ReadonlySet<number> = new Set()): number[] {
    const { cells, relations } = this.model;
    const { start, at } = this;
    const { region, clinic } = this.knowers;
    const added: number[] = [];
    let det = this.determined(hidden);
    for (let again = true; again;) {
      again = false;
      for (let k = 0; k < relations.length; k++) {
        for (let mended = true; mended;) {
          mended = false;
          for (const breach of this.breachesOf(k, det, toProtect)) {
            // Of the shown cells of the relation none of those parties knows: another party's
            // before the whole country's (its totals are the headline, and no party's cell is
            // left only where, say, two regions make the country); then the one that would be the
            // only open cell of the fewest other relations (each needs a complement of its own:
            // more cells hidden, more LPs); then the smallest; then the first.
            let best = NONE, bestRank: number[] = [];
            for (let i = start[k]!; i < start[k + 1]!; i++) {
              const q = at[i]!, cell = cells[q]!;
              if (!cell.published || hidden.has(q) || cell.structural || cell.known || never.has(q)) continue;
              if (breach.parties.includes(region[q]!) || breach.parties.includes(clinic[q]!)) continue;
              const rank = [region[q] === NONE && clinic[q] === NONE ? 1 : 0, this.aloneIn(q, k, det), cell.value, q];
              if (best === NONE || before(rank, bestRank)) { best = q; bestRank = rank; }
            }
            if (best === NONE) continue;
            hidden.add(best);
            added.push(best);
            det = this.determined(hidden);
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
