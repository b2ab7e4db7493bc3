/**
 * `hta uptake`'s analysis: from the registry's aggregate (read by the SQL engine, run-uptake.ts),
 * the denominators and the plan, compute the metric tables, uptake per eligible, the clinic
 * funnel and the budget impact, then apply small-cell suppression to everything
 * patient-derived. The result is what every output (JSON, CSV, tables, charts) may show; it
 * never holds a patient id.
 *
 *   registry.csv ──SQL──► aggregate ─► metrics ──────────┐
 *   eligible.csv ─────────────────────► uptake per 1,000 ─┤
 *                          clinics ───► funnel ───────────┼─► suppression ─► UptakeAnalysis
 *   plan ─────────────────────────────► budget impact ────┘   (projection and sensitivity are
 *                                                               built from eligible × shares, not patients)
 */
import type { MergedClinic } from './clinic-names.js';
import type { UptakeAggregate } from './aggregate.js';
import { budgetImpact, type ProjectionRow, type SensitivityRow } from './budget-impact.js';
import { clinicFunnel, clinicLabeller, type FunnelMethod } from './clinic-funnel.js';
import type { ExclusionDetail, PublishedExclusion } from './published-exclusion.js';
import type { RegistryEncoding } from './registry-encoding.js';
import type { DateFormat } from './registry-dates.js';
import {
  SUPPRESSED, suppressUptakeOutputs, type Masked, type SuppressionSummary,
  type SuppressedClinicRow, type SuppressedMetricRow, type SuppressedObservedCostRow, type SuppressedUptakeRateRow,
} from './suppression.js';
import { regionsOfEligible, uptakePerEligible, type EligibleRow, type FilledCell } from './uptake-per-eligible.js';
import { completeZeroRows, hiddenCellsOf, vanishedRows, withVanishedRows } from './zero-rows.js';
import { METRIC_COUNTS } from './disclosure/cell-model.js';
import { disclosureRuleOf } from './plan-rules.js';
import { HtaError } from '../errors.js';
import { ageBandClash, type AgeBandClash } from './disclosure/age-band-schemes.js';
import { carriedExcluded } from './disclosure/excluded-count.js';
import { type RespelledClinic, addedRegions, addedRegionsSince, carriedPublications, changedSinceOf, changedUnit, type ClinicMerge, isSmallCount, type AbsentCategory, type CarriedPublication, type ChangedSince, type PreviousPublication } from './disclosure/previous-publication.js';
import type { DisclosureRule } from './disclosure/disclosure-rule.js';
import { leftOutOf, publicationOf, type LeftOut, type UptakePlan } from './uptake-plan.js';
import { otherCutRows, otherCutShape, sameExtractDifference } from './other-cuts.js';
import { otherScopeRefusal, regionsOfPublication } from './disclosure/cut-scope.js';
import { unchainedBefore } from './disclosure/unchained-publication.js';
import type { RespelledRegion } from './disclosure/region-spellings.js';
import { readEarlier } from './disclosure/earlier-as-read.js';
import { regionsIn } from './regions.js';

