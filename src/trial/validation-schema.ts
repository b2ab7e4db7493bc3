/**
 * The shape of `hta validate --json`, valid or not, as one zod schema that gives the published
 * JSON Schema (`hta plan schema --validation`, schemas/validation.schema.json). The recode and
 * exclusion blocks are shared with `hta analyze --json` (its `input` block).
 */
import { z } from 'zod';

/** An arm of the export the plan does not compare (docs/plan-trial.md#other-arms), as `hta analyze --json` and `hta validate --json` list it. */
export const otherArmSchema = z.object({
  value: z.string().describe('The arm value as the plan names it'),
  label: z.object({ en: z.string(), da: z.string() }).describe("The arm's name in the report: the plan's label, else the value"),
  patients: z.number().int().describe('Patients randomised to this arm (distinct ids with a row of it): not analysed'),
});

export const problemGroupSchema = z.object({
  file: z.string().describe('The file by its last name, a CPR-shaped number in it masked (DDMMYY-XXXX)'),
  field: z.string().optional().describe('Column name, when every problem of the group concerns one column'),
  fields: z.array(z.string()).optional().describe('The columns, when the problems of the group concern several (one outcome at each visit of a wide export); "field" is then absent'),
  column: z.number().int().optional(),
  expected: z.string(),
  hint: z.string().optional().describe('A near-miss suggestion, e.g. did you mean "Selfback"?'),
  count: z.number().int().describe('How many problems the group holds'),
  lines: z.array(z.tuple([z.number().int(), z.number().int()])).describe('Lines as inclusive ranges'),
  values: z.array(z.string()).describe('The first few distinct values found (never a patient id)'),
  details: z
    .array(z.object({ line: z.number().int(), detail: z.string() }))
    .optional()
    .describe("Each problem's own part of the message (which other line it repeats), by line: the first 20 of the group"),
});

export const recodeCountSchema = z.object({
  column: z.string().describe('Export column (wide exports: without the _<time> suffix)'),
  code: z.string().describe('The code as written in the plan'),
  to: z.number().nullable().describe('What the code stands for; null = missing (or not applicable, with notApplicable)'),
  notApplicable: z.literal(true).optional().describe('The code is one of the outcome\'s "notApplicableCodes": the outcome does not apply to the patient at that visit (not missing)'),
  count: z.union([z.number().int(), z.literal('suppressed')]).describe('Cells recoded; "suppressed" in an observational run for 1 … threshold − 1 cells and the codes hidden with them (docs/observational.md "Small counts")'),
});

export const exclusionSchema = z.object({
  rows: z.number().int().describe('Rows (file lines) left out'),
  problems: z.number().int(),
  lines: z.array(z.tuple([z.number().int(), z.number().int()])),
  groups: z.array(problemGroupSchema),
  randomisedWithoutRows: z.number().int().optional().describe('Patients every row of whom was left out, their arm known: still counted as randomised (participant flow, adverse events), with no outcome value (present when any)'),
});

/** A registry's (observational plan's) excluded rows in validate's summary: a count only (docs/observational.md, "Small counts", rule 13). */
export const registryExclusionSchema = z.object({
  rows: z.union([z.number().int(), z.literal('suppressed')]).describe('Rows (file lines) left out; "suppressed" for 1 … threshold − 1. Which lines and why: stderr and --excluded-out, not this summary (a row\'s values are a patient\'s own)'),
  patients: z.union([z.number().int(), z.literal('suppressed')]).describe('Patients every row of whom was left out, in no count (a wide export\'s bad lines); "suppressed" for 1 … threshold − 1'),
});

/** A count validate prints, or (an observational plan: a registry) the marker (docs/observational.md, "Small counts", rule 14). */
const validatedCount = (what: string) => z.union([z.number().int(), z.literal('suppressed')]).describe(`${what}; "suppressed" in an observational run when 1 … threshold − 1, or when with a count the analyses publish it would give one they hide (docs/observational.md "Small counts", rule 14)`);

const observedSchema = z.record(z.string(), z.object({ intervention: validatedCount('Patients of the arm (exposure group) with a value'), control: validatedCount('Patients of the arm (exposure group) with a value') }));

