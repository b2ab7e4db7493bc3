/**
 * The analysis plan: what to analyse and how. One zod schema gives the TypeScript type, the
 * validation with readable paths, the defaults, and the published JSON Schema
 * (`hta plan schema`).
 */
import { ownValue } from '../own-value.js';
import { z } from 'zod';
import { CERTAINTY_LEVELS } from '../judge/grade-certainty.js';
import { observationalSchema } from '../observational/observational-plan-schema.js';
import { redcapEvent } from './redcap-event.js';
import { nfc } from '../io/nfc.js';
import { eachOnce } from '../io/each-once.js';

// Strict, as every object of the plan: a "dk" for "da" (or an arm label under a key that is no
// arm) would otherwise be dropped without a word; refused with the known keys named.
const localized = z
  .object({ en: z.string().min(1), da: z.string().min(1).optional() })
  .strict()
  .describe('A label in English and (optionally) Danish');

export const certaintySchema = z
  .object({
    level: z.enum(CERTAINTY_LEVELS),
    reasons: eachOnce(z.array(z.union([z.string().min(1), localized]))).default([]).describe('Plain text, or { en, da } to have the Danish report say it in Danish'),
  })
  .strict()
  .describe('GRADE certainty of the evidence for this outcome, with the reasons for downgrading');

/** A code as written in an export: text ("Ved ikke") or a number (999, -9). See docs/plan-trial.md. */
const valueCode = z.union([z.string().min(1), z.number()]);

export const answerCodesSchema = z
  .record(z.string().min(1), z.number())
  .describe('Answer codes: export value → number, e.g. {"Ja": 1, "Nej": 0} or {"1": 1, "2": 0}; numeric codes also match "1,0" in a decimal-comma file');

export const missingCodesSchema = eachOnce(z.array(valueCode)).describe('Values that mean "missing", e.g. [999, -9, "Ved ikke"]; numbers match numerically after decimal-comma normalisation');

export const eq5dColumnsSchema = z
  .object({ mo: z.string().min(1), sc: z.string().min(1), ua: z.string().min(1), pd: z.string().min(1), ad: z.string().min(1) })
  .strict()
  .describe('EQ-5D dimension columns by name: mobility, self-care, usual activities, pain/discomfort, anxiety/depression');

export const itemColumnsSchema = z
  .union([
    z.string().min(1).describe('Prefix ("rmdq" → rmdq_1…rmdq_24) or a pattern with {i} ("q{i}" → q1…q24; "rmdq_{i}")'),
    eachOnce(z.array(z.string().min(1)).min(1), { why: 'two items would be read from one column' }).describe('Every item column, in item order'),
    eq5dColumnsSchema,
  ])
  .describe('Item columns to score from: a prefix, a pattern with {i}, an explicit list, or (EQ-5D) the five dimension columns by name; defaults to the column');

