import { readFileSync } from 'node:fs';

/**
 * The bundled synthetic trial (data/synthetic/selfback-trial.csv, 461 patients SB0001 …) cut to its
 * first `patients` patients, every row of each: for a test about writing, caching or checking a
 * report's files, where the whole trial's analysis and charts only cost time.
 */
export function selfbackTrialHead(patients: number): string {
  const [header, ...rows] = readFileSync('data/synthetic/selfback-trial.csv', 'utf8').split('\n');
  return [header, ...rows.filter((r) => r !== '' && Number(r.slice(2, 6)) <= patients)].join('\n') + '\n';
}
