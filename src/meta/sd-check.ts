/**
 * An SD far from the other studies' SDs of the same outcome and time (docs/input-studies.md,
 * "Arm summaries: an SD far from the others"). Far below: the usual sign of a standard error
 * typed under sd_* (a paper's "mean (SE)" table); such a study gets nearly all the weight, so the
 * pooled estimate is that study's. Far above: a variance typed as an SD, which takes the study's
 * weight away. Warned about, not refused: a homogeneous population can have a small SD.
 *
 * The other studies' SDs are their arms' SDs and, for a row giving a difference with its 95% CI
 * or SE and both group sizes, the SD per patient that interval implies: SE / √(1/n1 + 1/n2)
 * (Cochrane Handbook v6, §6.5.2.3) — so a file of reported differences with one arm-summary row
 * is checked too.
 */
import { quantileSortedType7 } from '../stats/describe.js';
import { normalQuantile } from '../stats/distributions.js';
import type { StudyRecord } from './read-studies.js';

/** An SD below the median of the other studies' SDs divided by this is always warned about. */
export const SD_FLOOR_DIVISOR = 4;
/** Below the median divided by this (and by n^¼), an SE typed as an SD fits the others at least as well. */
export const SD_SMALL_TRIAL_DIVISOR = 2;
/** An SD above this many times the others' median, whose square root fits them better, looks like a variance. */
export const SD_VARIANCE_FACTOR = 3;

const round = (x: number): string => String(Math.round(x * 100) / 100);

/** The SD per patient a row's result implies (its arms' SDs, or SE / √(1/n1 + 1/n2)). */
function perPatientSds(r: StudyRecord): number[] {
  const i = r.input;
  if (i.kind === 'arms') return [i.arms.sdIntervention, i.arms.sdControl];
  if (r.nIntervention === null || r.nControl === null) return [];
  const se = i.kind === 'se' ? i.se : i.kind === 'ci' ? (i.upper - i.lower) / (2 * normalQuantile(0.975)) : null;
  return se === null || !(se > 0) ? [] : [se / Math.sqrt(1 / r.nIntervention + 1 / r.nControl)];
}

/**
 * `aboveScale`: arms already warned about as above the largest SD their scale allows
 * (scale-checks.ts, `${line} ${arm}`): the variance is said there, once per arm.
 */
export function smallSdWarnings(records: readonly StudyRecord[], aboveScale: ReadonlySet<string> = new Set()): string[] {
  const groups = new Map<string, StudyRecord[]>();
  for (const r of records) {
    // An SMD pools studies on different scales by design (a 0–10 and a 0–100 pain scale): their
    // SDs differ by the scale, not by an SE typed as an SD, and the file names no scale to compare
    // within. Only MD rows are compared, with MD rows (docs/input-studies.md).
    if (r.measure !== 'MD') continue;
    const key = JSON.stringify([r.outcome, r.time]);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const warnings: string[] = [];
  for (const list of groups.values()) {
    for (const r of list) {
      if (r.input.kind !== 'arms') continue;
      // Every other trial's SDs (subgroups of the same trial are not "other").
      const others = list
        .filter((o) => o.study !== r.study)
        .flatMap(perPatientSds)
        .sort((a, b) => a - b);
      if (others.length === 0) continue;
      const median = quantileSortedType7(others, 0.5);
      // With one other trial, which of two is the odd one is not known: the large-SD rule needs two.
      const otherTrials = new Set(list.filter((o) => o.study !== r.study && perPatientSds(o).length > 0).map((o) => o.study)).size;
      const a = r.input.arms;
      for (const [arm, sd, n] of [['intervention', a.sdIntervention, a.nIntervention], ['control', a.sdControl, a.nControl]] as const) {
        if (!(sd > 0)) continue;
        const where = `${r.outcome} ${r.time}: ${r.study} (line ${r.line}), sd_${arm} ${round(sd)}`;
        if (sd < median / SD_FLOOR_DIVISOR) {
          warnings.push(
            `${where} is below a quarter of the other studies' median SD of this outcome and time (${round(median)}); ` +
              `if it is the standard error of the mean, the SD is SE × √n = ${round(sd)} × √${n} = ${round(sd * Math.sqrt(n))} — an SE read as an SD gives the study far too much weight`,
          );
        } else if (sd < median / SD_SMALL_TRIAL_DIVISOR && sd < median / n ** 0.25) {
          // A small arm: an SE is SD / √n, at most 4 times below the SD when n ≤ 16, so the quarter
          // rule cannot see it; read as an SE (× √n) it fits the others at least as well as read as an SD.
          warnings.push(
            `${where} is below half the other studies' median SD of this outcome and time (${round(median)}), and read as a standard error it fits them better: ` +
              `SE × √n = ${round(sd)} × √${n} = ${round(sd * Math.sqrt(n))} — check the paper; an SE read as an SD gives the study far too much weight`,
          );
        } else if (!aboveScale.has(`${r.line} ${arm}`) && otherTrials >= 2 && sd > median * SD_VARIANCE_FACTOR && Math.abs(Math.log(Math.sqrt(sd) / median)) < Math.abs(Math.log(sd / median))) {
          warnings.push(
            `${where} is above ${SD_VARIANCE_FACTOR} times the other studies' median SD of this outcome and time (${round(median)}); ` +
              `if it is the variance, the SD is √${round(sd)} = ${round(Math.sqrt(sd))} — a variance read as an SD takes the study's weight away`,
          );
        }
      }
    }
  }
  return warnings;
}
