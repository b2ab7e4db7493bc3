/**
 * The shape of `hta meta --json`, as one zod schema that gives the TypeScript types and the
 * published JSON Schema (schemas/meta-results.schema.json, `metaResultsJsonSchema()`).
 *
 * Scale: `estimate`, `se`, CIs, PIs, `yi`/`vi` and `benefit*` are on the analysis scale
 * (`scale: "log"` for RR and OR, as metafor reports them); `ratio` repeats the point and interval
 * estimates exponentiated for ratio measures. `mcid` is in the measure's own units (a ratio > 1
 * for RR/OR, judged on the log scale as log(mcid)).
 */
import { z } from 'zod';
import { RELEVANCE_LABELS } from '../judge/relevance.js';
import { META_MEASURES } from './read-studies.js';

const direction = z.enum(['lower-is-better', 'higher-is-better']);
const relevance = z.enum(RELEVANCE_LABELS).nullable().describe('Clinical-relevance verdict (docs/data-contracts.md#verdicts); null when no MCID applies');
const ratio = z
  .object({ estimate: z.number(), ciLower: z.number(), ciUpper: z.number(), piLower: z.number().nullable().optional() , piUpper: z.number().nullable().optional() })
  .nullable()
  .describe('Exponentiated estimate and intervals for RR/OR; null for difference measures');

export const metaPooledRowSchema = z.object({
  outcome: z.string(),
  time: z.string(),
  measure: z.enum(META_MEASURES),
  scale: z.enum(['identity', 'log']),
  subgroup: z.string().nullable().describe('The subgroup every estimate of the row comes from (a subgroup subtotal, or a group whose estimates are all one subgroup\'s); null when they come from whole trials or from several subgroups'),
  model: z.enum(['fixed', 'random', 'single-study']).describe('single-study: one estimate, not pooled: the study\'s own estimate with its own interval (as in `studies`); subgroups of one trial are combined by the fixed-effect model only'),
  poolingMethod: z.enum(['inverse-variance', 'mantel-haenszel']).nullable().describe('Weighting of the fixed-effect model; inverse-variance for random effects; null for a single study (nothing pooled)'),
  tau2Method: z.enum(['REML', 'DL', 'PM']).nullable().describe('τ² estimator actually used (after any fallback); null for fixed effect and k = 1'),
  ciMethod: z.enum(['z', 'hksj', 'reported']).describe('reported: a single study\'s interval as the input file gave it'),
  df: z.number().nullable().describe('t df of the CI (k − 1 under HKSJ); null for z'),
  piDf: z.number().nullable().describe('t df of the prediction interval; null = normal or no PI'),
  preset: z.enum(['metafor', 'revman5', 'revman-web', 'iqwig6']).nullable().describe('Named preset whose defaults were used; null for a custom combination'),
  confLevel: z.number(),
  k: z.number().int().describe('estimates in the row (rows of the input; two subgroups of one trial are two)'),
  trials: z.number().int().describe('distinct studies (trials) among the pooled estimates; the prediction interval needs ≥ 3'),
  estimate: z.number(),
  se: z.number().describe('for a single study, the SE behind its weight (from its interval\'s width when one was given)'),
  ciLower: z.number(),
  ciUpper: z.number(),
  statistic: z.number().describe('z, or t under HKSJ (test for overall effect)'),
  pValue: z.number(),
  tau2: z.number().nullable().describe('null for the fixed-effect model'),
  tau2Se: z.number().nullable(),
  i2: z.number().nullable().describe('percent; null for a single study and for subgroups of one trial (their Q is the test for subgroup differences)'),
  h2: z.number().nullable(),
  q: z.number().nullable(),
  qDf: z.number().nullable(),
  qPValue: z.number().nullable(),
  piLower: z.number().nullable().describe('null when not asked for (preset) or from fewer than 3 trials'),
  piUpper: z.number().nullable(),
  probabilityBeyondMcid: z.number().nullable().describe('Share of the predictive distribution beyond the MCID in the direction of benefit (metafor predict(..., pi.type) / meta cidprop); random effects, ≥ 3 trials, MCID set'),
  mcid: z.number().nullable(),
  mcidSource: z.enum(['manifest', 'plan', 'instrument', 'flag']).nullable(),
  direction,
  benefit: z.number().describe('estimate signed so that positive favours the intervention'),
  benefitCiLower: z.number(),
  benefitCiUpper: z.number(),
  relevance,
  ratio,
  warnings: z.array(z.string()),
});

