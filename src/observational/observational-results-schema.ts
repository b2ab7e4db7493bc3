/**
 * The shape of `hta analyze --json` for an observational plan (docs/observational.md), as a zod
 * schema: the TypeScript types and part of the published results schema.
 */
import { z } from 'zod';
import { CERTAINTY_LEVELS } from '../judge/grade-certainty.js';
import { RELEVANCE_LABELS } from '../judge/relevance.js';
import { recodeCountSchema } from '../trial/validation-schema.js';
import { SUPPRESSED } from '../suppressed-marker.js';

/** A patient count as published: the number, or the one marker when it is hidden (docs/observational.md, "Small counts"). */
export const publishedCount = z.union([z.number().int(), z.literal(SUPPRESSED)]);
const groupCounts = z.object({ exposed: publishedCount, unexposed: publishedCount });
// A score or weight diagnostic: "suppressed" when a balance term is hidden for a small count (docs/observational.md, "Small counts", rule 9).
const maskedNumber = z.union([z.number(), z.literal(SUPPRESSED)]);
const groupMaskedNumbers = z.object({ exposed: maskedNumber, unexposed: maskedNumber });

export const observationalMethodSchema = z.enum(['crude', 'weighted-regression', 'aipw']);

// The fields of a trial effect row (docs/data-contracts.md#effect-rows) that apply here, written
// out rather than derived: results-schema.ts includes this schema in the published union.
export const observationalEffectSchema = z
  .object({
    outcome: z.string(),
    label: z.string(),
    time: z.string(),
    n: z.object({ intervention: publishedCount, control: publishedCount }).describe('intervention = exposed, control = unexposed; "suppressed" as the analysis\'s `patients` (a difference of 1 … threshold − 1 from another analysis\'s count of the group: docs/observational.md, "Small counts", rule 12)'),
    difference: z.number().nullable().describe('Exposed − unexposed, in the instrument units (proportion for risk differences). This and se, the CI limits, pValue and the benefit fields carry the report page\'s digits, not 16: a score to 2 decimals (3 with an MCID below 1), a proportion to 3, a CI limit with the extra digits that keep it off 0 and ±MCID, the SE to the same decimals (2 significant digits at least), p to 3 decimals (2 significant digits below 0.001) — at 16 digits the crude row of a whole-number outcome gives each group\'s sum and sum of squares (docs/observational.md, "Small counts", rule 8)'),
    se: z.number().nullable(),
    df: z.number().nullable(),
    ciLower: z.number().nullable(),
    ciUpper: z.number().nullable(),
    confLevel: z.number(),
    ciMethod: z.string(),
    pValue: z.number().nullable(),
    mcid: z.number().nullable(),
    direction: z.enum(['lower-is-better', 'higher-is-better']),
    benefit: z.number().nullable(),
    benefitCiLower: z.number().nullable(),
    benefitCiUpper: z.number().nullable(),
    significant: z.boolean().nullable(),
    imprecise: z.boolean().nullable(),
    relevance: z.enum(RELEVANCE_LABELS).nullable(),
    method: observationalMethodSchema.describe('crude: unweighted difference; weighted-regression: weighted outcome regression on exposure, baseline and confounders (doubly robust); aipw: augmented inverse-probability weighting (doubly robust)'),
    kind: z.enum(['continuous', 'risk-difference']),
    eValue: z
      .object({
        riskRatio: z.number(),
        estimate: z.number(),
        ciLimit: z.number(),
        method: z.string(),
      })
      .nullable()
      .describe('VanderWeele & Ding (2017): the risk ratio an unmeasured confounder would need with both exposure and outcome to explain the estimate (and its CI limit) away; published to 2 decimals, as the report prints it (the risk ratio of a continuous outcome carries its pooled SD: docs/observational.md, "Small counts", rule 8)'),
    eValueMissing: z
      .object({ reason: z.enum(['unexposed-risk-zero', 'unexposed-weighted-risk-zero', 'exposed-risk-zero']), text: z.string() })
      .optional()
      .describe('Why a risk difference has no E-value (eValue null): no non-user analysed has the outcome (risk ratio infinite); the weighted risk among non-users is 0 while some have it, each with weight 0 (under ATT, non-users of a level no user has; risk ratio infinite); or the risk among users is 0 or below (risk ratio 0)'),
    risks: z
      .object({ intervention: z.number(), control: z.number() })
      .optional()
      .describe('Yes/no outcomes and responders, adjusted rows (weighted regression, AIPW): the adjusted (standardised) risk with the exposure (intervention) and without it (control, the risk the absolute effect is read against), as proportions; their difference is `difference`, and the absolute effect per 1,000 is 1,000 × `difference` with its CI. Weighted regression: the mean prediction over the estimand\'s population (every patient analysed for ATE, the exposed for ATT, overlap-weighted for ATO); AIPW: each arm\'s augmented mean. To 3 decimals, as the page prints them per 1,000 (docs/observational.md, "Relative and absolute effects of yes/no outcomes")'),
    riskRatio: z
      .object({ estimate: z.number(), ciLower: z.number(), ciUpper: z.number(), method: z.string() })
      .nullable()
      .optional()
      .describe('With `risks`: their ratio, intervention / control, with the log-scale delta-method CI from the estimator\'s variance–covariance of the two risks; to 2 decimals as the page prints it (a limit with the digits that keep it off 1). null when an adjusted risk is 0 or below (a linear model can predict that), or when no patient of a group had the event (the risk is then 0 up to rounding): no ratio'),
    certainty: z
      .object({
        start: z.literal('low'),
        level: z.enum(CERTAINTY_LEVELS),
        downgradedForImprecision: z.boolean(),
        reason: z.string(),
      })
      .describe('GRADE: evidence from non-randomised data starts at low certainty; one level lower when the CI crosses the MCID'),
  });

