/**
 * The shape of `hta analyze --json` (effect rows: docs/data-contracts.md#effect-rows), as one zod schema that gives the
 * TypeScript types and the published JSON Schema (`hta plan schema --results`).
 */
import { z } from 'zod';
import { RELEVANCE_LABELS } from '../judge/relevance.js';
import { exclusionSchema, otherArmSchema, recodeCountSchema } from '../trial/validation-schema.js';
import { observationalResultSchema } from '../observational/observational-results-schema.js';

const interval = z.object({ estimate: z.number(), ciLower: z.number(), ciUpper: z.number() });

// 'cluster-difference': a cluster-randomised trial's unadjusted difference in means with a cluster-robust SE (docs/plan-trial.md#cluster-randomised-trials).
export const effectMethodSchema = z.enum(['ancova', 'welch', 'pooled-t', 'change', 'risk-difference', 'mmrm', 'mi-ancova', 'cluster-difference']);

const notAnalysedReasons = z.object({ missingBaseline: z.number().int(), missingCovariate: z.number().int() });

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
  clusters: z.number().int().optional().describe('A cluster-randomised trial ("clusters" in the plan): the clusters among the patients analysed; the SE is cluster-robust (CR1) and t has clusters − 1 df'),
  notAnalysed: z
    .object({ intervention: notAnalysedReasons, control: notAnalysedReasons })
    .optional()
    .describe('ANCOVA, MMRM and change-score rows: per arm, the patients observed at the visit whom the row leaves out, by reason (no baseline score; a covariate value missing); absent when none (docs/plan-trial.md#participant-flow)'),
  smd: interval.extend({ method: z.literal('hedges-g') }).optional().describe("Hedges' g of the follow-up scores of every patient observed at the visit, unadjusted (the Welch row's sample): on an ANCOVA row too, whose own n can be smaller; not an adjusted SMD (docs/data-contracts.md)"),
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
  shares: z
    .object({
      intervention: z.number(),
      control: z.number(),
      eventsIntervention: z.number().int(),
      eventsControl: z.number().int(),
    })
    .optional()
    .describe("A cluster-randomised trial's yes/no and responder rows: the raw share with the event per arm (events/n). No per-arm interval: one that ignored the clusters would be too narrow; the row's difference carries the cluster-robust interval"),
  riskRatio: interval.nullable().optional().describe('null when not estimable (ratiosNotEstimable says why)'),
  oddsRatio: interval.nullable().optional().describe('null when not estimable (ratiosNotEstimable says why)'),
  ratiosNotEstimable: z
    .string()
    .optional()
    .describe('Why riskRatio and oddsRatio are null: "no events in either arm" or "every patient had the event in both arms" — every ratio fits such a table; the risk difference stands'),
  nnt: z.object({ label: z.string() }).catchall(z.unknown()).optional(),
  atZeroBaseline: z
    .object({ intervention: z.number().int(), control: z.number().int() })
    .optional()
    .describe('A responder row with a percent rule: the patients per arm whose baseline is 0, who cannot improve by a percentage of it and are counted as non-responders, in the denominator (present when any; docs/plan-trial.md#responders)'),
  bootstrap: z
    .object({ replicates: z.number().int(), seed: z.number().int(), percentile: z.tuple([z.number(), z.number()]), bca: z.tuple([z.number(), z.number()]).nullable() })
    .optional(),
  verdictAtEdge: z
    .array(
      z.object({
        quantity: z.enum(['pValue', 'ciLower', 'ciUpper', 'estimate']).describe('pValue against alpha (significance); a CI limit or the estimate (the difference, intervention − control) against +MCID or −MCID'),
        value: z.number(),
        mcse: z.number().describe('Its Monte Carlo SE: √(B/m) for the estimate, the jackknife over imputations for p and the CI limits'),
        cutoff: z.number().describe('alpha, or +MCID / −MCID in the difference\'s units'),
        settlingImputations: z.number().int().describe('The imputations that would bring the cut-off outside ±1.96 Monte Carlo SE (the MCSE shrinks as 1/√m), rounded up to tens, at most 1000'),
      }),
    )
    .optional()
    .describe('MI + ANCOVA rows: the quantities deciding the verdict that lie within ±1.96 Monte Carlo SE of a cut-off whose crossing changes the verdict — another imputation seed may flip it (White, Royston & Wood 2011, section 7); absent when none (docs/plan-trial.md#verdict-at-its-edge)'),
  details: z.record(z.string(), z.unknown()).optional().describe('Method details, e.g. MMRM patients in the model, imputations and fraction of missing information'),
  error: z.string().optional().describe('Why this row could not be computed; its numbers are null'),
  population: z.enum(['trial', 'target']).optional().describe('"trial": every randomised patient; "target": the patients meeting the plan\'s population criteria (docs/subgroups.md)'),
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
  meanCiLower: z.number().nullable().describe("CI of the mean at the plan's level, 1 − alpha (t with n − 1 df)"),
  meanCiUpper: z.number().nullable(),
});

