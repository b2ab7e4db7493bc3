/**
 * The shape of `hta analyze --json` (effect rows: docs/data-contracts.md#effect-rows), as one zod schema that gives the
 * TypeScript types and the published JSON Schema (`hta plan schema --results`).
 */
import { z } from 'zod';
import { RELEVANCE_LABELS } from '../judge/relevance.js';
import { exclusionSchema, recodeCountSchema } from '../trial/validation-schema.js';

const interval = z.object({ estimate: z.number(), ciLower: z.number(), ciUpper: z.number() });

export const effectMethodSchema = z.enum(['ancova', 'welch', 'pooled-t', 'change', 'risk-difference', 'mmrm', 'mi-ancova']);

export const effectRowSchema = z.object({
  outcome: z.string(),
  label: z.string(),
  time: z.string(),
  method: effectMethodSchema,
  n: z.object({ intervention: z.number().int(), control: z.number().int() }),
  difference: z.number().nullable().describe('Intervention − control, in the instrument units (proportion for risk differences)'),
  se: z.number().nullable(),
  df: z.number().nullable().describe('Degrees of freedom of the t reference distribution; null for z or score intervals'),
  ciLower: z.number().nullable(),
  ciUpper: z.number().nullable(),
  confLevel: z.number(),
  ciMethod: z.string().describe('How the interval was computed, e.g. "t (residual df)", "welch-satterthwaite", "newcombe-hybrid-score"'),
  pValue: z.number().nullable(),
  mcid: z.number().nullable(),
  direction: z.enum(['lower-is-better', 'higher-is-better']),
  benefit: z.number().nullable().describe('The difference signed so that positive favours the intervention'),
  benefitCiLower: z.number().nullable(),
  benefitCiUpper: z.number().nullable(),
  significant: z.boolean().nullable(),
  imprecise: z.boolean().nullable(),
  relevance: z.enum(RELEVANCE_LABELS).nullable().describe('null when no MCID is set or the row could not be computed'),
  covariates: z.array(z.string()).optional(),
  smd: interval.extend({ method: z.literal('hedges-g') }).optional(),
  risks: z
    .object({
      intervention: z.number(),
      control: z.number(),
      eventsIntervention: z.number().int(),
      eventsControl: z.number().int(),
      ciLowerIntervention: z.number(),
      ciUpperIntervention: z.number(),
      ciLowerControl: z.number(),
      ciUpperControl: z.number(),
      ciMethod: z.literal('wilson-score'),
    })
    .optional()
    .describe("Share with the event per arm, with each arm's own Wilson score interval (prop.test(x, n, correct = FALSE))"),
  riskRatio: interval.optional(),
  oddsRatio: interval.optional(),
  nnt: z.object({ label: z.string() }).catchall(z.unknown()).optional(),
  bootstrap: z
    .object({ replicates: z.number().int(), seed: z.number().int(), percentile: z.tuple([z.number(), z.number()]), bca: z.tuple([z.number(), z.number()]).nullable() })
    .optional(),
  details: z.record(z.string(), z.unknown()).optional().describe('Method details, e.g. MMRM patients in the model, imputations and fraction of missing information'),
  error: z.string().optional().describe('Why this row could not be computed; its numbers are null'),
});

export const descriptiveRowSchema = z.object({
  outcome: z.string(),
  time: z.string(),
  arm: z.enum(['intervention', 'control']),
  n: z.number().int(),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  median: z.number().nullable(),
  q1: z.number().nullable(),
  q3: z.number().nullable(),
  meanCiLower: z.number().nullable().describe('95% CI of the mean (t with n − 1 df)'),
  meanCiUpper: z.number().nullable(),
});

export const missingnessRowSchema = z.object({
  outcome: z.string(),
  time: z.string(),
  arm: z.enum(['intervention', 'control']),
  randomised: z.number().int(),
  observed: z.number().int(),
  missing: z.number().int(),
});

export const sensitivitySchema = z.object({
  outcome: z.string(),
  time: z.string(),
  rows: z.array(effectRowSchema).describe('Complete-case ANCOVA, MMRM and MI + ANCOVA for the primary outcome and time'),
  tippingPoint: z
    .object({
      method: z.literal('delta-adjusted-mi'),
      direction: z.enum(['lower-is-better', 'higher-is-better']),
      nImputedIntervention: z.number().int(),
      significantAtZero: z.boolean(),
      tippingDelta: z.number().nullable().describe('Shift of the imputed intervention values (against the app, in outcome units) at which p reaches alpha; null if never within 0 to 2 × MCID or not significant at 0'),
      maxDelta: z.number(),
      rows: z.array(z.object({ delta: z.number(), estimate: z.number(), ciLower: z.number(), ciUpper: z.number(), pValue: z.number() })),
    })
    .nullable(),
  errors: z.array(z.string()),
});

export const analysisResultSchema = z.object({
  tool: z.object({ name: z.literal('hta'), version: z.string() }),
  input: z.object({
    file: z.string(),
    layout: z.enum(['long', 'wide']),
    patients: z.object({ intervention: z.number().int(), control: z.number().int() }),
    recoded: z.array(recodeCountSchema).optional().describe("Cells changed by the plan's answer and missing-value codes (present when any was)"),
    excluded: exclusionSchema.optional().describe('Rows left out by --exclude-invalid / "invalidRows": "exclude" (present in that mode)'),
  }),
  plan: z.object({ baseline: z.string(), timepoints: z.array(z.string()), covariates: z.array(z.string()), alpha: z.number(), primary: z.object({ outcome: z.string(), time: z.string() }).nullable() }),
  descriptives: z.array(descriptiveRowSchema),
  effects: z.array(effectRowSchema),
  missingness: z.array(missingnessRowSchema),
  sensitivity: sensitivitySchema.nullable(),
  warnings: z.array(z.string()),
});

export type EffectRow = z.infer<typeof effectRowSchema>;
export type AnalysisResult = z.infer<typeof analysisResultSchema>;
export type MissingnessRow = z.infer<typeof missingnessRowSchema>;
export type Sensitivity = z.infer<typeof sensitivitySchema>;

export function resultsJsonSchema(): unknown {
  return {
    ...(z.toJSONSchema(analysisResultSchema) as object),
    $id: 'https://hta.invalid/schemas/results.schema.json',
    title: 'hta analyze results',
  };
}
