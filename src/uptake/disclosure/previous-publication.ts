/**
 * Earlier publications of the same registry (`hta uptake --previous <results.json…>`, manifest
 * key `previous`; docs/disclosure-control.md, "Publishing again"). Their printed counts are known
 * to every reader, and each is part of a count of the new publication: the same row counts the
 * same patients and those added since (referred, activated, at risk or retained after the earlier
 * export date). So new − old is a count of patients, sensitive when small: a region publishing
 * monthly would otherwise let anyone subtract ("whole export" 202 referred now, 201 a month ago).
 *
 * A count printed by the publication of export date D is a constant "as of D". A results.json
 * made with `--previous` carries the counts of every publication it was protected against
 * (`previous.publications`, written by `carriedPublications`), so naming the latest publication
 * names the whole chain; several files are merged, and two that give different values for the
 * same count as of the same date are refused.
 *
 * This module reads those known counts; cell-model.ts ties each to the new count that contains
 * it, and attacker-audit.ts does the same on its own.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { HtaError, type Problem } from '../../errors.js';
import { jsonProblems, locateProblems, readJsonFile } from '../../io/read-json.js';
import { excludedRowsOf, excludedRowsValue, isSmallExcluded, type ExcludedRows } from './excluded-count.js';
import { commonAgeGroups } from './age-band-schemes.js';
import { clinicFoldKey } from '../clinic-names.js';
import { respellCounts } from './respell-counts.js';
import { referralsBeforeMonth, type UnchainedPublication } from './unchained-publication.js';

/** One count an earlier publication printed as a number, as of its export date `asOf` (ISO). */
export type PreviousCount = { asOf: string } & (
  | { kind: 'metric'; measure: string; region: string; period: string; dimension: string; level: string; value: number }
  | { kind: 'year'; region: string; year: number; value: number }
  | { kind: 'clinic'; measure: 'referrals' | 'activations'; region: string; clinic: string; value: number }
);

export interface PreviousPublication {
  /** The files read, for messages ("a.json, b.json"). */
  file: string;
  /** The latest earlier export date (ISO). */
  exportDate: string;
  /** Every earlier export date, oldest first: counts of periods ending by a count's own date are final. */
  exportDates: string[];
  counts: PreviousCount[];
  /**
   * Publications a file says it was protected against (`previous.exportDate`) without carrying
   * their counts (made by an hta before chains were carried) and that no file given carries.
   */
  uncarried: { file: string; exportDate: string }[];
  /**
   * Counts an earlier file's own tables printed as "suppressed", as of its export date (value 0:
   * unknown). One of a closed period that has not changed since is the same count now, so a new
   * publication keeps it hidden (cell-model.ts `hiddenBefore`; docs/disclosure-control.md
   * "Hidden before, hidden again"). Only the files named are read for them: a results.json
   * carries printed counts only, and a publication made with --previous hides again what the one
   * before it hid, so naming the latest file suffices.
   */
  hidden?: PreviousCount[];
  /**
   * The count of excluded rows each earlier publication printed, by its export date (the files'
   * own and those they carry): a later band is compared with every one of them, so that P3's band
   * and P1's exact count, known through P2, do not pin a small difference (excluded-count.ts).
   */
  excluded?: { exportDate: string; rows: ExcludedRows; file: string; via?: string }[];
  /**
   * The units the files read list as changed since an earlier publication (their own
   * `previous.changed`, which lists those of the files they named in turn), each with the export
   * date of the file that listed it. A unit once changed stays changed in every later publication:
   * the listing file hid its counts, so its value then is not the earlier print, and a later print
   * less it counts patients (docs/disclosure-control.md "Changed since an earlier publication").
   */
  listedChanged?: Map<string, string>;
  /**
   * The regions the files read list as added since an earlier publication (their own
   * `previous.changed.addedRegions`): the whole country's periods they listed changed for that
   * reason, and a later publication still says so (docs/disclosure-control.md "A region added since").
   */
  listedAdded?: Set<string>;
  /**
   * Of those, the regions whose file says as of which date they were absent
   * (`previous.changed.addedSince`): the latest earlier export date of which the chain had no row
   * of the region. A file made before 6 December 2026 does not say; its regions are only named.
   */
  listedAddedSince?: Map<string, string>;
  /**
   * The clinic merges the files applied (their `previous.clinicMerges`): declared and checked when
   * made, they hold for later exports too, so a later run applies them again without the plan
   * declaring them anew (`applyClinicMerges`; docs/disclosure-control.md "Changed since an earlier publication").
   */
  clinicMerges?: (ClinicMerge & { region: string })[];
  /**
   * The earliest publication known (of `exportDates[0]`), when it was made without --previous
   * though it printed referrals before its export month — a file given, or recorded so by a file
   * given (its `previous.unchained`): publications before it, if any, are unknown
   * (unchained-publication.ts).
   */
  unchained?: UnchainedPublication[];
}

/** The printed counts of one earlier publication as a results.json carries them (`previous.publications`). */
export interface CarriedPublication {
  exportDate: string;
  metrics: ({ region: string; period: string; dimension: string; level: string } & Partial<Record<GrowingCount, number>>)[];
  activationYears: { region: string; year: number; activations: number }[];
  clinics: { region: string; clinic: string; referrals?: number; activations?: number }[];
  /** Its count of excluded registry rows as it printed it (excluded-count.ts), when it excluded any. */
  excludedRows?: ExcludedRows;
}

/** The six counts of a metric row that only grow with later exports (activated, at risk and retained are subsets of the referred). */
export const GROWING_COUNTS = ['referrals', 'activations', 'atRisk4w', 'retained4w', 'atRisk12w', 'retained12w'] as const;
type GrowingCount = (typeof GROWING_COUNTS)[number];

const count = z.union([z.number().int().min(0), z.literal('suppressed'), z.null()]).optional();
const known = z.number().int().min(0).optional();
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z.string().regex(ISO, 'a date written YYYY-MM-DD (the "exportDate" of an hta uptake --json output or a report\'s results.json)');
const carried = z.object({
  exportDate: isoDate,
  metrics: z.array(z.object({ region: z.string(), period: z.string(), dimension: z.string(), level: z.string(), ...Object.fromEntries(GROWING_COUNTS.map((c) => [c, known])) })),
  activationYears: z.array(z.object({ region: z.string(), year: z.number().int(), activations: z.number().int().min(0) })).optional(),
  clinics: z.array(z.object({ region: z.string(), clinic: z.string(), referrals: known, activations: known })).optional(),
  excludedRows: z.unknown().optional(),
});
const schema = z.object({
  exportDate: isoDate,
  metrics: z.array(z.object({
    region: z.string(), period: z.string(), dimension: z.string(), level: z.string(),
    ...Object.fromEntries(GROWING_COUNTS.map((c) => [c, count])),
  })),
  uptake: z.array(z.object({ region: z.string(), year: z.number().int(), activations: count })).optional(),
  budget: z.object({ observed: z.array(z.object({ region: z.string(), year: z.number().int(), activations: count })) }).optional(),
  funnel: z.object({ rows: z.array(z.object({ region: z.string(), clinic: z.string(), referrals: count, activations: count })) }).optional(),
  previous: z.object({ exportDate: isoDate, publications: z.array(carried).optional(), unchained: z.array(isoDate).optional() }).optional(),
  firstPublication: z.literal(true).optional(),
});

/** A count's identity: the same cell as of the same date (the value aside). */
export function previousCountKey(c: PreviousCount): string {
  if (c.kind === 'metric') return `${c.asOf}|m|${c.measure}|${c.region}|${c.period}|${c.dimension}|${c.level}`;
  if (c.kind === 'year') return `${c.asOf}|y|${c.region}|${c.year}`;
  return `${c.asOf}|c|${c.measure}|${c.region}|${c.clinic}`;
}

/** The count in words, for messages. */
export function describePreviousCount(c: PreviousCount): string {
  if (c.kind === 'metric') return `${c.measure} · ${c.region} · ${c.period} · ${c.dimension}=${c.level}`;
  if (c.kind === 'year') return `activations · ${c.region} · activated in ${c.year}`;
  return `${c.measure} · clinic ${c.region}/${c.clinic}`;
}

/** The part of a disclosure rule that says which counts are small. */
export interface SmallCountRule { threshold: number; zerosSensitive: boolean }

/** Whether a count is small under `rule`: 1 … threshold − 1, and 0 when zeros are sensitive. */
export function isSmallCount(value: number, rule: SmallCountRule): boolean {
  return value === 0 ? rule.zerosSensitive : value < rule.threshold;
}

/**
 * How many counts of each earlier publication are small under `rule`, oldest first: a new
 * results.json leaves them out of the chain it carries (a draft's, a withdrawn or a
 * lower-threshold publication's small counts would be printed again in every later file;
 * docs/disclosure-control.md "Publishing again").
 */
