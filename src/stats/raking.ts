/**
 * Raking (iterative proportional fitting) of unit weights to known population margins.
 *
 *   start wᵢ = 1; repeat: for each margin m, for each level g of m:
 *     wᵢ ← wᵢ · T_mg / Σ_{j ∈ g} wⱼ   (i ∈ g),  T_mg = share_mg · n
 *   until no weight changes by more than 1e-12 relative (at most 1000 sweeps)
 *
 * = R `survey::rake(svydesign(ids = ~1, weights = ~1, data), list(~m1, ~m2, …), list(…),
 * control = list(maxit = 1000, epsilon = 1e-12))` (test/reference/subgroups.R). The weights'
 * total is n, so their mean is 1.
 * Reference: Deming WE, Stephan FF (1940), Ann Math Stat 11:427–444, doi:10.1214/aoms/1177731829.
 * Preconditions: each margin's shares are ≥ 0 and sum to 1; every level with a positive share
 * has units and every unit's level has a positive share; otherwise `HtaError('analysis.failed')`
 * naming the margin and level ("refuse when a target level has no trial patients").
 */
import { analysisFailed } from './arm-size.js';

export interface RakingMargin {
  name: string;
  /** Level names, in the order of `shares`. */
  levels: readonly string[];
  /** Target share of each level. */
  shares: readonly number[];
  /** Level index of each unit. */
  group: readonly number[];
}

export interface RakingResult {
  weights: number[];
  sweeps: number;
}

const MAX_SWEEPS = 1000;
const TOLERANCE = 1e-12;

export function rake(n: number, margins: readonly RakingMargin[]): RakingResult {
  for (const m of margins) {
    if (m.group.length !== n) throw analysisFailed(`margin '${m.name}' has ${m.group.length} units, expected ${n}`);
    const total = m.shares.reduce((s, x) => s + x, 0);
    if (Math.abs(total - 1) > 1e-6) throw analysisFailed(`the target shares of '${m.name}' sum to ${total}, not 1`);
    const counts = m.levels.map((_, g) => m.group.filter((x) => x === g).length);
    m.levels.forEach((level, g) => {
      if ((m.shares[g] as number) > 0 && counts[g] === 0) throw analysisFailed(`the target population has ${m.name} = '${level}' (share ${m.shares[g]}) but no trial patient analysed here has it, so the trial cannot be reweighted to it`);
      if ((m.shares[g] as number) <= 0 && (counts[g] as number) > 0) throw analysisFailed(`${counts[g]} trial patients have ${m.name} = '${level}', which has no share in the target population`);
    });
  }
  const w = new Array<number>(n).fill(1);
  for (let sweep = 1; sweep <= MAX_SWEEPS; sweep++) {
    const before = [...w];
    for (const m of margins) {
      const sums = new Array<number>(m.levels.length).fill(0);
      m.group.forEach((g, i) => (sums[g] = (sums[g] as number) + (w[i] as number)));
      m.group.forEach((g, i) => (w[i] = ((w[i] as number) * (m.shares[g] as number) * n) / (sums[g] as number)));
    }
    if (w.every((x, i) => Math.abs(x - (before[i] as number)) <= TOLERANCE * Math.max(1, x))) return { weights: w, sweeps: sweep };
  }
  throw analysisFailed(`raking to the target margins did not converge in ${MAX_SWEEPS} sweeps (margins ${margins.map((m) => m.name).join(', ')} may conflict)`);
}