const balanceValue = z.union([z.number(), z.literal(SUPPRESSED)]).nullable();
export const balanceRowSchema = z.object({
  term: z.string().describe('A numeric confounder, the baseline score, or one level of a categorical confounder ("sex=F"); "name=" (an empty level) stands for the levels held by fewer than the suppression threshold of the analysed patients, pooled unnamed (docs/observational.md, "Small counts", rule 5)'),
  type: z.enum(['numeric', 'level']),
  smdBefore: balanceValue.describe('To 3 decimals, as the report prints it; "suppressed" for every level of a categorical confounder with a level of 1 … threshold − 1 patients in a group, and for a numeric confounder (or baseline score) with at most 10 distinct values one of which 1 … threshold − 1 patients of a group hold (its SMD and variance ratio would give that count)'),
  smdAfter: balanceValue,
  varianceRatioBefore: balanceValue,
  varianceRatioAfter: balanceValue,
  imbalanced: z.boolean().optional().describe('Rows whose values are suppressed only: whether |SMD| after weighting is above the balance threshold'),
});

/** One group's patients not analysed, by why (the analysis's flow). */
const flowCounts = z.object({
  withoutOutcome: publishedCount.describe('Patients of the group without a baseline or follow-up value of the outcome at this time'),
  excludedRow: publishedCount
    .optional()
    .describe('With --exclude-invalid: of withoutOutcome, the patients whose row at this time (or at the baseline the analysis needs) was left out — the patients the exclusions cost this analysis; present when a patient read lost a row this analysis reads, absent where it could only be 0 (a wide export, whose patient with a bad row is not read) (docs/observational.md, "Small counts", rule 13)'),
  missingConfounders: publishedCount.describe('Patients of the group with both values left out for a missing confounder value'),
  trimmed: publishedCount.describe("Patients of the group left out by the plan's propensity-score trimming"),
});

/** One warning in words (warning-texts.ts): its kind, what it is about by the plan's keys, its text in either language. */
const warningTextSchema = z.object({
  kind: z.enum(['imbalance', 'effects-hidden', 'scores-hidden', 'aipw-failed', 'no-e-value', 'outside-target', 'outside', 'ess', 'extreme', 'missing', 'not-analysed', 'single-answer', 'outcome-missing']),
  term: z.string().optional().describe('A balance warning\'s term as the `balance` rows key it ("referrer=hospital")'),
  confounder: z.string().optional().describe("An outside-target warning's confounder, by its name in the plan"),
  levels: z.array(z.string()).optional().describe("An outside-target warning's named levels, as the export writes them"),
  text: z.object({ en: z.string(), da: z.string() }),
});

