import { simulateRegistryOutcomes } from '../../src/simulate/registry-outcomes.js';

export type RegistryRow = Record<string, string>;
export interface RegistryRows {
  names: string[];
  rows: RegistryRow[];
}

/** `patients` simulated registry patients (seed 3), every value present, so each test decides who is incomplete. */
export function completeRegistryRows(patients: number): RegistryRows {
  const [header, ...lines] = simulateRegistryOutcomes({ patients, seed: 3 }).trimEnd().split('\n');
  const names = header!.split(',');
  const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i]!, v])) as RegistryRow);
  for (const r of rows) {
    if (r.age === '') r.age = '50';
    for (const o of ['rmdq', 'pain']) if (r[`${o}_3m`] === '') r[`${o}_3m`] = r[`${o}_baseline`]!;
  }
  return { names, rows };
}

/** The rows back as a registry CSV, columns in the simulator's order. */
export const registryCsv = (d: RegistryRows): string => [d.names.join(','), ...d.rows.map((r) => d.names.map((n) => r[n]).join(','))].join('\n') + '\n';
