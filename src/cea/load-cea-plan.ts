/**
 * Reads a cost-effectiveness plan and everything it names (the trial plan, the unit-cost CSV, the
 * uptake plan for a tiered intervention price, the published figures), checking the cross-
 * references zod alone cannot see. Every problem is collected before stopping. docs/plan-cea.md.
 */
import { dirname, resolve } from 'node:path';
import { HtaError, type Problem } from '../errors.js';
import { jsonProblems, locateProblems, readJsonFile } from '../io/read-json.js';
import { readCsvFile } from '../io/read-csv.js';
import { parseNumber } from '../io/parse-number.js';
import { zodShapeHint } from '../io/zod-shape.js';
import { loadPlanFile } from '../plan/load-plan.js';
import type { Plan } from '../plan/plan-schema.js';
import { instruments } from '../instruments/registry.js';
import { loadUptakePlanFile } from '../uptake/uptake-plan.js';
import { tierCost } from '../uptake/tier-pricing.js';
import { type CeaPlan, ceaPlanSchema } from './cea-plan-schema.js';
import { type PublishedCea, parsePublishedCea } from './published-cea.js';

export interface UnitCost {
  cost: number;
  /** English (what results.json keeps); `sourceDa` the Danish wording when the input gives one. */
  source: string;
  sourceDa?: string;
}

/** A plan with its references read: what the analysis takes. */
export interface ResolvedCeaPlan {
  file: string;
  plan: CeaPlan;
  trialPlanFile: string;
  trialPlan: Plan;
  /** Item key → unit cost (plan currency and price year). */
  unitCosts: Record<string, UnitCost>;
  /** Cost of the intervention per intervention patient, and where it comes from. */
  interventionPrice: { price: number; source: string; tier?: { uptakePlan: string; mode: 'all-units' | 'marginal'; nationalVolume: number; rate: number } };
  published: PublishedCea | null;
}

export function loadCeaPlanFile(file: string): ResolvedCeaPlan {
  const json = readJsonFile(file, 'cost-effectiveness plan');
  const parsed = ceaPlanSchema.safeParse(json);
  if (!parsed.success) {
    throw new HtaError('plan.invalid', `${file} is not a valid cost-effectiveness plan`, jsonProblems(json, parsed.error.issues, file, zodShapeHint(ceaPlanSchema)));
  }
  const plan = parsed.data;
  const dir = dirname(file);
  const trialPlanFile = resolve(dir, plan.trialPlan);
  const trialPlan = loadPlanFile(trialPlanFile);
  const problems = crossCheck(plan, trialPlan, file);
  if (problems.length) throw new HtaError('plan.invalid', `${file} is not a valid cost-effectiveness plan`, locateProblems(json, problems));

  const unitCosts = typeof plan.unitCosts === 'string' ? readUnitCostFile(resolve(dir, plan.unitCosts), plan) : inlineUnitCosts(plan.unitCosts);
  const missing = plan.resourceUse.filter((r) => !Object.hasOwn(unitCosts, r.key));
  if (missing.length) {
    const where = typeof plan.unitCosts === 'string' ? resolve(dir, plan.unitCosts) : file;
    throw new HtaError('plan.invalid', `${where} has no unit cost for ${missing.length} resource item(s)`, missing.map((r) => ({ file: where, field: 'unitCosts', value: r.key, expected: `a unit cost for resource item "${r.key}"` })));
  }
  const published = plan.published ? parsePublishedCea(readJsonFile(resolve(dir, plan.published), 'published figures'), resolve(dir, plan.published)) : null;
  return { file, plan, trialPlanFile, trialPlan, unitCosts, interventionPrice: interventionPriceOf(plan, dir, file), published };
}

