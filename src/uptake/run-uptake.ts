/**
 * `hta uptake` end to end, minus printing (the pipeline is drawn in uptake-analysis.ts): read
 * the denominators and the plan's regions, have the SQL engine read and aggregate the registry
 * (or read aggregate tables), then run the analysis on the aggregate.
 *
 * The analysis modules (disclosure control with its linear-program solver, funnel, budget
 * impact) are loaded while the engine reads the registry: the SQL runs on DuckDB's threads and
 * leaves this one idle, so loading them then costs no wall time (docs/limits.md).
 */
import { ctrlZNote } from '../io/ctrl-z.js';
import { scenarioYearsObserved } from './budget-impact.js';
import { HtaError, type Problem } from '../errors.js';
import { respelledRegionsNote } from './disclosure/region-spellings.js';
import { auditCommandFor } from './disclosure/refusal-text.js';
import { disclosureRuleOf } from './plan-rules.js';
import { unchainedBefore, unchainedNote } from './disclosure/unchained-publication.js';
import { absentNote, respelledNote, mergePublications, readPreviousFiles, refuseLowerThreshold, smallCountsNote, uncarriedNote, type PreviousFile, type PreviousPublication } from './disclosure/previous-publication.js';
import type { FunnelMethod } from './clinic-funnel.js';
import type { UptakeAggregate } from './aggregate.js';
import { eligibleHeaderLinesNote } from './eligible-header-lines.js';
import { DEFAULT_DATE_FROM, eligiblePivotCaptionNote, eligibleTotalsNote, eligibleWideNote, eligibleYearMarkNote, readEligibleFile, readRegistryFile } from './read-registry.js';
import { isoToDay } from './referral.js';
import { bandsText, type AgeBandsRead } from './age-bands.js';
import { nationalWords } from '../report/uptake-scope-words.js';
import { totalNameNote } from './total-name-check.js';
import { clinicFoldKey, mergeClinicSpellings, type MergedClinic } from './clinic-names.js';
import { publishedExclusion } from './published-exclusion.js';
import { regionCodesNote, regionKey, regionSet } from './regions.js';
import type { UptakeAnalysis, UptakeRun } from './uptake-analysis.js';
import { completeDenominators, regionsOfEligible } from './uptake-per-eligible.js';
import type { UptakePlan } from './uptake-plan.js';

/** What an uptake run reads: the files, the plan and the options the CLI sets. */
export interface UptakeInput {
  /** `--first-publication`: no publication of this registry came before this one (recorded in results.json). */
  firstPublication?: boolean;
  /** The language of the notes for stderr (`--lang`; docs/cli.md "Danish output"); English by default. */
  lang?: 'en' | 'da';
  /** The registry export (CSV or Parquet); or else `aggregates`. */
  registryFile?: string;
  /** Instead of a registry: aggregate tables (folders or CSV files) of sql/uptake-aggregates.sql, summed. */
  aggregates?: readonly string[];
  /** The SQL engine's memory limit ("1GB") and threads (docs/uptake-aggregates.md). */
  memoryLimit?: string;
  threads?: number;
  eligibleFile: string;
  plan: UptakePlan;
  /** For messages about the plan. */
  planFile?: string;
  funnelMethod?: FunnelMethod;
  /** Earlier publications' results.json (`--previous`; docs/disclosure-control.md "Publishing again"), merged. */
  previousFiles?: readonly string[];
  /** The same, already read (the CLI reads them once, for the audit too); used instead of `previousFiles`. */
  previousRead?: readonly PreviousFile[];
  /**
   * Reports built before this one in the same `hta report` run on the same registry (as their
   * results.json, in memory), known besides the files named (docs/disclosure-control.md "Two
   * reports of one registry in one manifest").
   */
  sameRunCuts?: readonly PreviousFile[];
  /** The manifest entry (`report "jan"`) in `hta report`'s refusal before writing (disclosure/sensitive-range.ts). */
  reportName?: string;
  /** This report's name in messages about `sameRunCuts` (`report "jan"`). */
  sameRunName?: string;
  /**
   * Where this report is listed in its manifest (file, line:column of its id), located by the
   * report kind that knows the entry: a refusal of the manifest's order points there.
   */
  sameRunPlace?: Omit<Problem, 'expected'>;
  /** Overrides the plan's invalidRows (the CLI's --exclude-invalid). */
  invalidRows?: 'fail' | 'exclude';
  /** Sees each problem of an excluded row (for --excluded-out). */
  onExcluded?: (p: Problem) => void;
}

