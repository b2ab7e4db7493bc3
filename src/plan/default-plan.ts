/**
 * The plan used when none is given: the default column names of docs/input-trial-export.md, the selfBACK arm values
 * when present (else the first two arm values in file order), and every default outcome column
 * that the export has (as scores or as items).
 */
import { HtaError } from '../errors.js';
import { type CsvTable, FieldReader } from '../io/read-csv.js';
import { instruments } from '../instruments/registry.js';
import { resolveColumns } from '../trial/column-resolver.js';
import { parsePlan } from './load-plan.js';
import type { Plan } from './plan-schema.js';

const DEFAULT_OUTCOMES: { key: string; instrument: string }[] = [
  { key: 'rmdq', instrument: 'rmdq' },
  { key: 'pain_avg', instrument: 'nrs' },
  { key: 'pain_worst', instrument: 'nrs' },
  { key: 'pseq', instrument: 'pseq' },
  { key: 'eq5d', instrument: 'eq5d5l' },
  { key: 'med_use', instrument: 'binary' },
];

export function defaultPlanFor(csv: CsvTable): Plan {
  // The default names are found as a plan's are (column-resolver.ts): `Arm`, `RMDQ` will do.
  const itemColumns = (key: string, instrument: string) => instruments[instrument]?.items?.columns(key) ?? [];
  const found = resolveColumns(csv.file, csv.header, ['id', 'arm', 'time', ...DEFAULT_OUTCOMES.flatMap(({ key, instrument }) => [key, ...itemColumns(key, instrument)])]);
  const has = (name: string) => found.indexOf(name) >= 0;
  const outcomes = DEFAULT_OUTCOMES.filter(({ key, instrument }) => {
    const cols = itemColumns(key, instrument);
    return has(key) || (cols.length > 0 && cols.every(has));
  });
  if (!outcomes.length) {
    throw new HtaError('usage.invalid', `no known outcome column in ${csv.file}; give a plan with --plan (see \`hta plan schema\`)`);
  }
  const armIdx = found.indexOf('arm');
  const timeIdx = found.indexOf('time');
  // One pass over the records (a large export is streamed from disk: docs/limits.md).
  const armSet = new Set<string>();
  const timeSet = new Set<string>();
  const fields = new FieldReader();
  const needed = Math.max(armIdx, timeIdx) + 1;
  for (const r of csv.records) {
    fields.load(r, needed);
    const arm = fields.cell(armIdx);
    const time = fields.cell(timeIdx);
    if (arm !== null) armSet.add(arm);
    if (time !== null) timeSet.add(time);
  }
  const arms = [...armSet];
  const times = [...timeSet];
  const pair = arms.includes('app') && arms.includes('usual') ? ['app', 'usual'] : arms.slice(0, 2);
  if (armIdx < 0 || timeIdx < 0 || pair.length < 2 || !times.includes('baseline')) {
    throw new HtaError('usage.invalid', `${csv.file} does not follow the default layout (columns id, arm, time; a "baseline" visit; two arms); give a plan with --plan`);
  }
  return parsePlan(
    {
      arms: { intervention: pair[0], control: pair[1] },
      timepoints: times.filter((t) => t !== 'baseline'),
      outcomes,
    },
    '<default plan>',
  );
}
