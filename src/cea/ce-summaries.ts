/**
 * What the joint distribution of (Δc, Δe) says to a decision maker (docs/plan-cea.md#results):
 *
 *  - ICER = Δc/Δe, only meaningful in the north-east (more costly, more effective) and south-west
 *    (cheaper, less effective) quadrants; in the others one arm dominates and the ratio is not
 *    reported as a number (a negative ratio mixes "saves money" with "loses health").
 *  - Net monetary benefit at willingness to pay λ: NMB(λ) = λ·Δe − Δc; the intervention is
 *    cost-effective at λ when NMB > 0 (Stinnett AA, Mullahy J 1998, Med Decis Making 18:S68–S80,
 *    doi:10.1177/0272989X98018002S09).
 *  - CEAC: P(NMB(λ) > 0) over the bootstrap replicates, for each λ of the plan's range
 *    (van Hout BA et al. 1994, Health Econ 3:309–319, doi:10.1002/hec.4730030505).
 *  - CE-plane quadrant shares of the replicates; a replicate on an axis (Δ = 0 exactly) counts
 *    to neither side's "more": Δe = 0 with Δc > 0 is north-west (dominated), and so on.
 */
export type Quadrant = 'NE' | 'NW' | 'SE' | 'SW';

export type IcerVerdict =
  | { kind: 'ratio'; quadrant: 'NE' | 'SW'; icer: number }
  | { kind: 'dominant'; quadrant: 'SE' }
  | { kind: 'dominated'; quadrant: 'NW' }
  | { kind: 'undefined'; quadrant: null };

export function quadrantOf(dc: number, de: number): Quadrant {
  if (de > 0) return dc > 0 ? 'NE' : 'SE';
  if (de < 0) return dc < 0 ? 'SW' : 'NW';
  return dc > 0 ? 'NW' : 'SE';
}

/** The ICER with its quadrant: a number only where a trade-off exists (NE, SW). */
export function icerVerdict(dc: number, de: number): IcerVerdict {
  if (de === 0 && dc === 0) return { kind: 'undefined', quadrant: null };
  const q = quadrantOf(dc, de);
  if (q === 'SE') return { kind: 'dominant', quadrant: q };
  if (q === 'NW') return { kind: 'dominated', quadrant: q };
  return { kind: 'ratio', quadrant: q, icer: dc / de };
}

export function quadrantShares(dc: readonly number[], de: readonly number[]): Record<Quadrant, number> {
  const n = { NE: 0, NW: 0, SE: 0, SW: 0 };
  for (let i = 0; i < dc.length; i++) n[quadrantOf(dc[i]!, de[i]!)]++;
  const total = dc.length;
  return { NE: n.NE / total, NW: n.NW / total, SE: n.SE / total, SW: n.SW / total };
}

/** Share of replicates with λ·Δe − Δc > 0, for each λ. */
export function acceptability(dc: readonly number[], de: readonly number[], lambdas: readonly number[]): number[] {
  return lambdas.map((l) => {
    let k = 0;
    for (let i = 0; i < dc.length; i++) if (l * de[i]! - dc[i]! > 0) k++;
    return k / dc.length;
  });
}

/** The willingness-to-pay grid from, from + step, …, to (the end included), plus every threshold. */
export function wtpGrid(from: number, to: number, step: number, thresholds: readonly number[]): number[] {
  const n = Math.floor((to - from) / step + 1e-9);
  const grid = Array.from({ length: n + 1 }, (_, k) => from + k * step);
  if (grid[grid.length - 1]! < to) grid.push(to);
  return [...new Set([...grid, ...thresholds])].sort((a, b) => a - b);
}

/** Cost per extra responder: Δc / Δ(proportion responding); null when the proportions are equal. */
export function costPerExtraResponder(dc: number, riskDifference: number): IcerVerdict {
  return icerVerdict(dc, riskDifference);
}
