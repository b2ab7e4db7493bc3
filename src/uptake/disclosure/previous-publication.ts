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
import { excludedRowsOf, type ExcludedRows } from './excluded-count.js';

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
  previous: z.object({ exportDate: isoDate, publications: z.array(carried).optional() }).optional(),
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
export function smallCountsByDate(previous: PreviousPublication, rule: SmallCountRule): { exportDate: string; n: number }[] {
  return previous.exportDates
    .map((exportDate) => ({ exportDate, n: previous.counts.filter((c) => c.asOf === exportDate && isSmallCount(c.value, rule)).length }))
    .filter((d) => d.n > 0);
}

/** The note for counts left out of the carried chain (stderr), or undefined when none were. */
export function smallCountsNote(previous: PreviousPublication, rule: SmallCountRule): string | undefined {
  const left = smallCountsByDate(previous, rule);
  if (left.length === 0) return undefined;
  const small = `below the threshold ${rule.threshold}${rule.zerosSensitive ? ' (or 0)' : ''}`;
  const list = left.map((d) => `${d.n} of the publication of ${d.exportDate}`).join(', ');
  return `counts of earlier publications ${small} are not carried into this publication's results.json (${list}): they are protected against here, but a later publication that names only this one will not know them — if such a publication was published, name it with --previous again each time (docs/disclosure-control.md "Publishing again")`;
}

/**
 * The counts a published results.json carries (`previous.publications`) that are small under its
 * own rule: it prints them again. Each with its JSON path, for line:column.
 */
export function smallCarriedCounts(json: unknown, rule: SmallCountRule): { count: PreviousCount; field: string }[] {
  const r = schema.safeParse(json);
  if (!r.success) return [];
  const out: { count: PreviousCount; field: string }[] = [];
  (r.data.previous?.publications ?? []).forEach((pub, i) =>
    carriedCounts(pub, `previous.publications.${i}`, (count, field) => {
      if (isSmallCount(count.value, rule)) out.push({ count, field });
    }));
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
  const dates = new Set<string>();
  const hidden = new Map<string, PreviousCount>();
  const excluded = new Map<string, NonNullable<PreviousPublication['excluded']>[number]>();
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
    }
    const chain = p.previous?.publications;
    if (p.previous && chain === undefined) uncarried.push({ file, exportDate: p.previous.exportDate });
    (chain ?? []).forEach((pub, i) => {
      dates.add(pub.exportDate);
      addExcluded(pub.exportDate, excludedRowsOf({ excluded: { rows: pub.excludedRows } }), file, `the publication of ${pub.exportDate} it carries`);
      carriedCounts(pub, `previous.publications.${i}`, (c, field) => set.add(c, { file, json, field, via: `the publication of ${pub.exportDate} it carries` }));
    });
  }
  return { ...publicationOf(set, dates, inputs.map((i) => i.file), uncarried, hidden), excluded: [...excluded.values()].sort((a, b) => a.exportDate.localeCompare(b.exportDate)) };
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
export function uncarriedNote(uncarried: PreviousPublication['uncarried']): string | undefined {
  if (uncarried.length === 0) return undefined;
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

/** The changed units of `counts` (each with the whole country's unit of its period or year). */
export function changedUnitsOf(counts: readonly PreviousCount[]): Set<string> {
  const units = new Set<string>();
  for (const c of counts) {
    units.add(changedUnit(c));
    if (c.kind !== 'clinic') units.add(changedUnit({ ...c, region: 'national' }));
  }
  return units;
}

/** The record written to results.json, sorted. */
export function changedSinceOf(units: ReadonlySet<string>): ChangedSince {
  const out: ChangedSince = { periods: [], activationYears: [], clinicRegions: [] };
  for (const u of [...units].sort()) {
    const [kind, region, rest] = u.split('|') as [string, string, string | undefined];
    if (kind === 'm') out.periods.push({ region, period: rest! });
    else if (kind === 'y') out.activationYears.push({ region, year: Number(rest) });
    else out.clinicRegions.push(region);
  }
  return out;
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
