/**
 * The uptake plan: the supplier's price model (volume tiers and how they apply), the
 * evaluation's uptake scenarios, the sensitivity ranges and the small-cell threshold.
 * One zod schema gives the TypeScript type and the JSON Schema (`uptakePlanJsonSchema`).
 *
 * Example: data/plans/uptake.plan.json.
 */
import { z } from 'zod';
import { readJsonFile, jsonProblems } from '../io/read-json.js';
import { zodShapeHint } from '../io/zod-shape.js';
import { HtaError } from '../errors.js';
import { REFERRERS, REGISTRY_COLUMNS, SEXES } from './referral.js';
import { DATE_FORMATS } from './registry-dates.js';
import { DEFAULT_PUBLICATION_THRESHOLD } from '../suppressed-marker.js';
import { eachOnce } from '../io/each-once.js';
import { prototypeKeyIssues } from '../plan/prototype-keys.js';
import { ownKeyRecords } from '../plan/own-key-records.js';

/** The equity breakdowns a plan may publish, in the order every output lists them. */
export const EQUITY_DIMENSIONS = ['ageBand', 'sex', 'referrer'] as const;
export type EquityDimension = (typeof EQUITY_DIMENSIONS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD date');
const columnName = z.string().trim().min(1, 'a column name');

/**
 * How the input files are read (docs/plan-uptake.md "Reading the files"): column names,
 * region synonyms, value synonyms, date format and window, gaps in the denominators, and what
 * to do with invalid rows. All optional: the defaults read the files described in
 * docs/input-registry.md.
 */
const inputFields = {
  columns: z
    .object({
      // `ageBand` names the age column of an export that gives age bands (`Aldersgruppe`): the
      // same column as `age`, so one of the two (docs/input-registry.md "Age bands").
      registry: z.object({
        ...(Object.fromEntries(REGISTRY_COLUMNS.map((c) => [c, columnName.optional()])) as Record<(typeof REGISTRY_COLUMNS)[number], z.ZodOptional<typeof columnName>>),
        ageBand: columnName.optional().describe('the age-band column (e.g. "Aldersgruppe": 50-59 år, 80+), read in place of an age column'),
      }).strict()
        .refine((c) => c.age === undefined || c.ageBand === undefined, { message: 'name the age column once: "age" for whole years or "ageBand" for age bands (both are read the same way), not both' })
        .optional()
        .describe('the registry file\'s name for each column, e.g. { "id": "PatientID", "referred": "Henvist" }'),
      eligible: z.object({ region: columnName.optional(), year: columnName.optional(), eligible: columnName.optional() }).strict().optional()
        .describe('the denominator file\'s name for each column'),
    })
    .strict()
    .optional(),
  regions: z
    .record(z.string().min(1), z.string().min(1))
    .optional()
    .describe('registry spellings of regions → the region as named in the eligible file, e.g. { "Region Sjælland": "Sjælland" }'),
  totalName: z
    .string()
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} .,'()/&-]{0,79}$/u, 'a name of at most 80 letters, digits, spaces and . , \' ( ) / & - starting with a letter or digit, e.g. "Region Sjælland"')
    .optional()
    .describe('what the outputs call the total over the eligible file\'s units, e.g. "Region Sjælland" when the units are its municipalities; default "Whole country" ("Hele landet"), or "Total (<region>)" with one region (docs/plan-uptake.md "Regions and the total")'),
  values: z
    .object({
      sex: z.record(z.string(), z.enum(SEXES)).optional().describe('extra sex codes, e.g. { "K": "female", "M": "male", "9": "unknown" }'),
      referrer: z.record(z.string(), z.enum(REFERRERS)).optional().describe('extra referrer codes, e.g. { "Fastlege": "gp" }; a code here wins over a built-in one'),
    })
    .strict()
    .optional(),
  dateFormat: z.enum([...DATE_FORMATS, 'auto']).optional().describe("date cells of the registry; default 'iso'. 'iso-datetime' reads the calendar date as written, ignoring the time; a date-time with a UTC offset (Z, +02, +0200, +02:00) is an instant, read on its calendar day in Danish time (Europe/Copenhagen: 2025-10-14T22:00:00Z is 15 October); 'yyyymmdd' compact dates 20240517 (SAS YYMMDDN8., Stata %tdCCYYNNDD); 'ddmonyyyy' reads SAS's 17MAY2024 and 17MAY2024:00:00:00 (DATE7./DATETIME16. 17MAY24, the two-digit year in the century inside the date window) and Stata's 17may2024 08:40:00; 'dd-mon-yyyy' and 'dd-mon-yy' Oracle's 03-JAN-2024 and 03-JAN-24 (English or Danish months, Qlik's 21-apr.-2025 too; a two-digit year in the century inside the date window); 'd. month yyyy' Qlik's Danish long date 4. marts 2025; 'dd-mm-yy' and 'dd.mm.yy' Excel's short dates 17-05-24, 'mm/dd/yy' and 'dd/mm/yy' its US and British ones 4/20/24 and 20/4/24 (the year likewise; never chosen by 'auto'); 'excel-serial' reads Excel serial day numbers (45993 = 2025-12-02); 'sas-day' SAS day numbers (days since 1960-01-01, 23513 = 2024-05-17); 'auto' refuses ambiguous day/month files"),
  dateWindow: z
    .object({ from: isoDate.optional(), to: isoDate.optional() })
    .strict()
    .optional()
    .describe('plausible dates (inclusive); default 2000-01-01 to the export date'),
  eligibleFill: z
    .enum(['none', 'carry-forward'])
    .optional()
    .describe("a region × year missing from the eligible file: 'none' (default) refuses the run; 'carry-forward' uses the nearest earlier year (else later) and lists every filled cell"),
  missingCodes: eachOnce(z.array(z.union([z.string().trim().min(1, 'a code (text) read as an empty cell'), z.number()])))
    .optional()
    .describe('texts read as an empty cell in the registry and eligible files, besides NULL, (null), NA and . (always read so); compared as written after trimming, e.g. ["-", "ukendt"]'),
  invalidRows: z
    .enum(['fail', 'exclude'])
    .optional()
    .describe("'fail' (default): any invalid registry row stops the run; 'exclude': such rows are left out and counted (as --exclude-invalid)"),
};

