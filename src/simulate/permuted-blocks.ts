/**
 * Permuted-block randomisation list for two arms with fixed final totals.
 *
 * Blocks of randomly chosen size (from `blockSizes`, each even) hold equal numbers of both arms
 * in random order (Fisher–Yates shuffle). The list ends with one residual block holding what is
 * left of each arm, so the totals are exactly `nIntervention` and `nControl` — as a trial that
 * closed recruitment mid-block and whose arms therefore differ by a few patients.
 * (Schulz KF, Grimes DA. Lancet 2002;359:515–519, doi:10.1016/S0140-6736(02)07683-3.)
 *
 * Returns true for intervention, false for control, in order of enrolment.
 */
import type { Random } from '../stats/random.js';

export function permutedBlockAllocation(
  rng: Random,
  nIntervention: number,
  nControl: number,
  blockSizes: readonly number[] = [4, 6],
): boolean[] {
  for (const [name, v] of [['nIntervention', nIntervention], ['nControl', nControl]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${v}`);
  }
  if (blockSizes.length === 0 || blockSizes.some((s) => !Number.isInteger(s) || s < 2 || s % 2 !== 0)) {
    throw new RangeError(`blockSizes must be even whole numbers ≥ 2, got [${blockSizes.join(', ')}]`);
  }
  const n = nIntervention + nControl;
  const imbalance = Math.abs(nIntervention - nControl);
  const list: boolean[] = [];
  const shuffledBlock = (ni: number, nc: number) => {
    const block = [...Array<boolean>(ni).fill(true), ...Array<boolean>(nc).fill(false)];
    for (let i = block.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [block[i], block[j]] = [block[j]!, block[i]!];
    }
    list.push(...block);
  };
  for (;;) {
    const size = blockSizes[rng.int(blockSizes.length)]!;
    // Stop while the rest still fits the residual imbalance.
    if (n - list.length - size < imbalance) break;
    shuffledBlock(size / 2, size / 2);
  }
  const half = list.length / 2;
  shuffledBlock(nIntervention - half, nControl - half);
  return list;
}
