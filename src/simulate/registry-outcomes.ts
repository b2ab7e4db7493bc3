/**
 * A synthetic registry of outcomes (wide: one row per patient) in which app use is confounded:
 * younger patients, women, patients referred by their GP and patients with less disability at
 * baseline more often use the app, and the same characteristics predict the follow-up score.
 * The true effect of the app is known and constant (`TRUE_EFFECTS`), so a crude comparison is
 * biased and a correctly adjusted one is not (test/observational/coverage.test.ts).
 * Clearly synthetic; same seed, same bytes. Model and numbers: docs/observational.md.
 */
import { toCsv } from '../io/write-csv.js';
import { createRandom } from '../stats/random.js';

/** Effect of app use on the follow-up score (RMDQ points, pain NRS points): exposed − unexposed. */
export const TRUE_EFFECTS = { rmdq: -2, pain: -0.5 } as const;

export interface RegistryOutcomesOptions {
  patients?: number;
  seed?: number;
}

const REFERRERS = ['gp', 'hospital', 'physio'] as const;

export function simulateRegistryOutcomes(options: RegistryOutcomesOptions = {}): string {
  const n = options.patients ?? 1200;
  const rnd = createRandom(options.seed ?? 1);
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const rows: (string | number | null)[][] = [];
  for (let i = 0; i < n; i++) {
    const age = Math.round(clamp(50 + 13 * rnd.normal(), 18, 90));
    const female = rnd.uniform() < 0.55 ? 1 : 0;
    const u = rnd.uniform();
    const referrer = REFERRERS[u < 0.5 ? 0 : u < 0.75 ? 1 : 2]!;
    const hospital = referrer === 'hospital' ? 1 : 0;
    const rmdq0 = Math.round(clamp(12 + 0.04 * (age - 50) + 1.5 * hospital + 4 * rnd.normal(), 0, 24));
    const pain0 = Math.round(clamp(5.5 + 0.15 * (rmdq0 - 12) + 1.5 * rnd.normal(), 0, 10));
    const logit = 0.2 - 0.03 * (age - 50) + 0.4 * female + 0.6 * (referrer === 'gp' ? 1 : 0) - 0.12 * (rmdq0 - 12);
    const app = rnd.uniform() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    const rmdq3 = Math.round(clamp(3.5 + 0.6 * rmdq0 + 0.03 * (age - 50) + 1 * hospital + TRUE_EFFECTS.rmdq * app + 3.5 * rnd.normal(), 0, 24));
    const pain3 = Math.round(clamp(1.5 + 0.6 * pain0 + 0.01 * (age - 50) + 0.4 * hospital + TRUE_EFFECTS.pain * app + 1.4 * rnd.normal(), 0, 10));
    // About one in eight is lost to follow-up (at random); one in a hundred lacks an age.
    const lost = rnd.uniform() < 0.12;
    const ageMissing = rnd.uniform() < 0.01;
    rows.push([
      `R${String(i + 1).padStart(5, '0')}`,
      app ? 'Ja' : 'Nej',
      ageMissing ? null : age,
      female ? 'K' : 'M',
      referrer,
      rmdq0,
      lost ? null : rmdq3,
      pain0,
      lost ? null : pain3,
    ]);
  }
  return toCsv(['id', 'app', 'age', 'sex', 'referrer', 'rmdq_baseline', 'rmdq_3m', 'pain_baseline', 'pain_3m'], rows);
}
