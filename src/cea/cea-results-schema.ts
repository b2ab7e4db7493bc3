/**
 * The results of `hta cea --json`: one zod schema gives the TypeScript type and the published
 * JSON Schema (`schemas/cea-results.schema.json`). Numbers are unrounded; costs are in the plan's
 * currency and price year. docs/plan-cea.md#results.
 */
import { z } from 'zod';

/** The kinds of a cost-effectiveness warning (results.json `warningTexts`). */
export const CEA_WARNING_KINDS = ['placeholder-price', 'rows-left-out', 'single-value-covariates', 'monte-carlo-error', 'resamples-redrawn'] as const;

const estimate = z.object({ estimate: z.number(), se: z.number(), ciLower: z.number(), ciUpper: z.number() });

export const icerSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('ratio'), quadrant: z.enum(['NE', 'SW']), icer: z.number() }),
    z.object({ kind: z.literal('dominant'), quadrant: z.literal('SE') }),
    z.object({ kind: z.literal('dominated'), quadrant: z.literal('NW') }),
    z.object({ kind: z.literal('undefined'), quadrant: z.null() }),
  ])
  .describe("'ratio': a trade-off (NE: more costly and more effective; SW: cheaper and less effective); 'dominant': cheaper and more effective; 'dominated': costlier and less effective");

const quadrants = z.object({ NE: z.number(), NW: z.number(), SE: z.number(), SW: z.number() }).describe('share of bootstrap replicates per quadrant of the CE plane (N = more costly, E = more effective)');

const thresholdResult = z.object({
  threshold: z.number(),
  nmb: z.object({ estimate: z.number(), ciLower: z.number(), ciUpper: z.number() }).describe('λ·Δe − Δc, bootstrap percentile CI'),
  probabilityCostEffective: z.number(),
});

const scenario = z.object({
  key: z.string(),
  changed: z.string().describe('what differs from the base case, in English'),
  incrementalCost: z.number(),
  incrementalQaly: z.number(),
  icer: icerSchema,
  thresholds: z.array(thresholdResult),
  replicates: z.number().int(),
  imputedCosts: z
    .number()
    .int()
    .optional()
    .describe('patients whose total cost is missing in this scenario and imputed, when the base case has none missing (a healthcare base case whose societal scenario adds empty productivity cells); absent otherwise'),
  monteCarloError: z
    .object({
      incrementalCost: z.number(),
      incrementalQaly: z.number(),
      shareOfSe: z.object({ incrementalCost: z.number(), incrementalQaly: z.number() }).optional().describe('each MCSE as a share of its estimate\'s SE (above 0.1: above the 10% White et al. advise); absent in results written before it was added'),
      large: z.boolean(),
    })
    .nullable()
    .describe('Monte Carlo SE √(B/m) of the pooled estimates under multiple imputation; large: above 10% of the SE (White et al. 2011); null without imputation'),
});

const monteCarloError = z
  .object({
    imputations: z.number().int(),
    incrementalCost: z.object({ mcse: z.number(), fmi: z.number() }),
    incrementalQaly: z.object({ mcse: z.number(), fmi: z.number() }),
    suggestedImputations: z.number().int().describe('imputations for a Monte Carlo error of at most 10% of the SE and m ≥ 100 × FMI'),
    large: z.boolean().describe('a Monte Carlo error above 10% of its estimate\'s SE'),
  })
  .nullable()
  .describe("Monte Carlo error of the multiply imputed point estimates: MCSE = √(B/m) with Rubin's between-imputation variance B (= mice::pool's b), and the fraction of missing information (mice's fmi); White IR, Royston P, Wood AM 2011, Stat Med 30:377–399, doi:10.1002/sim.4067. null without imputation");

