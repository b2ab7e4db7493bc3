/**
 * The EQ-5D gain of the simulated Danish app patients, for the cost-effectiveness analysis
 * (docs/plan-cea.md), drawn from a random stream of its own so that every other cell of the
 * export stays as it was (as recruitment.ts and resource-use.ts do).
 *
 * CLEARLY SYNTHETIC. The trial's main publication found no EQ-5D difference over all patients,
 * while the Danish cost-effectiveness analysis (Kongstad et al. 2024, BMJ Open 14:e086800)
 * reported a QALY gain of about €230 / €7,336 ≈ 0.031 over 9 months in the Danish patients.
 * So the synthetic Danish app patients, and only they, move one level down (better) on
 * pain/discomfort with probability GAIN_PD[v] and on mobility with probability GAIN_MO[v] at
 * follow-up visit v (never below level 1); Norwegian patients and usual care are untouched.
 * The probabilities are calibrated so that the bundled analysis lands near the published
 * incremental QALY; they are not estimates of anything.
 */
import type { Random } from '../stats/random.js';

/** Per visit (baseline, 6w, 3m, 6m, 9m): probability of one level better on pain/discomfort. */
const GAIN_PD = [0, 0.5, 0.65, 0.65, 0.65] as const;
/** Per visit: probability of one level better on mobility. */
const GAIN_MO = [0, 0.25, 0.4, 0.4, 0.4] as const;

/**
 * The seed of the quality-of-life stream for a trial seed: a fixed, unrelated offset (the
 * bundled export's seed gives its own stream too; nothing was picked for it).
 */
export const qualityOfLifeSeed = (trialSeed: number): number => (trialSeed * 7_919 + 104_729) >>> 0;

/**
 * The EQ-5D-5L levels (order mo, sc, ua, pd, ad) of one visit after the Danish app gain. Draws
 * two uniforms for every patient-visit, whatever the country or arm, so a patient's draws do not
 * depend on who came before them in another country.
 */
export function withQualityOfLifeGain(rng: Random, country: string, app: boolean, visit: number, levels: readonly number[]): number[] {
  const uPd = rng.uniform();
  const uMo = rng.uniform();
  const out = [...levels];
  if (country !== 'DK' || !app || visit === 0) return out;
  if (uPd < (GAIN_PD[visit] ?? 0) && out[3]! > 1) out[3] = out[3]! - 1;
  if (uMo < (GAIN_MO[visit] ?? 0) && out[0]! > 1) out[0] = out[0]! - 1;
  return out;
}
