/**
 * The audit of a publication as it was published (`hta uptake --audit --published
 * <results.json>`; docs/disclosure-control.md, "Audit" and "Publishing again"): the attacker
 * (attacker-audit.ts) reads the file exactly as printed, with the rule it states, against every
 * earlier publication it carries and any named with `--previous`. No registry, eligible file or
 * plan: the audit must judge what readers have, not what a new run would print.
 */
import { z } from 'zod';
import { HtaError } from '../../errors.js';
import { ContradictoryNumbers } from './polytope-ranges.js';
import { jsonProblems, locateProblems, readJsonFile } from '../../io/read-json.js';
import { auditPublishedUptake, type AuditReport, type AuditRule, lossShare, type PublishedUptake, unlistedChanges } from './attacker-audit.js';
import { fillFromSameDate, mergeCuts } from '../other-cuts.js';
import { excludedRowsOf, narrowDifference } from './excluded-count.js';
import { foldRegionSpellings, respellPublished } from './region-spellings.js';
import { readEarlier } from './earlier-as-read.js';
import { regionsIn } from '../regions.js';
import { unchainedBefore, type UnchainedPublication } from './unchained-publication.js';
import { oneScope } from './cut-scope.js';
import { vanishedSinceEarlier } from './absent-rows.js';
import { GROWING_COUNTS, changedUnit, changedUnitsIn, checkDistinctFiles, clinicMergesIn, describePreviousCount, isClosed, mergePublications, smallCarriedCounts, unprotectedAbsences, type PreviousPublication, type UnprotectedAbsence } from './previous-publication.js';

const row = <T extends z.ZodRawShape>(shape: T) => z.object(shape).loose();
const schema = z.object({
  exportDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD'),
  rows: z.union([z.number().int().min(0), z.literal('suppressed')]),
  suppression: z.object({
    threshold: z.number().int().min(1),
    protectionLevel: z.number().min(0),
    zerosSensitive: z.boolean(),
  }).loose(),
  metrics: z.array(row({ region: z.string(), period: z.string(), dimension: z.string(), level: z.string() })),
  uptake: z.array(row({ region: z.string(), year: z.number().int() })),
  budget: row({ observed: z.array(row({ region: z.string(), year: z.number().int() })) }),
  funnel: row({ rows: z.array(row({ region: z.string(), clinic: z.string() })) }).optional(),
});

export interface PublishedAudit {
  audit: AuditReport;
  /** Only the share of cells: the share of the count hidden needs the hidden counts. */
  informationLoss: { cellShare: number };
  published: { file: string; exportDate: string };
  /** Files of one region read with their whole-country rows as the region's, beside a file of more regions (cut-scope.ts). */
  regionCuts?: string[];
  /** The earliest publication known, made without --previous though the registry ran before it (unchained-publication.ts). */
  unchained: UnchainedPublication[];
  /** The earlier export dates the publication was checked against, oldest first. */
  earlier: string[];
  /** Earlier publications a file was protected against but does not carry (previous-publication.ts). */
  uncarried: PreviousPublication['uncarried'];
  /** Counts the file carries (`previous.publications`) that are small under its own rule: printed again. */
  smallCarried: { cell: string; where: string }[];
  /** The --previous files of the same export date (other cuts of the extract), read with it as one publication. */
  sameExtract: string[];
  /**
   * Counts a --previous file hid, of a period closed by its date and not listed as changed here,
   * that this file prints: a reader takes the two for the same count (docs/disclosure-control.md
   * "Hidden before, hidden again").
   */
  hiddenBeforePrinted: { cell: string; where: string }[];
  /**
   * The LP attacker on each earlier --previous file with its hidden counts of settled, unchanged
   * periods read from this file where it prints them: the earlier hidden counts that become
   * narrower than its protection level (each named with the file).
   */
  earlierPinned: { file: string; cell: string; lower: number; upper: number }[];
  /** Earlier files that give a settled count of a period not listed as changed here another value: that LP is not run. */
  earlierDisagree: string[];
  /**
   * Earlier files whose count of excluded rows, with this file's, pins how many rows were
   * excluded in between to 1 … threshold − 1 (two exact counts: 8 − 6 = 2): the interval of the
   * difference (docs/disclosure-control.md "Excluded rows"; excluded-count.ts).
   */
  excludedNarrow: { file: string; where: string; lower: number; upper: number }[];
  /**
   * Clinics, levels or regions of an earlier publication that this file no longer has, though it
   * prints their table, and whose counts it does not list as changed: a merge or relabelling it
   * was not protected against (previous-publication.ts `unprotectedAbsences`).
   */
  absentUnprotected: UnprotectedAbsence[];
  /**
   * Counts this file prints of a unit (region × period, activation year, a region's clinics) an
   * earlier file listed as changed and this file does not: that file hid them, so this print less
   * its value counts patients (docs/disclosure-control.md "Changed since an earlier publication").
   */
  changedNotCarried: { cell: string; where: string; listedAsOf: string }[];
}