export function smallCountsByDate(previous: PreviousPublication, rule: SmallCountRule): { exportDate: string; n: number; excludedRows?: true }[] {
  return previous.exportDates
    .map((exportDate) => {
      // Its count of excluded rows, when small on its own, is one more (carried as the marker or not at all).
      const ex = previous.excluded?.find((e) => e.exportDate === exportDate);
      const small = ex !== undefined && isSmallExcluded(ex.rows, rule.threshold);
      const n = previous.counts.filter((c) => c.asOf === exportDate && isSmallCount(c.value, rule)).length + (small ? 1 : 0);
      return { exportDate, n, ...(small ? { excludedRows: true as const } : {}) };
    })
    .filter((d) => d.n > 0);
}

/** The note for counts left out of the carried chain (stderr), or undefined when none were. */
export function smallCountsNote(previous: PreviousPublication, rule: SmallCountRule, lang: 'en' | 'da' = 'en'): string | undefined {
  const left = smallCountsByDate(previous, rule);
  if (left.length === 0) return undefined;
  if (lang === 'da') {
    const under = `under tærskelværdien ${rule.threshold}${rule.zerosSensitive ? ' (eller 0)' : ''}`;
    const listDa = left.map((d) => `${d.n} fra offentliggørelsen med udtræksdato ${d.exportDate}${d.excludedRows ? ', dens antal udeladte rækker iblandt' : ''}`).join('; ');
    return `tal fra tidligere offentliggørelser ${under} føres ikke videre i denne offentliggørelses results.json (${listDa}): de er beskyttet imod her, men en senere offentliggørelse, der kun angiver denne, kender dem ikke — er en sådan offentliggørelse offentliggjort, så angiv den med --previous igen hver gang (docs/disclosure-control.md "Publishing again")`;
  }
  const small = `below the threshold ${rule.threshold}${rule.zerosSensitive ? ' (or 0)' : ''}`;
  const list = left.map((d) => `${d.n} of the publication of ${d.exportDate}${d.excludedRows ? ', its count of excluded rows among them' : ''}`).join('; ');
  return `counts of earlier publications ${small} are not carried into this publication's results.json (${list}): they are protected against here, but a later publication that names only this one will not know them — if such a publication was published, name it with --previous again each time (docs/disclosure-control.md "Publishing again")`;
}

/**
 * The counts a published results.json carries (`previous.publications`) that are small under its
 * own rule: it prints them again. Each with its JSON path, for line:column.
 */
export function smallCarriedCounts(json: unknown, rule: SmallCountRule): { cell: string; field: string }[] {
  const r = schema.safeParse(json);
  if (!r.success) return [];
  const out: { cell: string; field: string }[] = [];
  (r.data.previous?.publications ?? []).forEach((pub, i) => {
    carriedCounts(pub, `previous.publications.${i}`, (count, field) => {
      if (isSmallCount(count.value, rule)) out.push({ cell: `${describePreviousCount(count)} as of ${count.asOf}`, field });
    });
    // Its count of excluded rows, as printed: small on its own (an exact 2), it is printed again too.
    const ex = excludedRowsValue(pub.excludedRows);
    if (ex !== undefined && isSmallExcluded(ex, rule.threshold)) out.push({ cell: `excluded rows as of ${pub.exportDate}`, field: `previous.publications.${i}.excludedRows` });
  });
  return out;
}

/** Where a count was read: the file, its parsed JSON (for line:column) and the JSON path. */
interface Source { file: string; json: unknown; field: string; via?: string }

/** Counts merged by identity: equal values are one count, different values are refused naming both sources. */
class CountSet {
  readonly counts: PreviousCount[] = [];
  private readonly seen = new Map<string, { value: number; source: Source }>();

  add(c: PreviousCount, source: Source): void {
    const key = previousCountKey(c);
    const before = this.seen.get(key);
    if (!before) {
      this.seen.set(key, { value: c.value, source });
      this.counts.push(c);
      return;
    }
    if (before.value === c.value) return;
    const name = (s: Source) => `${s.file}${s.via ? ` (${s.via})` : ''}`;
    const problem = (s: Source, value: number, other: Source, otherValue: number): Problem =>
      locateProblems(s.json, [{ file: s.file, field: s.field, value: String(value), expected: `${otherValue}, as ${name(other)} gives for ${describePreviousCount(c)} as of ${c.asOf}` }])[0]!;
    throw new HtaError('input.invalid', `${name(before.source)} and ${name(source)} give different counts for ${describePreviousCount(c)} as of ${c.asOf} (${before.value} and ${c.value}): they are not publications of the same registry, or one was edited`, [
      problem(before.source, before.value, source, c.value),
      problem(source, c.value, before.source, before.value),
    ]);
  }
}

/** The counts of one publication's own tables (metrics, activation years, clinics), as of `asOf`. */
function ownCounts(p: z.infer<typeof schema>, asOf: string, add: (c: PreviousCount, field: string) => void, hidden?: (c: PreviousCount) => void): void {
  p.metrics.forEach((r, i) => {
    for (const measure of GROWING_COUNTS) {
      const v = (r as Record<string, unknown>)[measure];
      const c = { asOf, kind: 'metric', measure, region: r.region, period: r.period, dimension: r.dimension, level: r.level } as const;
      if (typeof v === 'number') add({ ...c, value: v }, `metrics.${i}.${measure}`);
      else if (v === 'suppressed') hidden?.({ ...c, value: 0 });
    }
  });
  // Activations per activation year, printed twice (uptake per 1,000 and the observed budget).
  const years: [string, z.infer<typeof schema>['uptake']][] = [['uptake', p.uptake], ['budget.observed', p.budget?.observed]];
  for (const [at, list] of years) {
    (list ?? []).forEach((y, i) => {
      if (typeof y.activations === 'number') add({ asOf, kind: 'year', region: y.region, year: y.year, value: y.activations }, `${at}.${i}.activations`);
      else if (y.activations === 'suppressed') hidden?.({ asOf, kind: 'year', region: y.region, year: y.year, value: 0 });
    });
  }
  (p.funnel?.rows ?? []).forEach((c, i) => {
    for (const measure of ['referrals', 'activations'] as const) {
      const v = c[measure];
      if (typeof v === 'number') add({ asOf, kind: 'clinic', measure, region: c.region, clinic: c.clinic, value: v }, `funnel.rows.${i}.${measure}`);
      // Kept for `absentCategories`: a clinic the earlier file listed but hid is a category too.
      else if (v === 'suppressed') hidden?.({ asOf, kind: 'clinic', measure, region: c.region, clinic: c.clinic, value: 0 });
    }
  });
}

function carriedCounts(p: z.infer<typeof carried>, at: string, add: (c: PreviousCount, field: string) => void): void {
  const asOf = p.exportDate;
  p.metrics.forEach((r, i) => {
    for (const measure of GROWING_COUNTS) {
      const v = (r as Record<string, unknown>)[measure];
      if (typeof v === 'number') add({ asOf, kind: 'metric', measure, region: r.region, period: r.period, dimension: r.dimension, level: r.level, value: v }, `${at}.metrics.${i}.${measure}`);
    }
  });
  (p.activationYears ?? []).forEach((y, i) => add({ asOf, kind: 'year', region: y.region, year: y.year, value: y.activations }, `${at}.activationYears.${i}.activations`));
  (p.clinics ?? []).forEach((c, i) => {
    for (const measure of ['referrals', 'activations'] as const) {
      const v = c[measure];
      if (typeof v === 'number') add({ asOf, kind: 'clinic', measure, region: c.region, clinic: c.clinic, value: v }, `${at}.clinics.${i}.${measure}`);
    }
  });
}

function parsed(json: unknown, file: string): z.infer<typeof schema> {
  const r = schema.safeParse(json);
  if (!r.success) throw new HtaError('input.invalid', `${file} is not the results.json of an earlier hta uptake publication`, jsonProblems(json, r.error.issues, file));
  return r.data;
}

function publicationOf(set: CountSet, dates: ReadonlySet<string>, files: string[], uncarried: { file: string; exportDate: string }[], hidden: Map<string, PreviousCount>): PreviousPublication {
  const exportDates = [...dates].sort();
  return {
    hidden: [...hidden.values()],
    file: files.join(', '),
    exportDate: exportDates[exportDates.length - 1] ?? '',
    exportDates,
    counts: set.counts,
    uncarried: uncarried.filter((u) => !exportDates.includes(u.exportDate)),
  };
}

/**
 * Several parsed results.json at once (pure; `file` names each in messages): each file's own
 * counts as of its export date (unless `own` is false) and the publications it carries, merged.
 */
