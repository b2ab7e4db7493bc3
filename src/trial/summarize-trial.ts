/** Counts that tell a user the export was read as they meant: patients, rows, observed scores. */
import { armCounts, type Arm, type TrialData } from './trial-data.js';

export interface TrialSummary {
  file: string;
  layout: 'long' | 'wide';
  rows: number;
  patients: Record<Arm, number>;
  times: string[];
  outcomes: { key: string; instrument: string; from: 'items' | 'score' | 'profile'; observed: Record<string, Record<Arm, number>> }[];
}

export function summarizeTrial(trial: TrialData): TrialSummary {
  const patients = armCounts(trial);
  // Read from the columns: a large export is never materialised as objects (docs/limits.md).
  const { rows } = trial;
  const arms = trial.patients.map((p) => p.arm);
  const outcomes = trial.sources.map((s) => {
    const observed: Record<string, Record<Arm, number>> = {};
    for (const t of trial.times) observed[t] = { intervention: 0, control: 0 };
    const perTime = trial.times.map((t) => observed[t]!);
    const scores = rows.scores[s.key];
    if (scores) for (let i = 0; i < rows.length; i++) if (!Number.isNaN(scores[i]!)) perTime[rows.time[i]!]![arms[rows.patient[i]!]!]++;
    return { key: s.key, instrument: s.instrument.key, from: s.profiles ? ('profile' as const) : s.from, observed };
  });
  return { file: trial.file, layout: trial.layout, rows: rows.length, patients, times: trial.times, outcomes };
}