export const metaStudyRowSchema = z.object({
  outcome: z.string(),
  time: z.string(),
  measure: z.enum(META_MEASURES),
  scale: z.enum(['identity', 'log']),
  study: z.string(),
  subgroup: z.string().nullable(),
  citation: z.string().nullable(),
  line: z.number().int().describe('line in the input CSV'),
  input: z.enum(['arms', 'events', 'ci', 'se', 'estimate']),
  arms: z
    .object({ nIntervention: z.number(), meanIntervention: z.number(), sdIntervention: z.number(), nControl: z.number(), meanControl: z.number(), sdControl: z.number() })
    .nullable(),
  events: z.object({ eventsIntervention: z.number(), nIntervention: z.number(), eventsControl: z.number(), nControl: z.number() }).nullable(),
  nIntervention: z.number().nullable(),
  nControl: z.number().nullable(),
  yi: z.number(),
  vi: z.number().nullable().describe('null when no interval was reported'),
  se: z.number().nullable(),
  ciLower: z.number().nullable(),
  ciUpper: z.number().nullable(),
  continuityCorrected: z.boolean(),
  pooled: z.boolean(),
  note: z
    .enum(['no interval reported', 'not estimable'])
    .nullable()
    .describe('Why the study is not pooled (`pooled` false), always in English: "no interval reported" — a difference given without a CI or SE, shown but not pooled and given no verdict; "not estimable" — under the revman5 preset, a risk or odds ratio from a study with no events in either arm or events in every participant, which says nothing of the ratio and is left out of the model as RevMan 5 leaves it (docs/input-studies.md). null for a pooled study'),
  weightFixed: z.number().nullable().describe('percent of the overall fixed-effect model (Mantel–Haenszel weights for MH)'),
  weightRandom: z.number().nullable().describe('percent of the overall random-effects model'),
  weightFixedSubgroup: z.number().nullable().describe('percent within its subgroup; null without subgroups'),
  weightRandomSubgroup: z.number().nullable(),
  mcid: z.number().nullable(),
  direction,
  benefit: z.number(),
  benefitCiLower: z.number().nullable(),
  benefitCiUpper: z.number().nullable(),
  relevance,
  ratio,
});

export const metaSubgroupTestSchema = z.object({
  outcome: z.string(),
  time: z.string(),
  measure: z.enum(META_MEASURES),
  model: z.enum(['fixed', 'random']).describe('model used within the subgroups'),
  groups: z.array(z.string()),
  q: z.number(),
  df: z.number().int(),
  pValue: z.number(),
  i2: z.number(),
  method: z.literal('fixed-effect Q between subgroup estimates').describe('RevMan / Borenstein & Higgins 2013; = rma(est_g, sei = se_g, method = "FE")$QE'),
});

export const metaResultsSchema = z.object({
  tool: z.object({ name: z.literal('hta'), version: z.string() }),
  input: z.object({ file: z.string(), rows: z.number().int(), plan: z.string().nullable() }),
  arms: z
    .object({
      intervention: z.string(),
      control: z.string(),
      source: z.enum(['manifest', 'plan', 'default']).describe('manifest: the report entry\'s "armLabels"; plan: the plan\'s; default: "App + usual care" / "Usual care", or "Intervention" / "Control" for a plan\'s arms that are not an app against usual care (docs/plan-trial.md#arm-names)'),
    })
    .optional()
    .describe('The arms as the page and the text output name them, in the run\'s language (the "favours …" of the forest plots); the intervention is the arm every effect favours when positive'),
  options: z.object({
    method: z.enum(['REML', 'DL', 'PM']),
    hksj: z.boolean(),
    predictionInterval: z.boolean(),
    preset: z.enum(['metafor', 'revman5', 'revman-web', 'iqwig6']).nullable(),
    confLevel: z.number(),
  }),
  outcomes: z.array(
    z.object({
      outcome: z.string(),
      label: z.string().nullable(),
      time: z.string(),
      measure: z.enum(META_MEASURES),
      mcid: z.number().nullable(),
      mcidSource: z.enum(['manifest', 'plan', 'instrument', 'flag']).nullable(),
      mcidIgnored: z.number().optional().describe('An MCID given and not used (--mcid 10 on a risk difference, which is a proportion: 0.1 = 10 percentage points); mcid is then null'),
      direction,
      directionSource: z.enum(['manifest', 'plan', 'instrument', 'flag', 'default']).describe('manifest: the report entry\'s "outcomes"; default: assumed (higher-is-better for MD/SMD, lower-is-better for events), with a warning'),
    }),
  ),
  pooled: z.array(metaPooledRowSchema),
  studies: z.array(metaStudyRowSchema),
  subgroupTests: z.array(metaSubgroupTestSchema),
  warnings: z.array(z.string()),
});

export type MetaPooledRow = z.infer<typeof metaPooledRowSchema>;
export type MetaStudyRow = z.infer<typeof metaStudyRowSchema>;
export type MetaSubgroupTest = z.infer<typeof metaSubgroupTestSchema>;
export type MetaResults = z.infer<typeof metaResultsSchema>;
export type MetaOutcomeSetting = MetaResults['outcomes'][number];

/** JSON Schema (draft 2020-12) of `hta meta --json`; committed as schemas/meta-results.schema.json. */
export function metaResultsJsonSchema(): unknown {
  return {
    ...(z.toJSONSchema(metaResultsSchema) as object),
    $id: 'https://hta.invalid/schemas/meta-results.schema.json',
    title: 'hta meta results',
  };
}