export function mergePublications(inputs: readonly { json: unknown; file: string; own?: boolean }[]): PreviousPublication {
  const set = new CountSet();
  const uncarried: { file: string; exportDate: string }[] = [];
  const unchained: UnchainedPublication[] = [];
  const dates = new Set<string>();
  const hidden = new Map<string, PreviousCount>();
  const excluded = new Map<string, NonNullable<PreviousPublication['excluded']>[number]>();
  const listedChanged = new Map<string, string>();
  const listedAdded = new Set<string>();
  const listedAddedSince = new Map<string, string>();
  const addExcluded = (exportDate: string, rows: ExcludedRows | undefined, file: string, via?: string) => {
    // A file's own count is as printed; a carried copy stands in only where no file of that date is given.
    const had = excluded.get(exportDate);
    if (rows !== undefined && (had === undefined || (had.via !== undefined && via === undefined))) excluded.set(exportDate, { exportDate, rows, file, ...(via ? { via } : {}) });
  };
  for (const { json, file, own } of inputs) {
    const p = parsed(json, file);
    if (own !== false) {
      addExcluded(p.exportDate, excludedRowsOf(json), file);
      dates.add(p.exportDate);
      ownCounts(p, p.exportDate, (c, field) => set.add(c, { file, json, field }), (c) => hidden.set(previousCountKey(c), c));
      // The earliest file that lists a unit names it (its own listing, or one it carried on).
      for (const u of changedUnitsIn(json)) {
        const had = listedChanged.get(u);
        if (had === undefined || p.exportDate < had) listedChanged.set(u, p.exportDate);
      }
      for (const r of addedRegionsIn(json)) listedAdded.add(r);
      for (const { region, since } of addedSinceIn(json)) if ((listedAddedSince.get(region) ?? '') < since) listedAddedSince.set(region, since);
    }
    // Made without --previous (and not declared the first) on a registry that ran before its month, or carrying such a note.
    if (own !== false && p.previous === undefined && p.firstPublication !== true && referralsBeforeMonth(p.metrics, p.exportDate) !== false) unchained.push({ exportDate: p.exportDate, file });
    for (const d of p.previous?.unchained ?? []) unchained.push({ exportDate: d, file, via: 'its previous.unchained records it' });
    const chain = p.previous?.publications;
    if (p.previous && chain === undefined) uncarried.push({ file, exportDate: p.previous.exportDate });
    (chain ?? []).forEach((pub, i) => {
      dates.add(pub.exportDate);
      addExcluded(pub.exportDate, excludedRowsValue(pub.excludedRows), file, `the publication of ${pub.exportDate} it carries`);
      carriedCounts(pub, `previous.publications.${i}`, (c, field) => set.add(c, { file, json, field, via: `the publication of ${pub.exportDate} it carries` }));
    });
  }
  const merges = new Map(inputs.flatMap(({ json }) => clinicMergesIn(json)).map((m) => [`${m.region}|${m.from}|${m.into}`, m]));
  // Only while it is the earliest known: a file of an earlier date given too covers what it lacks.
  const earliest = [...dates].sort()[0];
  const rootUnchained = unchained.filter((u, i) => u.exportDate === earliest && unchained.findIndex((o) => o.exportDate === u.exportDate) === i);
  return { ...publicationOf(set, dates, inputs.map((i) => i.file), uncarried, hidden), ...(rootUnchained.length > 0 ? { unchained: rootUnchained } : {}), excluded: [...excluded.values()].sort((a, b) => a.exportDate.localeCompare(b.exportDate)), listedChanged, ...(listedAdded.size > 0 ? { listedAdded } : {}), ...(listedAddedSince.size > 0 ? { listedAddedSince } : {}), ...(merges.size > 0 ? { clinicMerges: [...merges.values()] } : {}) };
}

/** The known counts of an earlier publication's JSON and of those it carries (pure; `file` names it in messages). */
export function parsePreviousPublication(json: unknown, file: string): PreviousPublication {
  return mergePublications([{ json, file }]);
}

/** The files named, each once (the same file under two spellings too). */
export function checkDistinctFiles(files: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const f of files) {
    const abs = resolve(f);
    const first = seen.get(abs);
    if (first !== undefined) throw new HtaError('usage.invalid', `the earlier publication ${first} is named twice${first === f ? '' : ` (also as ${f})`}: give each earlier publication once`);
    seen.set(abs, f);
  }
}

/**
 * A note when a file was itself protected against a publication whose counts it does not carry
 * (made before hta carried them) and no file given carries: that one must be named too.
 */
export function uncarriedNote(uncarried: PreviousPublication['uncarried'], lang: 'en' | 'da' = 'en'): string | undefined {
  if (uncarried.length === 0) return undefined;
  if (lang === 'da') {
    const listDa = uncarried.map((u) => `${u.file} blev beskyttet mod offentliggørelsen med udtræksdato ${u.exportDate}`).join('; ');
    return `${listDa}, men bærer ikke dens tal med sig (lavet af en tidligere hta): angiv også den offentliggørelses results.json (--previous tager flere filer), ellers er denne offentliggørelse ikke beskyttet mod den (docs/disclosure-control.md "Publishing again")`;
  }
  const list = uncarried.map((u) => `${u.file} was protected against the publication of ${u.exportDate}`).join('; ');
  return `${list}, but does not carry its counts (made by an earlier hta): name that publication's results.json too (--previous takes several files), or this publication is not protected against it (docs/disclosure-control.md "Publishing again")`;
}

/** An earlier publication's file as read: its name and parsed JSON. */
export interface PreviousFile {
  file: string;
  json: unknown;
}

/**
 * The `--previous` files, each read and parsed once (a file named twice refused): `hta uptake
 * --audit` merges them into the known counts and reads those of this export date as other cuts
 * of the same extract, from these same objects.
 */
export function readPreviousFiles(files: readonly string[]): PreviousFile[] {
  checkDistinctFiles(files);
  return files.map((file) => ({ file, json: readJsonFile(file, 'earlier publication (results.json)') }));
}

/**
 * Every known count grouped by publication, oldest first, as a new results.json carries them
 * (`previous.publications`): so naming the new publication as `--previous` later names these too.
 */
export function carriedPublications(previous: PreviousPublication): CarriedPublication[] {
  return previous.exportDates.map((exportDate) => {
    const metrics = new Map<string, CarriedPublication['metrics'][number]>();
    const clinics = new Map<string, CarriedPublication['clinics'][number]>();
    const activationYears: CarriedPublication['activationYears'] = [];
    const seenYears = new Set<string>();
    for (const c of previous.counts) {
      if (c.asOf !== exportDate) continue;
      if (c.kind === 'metric') {
        const k = `${c.region}|${c.period}|${c.dimension}|${c.level}`;
        const row = metrics.get(k) ?? { region: c.region, period: c.period, dimension: c.dimension, level: c.level };
        row[c.measure as GrowingCount] = c.value;
        metrics.set(k, row);
      } else if (c.kind === 'clinic') {
        const k = `${c.region}|${c.clinic}`;
        const row = clinics.get(k) ?? { region: c.region, clinic: c.clinic };
        row[c.measure] = c.value;
        clinics.set(k, row);
      } else if (!seenYears.has(`${c.region}|${c.year}`)) {
        seenYears.add(`${c.region}|${c.year}`);
        activationYears.push({ region: c.region, year: c.year, activations: c.value });
      }
    }
    const excludedRows = previous.excluded?.find((e) => e.exportDate === exportDate)?.rows;
    return { exportDate, metrics: [...metrics.values()], activationYears, clinics: [...clinics.values()], ...(excludedRows === undefined ? {} : { excludedRows }) };
  });
}

/** The last day of a referral period ("2025", "2025-03"); undefined for "all". */
export function periodEnd(period: string): string | undefined {
  if (/^\d{4}$/.test(period)) return `${period}-12-31`;
  if (/^\d{4}-\d{2}$/.test(period)) {
    const [y, m] = period.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }
  return undefined;
}

/**
 * Whether an earlier count had settled by the date it was published as of: its referral period
 * had ended (referrals), and 12 weeks more had passed (activated, at risk and retained: the
 * longest follow-up printed), or its activation year had ended. An unchanged registry then gives
 * it alike in every later export, and a reader takes it to (late activations aside). Clinic
 * counts and whole-export rows never settle.
 */
export function isClosed(c: PreviousCount, followUpDays = FOLLOW_UP_DAYS): boolean {
  if (c.kind === 'clinic') return false;
  if (c.kind === 'year') return `${c.year}-12-31` <= c.asOf;
  const end = periodEnd(c.period);
  if (end === undefined) return false;
  const settled = c.measure === 'referrals' ? end : new Date(Date.parse(`${end}T00:00:00Z`) + followUpDays * 86_400_000).toISOString().slice(0, 10);
  return settled <= c.asOf;
}
/** The longest follow-up a metric row prints (retained at 12 weeks). */
const FOLLOW_UP_DAYS = 84;

