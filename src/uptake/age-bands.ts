/**
 * Age bands in the registry's age column (docs/input-registry.md "Age bands"). A regional BI
 * export that withholds exact ages writes a band instead — `50-59 år`, `80+ år`, `0-17 år`,
 * `18-29`, `90 år og derover` — in its age column (`Aldersgruppe`, mapped with the plan's
 * `columns.registry.ageBand` or `.age`). Such a cell is read as its band and carried through the
 * engine as one integer (`bandCode`), beside the exact ages 0–120 it cannot be confused with.
 *
 * After the read, the bands of the valid rows decide the equity table's age bands
 * (`ageBandScheme`): when every band lies inside one of the standard bands (<18, 18–29, 30–44,
 * 45–59, 60–74, 75+), the referrals are counted in the standard bands, as exact ages would be;
 * otherwise in the export's own bands, and every output says so (input-notes.ts).
 */
import { AGE_BANDS, ageBandOf, type AgeBand } from './referral.js';

/** A band of whole years, both ends inclusive; `hi` null: open upwards ("80+"). */
export interface YearBand {
  lo: number;
  hi: number | null;
}

/** The oldest age a band may start at, as for an exact age (docs/input-registry.md). */
const MAX_AGE = 120;

// "år"/"years"/"yrs"/"y" after a number; the dash may be an en dash or a minus, or the word "til"/"to" ("18 til 29").
const YEARS = String.raw`(?:\s*(?:år|aar|years?|yrs?|y))?`;
const DASH = String.raw`(?:\s*[-–—−]\s*|\s+(?:til|to)\s+)`;
const RANGE = new RegExp(String.raw`^(\d{1,3})${YEARS}${DASH}(\d{1,3})${YEARS}$`, 'iu');
const PLUS = new RegExp(String.raw`^(\d{1,3})${YEARS}\s*\+${YEARS}$`, 'iu');
// "90 år og derover", "90 år og ældre", "90 og over", "90 years and over", "90 or older", "≥90", ">=90".
const AND_OVER = new RegExp(String.raw`^(?:(?:≥|>=)\s*(\d{1,3})${YEARS}|(\d{1,3})${YEARS}\s+(?:og|and|or)\s+(?:derover|over|ældre|aeldre|older|above))$`, 'iu');
// "<18", "< 18", "under 18", "under 18 år": up to the year before; "<=17", "≤17": up to that year.
const UNDER = new RegExp(String.raw`^(?:<\s*|under\s+)(\d{1,3})${YEARS}$`, 'iu');
const UP_TO = new RegExp(String.raw`^(?:<=|≤)\s*(\d{1,3})${YEARS}$`, 'iu');

/** An age-band text → its band; undefined when the text is no band (an exact age is none). */
export function parseAgeBand(text: string): YearBand | undefined {
  const t = text.normalize('NFC').trim().replace(/\s+/gu, ' ');
  let m = RANGE.exec(t);
  if (m) {
    const lo = Number(m[1]);
    const hi = Number(m[2]);
    return lo <= hi && hi <= MAX_AGE ? { lo, hi } : undefined;
  }
  m = PLUS.exec(t) ?? AND_OVER.exec(t);
  if (m) {
    const lo = Number(m[1] ?? m[2]);
    return lo <= MAX_AGE ? { lo, hi: null } : undefined;
  }
  m = UNDER.exec(t);
  if (m) {
    const n = Number(m[1]);
    return n >= 1 && n <= MAX_AGE ? { lo: 0, hi: n - 1 } : undefined;
  }
  m = UP_TO.exec(t);
  if (m) {
    const n = Number(m[1]);
    return n <= MAX_AGE ? { lo: 0, hi: n } : undefined;
  }
  return undefined;
}

// A band travels through the engine as one integer in the age column: 100000 + lo × 1000 + hi
// (hi 999 when open), far above any exact age (0–120), so a column may hold both.
const BAND_BASE = 100_000;
const OPEN = 999;

export const bandCode = (b: YearBand): number => BAND_BASE + b.lo * 1000 + (b.hi ?? OPEN);
export const isBandCode = (age: number): boolean => age >= BAND_BASE;

/** An age value as read (an exact age, or a band's code) → its band (an exact age a is a–a). */
export function bandOfAge(age: number): YearBand {
  if (!isBandCode(age)) return { lo: age, hi: age };
  const rest = age - BAND_BASE;
  const hi = rest % 1000;
  return { lo: Math.floor(rest / 1000), hi: hi === OPEN ? null : hi };
}

/** The band as the equity table names it: "50-59", "80+" (the report writes "50–59"). */
export const bandLabel = (b: YearBand): string => (b.hi === null ? `${b.lo}+` : b.lo === b.hi ? String(b.lo) : `${b.lo}-${b.hi}`);

/** The standard band holding every age of `b`, if one does. */
function standardBandOf(b: YearBand): AgeBand | undefined {
  const low = ageBandOf(b.lo);
  if (b.hi === null) return low === '75+' ? low : undefined;
  return ageBandOf(b.hi) === low ? low : undefined;
}