/**
 * The attacker's audit of `published` (a results.json, or a run's analysis as `--json` prints it)
 * as a reader holding the earlier publications reads it: `previous` read as the run that made it
 * read them (earlier-as-read.ts: its regions and clinics, the clinic merges it records), and the other cuts of the same extract (`sameExtract`: the
 * earlier publications of its export date, their region names read as its, region-spellings.ts)
 * read with it as one publication, as are the counts of that date it carries (other-cuts.ts).
 * The audit of a run (`hta uptake --audit`) and of a published file both check so.
 */
export function auditAsRead(published: PublishedUptake, rule: AuditRule, previous: PreviousPublication, sameExtract: readonly PublishedUptake[]): { audit: AuditReport; earlier: PreviousPublication };
export function auditAsRead(published: PublishedUptake, rule: AuditRule, previous: PreviousPublication | undefined, sameExtract: readonly PublishedUptake[]): { audit: AuditReport; earlier: PreviousPublication | undefined };
export function auditAsRead(published: PublishedUptake, rule: AuditRule, previous: PreviousPublication | undefined, sameExtract: readonly PublishedUptake[]): { audit: AuditReport; earlier: PreviousPublication | undefined } {
  const regionsHere = regionsIn(published.metrics.map((r) => ({ region: String(r.region) })));
  const clinicsHere = (published.funnel?.rows ?? []).map((c) => ({ region: String(c.region), clinic: String(c.clinic) }));
  const earlier = previous && readEarlier(previous, { regions: regionsHere, clinics: clinicsHere }, clinicMergesIn(published)).previous;
  const read = fillFromSameDate(mergeCuts(published, sameExtract.map((p) => respellPublished(p, regionsHere))), earlier);
  const audit = auditPublishedUptake(read, rule, earlier);
  if (!earlier) return { audit, earlier };
  // Rows of a changed period an earlier publication printed and this one leaves out: each says its
  // 0 even with zeros shown, the removed patients' level with it (absent-rows.ts `vanishedSinceEarlier`).
  const changed = new Set([...changedUnitsIn(published), ...unlistedChanges(published, earlier)]);
  const vanished = vanishedSinceEarlier(published, [...earlier.counts, ...(earlier.hidden ?? [])].flatMap((c) => (c.kind === 'metric' ? [c] : [])), changed);
  return { audit: vanished.length === 0 ? audit : { ...audit, absentRows: [...new Set([...audit.absentRows, ...vanished])].sort() }, earlier };
}

/** Where `field` (a JSON path) stands in `file`: "file:line:col (field)", as far as the text locates it. */
function whereIn(json: unknown, file: string, field: string): string {
  const at = locateProblems(json, [{ file, field, expected: '' }])[0]!;
  return `${file}${at.line !== undefined ? `:${at.line}${at.column !== undefined ? `:${at.column}` : ''}` : ''} (${field})`;
}

/** Days after a period's end from which the audit reads a cohort count as settled, tried in turn. */
const EQUATE_AFTER_DAYS = [183, 365];