export const missingnessRowSchema = z.object({
  outcome: z.string(),
  time: z.string(),
  arm: z.enum(['intervention', 'control']),
  randomised: z.number().int(),
  observed: z.number().int(),
  notApplicable: z.number().int().optional().describe('Patients whose cell said the outcome does not apply at the visit (the outcome\'s "notApplicableCodes"): not observed, and not missing either; present only for such outcomes (docs/plan-trial.md#not-applicable)'),
  missing: z.number().int().describe('Randomised − observed (− notApplicable)'),
});

export const sensitivitySchema = z.object({
  outcome: z.string(),
  time: z.string(),
  rows: z.array(effectRowSchema).describe('Complete-case ANCOVA, MMRM and MI + ANCOVA for the primary outcome and time; no MMRM row where the plan has one follow-up visit (mmrmLeftOut)'),
  mmrmLeftOut: z
    .object({ followUpVisits: z.array(z.string()).describe('The follow-up visits the MMRM would model (allTimepoints after the baseline)') })
    .optional()
    .describe('Present when the MMRM row is left out: the plan has fewer than 2 follow-up visits, so there is nothing to model jointly (with the baseline as covariate it would be the complete-case ANCOVA). Not a warning: the plan did not ask for MMRM (a plan asking for it with one follow-up is refused)'),
  tippingPoint: z
    .object({
      method: z.literal('delta-adjusted-mi'),
      direction: z.enum(['lower-is-better', 'higher-is-better']),
      nImputedIntervention: z.number().int(),
      significantAtZero: z.boolean(),
      tippingDelta: z.number().nullable().describe('Shift of the imputed intervention values (against the app, in outcome units) at which p reaches alpha; null if never within 0 to maxDelta (see beyondMaxDelta) or not significant at 0'),
      maxDelta: z.number().describe('The largest shift tried: the search stops at 2 × the outcome\'s MCID'),
      beyondMaxDelta: z.boolean().describe('true when the result stays significant at every shift tried: the tipping point lies beyond maxDelta (it is not maxDelta)'),
      rows: z.array(z.object({ delta: z.number(), estimate: z.number(), ciLower: z.number(), ciUpper: z.number(), pValue: z.number() })),
    })
    .nullable(),
  errors: z.array(z.string()),
});

const localizedText = z.object({ en: z.string(), da: z.string() });

