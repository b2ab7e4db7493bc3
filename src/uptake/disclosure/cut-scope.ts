/**
 * The scope of a publication: the regions it prints (besides its whole-country rows). A region's
 * own publication (its registry and eligible file hold that region only) prints "national" rows
 * that are its region's total, not the country's, so beside the national publication of the same
 * date its "national" counts read as the same cells with other values (docs/disclosure-control.md
 * "Two cuts of one extract": "A region's own publication beside the national one").
 *
 * A publication of one region is read with its whole-country rows as that region's rows — the
 * same patients, so exact: a count one of the two rows hides and the other prints is printed.
 * Then the two scopes are cuts of one extract: the region's rows of both are the same cells. Two
 * publications of several regions each, not the same, cannot be read so (a subset's total is a
 * cell neither model has): said, not audited together.
 */
import { HtaError } from '../../errors.js';
import { regionKey } from '../regions.js';
import { respellPublished } from './region-spellings.js';

/**
 * What to do with two publications of one export date the audit cannot read together: their
 * totals may count the same patients (a region's municipalities and the region), and a total one
 * prints and the other hides would go unchecked — so only one of them is published.
 */
/**
 * Why two publications of one export date and other scopes must not both go out, and the one
 * instruction: publish one of them. The municipality advice only where one is a single region
 * (a region's page beside its municipalities'); not for, say, 2 regions beside 5.
 */
const notTogether = (oneRegion: boolean): string => `a total one prints and the other hides would go unchecked, and subtracting the printed units from it could give back a hidden one. Publish only one of the two for this export date${oneRegion ? ': a publication by municipality already carries its region\'s figures in its total rows (name them with the uptake plan\'s "totalName", e.g. "Region Sjælland", in place of "Whole country"); or publish the region\'s own page alone' : ''}`;

type Row = Record<string, unknown>;
interface Carried { metrics?: Row[]; activationYears?: Row[] }
interface Changed { periods?: Row[]; activationYears?: Row[] }
interface Scoped { exportDate?: unknown; metrics?: Row[]; uptake?: Row[]; budget?: { observed?: Row[] } & Row; previous?: { publications?: Carried[]; changed?: Changed } & Row }

/** The regions a publication prints rows of, besides the whole country, sorted. */
export function regionsOfPublication(json: unknown): string[] {
  const metrics = (json as Scoped).metrics ?? [];
  return [...new Set(metrics.map((m) => String(m.region)).filter((r) => r !== 'national'))].sort();
}

/** Count fields a region's row takes from its whole-country row where it hides them (the same count). */
const COUNTS = new Set(['referrals', 'activations', 'atRisk4w', 'retained4w', 'atRisk12w', 'retained12w', 'eligible']);

/**
 * `rows` with each "national" row folded into the row of `region` with the same key (`keyOf`): a
 * count the region's row hides (the marker, or left out as a carried publication leaves it) is
 * taken from the whole-country row.
 */
function fold(rows: readonly Row[] | undefined, region: string, keyOf: (r: Row) => string): Row[] | undefined {
  if (!rows) return rows;
  const own = rows.filter((r) => r.region !== 'national').map((r) => ({ ...r }));
  const at = new Map(own.map((r) => [keyOf(r), r]));
  for (const n of rows.filter((r) => r.region === 'national')) {
    const r = at.get(keyOf({ ...n, region }));
    if (!r) {
      const copy = { ...n, region };
      own.push(copy);
      at.set(keyOf(copy), copy);
      continue;
    }
    for (const [k, v] of Object.entries(n)) if (COUNTS.has(k) && (r[k] === 'suppressed' || r[k] === undefined) && typeof v === 'number') r[k] = v;
  }
  return own;
}

/** The region a carried publication prints rows of, as it spelled it; `region` when it prints none or several. */
function carriedRegion(p: Carried, region: string): string {
  const own = [...new Set((p.metrics ?? []).map((r) => String(r.region)).filter((r) => r !== 'national'))];
  return own.length === 1 ? own[0]! : region;
}

/**
 * A one-region publication with its whole-country rows read as its region's rows — its tables,
 * the earlier publications it carries (`previous.publications`: their "national" rows were that
 * region's too) and the periods it lists as changed.
 */
