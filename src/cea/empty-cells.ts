/**
 * What the empty resource-use cells did (docs/plan-cea.md#inputs). An empty cell on an attended
 * period row is missing unless `emptyUnits` says "zero"; read as missing without a word, 36 empty
 * Fysioterapi cells (meaning "no sessions") made half an arm's total costs missing and moved the
 * incremental cost from −586 to −988 DKK. So each column's empty cells are said, with the setting
 * that reads them as no use, and a refusal for too few observed costs names the columns behind it.
 */
import type { CeaPatients } from './cea-patients.js';
import type { PlanNote, ResolvedCeaPlan } from './load-cea-plan.js';
import { includedItems } from './patient-costs.js';
// en-US grouping without loading ICU's locale data (en-us-fixed.ts).
import { enUsGrouped } from './en-us-fixed.js';

const cells = (n: number) => `${enUsGrouped(n)} empty cell${n === 1 ? '' : 's'}`;

function zeroOf(resolved: ResolvedCeaPlan, key: string): boolean {
  const item = resolved.plan.resourceUse.find((r) => r.key === key)!;
  return (item.emptyUnits ?? resolved.plan.emptyUnits) === 'zero';
}

/** How to read an item's empty cells as no use: the plan-wide setting, or the item's own. */
export function zeroSetting(resolved: ResolvedCeaPlan, key: string): string {
  return `set "emptyUnits": "zero" in ${resolved.file} (for every item, or on item "${key}" alone) if an empty cell means no use`;
}

/** One note per resource column with empty cells on attended period rows: read as 0, or as missing (and how to read them as 0); in both languages (`hta cea --lang da`). */
export function emptyCellNotes(data: CeaPatients, resolved: ResolvedCeaPlan, exportFile: string): PlanNote[] {
  const notes: PlanNote[] = [];
  for (const r of resolved.plan.resourceUse) {
    const n = data.patients.reduce((s, p) => s + (p.emptyCells[r.key] ?? 0), 0);
    if (n === 0) continue;
    const da = `${enUsGrouped(n).replace(/,/g, '.')} ${n === 1 ? 'tom celle' : 'tomme celler'} på periodernes rækker`;
    notes.push(zeroOf(resolved, r.key)
      ? { en: `${exportFile}: "${r.column}": ${cells(n)} on the period rows read as 0 (no use), as "emptyUnits": "zero" says`, da: `${exportFile}: "${r.column}": ${da} læst som 0 (intet forbrug), som "emptyUnits": "zero" angiver` }
      : {
          en: `${exportFile}: "${r.column}": ${cells(n)} on the period rows read as missing (imputed), not 0 — ${zeroSetting(resolved, r.key)}`,
          da: `${exportFile}: "${r.column}": ${da} læst som manglende (imputeret), ikke 0 — angiv "emptyUnits": "zero" i ${resolved.file} (for alle poster, eller kun på posten "${r.key}"), hvis en tom celle betyder intet forbrug`,
        });
  }
  return notes;
}

/**
 * For an arm (1 intervention, 0 control), the resource columns behind its missing total costs in
 * this perspective: per column the patients with a period missing, and the empty cells read as
 * missing among them. Undefined when the arm has no missing cost.
 */
export function missingCostCauses(data: CeaPatients, resolved: ResolvedCeaPlan, perspective: 'healthcare' | 'societal'): (arm: 0 | 1) => string | undefined {
  const items = includedItems(resolved, perspective);
  return (arm) => {
    const patients = data.patients.filter((p) => (p.arm === 'intervention' ? 1 : 0) === arm);
    const causes = items
      .map((r) => {
        const missing = patients.filter((p) => p.units[r.key]!.some((u) => u === null));
        const empty = zeroOf(resolved, r.key) ? 0 : missing.reduce((s, p) => s + (p.emptyCells[r.key] ?? 0), 0);
        return { r, patients: missing.length, empty };
      })
      .filter((c) => c.patients > 0)
      .sort((a, b) => b.empty - a.empty || b.patients - a.patients);
    if (causes.length === 0) return undefined;
    const parts = causes.map((c) => `"${c.r.column}" (${c.patients} patient${c.patients === 1 ? '' : 's'}${c.empty ? `, ${cells(c.empty)} read as missing` : ''})`);
    const emptyOnes = causes.filter((c) => c.empty > 0);
    const fix = emptyOnes.length
      ? `; ${emptyOnes.length === 1 ? `"${emptyOnes[0]!.r.column}" is` : `${emptyOnes.map((c) => `"${c.r.column}"`).join(', ')} are`} missing because of empty cells: set "emptyUnits": "zero" in ${resolved.file} (for every item, or on ${emptyOnes.length === 1 ? `item "${emptyOnes[0]!.r.key}"` : 'those items'}) if an empty cell means no use`
      : '';
    return `the costs are missing in ${parts.join(', ')}${fix}`;
  };
}
