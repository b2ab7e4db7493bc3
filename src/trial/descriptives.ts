/**
 * The tidy long table of a trial as an arquero table (a library export, src/index.ts). The
 * per-arm descriptives that used to be grouped here are in describe-by-arm.ts, without arquero,
 * so that the analysis does not load it; they are re-exported here for the library's API.
 */
import * as aq from 'arquero';
import type { Arm, TrialData } from './trial-data.js';

export { describeByArm } from './describe-by-arm.js';

/** The tidy long table: one row per patient × time × outcome with an observed value. */
export function tidyTable(trial: TrialData): aq.ColumnTable {
  const rows: { id: string; arm: Arm; time: string; outcome: string; value: number }[] = [];
  for (const o of trial.observations) {
    for (const s of trial.sources) {
      const v = o.scores[s.key];
      if (v !== null && v !== undefined) rows.push({ id: o.id, arm: o.arm, time: o.time, outcome: s.key, value: v });
    }
  }
  return aq.from(rows);
}