export function asRegionRows<T>(json: T, region: string): T {
  const j = json as Scoped;
  const metricKey = (r: Row) => `${String(r.region)}|${String(r.period)}|${String(r.dimension)}|${String(r.level)}`;
  const yearKey = (r: Row) => `${String(r.region)}|${String(r.year)}`;
  const named = (rows: Row[] | undefined, to: string) => rows?.map((r) => (r.region === 'national' ? { ...r, region: to } : r));
  // Its count of rows read is its region's, not the whole extract's: left out (the audit's file
  // check does not need it of a file read so: published-audit.ts).
  const { rows: _rows, ...rest } = j as Scoped & { rows?: unknown };
  const previous = j.previous && {
    ...j.previous,
    ...(j.previous.publications ? {
      publications: j.previous.publications.map((p) => {
        const to = carriedRegion(p, region);
        return { ...p, ...(p.metrics ? { metrics: fold(p.metrics, to, metricKey) } : {}), ...(p.activationYears ? { activationYears: fold(p.activationYears, to, yearKey) } : {}) };
      }),
    } : {}),
    ...(j.previous.changed ? { changed: { ...j.previous.changed, ...(j.previous.changed.periods ? { periods: named(j.previous.changed.periods, region) } : {}), ...(j.previous.changed.activationYears ? { activationYears: named(j.previous.changed.activationYears, region) } : {}) } } : {}),
  };
  return {
    ...rest,
    ...(j.metrics ? { metrics: fold(j.metrics, region, metricKey) } : {}),
    ...(j.uptake ? { uptake: fold(j.uptake, region, yearKey) } : {}),
    // Its costs rest on its own volume (the region's activations, its "national"), not the
    // country's: read beside the other publication they would seem to rest on its counts. Its
    // own audit checks them.
    ...(j.budget?.observed ? { budget: { ...j.budget, observed: fold(j.budget.observed, region, yearKey)!.map(({ cost: _c, averagePrice: _a, ...y }) => y) } } : {}),
    ...(previous ? { previous } : {}),
  } as T;
}

/**
 * The published file and its other cuts (same export date) brought to one scope: where their
 * regions differ, a one-region publication whose region the other prints is read as that
 * region's rows; any other difference of scope is refused, saying what the audit can do.
 */
export function oneScope<P, Q>(published: { file: string; json: P }, cuts: readonly { file: string; json: Q }[]): { published: P; cuts: Q[]; regionCuts: string[] } {
  const mine = regionsOfPublication(published.json);
  let pub = published.json;
  const regionCuts: string[] = [];
  const out = cuts.map((c) => {
    // Its regions as this file spells them ("Syddanmark" for "Region Syddanmark": one region).
    const respelled = respellPublished(c.json as Parameters<typeof respellPublished>[0], mine) as Q;
    const theirs = regionsOfPublication(respelled);
    if (theirs.join('|') === mine.join('|')) return c.json;
    if (theirs.length === 1 && mine.includes(theirs[0]!)) {
      regionCuts.push(c.file);
      // Folded as this file spells the region: its own rows and its whole-country rows one region.
      return asRegionRows(respelled, theirs[0]!);
    }
    if (mine.length === 1 && theirs.includes(mine[0]!)) {
      regionCuts.push(published.file);
      pub = asRegionRows(pub, mine[0]!);
      return c.json;
    }
    const words = (f: string, r: string[]) => `${f} prints ${r.length === 1 ? 'region' : 'regions'} ${r.join(', ')}`;
    throw new HtaError('usage.invalid', `${published.file} and ${c.file} have the same export date but different scopes (${words(published.file, mine)}; ${words(c.file, theirs)}): their "national" rows are different totals, so they are not read as cuts of one extract. The audit reads together a region's own publication (one region) with one that prints that region, its whole-country rows read as the region's; these two it cannot read together: ${notTogether(mine.length === 1 || theirs.length === 1)} (docs/disclosure-control.md "Two cuts of one extract")`);
  });
  return { published: pub, cuts: out, regionCuts: [...new Set(regionCuts)] };
}

/**
 * A run's refusal of a `--previous` publication of its own export date and another scope
 * (`theirs`, `mine`: the regions each prints). Auditing the two together must come before
 * publishing this one: a leak found after publication cannot be taken back.
 */
export function otherScopeRefusal(file: string, exportDate: string, theirs: readonly string[], mine: readonly string[]): HtaError {
  const head = `--previous ${file}: it has this export's date (${exportDate}) but another scope (it prints ${theirs.join(', ')}; this export ${mine.join(', ')})`;
  // The audit reads the two together only when one is a region the other prints (oneScope): no
  // advice to audit what the audit then refuses (found in review: a region's municipalities
  // beside the region's own page sent the user in a circle).
  const key = (r: string) => regionKey(r);
  const together = (one: readonly string[], other: readonly string[]) => one.length === 1 && other.some((r) => key(r) === key(one[0]!));
  if (!together(theirs, mine) && !together(mine, theirs)) {
    return new HtaError('usage.invalid', `${head}: a run cannot take a publication of another scope as known. Nor can the audit read the two together: neither is one region the other prints (as a region's municipalities beside that region's own publication), so ${notTogether(theirs.length === 1 || mine.length === 1)} (docs/disclosure-control.md "Two cuts of one extract")`);
  }
  return new HtaError('usage.invalid', `${head}: its "national" rows are another total, and a run cannot take a publication of another scope as known. Run this one without it (hta uptake … --json > new.json), then, before publishing it, audit the two together: hta uptake --audit --published new.json --previous ${file} (a one-region publication is read as its region's rows beside one of more regions). If the audit fails (exit 1), publish less — fewer tables, breakdowns or clinics (the uptake plan's "publish") — and audit again; publish only what passes (docs/disclosure-control.md "Two cuts of one extract")`);
}