function crossCheck(plan: CeaPlan, trial: Plan, file: string): Problem[] {
  const problems: Problem[] = [];
  const visits = [trial.baseline, ...(trial.allTimepoints ?? trial.timepoints).filter((t) => t !== trial.baseline)];
  const utility = trial.outcomes.find((o) => o.key === plan.utility);
  if (!utility) problems.push({ file, field: 'utility', value: plan.utility, expected: `an outcome key of the trial plan (${trial.outcomes.map((o) => o.key).join(', ')})` });
  else if (!(instruments[utility.instrument]?.key ?? '').startsWith('eq5d')) problems.push({ file, field: 'utility', value: plan.utility, expected: 'an EQ-5D outcome (instrument eq5d5l or eq5d3l): QALYs need a utility index' });
  const timed = Object.keys(plan.visitTimes.times);
  if (!timed.includes(trial.baseline)) problems.push({ file, field: 'visitTimes.times', expected: `a time for the baseline visit "${trial.baseline}"` });
  for (const t of timed) if (!visits.includes(t)) problems.push({ file, field: `visitTimes.times.${t}`, value: t, expected: `a visit of the trial plan (${visits.join(', ')})` });
  const ordered = visits.filter((v) => timed.includes(v)).map((v) => plan.visitTimes.times[v]!);
  if (ordered.some((x, i) => i > 0 && x <= ordered[i - 1]!)) problems.push({ file, field: 'visitTimes.times', expected: 'times increasing in visit order' });
  if (timed.length < 2) problems.push({ file, field: 'visitTimes.times', expected: 'at least two visits (baseline and one follow-up)' });
  plan.periods.forEach((p, i) => {
    if (!visits.includes(p) || p === trial.baseline) problems.push({ file, field: `periods.${i}`, value: p, expected: `a follow-up visit of the trial plan (${visits.filter((v) => v !== trial.baseline).join(', ')})` });
  });
  const keys = new Set<string>();
  plan.resourceUse.forEach((r, i) => {
    if (keys.has(r.key)) problems.push({ file, field: `resourceUse.${i}.key`, value: r.key, expected: 'a key used once' });
    keys.add(r.key);
  });
  const responderKeys = new Set(trial.responders.map((r) => r.key));
  plan.responders.forEach((r, i) => {
    const o = trial.outcomes.find((x) => x.key === r.outcome);
    if (!o) problems.push({ file, field: `responders.${i}.outcome`, value: r.outcome, expected: `an outcome key of the trial plan (${trial.outcomes.map((x) => x.key).join(', ')})` });
    if (responderKeys.has(r.key)) problems.push({ file, field: `responders.${i}.key`, value: r.key, expected: 'a key the trial plan does not already define' });
    responderKeys.add(r.key);
  });
  if (plan.responderTime !== undefined && !visits.includes(plan.responderTime)) problems.push({ file, field: 'responderTime', value: plan.responderTime, expected: `a visit of the trial plan (${visits.join(', ')})` });
  if (plan.wtp.to <= plan.wtp.from) problems.push({ file, field: 'wtp.to', value: String(plan.wtp.to), expected: `more than wtp.from (${plan.wtp.from})` });
  else if ((plan.wtp.to - plan.wtp.from) / plan.wtp.step > 10000) problems.push({ file, field: 'wtp.step', value: String(plan.wtp.step), expected: 'at most 10,000 points over the range' });
  return problems;
}

/** The plan's own price list, its sources as text in English and (when given) Danish. */
function inlineUnitCosts(costs: Exclude<CeaPlan['unitCosts'], string>): Record<string, UnitCost> {
  return Object.fromEntries(Object.entries(costs).map(([k, u]) => [k, typeof u.source === 'string'
    ? { cost: u.cost, source: u.source }
    : { cost: u.cost, source: u.source.en, ...(u.source.da ? { sourceDa: u.source.da } : {}) }]));
}

const UNIT_COST_COLUMNS = ['item', 'unit_cost', 'currency', 'price_year', 'source'] as const;

/**
 * The unit-cost price list: one row per item, each stating its currency and price year, which
 * must be the plan's — a price list in another currency or year would be added to the others
 * without conversion, so it is refused with the line and column of every offending cell.
 */
