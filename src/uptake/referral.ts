/**
 * One registry referral and the validator for one CSV record (docs/input-registry.md).
 *
 * Columns: `id, region, clinic, referred, activated, last_active, age, sex, referrer` (or the
 * plan's names for them). Dates are strict calendar dates in the file's format (ISO by default;
 * see registry-dates.ts) and are held as whole days since
 * 1970-01-01 (UTC), so differences are exact integers and cells stay small at 1,000,000 rows.
 *
 * Each field is parsed by its own zod schema, then the cross-field rules run on whatever
 * parsed, so one record reports every problem it has (each with its line and column).
 */
import { z } from 'zod';
import type { Problem } from '../errors.js';
import { DATE_FORMAT_EXAMPLE, dateParser, dayMonthTimeFault, DEFAULT_FROM_DAY, today, isoDateTimeFault, MONTH_NAMES_READ, SAS_DATETIME_ADVICE, sasDatetimeReading, shortYearAdvice, unknownMonthName, type DateFormat, type DayWindow } from './registry-dates.js';
import type { RegionSet } from './regions.js';
import { foldColumnName } from '../trial/column-resolver.js';
import { oneLine, otherColumnsNaming, registryColumnsFor } from './registry-column-names.js';
import { cprCell, cprExpected, cprKind, type RepeatedCodes } from './cpr-shape.js';
import { bandCode, parseAgeBand } from './age-bands.js';
import { isDontKnowWord } from '../plan/answer-words.js';
import { DEFAULT_MISSING_CODES, isEmptyCell, looksLikeColumnCode, missingCodeHint, readAsEmptyNote, registryColumnCodes } from './missing-cells.js';
import { looksScientific, scientificHint, scientificNumber } from '../io/scientific-number.js';
import { excelErrorAsName, excelErrorHint, isExcelError, isFailedFormula } from '../io/spreadsheet-cells.js';

/** The five Danish regions: the simulator's default (real files name their own; see regions.ts). */
export const REGIONS = ['Hovedstaden', 'Midtjylland', 'Syddanmark', 'Sjælland', 'Nordjylland'] as const;
export type DanishRegion = (typeof REGIONS)[number];
/** A region as named by the denominator file (any country); see regions.ts. */
export type Region = string;

export const REFERRERS = ['gp', 'physio', 'chiro', 'other'] as const;
export type Referrer = (typeof REFERRERS)[number];

