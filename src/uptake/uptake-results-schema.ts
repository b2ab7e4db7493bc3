/**
 * The shape of `hta uptake --json` (and the uptake report's results.json) as one zod schema,
 * published as JSON Schema in schemas/uptake-results.schema.json (`npm run schemas`).
 *
 * Disclosure control (docs/disclosure-control.md): every count that is hidden — a small count or
 * a complementary cell, whatever its value — and every number derived from a hidden count (rate,
 * CI, median, per-1,000, funnel limit or verdict, cost, average price) is the one string
 * "suppressed", in every table. A hidden count is never null, empty, "<5" or a number.
 */
import { z } from 'zod';
import { SUPPRESSED } from '../suppressed-marker.js';
import { EXCLUSION_KINDS, type ExclusionKind } from './published-exclusion.js';
import { GROWING_COUNTS } from './disclosure/previous-publication.js';

const marker = z.literal(SUPPRESSED).describe('Hidden by disclosure control: the same marker whatever the hidden value (docs/disclosure-control.md)');
/** A count: a whole number ≥ 0, or the marker. */
const count = z.union([z.number().int().nonnegative(), marker]);
/** A derived number: a number, null when undefined (e.g. a rate over 0 shown counts), or the marker. */
const derived = z.union([z.number(), z.null(), marker]);
/** A derived number that always exists when shown. */
const derivedNumber = z.union([z.number(), marker]);

const metricRow = z.object({
  region: z.string().describe('A region of the eligible file, or "national"'),
  period: z.string().describe('"all", "YYYY" or "YYYY-MM" (referral date)'),
  periodType: z.enum(['all', 'year', 'month']),
  dimension: z.enum(['all', 'ageBand', 'sex', 'referrer']),
  level: z.string(),
  referrals: count, activations: count,
  activationRate: derived, activationCiLower: derived, activationCiUpper: derived,
  medianDaysToActivation: derived.describe('null when fewer than `threshold` patients activated'),
  atRisk4w: count, retained4w: count, retention4w: derived, retention4wCiLower: derived, retention4wCiUpper: derived,
  atRisk12w: count, retained12w: count, retention12w: derived, retention12wCiLower: derived, retention12wCiUpper: derived,
});

/** A count of excluded rows as published: a count, the marker, a band or an open band (excluded-count.ts). */
const excludedRowsSchema = z.union([
  count,
  z.strictObject({ atLeast: z.number().int().nonnegative(), fewerThan: z.number().int().positive().optional() }),
]);