export function readUnitCostFile(file: string, plan: Pick<CeaPlan, 'currency' | 'priceYear' | 'resourceUse'>): Record<string, UnitCost> {
  const csv = readCsvFile(file);
  const col = new Map(csv.header.map((h, i) => [h.trim().toLowerCase(), i]));
  const absent = UNIT_COST_COLUMNS.filter((c) => !col.has(c));
  if (absent.length) {
    throw new HtaError('input.invalid', `${file} is not a unit-cost file`, [{ file, line: 1, value: csv.header.join(','), expected: `the columns ${UNIT_COST_COLUMNS.join(', ')} (missing: ${absent.join(', ')})` }]);
  }
  const items = new Set(plan.resourceUse.map((r) => r.key));
  const problems: Problem[] = [];
  const out: Record<string, UnitCost> = {};
  const at = (name: (typeof UNIT_COST_COLUMNS)[number]) => col.get(name)!;
  for (const rec of csv.records) {
    const cell = (name: (typeof UNIT_COST_COLUMNS)[number]) => rec.cells[at(name)] ?? null;
    const where = (name: (typeof UNIT_COST_COLUMNS)[number], value: string | null) => ({ file, line: rec.line, column: at(name) + 1, field: name, ...(value !== null ? { value } : {}) });
    const item = cell('item');
    if (item === null || !items.has(item)) problems.push({ ...where('item', item), expected: `a resource item of the plan (${[...items].join(', ')})`, kind: 'unit-cost.item' });
    else if (Object.hasOwn(out, item)) problems.push({ ...where('item', item), expected: 'each item once', kind: 'unit-cost.duplicate' });
    const costText = cell('unit_cost');
    const cost = costText === null ? undefined : parseNumber(costText, csv.dialect.decimalComma);
    if (cost === undefined || cost < 0) problems.push({ ...where('unit_cost', costText), expected: 'a unit cost ≥ 0', kind: 'unit-cost.cost' });
    const currency = cell('currency');
    if (currency !== plan.currency) problems.push({ ...where('currency', currency), expected: `${plan.currency}, the plan's currency (convert the price first)`, kind: 'unit-cost.currency' });
    const year = cell('price_year');
    if (year !== String(plan.priceYear)) problems.push({ ...where('price_year', year), expected: `${plan.priceYear}, the plan's price year (inflate or deflate the price first)`, kind: 'unit-cost.price-year' });
    const source = cell('source');
    if (source === null) problems.push({ ...where('source', source), expected: 'the source of the price', kind: 'unit-cost.source' });
    // Optional: the source in Danish, for a Danish page (docs/plan-cea.md).
    const sourceDa = col.has('source_da') ? (rec.cells[col.get('source_da')!] ?? null) : null;
    if (item !== null && items.has(item) && cost !== undefined && source !== null) out[item] = { cost, source, ...(sourceDa !== null ? { sourceDa } : {}) };
  }
  if (problems.length) throw new HtaError('input.invalid', `${file} has ${problems.length} problem(s)`, problems);
  return out;
}

function interventionPriceOf(plan: CeaPlan, dir: string, file: string): ResolvedCeaPlan['interventionPrice'] {
  const ic = plan.interventionCost;
  if ('price' in ic) return { price: ic.price, source: ic.source ?? 'plan' };
  const uptakeFile = resolve(dir, ic.uptakePlan);
  const uptake = loadUptakePlanFile(uptakeFile);
  if (uptake.currency !== plan.currency && ic.rate === undefined) {
    throw new HtaError('plan.invalid', `${file}: the uptake plan's prices are in ${uptake.currency}, the plan's in ${plan.currency}`, [
      { file, field: 'interventionCost.rate', expected: `the rate (${plan.currency} per ${uptake.currency}) that converts the tier prices` },
    ]);
  }
  const rate = uptake.currency === plan.currency ? 1 : ic.rate!;
  const perPatient = tierCost(ic.nationalVolume, uptake.priceModel.tiers, uptake.priceModel.mode) / ic.nationalVolume;
  return { price: perPatient * rate, source: `${ic.uptakePlan}: ${uptake.priceModel.mode} tier price at ${ic.nationalVolume} patients a year${rate !== 1 ? ` × ${rate}` : ''}`,
    tier: { uptakePlan: ic.uptakePlan, mode: uptake.priceModel.mode, nationalVolume: ic.nationalVolume, rate } };
}