export const outcomeSchema = z
  .object({
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a name of letters, digits and _'),
    instrument: z.string().describe('Instrument key: rmdq, rmdq23, pseq, nrs, eq5d5l, eq5d3l, was, wai, binary, or a key of the plan\'s "instruments"'),
    column: z.string().optional().describe('Score column (long layout) or column prefix; defaults to the key'),
    items: itemColumnsSchema.optional(),
    answers: answerCodesSchema.optional().describe('Answer codes for every column of this outcome (items or score), e.g. {"Ja": 1, "Nej": 0}'),
    missingCodes: missingCodesSchema.optional().describe('Missing-value codes for the columns of this outcome (besides the plan-wide "missingCodes")'),
    notApplicableCodes: missingCodesSchema
      .optional()
      .describe('Values that mean the outcome does not apply to the patient at that visit, e.g. ["Ikke i arbejde"] for work ability: never imputed, counted apart from missing; the estimand is among those to whom the outcome applies (docs/plan-trial.md#not-applicable)'),
    label: localized.optional(),
    timepoints: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('The follow-up visits at which this outcome is measured, when fewer than the plan\'s "timepoints" (each one of them): its rows, summary of findings, charts and MMRM use these only (docs/plan-trial.md#outcome-timepoints); default: the plan\'s'),
    mcid: z.number().positive().optional().describe("Absolute MCID in the instrument's units; defaults to the instrument's published value"),
    mcidSource: z
      .union([z.string(), localized])
      .optional()
      .describe('Where the MCID comes from, shown beside it on every page as written (a citation reads the same in any language), or { en, da } to have the Danish report say it in Danish'),
    importance: z.enum(['critical', 'important']).default('critical'),
    direction: z.enum(['lower-is-better', 'higher-is-better']).optional().describe("Overrides the instrument's direction; write it on every yes/no outcome (binary defaults to lower-is-better)"),
    noneTicked: z
      .enum(['missing', 'no'])
      .optional()
      .describe('A yes/no outcome read from a REDCap checkbox column (medicin___1): what a row with every option of the field unticked means. "missing" (default): REDCap writes 0 in every box also on a form never filled in. "no": an unticked field is "no", unless its form is not marked as filled in (formComplete 0 or empty)'),
    formComplete: z.string().min(1).optional().describe('With a REDCap checkbox outcome: the form\'s status column (opfoelgning_complete); default: the export\'s only *_complete column'),
    maxMissingItems: z.number().int().min(0).default(0).describe('Items that may be missing; the score is then prorated'),
    oneScaleChecked: z
      .boolean()
      .optional()
      .describe('A 0–100 outcome where most patients (or every patient of a site) never answer above 10 while others do is refused as two scales in one column (0–10 and 0–100); true says the column was checked and is one scale (docs/plan-trial.md "Two scales in one column")'),
    valueSet: z.string().optional().describe('EQ-5D value set id, e.g. dk-5l-2021'),
    certainty: certaintySchema.optional(),
  })
  .strict();