export const uptakeResultsSchema = z.object({
  exportDate: z.string(),
  rows: count.describe('Registry rows read (= the national referrals, hidden with it)'),
  threshold: z.number().int(),
  suppression: z.object({
    threshold: z.number().int().describe('Counts 1 … threshold − 1 are sensitive'),
    protectionLevel: z.number().describe('Minimum width of the interval an attacker can derive for any hidden count'),
    zerosSensitive: z.boolean(),
    method: z.literal('lp-perturbation'),
    suppressedCells: z.number().int().describe('Printed count cells shown as "suppressed" (small ones and complements alike)'),
    countCells: z.number().int(),
  }).describe('The disclosure rule applied and how many count cells it hid'),
  leftOut: z.array(z.enum(['months', 'years', 'clinics', 'ageBand', 'sex', 'referrer'])).optional()
    .describe('Breakdowns the uptake plan\'s "publish" leaves out of every output (and out of the disclosure control\'s cell model); absent when everything is published'),
  methods: z.object({}).loose(),
  metrics: z.array(metricRow),
  uptake: z.array(z.object({
    region: z.string(), year: z.number().int(), activations: count, eligible: z.number().nullable(),
    per1000: derived, ciLower: derived, ciUpper: derived, method: z.literal('wilson'),
  })),
  funnel: z.object({
    method: z.enum(['exact-binomial', 'normal']),
    overallRate: derivedNumber,
    outside95: z.array(z.string()),
    outside998: z.array(z.string()),
    verdictsSuppressed: z.number().int().nonnegative().describe('How many clinics\' positions (outside95, outside998) are suppressed: outside95 and outside998 list none of them'),
    rows: z.array(z.object({
      clinic: z.string(), region: z.string(), referrals: count, activations: count, rate: derivedNumber,
      lower95: derivedNumber, upper95: derivedNumber, lower998: derivedNumber, upper998: derivedNumber,
      outside95: z.union([z.enum(['below', 'above']), z.null(), marker]),
      outside998: z.union([z.enum(['below', 'above']), z.null(), marker]),
    })),
  }).optional().describe('The clinic funnel; absent when the uptake plan does not publish it (leftOut has "clinics")'),
  budget: z.object({
    currency: z.string(),
    priceYear: z.number().int().optional().describe("The uptake plan's priceYear: the price level of every cost; absent when the plan states none"),
    mode: z.enum(['all-units', 'marginal']),
    volumeScope: z.string(),
    years: z.array(z.number().int()),
    observed: z.array(z.object({
      region: z.string(), year: z.number().int(), activations: count, cost: derivedNumber,
      averagePrice: derived.describe('null when no activations (shown as 0)'), partialYear: z.boolean(),
    })),
    projection: z.array(z.object({}).loose()).describe('Scenario projections (no registry counts)'),
    sensitivity: z.array(z.object({}).loose()).describe('One-way sensitivity (no registry counts)'),
  }),
  eligibleFill: z.object({}).loose().optional(),
  excluded: z.strictObject({
    rows: excludedRowsSchema.describe('Registry rows left out as invalid: a band as wide as the threshold ({ "atLeast": 5, "fewerThan": 10 }), open ({ "atLeast": 5 }) where an earlier publication\'s exact count would narrow it, the marker when from 1 to threshold − 1, 0 when none; an exact count only at threshold 1 (or from hta before 3 December 2026)'),
    kinds: z.array(z.enum(EXCLUSION_KINDS as [ExclusionKind, ...ExclusionKind[]])).describe('The registry columns the problems concern ("other": e.g. a row of the wrong length), each only when at least threshold rows have it; no values, lines or counts per kind'),
  }).optional().describe('Present when invalid rows are excluded (docs/disclosure-control.md "Excluded rows")'),
  dateFormatDetected: z.string().optional(),
  totalName: z.string().optional().describe('Present when the plan names the total over the eligible file\'s units ("totalName"): what the text, page and charts call the total ("national" here) in place of "Whole country"'),
  firstPublication: z.literal(true).optional().describe('Present when the run was declared the first publication of the registry (--first-publication): a later run naming this file knows no earlier one is missing (docs/disclosure-control.md "A link made without --previous")'),
  previous: z.strictObject({
    exportDate: z.string().describe('The latest export date among the earlier publications'),
    publications: z.array(z.strictObject({
      exportDate: z.string().describe('The export date its counts were printed as of'),
      metrics: z.array(z.strictObject({
        region: z.string(), period: z.string(), dimension: z.string(), level: z.string(),
        // The counts a later publication may only raise, listed once (previous-publication.ts).
        ...Object.fromEntries(GROWING_COUNTS.map((c) => [c, z.number().int().min(0).optional()])),
      })).describe('Metric rows with the counts it printed as numbers (hidden ones left out)'),
      activationYears: z.array(z.strictObject({ region: z.string(), year: z.number().int(), activations: z.number().int().min(0) })),
      clinics: z.array(z.strictObject({ region: z.string(), clinic: z.string(), referrals: z.number().int().min(0).optional(), activations: z.number().int().min(0).optional() })),
      excludedRows: excludedRowsSchema.optional().describe('Its count of excluded registry rows as it printed it (an exact count from hta before 3 December 2026), carried so that a later band is compared with it too'),
    })).describe('Every earlier publication this one was protected against, oldest first, with the counts it printed (those named with --previous and those they carried): a later publication naming this one takes them all as known'),
    changed: z.strictObject({
      periods: z.array(z.strictObject({ region: z.string(), period: z.string() })).describe('Region × referral period: every count of it, at every level, hidden here'),
      activationYears: z.array(z.strictObject({ region: z.string(), year: z.number().int() })).describe('Region × activation year: its activations hidden here'),
      clinicRegions: z.array(z.string()).describe('Regions whose clinics\' counts are all hidden here'),
      addedRegions: z.array(z.string()).optional().describe('Present when regions printed here had no row in an earlier publication (added since) and the whole country\'s counts changed: its closed periods hold their counts now (docs/disclosure-control.md "A region added since")'),
      addedSince: z.array(z.strictObject({ region: z.string(), since: z.string() })).optional().describe('With addedRegions, for each region whose date is known: the latest earlier export date of which the chain had no row of it, so that a later publication tells which changes of the whole country it explains (docs/disclosure-control.md "A region added since")'),
    }).optional().describe('Present when counts an earlier publication printed changed where they cannot grow (a closed period\'s late registration or correction) or fell (a row removed): their counts are hidden whatever their value, and the audit does not equate them with the earlier prints (docs/disclosure-control.md "Changed since an earlier publication")'),
    clinicMerges: z.array(z.strictObject({ region: z.string(), from: z.string(), into: z.string() })).optional()
      .describe('Present when clinic merges applied — declared by the uptake plan (clinicMerges) or applied by an earlier publication named with --previous (its previous.clinicMerges): the earlier counts of `from` were added to those of `into` (same region), and the two compared with `into` now (docs/disclosure-control.md "Changed since an earlier publication")'),
    unchained: z.array(z.string()).optional()
      .describe('Present when the earliest publication known (these export dates) was made without --previous though it printed referrals before its export month: publications before it, if any, were not known to this one (docs/disclosure-control.md "A link made without --previous")'),
  }).optional()
    .describe('Present when earlier publications were given (--previous): their printed counts were known constants of the suppression (docs/disclosure-control.md "Publishing again")'),
  registryEncoding: z.object({ encoding: z.enum(['windows-1252', 'utf-16le', 'utf-16be']), characters: z.array(z.string()) }).optional()
    .describe('Present when the registry was not UTF-8: the encoding it was read in; `characters` is always empty (the characters seen may come from a column hta never reads, such as a free-text remark: stderr alone shows them, to the analyst)'),
  clinicCaseMerged: z.strictObject({ names: z.number().int(), clinics: z.number().int() }).optional()
    .describe('Present when clinic names differing only in upper/lower case, in æ/ø/å written ae/oe/aa, or (all-digit codes) in leading zeros were counted as one clinic: how many names became how many clinics (no names)'),
  eligibleTotalRows: z.number().int().optional().describe('Present when total rows (equal to the sum of the regions) were left out of the eligible file: how many'),
  ageBands: z.strictObject({
    kind: z.enum(['standard', 'own']).describe('"standard": each of the export\'s bands lies inside one standard band (<18, 18-29, 30-44, 45-59, 60-74, 75+), which the equity table shows; "own": the equity table shows the export\'s own bands'),
    bands: z.array(z.string()).describe('The equity table\'s age bands, in order'),
  }).optional().describe('Present when the registry gave age bands instead of ages (docs/input-registry.md "Age bands")'),
  ageBandsWithheld: z.strictObject({
    asOf: z.string().describe('The export date of the earlier publication (--previous) whose age bands differ'),
    earlier: z.array(z.string()).describe('Its age bands, in order'),
    now: z.array(z.string()).describe('This export\'s age bands, in order'),
  }).optional().describe('Present when the plan publishes the breakdown by age band but it is withheld: its bands cut ages differently from an earlier publication\'s, and the two tables together would count the patients added since (docs/disclosure-control.md "Age bands cut differently")'),
}).describe('hta uptake --json. Every hidden count and everything derived from one is the string "suppressed" (docs/disclosure-control.md).');

/** JSON Schema (draft 2020-12) of `hta uptake --json`; committed as schemas/uptake-results.schema.json. */
export function uptakeResultsJsonSchema(): unknown {
  return {
    ...(z.toJSONSchema(uptakeResultsSchema) as object),
    $id: 'https://hta.invalid/schemas/uptake-results.schema.json',
    title: 'hta uptake results',
  };
}
