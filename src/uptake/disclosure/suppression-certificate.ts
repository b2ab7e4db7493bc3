/**
 * The proof a suppression pattern carries (docs/disclosure-control.md, "Secondary suppression"):
 * perturbations y of the whole table such that the attacker cannot tell x from x + y, and every
 * cell to protect spread over at least the protection level p by them.
 *
 * A perturbation is admissible when it keeps every relation (A y = 0), keeps every count
 * non-negative (x + y ≥ 0), leaves structural zeros alone and moves no published cell that is
 * still shown. Then x + y is a table consistent with everything published, as is x itself, so a
 * cell's attacker interval holds x_c and every x_c + y_c: it is at least
 * max(0, max y_c) − min(0, min y_c) wide, which must reach p (a count of 4 moved down by 4 by one
 * perturbation and up by 1 by another is 5 wide). Cells to protect: every hidden printed cell
 * (small counts and complements alike: one marker) and every sensitive cell that is only
 * derivable by subtraction.
 *
 * This checks the certificate; it does not find it (secondary-suppression.ts does) and it is
 * not the audit (attacker-audit.ts re-derives the intervals from the printed outputs alone).
 */
import type { CellModel } from './cell-model.js';
import { isSensitive, type DisclosureRule } from './disclosure-rule.js';

export interface SuppressionCertificate {
  /** Printed cells (indices into model.cells) that are hidden. */
  hidden: ReadonlySet<number>;
  /** Perturbations: cell → y_c, non-zero entries only. */
  perturbations: readonly ReadonlyMap<number, number>[];
}

/** Tolerance for the solver's rounding, relative to the size of the numbers compared. */
const TOL = 1e-6;
const near = (a: number, b: number, scale: number) => Math.abs(a - b) <= TOL * Math.max(1, scale);

/** What is wrong with the certificate: empty when it proves every cell to protect ≥ p wide. */
export function certificateProblems(model: CellModel, rule: DisclosureRule, cert: SuppressionCertificate): string[] {
  const { cells, relations } = model;
  const p = rule.protectionLevel;
  const problems: string[] = [];
  cert.perturbations.forEach((y, k) => {
    const at = (c: number) => y.get(c) ?? 0;
    for (const [c, v] of y) {
      const cell = cells[c]!;
      if (cell.structural && v !== 0) problems.push(`perturbation ${k} moves the structural zero ${cell.key}`);
      if (cell.known && v !== 0) problems.push(`perturbation ${k} moves ${cell.key}, known from an earlier publication`);
      if (cell.published && !cert.hidden.has(c) && !near(v, 0, cell.value)) problems.push(`perturbation ${k} moves the shown cell ${cell.key} by ${v}`);
      if (cell.value + v < -TOL * Math.max(1, cell.value)) problems.push(`perturbation ${k} makes ${cell.key} negative (${cell.value} + ${v})`);
    }
    for (const r of relations) {
      let net = at(r.total), scale = Math.abs(at(r.total));
      for (const q of r.parts) { net -= at(q); scale += Math.abs(at(q)); }
      if (!near(net, 0, scale)) problems.push(`perturbation ${k} breaks ${cells[r.total]!.key} = Σ parts by ${net}`);
    }
  });
  const toProtect = cells.flatMap((c, i) => (cert.hidden.has(i) || (!c.published && isSensitive(c, rule)) ? [i] : []));
  for (const c of toProtect) {
    const moves = cert.perturbations.map((y) => y.get(c) ?? 0);
    const width = Math.max(0, ...moves) - Math.min(0, ...moves);
    if (width < p - TOL * p) problems.push(`${cells[c]!.key} spans only ${width} (< ${p})`);
    // A small count's interval reaches the threshold too: else, however wide, it says "small".
    const reach = isSensitive(cells[c]!, rule) ? rule.threshold - cells[c]!.value : 0;
    if (Math.max(0, ...moves) < reach - TOL * rule.threshold) problems.push(`${cells[c]!.key} reaches only ${cells[c]!.value + Math.max(0, ...moves)} (< the threshold ${rule.threshold})`);
  }
  return problems;
}