export interface UptakeAnalysis {
  exportDate: string;
  /** Registry rows read (= the national referrals cell, hidden with it). */
  rows: Masked;
  threshold: number;
  /** The disclosure rule applied and how many count cells it hid (docs/disclosure-control.md). */
  suppression: SuppressionSummary;
  /**
   * Present when the plan's `publish` leaves breakdowns out: which ones. They are in no output
   * and not in the cell model the suppression protects (docs/plan-uptake.md).
   */
  leftOut?: LeftOut[];
  methods: {
    activationCi: 'wilson';
    uptakeCi: 'wilson';
    confLevel: 0.95;
    funnel: FunnelMethod;
    cohort: 'referral-month';
    uptakeAndCost: 'activation-year';
    retention: string;
  };
  metrics: SuppressedMetricRow[];
  uptake: SuppressedUptakeRateRow[];
  /** Absent when the plan does not publish the clinic funnel (`leftOut` has "clinics"). */
  funnel?: {
    method: FunnelMethod;
    overallRate: Masked;
    outside95: string[];
    outside998: string[];
    /** Clinics whose position (outside95) is suppressed: `outside95` lists none of them, never read as "none outside" (docs/data-contracts.md). */
    verdictsSuppressed: number;
    rows: SuppressedClinicRow[];
  };
  budget: {
    currency: string;
    priceYear?: number;
    mode: UptakePlan['priceModel']['mode'];
    volumeScope: UptakePlan['priceModel']['volumeScope'];
    years: number[];
    observed: SuppressedObservedCostRow[];
    projection: ProjectionRow[];
    sensitivity: SensitivityRow[];
  };
  /**
   * Present when the plan sets eligibleFill "carry-forward": every region × year the eligible
   * file lacks and the year whose count filled it (docs/plan-uptake.md).
   */
  eligibleFill?: { method: 'carry-forward'; filled: FilledCell[] };
  /**
   * Present when invalid rows are excluded (--exclude-invalid or invalidRows "exclude"): how many
   * rows were left out (the marker below the threshold) and the kinds of problem — never a value,
   * a line or a count per kind (published-exclusion.ts; the detail is `UptakeRun.excluded`).
   */
  excluded?: PublishedExclusion;
  /**
   * Present when the run was declared the first publication of the registry (`hta uptake
   * --first-publication`, without --previous): a later run naming this file knows no earlier
   * one is missing (docs/disclosure-control.md "A link made without --previous").
   */
  firstPublication?: true;
  /**
   * Present when earlier publications of the registry were given (`--previous`): the latest
   * export date among them, and the printed counts of every one (those named and those they
   * carried), each as of its export date. They were known constants of the suppression, so this
   * publication cannot be subtracted from any of them to recover a small count; carried here, a
   * later publication naming this one is protected against them all (docs/disclosure-control.md
   * "Publishing again").
   */
  previous?: { exportDate: string; publications: CarriedPublication[]; changed?: ChangedSince; clinicMerges?: (ClinicMerge & { region: string })[]; unchained?: string[] };
  /** Present when the plan names the total over its units (`totalName`): what the outputs call it in place of "Whole country". */
  totalName?: string;
  /** Present when the plan's dateFormat is "auto": the format the registry's dates were read in. */
  dateFormatDetected?: DateFormat;
  /**
   * Present when the registry was not UTF-8: the encoding it was read in (Windows-1252, or UTF-16
   * by its byte-order mark) and its non-ASCII characters (docs/input-registry.md "Encodings").
   */
  registryEncoding?: RegistryEncoding;
  /**
   * Present when clinic names differing only in case were counted as one clinic (clinic-names.ts):
   * how many names, and how many clinics they became — counts only, never a name (the names go
   * to stderr: `UptakeRun.clinicSpellings`).
   */
  clinicCaseMerged?: { names: number; clinics: number };
  /** Present when total rows equal to the sum were left out of the eligible file: how many (their lines go to stderr). */
  eligibleTotalRows?: number;
  /**
   * Present when the registry's age column held age bands (`50-59 år`): whether they were counted
   * in the standard bands (each inside one) or the equity table shows the export's own bands,
   * which then are listed (docs/input-registry.md "Age bands").
   */
  ageBands?: { kind: 'standard' | 'own'; bands: string[] };
  /**
   * Present when the plan publishes the breakdown by age band but it was withheld: its bands cut
   * ages differently from an earlier publication's (`asOf`), and the two tables read together
   * would count the patients added since in the ages where they meet
   * (disclosure/age-band-schemes.ts; docs/disclosure-control.md "Age bands cut differently").
   */
  ageBandsWithheld?: AgeBandClash;
}

