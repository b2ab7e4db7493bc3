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
import { respellPublished } from './region-spellings.js';

type Row = Record<string, unknown>;
interface Scoped { exportDate?: unknown; metrics?: Row[]; uptake?: Row[]; budget?: { observed?: Row[] } & Row }

/** The regions a publication prints rows of, besides the whole country, sorted. */
export function regionsOfPublication(json: unknown): string[] {
  const metrics = (json as Scoped).metrics ?? [];
  return [...new Set(metrics.map((m) => String(m.region)).filter((r) => r !== 'national'))].sort();
}

/** Count fields a region's row takes from its whole-country row where it hides them (the same count). */
const COUNTS = new Set(['referrals', 'activations', 'atRisk4w', 'retained4w', 'atRisk12w', 'retained12w', 'eligible']);

/** `rows` with each "national" row folded into the row of `region` with the same key (`keyOf`). */
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
    for (const [k, v] of Object.entries(n)) if (COUNTS.has(k) && r[k] === 'suppressed' && typeof v === 'number') r[k] = v;
  }
  return own;
}

/** A one-region publication with its whole-country rows read as its region's rows. */
export function asRegionRows<T>(json: T, region: string): T {
  const j = json as Scoped;
  const metricKey = (r: Row) => `${String(r.region)}|${String(r.period)}|${String(r.dimension)}|${String(r.level)}`;
  const yearKey = (r: Row) => `${String(r.region)}|${String(r.year)}`;
  // Its count of rows read is its region's, not the whole extract's: left out.
  const { rows: _rows, ...rest } = j as Scoped & { rows?: unknown };
  return {
    ...rest,
    ...(j.metrics ? { metrics: fold(j.metrics, region, metricKey) } : {}),
    ...(j.uptake ? { uptake: fold(j.uptake, region, yearKey) } : {}),
    ...(j.budget?.observed ? { budget: { ...j.budget, observed: fold(j.budget.observed, region, yearKey) } } : {}),
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
    const theirs = regionsOfPublication(respellPublished(c.json as Parameters<typeof respellPublished>[0], mine));
    if (theirs.join('|') === mine.join('|')) return c.json;
    if (theirs.length === 1 && mine.includes(theirs[0]!)) {
      regionCuts.push(c.file);
      return asRegionRows(c.json, theirs[0]!);
    }
    if (mine.length === 1 && theirs.includes(mine[0]!)) {
      regionCuts.push(published.file);
      pub = asRegionRows(pub, mine[0]!);
      return c.json;
    }
    const words = (f: string, r: string[]) => `${f} prints ${r.length === 1 ? 'region' : 'regions'} ${r.join(', ')}`;
    throw new HtaError('usage.invalid', `${published.file} and ${c.file} have the same export date but different scopes (${words(published.file, mine)}; ${words(c.file, theirs)}): their "national" rows are different totals, so they are not read as cuts of one extract. The audit reads together a region's own publication (one region) with one that prints that region, its whole-country rows read as the region's; for other scopes audit each publication on its own (hta uptake --audit --published <file>) — counts of the regions both print are then not checked against each other (docs/disclosure-control.md "Two cuts of one extract")`);
  });
  return { published: pub, cuts: out, regionCuts: [...new Set(regionCuts)] };
}
