/**
 * The cost-effectiveness plan: a separate JSON file beside the trial plan it names, saying which
 * export columns hold resource use, what each unit costs, what the intervention costs, how QALYs
 * are computed and how uncertainty is summarised. One zod schema gives the type, the readable
 * validation and the published JSON Schema (`schemas/cea-plan.schema.json`). docs/plan-cea.md.
 */
import { z } from 'zod';
import { responderSchema } from '../plan/plan-schema.js';
import { eachOnce } from '../io/each-once.js';

export const localized = z
  .object({ en: z.string().min(1), da: z.string().min(1).optional() })
  .describe('A label in English and (optionally) Danish');

// Letters of any alphabet (`læge`, `Lægekonsultation`): the key is also the price list's item name
// (docs/plan-cea.md#unit-costs), which a Danish list writes in Danish. Combining marks too: an
// editor on a Mac may save `å` as `a` + ring (NFD); keys meet the price list in NFC (load-cea-plan.ts).
const key = z.string().regex(/^\p{L}[\p{L}\p{M}\p{N}_]*$/u, 'a key of letters (æ, ø, å too), digits and _ (starting with a letter)');
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as EUR or DKK');
const priceYear = z.number().int().min(1950, 'a price year from 1950').max(2100, 'a price year up to 2100');

export const CEA_CATEGORIES = ['primary-care', 'physiotherapy', 'chiropractor', 'specialist', 'imaging', 'medication', 'hospital', 'productivity'] as const;
export type CeaCategory = (typeof CEA_CATEGORIES)[number];

/**
 * What an empty resource-use cell on a follow-up row means (docs/plan-cea.md#inputs): "missing"
 * (imputed), or "zero" — no use, as a questionnaire whose unticked boxes export as empty cells
 * means. `NA`, special missing values and the trial plan's missing codes stay missing either way.
 */
export const emptyUnitsSchema = z.enum(['missing', 'zero']);

export const resourceItemSchema = z
  .object({
    key,
    column: z.string().min(1).describe('export column holding the units used in the period that ends at each visit of "periods" (long layout)'),
    category: z.enum(CEA_CATEGORIES).describe('cost category the item is reported under; "productivity" items (sick-leave days) count only in the societal perspective'),
    label: localized.optional(),
    emptyUnits: emptyUnitsSchema.optional().describe('this item\'s empty cells: overrides the plan\'s "emptyUnits" (e.g. "zero" for a cost column filled only on the rows with a cost)'),
    perPeriod: z.literal(true).optional().describe('an item of amounts (unit cost 1) whose amounts are truly each period\'s own, also where a patient has the same amount on the baseline row and every follow-up row: turns off the refusal of a per-patient total joined onto every visit row (docs/plan-cea.md#a-per-patient-total-on-every-row)'),
    maxUnits: z.number().positive().optional().describe('the most units a patient can have in one period: a count above it is refused, one within it is read (also 999: no missing-value code); replaces the check that refuses a count far above the column\'s others and longer than its period. Counts only: refused on an item whose unit cost is 1 (amounts) (docs/plan-cea.md#inputs)'),
  })
  .strict();

export const unitCostSchema = z
  .object({
    cost: z.number().nonnegative().describe('cost of one unit, in the plan currency and price year'),
    source: z.union([z.string().min(1), localized]).describe('where the price comes from (tariff, list, year); { "en": …, "da": … } for a Danish page'),
  })
  .strict();

export const interventionCostSchema = z.union([
  z.object({ price: z.number().nonnegative().describe('cost per intervention patient, plan currency and price year'), source: z.union([z.string().min(1), localized]).optional().describe('where the price comes from; { "en": …, "da": … } for a Danish page, as a unit cost\'s source') }).strict(),
  z
    .object({
      uptakePlan: z.string().min(1).describe("uptake plan (docs/plan-uptake.md) whose volume tiers set the price per patient, relative to this plan's folder"),
      nationalVolume: z.number().int().positive().describe('annual national volume at which the tier price is read'),
      rate: z.number().positive().optional().describe("plan currency per unit of the uptake plan's currency, when they differ"),
    })
    .strict(),
]);

/** The refusal of a discount rate above 0.2: a fraction, not percent. */
const PERCENT_RATE = 'an annual rate as a fraction, at most 0.2: write 3.5 % as 0.035 (not 3.5)';

