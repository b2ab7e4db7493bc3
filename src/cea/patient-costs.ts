/**
 * Per-patient costs over follow-up (docs/plan-cea.md#costs):
 *
 *   cost_i = Σ_items Σ_periods units_ik · unit cost_k · f_u  +  [arm_i = intervention] · price · f_p
 *
 * over the items of the perspective (healthcare: every category but "productivity"; societal:
 * all). f_u and f_p scale the unit costs and the intervention price in the one-way sensitivity
 * analysis. Costs of periods after the first year are weighted by their discount weight w_k
 * (discounting.ts; w_k = 1 within the first year, where the arithmetic is the undiscounted one).
 * A patient with any unit of the perspective's items missing has a missing cost (imputed, or left
 * out in the complete-case scenario).
 */
import type { CeaCategory } from './cea-plan-schema.js';
import type { CeaPatients } from './cea-patients.js';
import type { ResolvedCeaPlan } from './load-cea-plan.js';

export interface CostScenario {
  perspective: 'healthcare' | 'societal';
  unitCostFactor: number;
  priceFactor: number;
}

export function includedItems(resolved: ResolvedCeaPlan, perspective: CostScenario['perspective']) {
  return resolved.plan.resourceUse.filter((r) => !outsidePerspective(perspective, r.category));
}

/**
 * Whether a cost category is left out of the perspective's total (productivity under the
 * healthcare perspective). results.json's `costsByCategory` lists every category of the plan, so
 * the page marks these beside the total that leaves them out (docs/plan-cea.md#costs-by-category).
 */
export function outsidePerspective(perspective: CostScenario['perspective'], category: string): boolean {
  return perspective === 'healthcare' && category === 'productivity';
}

/**
 * `acc` plus an item's cost over the periods, Σ_k units_k · unit cost · w_k, added period by period;
 * null when a period's units are missing. (w_k = 1 within the first year: x · 1 is x exactly.)
 */
function addPeriodCosts(acc: number, units: readonly (number | null)[], unitCost: number, weights: readonly number[]): number | null {
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    if (u === null || u === undefined) return null;
    acc += u * unitCost * weights[k]!;
  }
  return acc;
}

export function patientCosts(data: CeaPatients, resolved: ResolvedCeaPlan, s: CostScenario): (number | null)[] {
  const items = includedItems(resolved, s.perspective);
  const weights = data.discount.periodWeights;
  return data.patients.map((p) => {
    let total = p.arm === 'intervention' ? resolved.interventionPrice.price * s.priceFactor : 0;
    for (const it of items) {
      const sum = addPeriodCosts(total, p.units[it.key]!, resolved.unitCosts[it.key]!.cost * s.unitCostFactor, weights);
      if (sum === null) return null;
      total = sum;
    }
    return total;
  });
}

/** Per patient and category the (discounted) cost over follow-up (null when a period is missing); "intervention" holds the price. */
export function categoryCosts(data: CeaPatients, resolved: ResolvedCeaPlan): Map<CeaCategory | 'intervention', (number | null)[]> {
  const out = new Map<CeaCategory | 'intervention', (number | null)[]>();
  out.set('intervention', data.patients.map((p) => (p.arm === 'intervention' ? resolved.interventionPrice.price : 0)));
  for (const it of resolved.plan.resourceUse) {
    const unit = resolved.unitCosts[it.key]!.cost;
    const weights = data.discount.periodWeights;
    const prev = out.get(it.category) ?? data.patients.map(() => 0);
    out.set(it.category, data.patients.map((p, i) => {
      const before = prev[i];
      if (before === null || before === undefined) return null;
      return addPeriodCosts(before, p.units[it.key]!, unit, weights);
    }));
  }
  return out;
}