export const subgroupResultSchema = z
  .object({
    subgroup: z.string().describe("The export column of the plan's subgroup"),
    label: localizedText.describe('What the subgroup column is'),
    outcome: z.string(),
    outcomeLabel: z.string(),
    time: z.string(),
    method: z.enum(['ancova', 'risk-difference']).describe('Effect within each level: ANCOVA (lm within the level) for continuous outcomes, the risk difference for binary outcomes and responders'),
    levels: z
      .array(z.object({ level: z.string(), effect: effectRowSchema }))
      .describe('The effect within each level, with its MCID verdict; a level that cannot be analysed (no patients, one arm only, too few) has an effect with `error`'),
    excluded: z
      .object({
        missing: z.number().int().describe('Patients with the outcome (baseline and follow-up) and no value in the subgroup column, also those whom a covariate with no value leaves out of the models'),
        otherValue: z.number().int().describe('Patients whose value is not one of the listed levels (or not a number, with cuts)'),
      })
      .describe('Patients left out of this subgroup analysis'),
    interaction: z
      .object({
        test: z.enum(['F (ANCOVA arm × subgroup, nested lm)', 'Cochran Q (risk differences)']).describe('F test of lm(y ~ arm * sg + baseline + covs) against lm(y ~ arm + sg + baseline + covs), as R anova(); or Cochran Q of equal risk differences across levels'),
        statistic: z.number().nullable(),
        df1: z.number().int().nullable().describe('Numerator df (levels − 1); the chi-square df of Q'),
        df2: z.number().int().nullable().describe('Denominator (residual) df of the F test; null for Q'),
        pValue: z.number().nullable(),
        levelsTested: z.array(z.string()).describe('Levels with at least the subgroup\'s minimum of patients in each arm, which the test compares'),
        levelsTooFew: z.array(z.string()).optional().describe('Levels with patients but fewer than the subgroup\'s "minPerArm" in an arm: no estimate, and left out of the test (present when any)'),
        minPerArm: z.number().int().optional().describe('The subgroup\'s minimum of patients per arm in a level (present in results written since it applies)'),
        error: z.string().optional().describe('Why the interaction could not be tested'),
      })
      .describe('Test for interaction: does the effect differ between the levels?'),
    credibility: z
      .object({
        prespecified: z.boolean(),
        interactionP: z.number().nullable(),
        subgroupTestsInRun: z.number().int().describe('Interaction tests done in this run (every subgroup × outcome × time): the more, the likelier a chance finding'),
        predictedLarger: z.string().nullable().describe('The level in which the plan predicted a larger benefit'),
        directionHeld: z.boolean().nullable().describe('Whether the predicted level has the largest benefit; null when no direction was predicted or a level has no estimate'),
        statement: localizedText.describe('Plain statement; never a verdict from one level alone'),
      })
      .describe('The facts a committee weighs (ICEMAN, Schandelmaier et al. 2020, doi:10.1503/cmaj.200077)'),
  })
  .describe('One subgroup analysis of one outcome at one time');

const armCountsSchema = z.object({ intervention: z.number().int(), control: z.number().int() });