const share = z.number().min(0, 'a share of eligible patients ≥ 0').max(1, 'a share of eligible patients ≤ 1 (0.25 = 25%)');
const shares = z.array(share).min(1, 'shares for 1–5 years').max(5, 'shares for 1–5 years');

export const priceTierSchema = z.object({
  upTo: z.number().positive().nullable().describe('upper bound (inclusive) of the annual volume band; null for the open last band'),
  price: z.number().nonnegative().describe('price per activated patient in the band'),
});

export const uptakePlanSchema = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as DKK').default('DKK'),
    // The tiers' price level: said with the budget, and checked by a cost-effectiveness plan that
    // reads the tiers (docs/plan-cea.md, interventionCost), which has a price year of its own.
    priceYear: z
      .number().int().min(1990).max(2100)
      .optional()
      .describe('the year whose price level the tiers are in (e.g. 2024); a cost-effectiveness plan reading the tiers (interventionCost.uptakePlan) must have the same priceYear'),
    priceModel: z.object({
      mode: z.enum(['all-units', 'marginal']).describe("'all-units': the band reached prices every unit; 'marginal': each unit at its band's price"),
      volumeScope: z
        .enum(['national', 'region'])
        .default('national')
        .describe("whose annual volume selects the band: the nation's (regions then pay the national average price) or each region's own"),
      tiers: z.array(priceTierSchema).min(1, 'at least one price band'),
    }),
    scenarios: z
      .object({ low: shares, base: shares, high: shares })
      .describe('share of eligible patients activated per year, year 1 first'),
    firstYear: z.number().int().min(2000).max(2100).describe('calendar year of scenario year 1'),
    placeholders: eachOnce(z.array(z.enum(['priceModel', 'scenarios'])))
      .optional()
      .describe("parts `hta plan init --uptake` drafted as placeholders; remove each once replaced by the supplier's price model or the evaluation's scenarios: until then every output says the budget is not real"),
    sensitivity: z
      .object({
        uptake: z.number().positive().max(1).default(0.5).describe('relative change in uptake, ± (0.5 = ±50%)'),
        price: z.number().positive().max(1).default(0.2).describe('relative change in all tier prices, ± (0.2 = ±20%)'),
      })
      .default({ uptake: 0.5, price: 0.2 }),
    // Disclosure control: docs/disclosure-control.md.
    suppression: z
      .object({
        threshold: z.number().int().min(1).max(100).default(DEFAULT_PUBLICATION_THRESHOLD).describe('counts 1 … threshold − 1 are sensitive and suppressed'),
        protectionLevel: z
          .number().int().min(1).max(1000).optional()
          .describe('minimum width of the interval an attacker can derive for a suppressed count (default: the threshold)'),
        zerosSensitive: z.boolean().default(false).describe('suppress zeros too (structural zeros never are)'),
        acknowledgeLowThreshold: z.boolean().default(false).describe('required (true) for a threshold below 3'),
      })
      .default({ threshold: DEFAULT_PUBLICATION_THRESHOLD, zerosSensitive: false, acknowledgeLowThreshold: false }),
    exportDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD date')
      .optional()
      .describe('date of the registry export (censoring of retention); default: the latest date in the export'),
    // Clinics merged into another since an earlier publication (docs/disclosure-control.md
    // "Changed since an earlier publication"): with --previous, the earlier counts of both are
    // compared with the one clinic now, instead of hiding every clinic of the region.
    clinicMerges: z
      .array(z.strictObject({
        from: z.string().min(1).describe('the clinic as an earlier publication printed it, absent from the registry now'),
        into: z.string().min(1).describe('the clinic (of the same region) that holds its rows now'),
      }))
      .optional()
      .describe('clinics merged into another since an earlier publication (--previous): their earlier counts are added to the clinic that holds their rows now'),
    // What is published at all (docs/plan-uptake.md "What is published"): a breakdown left out
    // here is in no output and not in the cell model the suppression protects, so its small
    // cells no longer force the totals to be hidden.
    publish: z
      .object({
        months: z.boolean().default(true).describe('the monthly series (metric rows per referral month; the activations-over-time chart)'),
        years: z.boolean().default(true).describe('the metric rows per referral year'),
        clinics: z.boolean().default(true).describe('the clinic funnel (each clinic\'s referrals, activations and funnel limits)'),
        equity: z.array(z.enum(EQUITY_DIMENSIONS)).default([...EQUITY_DIMENSIONS])
          .refine((d) => new Set(d).size === d.length, 'each breakdown at most once')
          .describe('the equity breakdowns to publish: any of "ageBand", "sex", "referrer" ([] for none)'),
      })
      .strict()
      .optional()
      .describe('which tables to publish (default: all); uptake per 1,000, the budget and the regions\' totals are always published'),
    ...inputFields,
  })
  .superRefine((plan, ctx) => {
    const tiers = plan.priceModel.tiers;
    tiers.forEach((t, i) => {
      const last = i === tiers.length - 1;
      if (last && t.upTo !== null) ctx.addIssue({ code: 'custom', path: ['priceModel', 'tiers', i, 'upTo'], message: 'null: the last band is open-ended' });
      if (!last && t.upTo === null) ctx.addIssue({ code: 'custom', path: ['priceModel', 'tiers', i, 'upTo'], message: 'a number: only the last band is open-ended' });
      const prev = i > 0 ? tiers[i - 1]!.upTo : 0;
      if (t.upTo !== null && prev !== null && t.upTo <= prev) {
        ctx.addIssue({ code: 'custom', path: ['priceModel', 'tiers', i, 'upTo'], message: `a bound above the previous band's ${prev}` });
      }
    });
    const w = plan.dateWindow;
    if (w?.from !== undefined && w.to !== undefined && w.from > w.to) ctx.addIssue({ code: 'custom', path: ['dateWindow', 'to'], message: `a date on or after dateWindow.from ${w.from}` });
    // Nothing can happen after the export: a later window would let activations into years the
    // page (which prints the export date) says cannot have any (docs/disclosure-control.md).
    if (plan.exportDate !== undefined && w?.to !== undefined && w.to > plan.exportDate) {
      ctx.addIssue({ code: 'custom', path: ['dateWindow', 'to'], message: `a date on or before exportDate ${plan.exportDate}: no referral, activation or last activity is later than the export (or leave dateWindow.to out: it then ends at the export date)` });
    }
    if (plan.suppression.threshold < 3 && !plan.suppression.acknowledgeLowThreshold) {
      ctx.addIssue({
        code: 'custom', path: ['suppression', 'acknowledgeLowThreshold'],
        message: `true to accept threshold ${plan.suppression.threshold}: counts from ${plan.suppression.threshold} to 4 are then published, which the usual rules forbid (the default is 5)`,
      });
    }
    if (plan.publish && plan.publish.months && !plan.publish.years) {
      // The months of a year add up to it: printing them prints the year too.
      ctx.addIssue({ code: 'custom', path: ['publish', 'months'], message: 'false when "years" is false: the monthly series adds up to the yearly rows' });
    }
    const n = plan.scenarios.base.length;
    for (const s of ['low', 'high'] as const) {
      if (plan.scenarios[s].length !== n) ctx.addIssue({ code: 'custom', path: ['scenarios', s], message: `${n} yearly shares, as many as the base scenario` });
    }
  });

