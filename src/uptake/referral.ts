/**
 * One registry referral (docs/input-registry.md) and the validator for one CSV record.
 *
 * Columns: `id, region, clinic, referred, activated, last_active, age, sex, referrer`.
 * Dates are strict ISO `YYYY-MM-DD` calendar dates and are held as whole days since
 * 1970-01-01 (UTC), so differences are exact integers and cells stay small at 1,000,000 rows.
 *
 * Each field is parsed by its own zod schema, then the cross-field rules run on whatever
 * parsed, so one record reports every problem it has (each with its line and column).
 */
import { z } from 'zod';
import type { Problem } from '../errors.js';

export const REGIONS = ['Hovedstaden', 'Midtjylland', 'Syddanmark', 'Sjælland', 'Nordjylland'] as const;
export type Region = (typeof REGIONS)[number];

export const REFERRERS = ['gp', 'physio', 'chiro', 'other'] as const;
export type Referrer = (typeof REFERRERS)[number];

export const SEXES = ['female', 'male', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const AGE_BANDS = ['<18', '18-29', '30-44', '45-59', '60-74', '75+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The columns a registry export must have, in the order docs/input-registry.md lists them. */
export const REGISTRY_COLUMNS = ['id', 'region', 'clinic', 'referred', 'activated', 'last_active', 'age', 'sex', 'referrer'] as const;
export type RegistryColumn = (typeof REGISTRY_COLUMNS)[number];

/** A validated referral. Days are whole days since 1970-01-01 UTC (see `isoToDay`). */
export interface Referral {
  id: string;
  region: Region;
  clinic: string;
  referred: number;
  /** null: not (yet) activated. */
  activated: number | null;
  /** null: not activated. For an activated patient with an empty cell, the activation day. */
  lastActive: number | null;
  age: number | null;
  sex: Sex;
  referrer: Referrer;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Strict ISO date → days since 1970-01-01 UTC; undefined unless a real calendar date. */
export function isoToDay(text: string): number | undefined {
  const hit = dayCache.get(text);
  if (hit !== undefined) return hit;
  const day = parseIsoDay(text);
  if (day !== undefined && dayCache.size < 100_000) dayCache.set(text, day);
  return day;
}

const dayCache = new Map<string, number>();

function parseIsoDay(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / MS_PER_DAY;
}

/** Days since 1970-01-01 UTC → `YYYY-MM-DD`. */
export function dayToIso(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoCache.size < 100_000) isoCache.set(day, iso);
  }
  return iso;
}

const isoCache = new Map<number, string>();

/** Age in whole years → the equity age band (18–29, 30–44, 45–59, 60–74, 75+). */
export function ageBandOf(age: number | null): AgeBand {
  if (age === null) return 'unknown';
  if (age < 18) return '<18';
  if (age < 30) return '18-29';
  if (age < 45) return '30-44';
  if (age < 60) return '45-59';
  if (age < 75) return '60-74';
  return '75+';
}

const REGION_BY_KEY = new Map<string, Region>(REGIONS.map((r) => [r.toLocaleLowerCase('da'), r]));

/** "Hovedstaden", "hovedstaden", "Region Hovedstaden", "REGION SJÆLLAND" → the region; else undefined. */
export function parseRegion(text: string): Region | undefined {
  const key = text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da').replace(/^region /, '');
  return REGION_BY_KEY.get(key);
}

// Maps, not object literals: a cell such as "constructor" must not find Object.prototype's members.
const SEX_SYNONYMS = new Map<string, Sex>(Object.entries({
  f: 'female', female: 'female', k: 'female', kvinde: 'female', woman: 'female',
  m: 'male', male: 'male', mand: 'male', man: 'male',
  '': 'unknown', unknown: 'unknown', other: 'unknown', na: 'unknown', '.': 'unknown',
} as const));

const REFERRER_SYNONYMS = new Map<string, Referrer>(Object.entries({
  gp: 'gp', 'general practitioner': 'gp', 'læge': 'gp', 'praktiserende læge': 'gp',
  physio: 'physio', physiotherapist: 'physio', fysioterapeut: 'physio',
  chiro: 'chiro', chiropractor: 'chiro', kiropraktor: 'chiro',
  other: 'other', hospital: 'other', self: 'other', 'andet': 'other',
} as const));

const REGION_LIST = `one of ${REGIONS.join(', ')} (optionally written "Region …")`;

/** A column whose text `parse` turns into a value; undefined means invalid, and `expected` says what is allowed. */
function lookup<T>(parse: (v: string) => T | undefined, expected: string) {
  return z.string().transform((v, ctx) => {
    const value = parse(v);
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: expected });
      return z.NEVER;
    }
    return value;
  });
}

