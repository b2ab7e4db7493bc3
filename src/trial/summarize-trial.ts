/** Counts that tell a user the export was read as they meant: patients, rows, observed scores. */
import { armCounts, type Arm, type TrialData } from './trial-data.js';

export interface TrialSummary {
  file: string;
  layout: 'long' | 'wide';
  rows: number;
  patients: Record<Arm, number>;
  times: string[];
  outcomes: { key: string; instrument: string; from: 'items' | 'score'; observed: Record<string, Record<Arm, number>> }[];
}

export function summarizeTrial(trial: TrialData): TrialSummary {
  const patients = armCounts(trial);
  const outcomes = trial.sources.map((s) => {
    const observed: Record<string, Record<Arm, number>> = {};
    for (const t of trial.times) observed[t] = { intervention: 0, control: 0 };
    for (const o of trial.observations) {
      const cell = observed[o.time];
      if (cell && o.scores[s.key] !== null && o.scores[s.key] !== undefined) cell[o.arm]++;
    }
    return { key: s.key, instrument: s.instrument.key, from: s.from, observed };
  });
  return { file: trial.file, layout: trial.layout, rows: trial.observations.length, patients, times: trial.times, outcomes };
}
