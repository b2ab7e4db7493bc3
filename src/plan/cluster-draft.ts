/**
 * `hta plan init` on a cluster-randomised export: a column whose every value lies wholly in one
 * arm (trial/cluster-signature.ts) is drafted as the plan's "clusters", said, and left out of the
 * covariates (its levels would repeat the arm in the ANCOVA). Validate would refuse the export
 * without it (docs/plan-trial.md#cluster-randomised-trials).
 */
import type { CsvTable } from '../io/read-csv.js';
import { nfc } from '../io/nfc.js';
import { type ClusterSignature, ClusterColumns } from '../trial/cluster-signature.js';
import { namesAGroup } from './place-covariates.js';

export interface ClusterDraftInput {
  idCol: string;
  armCol: string;
  arms: { intervention: string; control: string };
  /** Columns to look at: one value per patient line (not the id, arm, time or an outcome). */
  candidates: readonly string[];
}

/** The columns showing the signature of cluster randomisation, in header order; whole numbers are codes only in a column named as groups (place-covariates.ts). */
export function clusterColumnsOf(csv: Pick<CsvTable, 'header' | 'records'>, input: ClusterDraftInput): ClusterSignature[] {
  const { header } = csv;
  const idAt = header.indexOf(input.idCol);
  const armAt = header.indexOf(input.armCol);
  // Each column's index found once: `header.indexOf` per candidate was quadratic in a wide export's columns.
  const columnIndex = new Map<string, number>();
  header.forEach((h, i) => {
    if (!columnIndex.has(h)) columnIndex.set(h, i);
  });
  const columns = input.candidates.filter((c) => columnIndex.has(c));
  if (idAt < 0 || armAt < 0 || !columns.length) return [];
  const at = columns.map((c) => columnIndex.get(c)!);
  const follow = new ClusterColumns(columns, namesAGroup);
  const patients = new Map<string, number>();
  const intervention = nfc(input.arms.intervention).trim();
  const control = nfc(input.arms.control).trim();
  for (const rec of csv.records) {
    const id = rec.cells[idAt]?.trim();
    const armText = rec.cells[armAt];
    const armValue = armText === null || armText === undefined ? undefined : nfc(armText).trim();
    const arm = armValue === intervention ? 'intervention' : armValue === control ? 'control' : undefined;
    if (!id || arm === undefined) continue;
    let patient = patients.get(id);
    if (patient === undefined) patients.set(id, (patient = patients.size));
    at.forEach((i, k) => {
      const v = rec.cells[i];
      if (v !== null && v !== undefined) follow.see(k, patient, arm, v);
    });
  }
  return follow.signatures(patients.size);
}