/** `earlier` with each hidden count of a settled period not listed in `changed` replaced by `later`'s number for it. */
function filledFrom(earlier: PublishedUptake, later: unknown, changed: ReadonlySet<string>, printedBefore: ReadonlySet<string>, followUpDays: number): PublishedUptake {
  const j = later as { metrics?: Record<string, unknown>[] };
  const now = new Map((j.metrics ?? []).map((r) => [`${String(r.region)}|${String(r.period)}|${String(r.dimension)}|${String(r.level)}`, r]));
  const metrics = earlier.metrics.map((r) => {
    const l = now.get(`${String(r.region)}|${String(r.period)}|${String(r.dimension)}|${String(r.level)}`);
    if (!l) return r;
    const out = { ...r };
    for (const measure of GROWING_COUNTS) {
      const c = { asOf: earlier.exportDate, kind: 'metric', measure, region: String(r.region), period: String(r.period), dimension: String(r.dimension), level: String(r.level), value: 0 } as const;
      if (r[measure] === 'suppressed' && typeof l[measure] === 'number' && isClosed(c, followUpDays) && !changed.has(changedUnit(c)) && !printedBefore.has(describePreviousCount(c))) out[measure] = l[measure] as number;
    }
    return out;
  });
  return { ...earlier, metrics };
}

/** The counts of `previous.hidden` (closed, earlier than `exportDate`, not in `changed`: the units `json` lists as changed) that `json` prints as numbers, with their place. */
function printedAgain(json: unknown, file: string, exportDate: string, previous: PreviousPublication, changed: ReadonlySet<string>): { cell: string; where: string }[] {
  const places = new Map<string, string>();
  const j = json as { metrics?: Record<string, unknown>[]; uptake?: Record<string, unknown>[]; budget?: { observed?: Record<string, unknown>[] } };
  (j.metrics ?? []).forEach((r, i) => {
    for (const [k, v] of Object.entries(r)) if (typeof v === 'number') places.set(`m|${k}|${String(r.region)}|${String(r.period)}|${String(r.dimension)}|${String(r.level)}`, `metrics.${i}.${k}`);
  });
  for (const [at, list] of [['uptake', j.uptake], ['budget.observed', j.budget?.observed]] as const) {
    (list ?? []).forEach((y, i) => {
      if (typeof y.activations === 'number' && !places.has(`y|${String(y.region)}|${String(y.year)}`)) places.set(`y|${String(y.region)}|${String(y.year)}`, `${at}.${i}.activations`);
    });
  }
  // A count another earlier publication printed is public already.
  const printedBefore = new Set(previous.counts.map((c) => describePreviousCount(c)));
  const out: { cell: string; where: string }[] = [];
  for (const c of previous.hidden ?? []) {
    if (c.kind === 'clinic' || !isClosed(c) || c.asOf >= exportDate || changed.has(changedUnit(c)) || printedBefore.has(describePreviousCount(c))) continue;
    const field = places.get(c.kind === 'metric' ? `m|${c.measure}|${c.region}|${c.period}|${c.dimension}|${c.level}` : `y|${c.region}|${c.year}`);
    if (field === undefined) continue;
    out.push({ cell: `${describePreviousCount(c)} (hidden as of ${c.asOf})`, where: whereIn(json, file, field) });
  }
  return out;
}

/** The counts `json` prints of units `earlier` lists as changed (as of a date before `exportDate`) that `json` does not list (`here`). */
function changedDropped(json: unknown, file: string, exportDate: string, earlier: PreviousPublication, here: ReadonlySet<string>): PublishedAudit['changedNotCarried'] {
  const listed = (u: string) => {
    const asOf = earlier.listedChanged?.get(u);
    return asOf !== undefined && asOf < exportDate && !here.has(u) ? asOf : undefined;
  };
  const j = json as { metrics?: Record<string, unknown>[]; uptake?: Record<string, unknown>[]; budget?: { observed?: Record<string, unknown>[] }; funnel?: { rows?: Record<string, unknown>[] } };
  const out: PublishedAudit['changedNotCarried'] = [];
  const report = (cell: string, field: string, listedAsOf: string) => out.push({ cell, listedAsOf, where: whereIn(json, file, field) });
  (j.metrics ?? []).forEach((r, i) => {
    const asOf = listed(changedUnit({ kind: 'metric', region: String(r.region), period: String(r.period) }));
    if (asOf === undefined) return;
    for (const measure of GROWING_COUNTS) if (typeof r[measure] === 'number') report(`${measure} · ${String(r.region)} · ${String(r.period)} · ${String(r.dimension)}=${String(r.level)}`, `metrics.${i}.${measure}`, asOf);
  });
  for (const [at, list] of [['uptake', j.uptake], ['budget.observed', j.budget?.observed]] as const) {
    (list ?? []).forEach((y, i) => {
      const asOf = listed(changedUnit({ kind: 'year', region: String(y.region), year: Number(y.year) }));
      if (asOf !== undefined && typeof y.activations === 'number') report(`activations · ${String(y.region)} · activated in ${String(y.year)}`, `${at}.${i}.activations`, asOf);
    });
  }
  (j.funnel?.rows ?? []).forEach((c, i) => {
    const asOf = listed(changedUnit({ kind: 'clinic', region: String(c.region) }));
    if (asOf === undefined) return;
    for (const measure of ['referrals', 'activations'] as const) if (typeof c[measure] === 'number') report(`${measure} · clinic ${String(c.region)}/${String(c.clinic)}`, `funnel.rows.${i}.${measure}`, asOf);
  });
  return out;
}