/** The export date a results.json (as parsed) states, '' when none. */
const exportDateOf = (json: unknown): string => {
  const d = (json as { exportDate?: unknown } | null)?.exportDate;
  return typeof d === 'string' ? d : '';
};

/** Reads the files (registry streamed) and runs the analysis. Throws HtaError on bad input. */
export async function analyseUptake(input: UptakeInput): Promise<UptakeAnalysis> {
  const run = await runUptake(input);
  // The checks \`hta uptake\` runs before it writes, the same function (disclosure/prewrite-check.ts):
  // \`hta report\` publishes through here.
  const { prewriteRefusal } = await import('./disclosure/prewrite-check.js');
  const planFile = input.planFile !== undefined ? { planFile: input.planFile } : {};
  const lang = input.lang !== undefined ? { lang: input.lang } : {};
  // Named for a manifest's user, who ran no uptake command: the entry, its plan, and the audit to run.
  const place = input.reportName === undefined ? { ...planFile, ...lang } : {
    entry: input.reportName, ...planFile, ...lang,
    auditCommand: auditCommandFor(input) + (input.sameRunCuts?.length ? ` (with --previous naming the results.json of ${input.sameRunCuts.map((c) => c.file).join(', ')})` : ''),
  };
  let unchecked: string | undefined;
  const refusal = await prewriteRefusal(run, place, (text) => { unchecked = text; });
  if (refusal) throw refusal;
  // A report's analysis runs on a worker that has no way to warn (off-thread.ts): a chain the
  // audit cannot read together, written by \`hta uptake\` with a warning, is not published unread.
  if (unchecked !== undefined && input.reportName !== undefined) throw (await import('./disclosure/chain-refusal.js')).uncheckedChainRefusal(place);
  return run.analysis;
}

/** The note when the scenarios start in a year the export observed in full, in the command's language (`--lang`). */
export function observedScenarioYearsNote(firstYear: number, years: readonly number[], lang: 'en' | 'da' = 'en'): string {
  const one = years.length === 1;
  return lang === 'da'
    ? `optagsscenarierne begynder i ${firstYear}, og udtrækket dækker hele ${years.join(', ')}: budgettet viser en forventet udgift ved siden af den observerede for ${one ? 'det år' : 'de år'}, og totalen over perioden tæller scenariernes optag, hvor det faktiske optag er kendt; sæt "firstYear" efter udtrækket for et budget for de kommende år`
    : `the uptake scenarios start in ${firstYear}, and the export observed ${years.join(', ')} in full: the budget shows a projected cost beside the observed one for ${one ? 'that year' : 'those years'}, and the horizon total counts scenario uptake where the real uptake is known; set "firstYear" after the export for a budget of the years to come`;
}