export const responderSchema = z
  .object({
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a name of letters, digits and _'),
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

/**
 * A continuous instrument the built-ins do not cover (averaged pain with decimals, ODI 0–100),
 * defined in the plan; see docs/plan-trial.md.
 */
export const customInstrumentSchema = z
  .object({
    label: z.object({ en: z.string().min(1), da: z.string().min(1).optional() }).strict().describe('Name in English and (optionally) Danish'),
    unit: z.object({ en: z.string().min(1), da: z.string().min(1).optional() }).strict().optional().describe('Unit of the score; defaults to points / point'),
    range: z.tuple([z.number(), z.number()]).describe('Inclusive range of the score, [min, max]'),
    direction: z.enum(['lower-is-better', 'higher-is-better']),
    mcid: z.number().positive().optional().describe('Absolute MCID in the score units (else each outcome must set "mcid")'),
    mcidSource: z.string().optional(),
    decimals: z.boolean().default(true).describe('Whether scores may have decimals (false: whole numbers only)'),
  })
  .strict()
  // At the "range" key, not the instrument's "{" lines above it (read-json.ts: params.at).
  .refine((i) => i.range[0] < i.range[1], { message: 'a range [min, max] with min below max: a range of one value (or a reversed one) leaves no room for a change', path: ['range'], params: { at: 'key' } });

/** A subgroup of the trial population by one export column; see docs/subgroups.md. */
export const subgroupSchema = z
  .object({
    column: z.string().min(1).describe('Export column that defines the subgroup (read from the baseline row, like a covariate)'),
    label: localized.describe('What the column is, e.g. {"en": "recruitment setting", "da": "rekrutteringssted"}'),
    levels: eachOnce(z.array(z.union([z.string().min(1), z.number()])).min(2)).optional().describe('Categorical levels, in display order (the first is the reference); other values are excluded and counted; default: every value seen, sorted'),
    levelLabels: z
      .record(z.string(), localized)
      .optional()
      .describe('What the report calls each level, e.g. {"gp": {"en": "general practice", "da": "almen praksis"}}; default: the value as it is in the export'),
    cuts: z.array(z.number()).min(1).optional().describe('Cut points for a numeric column: [40, 60] gives levels "<40", "40–<60", "≥60" (R cut(x, c(-Inf, 40, 60, Inf), right = FALSE))'),
    prespecified: z.boolean().describe('Whether this subgroup analysis was specified before the data were seen (a credibility criterion, ICEMAN)'),
    predictedDirection: z
      .object({ larger: z.union([z.string().min(1), z.number()]).describe('The level in which the benefit was predicted to be larger') })
      .strict()
      .optional()
      .describe('The direction predicted before the analysis; the results say whether it held'),
    minPerArm: z
      .number()
      .int()
      .min(1)
      .default(5)
      .describe('Fewest patients per arm for a level to get an estimate and enter the test for interaction; a level below it is reported as too few and left out of the test (docs/subgroups.md#too-few-patients-in-a-level); 1: every level with patients in both arms, as before'),
  })
  .strict()
  .refine((s) => !(s.levels && s.cuts), { message: 'give "levels" or "cuts", not both' })
  .refine((s) => !s.cuts || s.cuts.every((c, i) => i === 0 || c > (s.cuts as number[])[i - 1]!), { message: 'cut points that increase, each once', path: ['cuts'] })
  // A predicted level must exist, or "did the direction hold" can never be answered.
  .refine((s) => !s.predictedDirection || !s.levels || s.levels.some((l) => String(l) === String(s.predictedDirection!.larger)), {
    message: 'one of the subgroup\'s "levels"',
    path: ['predictedDirection', 'larger'],
  });

export const populationCriterionSchema = z
  .object({
    column: z.string().min(1).describe('Export column (read from the baseline row, like a covariate)'),
    op: z.enum(['>=', '>', '<=', '<', '==', 'in']),
    value: z.union([z.string(), z.number()]).optional().describe('The value compared with (all ops but "in")'),
    values: eachOnce(z.array(z.union([z.string(), z.number()])).min(1)).optional().describe('The allowed values (op "in")'),
    label: localized.describe('The criterion in words, e.g. {"en": "aged 15 or older"}'),
  })
  .strict()
  .refine((c) => (c.op === 'in' ? c.values !== undefined && c.value === undefined : c.value !== undefined && c.values === undefined), {
    message: 'op "in" takes "values" (a list); the other ops take one "value"',
  })
  .refine((c) => !['>=', '>', '<=', '<'].includes(c.op) || typeof c.value !== 'string', { message: 'a number: ops >=, >, <=, < compare with a number "value"', path: ['value'] });

/** The population a recommendation concerns, as criteria on export columns; see docs/subgroups.md. */
export const populationSchema = z
  .object({
    label: localized.describe('Name of the target population, e.g. {"en": "GP patients, symptoms > 4 weeks"}'),
    purpose: z
      .enum(['target', 'per-protocol'])
      .default('target')
      .describe('"target" (default): the population a recommendation concerns. "per-protocol": the patients who followed the protocol (e.g. [{"column": "pp", "op": "==", "value": 1}]), reported as a per-protocol sensitivity analysis beside the primary analysis of all randomised patients (docs/plan-trial.md#per-protocol-and-itt)'),
    // Empty is a transport of the whole trial (margins or a target sample), refused without one below.
    criteria: z.array(populationCriterionSchema).describe('Applied in order; a patient with a missing value fails the criterion. [] (no criteria): every randomised patient, only with "margins" or "targetSample" (the whole trial transported to the target)'),
    minPerArm: z.number().int().min(2).default(20).describe('Fewer patients than this in either arm: the target population is reported as too small and not analysed'),
    margins: eachOnce(
      z.array(
        z
          .object({
            column: z.string().min(1).describe('Export column (read like a covariate)'),
            label: localized.optional().describe('What the column is, as the report names it, e.g. {"en": "sex", "da": "køn"}; default: the column name'),
            cuts: z.array(z.number()).min(1).optional().describe('Cut points for a numeric column, as in subgroups: [40, 60] gives "<40", "40–<60", "≥60"'),
            // Their sum and a cut margin's keys are checked after parsing (margin-shares.ts), to say the sum and accept "40-<60", ">=60".
            shares: z.record(z.string().min(1), z.number().min(0)).describe('Share of each level in the target population; they sum to 1 (within ±0.002 they are rescaled to 1, with a note). A cut margin\'s keys are its cut levels: "<40", "40–<60", "≥60" (or "40-<60", ">=60")'),
          })
          .strict(),
      ),
      { keyOf: (m: { column: string }) => m.column, field: 'column', why: 'one margin per column' },
    )
      .optional()
      .describe('Known make-up of the target population: the trial patients are raked to these margins and the ANCOVA effect re-estimated (transported effect; docs/subgroups.md)'),
    targetSample: z
      .object({
        file: z.string().min(1).describe("CSV of patients of the target population, one row per patient, relative to the plan's folder (not an absolute path; in `hta report` inside the manifest's folder)"),
        model: eachOnce(z.array(z.string().min(1)).min(1), { why: 'a column entered twice leaves the model singular' }).describe('Export columns of the model of trial membership (numbers enter linearly, text as levels), e.g. ["age", "sex", "symptom_weeks"]'),
        columns: z.record(z.string(), z.string()).default({}).describe("Export column → the target file's column, where it is named differently, e.g. {\"age\": \"alder\"}"),
        recode: z
          .record(z.string(), z.record(z.string(), z.string().nullable()))
          .optional()
          .describe('Per model column (the export\'s name), the target file\'s text → the trial\'s text, where the two files spell a level differently, e.g. {"sex": {"Kvinde": "F", "Mand": "M", "Uoplyst": null}}; null: a missing value. Compared in any case; applied before the plan\'s column codes'),
        minPatients: z
          .number()
          .int()
          .min(2)
          .default(20)
          .describe('Fewer target patients than this with every model value: the inverse-odds rows are not computed (a membership model on a handful of target patients gives weights, and a CI, that mean nothing; docs/subgroups.md#inverse-odds-weights)'),
        id: z.string().min(1).optional().describe('The target file\'s patient-id column, checked for repeated ids (one row per patient); default: a column named as the plan\'s "columns.id" or a usual id name (patient_id, record_id, …); without one nothing is checked'),
      })
      .strict()
      .optional()
      .describe('A sample of target patients: the trial patients are weighted by the inverse odds of trial membership and the effect re-estimated (docs/subgroups.md#inverse-odds-weights)'),
  })
  .strict();

/**
 * Adverse events read from a REDCap repeating instrument of the export: one row per event, counted
 * per arm over the patients randomised (docs/plan-trial.md#adverse-events).
 */
export const adverseEventsSchema = z
  .object({
    instrument: z.string().min(1).optional().describe('The REDCap repeating instrument of the export whose rows are the events, as "redcap_repeat_instrument" writes it (e.g. "adverse_events"); each of its rows is one event. Give this or "file"'),
    file: z.string().min(1).optional().describe('A listing of the events, one row per event (a MedDRA/CDISC AE dataset, a Castor AE report), as a CSV path relative to the plan\'s folder; its patients are joined to the export by "id". Give this or "instrument"'),
    id: z.string().min(1).optional().describe('The listing\'s patient-id column (default: the plan\'s "columns.id"); its ids must be the export\'s'),
    serious: z.string().min(1).optional().describe('The column saying whether the event was serious: yes/no words (Ja/Nej, Yes/No, Y/N), 0/1, or the codes of "columnCodes"; "Ved ikke" and other don\'t-know words are unknown, never no'),
    related: z.string().min(1).optional().describe('The column saying whether the event was related to the intervention, read as "serious" is'),
    soc: z.string().min(1).optional().describe('The column of the MedDRA system organ class (or any grouping of events): events and patients per arm by class'),
    term: z.string().min(1).optional().describe('The column of the preferred term (MedDRA PT) or the reported term: events and patients per arm by term'),
    certainty: certaintySchema
      .optional()
      .describe('GRADE certainty of the evidence on harms, as the committee assessed it, with the reasons for downgrading (as an outcome\'s "certainty"): the summary of findings shows it on every adverse-event row; without it those rows read "Certainty not rated in the plan" (docs/plan-trial.md#adverse-events)'),
  })
  .strict()
  .refine((a) => (a.instrument === undefined) !== (a.file === undefined), { message: 'either "instrument" (a REDCap repeating instrument of the export) or "file" (a listing of the events), not both and not neither' })
  .refine((a) => a.id === undefined || a.file !== undefined, { message: '"id" names the listing\'s id column: it goes with "file" (the export\'s id is "columns.id")', path: ['id'] });

/** A reason in the participant flow: plain text, or { en, da } so the Danish report says it in Danish. */
const flowReason = z.union([z.string().min(1), localized]);

/**
 * The participant flow's inputs that a trial export does not hold (docs/plan-trial.md#participant-flow):
 * the screening log as aggregate numbers, and what the export's withdrawal reasons mean.
 */
export const flowSchema = z
  .object({
    assessed: z.number().int().min(1).optional().describe('Patients assessed for eligibility (the screening log); with "excluded", their sum with the randomised patients of the export must equal it'),
    excluded: z
      .array(
        z
          .object({
            reason: flowReason.describe('Why they were not randomised, e.g. "Did not meet inclusion criteria", "Declined to participate"'),
            n: z.number().int().min(0).describe('Patients excluded for this reason'),
          })
          .strict(),
      )
      .optional()
      .describe('Patients assessed but not randomised, by reason (CONSORT: excluded)'),
    withdrawalReasons: z
      .record(
        z.string().min(1),
        z
          .object({
            kind: z.enum(['lost-to-follow-up', 'discontinued']).describe('"lost-to-follow-up": left the study; "discontinued": stopped the intervention (CONSORT follow-up box)'),
            label: flowReason.optional().describe('The reason as the report says it; defaults to the value as written in the export'),
          })
          .strict(),
      )
      .optional()
      .describe('Values of the withdrawal-reason column → what they mean; when given, any other value in the column is an input error. Without it every value counts as lost to follow-up, named as written'),
    notWithdrawn: z
      .array(z.string().min(1))
      .optional()
      .describe('Values of the withdrawal-reason column that mean the patient did not withdraw (a status column\'s "Completed", "Locked"): read as an empty cell, in that column only'),
    notRandomised: flowReason
      .optional()
      .describe('Participants of the export with no arm value on any row were enrolled but never randomised (a Castor study export lists them): counted under this reason in the flow\'s "Excluded" box, not analysed and no problem; without it their rows are refused'),
    notRandomisedValues: z
      .array(z.string().min(1))
      .optional()
      .describe('Values of the arm column that mean the participant was never randomised ("Ikke randomiseret", "Screening failure"): read as an empty arm cell, in that column only, so their participants are counted under "notRandomised" (required with it), not as an arm; matched in any case and spacing'),
  })
  .strict();

export const methodSchema = z.enum(['ancova', 'welch', 'pooled-t', 'change', 'mmrm']);

/**
 * Why an alpha above 0.2 is refused: 0.95 is a confidence level typed as alpha (it gave 5%
 * intervals labelled 95%), 5 a percentage; alpha is 1 − confidence. docs/plan-trial.md "alpha".
 */
function alphaMessage(input: unknown): string {
  const head = 'an alpha of at most 0.2 (the significance level; alpha is 1 − confidence, e.g. 0.05 for 95% intervals)';
  if (typeof input !== 'number') return head;
  const percent = Number((input * 100).toFixed(6));
  if (input >= 0.8 && input < 1) return `${head}: did you mean a confidence level of ${percent}%? Then alpha is ${Number((1 - input).toFixed(6))}`;
  if (input >= 1 && input <= 50) return `${head}: did you mean ${input}%? Then alpha is ${Number((input / 100).toFixed(6))}`;
  return head;
}

export const planSchema = z
  .object({
    $schema: z.string().optional(),
    title: localized.optional(),
    columns: z
      .object({
        id: z.string().default('id'),
        arm: z.string().default('arm'),
        time: z.string().default('time'),
        covariates: z.record(z.string(), z.string()).default({}).describe('Covariate name → export column, for covariates whose column is named differently, e.g. {"age": "alder"}'),
        withdrawalReason: z
          .string()
          .min(1)
          .optional()
          .describe('Column with the reason a patient left the study (one value per patient, on any of its rows); read when present, by default from a column "withdrawal_reason" (docs/input-trial-export.md)'),
        consentWithdrawn: z
          .string()
          .min(1)
          .nullable()
          .optional()
          .describe('Column marking the patients who withdrew consent (1, a yes word or a date on any of their rows; 0, a no word or empty otherwise; other codes through "columnCodes"): every row of theirs is left out of every analysis, count and output, and the participant flow says how many withdrew. A column named for withdrawn consent that marks anybody is refused until named here, or until null says that the patients\' data collected before the withdrawal may be used (docs/plan-trial.md#consent-withdrawn)'),
      })
      .strict()
      .default({ id: 'id', arm: 'arm', time: 'time', covariates: {} }),
    layout: z.enum(['auto', 'long', 'wide']).default('auto').describe('Long: one row per patient per time; wide: <outcome>_<time> columns'),
    decimalMark: z
      .enum(['.', ','])
      .optional()
      .describe(
        'The export\'s decimal mark, when its cells do not show it: "." (English Excel: "31,000" is 31000) or "," (Danish: "1,5" is 1.5). Without it the mark is read from the cells and the separator, and a comma-separated file none of whose numbers writes a decimal is refused at its first "31,000". It decides only what the file leaves undecided: an export whose own numbers show the other mark (a ";" file\'s "31.000", a "45,5") is refused, and a single cell written with the other mark is an input error (docs/input-trial-export.md#declared-decimal-mark). Not applied to the studies sheet of hta meta (its --decimal-mark)',
      ),
    design: z.enum(['randomised', 'observational']).default('randomised').describe('"observational": registry data, analysed by propensity-score weighting (docs/observational.md)'),
    observational: observationalSchema.optional(),
    // Required for randomised plans (parsePlan checks); an observational plan maps its exposure here.
    arms: z
      .object({ intervention: z.string(), control: z.string() })
      .strict()
      .default({ intervention: '', control: '' })
      .describe('Values of the arm column for each arm (required unless "design": "observational", whose exposure levels fill it)'),
    armSource: z
      .enum(['column', 'redcap-event'])
      .optional()
      .describe(
        '"column" (default): the arm column "columns.arm" holds each row\'s arm. "redcap-event": a REDCap project randomised into REDCap arms, with no arm column: the arm is the suffix of the event name in "columns.time" ("baseline_arm_1" → "arm_1"; label export "Baseline (Arm 1: App)" → "Arm 1: App", also matched by "arm_1"), named in "arms"; the visit is the event name without it ("baseline"), so "timeLabels" maps "3_months", not "3_months_arm_1"',
      ),
    armLabels: z.object({ intervention: localized, control: localized }).strict().optional().describe('The arms\' names in the reports, by "intervention" and "control" (not by the export\'s arm values); { "en", "da" } each'),
    // docs/plan-trial.md#other-arms: a three-arm trial compared two arms at a time.
    otherArms: eachOnce(
      z.array(
        z.union([
          z.string().min(1),
          z.object({ value: z.string().min(1).describe('The arm value as the export writes it'), label: localized.optional().describe('The arm\'s name in the report (default: the value)') }).strict(),
        ]),
      ),
      { keyOf: (a: string | { value: string }) => (typeof a === 'string' ? a : a.value), why: 'each arm is named once' },
    )
      .optional()
      .describe('Arm values of the export that this plan does not compare (the third arm of a three-arm trial): their rows are neither problems nor analysed; their patients are counted as randomised in the participant flow and named in the methods. A value or { "value", "label" }'),
    baseline: z.string().default('baseline').describe('Time label of the baseline visit'),
    timepoints: eachOnce(z.array(z.string()), { why: 'each visit is analysed once' }).describe('Follow-up time labels to analyse, in order (analyze needs at least one)'),
    timeLabels: z.record(z.string(), z.string()).default({}).describe('Maps time values in the export to the plan labels'),
    allTimepoints: eachOnce(z.array(z.string())).optional().describe('Every visit in the export, in order (defaults to baseline + timepoints)'),
    ignoreTimepoints: eachOnce(z.array(z.string()))
      .optional()
      .describe('Visits of a long export to read past (an unscheduled visit): the export value ("6_weeks_arm_1") or its label in "timeLabels"; their rows are counted, not checked, and in no analysis (the MMRM models the plan\'s visits only). Not a visit of "timepoints" or "allTimepoints"; refused with a wide export, whose visit columns the plan does not name are not read'),
    derivedRows: z.literal('leave-out')
      .optional()
      .describe('CDISC ADaM\'s derived records (a value in the export\'s "DTYPE" column: LOCF, WOCF, BOCF…, imputed for a missed visit): "leave-out" reads past them, so the visits they filled are missing in every analysis. Without it an export whose "DTYPE" marks rows is refused; records summarising others (AVERAGE, MINIMUM, MAXIMUM) are refused either way (docs/plan-trial.md#adam-derived-rows)'),
    primary: z.object({ outcome: z.string(), time: z.string() }).strict().optional(),
    covariates: eachOnce(z.array(z.string()), { why: 'a covariate entered twice leaves every ANCOVA singular' }).default([]).describe('Covariate names: the export column of that name, or the one "columns.covariates" maps it to'),
    instruments: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a name of letters, digits and _, starting with a letter'), customInstrumentSchema).default({}).describe('Generic continuous instruments defined by the plan, by key'),
    missingCodes: missingCodesSchema.default([]).describe('Missing-value codes for every outcome and covariate column'),
    columnCodes: z
      .record(z.string(), z.object({ answers: answerCodesSchema.optional(), missing: missingCodesSchema.optional() }).strict())
      .default({})
      .describe('Answer and missing-value codes for single export columns (after wide columns lose their _<time> suffix)'),
    invalidRows: z.enum(['reject', 'exclude']).default('reject').describe('"reject" (default): any bad row stops the run; "exclude": rows with problems are left out and reported (as --exclude-invalid)'),
    covariateRanges: z
      .record(z.string(), z.object({ min: z.number(), max: z.number() }).strict().refine((r) => r.min <= r.max, { message: 'a "max" at least as large as "min"', path: ['max'], params: { at: 'key' } }))
      .optional()
      .describe('Plausible range per covariate; values outside are input errors. Default: age and alder 0–120 (docs/limits.md)'),
    covariateTypes: z
      .record(z.string(), z.enum(['numeric', 'categorical']))
      .optional()
      .describe('Per covariate (or subgroup or population column): "numeric" (a value that is not a number is an input error) or "categorical" (every value a level, numbers too: one indicator each in the ANCOVA). Default: numbers when most values are numbers or there are more than three different ones, else categories; a covariate of exactly three different whole numbers (1/2/3) must be declared (docs/input-trial-export.md#numbers-or-categories)'),
    // docs/plan-trial.md#stratification-factors: named as such in the methods.
    stratificationFactors: eachOnce(z.array(z.string().min(1)), { why: 'each factor is named once' })
      .optional()
      .describe('Covariates that are stratification factors of the randomisation, e.g. ["site", "stratum"]: each must be in "covariates" (the analysis adjusts for them, as EMA/CHMP/295050/2013 asks), and the methods name them as such'),
    // docs/plan-trial.md#cluster-randomised-trials: the unit of randomisation when it is not the patient.
    clusters: z
      .string()
      .min(1)
      .optional()
      .describe('Export column of the unit randomised when whole groups were (a cluster-randomised trial: "praksis_id" when practices were randomised): the ANCOVA and the unadjusted difference get cluster-robust standard errors (CR1) and t on clusters − 1 df; analyses that cannot honour the clustering (MMRM, MI, subgroups, transported effects) are not run (docs/plan-trial.md#cluster-randomised-trials)'),
    notClusters: eachOnce(z.array(z.string().min(1)), { why: 'each column is named once' })
      .optional()
      .describe('Export columns whose every value lies in one arm but that are not units of randomisation (an individually randomised trial whose therapists each treat one arm): validate and analyze then do not refuse the export as cluster-randomised (docs/plan-trial.md#cluster-randomised-trials)'),
    outcomes: z.array(outcomeSchema).min(1),
    responders: eachOnce(z.array(responderSchema), { keyOf: (r: { key: string }) => r.key, field: 'key' }).default([]),
    methods: eachOnce(z.array(methodSchema), { why: 'each method runs once' }).default(['ancova', 'welch']),
    alpha: z
      .number()
      .gt(0)
      .max(0.2, { error: (issue) => alphaMessage(issue.input) })
      .default(0.05)
      .describe('Significance level: every interval is at 1 − alpha (0.05: 95% CIs, and every label says the level); at most 0.2'),
    missing: z
      .object({
        method: z.enum(['complete-case', 'mi']).default('complete-case').describe('"mi" adds ANCOVA after multiple imputation (mi-ancova rows) for every continuous outcome'),
        m: z.number().int().min(2).max(1000).default(20).describe('Number of imputations (2 to 1,000; see docs/limits.md)'),
        imputation: z.enum(['pmm', 'norm']).default('pmm').describe('Predictive mean matching (as mice, default) or Bayesian normal linear regression'),
        seed: z.number().int().default(1),
        sensitivity: z.boolean().default(true).describe('For the primary outcome and time: complete-case ANCOVA, MMRM and MI side by side, with a tipping-point analysis'),
        auxiliary: eachOnce(z.array(z.string().min(1)), { why: 'each column is named once' })
          .optional()
          .describe('Auxiliary variables: export columns (one value per patient, read as covariates are) that predict every imputed column and are imputed when missing, but are not in the ANCOVA (docs/plan-trial.md#multiple-imputation)'),
        byArm: z.boolean().optional().describe('Impute each arm separately (the arm then no predictor: arm × everything interactions); default false (docs/plan-trial.md#multiple-imputation)'),
      })
      .strict()
      .default({ method: 'complete-case', m: 20, imputation: 'pmm', seed: 1, sensitivity: true }),
    // One analysis per column: a second of the same column (other cuts or levels) doubled its
    // interaction test and gave two result rows of one name (docs/subgroups.md).
    subgroups: eachOnce(z.array(subgroupSchema), { keyOf: (g: { column: string }) => nfc(g.column), field: 'column', why: 'one subgroup analysis per column' })
      .default([])
      .describe('Subgroup analyses with interaction tests (docs/subgroups.md)'),
    population: populationSchema.optional().describe('The target population: effects in the patients meeting every criterion, beside the trial population (docs/subgroups.md)'),
    adverseEvents: adverseEventsSchema.optional().describe('Adverse events from a REDCap repeating instrument of the export: patients with an event, a serious and a related event per arm, over the patients randomised (docs/plan-trial.md#adverse-events)'),
    flow: flowSchema.optional().describe('Enrolment numbers (assessed for eligibility, excluded with reasons) and the meaning of the withdrawal reasons, for the CONSORT participant flow (docs/plan-trial.md#participant-flow)'),
  })
  .strict();

export type Plan = z.infer<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
export type PlanOutcome = z.infer<typeof outcomeSchema>;
export type CustomInstrumentSpec = z.infer<typeof customInstrumentSchema>;
export type AnswerCodes = z.infer<typeof answerCodesSchema>;
export type MissingCodes = z.infer<typeof missingCodesSchema>;
export type PlanResponder = z.infer<typeof responderSchema>;
export type EffectMethod = z.infer<typeof methodSchema>;
export type PlanSubgroup = z.infer<typeof subgroupSchema>;
export type PlanPopulation = z.infer<typeof populationSchema>;
export type PopulationCriterion = z.infer<typeof populationCriterionSchema>;
export type PlanFlow = z.infer<typeof flowSchema>;
export type PlanAdverseEvents = z.infer<typeof adverseEventsSchema>;
export type FlowReason = z.infer<typeof flowReason>;
export type PopulationMargin = NonNullable<PlanPopulation['margins']>[number];

/** JSON Schema (draft 2020-12) of the plan, for editors and `hta plan schema`. */
export function planJsonSchema(): unknown {
  return {
    ...(z.toJSONSchema(planSchema, { io: 'input' }) as object),
    // What parsePlan checks across fields: arms for a randomised plan, the section for an observational one.
    allOf: [{ if: { properties: { design: { const: 'observational' } }, required: ['design'] }, then: { required: ['observational'] }, else: { required: ['arms'] } }],
    $id: 'https://hta.invalid/schemas/plan.schema.json',
    title: 'hta analysis plan',
  };
}

/**
 * The plan's label for a time value of the export (`timeLabels`, else the value itself). When
 * the arms come from REDCap event names, an event's visit is the name without its arm
 * (`3_months_arm_2` → `3_months`, then `timeLabels`), unless `timeLabels` names the whole event.
 */
export function planTimeOf(plan: Pick<Plan, 'timeLabels'> & Partial<Pick<Plan, 'armSource'>>, exportTime: string): string {
  // Compared after NFC, as parsePlan writes the plan's visits: `3 måneder` saved by macOS is `3 måneder`.
  const time = nfc(exportTime);
  const label = ownValue(plan.timeLabels, time) ?? ownValue(plan.timeLabels, exportTime);
  if (label !== undefined) return label;
  const event = plan.armSource === 'redcap-event' ? redcapEvent(time) : undefined;
  return event ? (ownValue(plan.timeLabels, event.visit) ?? event.visit) : time;
}

/** The export's time value for a plan label: the inverse of `planTimeOf`. */
export function exportTimeOf(plan: Pick<Plan, 'timeLabels'>, planTime: string): string {
  return Object.entries(plan.timeLabels).find(([, label]) => label === planTime)?.[0] ?? planTime;
}