/**
 * Whether the earlier count is final: referrals of a referral period that had ended by the
 * date it was published as of, or activations of an activation year that had. (Activated, at
 * risk and retained counts of a past cohort still grow: late activations, longer follow-up.)
 */
export function isFinal(c: PreviousCount): boolean {
  if (c.kind === 'clinic') return false;
  if (c.kind === 'year') return `${c.year}-12-31` <= c.asOf;
  const end = periodEnd(c.period);
  return c.measure === 'referrals' && end !== undefined && end <= c.asOf;
}

/**
 * Where the registry changed a count that cannot grow, or that fell, since an earlier publication
 * printed it: a late registration or a correction in a closed period, a row removed
 * (docs/disclosure-control.md "Publishing again", "Changed since"). Recorded by region × referral
 * period (every dimension level and count of it, the whole country's row of the period with it),
 * region × activation year, and region for its clinics — never by level or count, which would say
 * what the changed patient was (a woman, not activated). A publication lists them in
 * results.json (`previous.changed`), hides every count of them, and the audit does not equate
 * them with the earlier prints.
 */
export interface ChangedSince {
  periods: { region: string; period: string }[];
  activationYears: { region: string; year: number }[];
  clinicRegions: string[];
  /**
   * Regions printed now of which an earlier publication had no row (a region added since): the
   * whole country's closed periods then hold their counts now, so they changed
   * (docs/disclosure-control.md "A region added since"). Only where the whole country's counts changed.
   */
  addedRegions?: string[];
  /**
   * For each added region whose date is known, the latest earlier export date of which the chain
   * had no row of it (`since`): the whole country's counts printed as of that date or before lack
   * its counts, those printed after it do not. A later publication reads it to tell which changes
   * of the whole country's periods the region explains (`nationalChangesUnexplained`).
   */
  addedSince?: { region: string; since: string }[];
}

/** The unit an earlier count belongs to for `ChangedSince` (region × period, region × activation year, a region's clinics). */
export function changedUnit(c: Pick<PreviousCount, 'kind' | 'region'> & { period?: string; year?: number }): string {
  if (c.kind === 'metric') return `m|${c.region}|${c.period}`;
  if (c.kind === 'year') return `y|${c.region}|${c.year}`;
  return `c|${c.region}`;
}

/** Whether a count printed now (`now`) breaks what an earlier print of it (`c`) allows: it fell, or a final count differs. */
export function breaksEarlier(c: PreviousCount, now: number, ownRow: boolean): boolean {
  return now < c.value || (ownRow && isFinal(c) && now !== c.value);
}

/**
 * The finest periods printed now that make up an earlier referral count of a row spanning several
 * of them (the whole export; a year, with months printed), when its date D ends one of them: a
 * row's referrals up to D are the referrals of its periods that ended by then, each final. Split
 * into those listed as changed since (`changed`, units of `changedUnit`) and the others. The
 * earlier publication's own sum holds among its values as of D, whatever changed later: D's row =
 * Σ unchanged periods now + Σ changed periods as of D; and Σ of the periods now − D's row is the
 * net change of those closed periods since D, a count of patients (docs/disclosure-control.md
 * "A corrected closed month and the running totals"). Both cell-model.ts and attacker-audit.ts
 * read it from here, so the run and the audit hold the same relations. Undefined where it does
 * not apply (another count or row, D within a period, no such period printed now).
 */
export function closedPeriodsOf<R extends object>(
  c: PreviousCount, rowsNow: readonly R[], finest: 'month' | 'year', changed: ReadonlySet<string>,
): { unchanged: R[]; changed: R[] } | undefined {
  if (c.kind !== 'metric' || c.measure !== 'referrals') return undefined;
  const P = c.asOf;
  const spansSeveral = c.period === 'all' || (finest === 'month' && /^\d{4}$/.test(c.period));
  if (!spansSeveral || periodEnd(finest === 'month' ? P.slice(0, 7) : P.slice(0, 4)) !== P) return undefined;
  const pattern = finest === 'month' ? /^\d{4}-\d{2}$/ : /^\d{4}$/;
  // Rows as printed (a MetricRow, or a published file's JSON row): labels read as strings.
  const label = (row: R, key: 'region' | 'period' | 'dimension' | 'level') => String((row as Record<string, unknown>)[key]);
  const parts = rowsNow.filter((r) => label(r, 'region') === c.region && label(r, 'dimension') === c.dimension && label(r, 'level') === c.level
    && pattern.test(label(r, 'period')) && (c.period === 'all' || label(r, 'period').startsWith(c.period)) && periodEnd(label(r, 'period'))! <= P);
  if (parts.length === 0) return undefined;
  const isChanged = (r: R) => changed.has(changedUnit({ kind: 'metric', region: label(r, 'region'), period: label(r, 'period') }));
  return { unchanged: parts.filter((r) => !isChanged(r)), changed: parts.filter(isChanged) };
}

/** A row's identity as of a date (labels read as strings, as printed: a MetricRow or a published file's JSON row). */
function rowAsOf(asOf: string, row: object): string {
  const label = (key: string) => String((row as Record<string, unknown>)[key]);
  return `${asOf}|${label('region')}|${label('period')}|${label('dimension')}|${label('level')}`;
}

/**
 * The referrals an earlier publication printed for a row as of `asOf`, or undefined where it
 * printed none (it hid the row, or had none): a lookup over `counts`, built once. The changed
 * periods of `closedPeriodsOf` are taken as printed on D through it, by cell-model.ts and
 * attacker-audit.ts alike.
 */
export function referralsAsOf(counts: readonly PreviousCount[]): (asOf: string, row: object) => number | undefined {
  const byRow = new Map<string, number>();
  for (const c of counts) if (c.kind === 'metric' && c.measure === 'referrals') byRow.set(rowAsOf(c.asOf, c), c.value);
  return (asOf, row) => byRow.get(rowAsOf(asOf, row));
}

/**
 * Closed periods an earlier publication did not print (it hid them, or had no row of them) that
 * changed since: no print to compare (`breaksEarlier`), but its referrals of a row spanning them
 * (`closedPeriodsOf`: the whole export; a year, with months printed) as of D are no longer the
 * sum of the periods now (those already listed taken as printed on D). Until 4 December 2026
 * they were not listed, and the audit, reading them as unchanged, equated the sum now with D's
 * count and read false values ("2025-11: 39 … 39", 40 true; docs/disclosure-control.md "A
 * corrected closed month and the running totals"). Which of the row's unprinted periods changed
 * is not known, so every one of them is returned (as units, each with the whole country's), less
 * those of a smaller row whose sum still agrees (a year within the whole export). Only where D
 * printed some period of the row (the same series), so that a plan that did not publish it then
 * does not list every period now. `referralsNow`: a row's referrals in this export; undefined
 * where not known (the audit of a published file: a count hidden there), and a sum that needs
 * one is not judged. cell-model.ts (every count known) and attacker-audit.ts `unlistedChanges`
 * both list by this rule, so the run and the audit agree on which periods changed.
 */
export function unprintedPeriodsChanged<R extends object>(
  previous: Pick<PreviousPublication, 'counts'>, rowsNow: readonly R[], finest: 'month' | 'year', changed: ReadonlySet<string>, referralsNow: (row: R) => number | undefined,
): Set<string> {
  const then = referralsAsOf(previous.counts);
  // Periods of a row whose sum as of D agrees now (D|region|period|dimension|level), and the unprinted periods of each row whose sum does not.
  const agree = new Set<string>();
  const disagree: { asOf: string; rows: R[] }[] = [];
  for (const c of previous.counts) {
    const closed = closedPeriodsOf(c, rowsNow, finest, changed);
    if (!closed) continue;
    const agrees = closedSumAgrees(c, closed, then, referralsNow);
    if (agrees === undefined) continue;
    if (agrees) {
      for (const r of closed.unchanged) agree.add(rowAsOf(c.asOf, r));
      continue;
    }
    const unprinted = closed.unchanged.filter((r) => then(c.asOf, r) === undefined);
    if (unprinted.length < closed.unchanged.length + closed.changed.length) disagree.push({ asOf: c.asOf, rows: unprinted });
  }
  const units = new Set<string>();
  for (const { asOf, rows } of disagree) {
    const left = rows.filter((r) => !agree.has(rowAsOf(asOf, r)));
    for (const r of left.length > 0 ? left : rows) {
      const region = String((r as Record<string, unknown>).region), period = String((r as Record<string, unknown>).period);
      units.add(changedUnit({ kind: 'metric', region, period }));
      units.add(changedUnit({ kind: 'metric', region: 'national', period }));
    }
  }
  return units;
}

