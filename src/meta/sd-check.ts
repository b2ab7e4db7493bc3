/**
 * An SD far below the other studies' SDs of the same outcome and time: the usual sign of a
 * standard error typed under sd_* (a paper's "mean (SE)" table). Such a study gets nearly all the
 * weight, so the pooled estimate is that study's. Warned about, not refused: a homogeneous
 * population can have a small SD (docs/input-studies.md, "Arm summaries: an SD far below the others").
 */
import { quantileSortedType7 } from '../stats/describe.js';
import type { StudyRecord } from './read-studies.js';

/** An SD below the median of the other studies' SDs divided by this is warned about. */
export const SD_FLOOR_DIVISOR = 4;

const round = (x: number): string => String(Math.round(x * 100) / 100);

export function smallSdWarnings(records: readonly StudyRecord[]): string[] {
  const groups = new Map<string, StudyRecord[]>();
  for (const r of records) {
    // An SMD pools studies on different scales by design (a 0–10 and a 0–100 pain scale): their
    // SDs differ by the scale, not by an SE typed as an SD, and the file names no scale to compare
    // within. MD rows are compared only with MD rows (docs/input-studies.md).
    if (r.input.kind !== 'arms' || r.measure === 'SMD') continue;
    const key = JSON.stringify([r.outcome, r.time, r.measure]);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const warnings: string[] = [];
  for (const list of groups.values()) {
    for (const r of list) {
      if (r.input.kind !== 'arms') continue;
      // Both arms of every other trial (subgroups of the same trial are not "other").
      const others = list
        .filter((o) => o.study !== r.study)
        .flatMap((o) => (o.input.kind === 'arms' ? [o.input.arms.sdIntervention, o.input.arms.sdControl] : []))
        .sort((a, b) => a - b);
      if (others.length === 0) continue;
      const median = quantileSortedType7(others, 0.5);
      const a = r.input.arms;
      for (const [arm, sd, n] of [['intervention', a.sdIntervention, a.nIntervention], ['control', a.sdControl, a.nControl]] as const) {
        if (!(sd > 0 && sd < median / SD_FLOOR_DIVISOR)) continue;
        warnings.push(
          `${r.outcome} ${r.time}: ${r.study} (line ${r.line}), sd_${arm} ${round(sd)} is below a quarter of the other studies' median SD of this outcome and time (${round(median)}); ` +
            `if it is the standard error of the mean, the SD is SE × √n = ${round(sd)} × √${n} = ${round(sd * Math.sqrt(n))} — an SE read as an SD gives the study far too much weight`,
        );
      }
    }
  }
  return warnings;
}