/** As `analyseUptake`, with the raw information loss for the audit. */
export async function runUptake(input: UptakeInput): Promise<UptakeRun & { notes: string[]; changedNote?: string; previous?: PreviousPublication; previousRead?: readonly PreviousFile[] }> {
  const analysisModule = import('./uptake-analysis.js');
  // Not awaited until the aggregate is there; a failure to load still surfaces there.
  analysisModule.catch(() => {});
  const { plan } = input;
  const planFile = input.planFile ?? 'the uptake plan';
  // Read first: a wrong file fails before the registry is.
  const named = input.previousRead ?? (input.previousFiles?.length ? readPreviousFiles(input.previousFiles) : undefined);
  const previousRead = input.sameRunCuts?.length ? [...input.sameRunCuts, ...(named ?? [])] : named;
  // An earlier publication with a higher threshold or protection level, or zeros sensitive where
  // this run shows them: this run would print, or narrow, what it hid.
  if (previousRead?.length) refuseLowerThreshold(previousRead, disclosureRuleOf(plan), input.sameRunName ? `the uptake plan of ${input.sameRunName}` : planFile);
  const previous = previousRead?.length ? mergePublications(previousRead) : undefined;
  const invalidRows = input.invalidRows ?? plan.invalidRows ?? 'fail';
  const eligibleRead = readEligibleFile(input.eligibleFile, {
    ...(plan.columns?.eligible ? { columns: plan.columns.eligible } : {}),
    ...(plan.missingCodes ? { missingCodes: plan.missingCodes } : {}),
    invalidRows,
    // A region the plan's "regions" names is a region, whatever its counts add up to; one that
    // looks like a total row otherwise is refused below unless the registry has referrals in it.
    isRegion: (name) => Object.entries(plan.regions ?? {}).some(([from, to]) => regionKey(from) === regionKey(name) || regionKey(to) === regionKey(name)),
    unnamedTotals: 'return',
  });
  const given = eligibleRead.rows;
  // Notes for stderr about what was read: a wide eligible file, total rows left out of it, earlier publications that carry no chain.
  const notes = [regionCodesNote(input.eligibleFile, eligibleRead.codesRead, input.lang), eligiblePivotCaptionNote(input.eligibleFile, eligibleRead.pivotCaption, input.lang), eligibleWideNote(input.eligibleFile, eligibleRead.wide, input.lang), eligibleYearMarkNote(input.eligibleFile, eligibleRead.yearMarks, input.lang), eligibleHeaderLinesNote(input.eligibleFile, eligibleRead.headerLines ?? [], input.lang), eligibleTotalsNote(input.eligibleFile, eligibleRead.totals, input.lang), eligibleRead.ctrlZ === undefined ? undefined : ctrlZNote(input.eligibleFile, eligibleRead.ctrlZ, input.lang), previous && uncarriedNote(previous.uncarried, input.lang)].filter((n): n is string => typeof n === 'string');
  let regions;
  try {
    regions = regionSet(regionsOfEligible(given), plan.regions ?? {}, input.eligibleFile, eligibleRead.regionCodes);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new HtaError('plan.invalid', `${planFile} maps a region the eligible file does not have`, [{ file: planFile, field: 'regions', expected: `a synonym of a region of ${input.eligibleFile}: ${err.message}` }]);
  }
  const totalNote = totalNameNote(plan.totalName, regions.names, input.eligibleFile);
  if (totalNote) notes.push(totalNote);
  let agg: UptakeAggregate;
  let read: Awaited<ReturnType<typeof readRegistryFile>> | undefined;
  let spellings: MergedClinic[] = [];
  let ageBandsRead: AgeBandsRead | undefined;
  if (input.aggregates !== undefined) {
    const { readAggregateTables } = await import('./engine/read-aggregate-tables.js');
    const { aggregateFromTables } = await import('./engine/aggregate-tables.js');
    // The plan's date window, ending at its exportDate: how a two-digit year or a day number in export_date is read (docs/uptake-aggregates.md).
    const windowEnd = plan.dateWindow?.to ?? plan.exportDate;
    const tables = readAggregateTables(input.aggregates, regions, plan.dateFormat, { from: isoToDay(plan.dateWindow?.from ?? DEFAULT_DATE_FROM)!, to: windowEnd === undefined ? undefined : isoToDay(windowEnd) });
    spellings = mergeClinicSpellings(tables.clinics).merged;
    ageBandsRead = tables.ageBands;
    agg = aggregateFromTables(tables, regions.names);
    if (plan.exportDate !== undefined && agg.rows > 0 && agg.exportDate !== plan.exportDate) {
      throw new HtaError('input.invalid', `the aggregate tables were cut at ${agg.exportDate}, the plan's exportDate is ${plan.exportDate}`, [
        { file: planFile, field: 'exportDate', value: plan.exportDate, expected: `the export date the aggregate tables were computed with (${agg.exportDate})` },
      ]);
    }
  } else {
    if (input.registryFile === undefined) throw new HtaError('usage.invalid', 'give a registry export or --aggregates');
    read = await readRegistryFile(input.registryFile, {
      regions,
      ...(plan.exportDate !== undefined ? { exportDate: plan.exportDate } : {}),
      ...(plan.dateFormat !== undefined ? { dateFormat: plan.dateFormat } : {}),
      ...(plan.columns?.registry ? { columns: plan.columns.registry } : {}),
      // Ages are read only for the equity table by age band: a plan that does not publish it
      // may read an export without an age column (docs/input-registry.md "Age bands").
      ageNeeded: plan.publish?.equity?.includes('ageBand') ?? true,
      ...(plan.values?.sex ? { sexValues: plan.values.sex } : {}),
      ...(plan.values?.referrer ? { referrerValues: plan.values.referrer } : {}),
      ...(plan.dateWindow ? { dateWindow: plan.dateWindow } : {}),
      ...(plan.missingCodes ? { missingCodes: plan.missingCodes } : {}),
      invalidRows,
      ...(input.lang ? { lang: input.lang } : {}),
      ...(input.onExcluded ? { onExcluded: input.onExcluded } : {}),
      ...(input.memoryLimit !== undefined ? { memoryLimit: input.memoryLimit } : {}),
      ...(input.threads !== undefined ? { threads: input.threads } : {}),
    });
    agg = read.aggregate;
    ageBandsRead = read.ageBands;
    if (read.notes) notes.push(...read.notes);
  }
  // A region of the eligible file that adds up the others (a total row under an unknown name) is
  // one only if referrals are in it: a total row never has any (docs/input-registry.md "Total rows").
  const referred = new Set(agg.clinics.filter((c) => c.referrals > 0).map((c) => c.region));
  const totalsRefused = (eligibleRead.unnamedTotals ?? []).filter((t) => !referred.has(t.region)).map((t) => t.problem);
  if (totalsRefused.length > 0) throw new HtaError('input.invalid', `${input.eligibleFile} has ${totalsRefused.length} invalid value(s)`, totalsRefused);
  // DAGI codes read as regions in the registry or aggregate tables, said (regions.ts).
  const codesNote = regionCodesNote(input.registryFile ?? (input.lang === 'da' ? 'de aggregerede tabeller' : 'the aggregate tables'), regions.codesRead, input.lang);
  if (codesNote) notes.push(codesNote);
  // Every observed activation year and every scenario year needs every region's denominator.
  const horizon = plan.scenarios.base.map((_, k) => plan.firstYear + k);
  const needed = [...new Set([...agg.activationsByYear.map((a) => a.year), ...horizon])];
  const fill = plan.eligibleFill ?? 'none';
  const complete = completeDenominators(given, needed, fill);
  if (!complete.ok) {
    // Each region quoted, as a problem quotes a cell: a CPR-shaped name is then masked whole (io/cpr-number.ts maskCpr), not read as running text.
    const cells = complete.missing.map((m) => `"${m.region}" ${m.years.join(', ')}`).join('; ');
    throw new HtaError(
      'input.invalid',
      `${input.eligibleFile} lacks the eligible count for ${cells}`,
      complete.missing.map((m) => ({
        file: input.eligibleFile, field: 'region', value: m.region,
        expected: `a row for ${m.years.join(', ')} (years with observed activations or in the scenario horizon ${horizon[0]}–${horizon[horizon.length - 1]}); or set "eligibleFill": "carry-forward" in the uptake plan`,
      })),
    );
  }
  // Reports of one registry in one manifest are protected in manifest order, each against those
  // before it as against an earlier publication: one of a later export listed before this one
  // cannot be that (docs/disclosure-control.md "Two reports of one registry in one manifest").
  const laterCut = input.sameRunCuts?.find((c) => exportDateOf(c.json) > agg.exportDate);
  if (laterCut) {
    const self = input.sameRunName ?? 'this report';
    const place = input.sameRunPlace ? [{ ...input.sameRunPlace, expected: `an entry listed above ${laterCut.file}, an export of ${exportDateOf(laterCut.json)}: this report's export (${agg.exportDate}) is the earlier one, and a later export cannot be listed first` }] : [];
    throw new HtaError('usage.invalid', `${laterCut.file} is an export of ${exportDateOf(laterCut.json)}, after ${self}'s ${agg.exportDate}: the uptake reports of one registry in a manifest are published in manifest order, each protected against those before it as against an earlier publication, so a later export cannot be listed first — move ${self} above it in the manifest`, place);
  }
  const { uptakeRunFromAggregate } = await analysisModule;
  const run = uptakeRunFromAggregate(agg, complete.rows, plan, input.funnelMethod, previous);
  const analysis = run.analysis;
  const observedScenarioYears = scenarioYearsObserved(analysis.budget.years, analysis.budget.observed);
  if (observedScenarioYears.length) notes.push(observedScenarioYearsNote(plan.firstYear, observedScenarioYears, input.lang));
  // Earlier counts that are small under this rule are not carried on: said, with what to do.
  const leftOut = previous && smallCountsNote(previous, { threshold: analysis.threshold, zerosSensitive: analysis.suppression.zerosSensitive }, input.lang);
  if (leftOut) notes.push(leftOut);
  // The earliest publication known was made without --previous: earlier ones, if any, are unknown.
  const unchained = unchainedNote(unchainedBefore(previous?.unchained, analysis.exportDate), (named ?? []).map((f) => f.file), input.lang);
  if (unchained) notes.push(unchained);
  // Categories of an earlier publication absent now (a clinic merged or renamed): said with what
  // was done, names only (clinic names are not patient data; docs/disclosure-control.md "Changed since").
  if (run.respelledRegions) notes.push(respelledRegionsNote(run.respelledRegions, input.lang));
  if (run.respelled) notes.push(respelledNote(run.respelled, input.lang));
  if (run.absent) notes.push(absentNote(run.absent, input.lang));
  const withheld = analysis.ageBandsWithheld;
  if (withheld) {
    notes.push(`the breakdown by age band is not published: this export's age bands (${bandsText(withheld.now)}) cut ages differently from those the publication of ${withheld.asOf} printed (${bandsText(withheld.earlier)}), and the two tables read together would give the patients added since in the ages where their bands meet — counts that may be small. To publish it, give the age column in that publication's bands (or exact ages, if it showed the standard bands), or leave "ageBand" out of publish.equity (docs/disclosure-control.md "Age bands cut differently")`);
  }
  const applied = analysis.previous?.clinicMerges ?? [];
  const declared = (m: { from: string; into: string }) => (plan.clinicMerges ?? []).some((d) => d.from === m.from && d.into === m.into);
  const words = (list: typeof applied) => list.map((m) => `${m.from} into ${m.into} (${m.region})`).join('; ');
  // A merge of two spellings of one clinic is hta's own (earlier-as-read.ts `spellingMerges`), declared or not.
  const spelled = (m: { from: string; into: string }) => !declared(m) && clinicFoldKey(m.from) === clinicFoldKey(m.into);
  const ownApplied = applied.filter(declared), spellingApplied = applied.filter(spelled), carriedApplied = applied.filter((m) => !declared(m) && !spelled(m));
  if (ownApplied.length > 0) notes.push(`clinic merges the plan declares (clinicMerges), compared like with like — the earlier counts of both against the one clinic now: ${words(ownApplied)} (docs/disclosure-control.md "Changed since an earlier publication")`);
  if (spellingApplied.length > 0) notes.push(`clinic names an earlier publication printed apart that are one clinic now (they differ only in case, in æ, ø, å written ae, oe, aa, or in leading zeros), compared like with like — the earlier counts of both against the one clinic now: ${words(spellingApplied)} (docs/disclosure-control.md "Changed since an earlier publication")`);
  if (carriedApplied.length > 0) notes.push(`clinic merges an earlier publication applied (its previous.clinicMerges), applied again, compared like with like — the earlier counts of both against the one clinic now: ${words(carriedApplied)} (docs/disclosure-control.md "Changed since an earlier publication")`);
  const unused = (plan.clinicMerges ?? []).filter((m) => !applied.some((a) => a.from === m.from && a.into === m.into));
  if (previous && unused.length > 0) notes.push(`clinic merges the plan declares (clinicMerges) not applied: ${unused.map((m) => `${m.from} into ${m.into}`).join('; ')} — applied only where an earlier publication listed the first (its counts printed or hidden), the first is absent now and the second is there now, in the same region; otherwise a clinic gone hides its region's clinics (docs/disclosure-control.md "Changed since an earlier publication")`);
  // Closed periods changed since an earlier publication: the text summary says so on stdout; a run
  // that prints no summary (--json, --audit) says it on stderr (cli/uptake.ts).
  const changedNote = (analysis.previous?.changed && (await import('./publication-notes.js')).changedSentence(analysis.previous.changed, input.lang ?? 'en', (s) => (s === 'national' ? nationalWords(input.lang ?? 'en', analysis.totalName, analysis.metrics).object : s))) || undefined;
  if (fill === 'carry-forward') analysis.eligibleFill = { method: 'carry-forward', filled: complete.filled };
  if (read && invalidRows === 'exclude') {
    // Published: the count's band and the kinds of at least threshold rows, so that no difference
    // with an earlier publication (--previous) pins a count of 1–4; the lines and values stay with the run.
    // Every earlier publication's count: the files' own and those they carry (P1's exact count through P2).
    const earlier = (previous?.excluded ?? []).map((e) => e.rows);
    analysis.excluded = publishedExclusion(read.excluded, plan.columns?.registry ?? {}, analysis.threshold, earlier);
    run.excluded = read.excluded;
  }
  if (read && plan.dateFormat === 'auto') analysis.dateFormatDetected = read.dateFormat;
  // Published: the encoding only. The characters seen may come from columns hta never reads (a
  // patient's free-text remark: found in review), so they stay with the run, for stderr.
  if (read?.encoding) {
    analysis.registryEncoding = { encoding: read.encoding.encoding, characters: [] };
    run.registryEncoding = read.encoding;
  }
  if (ageBandsRead && !analysis.leftOut?.includes('ageBand') && !analysis.ageBandsWithheld) {
    analysis.ageBands = { kind: ageBandsRead.kind, bands: ageBandsRead.bands };
  }
  // Refused beside an earlier publication before the run, where each caller names it in its own
  // words (cli/uptake.ts, report/kinds/uptake-report.ts).
  if (input.firstPublication && !previous) analysis.firstPublication = true;
  if (read?.clinicSpellings) spellings = read.clinicSpellings;
  if (spellings.length > 0) {
    run.clinicSpellings = spellings;
    // The published note speaks of clinics; a publication without the clinic funnel has none, and
    // the note would still say that clinics with referrals were typed two ways (stderr keeps it for
    // the analyst). docs/plan-uptake.md "What is published".
    if (!analysis.leftOut?.includes('clinics')) analysis.clinicCaseMerged = { names: spellings.reduce((n, m) => n + m.spellings.length, 0), clinics: spellings.length };
  }
  if (eligibleRead.totals.length > 0) analysis.eligibleTotalRows = eligibleRead.totals.length;
  return { ...run, notes, ...(changedNote ? { changedNote } : {}), ...(previous ? { previous } : {}), ...(previousRead?.length ? { previousRead } : {}) };
}