/**
 * Whether an earlier count of a row (`c`, with its `closedPeriodsOf`) is still the sum of its
 * closed periods — the unchanged ones now, the changed ones as printed on its date: its listed
 * changes explain the row's. Undefined where a number is not known (a changed period the earlier
 * publication did not print: its count is tied to nothing now already; a period hidden now).
 */
export function closedSumAgrees<R extends object>(
  c: PreviousCount, closed: { unchanged: R[]; changed: R[] }, then: (asOf: string, row: object) => number | undefined, referralsNow: (row: R) => number | undefined,
): boolean | undefined {
  const values = [...closed.changed.map((r) => then(c.asOf, r)), ...closed.unchanged.map(referralsNow)];
  if (values.some((v) => v === undefined)) return undefined;
  return values.reduce((t: number, v) => t + v!, 0) === c.value;
}

/** The changed units of `counts` (each with the whole country's unit of its period or year). */
export function changedUnitsOf(counts: readonly PreviousCount[]): Set<string> {
  const units = new Set<string>();
  for (const c of counts) {
    units.add(changedUnit(c));
    if (c.kind !== 'clinic') units.add(changedUnit({ ...c, region: 'national' }));
  }
  return units;
}

/**
 * The listing made independent of what the corrected patients were (docs/disclosure-control.md
 * "Changed since an earlier publication"): a referral period of a region that changed lists with
 * it the region's whole export and every activation year printed from the period's year on (and
 * the whole country's), and an activation year that changed lists the whole export. So a removed
 * patient gives the same units whether activated (its activation year and at-risk counts fell) or
 * not: until 5 December 2026 the activation year and the whole export were listed only where one
 * of their printed counts fell, and the listing said that the removed Nordjylland patient had been
 * activated, in 2024. `yearsNow`: the activation years printed now, per scope.
 */
export function closeChangedUnits(units: Set<string>, yearsNow: ReadonlyMap<string, readonly number[]>, regionsNow: readonly string[] = [...yearsNow.keys()], explainedByAdded: (period: string) => boolean = () => false): Set<string> {
  // A region added since explains the country's change of the periods it has rows of (listed as
  // added): those are not spread. Every other period is: until 6 December 2026 one added region
  // switched the spread off for every period, and for every later publication of the chain
  // (review of session 26).
  const regions = regionsNow.filter((r) => r !== 'national');
  // A change seen in the whole country's period only (no region's row of it listed: each was
  // hidden, or unprinted, both times) must not say whose it was: every region's whole export and
  // activation years from its year on are listed with it, so that a region's activation year that
  // fell (the removed patient activated there) is one of many, listed alike for a never-activated
  // patient. Until 6 December 2026 only the country's were, and that region's year with them.
  const nationalOnly = (period: string) => regions.length > 0 && !explainedByAdded(period) && !regions.some((r) => units.has(changedUnit({ kind: 'metric', region: r, period })));
  for (const u of [...units]) {
    const [kind, region, rest] = u.split('|') as [string, string, string];
    const scopes = region === 'national' ? (kind === 'm' && rest !== 'all' && nationalOnly(rest) ? ['national', ...regions] : ['national']) : [region, 'national'];
    if (kind === 'm' && rest !== 'all') {
      for (const s of scopes) {
        units.add(changedUnit({ kind: 'metric', region: s, period: 'all' }));
        for (const y of yearsNow.get(s) ?? []) if (y >= Number(rest.slice(0, 4))) units.add(changedUnit({ kind: 'year', region: s, year: y }));
      }
    } else if (kind === 'y') {
      for (const s of scopes) units.add(changedUnit({ kind: 'metric', region: s, period: 'all' }));
    }
  }
  return units;
}

/**
 * The record written to results.json, sorted; `added`: the regions added since an earlier
 * publication (`addedRegions`), `since`: the date each was last absent, where known (`addedRegionsSince`).
 */
export function changedSinceOf(units: ReadonlySet<string>, added: readonly string[] = [], since: ReadonlyMap<string, string> = new Map()): ChangedSince {
  const out: ChangedSince = { periods: [], activationYears: [], clinicRegions: [] };
  for (const u of [...units].sort()) {
    const [kind, region, rest] = u.split('|') as [string, string, string | undefined];
    if (kind === 'm') out.periods.push({ region, period: rest! });
    else if (kind === 'y') out.activationYears.push({ region, year: Number(rest) });
    else out.clinicRegions.push(region);
  }
  // Said only where they explain a change: the whole country's.
  const nationalChanged = out.periods.some((p) => p.region === 'national') || out.activationYears.some((y) => y.region === 'national');
  if (added.length > 0 && nationalChanged) {
    out.addedRegions = [...added].sort();
    const dated = out.addedRegions.filter((r) => since.has(r)).map((region) => ({ region, since: since.get(region)! }));
    if (dated.length > 0) out.addedSince = dated;
  }
  return out;
}

/**
 * The regions each file named had a row of (printed or hidden), by its export date: only the files
 * named, as their hidden counts are read too (a publication they carry holds its printed counts only).
 */
function regionsByNamedDate(previous: PreviousPublication): Map<string, Set<string>> {
  const seen = new Map<string, Set<string>>();
  const hiddenDates = new Set((previous.hidden ?? []).map((c) => c.asOf));
  for (const c of [...previous.counts, ...(previous.hidden ?? [])]) {
    if (!hiddenDates.has(c.asOf)) continue;
    if (!seen.has(c.asOf)) seen.set(c.asOf, new Set());
    seen.get(c.asOf)!.add(c.region);
  }
  return seen;
}

/**
 * The regions printed now (`regionsNow`, not the whole country) of which an earlier publication
 * named had no row — no count, printed or hidden — or that a file named lists as added. Only the
 * files named are judged: their hidden counts are read too, so every row they have is seen; a
 * publication they carry holds its printed counts only, and a region all of whose counts it hid
 * would read as absent.
 */
export function addedRegions(previous: PreviousPublication, regionsNow: readonly string[]): string[] {
  const seen = regionsByNamedDate(previous);
  return regionsNow.filter((r) => r !== 'national' && (previous.listedAdded?.has(r) || [...seen.values()].some((regions) => !regions.has(r))));
}

/**
 * The regions printed now that the chain lacked as of some earlier export date, each with the
 * latest such date: the files named (their hidden counts read too, so every row they have is
 * seen; as `addedRegions`) and the dates a file named records (`previous.changed.addedSince`). A
 * region a file names as added without a date (made before 6 December 2026) is not here: a later
 * run cannot tell which of its earlier prints lacked it.
 */
export function addedRegionsSince(previous: PreviousPublication, regionsNow: readonly string[]): Map<string, string> {
  const seen = regionsByNamedDate(previous);
  const out = new Map<string, string>();
  for (const r of regionsNow) {
    if (r === 'national') continue;
    const dates = [...seen].filter(([, regions]) => !regions.has(r)).map(([d]) => d);
    const listed = previous.listedAddedSince?.get(r);
    if (listed !== undefined) dates.push(listed);
    if (dates.length > 0) out.set(r, dates.sort()[dates.length - 1]!);
  }
  return out;
}

/**
 * The whole country's periods whose change since an earlier print the regions added since do not
 * explain (docs/disclosure-control.md "A region added since"): a count of the country printed as
 * of D that now breaks that print (`breaksEarlier`) is explained only where it is the final
 * referrals of a period and now − then is exactly the referrals now of the regions added since D
 * (`addedSince`: each region's last date absent, D ≤ it). Any other break — a removed or
 * late-registered patient besides the added region's, a count that fell, a print made after the
 * region was there — is a change of the old regions, so the period keeps the whole-country-only
 * spread (`closeChangedUnits`). Until 6 December 2026 a region added anywhere in the chain
 * switched the spread off for every period it had rows of, in every later publication.
 * `countNow(measure, region, period, dimension, level)`: the count now, undefined where not a cell.
 */
export function nationalChangesUnexplained(
  previous: Pick<PreviousPublication, 'counts'>, addedSince: ReadonlyMap<string, string>,
  countNow: (measure: string, region: string, period: string, dimension: string, level: string) => number | undefined,
): Set<string> {
  const out = new Set<string>();
  for (const c of previous.counts) {
    if (c.kind !== 'metric' || c.region !== 'national' || c.period === 'all') continue;
    const now = countNow(c.measure, 'national', c.period, c.dimension, c.level);
    if (now === undefined || !breaksEarlier(c, now, true)) continue;
    const added = [...addedSince].filter(([, since]) => c.asOf <= since).map(([r]) => r);
    const theirs = added.map((r) => countNow(c.measure, r, c.period, c.dimension, c.level) ?? 0).reduce((t, v) => t + v, 0);
    const explained = added.length > 0 && c.measure === 'referrals' && isFinal(c) && now - c.value === theirs;
    if (!explained) out.add(c.period);
  }
  return out;
}

