/**
 * The analysis plan: what to analyse and how. One zod schema gives the TypeScript type, the
 * validation with readable paths, the defaults, and the published JSON Schema
 * (`hta plan schema`).
 */
import { z } from 'zod';
import { CERTAINTY_LEVELS } from '../judge/grade-certainty.js';

const localized = z
  .object({ en: z.string().min(1), da: z.string().min(1).optional() })
  .describe('A label in English and (optionally) Danish');

const certainty = z
  .object({
    level: z.enum(CERTAINTY_LEVELS),
    reasons: z.array(z.union([z.string().min(1), localized])).default([]).describe('Plain text, or { en, da } to have the Danish report say it in Danish'),
  })
  .describe('GRADE certainty of the evidence for this outcome, with the reasons for downgrading');

export const outcomeSchema = z
  .object({
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a name of letters, digits and _'),
    instrument: z.string().describe('Instrument key: rmdq, rmdq23, pseq, nrs, eq5d5l, eq5d3l, was, wai, binary'),
    column: z.string().optional().describe('Score column (long layout) or column prefix; defaults to the key'),
    items: z.string().optional().describe('Prefix of item columns to score from (e.g. "rmdq" for rmdq_1…rmdq_24); defaults to the column'),
    label: localized.optional(),
    mcid: z.number().positive().optional().describe("Absolute MCID in the instrument's units; defaults to the instrument's published value"),
    mcidSource: z.string().optional(),
    importance: z.enum(['critical', 'important']).default('critical'),
    direction: z.enum(['lower-is-better', 'higher-is-better']).optional().describe("Overrides the instrument's direction"),
    maxMissingItems: z.number().int().min(0).default(0).describe('Items that may be missing; the score is then prorated'),
    valueSet: z.string().optional().describe('EQ-5D value set id, e.g. dk-5l-2021'),
    certainty: certainty.optional(),
  })
  .strict();

export const responderSchema = z
  .object({
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
    outcome: z.string().describe('Key of a continuous outcome in this plan'),
    points: z.number().positive().optional().describe('Improvement from baseline of at least this many points'),
    percent: z.number().positive().max(100).optional().describe('Improvement from baseline of at least this percentage of the baseline value'),
    label: localized.optional(),
    importance: z.enum(['critical', 'important']).default('important'),
  })
  .strict()
  .refine((r) => (r.points === undefined) !== (r.percent === undefined), {
    message: 'give exactly one of "points" or "percent"',
  });

export const methodSchema = z.enum(['ancova', 'welch', 'pooled-t', 'change', 'mmrm']);

export const planSchema = z
  .object({
    $schema: z.string().optional(),
    title: localized.optional(),
    columns: z
      .object({ id: z.string().default('id'), arm: z.string().default('arm'), time: z.string().default('time') })
      .strict()
      .default({ id: 'id', arm: 'arm', time: 'time' }),
    layout: z.enum(['auto', 'long', 'wide']).default('auto').describe('Long: one row per patient per time; wide: <outcome>_<time> columns'),
    arms: z
      .object({ intervention: z.string(), control: z.string() })
      .strict()
      .describe('Values of the arm column for each arm'),
    armLabels: z.object({ intervention: localized, control: localized }).optional(),
    baseline: z.string().default('baseline').describe('Time label of the baseline visit'),
    timepoints: z.array(z.string()).min(1).describe('Follow-up time labels to analyse, in order'),
    timeLabels: z.record(z.string(), z.string()).default({}).describe('Maps time values in the export to the plan labels'),
    allTimepoints: z.array(z.string()).optional().describe('Every visit in the export, in order (defaults to baseline + timepoints)'),
    primary: z.object({ outcome: z.string(), time: z.string() }).strict().optional(),
    covariates: z.array(z.string()).default([]),
    covariateRanges: z
      .record(z.string(), z.object({ min: z.number(), max: z.number() }).strict().refine((r) => r.min <= r.max, 'min ≤ max'))
      .optional()
      .describe('Plausible range per covariate; values outside are input errors. Default: age and alder 0–120 (docs/limits.md)'),
    outcomes: z.array(outcomeSchema).min(1),
    responders: z.array(responderSchema).default([]),
    methods: z.array(methodSchema).default(['ancova', 'welch']),
    alpha: z.number().gt(0).lt(1).default(0.05),
    missing: z
      .object({
        method: z.enum(['complete-case', 'mi']).default('complete-case').describe('"mi" adds ANCOVA after multiple imputation (mi-ancova rows) for every continuous outcome'),
        m: z.number().int().min(2).max(1000).default(20).describe('Number of imputations (2 to 1,000; see docs/limits.md)'),
        imputation: z.enum(['pmm', 'norm']).default('pmm').describe('Predictive mean matching (as mice, default) or Bayesian normal linear regression'),
        seed: z.number().int().default(1),
        sensitivity: z.boolean().default(true).describe('For the primary outcome and time: complete-case ANCOVA, MMRM and MI side by side, with a tipping-point analysis'),
      })
      .strict()
      .default({ method: 'complete-case', m: 20, imputation: 'pmm', seed: 1, sensitivity: true }),
  })
  .strict();

export type Plan = z.infer<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
export type PlanOutcome = z.infer<typeof outcomeSchema>;
export type PlanResponder = z.infer<typeof responderSchema>;
export type EffectMethod = z.infer<typeof methodSchema>;

/** JSON Schema (draft 2020-12) of the plan, for editors and `hta plan schema`. */
export function planJsonSchema(): unknown {
  return {
    ...(z.toJSONSchema(planSchema, { io: 'input' }) as object),
    $id: 'https://hta.invalid/schemas/plan.schema.json',
    title: 'hta analysis plan',
  };
}

/** The plan's label for a time value of the export (`timeLabels`, else the value itself). */
export function planTimeOf(plan: Pick<Plan, 'timeLabels'>, exportTime: string): string {
  return plan.timeLabels[exportTime] ?? exportTime;
}

/** The export's time value for a plan label: the inverse of `planTimeOf`. */
export function exportTimeOf(plan: Pick<Plan, 'timeLabels'>, planTime: string): string {
  return Object.entries(plan.timeLabels).find(([, label]) => label === planTime)?.[0] ?? planTime;
}