export const SEXES = ['female', 'male', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const AGE_BANDS = ['<18', '18-29', '30-44', '45-59', '60-74', '75+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * The levels of each breakdown whose list is fixed (docs/input-registry.md), known to a reader of
 * the docs: every code is read into one of them. Age bands only when the table counts the
 * standard bands (exact ages, or bands inside them: age-bands.ts) — read off its levels `seen`,
 * all of them standard ones then; an export's own bands are not fixed. One list for the rows'
 * completion (zero-rows.ts) and the audit of a published file (disclosure/absent-rows.ts).
 */
export function fixedLevels(dimension: string, seen: Iterable<string>): readonly string[] {
  if (dimension === 'sex') return SEXES;
  if (dimension === 'referrer') return REFERRERS;
  if (dimension === 'ageBand' && [...seen].every((l) => (AGE_BANDS as readonly string[]).includes(l))) return AGE_BANDS;
  return [];
}

/** The columns a registry export must have (or their plan-mapped names). */
export const REGISTRY_COLUMNS = ['id', 'region', 'clinic', 'referred', 'activated', 'last_active', 'age', 'sex', 'referrer'] as const;
export type RegistryColumn = (typeof REGISTRY_COLUMNS)[number];
/**
 * The keys of the plan's `columns.registry`: the registry columns, and `ageBand` — another name
 * for the age column, for an export that gives age bands (`Aldersgruppe`; age-bands.ts).
 */
export type RegistryColumnKey = RegistryColumn | 'ageBand';
export type RegistryColumnNames = Partial<Record<RegistryColumnKey, string>>;

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
  /** Whole years, or an age band's code (age-bands.ts `bandCode`); null: unknown. */
  age: number | null;
  sex: Sex;
  referrer: Referrer;
}

const MS_PER_DAY = 86_400_000;

/** Strict ISO date → days since 1970-01-01 UTC; undefined unless a real calendar date. */
export function isoToDay(text: string): number | undefined {
  const hit = dayCache.get(text);
  if (hit !== undefined) return hit;
  const day = parseIsoDay(text);
  if (day !== undefined && dayCache.size < 100_000) dayCache.set(text, day);
  return day;
}

const dayCache = new Map<string, number>();

const parseIsoDay = dateParser('iso');

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

// Maps, not object literals: a cell such as "constructor" must not find Object.prototype's members.
const SEX_SYNONYMS = new Map<string, Sex>(Object.entries({
  f: 'female', female: 'female', k: 'female', kvinde: 'female', woman: 'female',
  m: 'male', male: 'male', mand: 'male', man: 'male',
  '': 'unknown', unknown: 'unknown', other: 'unknown', na: 'unknown', '.': 'unknown',
  // Danish regional systems: "unknown", "not stated", "other" (docs/input-registry.md).
  ukendt: 'unknown', uoplyst: 'unknown', 'ikke oplyst': 'unknown', andet: 'unknown',
  // Swedish and Norwegian regional systems (docs/input-registry.md): kvinna/kvinne, man/mann.
  kvinna: 'female', kvinne: 'female', mann: 'male',
  'okänd': 'unknown', 'uppgift saknas': 'unknown', annat: 'unknown', ukjent: 'unknown', 'ikke oppgitt': 'unknown', annet: 'unknown',
} as const));

const REFERRER_SYNONYMS = new Map<string, Referrer>(Object.entries({
  gp: 'gp', 'general practitioner': 'gp', 'læge': 'gp', 'praktiserende læge': 'gp',
  physio: 'physio', physiotherapist: 'physio', fysioterapeut: 'physio',
  chiro: 'chiro', chiropractor: 'chiro', kiropraktor: 'chiro',
  other: 'other', hospital: 'other', self: 'other', 'andet': 'other',
  // Danish regional systems: general practice ("Egen læge", the patient's own GP, as a regional
  // export writes it); hospital, specialist, self-referral, municipality (docs/input-registry.md).
  'egen læge': 'gp', 'almen praksis': 'gp', 'alment praktiserende læge': 'gp',
  fysioterapi: 'physio', kiropraktik: 'chiro',
  sygehus: 'other', hospitalsafdeling: 'other', speciallæge: 'other', 'praktiserende speciallæge': 'other',
  selvhenvendelse: 'other', kommune: 'other',
  // Swedish and Norwegian regional systems: a physician or the primary-care centre / regular GP
  // ("Läkare", "Vårdcentral", "Fastlege"), physiotherapy ("Sjukgymnast"), hospital, self-referral
  // ("Egenremiss", "Egenhenvisning"), municipality.
  'läkare': 'gp', 'allmänläkare': 'gp', 'husläkare': 'gp', 'vårdcentral': 'gp', 'primärvård': 'gp', lege: 'gp', fastlege: 'gp', allmennlege: 'gp',
  sjukgymnast: 'physio',
  sjukhus: 'other', sykehus: 'other', 'specialistläkare': 'other', spesialist: 'other', egenremiss: 'other', egenhenvisning: 'other', kommun: 'other', annat: 'other', annet: 'other',
} as const));

/** The key a sex or referrer cell is looked up by: NFC, trimmed, lower case. */
export const valueKey = (v: string): string => v.normalize('NFC').trim().toLowerCase();

/** The built-in synonyms with the plan's own added (the plan's win on a clash). */
function withSynonyms<T>(builtIn: ReadonlyMap<string, T>, extra: Readonly<Record<string, T>> | undefined): Map<string, T> {
  const out = new Map(builtIn);
  for (const [k, v] of Object.entries(extra ?? {})) out.set(valueKey(k), v);
  return out;
}

/**
 * A column whose text `parse` turns into a value; undefined means invalid, and `expected` says
 * what is allowed. `isCpr`: whether a cell is refused as a CPR number (cpr-shape.ts).
 */
function lookup<T>(isCpr: (v: string) => boolean, parse: (v: string) => T | undefined, expected: string | ((v: string) => string)) {
  return z.string().transform((v, ctx) => {
    // A CPR-shaped cell is never a value (cpr-shape.ts), whatever a plan's synonyms say.
    const value = isCpr(v) ? undefined : parse(v);
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: typeof expected === 'string' ? expected : expected(v) });
      return z.NEVER;
    }
    return value;
  });
}