export const ceaResultSchema = z.object({
  tool: z.object({ name: z.literal('hta'), version: z.string() }),
  input: z.object({ export: z.string(), plan: z.string(), trialPlan: z.string() }),
  currency: z.string(),
  priceYear: z.number().int(),
  display: z.object({ currency: z.string(), rate: z.number() }).nullable(),
  perspective: z.enum(['healthcare', 'societal']),
  method: z.object({
    regression: z.enum(['sur', 'ols']),
    regressionText: z.string(),
    covariates: z.array(z.string()).describe('dummy-coded covariate columns in both equations, besides arm and baseline utility'),
    droppedCovariates: z.array(z.string()).describe('plan covariates constant in the population, left out'),
    missing: z.enum(['none', 'mi']),
    missingText: z.string(),
    imputations: z.number().int(),
    imputationSeed: z.number().int(),
    bootstrapReplicates: z.number().int(),
    bootstrapSeed: z.number().int(),
    redrawnReplicates: z
      .number()
      .int()
      .optional()
      .describe('base-case replicates drawn again because an arm drew fewer than 2 observed values of a quantity it had to impute (docs/plan-cea.md#too-few-observed-values); absent when none was'),
    qalyRule: z.enum(['impute', 'observed-visits']),
    discounting: z
      .object({
        costs: z.number().describe('annual rate applied to costs after the first year; 0 when none is (follow-up within a year, or the plan says 0)'),
        qalys: z.number().describe('annual rate applied to QALYs after the first year; 0 when none is'),
        beyondFirstYear: z.boolean().describe('follow-up (visit times) goes past the first year'),
        text: z.string(),
      })
      .describe('docs/plan-cea.md#discounting: annual step discounting, (1 + r)^−y in year y of follow-up (y = 0 the first year)'),
  }),
  patients: z.object({
    intervention: z.number().int(),
    control: z.number().int(),
    outsidePopulation: z.number().int(),
    missingCost: z.object({ intervention: z.number().int(), control: z.number().int() }),
    missingQaly: z.object({ intervention: z.number().int(), control: z.number().int() }),
    leftOutVisitRows: z
      .object({ rows: z.number().int(), patients: z.number().int(), notAnalysed: z.number().int() })
      .optional()
      .describe("patients' own visit rows that --exclude-invalid (or the trial plan's \"invalidRows\": \"exclude\") left out, summary rows aside: those periods' costs and QALYs are missing (imputed); notAnalysed = of those patients, the ones with no row left. Present when any (docs/plan-cea.md#inputs)"),
  }),
  interventionPrice: z.object({
    price: z.number(),
    source: z.string(),
    /** Read off the uptake plan's volume tiers: what the report words in the page's language. */
    tier: z
      .object({
        uptakePlan: z.string(),
        priceYear: z.number().int().optional().describe("the uptake plan's priceYear (the same as this analysis's; absent when that plan states none, and its tiers were taken as this analysis's price year)"),
        mode: z.enum(['all-units', 'marginal']),
        nationalVolume: z.number(),
        rate: z.number(),
        perPatient: z.number().describe("the price per patient in the uptake plan's currency, before the rate: the tier's price (all-units) or the average over the tiers (marginal)"),
        currency: z.string().describe("the uptake plan's currency"),
        placeholder: z.literal(true).optional().describe('the uptake plan\'s price model is a placeholder drafted by hta plan init ("placeholders" in that plan), not the supplier\'s prices'),
      })
      .optional(),
  }),
  unitCosts: z.array(z.object({ item: z.string(), category: z.string(), cost: z.number(), source: z.string() })),
  costsByCategory: z
    .array(z.object({ category: z.string(), intervention: z.object({ mean: z.number().nullable(), n: z.number().int() }), control: z.object({ mean: z.number().nullable(), n: z.number().int() }) }))
    .describe('mean cost per patient over follow-up among patients with every period of the category observed (unadjusted)'),
  utilities: z
    .array(z.object({ visit: z.string(), years: z.number(), intervention: z.object({ mean: z.number().nullable(), n: z.number().int() }), control: z.object({ mean: z.number().nullable(), n: z.number().int() }) }))
    .describe('mean EQ-5D index per visit among patients observed'),
  qalys: z.object({ intervention: z.object({ mean: z.number().nullable(), n: z.number().int() }), control: z.object({ mean: z.number().nullable(), n: z.number().int() }) }),
  totalCost: z.object({ intervention: z.object({ mean: z.number().nullable(), n: z.number().int() }), control: z.object({ mean: z.number().nullable(), n: z.number().int() }) }),
  incrementalCost: estimate.describe('adjusted Δc: estimate and SE (Rubin-pooled under MI), bootstrap percentile 95% CI'),
  incrementalQaly: estimate,
  covariance: z.number().describe('Cov(Δc, Δe) from the SUR residual covariance (mean over imputations)'),
  monteCarloError,
  icer: icerSchema,
  quadrants,
  ceac: z.array(z.object({ wtp: z.number(), probability: z.number() })),
  thresholds: z.array(thresholdResult),
  responders: z.array(
    z.object({
      key: z.string(),
      label: z.object({ en: z.string(), da: z.string() }).describe("the definition in words: the plan's label, else the rule (\"RMDQ improved ≥ 5 points\")"),
      outcome: z.string(),
      time: z.string(),
      intervention: z.object({ events: z.number().int(), n: z.number().int() }),
      control: z.object({ events: z.number().int(), n: z.number().int() }),
      atZeroBaseline: z
        .object({ intervention: z.number().int(), control: z.number().int() })
        .optional()
        .describe('A percent rule: the patients per arm (of n) whose baseline is 0, who cannot improve by a percentage of it and count as non-responders (present when any; docs/plan-trial.md#responders)'),
      riskDifference: z.number().describe('difference in the share responding, complete cases'),
      costPerExtraResponder: icerSchema,
    }),
  ),
  sensitivity: z.array(scenario).describe('the one-way scenarios (docs/plan-cea.md#results); complete-cases only when a value is missing (with nothing missing it is the base case itself)'),
  cloud: z.object({ cost: z.array(z.number()), qaly: z.array(z.number()) }).describe('every bootstrap replicate of (Δc, Δe), the CE-plane cloud'),
  warnings: z.array(z.string()),
  warningTexts: z
    .array(
      z.object({
        kind: z.enum(CEA_WARNING_KINDS).describe('Which check found it: a placeholder price, visit rows left out, covariates with one value, a large Monte Carlo error, bootstrap resamples drawn again'),
        text: z.object({ en: z.string(), da: z.string() }).describe('The warning as the terminal says it, in English and Danish (hta cea --lang da)'),
      }),
    )
    .optional()
    .describe('The `warnings`, one for one and in their order, each with its kind and its words in English and Danish (docs/plan-cea.md#results)'),
});

export type CeaWarningKind = (typeof CEA_WARNING_KINDS)[number];

export type CeaResult = z.infer<typeof ceaResultSchema>;
export type CeaScenario = z.infer<typeof scenario>;
export type CeaThreshold = z.infer<typeof thresholdResult>;

export function ceaResultsJsonSchema(): unknown {
  return { ...(z.toJSONSchema(ceaResultSchema) as object), $id: 'https://hta.invalid/schemas/cea-results.schema.json', title: 'hta cost-effectiveness results' };
}