export const targetPopulationSchema = z
  .object({
    label: localizedText,
    criteria: z
      .array(
        z.object({
          column: z.string(),
          op: z.enum(['>=', '>', '<=', '<', '==', 'in']),
          value: z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))]),
          label: localizedText,
          excluded: armCountsSchema.describe('Patients this criterion excluded, after the criteria before it (missing values fail)'),
          missing: z.number().int().describe('Of those excluded, patients with no value in the column'),
          remaining: armCountsSchema,
        }),
      )
      .describe('The criteria in sequence, as a CONSORT-style flow'),
    purpose: z.literal('per-protocol').optional().describe('Present when the plan\'s population is a per-protocol sensitivity analysis ("population.purpose"), not a target population'),
    patients: armCountsSchema.describe('Randomised patients in the target population'),
    minPerArm: z.number().int(),
    analysed: z.boolean(),
    reason: z.string().nullable().describe('Why the target population was not analysed (too small)'),
    effects: z.array(effectRowSchema).describe('The same effect rows as `effects`, in the target population (population: "target"); empty when not analysed, and when the plan gives no criteria (the whole trial transported: `transported` holds its result)'),
    transported: z
      .array(
        z.object({
          outcome: z.string(),
          time: z.string(),
          weighting: z.enum(['raking', 'inverse-odds']).describe('"raking": to the plan\'s margins; "inverse-odds": the inverse odds of trial membership from the target sample'),
          effect: effectRowSchema.describe('ANCOVA (continuous outcomes) or risk difference (binary outcomes, responders: weighted linear probability model) on the trial patients raked to the target margins, with a design-based SE (= R survey::rake + svyglm); judged against the MCID'),
          excludedMissing: z.number().int().describe('Patients left out for a missing value in a margin column'),
          weights: z
            .object({
              effectiveSampleSize: z.number().describe('(Σw)² / Σw²: how many unweighted patients the weighted estimate is worth'),
              min: z.number().describe('Smallest weight (mean weight = 1)'),
              max: z.number().describe('Largest weight (mean weight = 1)'),
              sweeps: z.number().int(),
              extreme: z
                .boolean()
                .optional()
                .describe('The weights are extreme (docs/subgroups.md#extreme-weights): the effective sample size is under half the patients analysed, or the largest weight is more than 10 times the mean. The estimate rests on few patients and its design-based CI understates the uncertainty. Absent in results written before it was checked'),
            })
            .nullable()
            .describe('null when the trial could not be reweighted (see effect.error)'),
        }),
      )
      .optional()
      .describe("The trial's effect transported to the target population (its margins, its sample, or both), per outcome × time and responder definition × time (present when the plan gives margins or a target sample)"),
    targetSample: z
      .object({
        file: z.string().describe('The target sample as the plan names it'),
        rows: z.number().int().describe('Target patients in the membership model'),
        excludedMissing: z.number().int().describe('Target rows left out for a missing model value'),
        trialPatients: z.number().int().describe('Randomised trial patients in the membership model (every model value present)'),
        model: z.array(z.string()),
        coefficients: z
          .array(z.object({ term: z.string(), estimate: z.number() }))
          .optional()
          .describe("Log-odds of membership of the target sample (= R glm(target ~ …, family = binomial)); absent when the model could not be fitted (see the transported rows' error)"),
      })
      .nullable()
      .optional()
      .describe('The target sample read and the membership model of the inverse-odds weights (present when the plan gives a target sample; null only in results.json written before the sample was kept when the model could not be fitted)'),
  })
  .describe("The plan's target population beside the trial population");

const lossSchema = z.object({
  kind: z.enum(['lost-to-follow-up', 'discontinued']).describe('CONSORT\'s follow-up box: lost to follow-up, or discontinued the intervention'),
  value: z.string().describe('The reason as written in the export; empty for the reasons pooled as free text (docs/plan-trial.md#participant-flow)'),
  label: localizedText.describe("The reason as the report says it (the plan's label, else the value)"),
  n: z.number().int(),
});

/** The CONSORT flow's inputs beyond the export's rows (docs/plan-trial.md#participant-flow). */
export const participantFlowSchema = z
  .object({
    enrolment: z
      .object({
        assessed: z.number().int(),
        excluded: z.array(z.object({ reason: localizedText, n: z.number().int() })).describe('The plan\'s reasons, then (with "notRandomised", when the export has any) the export\'s participants never randomised'),
        randomised: z.number().int().describe('Patients of the export; assessed = Σ excluded + randomised (checked on load)'),
      })
      .optional()
      .describe("The screening log from the plan's \"flow\" (present when the plan gives it)"),
    notRandomised: z
      .object({
        reason: localizedText.describe('The plan\'s "flow.notRandomised"'),
        n: z.number().int().describe('Participants of the export with no arm value on any row'),
        inExport: z.number().int().describe('The export\'s participants (distinct ids), randomised or not, also those whose every row was left out as invalid: the diagram\'s "Participants in the export" without the screening log'),
      })
      .optional()
      .describe('Participants the export lists but who were never randomised (present when the plan sets "flow.notRandomised" and the export has any): excluded before randomisation, not analysed'),
    consentWithdrawn: z
      .object({
        n: z.number().int().describe('Patients randomised (an arm value on some row) who withdrew consent: one number for the trial, never per arm'),
      })
      .optional()
      .describe('Patients who withdrew consent (present when the plan names "columns.consentWithdrawn" and any randomised patient did): their data in no analysis, count or output; counted among the randomised (docs/plan-trial.md#consent-withdrawn)'),
    losses: z
      .object({
        column: z.string().describe('The export column read'),
        intervention: z.array(lossSchema),
        control: z.array(lossSchema),
        observedAtEnd: z
          .object({
            outcome: z.string(),
            time: z.string(),
            intervention: z.number().int(),
            control: z.number().int(),
          })
          .optional()
          .describe('Of the patients lost to follow-up, those with the primary outcome (the plan\'s "primary", else the first outcome at the last follow-up) observed at that visit: they left after it. Present when any has'),
      })
      .optional()
      .describe('Patients who left the study or stopped the intervention, per arm and reason, from the withdrawal-reason column (present when the export has it); reasons with no patient in an arm are left out'),
  })
  .describe('What the participant flow shows besides the visit counts');