export const validationResultSchema = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true),
    file: z.string().describe('The export by its last name, a CPR-shaped number in it masked (DDMMYY-XXXX), as analyze --json names it'),
    layout: z.enum(['long', 'wide']),
    rows: validatedCount('Rows read (a wide export: patient-visits)'),
    patients: z.object({ intervention: validatedCount('Patients of the arm (exposure group)'), control: validatedCount('Patients of the arm (exposure group)') }),
    otherArms: z
      .array(otherArmSchema.extend({ rows: z.number().int().describe('Lines of the export read as this arm, passed over') }))
      .optional()
      .describe('Arms of the export the plan does not compare ("otherArms"; present when the plan names any), as `hta analyze --json` lists them (docs/plan-trial.md#other-arms)'),
    notRandomised: z
      .object({ patients: z.number().int().describe('Participants with no arm value on any row'), rows: z.number().int().describe('Lines of the export passed over for them') })
      .optional()
      .describe('Participants enrolled but never randomised (present when the plan sets "flow.notRandomised"): not analysed (docs/plan-trial.md#participant-flow)'),
    consentWithdrawn: z
      .object({ patients: z.number().int().describe('Patients marked on any row'), rows: z.number().int().describe('Lines of the export taken out for them') })
      .optional()
      .describe('Patients who withdrew consent (present when the plan names "columns.consentWithdrawn"): their rows read by nothing else and in no analysis (docs/plan-trial.md#consent-withdrawn)'),
    ignoredVisits: z
      .object({
        rows: z.union([z.number().int(), z.literal('suppressed')]).describe('Lines of the export at those visits, read past; "suppressed" in an observational run for 1 … threshold − 1'),
        patients: z.union([z.number().int(), z.literal('suppressed')]).describe('Patients with such a line; "suppressed" in an observational run for 1 … threshold − 1 (docs/observational.md "Small counts")'),
        visits: z.array(z.string()).describe('The visits as the export writes them'),
      })
      .optional()
      .describe('Rows of visits the plan\'s "ignoreTimepoints" leaves out (an unscheduled visit of a long export; present when there were any): neither checked nor analysed, and not invalid (docs/plan-trial.md#visits-left-out)'),
    times: z.array(z.string()),
    outcomes: z.array(z.object({ key: z.string(), instrument: z.string(), from: z.enum(['items', 'score', 'profile']).describe('"profile": a score column holding EQ-5D profiles (11123) on some rows, scored with the value set'), observed: observedSchema })),
    recoded: z.array(recodeCountSchema).describe('Cells changed by answer and missing-value codes'),
    excluded: z
      .union([exclusionSchema, registryExclusionSchema])
      .nullable()
      .describe('Rows left out by --exclude-invalid, with their lines and problems; for an observational plan (a registry) the count only (docs/observational.md, "Small counts", rule 13); null when strict'),
    warnings: z.array(z.string()),
    confounders: z
      .array(
        z.object({
          name: z.string(),
          levels: z.array(z.object({ value: z.string().describe('The level; "" for the rare levels together (those with `pooled`), which are not named'), patients: z.union([z.number().int(), z.literal('suppressed')]).describe('Patients with this level; "suppressed" for 1 … threshold − 1'), pooled: z.number().int().optional().describe('The entry of the levels held by fewer patients than the suppression threshold, together and not named: how many they are') })),
        }),
      )
      .optional()
      .describe('An observational plan\'s categorical confounders and their levels (docs/observational.md, "Checking the confounders"); levels that look like one thing written two ways are said in "warnings"'),
  }),
  z.object({
    valid: z.literal(false),
    error: z.string(),
    problems: z.array(problemGroupSchema).describe('Every problem, grouped by kind'),
  }),
]);

export type ValidationResult = z.infer<typeof validationResultSchema>;

export function validationJsonSchema(): unknown {
  return {
    ...(z.toJSONSchema(validationResultSchema) as object),
    $id: 'https://hta.invalid/schemas/validation.schema.json',
    title: 'hta validate results',
  };
}
