/**
 * Where a simulated selfBACK patient was recruited and how long the episode had lasted, drawn
 * from a random stream of their own so that adding these columns leaves every other column of
 * the export unchanged (docs/subgroups.md).
 *
 * Setting shares (CLEARLY SYNTHETIC; the trial recruited mostly through physiotherapists and
 * chiropractors in Denmark and a spine clinic in Norway, with few patients from general
 * practice): DK physio 0.45, chiro 0.40, gp 0.15; NO physio 0.35, chiro 0.10, gp 0.10,
 * spine_clinic 0.45 — about 13 % GP overall.
 *
 * A modest difference of effect by setting: the outcomes are already drawn, so instead of
 * changing them the setting is drawn *given* them. For app patients the GP weight is multiplied
 * by exp(−γ·z), z = (RMDQ improvement baseline → 3 months − 2.5)/4, γ = 0.3: app patients who
 * improved less are a little likelier to be GP patients, which leaves the app effect smaller in
 * general practice (by about 0.7 RMDQ points in the change from baseline, averaged over seeds)
 * and a little larger elsewhere.
 * Control patients' settings do not depend on their outcomes.
 *
 * Symptom duration: weeks = round(exp(ln 10 + 0.9·N(0, 1))), clamped to 1–260 (median 10
 * weeks, about a fifth 4 weeks or less).
 */
import type { Random } from '../stats/random.js';

export const SETTINGS = ['physio', 'chiro', 'spine_clinic', 'gp'] as const;
export type Setting = (typeof SETTINGS)[number];

const SHARES: Record<'DK' | 'NO', Record<Setting, number>> = {
  DK: { physio: 0.45, chiro: 0.4, spine_clinic: 0, gp: 0.15 },
  NO: { physio: 0.35, chiro: 0.1, spine_clinic: 0.45, gp: 0.1 },
};
const GP_TILT = 0.3;

/** The seed of the recruitment stream for a trial seed: a fixed, unrelated offset. */
export function recruitmentSeed(trialSeed: number): number {
  return (trialSeed ^ 0x52454352) | 0;
}

export function drawRecruitment(rng: Random, country: 'DK' | 'NO', app: boolean, rmdqImprovement: number): { setting: Setting; symptomWeeks: number } {
  const z = (rmdqImprovement - 2.5) / 4;
  const weights = SETTINGS.map((s) => SHARES[country][s] * (app && s === 'gp' ? Math.exp(-GP_TILT * z) : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let u = rng.uniform() * total;
  let setting: Setting = SETTINGS[SETTINGS.length - 1]!;
  for (let k = 0; k < SETTINGS.length; k++) {
    u -= weights[k]!;
    if (u < 0 && weights[k]! > 0) {
      setting = SETTINGS[k]!;
      break;
    }
  }
  const symptomWeeks = Math.min(260, Math.max(1, Math.round(Math.exp(Math.log(10) + 0.9 * rng.normal()))));
  return { setting, symptomWeeks };
}
