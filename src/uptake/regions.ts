/**
 * Regions are data, not code: the denominator (eligible) file names them, in the order its rows
 * first mention them, and that order is the order of every table and chart (see
 * docs/input-registry.md "Regions"). Any country works; the five Danish regions are only the
 * simulator's default.
 *
 * Spellings match when they agree after Unicode NFC normalisation, trimming, collapsing inner
 * white space, lower-casing and dropping a leading "Region " — so "REGION SJÆLLAND",
 * "Region  Sjælland" and "sjælland" (in either Unicode form of "æ") are one region — or, failing
 * that, once æ, ø, å are spelled ae, oe, aa ("Region Sjaelland"), or, failing that too, in plain
 * letters (å, ä as a, ø, ö as o: "Region Skane"), when that names one region. Registry
 * spellings that differ otherwise ("Sjælland-Vest", "Oslo kommune") are mapped by the uptake
 * plan's `regions` synonyms. A Danish region's DAGI code (`1084`) is that region's spelling too
 * (region-codes.ts), unless the eligible file names a region so itself — and only when every
 * region of the eligible file is a Danish region, named or numbered (`readsRegionCodes`): 1081 is
 * also a Swedish municipality's code.
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

/**
 * The key of the plain-letter spelling, tried last: å, ä as a, ø, ö as o (æ as ae), accents
 * dropped — how a Swedish or Norwegian keyboard-less export writes `Skåne` as `Skane` (the
 * Danish ASCII spelling `Skaane` is asciiRegionKey's).
 */
export function plainRegionKey(text: string): string {
  return regionKey(text).replace(/æ/g, 'ae').replace(/ø/g, 'o').normalize('NFD').replace(/\p{Diacritic}/gu, '');
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
  /** The DAGI codes `resolve` has read as a region so far (code → region name), for a note. */
  readonly codesRead: ReadonlyMap<string, string>;
}

/**
 * The set of `names` (already distinct), with `synonyms` (spelling → one of the names) added.
 * Throws a RangeError naming a synonym whose target is not a region (the caller turns it into a
 * plan problem).
 */
export function regionSet(names: readonly string[], synonyms: Readonly<Record<string, string>> = {}, source = '', codes = true): RegionSet {
  const byKey = new Map<string, string>(names.map((n) => [regionKey(n), n]));
  for (const [from, to] of Object.entries(synonyms)) {
    const target = byKey.get(regionKey(to));
    if (target === undefined) throw new RangeError(`"${from}" is mapped to "${to}", which is not one of ${names.join(', ')}`);
    byKey.set(regionKey(from), target);
  }
  // ASCII spellings (`Sjaelland`), only where they name one region: two regions whose names
  // agree once spelled out in ASCII are told apart by their own spelling only.
  const byAscii = new Map<string, string | null>();
  const byPlain = new Map<string, string | null>();
  for (const n of names) {
    for (const [map, key] of [[byAscii, asciiRegionKey(n)], [byPlain, plainRegionKey(n)]] as const) {
      const had = map.get(key);
      map.set(key, had === undefined || had === n ? n : null);
    }
  }
  const cache = new Map<string, string | undefined>();
  const codesRead = new Map<string, string>();
  const where = source === '' ? '' : ` (the regions of ${source})`;
  return {
    names,
    codesRead,
    expected: `one of ${names.join(', ')}${where}, optionally written "Region …"; map other spellings with the uptake plan's "regions"`,
    resolve(text) {
      if (cache.has(text)) return cache.get(text);
      const code = codes ? regionOfCode(text) : undefined;
      // An ASCII spelling naming two regions (null) stays unread: the plain letters are not tried.
      const ascii = byAscii.get(asciiRegionKey(text));
      let r = byKey.get(regionKey(text)) ?? (ascii === undefined ? byPlain.get(plainRegionKey(text)) : ascii) ?? undefined;
      if (r === undefined && code !== undefined) {
        r = byKey.get(regionKey(code));
        if (r !== undefined) codesRead.set(text.trim(), r);
      }
      if (cache.size < 10_000) cache.set(text, r);
      return r;
    },
  };
}

/** The simulator's default: the five Danish regions. */
export const DANISH_REGIONS: RegionSet = regionSet(REGIONS);

/**
 * Whether DAGI codes are read as Danish regions for a file whose region cells are `values`
 * (non-empty, total rows left out): only when every one is a Danish region, by name or by code.
 * A file that also holds 1080 or 1060, or a region that is not Danish, is from elsewhere — in
 * Sweden 1081–1083 are Blekinge's municipalities — and its codes stay as written
 * (docs/input-registry.md "Regions").
 */
export function readsRegionCodes(values: Iterable<string>): boolean {
  let any = false;
  for (const v of values) {
    if (regionOfCode(v) === undefined && DANISH_REGIONS.resolve(v) === undefined) return false;
    any = true;
  }
  return any;
}

/** The note for codes read as regions (stderr), so that the reading shows. */
export function regionCodesNote(file: string, codesRead: ReadonlyMap<string, string>, lang: 'en' | 'da' = 'en'): string | undefined {
  if (codesRead.size === 0) return undefined;
  const da = lang === 'da';
  const list = [...codesRead].sort(([a], [b]) => a.localeCompare(b)).map(([c, r]) => `${c} ${da ? 'som' : 'as'} ${r}`).join(', ');
  // In the language of the command (`--lang da`: docs/cli.md "Danish output").
  if (da) return `${file}: regionskoder læst som de danske regioner, de nummererer (DAGI) — ${list}; er de ikke danske regionskoder, så omsæt dem med optagsplanens "regions", eller navngiv regionerne i filen med antal berettigede (docs/input-registry.md "Regions")`;
  return `${file}: region codes read as the Danish regions they number (DAGI) — ${list}; if they are not Danish region codes, map them with the uptake plan's "regions" or name the regions in the eligible file (docs/input-registry.md "Regions")`;
}

/** The regions that `rows` mention (not 'national'), in first-appearance order. */
export function regionsIn(...lists: Iterable<{ region: string }>[]): string[] {
  const out = new Set<string>();
  for (const rows of lists) for (const r of rows) if (r.region !== 'national') out.add(r.region);
  return [...out];
}