const aePair = z.object({ intervention: z.number().int(), control: z.number().int() });
/** The plan's "adverseEvents" per arm (adverse-event-summary.ts; docs/data-contracts.md#adverse-events). */
export const adverseEventsResultSchema = z.object({
  instrument: z.string().optional().describe('The REDCap repeating instrument of the export the events were read from'),
  file: z.string().optional().describe('The listing file the events were read from, as the plan writes its path'),
  denominator: z.literal('randomised').describe('Every share is over the patients randomised (ITT): a patient with no event row had no event'),
  randomised: aePair,
  rows: z.array(
    z.object({
      kind: z.enum(['any', 'serious', 'related']),
      patients: aePair.describe('Patients with at least one such event'),
      events: aePair.describe('Events of the kind'),
      unknownPatients: aePair.optional().describe('Patients with an event of unknown seriousness (relatedness) and none known to be of the kind: not counted in "patients"'),
      unknownEvents: aePair.optional().describe('Events whose seriousness (relatedness) is not known'),
      difference: z.number().nullable().describe('Intervention − control share of the randomised patients'),
      ciLower: z.number().nullable(),
      ciUpper: z.number().nullable(),
      confLevel: z.number(),
      ciMethod: z.string(),
      pValue: z.number().nullable(),
      risks: effectRowSchema.shape.risks.describe('Risks per arm: patients with such an event over the randomised, with Wilson intervals (absent when not computed)'),
      riskRatio: effectRowSchema.shape.riskRatio.describe('Intervention ÷ control risk, log-scale Wald (Katz) interval, 0.5 added to every cell when one is zero (as metafor::escalc); null when not estimable (ratiosNotEstimable says why). The summary of findings shows it with the per-1,000 effects (docs/report-trial.md#summary-of-findings)'),
      ratiosNotEstimable: effectRowSchema.shape.ratiosNotEstimable,
      error: z.string().optional(),
    }),
  ),
  byClass: z.array(z.object({ soc: z.string().nullable(), term: z.string().nullable().describe('null: the class\'s total; "": events without a term'), patients: aePair, events: aePair })),
  outside: z.number().int().describe('Event rows of records outside the comparison (another arm, never randomised, left out as invalid)'),
  recoded: z
    .array(z.object({ kind: z.enum(['serious', 'related']), column: z.string(), code: z.string().describe('The code as the plan writes it'), to: z.number().nullable().describe('1 counted as serious (related), 0 not, null unknown'), events: z.number().int().describe('Events of the patients compared whose cell held the code') }))
    .optional()
    .describe('The plan\'s codes read in the seriousness and relatedness columns ("columnCodes", "missingCodes"): "Muligvis" → 1 says possibly related events count as related (present when any)'),
  noEventRows: z.number().int().optional().describe('Rows of a listing with every cell but the id empty, of patients with no row naming an event (a listing of every patient, blank for those without events): no event, not counted (present when any)'),
  unknownIdRows: z.number().int().optional().describe('Rows of a listing whose patient id is on no row of the export, left out as invalid ("invalidRows": "exclude" or --exclude-invalid): their events are not counted, so the counts may be too low (present when any)'),
});