export type UptakePlan = z.infer<typeof uptakePlanSchema>;
export type Scenario = keyof UptakePlan['scenarios'];
export { SCENARIOS } from './plan-rules.js';

/** A warning to print when the plan publishes counts that the usual rules hide (null: none). */
export function lowThresholdWarning(plan: UptakePlan, lang: 'en' | 'da' = 'en'): string | null {
  const k = plan.suppression.threshold;
  if (lang === 'da') return k < 3 ? `warning: diskretioneringstærskel ${k} (anerkendt i planen): tal fra ${k} til 4 offentliggøres` : null;
  return k < 3 ? `warning: suppression threshold ${k} (acknowledged in the plan): counts from ${k} to 4 are published` : null;
}

/**
 * The warning for a plan whose price model or scenarios are still plan init's placeholders: the
 * budget then computed from them is no one's (a tester found a draft's 17–57 M DKK published as
 * if real). The report's budget section says the same in its language (uptake-report.ts).
 */
export function placeholderWarning(plan: Pick<UptakePlan, 'placeholders'>, lang: 'en' | 'da' = 'en'): string | null {
  const parts = plan.placeholders ?? [];
  if (parts.length === 0) return null;
  if (lang === 'da') {
    const price = parts.length === 1 && parts[0] === 'priceModel';
    const namedDa = parts.map((p) => (p === 'priceModel' ? 'prismodel' : 'scenarier')).join(' og ');
    return `warning: planens ${namedDa} er ${price ? 'en pladsholder' : 'pladsholdere'} fra hta plan init ("placeholders" i planen): hvert budgettal er beregnet ud fra ${price ? 'den' : 'dem'}, ikke ud fra leverandørens priser eller evalueringens scenarier — erstat ${price ? 'den' : 'dem'}, og fjern "placeholders"`;
  }
  const named = parts.map((p) => (p === 'priceModel' ? 'price model' : 'scenarios')).join(' and ');
  return `warning: the plan's ${named} ${parts.length === 1 && parts[0] === 'priceModel' ? 'is a placeholder' : 'are placeholders'} drafted by hta plan init ("placeholders" in the plan): every budget figure is computed from ${parts.length === 1 && parts[0] === 'priceModel' ? 'it' : 'them'}, not from the supplier's prices or the evaluation's scenarios — replace ${parts.length === 1 && parts[0] === 'priceModel' ? 'it' : 'them'} and remove "placeholders"`;
}

