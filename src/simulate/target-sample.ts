/**
 * A synthetic sample of target patients for the bundled demo of inverse-odds weighting
 * (docs/subgroups.md#inverse-odds-weights): Danish general-practice patients aged 15 or older
 * with low back pain for more than 4 weeks, with the columns of the bundled plan's membership
 * model (age, sex, symptom_weeks). CLEARLY SYNTHETIC — assumed make-up, not registry figures:
 *
 *   age ~ round(N(52, 16)), redrawn outside 18–90 (older than the trial's patients, mean 47)
 *   sex: F with probability 0.6 (the plan's assumed margin; the trial has about 51 %)
 *   symptom_weeks = round(exp(ln 12 + 0.8·N(0, 1))), redrawn until > 4, at most 260
 *   every 97th row has no sex (left out and counted by the analysis)
 *
 * Same seed, same bytes (stats/random.ts).
 */
import { createRandom } from '../stats/random.js';

export interface TargetSampleOptions {
  rows?: number;
  seed?: number;
}

export function simulateTargetSample(options: TargetSampleOptions = {}): string {
  const rows = options.rows ?? 300;
  const rng = createRandom(options.seed ?? 1);
  const lines = ['age,sex,symptom_weeks'];
  for (let i = 1; i <= rows; i++) {
    let age: number;
    do age = Math.round(52 + 16 * rng.normal());
    while (age < 18 || age > 90);
    const sex = rng.uniform() < 0.6 ? 'F' : 'M';
    let weeks: number;
    do weeks = Math.round(Math.exp(Math.log(12) + 0.8 * rng.normal()));
    while (weeks <= 4 || weeks > 260);
    lines.push(`${age},${i % 97 === 0 ? '' : sex},${weeks}`);
  }
  return lines.join('\n') + '\n';
}