/** The analysis and, for the audit only (never printed in outputs), the raw information loss. */
export interface UptakeRun {
  analysis: UptakeAnalysis;
  loss: { hiddenCount: number; totalCount: number };
  /** How a registry that was not UTF-8 was read, with the characters seen: for stderr only (the analysis publishes the encoding alone). */
  registryEncoding?: RegistryEncoding;
  /** Clinic names that differ only in case, counted as one clinic (clinic-names.ts); for a note. */
  clinicSpellings?: MergedClinic[];
  /** The excluded rows' problems with lines and values: for stderr and --excluded-out only, never published. */
  excluded?: ExclusionDetail;
  /** Clinics, levels and regions of earlier publications absent now (previous-publication.ts `absentCategories`): for a note on stderr. */
  absent?: readonly AbsentCategory[];
  /** Earlier clinic spellings compared with a clinic now spelled otherwise only by case or blanks (previous-publication.ts `foldClinicSpellings`): for a note on stderr. */
  respelled?: readonly RespelledClinic[];
  /** Earlier region spellings compared with a region now spelled otherwise (region-spellings.ts): for a note on stderr. */
  respelledRegions?: readonly RespelledRegion[];
}

/** Pure part: from an aggregate, the denominators and the plan. */
export function uptakeRunFromAggregate(
  agg: UptakeAggregate,
  eligible: readonly EligibleRow[],
  plan: UptakePlan,
  funnelMethod: FunnelMethod = 'exact-binomial',
  previous?: PreviousPublication,
): UptakeRun {
  const rule = disclosureRuleOf(plan);
  // The same export date is accepted: another cut of this extract published before (a monthly
  // dashboard, then a yearly equity page), whose counts this one must not be combined with
  // (docs/disclosure-control.md "Publishing again").
  if (previous && previous.exportDate > agg.exportDate) {
    throw new HtaError('usage.invalid', `--previous ${previous.file}: its export date ${previous.exportDate} is after this export's ${agg.exportDate}; give the results.json of earlier publications of this registry (of earlier exports, or other cuts of this export)`);
  }
  const differs = previous && sameExtractDifference(previous, agg.exportDate, agg);
  if (differs) {
    // Another scope (a region's own publication beside the national one, cut-scope.ts): its
    // "national" rows are another total, not another extract; said so, with what can be done.
    const theirs = regionsOfPublication({ metrics: previous.counts.filter((c) => c.asOf === agg.exportDate) });
    const mine = regionsOfPublication(agg);
    if (theirs.join('|') !== mine.join('|')) throw otherScopeRefusal(previous.file, agg.exportDate, theirs, mine);
    throw new HtaError('usage.invalid', `--previous ${previous.file}: it has this export's date (${agg.exportDate}) but other counts (${differs}): it is another extract, not another cut of this one, and the two read together would give away the rows that differ; give this export its own, later export date ("exportDate" in the uptake plan)`);
  }
  // What the plan does not publish never enters the cell model: its small cells then cannot
  // force the published totals to be hidden, and no output can print it.
  const pub = publicationOf(plan);
  // With zeros sensitive, a row absent for want of patients would say its zero (zero-rows.ts);
  // another cut of the extract printed them too.
  const everyRow = rule.zerosSensitive ? completeZeroRows(agg.metrics, regionsOfEligible(eligible), agg.exportDate) : agg.metrics;
  const published = everyRow.filter((r) =>
    (pub.months || r.periodType !== 'month') && (pub.years || r.periodType !== 'year') && (r.dimension === 'all' || pub.equity.includes(r.dimension)));
  // An age-band table cut differently from an earlier publication's is withheld: the two read
  // together give the patients added since in the ages where their bands meet (age-band-schemes.ts).
  const ageBandClashed = previous && pub.equity.includes('ageBand')
    ? ageBandClash([...previous.counts, ...(previous.hidden ?? [])], published.filter((r) => r.dimension === 'ageBand').map((r) => r.level))
    : undefined;
  const metrics = ageBandClashed ? published.filter((r) => r.dimension !== 'ageBand') : published;
  const leftOut = leftOutOf(pub);
  // Only the years the export observes: a year after the export date has no activation by
  // definition, and "0 per 1,000" there would read as no uptake (docs/plan-uptake.md). Left out
  // before the cell model, they constrain nothing (they were structural zeros there).
  const exportYear = Number(agg.exportDate.slice(0, 4));
  const uptake = uptakePerEligible(agg.activationsByYear, eligible).filter((u) => u.year <= exportYear);
  const anyClinic = agg.clinics.some((c) => c.referrals > 0);
  // An earlier publication of this same export (another cut of the extract): what it printed and
  // this one does not is modelled too, unprinted, so that the two read together pin nothing.
  const shape = otherCutShape(previous, agg.exportDate);
  // The clinic funnel, computed once: for this publication, or for the other cut's clinics.
  const allClinics = anyClinic && (pub.clinics || shape) ? clinicFunnel(agg.clinics, funnelMethod) : undefined;
  const funnel = pub.clinics ? allClinics : undefined;
  const budget = budgetImpact({ plan, activationsByYear: agg.activationsByYear, eligible, exportDate: agg.exportDate });
  const otherCuts = shape && otherCutRows(shape, { metrics: everyRow, clinics: allClinics?.rows ?? [] }, { metrics, clinics: funnel?.rows ?? [] });
  // Earlier region and clinic names read as this export's, and the clinic merges the plan declares
  // and those earlier publications applied (earlier-as-read.ts); results.json records the merges for the audit.
  const carried = previous && protectable(previous, rule);
  // The earliest publication known was made without --previous (unchained-publication.ts): said
  // on the page and carried on, so a later file naming this one still says so. Not another cut of
  // this extract (its date is this one's: the run's own lack of a chain, said on stderr).
  const unchained = [...new Set(unchainedBefore(previous?.unchained, agg.exportDate).map((u) => u.exportDate))];
  const regionsNow = regionsIn(metrics);
  const read = carried && readEarlier(carried, { regions: regionsNow, clinics: funnel?.rows ?? [] }, plan.clinicMerges ?? [], { theirsToo: true });
  const s = suppressWith(previous, () => suppressUptakeOutputs({ metrics, uptake, clinics: funnel?.rows ?? [], observed: budget.observed, exportDate: agg.exportDate, priceVolumeScope: plan.priceModel.volumeScope, ...(read ? { previous: read.previous } : {}), ...(otherCuts ? { otherCuts } : {}) }, rule));
  // Rows of a changed unit an earlier publication printed that this one lacks stay printed, hidden:
  // with zeros shown a missing row says 0, and with it the removed patients' month, age band and
  // referrer (zero-rows.ts `vanishedRows`; docs/disclosure-control.md "Changed since an earlier publication").
  const earlierRows = read ? [...read.previous.counts, ...(read.previous.hidden ?? [])].flatMap((c) => (c.kind === 'metric' && s.changed.has(changedUnit(c)) ? [c] : [])) : [];
  const vanished = vanishedRows(earlierRows, s.metrics);
  const metricsOut = withVanishedRows(s.metrics, vanished, regionsOfEligible(eligible));
  const kept = metricsOut.filter((m) => !s.metrics.includes(m));
  const summary = kept.length === 0 ? s.summary : { ...s.summary, suppressedCells: s.summary.suppressedCells + hiddenCellsOf(kept), countCells: s.summary.countCells + kept.length * METRIC_COUNTS.length };
  const label = clinicLabeller(agg.clinics);
  const national = s.metrics.find((m) => m.region === 'national' && m.period === 'all' && m.dimension === 'all');
  const analysis: UptakeAnalysis = {
    exportDate: agg.exportDate,
    // The rows read are the national referrals: shown exactly when that cell is.
    rows: national?.referrals ?? agg.rows,
    threshold: rule.threshold,
    ...(plan.totalName ? { totalName: plan.totalName } : {}),
    suppression: summary,
    ...(leftOut.length > 0 ? { leftOut } : {}),
    ...(ageBandClashed ? { ageBandsWithheld: ageBandClashed } : {}),
    methods: {
      activationCi: 'wilson', uptakeCi: 'wilson', confLevel: 0.95, funnel: funnelMethod,
      cohort: 'referral-month', uptakeAndCost: 'activation-year',
      retention: 'retained at 4/12 weeks: last_active − activated ≥ 28/84 days; at risk: activated ≤ export date − 28/84 days',
    },
    metrics: metricsOut,
    uptake: s.uptake,
    ...(pub.clinics ? {
      funnel: {
        method: funnelMethod,
        overallRate: typeof national?.activationRate === 'number' && funnel ? funnel.overallRate : SUPPRESSED,
        // Only clinics whose rate is shown are listed (see suppressUptakeOutputs).
        outside95: s.clinics.filter((c) => c.outside95 === 'above' || c.outside95 === 'below').map(label).sort(),
        outside998: s.clinics.filter((c) => c.outside998 === 'above' || c.outside998 === 'below').map(label).sort(),
        verdictsSuppressed: s.clinics.filter((c) => c.outside95 === SUPPRESSED).length,
        rows: s.clinics,
      },
    } : {}),
    budget: { ...budget, observed: s.observed },
    // Every count printed before that is publishable under this rule: the chain goes on. A small
    // one (a draft's, a lower threshold's) is not printed again; a note names how many were left
    // out (previous-publication.ts `smallCountsNote`).
    // Periods whose counts changed since an earlier publication where they cannot grow (all their
    // counts hidden here): the audit must not equate them with the earlier prints.
    ...(previous ? { previous: { exportDate: previous.exportDate, publications: carriedPublications(carried!), ...(s.changed.size > 0 ? { changed: changedSinceOf(s.changed, read ? addedRegions(read.previous, regionsNow) : [], read ? addedRegionsSince(read.previous, regionsNow) : undefined) } : {}), ...(read && read.appliedMerges.length > 0 ? { clinicMerges: read.appliedMerges } : {}), ...(unchained.length > 0 ? { unchained } : {}) } } : {}),
  };
  return { analysis, loss: s.loss, ...(s.absent.length > 0 ? { absent: s.absent } : {}), ...(read && read.respelledClinics.length > 0 ? { respelled: read.respelledClinics } : {}), ...(read && read.respelledRegions.length > 0 ? { respelledRegions: read.respelledRegions } : {}) };
}