/** What a run publishes: the plan's `publish`, everything by default. */
export interface Publication {
  months: boolean;
  years: boolean;
  clinics: boolean;
  equity: readonly EquityDimension[];
}

export function publicationOf(plan: Pick<UptakePlan, 'publish'>): Publication {
  const p = plan.publish;
  return { months: p?.months ?? true, years: p?.years ?? true, clinics: p?.clinics ?? true, equity: p?.equity ?? EQUITY_DIMENSIONS };
}

/** The breakdowns a publication leaves out, in a fixed order (the results' `leftOut`). */
export type LeftOut = 'months' | 'years' | 'clinics' | EquityDimension;
export function leftOutOf(p: Publication): LeftOut[] {
  return [
    ...(p.months ? [] : ['months' as const]), ...(p.years ? [] : ['years' as const]), ...(p.clinics ? [] : ['clinics' as const]),
    ...EQUITY_DIMENSIONS.filter((d) => !p.equity.includes(d)),
  ];
}

export function uptakePlanJsonSchema(): unknown {
  return z.toJSONSchema(uptakePlanSchema, { io: 'input' });
}

export function parseUptakePlan(json: unknown, file = '<uptake plan>'): UptakePlan {
  const parsed = uptakePlanSchema.safeParse(json);
  // A "__proto__" key of "values.sex"/"values.referrer" the schema would drop without a word, as in
  // the trial plan (plan/prototype-keys.ts); the maps then without a prototype (plan/own-key-records.ts).
  const protoKeys = prototypeKeyIssues(json, parsed.success ? [] : parsed.error.issues);
  if (parsed.success && !protoKeys.length) return ownKeyRecords(uptakePlanSchema, parsed.data);
  throw new HtaError('plan.invalid', `${file} is not a valid uptake plan`, jsonProblems(json, [...(parsed.success ? [] : parsed.error.issues), ...protoKeys], file, zodShapeHint(uptakePlanSchema)));
}

export function loadUptakePlanFile(file: string): UptakePlan {
  return parseUptakePlan(readJsonFile(file, 'uptake plan'), file);
}