/** Audits `file` (a results.json or `hta uptake --json` output) against its chain and `previousFiles`. */
/** Runs `read`; the audit's contradiction is said again naming the files read together. */
function namingFiles<T>(files: readonly string[], read: () => T): T {
  try {
    return read();
  } catch (err) {
    throw err instanceof ContradictoryNumbers ? new ContradictoryNumbers(files) : err;
  }
}

export function auditPublishedFile(file: string, previousFiles: readonly string[] = []): PublishedAudit {
  checkDistinctFiles([file, ...previousFiles]);
  const asRead = readJsonFile(file, 'published uptake results (results.json)');
  const r0 = schema.safeParse(asRead);
  if (!r0.success) throw new HtaError('input.invalid', `${file} is not the results.json of an hta uptake publication`, jsonProblems(asRead, r0.error.issues, file));
  const filesRead = previousFiles.map((f) => ({ file: f, json: readJsonFile(f, 'earlier publication (results.json)') }));
  // Other cuts of this date with another scope (a region's own publication beside the national
  // one): a one-region file's whole-country rows read as its region's, or refused (cut-scope.ts).
  const dateOf = (j: unknown) => (j as { exportDate?: unknown }).exportDate;
  const scoped = oneScope({ file, json: asRead }, filesRead.filter((p) => dateOf(p.json) === r0.data.exportDate));
  const json = scoped.published;
  const previousJson = filesRead.map((p) => (dateOf(p.json) === r0.data.exportDate ? { file: p.file, json: scoped.cuts.shift() } : p));
  // A one-region file read as its region's rows has no count of rows read (cut-scope.ts).
  const r = (scoped.regionCuts.includes(file) ? schema.extend({ rows: schema.shape.rows.optional() }) : schema).safeParse(json);
  if (!r.success) throw new HtaError('input.invalid', `${file} is not the results.json of an hta uptake publication`, jsonProblems(json, r.error.issues, file));
  // The --previous files first: of two copies of an earlier count of excluded rows, theirs is
  // named (the file audited may carry a coarser one: excluded-count.ts `carriedExcluded`).
  const read0 = mergePublications([...previousJson, { json, file, own: false }]);
  const regionsHere = regionsIn(r.data.metrics);
  const exportDate = r.data.exportDate;
  // The same export date is another cut of the same extract, published before it (docs/disclosure-control.md "Publishing again").
  const late = read0.exportDates.filter((d) => d > exportDate);
  if (late.length > 0) {
    throw new HtaError('usage.invalid', `--previous ${previousFiles.join(', ')}: export date${late.length > 1 ? 's' : ''} ${late.join(', ')} ${late.length > 1 ? 'are' : 'is'} after ${file}'s ${exportDate}; give the results.json of publications made before it (of earlier exports, or other cuts of the same export)`);
  }
  const { threshold, protectionLevel, zerosSensitive } = r.data.suppression;
  const sameExtract = previousJson.filter((p) => dateOf(p.json) === exportDate);
  const { audit, earlier } = namingFiles([file, ...previousFiles], () => auditAsRead(json as PublishedUptake, { threshold, protectionLevel, zerosSensitive }, read0, sameExtract.map((p) => p.json as PublishedUptake)));
  const cellShare = lossShare(audit.suppressedCells, audit.countCells);
  // A carried count is printed again: it must be publishable under the file's own rule. Named by
  // cell and place, not by value (docs/disclosure-control.md "Publishing again").
  const smallCarried = smallCarriedCounts(json, { threshold, zerosSensitive }).map(({ cell, field }) => ({ cell, where: whereIn(json, file, field) }));
  // The units this file lists as changed since an earlier publication (its previous.changed).
  const changed = changedUnitsIn(json);
  const hiddenBeforePrinted = printedAgain(json, file, exportDate, earlier, changed);
  // The reader holding both files takes a settled, unchanged count to be the same in each: the
  // earlier file audited with its hidden ones read from this file (docs/disclosure-control.md
  // "Hidden before, hidden again").
  // Periods whose printed counts differ from an earlier print though not listed (a file made
  // without --previous) changed too: not read as the same counts (attacker-audit.ts `unlistedChanges`).
  const changedOrBroken = new Set([...changed, ...unlistedChanges(json as PublishedUptake, earlier)]);
  const earlierDisagree: string[] = [];
  const earlierPinned = previousJson.flatMap((p) => {
    const e = schema.safeParse(p.json);
    if (!e.success || e.data.exportDate >= exportDate) return [];
    const others = foldRegionSpellings(mergePublications(previousJson.filter((q) => q !== p)), regionsHere).previous;
    const printedBefore = new Set(others.counts.map((c) => describePreviousCount(c)));
    const { threshold: t, protectionLevel: pl, zerosSensitive: z0 } = e.data.suppression;
    // Equated from half a year after a period's end; where the two then disagree (a late activation,
    // a longer follow-up), only older periods are (docs/disclosure-control.md "Hidden before, hidden again").
    for (const days of EQUATE_AFTER_DAYS) {
      try {
        const a = auditPublishedUptake(filledFrom(respellPublished(p.json as PublishedUptake, regionsHere), json, changedOrBroken, printedBefore, days), { threshold: t, protectionLevel: pl, zerosSensitive: z0 });
        return a.narrow.map((n) => ({ file: p.file, cell: n.cell, lower: n.lower, upper: n.upper }));
      } catch (err) {
        if (!(err instanceof ContradictoryNumbers)) throw err;
      }
    }
    // The two disagree even on old periods this file does not list as changed (a file made
    // without --previous): not the same counts, so no such LP.
    earlierDisagree.push(p.file);
    return [];
  });
  // The excluded rows: this file's count against each earlier one's (excluded-count.ts).
  const excludedHere = excludedRowsOf(json);
  // Each earlier file's own count and those it carries (P1's, through P2), and those this file carries.
  const excludedBefore = read0.excluded ?? [];
  const excludedNarrow = excludedHere === undefined ? [] : excludedBefore.flatMap((e) => {
    const d = narrowDifference(e.rows, excludedHere, threshold);
    return d === undefined ? [] : [{ file: e.via ? `${e.file} (${e.via})` : e.file, where: whereIn(json, file, 'excluded.rows'), lower: d[0], upper: d[1] }];
  });
  // Categories of earlier publications gone from this file (a clinic merged into another) whose counts it does not list as changed.
  const absentUnprotected = unprotectedAbsences(json, earlier, { threshold, zerosSensitive }, changed);
  // Units an earlier file listed as changed: still changed here, so printed they count patients.
  const changedNotCarried = changedDropped(json, file, exportDate, earlier, changed);
  // Not another cut of this extract (same date): its lack of a chain is this file's own.
  const unchained = unchainedBefore(read0.unchained, exportDate);
  return { ...(scoped.regionCuts.length > 0 ? { regionCuts: scoped.regionCuts } : {}), unchained, changedNotCarried, audit, informationLoss: { cellShare }, published: { file, exportDate }, earlier: earlier.exportDates, uncarried: earlier.uncarried, smallCarried, sameExtract: sameExtract.map((p) => p.file), hiddenBeforePrinted, earlierPinned, earlierDisagree, excludedNarrow, absentUnprotected };
}