const requiredDate = lookup(isoToDay, 'a real calendar date written YYYY-MM-DD');
const optionalDate = lookup((v) => (v === '' ? null : isoToDay(v)), 'a real calendar date written YYYY-MM-DD, or empty');

/** One zod schema per column; the message of a failing schema is the Problem's `expected`. */
export const referralFieldSchemas = {
  id: z.string().min(1, 'a non-empty pseudonymous id'),
  region: lookup(parseRegion, REGION_LIST),
  clinic: z.string().regex(/^[A-Za-z0-9._-]{1,32}$/, 'a clinic code (letters, digits, . _ -; at most 32 characters)'),
  referred: requiredDate,
  activated: optionalDate,
  last_active: optionalDate,
  age: z.string().transform((v, ctx) => {
    if (v === '' || v === 'NA' || v === '.') return null;
    if (!/^\d{1,3}$/.test(v) || Number(v) > 120) {
      ctx.addIssue({ code: 'custom', message: 'a whole number of years 0–120, or empty' });
      return z.NEVER;
    }
    return Number(v);
  }),
  sex: lookup((v) => SEX_SYNONYMS.get(v.toLowerCase()), 'female/male (f, m, k, kvinde, mand), unknown or empty'),
  referrer: lookup((v) => REFERRER_SYNONYMS.get(v.toLowerCase()), 'one of gp, physio, chiro, other'),
} satisfies Record<RegistryColumn, z.ZodType>;

/** Where the registry columns sit in a file: 0-based index per column (header matched case-insensitively). */
export type ColumnIndex = Record<RegistryColumn, number>;

/**
 * Maps a header to column positions; returns the problems for missing columns instead.
 */
export function registryColumnIndex(header: readonly string[], file: string): ColumnIndex | Problem[] {
  const lower = header.map((h) => h.trim().toLowerCase());
  const index = {} as ColumnIndex;
  const problems: Problem[] = [];
  for (const col of REGISTRY_COLUMNS) {
    const i = lower.indexOf(col);
    if (i < 0) problems.push({ file, line: 1, field: col, expected: `a column named "${col}" (have: ${header.join(', ')})` });
    else index[col] = i;
  }
  return problems.length > 0 ? problems : index;
}

export type ReferralResult = { ok: true; referral: Referral } | { ok: false; problems: Problem[] };

/**
 * Validates one CSV record (cells as read, trimmed) into a Referral.
 * Cross-field rules: activated ≥ referred; last_active ≥ activated; last_active empty when
 * activated is empty. An activated patient with an empty last_active is taken as active on the
 * activation day only (retention 0 days).
 */
export function validateReferral(cells: readonly string[], columns: ColumnIndex, file: string, line: number): ReferralResult {
  const problems: Problem[] = [];
  const parsed: Partial<Record<RegistryColumn, unknown>> = {};
  for (const col of REGISTRY_COLUMNS) {
    const i = columns[col];
    const raw = (cells[i] ?? '').trim();
    const r = referralFieldSchemas[col].safeParse(raw);
    if (r.success) parsed[col] = r.data;
    else problems.push({ file, line, column: i + 1, field: col, value: raw, expected: r.error.issues[0]?.message ?? 'a valid value' });
  }
  const referred = parsed.referred as number | undefined;
  const activated = parsed.activated as number | null | undefined;
  const lastActive = parsed.last_active as number | null | undefined;
  const at = (col: RegistryColumn) => ({ file, line, column: columns[col] + 1, field: col, value: (cells[columns[col]] ?? '').trim() });
  if (referred !== undefined && typeof activated === 'number' && activated < referred) {
    problems.push({ ...at('activated'), expected: `an activation on or after the referral date ${dayToIso(referred)}` });
  }
  if (typeof activated === 'number' && typeof lastActive === 'number' && lastActive < activated) {
    problems.push({ ...at('last_active'), expected: `a last-active date on or after the activation date ${dayToIso(activated)}` });
  }
  if (activated === null && typeof lastActive === 'number') {
    problems.push({ ...at('last_active'), expected: 'empty, since the patient has no activation date' });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    referral: {
      id: parsed.id as string,
      region: parsed.region as Region,
      clinic: parsed.clinic as string,
      referred: referred as number,
      activated: activated as number | null,
      lastActive: activated === null ? null : (lastActive ?? (activated as number)),
      age: parsed.age as number | null,
      sex: parsed.sex as Sex,
      referrer: parsed.referrer as Referrer,
    },
  };
}
