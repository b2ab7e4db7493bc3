/**
 * Regions are data, not code: the denominator (eligible) file names them, in the order its rows
 * first mention them, and that order is the order of every table and chart (see
 * docs/input-registry.md "Regions"). Any country works; the five Danish regions are only the
 * simulator's default.
 *
 * Spellings match when they agree after Unicode NFC normalisation, trimming, collapsing inner
 * white space, lower-casing and dropping a leading "Region " — so "REGION SJÆLLAND",
 * "Region  Sjælland" and "sjælland" (in either Unicode form of "æ") are one region — or, failing
 * that, once æ, ø, å are spelled ae, oe, aa ("Region Sjaelland"), when that names one region. Registry
 * spellings that differ otherwise ("Sjælland-Vest", "Oslo kommune") are mapped by the uptake
 * plan's `regions` synonyms. A Danish region's DAGI code (`1084`) is that region's spelling too
 * (region-codes.ts), unless the eligible file names a region so itself.
 */
import { spelledOut } from '../plan/wide-visits.js';
import { REGIONS } from './referral.js';
import { regionOfCode } from './region-codes.js';

/** The comparison key of a region spelling. */
export function regionKey(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase().replace(/^region /, '');
}

/**
 * The key a spelling is compared by when its own key matches no region: æ, ø, å written as their
 * usual ASCII spellings ae, oe, aa (and accents dropped), so `Sjaelland` is `Sjælland`
 * (docs/input-registry.md "Regions").
 */
export function asciiRegionKey(text: string): string {
  return spelledOut(regionKey(text));
}

/** The display form of a spelling: NFC, trimmed, single spaces (case and prefix kept as written). */
export function regionDisplay(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

export interface RegionSet {
  /** Region names, in the order that every table and chart uses. */
  readonly names: readonly string[];
  /** A registry spelling → the region's name, or undefined when it is not one of them. */
  resolve(text: string): string | undefined;
  /** "one of …" for messages. */
  readonly expected: string;
}

/**
 * The set of `names` (already distinct), with `synonyms` (spelling → one of the names) added.
 * Throws a RangeError naming a synonym whose target is not a region (the caller turns it into a
 * plan problem).
 */
export function regionSet(names: readonly string[], synonyms: Readonly<Record<string, string>> = {}, source = ''): RegionSet {
  const byKey = new Map<string, string>(names.map((n) => [regionKey(n), n]));
  for (const [from, to] of Object.entries(synonyms)) {
    const target = byKey.get(regionKey(to));
    if (target === undefined) throw new RangeError(`"${from}" is mapped to "${to}", which is not one of ${names.join(', ')}`);
    byKey.set(regionKey(from), target);
  }
  // ASCII spellings (`Sjaelland`), only where they name one region: two regions whose names
  // agree once spelled out in ASCII are told apart by their own spelling only.
  const byAscii = new Map<string, string | null>();
  for (const n of names) {
    const k = asciiRegionKey(n);
    const had = byAscii.get(k);
    byAscii.set(k, had === undefined || had === n ? n : null);
  }
  const cache = new Map<string, string | undefined>();
  const where = source === '' ? '' : ` (the regions of ${source})`;
  return {
    names,
    expected: `one of ${names.join(', ')}${where}, optionally written "Region …"; map other spellings with the uptake plan's "regions"`,
    resolve(text) {
      if (cache.has(text)) return cache.get(text);
      const code = regionOfCode(text);
      const r = byKey.get(regionKey(text)) ?? byAscii.get(asciiRegionKey(text)) ?? (code === undefined ? undefined : byKey.get(regionKey(code)));
      if (cache.size < 10_000) cache.set(text, r);
      return r;
    },
  };
}

/** The simulator's default: the five Danish regions. */
export const DANISH_REGIONS: RegionSet = regionSet(REGIONS);

/** The regions that `rows` mention (not 'national'), in first-appearance order. */
export function regionsIn(...lists: Iterable<{ region: string }>[]): string[] {
  const out = new Set<string>();
  for (const rows of lists) for (const r of rows) if (r.region !== 'national') out.add(r.region);
  return [...out];
}