export const ceaPlanSchema = z
  .object({
    $schema: z.string().optional(),
    title: localized.optional(),
    trialPlan: z.string().min(1).describe("the trial plan (docs/plan-trial.md) that reads the export, relative to this plan's folder"),
    population: z
      .object({ column: z.string().min(1), values: eachOnce(z.array(z.string().min(1)).min(1)), label: localized.optional() })
      .strict()
      .optional()
      .describe('only patients whose baseline value of this column is one of these (e.g. the Danish patients)'),
    currency: currencyCode,
    priceYear,
    perspective: z.enum(['healthcare', 'societal']).default('healthcare').describe('base case; the other is a sensitivity analysis'),
    utility: z.string().min(1).describe('key of the EQ-5D outcome in the trial plan'),
    visitTimes: z
      .object({
        unit: z.enum(['days', 'weeks', 'months']).describe('months are 365.25/12 days'),
        times: z.record(z.string(), z.number().nonnegative()).describe('every visit label of the QALY curve (baseline first) → time since randomisation'),
      })
      .strict(),
    qalyMissing: z
      .enum(['impute', 'observed-visits'])
      .default('impute')
      .describe("'impute': a patient with any EQ-5D visit missing has a missing QALY, imputed; 'observed-visits': trapezoids over the observed visits (baseline and last visit must be observed)"),
    discountRate: z
      .object({
        // A rate written in percent (3.5) is the commonest slip: the message says how to write it.
        costs: z.number().min(0).max(0.2, PERCENT_RATE).default(0.035).describe('annual rate for costs after the first year (0.035 = 3.5 %)'),
        qalys: z.number().min(0).max(0.2, PERCENT_RATE).default(0.035).describe('annual rate for QALYs after the first year'),
      })
      .strict()
      .default({ costs: 0.035, qalys: 0.035 })
      .describe('discounting of what falls after the first year of follow-up (docs/plan-cea.md#discounting); default 3.5 % a year for both (Medicinrådet, following the Ministry of Finance); 0 for none. Follow-up within a year is never discounted'),
    emptyUnits: emptyUnitsSchema
      .default('missing')
      .describe('an empty resource-use cell on a visit the patient attended: "missing" (imputed) or "zero" (no use); an item\'s own "emptyUnits" overrides it. A row with no answer at all stays missing'),
    periods: eachOnce(z.array(z.string().min(1)).min(1), { why: 'each period is costed once' }).describe('visits that close a resource-use period (their rows hold the units since the previous one)'),
    resourceUse: z.array(resourceItemSchema).min(1),
    unitCosts: z
      .union([z.record(z.string(), unitCostSchema), z.string().min(1)])
      .describe('item key → { cost, source }, or a CSV file (columns item, unit_cost, currency, price_year, source, optional source_da; or the Danish names Ydelse, Enhedspris, Valuta, Prisår, Kilde: docs/plan-cea.md) relative to this plan'),
    interventionCost: interventionCostSchema,
    responders: eachOnce(z.array(responderSchema), { keyOf: (r: { key: string }) => r.key, field: 'key' }).default([]).describe('responder definitions (as in the trial plan) for the cost per extra responder; the trial plan\'s own are used too'),
    responderTime: z.string().min(1).optional().describe('visit at which responders are counted (default: the last period)'),
    method: z.enum(['sur', 'ols']).default('sur').describe("'sur': seemingly unrelated regression (R systemfit SUR); 'ols': lm per equation"),
    wtp: z
      .object({
        from: z.number().nonnegative().default(0),
        to: z.number().positive(),
        step: z.number().positive(),
        thresholds: eachOnce(z.array(z.number().nonnegative()).min(1)).describe('willingness to pay per QALY at which NMB and P(cost-effective) are reported'),
      })
      .strict(),
    bootstrap: z
      .object({
        replicates: z.number().int().min(100).max(100000).default(5000),
        seed: z.number().int().default(1),
      })
      .strict()
      .default({ replicates: 5000, seed: 1 }),
    imputation: z
      .object({ m: z.number().int().min(2).max(200).default(20), seed: z.number().int().default(1) })
      .strict()
      .default({ m: 20, seed: 1 }),
    sensitivity: z
      .object({
        interventionPrice: z.number().positive().max(1).default(0.5).describe('relative change of the intervention price, ± (0.5 = ±50%)'),
        unitCosts: z.number().positive().max(1).default(0.2).describe('relative change of every unit cost, ±'),
        replicates: z.number().int().min(20).max(100000).default(1000).describe('bootstrap replicates per sensitivity scenario (at least 20; the base case\'s own 5,000 decide P(CE))'),
      })
      .strict()
      .default({ interventionPrice: 0.5, unitCosts: 0.2, replicates: 1000 }),
    display: z
      .object({ currency: currencyCode, rate: z.number().positive().describe('display currency per unit of the plan currency') })
      .strict()
      .optional()
      .describe('show costs in another currency too (e.g. DKK at 7.44 per EUR)'),
    published: z.string().min(1).optional().describe('JSON file of published figures to show beside the recomputed ones (data/published/)'),
  })
  .strict();

export type CeaPlan = z.infer<typeof ceaPlanSchema>;
export type ResourceItem = z.infer<typeof resourceItemSchema>;

export function ceaPlanJsonSchema(): unknown {
  return {
    ...(z.toJSONSchema(ceaPlanSchema, { io: 'input' }) as object),
    $id: 'https://hta.invalid/schemas/cea-plan.schema.json',
    title: 'hta cost-effectiveness plan',
  };
}