/** The regions a published results.json records with the date each was last absent (`previous.changed.addedSince`). */
function addedSinceIn(json: unknown): { region: string; since: string }[] {
  const r = z.array(z.object({ region: z.string(), since: z.string().regex(ISO) })).safeParse((json as { previous?: { changed?: { addedSince?: unknown } } } | undefined)?.previous?.changed?.addedSince);
  return r.success ? r.data : [];
}

/** The regions a published results.json lists as added (`previous.changed.addedRegions`). */
function addedRegionsIn(json: unknown): string[] {
  const r = z.array(z.string()).safeParse((json as { previous?: { changed?: { addedRegions?: unknown } } } | undefined)?.previous?.changed?.addedRegions);
  return r.success ? r.data : [];
}

const changedSchema = z.object({
  periods: z.array(z.object({ region: z.string(), period: z.string() })),
  activationYears: z.array(z.object({ region: z.string(), year: z.number().int() })),
  clinicRegions: z.array(z.string()),
});

/** The changed units a published results.json records (`previous.changed`; none when absent or unreadable). */
export function changedUnitsIn(json: unknown): Set<string> {
  const r = changedSchema.safeParse((json as { previous?: { changed?: unknown } } | undefined)?.previous?.changed);
  if (!r.success) return new Set();
  return new Set([
    ...r.data.periods.map((p) => changedUnit({ kind: 'metric', region: p.region, period: p.period })),
    ...r.data.activationYears.map((y) => changedUnit({ kind: 'year', region: y.region, year: y.year })),
    ...r.data.clinicRegions.map((region) => changedUnit({ kind: 'clinic', region })),
  ]);
}

/** The rows and clinics a publication prints, as far as `absentCategories` needs them. */
export interface PrintedCategories {
  metrics: readonly { region: string; period: string; dimension: string; level: string }[];
  /** Empty when the publication prints no clinic funnel. */
  clinics: readonly { region: string; clinic: string }[];
}

/** An earlier publication's category that this one no longer has, though it prints its table. */
export type AbsentCategory = { asOf: string } & (
  | { kind: 'clinic'; region: string; clinic: string }
  | { kind: 'level'; region: string; dimension: string; level: string }
  | { kind: 'region'; region: string }
);

/**
 * Categories of earlier publications (a clinic, an equity level of a region, a region) that this
 * publication no longer has although it prints their table: their rows were relabelled (a clinic
 * merge, a renamed referrer type, recoded regions) or removed. A relabelled row is in another
 * category's count now, so that count grew by more than the patients added since, and "now −
 * then − the vanished category's earlier count" counts patients (229 − 100 − 127 = 2 when one
 * clinic's rows went to another); the region's growth less the other categories' does the same.
 * The changed units returned (`changedUnit`) are hidden and tied to no earlier print, as other
 * changes are (docs/disclosure-control.md "Changed since an earlier publication"): the clinics of
 * the region (and of any region where a clinic of that name appears now), the region × period of
 * a vanished level, every region × period of a vanished region. Counts of this export's own date
 * (another cut of the extract) are compared by `sameExtractDifference` instead.
 */
export function absentCategories(earlier: readonly PreviousCount[], now: PrintedCategories, exportDate: string | undefined): {
  absent: AbsentCategory[];
  /** Every absent category's units. */
  units: Set<string>;
  /** `unitsOf[i]`: the units of `absent[i]` alone. */
  unitsOf: Set<string>[];
} {
  const clinicsNow = new Set(now.clinics.map((c) => `${c.region}|${c.clinic}`));
  const rowsNow = new Set(now.metrics.map((r) => `${r.region}|${r.period}|${r.dimension}|${r.level}`));
  const periodType = (p: string) => (p === 'all' ? 'all' : p.length === 4 ? 'year' : 'month');
  const tablesNow = new Set(now.metrics.map((r) => `${r.region}|${periodType(r.period)}|${r.dimension}`));
  const regionsNow = new Set(now.metrics.map((r) => r.region));
  // Each category's own units too (of every date it was printed as of), for the audit (`unprotectedAbsences`).
  const found = new Map<string, { category: AbsentCategory; units: Set<string> }>();
  const units = new Set<string>();
  const add = (key: string, category: AbsentCategory, changes: readonly string[]) => {
    const f = found.get(key) ?? { category, units: new Set<string>() };
    // The latest count read names the category's date.
    f.category = category;
    for (const u of changes) {
      f.units.add(u);
      units.add(u);
    }
    found.set(key, f);
  };
  for (const c of earlier) {
    if ((exportDate !== undefined && c.asOf >= exportDate) || c.kind === 'year') continue;
    if (c.kind === 'clinic') {
      if (now.clinics.length === 0 || clinicsNow.has(`${c.region}|${c.clinic}`)) continue;
      // The same clinic under another region now (a recoded region) holds its earlier rows there.
      const elsewhere = now.clinics.filter((o) => o.clinic === c.clinic).map((o) => changedUnit({ kind: 'clinic', region: o.region }));
      add(`c|${c.region}|${c.clinic}`, { asOf: c.asOf, kind: 'clinic', region: c.region, clinic: c.clinic }, [changedUnit({ kind: 'clinic', region: c.region }), ...elsewhere]);
      continue;
    }
    if (rowsNow.has(`${c.region}|${c.period}|${c.dimension}|${c.level}`)) continue;
    if (tablesNow.has(`${c.region}|${periodType(c.period)}|${c.dimension}`)) {
      add(`l|${c.region}|${c.dimension}|${c.level}`, { asOf: c.asOf, kind: 'level', region: c.region, dimension: c.dimension, level: c.level }, [
        changedUnit({ kind: 'metric', region: c.region, period: c.period }),
        changedUnit({ kind: 'metric', region: 'national', period: c.period }),
      ]);
    } else if (!regionsNow.has(c.region) && c.region !== 'national' && regionsNow.size > 0) {
      // Its rows may be in any region now: every region's row of the period changed.
      // (The whole country's rows keep them, unless removed: then they fell, a change found anyway.)
      add(`r|${c.region}`, { asOf: c.asOf, kind: 'region', region: c.region }, [...regionsNow].filter((r) => r !== 'national').map((r) => changedUnit({ kind: 'metric', region: r, period: c.period })));
    }
  }
  const all = [...found.values()];
  return { absent: all.map((f) => f.category), units, unitsOf: all.map((f) => f.units) };
}

/** The earlier counts whose category can be absent now: those printed above 0 (a known 0 had no rows to move) and those hidden. */
export function movableCounts(earlier: PreviousPublication): PreviousCount[] {
  return [...earlier.counts.filter((c) => c.value > 0), ...(earlier.hidden ?? [])];
}

/** The absent categories in words, for the run's note and the audit (names of clinics and levels are not patient data). */
export function describeAbsent(a: AbsentCategory, lang: 'en' | 'da' = 'en'): string {
  if (a.kind === 'clinic') return `${lang === 'da' ? 'klinik' : 'clinic'} ${a.clinic} (${a.region})`;
  if (a.kind === 'level') return `${lang === 'da' ? (DIMENSION_DA[a.dimension] ?? a.dimension) : a.dimension} ${a.level} (${a.region})`;
  return `region ${a.region}`;
}

/** The breakdowns' names on the Danish page (docs/glossary-da.md: opdeling efter aldersgruppe, køn, henviser). */
const DIMENSION_DA: Record<string, string> = { ageBand: 'aldersgruppe', sex: 'køn', referrer: 'henviser' };

/**
 * The run's note (stderr) on categories of earlier publications absent now, and what was done
 * about them. Clinics are named: the published funnel lacks their rows too. Levels and regions
 * are only counted: the publication keeps their rows of a changed period, hidden (zero-rows.ts
 * `vanishedRows`), and a note naming them ("ageBand 45-59 (Region Nordjylland)") would say what
 * the published files do not — the removed patient's age band and region.
 */