/**
 * An earlier publication's counts, less those that are themselves small under this rule (printed
 * under a lower threshold, say): they are disclosed already, and held fixed they would leave the
 * same small count here nothing to move (the audit, given them all, reports it). Its count of
 * excluded rows likewise: a small one is carried as "suppressed" or not at all (excluded-count.ts
 * `carriedExcluded`), never printed again. (The band this run publishes is still set against
 * every earlier form as printed: run-uptake.ts reads the unfiltered `previous.excluded`.)
 */
function protectable(previous: PreviousPublication, rule: DisclosureRule): PreviousPublication {
  const excluded = previous.excluded?.flatMap((e) => {
    const rows = carriedExcluded(e.rows, rule.threshold);
    return rows === undefined ? [] : [{ ...e, rows }];
  });
  return { ...previous, counts: previous.counts.filter((c) => !isSmallCount(c.value, rule)), ...(excluded ? { excluded } : {}) };
}

/**
 * The suppression, with a clear error where an earlier publication's known counts leave a small
 * count no room to move (docs/disclosure-control.md "Publishing again": the two publications
 * together then already pin it). Both are exit 2, nothing written: the remedy is the input, a
 * plan publishing less (docs/data-contracts.md "Exit codes": 1 is for rows reported failed).
 */
export function suppressWith<T>(previous: PreviousPublication | undefined, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (!(err instanceof Error) || !err.message.startsWith('secondary suppression')) throw err;
    // Without an earlier publication the model itself leaves a small count no room: a reader
    // could pin it from this publication alone, so nothing is published (never a stack trace).
    if (!previous) throw new HtaError('plan.invalid', `no safe publication: some small count cannot be protected by hiding, whatever is hidden (${err.message}); publish less (the uptake plan's "publish", docs/plan-uptake.md "What is published"), and please report it: the suppression should always find a pattern`);
    throw new HtaError('plan.invalid', `with --previous ${previous.file}, some small count cannot be protected: the earlier publication's counts pin it (${err.message}); publish less (docs/plan-uptake.md "What is published") or check that it is an earlier publication of this registry`);
  }
}

// Reading the files and running the analysis (`runUptake`, `analyseUptake`) live in
// run-uptake.ts, which loads this module only while the SQL engine reads the registry.
export { analyseUptake, runUptake, type UptakeInput } from './run-uptake.js';