export const observationalAnalysisSchema = z.object({
  outcome: z.string(),
  label: z.string(),
  time: z.string(),
  kind: z.enum(['continuous', 'binary', 'responder']),
  patients: groupCounts
    .nullable()
    .describe('Patients analysed (baseline and follow-up observed, confounders complete, not trimmed); null when the analysis stopped before its sample was formed (no overlap): no count, rather than a 0 that counts nothing'),
  excluded: z
    .object({
      missingConfounders: publishedCount.describe('Patients with a baseline and follow-up value left out because a confounder value is missing (complete-case analysis; not imputed)'),
      trimmed: publishedCount.describe("Patients left out by the plan's propensity-score trimming"),
    })
    .nullable()
    .describe('null with `patients` (no overlap)'),
  flow: z
    .object({ exposed: flowCounts, unexposed: flowCounts })
    .nullable()
    .optional()
    .describe('Per group, from the patients read (input.patients) to those analysed (patients): input = withoutOutcome + missingConfounders + trimmed + analysed. All "suppressed" when any of them, or a total they add up to, is a small count (docs/observational.md, "Small counts", rule 10); null with `patients`'),
  singleAnswer: z
    .enum(['yes', 'no'])
    .optional()
    .describe('A yes/no outcome that is "yes" (or "no") for every patient with a value, in both groups: there is no difference to estimate (the analysis is refused), and a warning says what in the export gives this (a left join that leaves a person without an event empty, not 0: docs/observational.md)'),
  atZeroBaseline: groupCounts
    .optional()
    .describe('A responder definition with a percent rule: the patients analysed per group whose baseline is 0, who cannot improve by a percentage of it and are counted as non-responders (present when any; docs/plan-trial.md#responders); "suppressed" when small (docs/observational.md, "Small counts", rule 11)'),
  propensity: z
    .object({
      model: z.string(),
      terms: z.array(z.string()),
      coefficients: z
        .array(z.number())
        .optional()
        .describe('Computed, never published (absent from every output): with the group sizes they give the counts per level of a categorical confounder (docs/observational.md, "Small counts", rule 7)'),
      iterations: z.number().int(),
      quantiles: z
        .object({ exposed: z.union([z.array(z.number()), z.literal(SUPPRESSED)]), unexposed: z.union([z.array(z.number()), z.literal(SUPPRESSED)]) })
        .describe('Propensity-score percentiles 5, 25, 50, 75, 95 % per group, each the mean of the suppression-threshold many sorted scores nearest R quantile type 7 position (score-quantiles.ts): the overlap without individual values; to 2 decimals, as the report prints them; "suppressed" when a balance term is hidden for a small count (the scores are then functions of that count: rule 9); under ATT without the non-users of a level no user has (`outsideTarget`: score 0 by design, not compared)'),
      outsideShare: z.union([z.number(), z.literal(SUPPRESSED)]).describe('Share of patients with a propensity score outside [0.05, 0.95], of every patient analysed; under ATT the non-users of a level no user has (score 0 by design: `outsideTarget`) are not counted as outside; "suppressed" when it rests on 1 … threshold − 1 patients, or when a balance term is hidden for a small count (rule 9)'),
      outsideAtLeast: z.number().optional().describe('With `outsideShare` suppressed for a hidden balance term (rule 9) and at least 0.05: the share rounded down to a multiple of 0.05 ("at least 75%"), which the poor-overlap warning states'),
    })
    .nullable(),
  weights: z
    .object({
      estimand: z.enum(['ATE', 'ATT', 'ATO']),
      effectiveSampleSize: groupMaskedNumbers.describe('(Σw)²/Σw² per group, to 1 decimal as the report prints it'),
      max: groupMaskedNumbers.describe("The largest weights per group, relative to the group mean weight: the mean of the suppression-threshold many largest, never one patient's weight; to 2 decimals as the report prints it"),
      maxOf: z.number().int().describe('How many of the largest weights `max` averages (the suppression threshold, or all of a smaller group)'),
      extreme: z.object({ exposed: z.union([z.boolean(), z.literal(SUPPRESSED)]), unexposed: z.union([z.boolean(), z.literal(SUPPRESSED)]) }).describe('Whether any single weight of the group is more than 10 times the group mean (the warning says so; the weight itself is not published); kept when rule 9 hides the numbers: a yes/no fact gives no count'),
      effectiveSampleUnderHalf: z
        .object({ exposed: z.boolean(), unexposed: z.boolean() })
        .optional()
        .describe('With `effectiveSampleSize` suppressed for a hidden balance term (rule 9): whether it is under half of the group\'s patients analysed (the poor-overlap warning says so, without the number)'),
      truncatedAt: maskedNumber.nullable().describe("The cap of the plan's truncation (null: none): the mean of the suppression-threshold many sorted weights nearest R quantile type 7 position, no patient's own weight; to 3 decimals"),
      truncated: publishedCount.describe('Weights capped by the truncation'),
    })
    .nullable(),
  balance: z.array(balanceRowSchema),
  warnings: z.array(z.string()).describe('Imbalance (|SMD| above the threshold after weighting) and poor overlap'),
  warningTexts: z.array(warningTextSchema).optional().describe('The `warnings`, one for one and in their order, in the words of the report page and the terminal (a balance term by its confounder\'s labels: "Referred by: hospital", not "referrer=hospital"), English and Danish; the keys in fields of their own'),
  effects: z.array(observationalEffectSchema),
  effectsSuppressed: z.literal(true).optional().describe('Every effect row (crude, weighted regression, AIPW) is withheld and `effects` is empty: in a group the outcome takes at most 4 values and 1 … threshold − 1 patients hold one of them (a yes/no outcome or responder: with or without the event), or at least threshold patients of a group share one value and only 1 … threshold − 1 do not; the crude and the adjusted differences, with their SEs and E-values, would each give that count (docs/observational.md, "Small counts")'),
  outsideTarget: z
    .array(z.object({ confounder: z.string(), levels: z.array(z.string()), unnamed: z.number().int() }))
    .optional()
    .describe('Under ATT: levels of a categorical confounder that only non-users have. No user is like those non-users, so their propensity score and weight are 0 (the limit of the fit): without `trim` they count in the crude difference and the AIPW outcome model only; with `trim` their score of 0 is below it, so they are trimmed and no estimate counts them. `levels`: up to three levels held by at least the suppression threshold of patients; `unnamed`: the other such levels, counted (docs/observational.md, "When an analysis cannot be done")'),
  aipwError: z.string().optional().describe('Why the AIPW estimate alone could not be computed (e.g. a confounder constant within one group makes its per-group outcome model singular); the other estimates stand'),
  error: z.string().optional().describe('Why this outcome × time could not be analysed (no overlap, separation, too few patients); its effects are empty and the command exits 1'),
});