export function absentNote(absent: readonly AbsentCategory[], lang: 'en' | 'da' = 'en'): string {
  const byDate = [...new Set(absent.map((a) => a.asOf))].sort();
  const clinics = absent.filter((a) => a.kind === 'clinic');
  const others = absent.length - clinics.length;
  if (lang === 'da') {
    const listDa = [
      ...clinics.map((a) => `${describeAbsent(a, 'da')}, vist med udtræksdato ${a.asOf}`),
      ...(others > 0 ? [`${others === 1 ? 'et niveau i en opdeling eller en region' : `${others} niveauer i opdelinger eller regioner`}, ikke nævnt her (offentliggørelsen viser deres rækker i en ændret periode igen, alle tal diskretioneret)`] : []),
    ].join('; ');
    const whatDa = [
      absent.some((a) => a.kind === 'clinic') ? 'hvert kliniktal i dens region' : '',
      absent.some((a) => a.kind === 'level') ? 'hvert tal i dens regions perioder, den blev vist i' : '',
      absent.some((a) => a.kind === 'region') ? 'hvert tal i de perioder, den blev vist i' : '',
    ].filter((w) => w !== '').join('; ');
    return `${absent.length === 1 ? 'en kategori' : `${absent.length} kategorier`} fra ${byDate.length > 1 ? 'de tidligere offentliggørelser' : 'den tidligere offentliggørelse'} findes ikke nu: ${listDa}. ${absent.length === 1 ? 'Dens' : 'Deres'} rækker har fået en anden betegnelse (en klinik lagt sammen eller omdøbt) eller er fjernet, så et andet tal rummer dem nu, og dets vækst siden da er ikke de tilføjede patienter: diskretioneret her (${whatDa}), uanset værdien, og ikke bundet til de tidligere tal (docs/disclosure-control.md "Changed since an earlier publication"); en sammenlægning af klinikker, som optagsplanen angiver ("clinicMerges"), sammenlignes i stedet med samme slags`;
  }
  const list = [
    ...clinics.map((a) => `${describeAbsent(a)}, printed as of ${a.asOf}`),
    ...(others > 0 ? [`${others === 1 ? 'one breakdown level or region' : `${others} breakdown levels or regions`}, not named here (the publication prints their rows of a changed period again, every number hidden)`] : []),
  ].join('; ');
  const what = [
    absent.some((a) => a.kind === 'clinic') ? 'every clinic count of its region' : '',
    absent.some((a) => a.kind === 'level') ? "every count of its region's periods it was printed in" : '',
    absent.some((a) => a.kind === 'region') ? 'every count of the periods it was printed in' : '',
  ].filter((w) => w !== '').join('; ');
  return `${absent.length === 1 ? 'a category' : `${absent.length} categories`} of the earlier publication${byDate.length > 1 ? 's' : ''} ${absent.length === 1 ? 'is' : 'are'} absent now: ${list}. ${absent.length === 1 ? 'Its' : 'Their'} rows were relabelled (a clinic merged or renamed) or removed, so another count now holds them and its growth since then is not the patients added: hidden here (${what}), whatever the value, and not tied to the earlier prints (docs/disclosure-control.md "Changed since an earlier publication"); a clinic merge declared in the uptake plan ("clinicMerges") is compared like with like instead`;
}

/** An absent category a published file does not protect, with the differences a reader guessing a merge gets (the audit's report). */
export interface UnprotectedAbsence {
  category: string;
  asOf: string;
  /** "now − then − the absent one's then" for each printed count of the same region that could hold its rows, where it lies in the sensitive range. */
  pinned: { cell: string; value: number }[];
}

/**
 * The audit's reading (`--audit --published P2 --previous P1`): each category of an earlier
 * publication that the published file no longer has, though it prints its table, and whose units
 * the file does not list as changed (`previous.changed`) — a merge or relabelling the file was not
 * protected against (docs/disclosure-control.md "Changed since an earlier publication"). With each,
 * the differences a reader who guesses the merge pins into 1 … threshold − 1: a clinic's
 * referrals or activations now − then − the absent clinic's then (229 − 100 − 127 = 2).
 * `listed`: the units the file lists as changed, when the caller has read them already.
 */
export function unprotectedAbsences(published: unknown, earlier: PreviousPublication, rule: SmallCountRule, listed: ReadonlySet<string> = changedUnitsIn(published)): UnprotectedAbsence[] {
  const j = published as { exportDate?: string; metrics?: Record<string, unknown>[]; funnel?: { rows?: Record<string, unknown>[] } };
  const str = (v: unknown) => String(v);
  const now: PrintedCategories = {
    metrics: (j.metrics ?? []).map((r) => ({ region: str(r.region), period: str(r.period), dimension: str(r.dimension), level: str(r.level) })),
    clinics: (j.funnel?.rows ?? []).map((c) => ({ region: str(c.region), clinic: str(c.clinic) })),
  };
  const out: UnprotectedAbsence[] = [];
  const seen = new Set<string>();
  const { absent, unitsOf } = absentCategories(movableCounts(earlier), now, j.exportDate);
  for (const [i, a] of absent.entries()) {
    // The units this category changes (every date it was printed as of): all listed, it is protected.
    if ([...unitsOf[i]!].every((u) => listed.has(u))) continue;
    const pinned: { cell: string; value: number }[] = [];
    if (a.kind === 'clinic') {
      for (const measure of ['referrals', 'activations'] as const) {
        const gone = earlier.counts.find((c) => c.kind === 'clinic' && c.asOf === a.asOf && c.measure === measure && c.region === a.region && c.clinic === a.clinic);
        if (!gone) continue;
        for (const row of j.funnel?.rows ?? []) {
          const v = row[measure];
          if (str(row.region) !== a.region || typeof v !== 'number') continue;
          const then = earlier.counts.find((c) => c.kind === 'clinic' && c.asOf === a.asOf && c.measure === measure && c.region === a.region && c.clinic === str(row.clinic));
          const d = v - (then?.value ?? 0) - gone.value;
          if (d >= 0 && isSmallCount(d, rule)) pinned.push({ cell: `${measure} · clinic ${a.region}/${str(row.clinic)} now − as of ${a.asOf}${then ? '' : ' (0: not printed then)'} − ${a.clinic}'s as of ${a.asOf}`, value: d });
        }
      }
    }
    if (a.kind === 'level' && a.dimension === 'ageBand') pinned.push(...ageGroupDifferences(j.metrics ?? [], earlier, a, rule).filter((p) => !seen.has(p.cell)));
    for (const p of pinned) seen.add(p.cell);
    out.push({ category: describeAbsent(a), asOf: a.asOf, pinned });
  }
  return out;
}

/**
 * An age band of an earlier publication absent from a table whose bands cut ages differently
 * (age-band-schemes.ts): per period and measure of its region, the sum of the bands now where the
 * two sets of bands meet less the same ages' sum then, where it lies in the sensitive range
 * (60–69 + 70–79 + 80–89 now − 60–74 + 75+ then = 2).
 */
function ageGroupDifferences(metrics: readonly Record<string, unknown>[], earlier: PreviousPublication, a: Extract<AbsentCategory, { kind: 'level' }>, rule: SmallCountRule): { cell: string; value: number }[] {
  const out: { cell: string; value: number }[] = [];
  const then = [...earlier.counts, ...(earlier.hidden ?? [])].filter((c): c is Extract<PreviousCount, { kind: 'metric' }> => c.kind === 'metric' && c.asOf === a.asOf && c.region === a.region && c.dimension === 'ageBand');
  for (const period of [...new Set(then.filter((c) => c.level === a.level).map((c) => c.period))]) {
    const rowsNow = metrics.filter((r) => String(r.region) === a.region && String(r.period) === period && r.dimension === 'ageBand');
    const thenHere = then.filter((c) => c.period === period);
    const group = commonAgeGroups([...new Set(thenHere.map((c) => c.level))], rowsNow.map((r) => String(r.level))).find((g) => g.a.includes(a.level));
    if (!group) continue;
    for (const measure of GROWING_COUNTS) {
      // Every band of the group printed as a number on both sides, or the sum is not known.
      const before = group.a.map((level) => thenHere.find((c) => c.level === level && c.measure === measure && earlier.counts.includes(c))?.value);
      const now = group.b.map((level) => rowsNow.find((r) => String(r.level) === level)?.[measure]);
      if (before.some((v) => v === undefined) || now.some((v) => typeof v !== 'number')) continue;
      const d = (now as number[]).reduce((x, y) => x + y, 0) - (before as number[]).reduce((x, y) => x + y, 0);
      if (d >= 0 && isSmallCount(d, rule)) out.push({ cell: `${measure} · ${a.region} · ${period} · ageBand ${group.b.join(' + ')} now − ${group.a.join(' + ')} as of ${a.asOf} (ages ${group.label})`, value: d });
    }
  }
  return out;
}

/** An earlier publication's clinic spelling read as a clinic now spelled otherwise (case or blanks only). */
export interface RespelledClinic { region: string; earlier: string; now: string; asOf: string[] }

/**
 * The earlier publications with each clinic name that differs from a clinic now (same region)
 * only by case or blanks written as it is now, so that the two are compared like with like
 * (now = then + added since) instead of the earlier one reading as a clinic gone, which hides its
 * region's clinics (docs/disclosure-control.md "A clinic, level or region gone"). Within one
 * export such spellings are one clinic already (clinic-names.ts); this does the same across two.
 * Not where the earlier spelling is a clinic now too, nor where two earlier spellings of one
 * date fold together (their counts are two clinics' then): those stay as they are.
 */
