/**
 * A subgroup's Danish name (docs/input-studies.md#danish-subgroup-names): the optional
 * `subgroup_da` column beside `subgroup`. The English name groups the rows (so one subgroup is
 * one subgroup in every language); the Danish one is what a Danish page and `--lang da` show.
 * Refused: a Danish name without an English one, and one subgroup with two Danish names.
 */
import type { Problem } from '../errors.js';
import type { StudyRecord } from './read-studies.js';

export function checkSubgroupNames(file: string, records: readonly StudyRecord[], col: Map<string, number>, problems: Problem[]): void {
  const column = (col.get('subgroup_da') ?? 0) + 1;
  const first = new Map<string, { da: string; line: number }>();
  for (const r of records) {
    if (r.subgroupDa === null) continue;
    if (r.subgroup === null) {
      problems.push({ file, line: r.line, column, field: 'subgroup_da', value: r.subgroupDa, expected: 'a subgroup (its English name, in the subgroup column) beside its Danish name' });
      continue;
    }
    const seen = first.get(r.subgroup);
    if (seen === undefined) first.set(r.subgroup, { da: r.subgroupDa, line: r.line });
    else if (seen.da !== r.subgroupDa) {
      problems.push({ file, line: r.line, column, field: 'subgroup_da', value: r.subgroupDa, expected: `one Danish name per subgroup: "${r.subgroup}" is "${seen.da}" on line ${seen.line}` });
    }
  }
}

/**
 * The records with each subgroup named in `lang`: Danish names where the file gives them (a
 * subgroup without one keeps its English name in every row, so it stays one subgroup).
 */
export function subgroupsIn<T extends Pick<StudyRecord, 'subgroup'> & { subgroupDa?: string | null }>(records: readonly T[], lang: 'en' | 'da'): T[] {
  if (lang !== 'da') return [...records];
  const danish = new Map<string, string>();
  for (const r of records) if (r.subgroup !== null && r.subgroupDa) danish.set(r.subgroup, r.subgroupDa);
  return records.map((r) => (r.subgroup !== null && danish.has(r.subgroup) ? { ...r, subgroup: danish.get(r.subgroup) as string } : r));
}