export const observationalResultSchema = z.object({
  tool: z.object({ name: z.literal('hta'), version: z.string() }),
  design: z.literal('observational'),
  input: z.object({
    file: z.string(),
    layout: z.enum(['long', 'wide']),
    patients: groupCounts,
    recoded: z
      .array(recodeCountSchema)
      .optional()
      .describe('Cells the plan\'s codes recoded; a count of 1 … threshold − 1 and those hidden with it read "suppressed", and every count does when the run hid a count or withheld an outcome\'s estimates (the counts add up to the patients with a value: docs/observational.md, "Small counts", rule 13)'),
    excluded: z
      .object({
        rows: publishedCount.describe('Rows left out; "suppressed" when 1 … threshold − 1 or when the run hid a count'),
        patients: publishedCount.describe('Patients every row of whom was left out: in no other count (not input.patients, no flow; a wide export\'s bad lines); masked as rows. Those an analysis lost to one left-out row are its flow\'s excludedRow'),
      })
      .optional()
      .describe('With --exclude-invalid: how many rows were left out — not which lines nor their values, which are patients\' own (stderr and --excluded-out say them to the analyst; rule 13)'),
  }),
  plan: z.object({
    estimand: z.enum(['ATE', 'ATT', 'ATO']),
    confounders: z.array(z.object({ name: z.string(), type: z.enum(['numeric', 'categorical']) })),
    baselineAsConfounder: z.boolean(),
    trim: z.number().nullable(),
    truncate: z.number().nullable(),
    balanceThreshold: z.number(),
    alpha: z.number(),
    timepoints: z.array(z.string()),
    primary: z.object({ outcome: z.string(), time: z.string() }).nullable(),
    suppression: z
      .object({ threshold: z.number().int(), suppressedCounts: z.number().int().describe('Patient counts printed as "suppressed"') })
      .describe('Counts 1 … threshold − 1 are not published nor derivable (docs/observational.md, "Small counts")'),
  }),
  methods: z.record(z.string(), z.string()).describe('Every method in words, as the report states it'),
  analyses: z.array(observationalAnalysisSchema),
  warnings: z.array(z.string()).describe('Each warning keyed by the plan: "rmdq at 3m: balance not reached for referrer=hospital: …"'),
  warningTexts: z
    .array(warningTextSchema.extend({ outcome: z.string().describe("The outcome's key"), time: z.string().describe('The visit as the plan keys it') }))
    .optional()
    .describe('The `warnings`, one for one and in their order, as the report page and the terminal word them: the outcome and visit by the plan\'s labels ("Disability (RMDQ 0–24), 3 months", not "rmdq at 3m"), a balance term by its confounder\'s labels; English and Danish (docs/observational.md#output)'),
});

export type ObservationalEffect = z.infer<typeof observationalEffectSchema>;
export type ObservationalAnalysis = z.infer<typeof observationalAnalysisSchema>;
export type ObservationalResult = z.infer<typeof observationalResultSchema>;