export function foldClinicSpellings(previous: PreviousPublication, clinicsNow: readonly { region: string; clinic: string }[]): { previous: PreviousPublication; respelled: RespelledClinic[] } {
  const exact = new Set(clinicsNow.map((c) => `${c.region}|${c.clinic}`));
  const nowByKey = new Map(clinicsNow.map((c) => [`${c.region}|${clinicFoldKey(c.clinic)}`, c.clinic]));
  const read = respellCounts(previous, {
    name: (c) => (c.kind === 'clinic' ? c.clinic : undefined),
    now: (c) => (c.kind !== 'clinic' || exact.has(`${c.region}|${c.clinic}`) ? undefined : nowByKey.get(`${c.region}|${clinicFoldKey(c.clinic)}`)),
    group: (c) => (c.kind === 'clinic' ? `${c.region}|${clinicFoldKey(c.clinic)}` : ''),
    renamed: (c, now) => ({ ...c, clinic: now }),
  });
  return { previous: read.previous, respelled: read.respelled.map(({ first, earlier, now, asOf }) => ({ region: first.region, earlier, now, asOf })) };
}

/** The run's note (stderr) on earlier clinic spellings compared with a clinic now spelled otherwise. */
export function respelledNote(respelled: readonly RespelledClinic[], lang: 'en' | 'da' = 'en'): string {
  if (lang === 'da') {
    const listDa = respelled.map((r) => `"${r.earlier}" (${r.region}, vist med udtræksdato ${r.asOf.join(', ')}) som "${r.now}"`).join('; ');
    return `kliniknavne fra en tidligere offentliggørelse, der kun afviger fra en klinik nu i store/små bogstaver eller mellemrum, sammenlignes som den klinik, dens tal dengang med dens tal nu: ${listDa} (docs/disclosure-control.md "A clinic, level or region gone")`;
  }
  const list = respelled.map((r) => `"${r.earlier}" (${r.region}, printed as of ${r.asOf.join(', ')}) as "${r.now}"`).join('; ');
  return `clinic names of an earlier publication that differ from a clinic now only in case or blanks are compared as that clinic, its counts then against its counts now: ${list} (docs/disclosure-control.md "A clinic, level or region gone")`;
}

/** A clinic merge the uptake plan declares (`clinicMerges`): `from`'s rows are `into`'s now. */
export interface ClinicMerge { from: string; into: string }

/**
 * The earlier publications with each declared merge applied, and the merges applied (per region):
 * `from`'s earlier counts added to `into`'s as of the same date, so that `into` now is compared
 * like with like (now = both then + added since). Applied only where `from` is absent now and
 * `into` is there (`clinicsNow`). Per date and measure: where both were printed, their sum is
 * `into`'s earlier count; where either was hidden (or `into` not printed), the sum is not known
 * and `into`'s earlier count of it is dropped, tied to nothing (the hidden part was at least the
 * protection level wide then, so their difference is too).
 */
export function applyClinicMerges(previous: PreviousPublication, merges: readonly (ClinicMerge & { region?: string })[], clinicsNow: readonly { region: string; clinic: string }[]): { previous: PreviousPublication; applied: (ClinicMerge & { region: string })[] } {
  const now = new Set(clinicsNow.map((c) => `${c.region}|${c.clinic}`));
  const applied: (ClinicMerge & { region: string })[] = [];
  let counts = previous.counts;
  let hidden = previous.hidden ?? [];
  for (const m of merges) {
    const regions = [...new Set([...counts, ...hidden].filter((c) => c.kind === 'clinic' && c.clinic === m.from).map((c) => c.region))];
    for (const region of regions) {
      // A merge an earlier publication applied names its region: applied there only.
      if ((m.region !== undefined && region !== m.region) || now.has(`${region}|${m.from}`) || !now.has(`${region}|${m.into}`)) continue;
      const isPart = (c: PreviousCount, clinic: string) => c.kind === 'clinic' && c.region === region && c.clinic === clinic;
      const key = (c: PreviousCount) => `${c.asOf}|${c.kind === 'clinic' ? c.measure : ''}`;
      const fromPrinted = new Map(counts.filter((c) => isPart(c, m.from)).map((c) => [key(c), c.value]));
      const intoPrinted = new Set(counts.filter((c) => isPart(c, m.into)).map(key));
      // Date × measure where `from` had rows but the sum is not known: `from` hidden, or `into` not printed.
      const unknown = new Set([...hidden.filter((c) => isPart(c, m.from)).map(key), ...[...fromPrinted.keys()].filter((k) => !intoPrinted.has(k))]);
      counts = counts
        .filter((c) => !isPart(c, m.from) && !(isPart(c, m.into) && unknown.has(key(c))))
        .map((c) => (isPart(c, m.into) && fromPrinted.has(key(c)) ? { ...c, value: c.value + fromPrinted.get(key(c))! } : c));
      hidden = hidden.filter((c) => !isPart(c, m.from));
      applied.push({ ...m, region });
    }
  }
  return { previous: { ...previous, counts, hidden }, applied };
}

/** The merges a published results.json says it applied (`previous.clinicMerges`; none when absent or unreadable). */
export function clinicMergesIn(json: unknown): (ClinicMerge & { region: string })[] {
  const r = z.array(z.object({ region: z.string(), from: z.string(), into: z.string() })).safeParse((json as { previous?: { clinicMerges?: unknown } } | undefined)?.previous?.clinicMerges);
  return r.success ? r.data : [];
}

/**
 * Refuses a run whose rule is weaker than that of an earlier publication it names (a `--previous`
 * file, or an earlier report of the same registry in the manifest). A lower threshold: its counts
 * from its own threshold up to the earlier one's less 1 would print what the earlier page hid, and
 * the two read together give them (Syddanmark's men activated: 58 at threshold 3, hidden at 5, and
 * 54 at risk beside it: 4 activated in the last 28 days). A lower protection level: a count the
 * earlier page hid at least that wide may be hidden here narrower, and it is the same count (a
 * settled period, "Hidden before, hidden again"). Zeros shown where the earlier page hid them: its
 * hidden zeros are printed here, or follow by subtraction as the 4 above. Refused rather than
 * protected under the earlier rule: the page states the rule it applied, and the plan's is the one
 * the data owner chose (docs/disclosure-control.md "Publishing again"). A file that records no
 * rule is not judged; one without a protection level had the threshold's.
 */
export function refuseLowerThreshold(files: readonly PreviousFile[], rule: { threshold: number; protectionLevel: number; zerosSensitive: boolean }, planFile: string): void {
  const { threshold, protectionLevel, zerosSensitive } = rule;
  const range = (from: number, to: number) => (from === to ? `${from}` : `${from}–${to}`);
  const problems: string[] = [];
  for (const { file, json } of files) {
    const j = json as { threshold?: unknown; suppression?: { threshold?: unknown; protectionLevel?: unknown; zerosSensitive?: unknown } } | null;
    const theirs = typeof j?.suppression?.threshold === 'number' ? j.suppression.threshold : typeof j?.threshold === 'number' ? j.threshold : undefined;
    const lowerThreshold = theirs !== undefined && theirs > threshold;
    if (lowerThreshold) {
      problems.push(`${file}: an earlier publication of this registry, made with the threshold ${theirs} (counts ${range(1, theirs - 1)} hidden); this run's threshold is ${threshold}, so counts of ${range(threshold, theirs - 1)} it hid would be printed here, and the two read together give them away. Use the threshold ${theirs} or higher ("suppression": { "threshold": ${theirs} } in ${planFile}; docs/disclosure-control.md "Publishing again")`);
    }
    const level = typeof j?.suppression?.protectionLevel === 'number' ? j.suppression.protectionLevel : theirs;
    // A lower threshold lowers the protection level with it: its remedy is that of both.
    if (level !== undefined && level > protectionLevel && !lowerThreshold) {
      problems.push(`${file}: an earlier publication of this registry, made with the protection level ${level} (every count it hid at least ${level} wide to a reader); this run's protection level is ${protectionLevel}, so a count it hid may be hidden here within fewer than ${level} values, and the two read together narrow it. Use the protection level ${level} or higher ("suppression": { "protectionLevel": ${level} } in ${planFile}, or leave protectionLevel out with a threshold of ${level} or higher; docs/disclosure-control.md "Publishing again")`);
    }
    if (j?.suppression?.zerosSensitive === true && !zerosSensitive) {
      problems.push(`${file}: an earlier publication of this registry, made with zeros sensitive ("zerosSensitive": true: a 0 hidden like a small count); this run shows zeros ("zerosSensitive" false or left out), so zeros it hid would be printed here, or follow by subtraction from what is, and the two read together give them away. Use "suppression": { "zerosSensitive": true } in ${planFile} (docs/disclosure-control.md "Publishing again")`);
    }
  }
  if (problems.length > 0) throw new HtaError('plan.invalid', problems.join('\n'));
}
