/**
 * Arm names that contradict the export. The plan's `armLabels` are what every table, chart and
 * sentence calls the arms; drafted from a three-arm export for two arms ("App+telefon" against
 * "App") and kept when the user changed `arms` to "App" against "Sædvanlig", they headed the
 * right numbers "Difference App+telefon − App". A label that is, word for word, another arm value
 * of the export than the one it names can only be stale (docs/plan-trial.md "Arm names").
 */
import type { Problem } from '../errors.js';
import type { Plan } from '../plan/plan-schema.js';

const key = (s: string) => s.normalize('NFC').trim().toLowerCase();

/**
 * One problem per label (en and da) that names an arm value of the export other than its own
 * arm's. `armValues`: the distinct cells of the arm column as written.
 */
export function staleArmLabels(plan: Pick<Plan, 'arms' | 'armLabels'>, armValues: Iterable<string>, file: string, field: string): Problem[] {
  if (!plan.armLabels) return [];
  const values = new Map<string, string>();
  for (const v of armValues) if (v.trim() !== '') values.set(key(v), v.trim());
  const problems: Problem[] = [];
  for (const arm of ['intervention', 'control'] as const) {
    const own = key(String(plan.arms[arm]));
    const labels = plan.armLabels[arm];
    const said = new Set<string>();
    for (const lang of ['en', 'da'] as const) {
      const label = labels[lang];
      if (label === undefined || said.has(key(label))) continue;
      said.add(key(label));
      const other = values.get(key(label));
      if (other === undefined || key(label) === own) continue;
      const otherArm = key(String(plan.arms[arm === 'intervention' ? 'control' : 'intervention'])) === key(other) ? ` (the ${arm === 'intervention' ? 'control' : 'intervention'} arm)` : ' (an arm the plan does not compare)';
      problems.push({
        file,
        line: 1,
        field,
        value: label,
        expected: `"armLabels": { "${arm}" } to name the ${arm} arm "${plan.arms[arm]}" of "arms", but "${label}" is another arm value of the export${otherArm}: the reports would head its results with the wrong arm. Write the name of "${plan.arms[arm]}" in "armLabels" (or remove "armLabels")`,
        kind: 'plan.armLabels',
      });
    }
  }
  return problems;
}