/** What the equity table's age bands are, for the ages and bands the valid rows hold. */
export type AgeBandScheme =
  /** Every band inside a standard band: counted in the standard bands. */
  | { kind: 'standard'; labels: Map<number, AgeBand>; bands: string[] }
  /** The export's own bands (some band straddles two standard ones). */
  | { kind: 'own'; labels: Map<number, string>; bands: string[]; straddling: string[] }
  /** The export's bands cannot be used (they overlap, or an exact age falls in none or two); `overlap`: the two bands' codes, for the message to name where each is. */
  | { kind: 'refused'; reason: string; overlap?: [number, number] };

/**
 * The scheme for `ages`: the distinct non-null age values of the valid rows (exact ages and
 * band codes). Undefined when there is no band among them: exact ages, counted as always.
 */
export function ageBandScheme(ages: readonly number[]): AgeBandScheme | undefined {
  if (!ages.some(isBandCode)) return undefined;
  const codes = [...new Set(ages)].sort((a, b) => a - b);
  const standard = new Map<number, AgeBand>();
  for (const c of codes) {
    const s = standardBandOf(bandOfAge(c));
    if (s === undefined) break;
    standard.set(c, s);
  }
  const bandsIn = (labels: Iterable<string>) => [...new Set(labels)].sort((a, b) => ageBandRank(a) - ageBandRank(b));
  if (standard.size === codes.length) return { kind: 'standard', labels: standard, bands: bandsIn(standard.values()) };
  // The export's own bands: they must not overlap, and an exact age among them must fall in one.
  const bandCodes = codes.filter(isBandCode);
  const bands = bandCodes.map(bandOfAge);
  for (let i = 1; i < bands.length; i++) {
    const a = bands[i - 1]!;
    const b = bands[i]!;
    if (a.hi === null || a.hi >= b.lo) {
      return { kind: 'refused', reason: `its age bands ${bandLabel(a)} and ${bandLabel(b)} overlap, so a referral cannot be counted in one of them`, overlap: [bandCodes[i - 1]!, bandCodes[i]!] };
    }
  }
  const labels = new Map<number, string>();
  for (const c of codes) {
    if (isBandCode(c)) {
      labels.set(c, bandLabel(bandOfAge(c)));
      continue;
    }
    const home = bands.find((b) => b.lo <= c && (b.hi === null || c <= b.hi));
    if (home === undefined) return { kind: 'refused', reason: `it holds the exact age ${c}, which is in none of its age bands (${bands.map(bandLabel).join(', ')})` };
    labels.set(c, bandLabel(home));
  }
  const straddling = bands.filter((b) => standardBandOf(b) === undefined).map(bandLabel);
  return { kind: 'own', labels, bands: bandsIn(labels.values()), straddling };
}

/** How an age-band column was counted: in the standard bands (each band inside one), or in the export's own. */
export interface AgeBandsRead {
  kind: 'standard' | 'own';
  /** The equity table's bands, in order ("unknown" aside). */
  bands: string[];
  /** 'own': the export's bands that straddle two standard bands (why its own are used). */
  straddling?: string[];
}

/** What a read says of the bands it counted by (a registry's, or aggregate tables' parts). */
export function ageBandsRead(scheme: Exclude<AgeBandScheme, { kind: 'refused' }>): AgeBandsRead {
  return scheme.kind === 'own' ? { kind: 'own', bands: scheme.bands, straddling: scheme.straddling } : { kind: 'standard', bands: scheme.bands };
}

/** Ranks met so far, by label: the table sort asks for each label many times (aggregate.ts). */
const ranks = new Map<string, number>();

/** Table order of an age band's label: by its first year; "unknown" last. */
export function ageBandRank(label: string): number {
  let rank = ranks.get(label);
  if (rank === undefined) ranks.set(label, (rank = rankOf(label)));
  return rank;
}

function rankOf(label: string): number {
  if (label === 'unknown') return Number.MAX_SAFE_INTEGER;
  const b = bandOfLevel(label);
  // "<18" first among the labels that start at age 0 (before "0-17" or an exact age 0).
  return b ? b.lo * 2 + (label.startsWith('<') ? 0 : 1) : Number.MAX_SAFE_INTEGER - 1;
}

/** An age-band level as the equity table names it ("<18", "18-29", "75+", an exact age "54") → its years; undefined for "unknown". */
export function bandOfLevel(level: string): YearBand | undefined {
  if (/^\d{1,3}$/.test(level)) return { lo: Number(level), hi: Number(level) };
  return parseAgeBand(level);
}

/** Bands in words, for messages and notes: "<18, 18–29, 75+" (an en dash, as the report writes them). */
export const bandsText = (bands: readonly string[]): string => bands.map((b) => b.replace('-', '–')).join(', ');

/** The standard bands in words, for messages and notes: "<18, 18–29, …, 75+". (A function: referral.ts and this module import each other.) */
export const standardBandsText = (): string => bandsText(AGE_BANDS.filter((b) => b !== 'unknown'));
