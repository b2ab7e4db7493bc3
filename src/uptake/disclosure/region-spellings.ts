/**
 * Earlier publications' region names read as the registry's are (regions.ts: NFC, blanks, case, a
 * leading "Region ", æ/ø/å spelled out, Danish region codes): a publication made with an eligible
 * file saying "Region Hovedstaden" and the next with one saying "Hovedstaden" print one region, so
 * its counts then are compared with its counts now (now = then + added since) instead of reading
 * as a region gone, which hides every region's counts of the periods it was printed in
 * (docs/disclosure-control.md "A clinic, level or region gone"). Clinic names across publications
 * are folded by the same rule (previous-publication.ts `foldClinicSpellings`; respell-counts.ts);
 * this runs first, so that a clinic's region is the region now. The plan's `regions` synonyms are not applied: the
 * audit of a published file has no plan, and must read the file as the run did.
 *
 * Not folded (still a region gone): an earlier spelling that is a region now too, or two earlier
 * spellings of one date naming one region now (two regions merged: their counts then are two
 * regions' counts).
 */
import { readsRegionCodes, regionSet } from '../regions.js';
import type { PreviousPublication } from './previous-publication.js';
import { respellCounts } from './respell-counts.js';

/** An earlier publication's region spelling read as a region now spelled otherwise. */
export interface RespelledRegion { earlier: string; now: string; asOf: string[] }

/** Each of `spellings` that is no region now but names one (`regionsNow`, as printed) → that region. */
function regionsNamed(spellings: Iterable<string>, regionsNow: readonly string[]): Map<string, string> {
  const exact = new Set([...regionsNow, 'national']);
  const earlier = [...new Set(spellings)].filter((r) => !exact.has(r));
  if (earlier.length === 0) return new Map();
  const set = regionSet(regionsNow, {}, '', readsRegionCodes([...regionsNow, ...earlier]));
  return new Map(earlier.flatMap((r) => {
    const now = set.resolve(r);
    return now === undefined ? [] : [[r, now] as const];
  }));
}

/** `previous` with each earlier region spelling that names a region now (`regionsNow`, as printed) written as it is now. */
export function foldRegionSpellings(previous: PreviousPublication, regionsNow: readonly string[]): { previous: PreviousPublication; respelled: RespelledRegion[] } {
  const target = regionsNamed([...previous.counts, ...(previous.hidden ?? [])].map((c) => c.region), regionsNow);
  if (target.size === 0) return { previous, respelled: [] };
  const read = respellCounts(previous, {
    name: (c) => c.region,
    now: (c) => target.get(c.region),
    group: (c) => target.get(c.region) ?? c.region,
    renamed: (c, now) => ({ ...c, region: now }),
  });
  // Units listed as changed and merges applied name the region as their file printed it. Read
  // under the name now wherever it names a region now: a changed unit missed would let its count
  // be printed again (previous-publication.ts `listedChanged`).
  const unitRegion = (u: string) => {
    const [kind, region, ...rest] = u.split('|');
    const now = target.get(region ?? '');
    return now === undefined ? u : [kind, now, ...rest].join('|');
  };
  let listedChanged = previous.listedChanged;
  if (listedChanged) {
    const out = new Map<string, string>();
    for (const [u, asOf] of listedChanged) {
      const k = unitRegion(u), had = out.get(k);
      if (had === undefined || asOf < had) out.set(k, asOf);
    }
    listedChanged = out;
  }
  const clinicMerges = previous.clinicMerges?.map((m) => ({ ...m, region: target.get(m.region) ?? m.region }));
  const listedAdded = previous.listedAdded && new Set([...previous.listedAdded].map((r) => target.get(r) ?? r));
  const listedAddedSince = previous.listedAddedSince && new Map([...previous.listedAddedSince].map(([r, d]) => [target.get(r) ?? r, d]));
  return {
    previous: { ...read.previous, ...(listedChanged ? { listedChanged } : {}), ...(listedAdded ? { listedAdded } : {}), ...(listedAddedSince ? { listedAddedSince } : {}), ...(clinicMerges ? { clinicMerges } : {}) },
    respelled: read.respelled.map(({ earlier, now, asOf }) => ({ earlier, now, asOf })),
  };
}

/** The run's note (stderr) on earlier region spellings compared with a region now spelled otherwise. */
export function respelledRegionsNote(respelled: readonly RespelledRegion[], lang: 'en' | 'da' = 'en'): string {
  if (lang === 'da') {
    const listDa = respelled.map((r) => `"${r.earlier}" (vist med udtræksdato ${r.asOf.join(', ')}) som "${r.now}"`).join('; ');
    return `regionsnavne fra en tidligere offentliggørelse, der navngiver en region, som nu staves anderledes (store/små bogstaver, mellemrum, et indledende "Region ", æ/ø/å skrevet ud), sammenlignes som den region, dens tal dengang med dens tal nu: ${listDa} (docs/disclosure-control.md "A clinic, level or region gone")`;
  }
  const list = respelled.map((r) => `"${r.earlier}" (printed as of ${r.asOf.join(', ')}) as "${r.now}"`).join('; ');
  return `region names of an earlier publication that name a region now spelled otherwise (case, blanks, a leading "Region ", æ/ø/å spelled out) are compared as that region, its counts then against its counts now: ${list} (docs/disclosure-control.md "A clinic, level or region gone")`;
}

type Rows = readonly Record<string, unknown>[];

/**
 * An earlier results.json with its tables' region names written as they are now (`regionsNow`):
 * the audit reads its hidden counts from the file audited by row label (published-audit.ts
 * "Hidden before, hidden again"). Not where two of its spellings name one region now.
 */
export function respellPublished<T extends { metrics: Rows; uptake?: Rows; budget?: { observed: Rows }; funnel?: { rows: Rows } }>(json: T, regionsNow: readonly string[]): T {
  const tables = [json.metrics, json.uptake ?? [], json.budget?.observed ?? [], json.funnel?.rows ?? []];
  const spellings = tables.flatMap((t) => t.map((r) => String(r.region)));
  const target = regionsNamed(spellings, regionsNow);
  const named = new Map<string, Set<string>>();
  for (const r of new Set(spellings)) named.set(target.get(r) ?? r, (named.get(target.get(r) ?? r) ?? new Set()).add(r));
  const respell = (rows: Rows) => rows.map((r) => {
    const now = target.get(String(r.region));
    return now === undefined || named.get(now)!.size > 1 ? r : { ...r, region: now };
  });
  return {
    ...json, metrics: respell(json.metrics),
    ...(json.uptake ? { uptake: respell(json.uptake) } : {}),
    ...(json.budget ? { budget: { ...json.budget, observed: respell(json.budget.observed) } } : {}),
    ...(json.funnel ? { funnel: { ...json.funnel, rows: respell(json.funnel.rows) } } : {}),
  };
}