export const analysisResultSchema = z.object({
  tool: z.object({ name: z.literal('hta'), version: z.string() }),
  input: z.object({
    file: z.string(),
    layout: z.enum(['long', 'wide']),
    patients: z.object({ intervention: z.number().int(), control: z.number().int() }),
    otherArms: z
      .array(otherArmSchema)
      .optional()
      .describe('Arms of the export the plan does not compare ("otherArms"; present when the plan names any): randomised, not analysed (docs/plan-trial.md#other-arms)'),
    encoding: z.enum(['windows-1252', 'utf-16le', 'utf-16be']).optional().describe('How the export was decoded when it is not UTF-8 (present then): Windows-1252 (Excel\'s plain "CSV") or UTF-16 ("Unicode text")'),
    recoded: z.array(recodeCountSchema).optional().describe("Cells changed by the plan's answer and missing-value codes (present when any was)"),
    excluded: exclusionSchema.optional().describe('Rows left out by --exclude-invalid / "invalidRows": "exclude" (present in that mode)'),
    clusters: z
      .object({ column: z.string(), intervention: z.number().int(), control: z.number().int() })
      .optional()
      .describe('A cluster-randomised trial ("clusters" in the plan; present then): the column of the unit randomised and the clusters allocated to each arm, among the patients randomised (CONSORT\'s extension for cluster trials counts clusters and patients at allocation)'),
  }),
  plan: z.object({ baseline: z.string(), timepoints: z.array(z.string()), covariates: z.array(z.string()), alpha: z.number(), primary: z.object({ outcome: z.string(), time: z.string() }).nullable() }),
  descriptives: z.array(descriptiveRowSchema),
  effects: z.array(effectRowSchema),
  missingness: z.array(missingnessRowSchema),
  sensitivity: sensitivitySchema.nullable(),
  subgroups: z.array(subgroupResultSchema).optional().describe("The plan's subgroup analyses (present when the plan has subgroups)"),
  targetPopulation: targetPopulationSchema.optional().describe("The plan's target population (present when the plan has one)"),
  adverseEvents: adverseEventsResultSchema.optional().describe('The plan\'s "adverseEvents" per arm (present when the plan has them)'),
  flow: participantFlowSchema.optional().describe('Enrolment and reasons for loss (present when the plan or the export gives either)'),
  warnings: z.array(z.string()).describe('Each warning as the analysis words it, keyed by the plan ("multiple imputation of rmdq at 3m: …")'),
  warningTexts: z
    .array(
      z.object({
        outcome: z.string().optional().describe("The outcome's key, when the warning concerns one"),
        time: z.string().optional().describe('The visit as the plan keys it, when the warning concerns one'),
        method: z.string().optional().describe('The effect row\'s method ("ancova", "mi-ancova", …), when the warning concerns one'),
        subgroup: z.string().optional().describe("The subgroup's column, when the warning concerns one"),
        text: z.object({ en: z.string(), da: z.string() }).describe('The warning as the report page and the terminal word it, in English and Danish'),
      }),
    )
    .optional()
    .describe('The `warnings`, one for one and in their order, in the words of the report page and the terminal (the outcome and visit by the plan\'s labels where the page names them so), English and Danish; the plan\'s keys in fields of their own (docs/data-contracts.md#trial-results-hta-analyze---json)'),
});

export type EffectRow = z.infer<typeof effectRowSchema>;
export type AnalysisResult = z.infer<typeof analysisResultSchema>;
export type MissingnessRow = z.infer<typeof missingnessRowSchema>;
export type Sensitivity = z.infer<typeof sensitivitySchema>;
export type SubgroupResult = z.infer<typeof subgroupResultSchema>;
export type TargetPopulation = z.infer<typeof targetPopulationSchema>;
export type ParticipantFlow = z.infer<typeof participantFlowSchema>;
export type FlowLoss = z.infer<typeof lossSchema>;

export function resultsJsonSchema(): unknown {
  // A randomised plan gives analysisResultSchema; an observational one its own shape (docs/observational.md).
  return {
    ...(z.toJSONSchema(z.union([analysisResultSchema, observationalResultSchema])) as object),
    $id: 'https://hta.invalid/schemas/results.schema.json',
    title: 'hta analyze results',
  };
}
