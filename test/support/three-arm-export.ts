/**
 * A REDCap-shaped export of a trial with more arms than the plan compares (docs/plan-trial.md#other-arms):
 * per arm value, `n[arm]` patients, each with a baseline and a 3-month row; the arm is written on the
 * baseline row only (REDCap writes a form's fields on its own event), so each follow-up row's arm is
 * the patient's. `extra` lines are appended as written.
 */
export function threeArmExport(n: Record<string, number>, extra: string[] = []): string {
  const lines = ['record_id,gruppe,visit,pain'];
  let id = 0;
  for (const [arm, count] of Object.entries(n)) {
    for (let k = 0; k < count; k++) {
      id++;
      lines.push(`${id},${arm},baseline,${(id % 5) + 4}`, `${id},,3m,${(id % 4) + 2}`);
    }
  }
  return [...lines, ...extra].join('\n') + '\n';
}