/** How a file's cells are read: its regions, its date format and the plan's value synonyms. */
export interface ReferralRules {
  regions: RegionSet;
  /** Default 'iso'. ('auto' is resolved per file before validation; see registry-dates.ts.) */
  dateFormat?: DateFormat;
  /** The date window, as days: what a two-digit year (`dd-mon-yy`) is read by (registry-dates.ts). */
  dateWindow?: DayWindow;
  sexValues?: Readonly<Record<string, Sex>>;
  referrerValues?: Readonly<Record<string, Referrer>>;
  /** The file's ten-digit numbers read as codes, not CPR numbers (cpr-shape.ts); none if absent. */
  codes?: RepeatedCodes;
  /** Cells read as empty (missing-cells.ts `missingCodesOf`); default: the built-in ones. */
  missingCodes?: readonly string[];
}

/** Columns a referral may leave empty (no activation, unknown age or sex). */
const OPTIONAL_COLUMNS: readonly RegistryColumn[] = ['activated', 'last_active', 'age', 'sex'];

/** The Problem kind of a refused cell that looks like a code for "no value" in an optional column. */
export const MISSING_CODE_KIND = 'missing.code';

// What clinic names are made of (docs/input-registry.md): codes (SJÆ0, TRØ-12) and practice
// names as registries write them ("Odense C", "Lægerne Jensen & Co.", "Fys/Kiro (Nord)",
// "Lægehuset Nord; Amager"): letters of any script, digits, spaces and the punctuation of such
// names — the separators `,` and `;` too, which a CSV export writes inside quotes and every
// reader reads as part of the cell. Formula characters (`=`, `@`) are not in it; a name starting
// with `-` or `+` is neutralised where CSV is written (io/csv-formula.ts).
// A name holds at least one letter or digit: `-` or `?` alone is a code for "no clinic"
// (missing-cells.ts), not a clinic of that name.
const CLINIC_NAME = /^(?=.*[\p{L}\p{N}])[\p{L}\p{M}\p{N} ._\-&'’/(),;+:#]+$/u;
export const CLINIC_MAX_LENGTH = 100;

/**
 * A clinic cell as read: NFC, surrounding spaces trimmed and inner runs of spaces (also no-break
 * spaces, tabs) written as one space, so `Odense  C` and `Odense C` are one clinic.
 * (Spellings differing in case are merged per region after counting: clinic-names.ts.)
 */
export function clinicName(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

const clinicExpected = (name: string): string => name === ''
  ? 'a clinic name (every referral needs its clinic for the clinic funnel): fill empty cells with a name such as "ukendt" — those referrals are then one clinic of their region — or leave the rows out with --exclude-invalid'
  : [...name].length > CLINIC_MAX_LENGTH
    ? `a clinic name of at most ${CLINIC_MAX_LENGTH} characters`
    : "a clinic name: letters, digits, spaces and . _ - & ' / ( ) , ; + : # only, with at least one letter or digit";

/** One zod schema per column; the message of a failing schema is the Problem's `expected`. */
export function referralFieldSchemas(rules: ReferralRules) {
  const format = rules.dateFormat ?? 'iso';
  const parseDay = format === 'iso' ? isoToDay : dateParser(format, rules.dateWindow);
  const written = `a real calendar date ${format === 'excel-serial' ? '' : 'written '}${DATE_FORMAT_EXAMPLE[format]}`;
  const window = rules.dateWindow ?? { from: DEFAULT_FROM_DAY };
  // A plan of two-digit years meeting a four-digit one: the mixed-years advice says what to do (shortYearAdvice), not a format.
  const shortYears = format === 'dd-mm-yy' || format === 'dd.mm.yy' || format === 'dd/mm/yy' || format === 'mm/dd/yy';
  const inWindow = (day: number | undefined) => day !== undefined && day >= window.from && day <= (window.to ?? today());
  // A cell in another format the registry readers know says which "dateFormat" reads it.
  const dateExpected = (tail: string) => (v: string) => {
    const found = (['iso', 'iso-datetime', 'excel-serial', 'ddmonyyyy', 'yyyymmdd', 'dd-mon-yy', 'dd-mon-yyyy', 'd. month yyyy', 'dd-mm-yy', 'dd.mm.yy', 'dd/mm/yy', 'mm/dd/yy', 'dd-mm-yyyy', 'dd.mm.yyyy', 'dd/mm/yyyy', 'mm/dd/yyyy'] as const).find((f) => f !== format && !(shortYears && /^(?:dd|mm)[-./](?:dd|mm)[-./]yyyy$/.test(f)) && !(f === 'iso' && format === 'iso-datetime') && dateParser(f, rules.dateWindow)(v) !== undefined && !(f === 'iso-datetime' && parseIsoDay(v) !== undefined));
    // A day number is an Excel serial or a SAS date value: the reading inside the date window is
    // named (23486 is 1964 as a serial, 2024 as a SAS date), as "auto" chooses (docs/input-registry.md).
    const other = found === 'excel-serial' && format !== 'sas-day' && inWindow(dateParser('sas-day')(v)) && !inWindow(dateParser('excel-serial')(v)) ? 'sas-day' : found;
    const hint = other === undefined ? ''
      : other === 'sas-day' ? ` (this looks like a SAS date value, days since 1960-01-01 — as an Excel serial day number it would fall outside the date window: set "dateFormat": "sas-day" or "auto" in the uptake plan)`
      : other === 'dd-mm-yyyy' || other === 'dd.mm.yyyy' || other === 'dd/mm/yyyy' ? ` (this is a day-first date, as SAS's DDMMYY10. and Danish Excel write it: set "dateFormat": "${other}" or "auto" in the uptake plan)`
      : other === 'mm/dd/yyyy' ? ` (this is a month-first US date: set "dateFormat": "mm/dd/yyyy" or "auto" in the uptake plan)`
      : other === 'iso' ? (v.includes('/') ? ` (this is a year-first date, YYYY/MM/DD, as SPSS's SDATE10 writes it: set "dateFormat": "iso" in the uptake plan, which reads it, or "auto")` : ` (this is an ISO date, YYYY-MM-DD: set "dateFormat": "iso" in the uptake plan if the file's dates are written so, or "auto")`)
      : other === 'dd-mm-yy' || other === 'dd.mm.yy' ? ` (this is a day-first date with a two-digit year, as Excel writes a short date: set "dateFormat": "${other}" in the uptake plan)`
      : other === 'dd/mm/yy' || other === 'mm/dd/yy' ? ` (${shortYearAdvice(other, v, false)})`
      : other === 'excel-serial' ? ` (this looks like an Excel serial day number: set "dateFormat": "excel-serial" in the uptake plan, or format the column as a date in Excel before saving the CSV; a SAS date value counts from 1960-01-01: "sas-day")`
        : other === 'ddmonyyyy' ? ` (this is a SAS date text: set "dateFormat": "ddmonyyyy" or "auto" in the uptake plan)`
        : other === 'yyyymmdd' ? ` (this is a date written YYYYMMDD, as SAS's YYMMDDN8. and Stata's %tdCCYYNNDD write it: set "dateFormat": "yyyymmdd" or "auto" in the uptake plan)`
          : other === 'dd-mon-yy' || other === 'dd-mon-yyyy' ? ` (this is a date with a month abbreviation, as Oracle, Qlik and SPSS write it: set "dateFormat": "${other}" or "auto" in the uptake plan)`
          : other === 'd. month yyyy' ? ` (this is a date with the month's name, as Qlik writes a long date in Danish or Norwegian: set "dateFormat": "d. month yyyy" or "auto" in the uptake plan)`
          : ` (this is a date with a time of day: set "dateFormat": "iso-datetime" in the uptake plan)`;
    // A timestamp no format reads: which of its parts is wrong (registry-dates.ts isoDateTimeFault).
    const fault = other === undefined && (format === 'iso' || format === 'iso-datetime') ? isoDateTimeFault(v) : undefined;
    // A day/month date whose time part is the problem (`20.4.2024 25.00.00`): said, not a date error.
    const timeFault = other === undefined ? dayMonthTimeFault(v, format, rules.dateWindow) : undefined;
    const faultText = fault === undefined ? (timeFault === undefined ? '' : ` — ${timeFault}`) : format === 'iso' ? ` — a date with a time of day, as "dateFormat": "iso-datetime" reads, but ${fault}` : ` — ${fault}`;
    // An unformatted SAS datetime (seconds since 1960): what it is, the same for every cell (its
    // reading is the problem's detail: refusedCell), so a file's cells group into one problem.
    const seconds = other === undefined && sasDatetimeReading(v) !== undefined;
    // A date with a month word no language hta knows: said as that (registry-dates.ts unknownMonthName).
    const month = other === undefined ? unknownMonthName(v) : undefined;
    const monthText = month === undefined ? '' : ` (month names not recognised: ${JSON.stringify(month)} is no month name hta knows — ${MONTH_NAMES_READ}; write the dates as YYYY-MM-DD)`;
    return `${written}${tail}${hint}${faultText}${seconds ? ` — ${SAS_DATETIME_ADVICE}` : ''}${monthText}`;
  };
  const sexes = withSynonyms(SEX_SYNONYMS, rules.sexValues);
  const referrers = withSynonyms(REFERRER_SYNONYMS, rules.referrerValues);
  const sexNames = [...sexes.keys()].filter((k) => k !== '' && k !== '.');
  const cpr = (col: RegistryColumn) => (v: string) => cprCell(col, v, rules.codes);
  // `NULL`, `(null)`, … and the plan's missingCodes are an empty cell in every column (missing-cells.ts).
  const missing = rules.missingCodes ?? DEFAULT_MISSING_CODES;
  // A code that is a number (`99`) is a value in the age column unless no age can be it (999), and
  // in the id column (patient no. 999); a lone letter (`M`, SAS's .M) a value in the text columns:
  // sex M (missing-cells.ts `registryColumnCodes`).
  const emptied = <T extends z.ZodType>(col: RegistryColumn, schema: T) => {
    const codes = registryColumnCodes(col, missing);
    return z.preprocess((v) => (typeof v === 'string' && isEmptyCell(v, codes) ? '' : v), schema);
  };
  const schemas = {
    id: z.string().min(1, 'a non-empty pseudonymous id'),
    region: lookup(cpr('region'), rules.regions.resolve, rules.regions.expected),
    clinic: z.string().transform((v, ctx) => {
      const name = clinicName(v);
      if (cprCell('clinic', name, rules.codes)) {
        ctx.addIssue({ code: 'custom', message: cprExpected('clinic', name) });
        return z.NEVER;
      }
      // `#N/A` from a failed VLOOKUP fits the name pattern (`#`, `/`): never a clinic of that name.
      if (isExcelError(name)) {
        ctx.addIssue({ code: 'custom', message: `a clinic name — ${excelErrorAsName(name)}` });
        return z.NEVER;
      }
      if (name === '' || [...name].length > CLINIC_MAX_LENGTH || !CLINIC_NAME.test(name)) {
        ctx.addIssue({ code: 'custom', message: clinicExpected(name) });
        return z.NEVER;
      }
      return name;
    }),
    referred: lookup(cpr('referred'), parseDay, dateExpected('')),
    activated: lookup(cpr('activated'), (v) => (v === '' ? null : parseDay(v)), dateExpected(', or empty')),
    last_active: lookup(cpr('last_active'), (v) => (v === '' ? null : parseDay(v)), dateExpected(', or empty')),
    age: z.string().transform((v, ctx) => {
      if (v === '') return null;
      // A whole age with a zero decimal part is that age: `84,0` (Excel with a decimal comma),
      // `84.0` (pandas; Parquet's 83.0 is read so too: engine/registry-engine.ts parquetText).
      // One or two zeros only: `84.000` could be 84,000 with a thousands mark. `84,5` stays
      // refused — an age is counted in whole years (docs/input-registry.md, the registry's `age`).
      const m = /^(\d{1,3})(?:[.,]0{1,2})?$/.exec(v);
      if (m && Number(m[1]) <= 120) return Number(m[1]);
      // An age band (`50-59 år`, `80+`), as BI exports write ages they withhold: read as the
      // band; the bands of the file decide the equity table's (docs/input-registry.md "Age bands").
      const band = parseAgeBand(v);
      if (band) return bandCode(band);
      // Excel's "Scientific" format (`7.70E+01`): the age when its digits reach the years (io/scientific-number.ts).
      const sci = scientificNumber(v.trim());
      if (sci?.wholeDigitsWritten && Number.isInteger(sci.value) && sci.value >= 0 && sci.value <= 120) return sci.value;
      const decimal = /^\d{1,3}[.,]\d+$/.test(v);
      // Why the cell is no age, when it says: scientific notation, or an Excel error value.
      // A "no value" (`#N/A`, `#I/T`) gets the uptake plan's "missingCodes" as the way on, as in the
      // registry's other columns (`refusedCell`): those codes apply to age.
      const why = looksScientific(v) ? `; ${scientificHint(v)}` : isFailedFormula(v.trim()) ? `; ${excelErrorHint(v.trim(), false)}` : '';
      ctx.addIssue({ code: 'custom', message: `a whole number of years 0–120${decimal ? ' (a zero decimal part, 84,0 or 84.0, is read as the whole age; other decimals are not: round the age down in the source)' : ''}, an age band such as 50-59 or 80+, or empty${why}` });
      return z.NEVER;
    }),
    // A non-answer (`Ønsker ikke at svare`, `Vil ikke oplyse`, `Prefer not to say`: SPSS's value
    // label of the user-missing code) is the unknown sex, as the trial side reads such words
    // (plan/answer-words.ts); the plan's "values.sex" still decides first.
    sex: lookup(cpr('sex'), (v) => sexes.get(valueKey(v)) ?? (isDontKnowWord(v) ? 'unknown' : undefined), `female, male or unknown (${sexNames.join(', ')}), or empty; map other values with the uptake plan's "values.sex"`),
    referrer: lookup(cpr('referrer'), (v) => referrers.get(valueKey(v)), `one of gp, physio, chiro, other (or ${[...referrers.keys()].filter((k) => !REFERRERS.includes(k as Referrer)).join(', ')}); map other values with the uptake plan's "values.referrer"`),
  } satisfies Record<RegistryColumn, z.ZodType>;
  return {
    id: emptied('id', schemas.id), region: emptied('region', schemas.region), clinic: emptied('clinic', schemas.clinic), referred: emptied('referred', schemas.referred),
    activated: emptied('activated', schemas.activated), last_active: emptied('last_active', schemas.last_active), age: emptied('age', schemas.age), sex: emptied('sex', schemas.sex),
    referrer: emptied('referrer', schemas.referrer),
  };
}

/**
 * Where the registry columns sit in a file: 0-based index per column. `age` is -1 when the file
 * has no age column and the plan publishes no age bands (the column is then read as empty).
 */
export type ColumnIndex = Record<RegistryColumn, number>;

/** How a registry column name compares: as the trial export's (column-resolver.ts), case, NFC and surrounding (no-break) spaces aside. */
export const headerKey = foldColumnName;

/** The plan's name for a column: `ageBand` names the age column too. */
export const mappedName = (names: RegistryColumnNames, col: RegistryColumn): string | undefined => (col === 'age' ? names.ageBand ?? names.age : names[col]);

/** The plan key that named a column, as the messages quote it ("columns.registry.ageBand"). */
const mappedKey = (names: RegistryColumnNames, col: RegistryColumn): string => (col === 'age' && names.ageBand !== undefined ? 'ageBand' : col);

/**
 * For a missing last_active column beside a count of weeks or days of use ("Uger aktiv", an app
 * dashboard's usual field): how to turn it into the date hta reads (docs/input-registry.md
 * "last_active"), rather than leave the user to guess. Empty when the file has no such column.
 */
export function durationAdvice(header: readonly string[]): string {
  const duration = header.find((h) => /(^|[^\p{L}])(uger|weeks|dage|days)([^\p{L}]|$)/iu.test(h.trim()));
  if (duration === undefined) return '';
  const days = /(^|[^\p{L}])(dage|days)([^\p{L}]|$)/iu.test(duration) ? '' : '7 × ';
  return ` — "${duration.trim()}" is a count of ${days === '' ? 'days' : 'weeks'}, not a date: if it counts the ${days === '' ? 'days' : 'weeks'} of use from activation, add a column "Sidst aktiv" = the activation date + ${days}"${duration.trim()}" (in Excel: =activation cell + ${days === '' ? '' : '7*'}${days === '' ? 'days' : 'weeks'} cell, formatted as a date; empty where the patient never activated; no later than the export date) and name it in columns.registry.last_active. Retention at 4 and 12 weeks then reads as at least 4 and 12 weeks of use`;
}

/**
 * Maps a header to column positions, each registry column under its name in `names` (the
 * plan's `columns.registry`) or else its own; returns the problems for missing columns instead.
 * `ageNeeded` false (the plan publishes no age bands): a file without an age column is read
 * with every age unknown (docs/input-registry.md "Age bands"). `headerLine`: the header's line in
 * the file (2 after Excel's `sep=;` line: the file's own numbering, docs/input-registry.md).
 */
/** `saveAgain`: how the file is written again once a repeated column is renamed or deleted (`repeatedColumnProblems`). */
export function registryColumnIndex(header: readonly string[], file: string, names: RegistryColumnNames = {}, ageNeeded = true, headerLine = 1, saveAgain = 'save again'): ColumnIndex | Problem[] {
  const keys = header.map(headerKey);
  const index = {} as ColumnIndex;
  const problems: Problem[] = [];
  const have = `(have: ${header.map(oneLine).join(', ')})`;
  for (const col of REGISTRY_COLUMNS) {
    const name = mappedName(names, col) ?? col;
    const i = keys.indexOf(headerKey(name));
    if (i >= 0) {
      index[col] = i;
      continue;
    }
    // A column the plan names must be there, needed or not (a misspelt name is said, not ignored).
    if (col === 'age' && !ageNeeded && mappedName(names, 'age') === undefined) {
      index.age = -1;
      continue;
    }
    // Which plan key names the column, so the message says what to set.
    const key = `columns.registry.${mappedKey(names, col)}`;
    const where = mappedName(names, col) !== undefined ? ` (the plan's ${key})` : ` — or the file's name for it in the uptake plan's ${key}`;
    const age = col === 'age'
      ? ` — ages are needed only for the equity table by age band: name an age column (whole years) in columns.registry.age, or an age-band column (such as "50-59 år", "80+") in columns.registry.ageBand; or leave "ageBand" out of the plan's publish.equity (e.g. "equity": ["sex", "referrer"]) and the file is read without ages`
      : col === 'last_active' ? durationAdvice(header) : '';
    // A name with a line break (a wrapped header cell) printed as the plan's JSON writes it.
    problems.push({ file, line: headerLine, field: oneLine(name), expected: `a column named ${JSON.stringify(name)}${where} ${have}${age}` });
  }
  if (problems.length === 0) problems.push(...repeatedColumnProblems(header, file, names, index, headerLine, saveAgain));
  else {
    // A regional system's own names (CPR-løbenr, Klinik/Praksis): say which mapping reads them,
    // as the eligible file's error does (docs/plan-uptake.md "Reading the files").
    const guess = registryColumnsFor(header);
    const missing = REGISTRY_COLUMNS.filter((c) => index[c] === undefined);
    const guessed = (c: RegistryColumn) => (c === 'age' ? guess.mapping.age ?? guess.mapping.ageBand : guess.mapping[c]);
    if (missing.every((c) => guessed(c) !== undefined)) {
      const mapping: RegistryColumnNames = { ...names };
      for (const c of missing) {
        if (c === 'age' && guess.mapping.age === undefined) {
          delete mapping.age;
          mapping.ageBand = guess.mapping.ageBand!;
        } else {
          mapping[c] = guessed(c)!;
        }
      }
      const text = `{ ${Object.entries(mapping).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
      for (const p of problems) p.hint = `map the file's names in the uptake plan: "columns": { "registry": ${text} }`;
    }
  }
  return problems.length > 0 ? problems : index;
}

/**
 * A registry column named by two header columns (`activated` twice, `Activated` or `last active`
 * beside it): refused naming both, as every other input refuses a repeated name — reading the
 * first copy silently would count the wrong column (docs/input-registry.md "One column per
 * field"). A known synonym beside the default name is read as before, with a note
 * (registry-column-names.ts `unreadSynonymNotes`).
 */
export function repeatedColumnProblems(header: readonly string[], file: string, names: RegistryColumnNames, index: ColumnIndex, headerLine: number, saveAgain = 'save again'): Problem[] {
  const taken = new Set(REGISTRY_COLUMNS.map((c) => index[c]).filter((i) => i >= 0));
  const problems: Problem[] = [];
  for (const col of REGISTRY_COLUMNS) {
    const at = index[col];
    if (at < 0) continue;
    const mapped = mappedName(names, col);
    const others = otherColumnsNaming(header, col, at, mapped, taken);
    if (others.length === 0) continue;
    const shown = (i: number) => `${JSON.stringify(header[i]!.trim())} (column ${i + 1})`;
    const all = [at, ...others].sort((a, b) => a - b);
    const same = others.every((j) => headerKey(header[j]!) === headerKey(header[at]!));
    const key = `columns.registry.${mappedKey(names, col)}`;
    // The same name twice cannot be mapped apart: only renaming or deleting one tells them apart.
    const fix = same
      ? `delete the copy that should not be read, or rename it, and ${saveAgain}`
      : `name the one to read in the uptake plan's ${key}: ${[at, ...others].map((i) => JSON.stringify(header[i]!.trim())).join(' or ')} — or delete the other and ${saveAgain}`;
    problems.push({
      file, line: headerLine, column: others[0]! + 1, field: oneLine(header[at]!), value: header[others[0]!]!.trim(), kind: 'header.duplicate',
      expected: `one header column for the registry's ${col}: ${all.map(shown).join(' and ')} ${same ? 'have the same name (names compare without case)' : 'both name it (names compare without case, spaces or _)'}, and hta does not pick one — ${fix}`,
    });
  }
  return problems;
}

export type ReferralResult = { ok: true; referral: Referral } | { ok: false; problems: Problem[] };

/**
 * Validates one CSV record (cells as read, trimmed) into a Referral.
 * Cross-field rules: activated ≥ referred; last_active ≥ activated; last_active empty when
 * activated is empty. An activated patient with an empty last_active is taken as active on the
 * activation day only (retention 0 days).
 */
export function referralValidator(rules: ReferralRules): (cells: readonly string[], columns: ColumnIndex, file: string, line: number, header?: readonly string[]) => ReferralResult {
  const schemas = referralFieldSchemas(rules);
  const missing = rules.missingCodes ?? DEFAULT_MISSING_CODES;
  return (cells, columns, file, line, header) => validateWith(schemas, rules.codes, missing, cells, columns, file, line, header);
}

/**
 * A refused cell's problem. A cell read as empty because it holds a code says so; a cell that
 * looks like an undeclared code for "no value" (`-`) in a column that may be empty says how to
 * declare it, under a kind of its own: such rows are not left out with --exclude-invalid
 * (read-registry.ts `rowCheckError`), since they are the referrals without an activation, age or
 * sex, and leaving them out would bias every rate (docs/input-registry.md "Empty cells").
 */
function refusedCell(col: RegistryColumn, raw: string, expected: string, missing: readonly string[], at: Omit<Problem, 'expected'>): Problem {
  if (raw !== '' && isEmptyCell(raw, registryColumnCodes(col, missing))) return { ...at, expected: `${expected} (${readAsEmptyNote(raw)})` };
  // A clinic's Excel error value is explained as such (the schema's message): not as a code for "no value".
  if (looksLikeColumnCode(col, raw) && !(col === 'clinic' && isExcelError(raw))) {
    if (OPTIONAL_COLUMNS.includes(col)) return { ...at, kind: `${MISSING_CODE_KIND}.${col}.${raw}`, expected: `${expected} — ${missingCodeHint(raw, col)}` };
    if (isExcelError(raw)) return { ...at, expected: `${expected}; ${excelErrorHint(raw, false)}` };
    return { ...at, expected: `${expected} (${JSON.stringify(raw)} looks like a code for an empty cell, and this column needs a value)` };
  }
  // A formula that failed (`#VALUE!`) in any column: said for what it is, as every reader says it.
  if (isFailedFormula(raw) && !expected.includes('Excel error')) return { ...at, expected: `${expected}; ${excelErrorHint(raw, false)}` };
  // An unformatted SAS datetime: the date it is, this cell's own (the advice is in `expected`).
  const seconds = expected.endsWith(SAS_DATETIME_ADVICE) ? sasDatetimeReading(raw) : undefined;
  return seconds === undefined ? { ...at, expected } : { ...at, expected, detail: `${raw} = ${seconds}` };
}

/** `header`: the file's column names, so problems name the column as the user wrote it ("Henvist"). */
function validateWith(schemas: ReturnType<typeof referralFieldSchemas>, codes: RepeatedCodes | undefined, missing: readonly string[], cells: readonly string[], columns: ColumnIndex, file: string, line: number, header?: readonly string[]): ReferralResult {
  const problems: Problem[] = [];
  const parsed: Partial<Record<RegistryColumn, unknown>> = {};
  for (const col of REGISTRY_COLUMNS) {
    const i = columns[col];
    const raw = (cells[i] ?? '').trim();
    // A CPR-shaped cell in any column but the id (never printed): named by line and column,
    // never quoted — unless a repeated code (docs/input-registry.md "CPR numbers").
    // A clinic is tested as its name is read too (clinicName: blanks such as a tab or a double
    // space made one), so that the clinic schema's own test never meets one, which would quote it.
    if (col !== 'id' && (cprCell(col, raw, codes) || (col === 'clinic' && clinicName(raw) !== raw && codes?.clinic?.has(raw) !== true && cprCell(col, clinicName(raw), codes)))) {
      problems.push({ file, line, column: i + 1, field: header?.[i] ?? col, kind: cprKind(col), expected: cprExpected(col, col === 'clinic' ? clinicName(raw) : raw) });
      continue;
    }
    const r = schemas[col].safeParse(raw);
    if (r.success) parsed[col] = r.data;
    else problems.push(refusedCell(col, raw, r.error.issues[0]?.message ?? 'a valid value', missing, { file, line, column: i + 1, field: header?.[i] ?? col, value: raw }));
  }
  const referred = parsed.referred as number | undefined;
  const activated = parsed.activated as number | null | undefined;
  const lastActive = parsed.last_active as number | null | undefined;
  const at = (col: RegistryColumn) => ({ file, line, column: columns[col] + 1, field: header?.[columns[col]] ?? col, value: (cells[columns[col]] ?? '').trim() });
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
