/**
 * Date cells of registry exports, in the formats regional systems write them (see
 * docs/input-registry.md "Dates"): ISO `2025-05-09`, ISO date-times `2025-05-09T08:15:00` (the
 * time part is ignored: the calendar date as written is the day, with no time-zone shift, since
 * a referral "on 9 May" must stay on 9 May), day-first or month-first numeric dates, SAS's
 * DATE9. and DATETIME20. texts (`17MAY2024`, `17MAY2024:00:00:00`, PROC EXPORT's defaults; DATE7. and
 * DATETIME16. with two-digit years, `17MAY24`, `17MAY24:00:00:00`; Stata's %td and %tc as `export
 * delimited` writes them, `17may2024`, `17may2024 08:40:00`), compact `20240517` (SAS YYMMDDN8.,
 * Stata %tdCCYYNNDD, Danmarks Statistik extracts), Oracle's
 * DD-MON-RR and DD-MON-YYYY texts (`03-JAN-24`, `03-JAN-2024`, as SQL Developer exports DATE
 * columns; English or Danish month abbreviations, and Qlik's Danish `21-apr.-2025`), Qlik's Danish long dates
 * (`4. marts 2025`), day-first dates with two-digit years (`17-05-24`, `17.05.24`, as Excel
 * writes a short date), and day numbers (Excel serials, SAS dates counted from 1960-01-01).
 *
 * A timestamp with a UTC offset (`2025-04-21T09:15:00+02:00`, `…Z`, SQL Server's
 * `2025-04-21 09:15:00.1234567 +02:00`, PostgreSQL's `2025-04-21 09:15:00+02`) names an instant:
 * it counts on its calendar day in Danish time (Europe/Copenhagen, copenhagen-day.ts), as a
 * Parquet TIMESTAMP WITH TIME ZONE does — R's readr writes a local midnight `2025-10-15` as
 * `2025-10-14T22:00:00Z`. A time without an offset is read on the date written, and the
 * machine's time zone never moves a referral to another day (docs/input-registry.md "Dates").
 *
 * Every parser returns whole days since 1970-01-01 UTC, or undefined unless the text is a real
 * calendar date in exactly that format. `auto` is resolved once per file by `detectDateFormat`
 * from every date cell, and refuses a file whose day/month order cannot be told apart.
 */
import { looksLikeMissingCode } from './missing-cells.js';
import { looksLikeCprCell } from '../io/cpr-number.js';
import { copenhagenDay } from './copenhagen-day.js';

export const DATE_FORMATS = ['iso', 'iso-datetime', 'yyyymmdd', 'dd-mm-yyyy', 'dd.mm.yyyy', 'dd/mm/yyyy', 'mm/dd/yyyy', 'dd-mm-yy', 'dd.mm.yy', 'dd/mm/yy', 'mm/dd/yy', 'ddmonyyyy', 'dd-mon-yyyy', 'dd-mon-yy', 'd. month yyyy', 'excel-serial', 'sas-day'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export type DateFormatOption = DateFormat | 'auto';

export const MS_PER_DAY = 86_400_000;

/** y-m-d → days since 1970-01-01 UTC, or undefined unless a real calendar date (years 1000–9999). */
export function ymdToDay(y: number, m: number, d: number): number | undefined {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  return ms / MS_PER_DAY;
}

/** ISO `2025-05-09`, or with slashes `2025/05/09` as SPSS's SDATE10 writes a date (year first, so it reads one way only). */
const ISO = /^(\d{4})([-/])(\d{2})\2(\d{2})$/;
/**
 * A date-time: `T` or one space, hh:mm, optional :ss and a fraction of up to 9 digits (SQL
 * Server's datetimeoffset has 7), then an optional UTC offset: `Z`, or `±hh` (PostgreSQL's
 * timestamptz), `±hhmm` or `±hh:mm`, with one space allowed before a numeric one (SQL Server's
 * datetimeoffset as text). Groups: 1–3 date, 4–6 time, 7 `Z`, 8–10 a numeric offset's sign,
 * hours and minutes.
 */
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:(Z)| ?([+-])(\d{2})(?::?(\d{2}))?)?)?$/;
/** The largest UTC offset in use (UTC+14, Kiribati): a larger one is a typo, not a zone. */
const MAX_OFFSET_HOURS = 14;

/** An ISO date-time's day as written and, when it has a UTC offset, the day of its instant in Danish time. */
function isoDateTimeDays(t: string): { written: number; danish?: number } | undefined {
  const m = ISO_DATETIME.exec(t);
  if (!m) return undefined;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return undefined;
  if (m[9] !== undefined && (Number(m[9]) > MAX_OFFSET_HOURS || Number(m[10] ?? 0) > 59)) return undefined;
  const written = ymdToDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if (written === undefined) return undefined;
  if (m[7] === undefined && m[8] === undefined) return { written };
  // An offset names an instant: the UTC time is the wall time less the offset (a fraction of a
  // second never crosses midnight, which falls on a whole second).
  const offsetMinutes = m[7] !== undefined ? 0 : (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10] ?? 0));
  const utc = written * MS_PER_DAY + (Number(m[4]) * 60 + Number(m[5]) - offsetMinutes) * 60_000 + Number(m[6] ?? 0) * 1000;
  return { written, danish: copenhagenDay(utc) };
}
function isoDateTime(t: string): number | undefined {
  const days = isoDateTimeDays(t);
  return days === undefined ? undefined : days.danish ?? days.written;
}

/**
 * For an ISO date-time with a UTC offset that iso-datetime reads: whether its Danish day is
 * another than the date written (`2025-10-14T22:00:00Z` is 15 October); undefined for any other
 * text. For the note that says offsets were converted (registry-read-notes.ts).
 */
export function offsetDayMoved(t: string): boolean | undefined {
  const days = isoDateTimeDays(t);
  return days?.danish === undefined ? undefined : days.danish !== days.written;
}

/**
 * What is wrong with a text that starts as an ISO date with a time of day but that iso-datetime
 * does not read (`2025-04-21 09:15:00+2`): which part, said the same way for every cell with
 * that fault so a file's cells group into one problem; undefined for any other text.
 */
export function isoDateTimeFault(t: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](.*)$/.exec(t);
  if (!m || isoDateTime(t) !== undefined) return undefined;
  if (ymdToDay(Number(m[1]), Number(m[2]), Number(m[3])) === undefined) return 'its date part is not a real calendar date';
  const time = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:([.,])(\d*))?)?(.*)$/.exec(m[4]!);
  if (!time) return 'its time of day is not written hh:mm or hh:mm:ss';
  const [h, min, s] = [time[1]!, time[2]!, time[3]];
  if ([h, min, s].some((p) => p !== undefined && p.length !== 2)) return 'its time of day is not written hh:mm or hh:mm:ss (two digits each)';
  if (Number(h) > 23 || Number(min) > 59 || Number(s ?? 0) > 59) return 'its time of day is out of range (hours 00–23, minutes and seconds 00–59)';
  if (time[4] === ',') return 'its fraction of a second is written after a comma: iso-datetime reads a point (09:15:00.123)';
  if (time[5] !== undefined && (time[5].length === 0 || time[5].length > 9)) return 'its fraction of a second is not 1 to 9 digits';
  const rest = time[6]!;
  const offset = /^ ?[+-](\d{2})(?::?(\d{2}))?$/.exec(rest);
  if (offset) return `its UTC offset is out of range (hours 00–${MAX_OFFSET_HOURS}, minutes 00–59)`;
  return 'what follows its time is not a UTC offset written Z, ±hh, ±hhmm or ±hh:mm, with at most one space before it';
}
/**
 * An Excel serial day number, as a date cell formatted "General" is written to CSV: 45993 is
 * 2025-12-02. Five digits (1927–2173), with an optional time fraction (ignored, as in
 * iso-datetime) after a decimal point or comma: Danish Excel writes a date-time cell formatted
 * "Standard" as 45402,5 into a `;` CSV. Excel counts from 1899-12-30 for every date after February 1900 (its serial 60
 * is a 29 February 1900 that never was), so serial − 25569 is the day since 1970-01-01.
 */
const EXCEL_SERIAL = /^(\d{5})(?:[.,]\d+)?$/;
export const EXCEL_SERIAL_1970 = 25569;
/**
 * A SAS date value written as a number (a date column without a date format): days since
 * 1960-01-01, so 23513 is 2024-05-17 and 1970-01-01 is 3653. Up to five digits (to 2233). Its
 * numbers look like Excel serials; only what date they give tells them apart (plan init says both).
 */
const SAS_DAY = /^(\d{1,5})$/;
export const SAS_DAY_1970 = 3653;
/**
 * SAS's DATE9. (`17MAY2024`) and DATETIME20. (`17MAY2024:00:00:00`) texts, as PROC EXPORT writes
 * date and datetime columns, and Stata's %td and %tc as `export delimited` writes them
 * (`17may2024`, `17may2024 08:40:00`, `17may2024 08:40:00.000`: a space before the time, not a
 * colon): English month abbreviations, any case; the time is ignored, as in iso-datetime. SAS's
 * DATE7. and DATETIME16. write two-digit years (`17MAY24`, `17MAY24:08:40:00`): read in the
 * century inside the date window, as the other two-digit-year formats are (twoDigitYearReader).
 */
const DDMONYYYY = /^(\d{1,2})([A-Za-z]{3})(\d{4}|\d{2})(?:[: ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?$/;
export const MONTH_ABBREVIATIONS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
/** The parts of a SAS/Stata date text (`year` as written: two or four digits), or undefined. */
function ddMonParts(t: string): { d: number; m: number; y: string } | undefined {
  const m = DDMONYYYY.exec(t);
  if (!m) return undefined;
  const month = (MONTH_ABBREVIATIONS as readonly string[]).indexOf(m[2]!.toUpperCase()) + 1;
  if (month === 0 || (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59))) return undefined;
  return { d: Number(m[1]), m: month, y: m[3]! };
}
/** A SAS/Stata date text read with `yearDay` for its two-digit years. */
function ddMonReader(yearDay: (yy: number, month: number, day: number) => number | undefined): (t: string) => number | undefined {
  return (t) => {
    const p = ddMonParts(t);
    if (!p) return undefined;
    return p.y.length === 4 ? ymdToDay(Number(p.y), p.m, p.d) : yearDay(Number(p.y), p.m, p.d);
  };
}
/** Detection's reading: a two-digit year only needs to make a real date in some century (2000s). */
const ddMonYyyy = ddMonReader((yy, m, d) => ymdToDay(2000 + yy, m, d));

/**
 * A compact date, `20240517`: SAS's YYMMDDN8., Stata's %tdCCYYNNDD, Danmarks Statistik's
 * extracts. Eight digits that are a real calendar date; `auto` takes them only with years
 * 1900–2099 (COMPACT_YEARS), so that ids and counts of eight digits are not taken for dates.
 */
const YYYYMMDD = /^(\d{4})(\d{2})(\d{2})$/;
function yyyymmdd(t: string): number | undefined {
  const m = YYYYMMDD.exec(t);
  return m ? ymdToDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}
const COMPACT_YEARS = { from: 1900, to: 2099 } as const;
/** Whether auto may count `t` as a compact date: eight digits, a real date, a year in COMPACT_YEARS. */
function looksCompactDate(t: string): boolean {
  if (yyyymmdd(t) === undefined) return false;
  const y = Number(t.slice(0, 4));
  return y >= COMPACT_YEARS.from && y <= COMPACT_YEARS.to;
}

/**
 * An unformatted SAS datetime (a datetime column exported without a format): seconds since
 * 1960-01-01 00:00, nine or ten digits for dates from 1963 to 2276 (`2054626200` is 2025-02-08
 * 09:30). No date format reads it. Its reading, `2025-02-08 09:30`, or undefined when the number
 * gives no date from 1980 to 2100 (an id, a count).
 */
export function sasDatetimeReading(t: string): string | undefined {
  // Ten bare digits may be a CPR number (1511911234): its reading (1991-11-15 05:13) would give
  // back the birth date and more, so none is computed, whatever masks the text (docs/input-registry.md "CPR numbers");
  // nine digits too, when they are one whose leading zero a spreadsheet dropped.
  if (looksLikeCprCell(t)) return undefined;
  const m = /^(\d{9,10})(?:\.\d+)?$/.exec(t);
  if (!m) return undefined;
  const ms = Date.UTC(1960, 0, 1) + Number(m[1]) * 1000;
  const year = new Date(ms).getUTCFullYear();
  if (year < 1980 || year > 2100) return undefined;
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** What to do with an unformatted SAS datetime, the same for every cell (so a file's cells group into one problem). */
const SAS_DATETIME_WHAT = 'looks like a SAS datetime (seconds since 1960-01-01)';
const SAS_DATETIME_HOW = 'export the column with the DATETIME20. format (or its date with DATEPART() and DATE9.), and read it with "dateFormat": "ddmonyyyy"';
export const SAS_DATETIME_ADVICE = `this ${SAS_DATETIME_WHAT}: ${SAS_DATETIME_HOW}`;

/** The whole hint for one text: `"2054626200" looks like a SAS datetime … = 2025-02-08 09:30: export …`; undefined when it is none. */
export function sasDatetimeHint(t: string): string | undefined {
  const when = sasDatetimeReading(t);
  return when === undefined ? undefined : `${JSON.stringify(t)} ${SAS_DATETIME_WHAT} = ${when}: ${SAS_DATETIME_HOW}`;
}
/**
 * Oracle's DATE texts as SQL Developer (and SQL*Plus) export them under the default
 * NLS_DATE_FORMAT DD-MON-RR (`03-JAN-24`), or DD-MON-YYYY (`03-JAN-2024`): month abbreviations
 * in English or, from a client with Danish NLS_DATE_LANGUAGE, in Danish (JAN FEB MAR APR MAJ JUN
 * JUL AUG SEP OKT NOV DEC: only MAJ and OKT differ, and neither is an English month), any case.
 * Qlik in Danish writes DD-MMM-YYYY with the Danish abbreviations as Danish writes them, a point
 * after all but `maj` (`21-apr.-2025`, `09-maj-2025`, `30-okt.-2024`): a point after the
 * abbreviation is read too.
 */
const ORACLE = /^(\d{1,2})-([A-Za-z]{3})\.?-(\d{2}|\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
// The Nordic abbreviations that are no English one: Danish and Swedish MAJ, OKT; Norwegian MAI,
// DES (OKT too). None is another month's English abbreviation, so no text reads two ways.
const DANISH_MONTHS: Readonly<Record<string, number>> = { MAJ: 5, OKT: 10, MAI: 5, DES: 12 };
/**
 * The parts of a date with a month abbreviation; `time` says whether a time of day follows it
 * ('none', 'midnight', 'time'). SPSS writes a DATETIME variable so (`20-APR-2024 14:03:00`,
 * DATETIME20; `20-apr-2024 00:00:00` in a Danish locale, `…:00.00` with decimals), and Oracle a
 * DATE under `DD-MON-YYYY HH24:MI:SS`: the time is ignored as after a day/month date (timeOf).
 * Undefined for a time out of range, which dayMonthTimeFault names.
 */
function oracleParts(t: string): { d: number; m: number; y: string; time: 'none' | 'midnight' | 'time' } | undefined {
  const m = ORACLE.exec(t);
  if (!m) return undefined;
  const mon = m[2]!.toUpperCase();
  const month = (MONTH_ABBREVIATIONS as readonly string[]).indexOf(mon) + 1 || DANISH_MONTHS[mon];
  if (!month) return undefined;
  if (m[4] === undefined) return { d: Number(m[1]), m: month, y: m[3]!, time: 'none' };
  const [h, min, sec] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (h > 23 || min > 59 || sec > 59) return undefined;
  return { d: Number(m[1]), m: month, y: m[3]!, time: h === 0 && min === 0 && sec === 0 && !/[1-9]/.test(m[7] ?? '') ? 'midnight' : 'time' };
}

/**
 * A long date, `D. MMMM YYYY` as Qlik writes it in Danish and Norwegian (`4. marts 2025`,
 * `4. mars 2025`) or `D MMMM YYYY` as Swedish does (`8 februari 2025`, `8 feb. 2025`): the day
 * (with or without a point), the month's Danish, Norwegian or Swedish name or abbreviation (the
 * point after an abbreviation optional) or the English abbreviation, any case, and a four-digit
 * year. The four languages never use one word for two months (`mar`, `mars`, `marts` are all March; `mai`, `maj` May), so
 * every word reads one way (docs/input-registry.md "Dates").
 */
export const DANISH_MONTH_NAMES = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'] as const;
const NORWEGIAN_MONTH_NAMES = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'] as const;
const SWEDISH_MONTH_NAMES = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'] as const;
const NAMED_MONTH_OF: ReadonlyMap<string, number> = new Map(
  [DANISH_MONTH_NAMES, NORWEGIAN_MONTH_NAMES, SWEDISH_MONTH_NAMES].flatMap((names) => names.flatMap((name, i) => {
    const month = i + 1;
    // `sept.` is a Swedish and Norwegian abbreviation of September beside `sep.`.
    const shorts = [name.slice(0, 3), ...(month === 9 ? ['sept'] : [])];
    return [[name, month], ...shorts.flatMap((a) => [[a, month], [`${a}.`, month]])] as [string, number][];
  })).concat(
    // The English abbreviations (`8 Mar 2025`, as English date formats write it): ten are a Nordic
    // one too; May and Oct are not, and no Nordic word is `may` or `oct` (May is maj/mai).
    MONTH_ABBREVIATIONS.flatMap((a, i) => [[a.toLowerCase(), i + 1], [`${a.toLowerCase()}.`, i + 1]] as [string, number][]),
  ),
);
const DAY_MONTH_NAME = /^(\d{1,2})\.? ([A-Za-z]{3,9}\.?) (\d{4})$/;
function dayMonthName(t: string): number | undefined {
  const m = DAY_MONTH_NAME.exec(t);
  const month = m ? NAMED_MONTH_OF.get(m[2]!.toLowerCase()) : undefined;
  return month === undefined ? undefined : ymdToDay(Number(m![3]), month, Number(m![1]));
}

/**
 * The month word of a text shaped like a date with a month's name or abbreviation that no
 * format reads (`8 febbraio 2025`, `08-mär-2025`), or undefined: said as a month name not
 * recognised, rather than as a mix of formats (docs/input-registry.md "Dates").
 */
export function unknownMonthName(t: string): string | undefined {
  const m = /^\d{1,2}(?:\.? |(-))(\p{L}{3,12})\.?(?: |-)(?:\d{2}|\d{4})$/u.exec(t.trim());
  if (!m) return undefined;
  const word = m[2]!.toLowerCase();
  // Known as the format of its shape reads it: `08-sept.-2025` is dd-mon-yyyy's, which reads three
  // letters only (`sep`), though `8 sept. 2025` is read; `8 sept 2025` the long date's.
  const abbreviation = (MONTH_ABBREVIATIONS as readonly string[]).includes(word.toUpperCase()) || DANISH_MONTHS[word.toUpperCase()] !== undefined;
  const known = m[1] === '-' ? abbreviation : NAMED_MONTH_OF.has(word);
  return known ? undefined : m[2]!;
}

/** The words of a month-name refusal (the message's tail). */
export const MONTH_NAMES_READ = 'hta reads English month abbreviations (JAN … DEC) and Danish, Norwegian and Swedish month names and abbreviations';

/** Plausible dates as days since 1970-01-01, inclusive (`to` undefined: up to the day of the run). */
export interface DayWindow { from: number; to?: number | undefined }
/** 2000-01-01, the default start of the date window (read-registry.ts DEFAULT_DATE_FROM). */
export const DEFAULT_FROM_DAY = 10957;
/** The day of the run, as days since 1970-01-01: the default end of a date window. */
export const today = () => Math.floor(Date.now() / MS_PER_DAY);

/**
 * A two-digit year (`03-JAN-24`) is read in the century that puts the date inside the date
 * window — the plan's dateWindow, by default 2000-01-01 to the export date (or the day of the
 * run) — not by Oracle's RR rule, which depends on the day the file is read: the same file would
 * change its dates at the turn of a half-century, and a registry's dates are never in the future.
 * With the default window every two-digit year is unambiguous (19xx is before it, 21xx after).
 * A window spanning more than a century could hold the date in two centuries: refused (undefined).
 * Inside no century: the reading nearest the window, which the date-window check then refuses
 * naming the date it was read as (docs/input-registry.md "Dates").
 */
function twoDigitYearReader(window: DayWindow): (yy: number, month: number, day: number) => number | undefined {
  // The window's years once per parser, not per date cell.
  const from = window.from, to = window.to ?? today();
  const fromYear = Number(new Date(from * MS_PER_DAY).toISOString().slice(0, 4));
  const toYear = Number(new Date(to * MS_PER_DAY).toISOString().slice(0, 4));
  const distance = (d: number) => (d < from ? from - d : d - to);
  return (yy, month, day) => {
    const readings: number[] = [];
    for (let c = Math.floor(fromYear / 100) - 1; c <= Math.floor(toYear / 100) + 1; c++) {
      const d = ymdToDay(c * 100 + yy, month, day);
      if (d !== undefined) readings.push(d);
    }
    const inside = readings.filter((d) => d >= from && d <= to);
    if (inside.length > 1) return undefined;
    if (inside.length === 1) return inside[0];
    return readings.reduce<number | undefined>((best, d) => (best === undefined || distance(d) < distance(best) ? d : best), undefined);
  };
}

/**
 * A time of day after a day/month date, as Epic (Sundhedsplatformen), Excel and .NET exports
 * write date columns: one space, then `h:mm`, `hh:mm:ss`, optional fraction, optional AM/PM
 * (`23-03-2025 00:00`, `23.03.2025 00:00:00`, `3/23/2025 12:00:00 AM`); or written with points,
 * `hh.mm` or `hh.mm.ss`, as Google Sheets and LibreOffice write a date-time in a Danish locale
 * (`20.4.2024 00.00.00`: CLDR's Danish time pattern HH.mm.ss). The date is read; the time is
 * ignored (docs/input-registry.md "Dates"), and one that is not midnight is noted once.
 * Groups (after the date's 1–3): 4–8 a colon time's hours, minutes, seconds, fraction, AM/PM;
 * 9–11 a dotted time's hours, minutes, seconds (`timeOf` reads either).
 */
const TIME = '(?: (?:(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(?: ?([AaPp][Mm]))?|(\\d{1,2})\\.(\\d{2})(?:\\.(\\d{2}))?))?';
const numericDate = (sep: string) => new RegExp(`^(\\d{1,2})${sep}(\\d{1,2})${sep}(\\d{4})${TIME}$`);
const NUMERIC = { '-': numericDate('-'), '.': numericDate('\\.'), '/': numericDate('/') } as const;
/**
 * Day-first dates with two-digit years (`17-05-24`, `17.05.24`: Excel's short date format in
 * Danish settings, saved to CSV), a time of day allowed as after DD-MM-YYYY. Never detected by
 * `auto` (`24-05-17` could as well be year-first): only named by `"dateFormat"`; the year is read
 * as Oracle's DD-MON-RR is, in the century inside the date window (twoDigitYearReader). With
 * slashes, Excel's short date as Excel for Mac and Windows save it in US settings (`4/20/24`,
 * m/d/yy: "mm/dd/yy") or in British ones (`20/4/24`: "dd/mm/yy"), read alike.
 */
const shortYearDate = (sep: string) => new RegExp(`^(\\d{1,2})${sep}(\\d{1,2})${sep}(\\d{2})${TIME}$`);
const SHORT_YEAR = { '-': shortYearDate('-'), '.': shortYearDate('\\.'), '/': shortYearDate('/') } as const;
/** The two-digit-year formats: never chosen by `auto`, named in its refusal (`decide`). */
export const SHORT_YEAR_FORMATS = ['dd-mm-yy', 'dd.mm.yy', 'dd/mm/yy', 'mm/dd/yy'] as const;
export type ShortYearFormat = (typeof SHORT_YEAR_FORMATS)[number];

/**
 * The pattern of a format written with a numeric day and month (DD-MM-YYYY, MM/DD/YYYY,
 * DD.MM.YY, …; a time of day allowed), or undefined for any other format: chosen here once for
 * the parser, the time-of-day note and the two-digit-year hint.
 */
function dayMonthPattern(format: DateFormat): RegExp | undefined {
  switch (format) {
    case 'dd-mm-yy':
    case 'dd.mm.yy':
    case 'dd/mm/yy':
    case 'mm/dd/yy':
      return SHORT_YEAR[format[2] as '-' | '.' | '/'];
    case 'dd-mm-yyyy':
    case 'dd.mm.yyyy':
    case 'dd/mm/yyyy':
    case 'mm/dd/yyyy':
      return NUMERIC[format[2] as '-' | '.' | '/'];
    default:
      return undefined;
  }
}

/** The time part of a NUMERIC match: 'none' (no time), 'midnight', 'time' (another time), or undefined when no real time. */
function timeOf(m: RegExpExecArray): 'none' | 'midnight' | 'time' | undefined {
  // A colon time in groups 4–8, a dotted one in 9–11 (TIME).
  const dotted = m[9] !== undefined;
  if (m[4] === undefined && !dotted) return 'none';
  const h = Number(dotted ? m[9] : m[4]), min = Number(dotted ? m[10] : m[5]), s = Number((dotted ? m[11] : m[6]) ?? 0);
  const ampm = m[8]?.toLowerCase();
  if (min > 59 || s > 59 || (ampm === undefined ? h > 23 : h < 1 || h > 12)) return undefined;
  const hour = ampm === undefined ? h : (h % 12) + (ampm === 'pm' ? 12 : 0);
  return hour === 0 && min === 0 && s === 0 && !/[1-9]/.test(m[7] ?? '') ? 'midnight' : 'time';
}

/**
 * True when `text`, a date cell that `format` reads, carries a time of day other than midnight
 * (`23-03-2025 08:15`): read as its date, which the run says once (docs/input-registry.md "Dates").
 */
export function hasTimeOfDay(text: string, format: DateFormat): boolean {
  if (format === 'dd-mon-yyyy' || format === 'dd-mon-yy') return oracleParts(text)?.time === 'time';
  const m = dayMonthPattern(format)?.exec(text);
  return m != null && timeOf(m) === 'time';
}

/**
 * What is wrong with the time part of `text` when its date part is one `format` reads (`20.4.2024
 * 25.00.00`, `20.4.2024 00-00`); undefined when the whole reads, or when the date part does not.
 * For the refusal, which otherwise reads as though the date were the problem.
 */
export function dayMonthTimeFault(text: string, format: DateFormat, window?: DayWindow): string | undefined {
  // A date with a month abbreviation (SPSS DATETIME, `20-apr-2024 24:00:00`) is read with a time the same way.
  const abbreviated = format === 'dd-mon-yyyy' || format === 'dd-mon-yy';
  const re = abbreviated ? ORACLE : dayMonthPattern(format);
  const space = text.indexOf(' ');
  if (!re || space < 0) return undefined;
  const time = text.slice(space + 1);
  if (dateParser(format, window)(text.slice(0, space)) === undefined || dateParser(format, window)(text) !== undefined) return undefined;
  return re.test(text)
    ? `its date part reads, but its time of day ${JSON.stringify(time)} is out of range (hours 00–23, minutes and seconds 00–59)`
    : abbreviated
      ? `its date part reads, but its time of day ${JSON.stringify(time)} is not written hh:mm or hh:mm:ss (the time is not used)`
      : `its date part reads, but its time of day ${JSON.stringify(time)} is not written hh:mm or hh:mm:ss (also hh.mm.ss, as a Danish locale writes it; the time is not used)`;
}

/** What each format looks like, for messages. */
export const DATE_FORMAT_EXAMPLE: Readonly<Record<DateFormat, string>> = {
  iso: 'YYYY-MM-DD',
  'iso-datetime': 'YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss[.fff]], optionally with a UTC offset Z, ±hh, ±hhmm or ±hh:mm',
  'dd-mm-yyyy': 'DD-MM-YYYY',
  'dd.mm.yyyy': 'DD.MM.YYYY',
  'dd/mm/yyyy': 'DD/MM/YYYY',
  'dd-mm-yy': 'DD-MM-YY (17-05-24; the two-digit year read in the century inside the date window)',
  'dd.mm.yy': 'DD.MM.YY (17.05.24; the two-digit year read in the century inside the date window)',
  'dd/mm/yy': 'DD/MM/YY (20/04/24; the two-digit year read in the century inside the date window)',
  'mm/dd/yyyy': 'MM/DD/YYYY',
  'mm/dd/yy': 'MM/DD/YY (4/20/24, Excel\'s US short date; the two-digit year read in the century inside the date window)',
  ddmonyyyy: 'DDMONYYYY or DDMONYYYY:hh:mm:ss (SAS DATE9. or DATETIME20.: 17MAY2024; DATE7./DATETIME16. 17MAY24, the two-digit year read in the century inside the date window; Stata 17may2024 08:40:00)',
  yyyymmdd: 'YYYYMMDD (20240517: SAS YYMMDDN8., Stata %tdCCYYNNDD)',
  'dd-mon-yyyy': 'DD-MON-YYYY (Oracle: 03-JAN-2024; Qlik in Danish: 21-apr.-2025; SPSS DATE11: 20-APR-2024, DATETIME20: 20-APR-2024 14:03:00, the time ignored; English, Danish, Norwegian or Swedish month abbreviations)',
  'dd-mon-yy': 'DD-MON-YY (Oracle DD-MON-RR: 03-JAN-24, a time hh:mm[:ss] after it ignored; English, Danish, Norwegian or Swedish month abbreviations; the two-digit year read in the century inside the date window)',
  'd. month yyyy': 'D. MONTH YYYY (Qlik\'s Danish or Norwegian long date: 4. marts 2025, 4. mars 2025; Swedish 8 februari 2025; Danish, Norwegian or Swedish month names or abbreviations)',
  'excel-serial': 'as an Excel serial day number (45993 = 2025-12-02)',
  'sas-day': 'as a SAS day number, days since 1960-01-01 (23513 = 2024-05-17)',
};

/**
 * The parser of one format: text → day, or undefined. `window`: the date window, which only
 * `dd-mon-yy` uses (its two-digit years); default 2000-01-01 to the day of the run.
 */
export function dateParser(format: DateFormat, window: DayWindow = { from: DEFAULT_FROM_DAY }): (text: string) => number | undefined {
  switch (format) {
    case 'dd-mon-yyyy':
      return (t) => {
        const p = oracleParts(t);
        return p && p.y.length === 4 ? ymdToDay(Number(p.y), p.m, p.d) : undefined;
      };
    case 'dd-mon-yy': {
      const yearDay = twoDigitYearReader(window);
      return (t) => {
        const p = oracleParts(t);
        return p && p.y.length === 2 ? yearDay(Number(p.y), p.m, p.d) : undefined;
      };
    }
    case 'dd-mm-yy':
    case 'dd.mm.yy':
    case 'dd/mm/yy':
    case 'mm/dd/yy': {
      const yearDay = twoDigitYearReader(window);
      const re = dayMonthPattern(format)!;
      const monthFirst = format === 'mm/dd/yy';
      return (t) => {
        const m = re.exec(t);
        return m && timeOf(m) !== undefined ? yearDay(Number(m[3]), Number(m[monthFirst ? 1 : 2]), Number(m[monthFirst ? 2 : 1])) : undefined;
      };
    }
    case 'iso':
      return (t) => {
        const m = ISO.exec(t);
        return m ? ymdToDay(Number(m[1]), Number(m[3]), Number(m[4])) : undefined;
      };
    case 'iso-datetime':
      return isoDateTime;
    case 'd. month yyyy':
      return dayMonthName;
    case 'excel-serial':
      return (t) => {
        const m = EXCEL_SERIAL.exec(t);
        return m ? Number(m[1]) - EXCEL_SERIAL_1970 : undefined;
      };
    case 'sas-day':
      return (t) => {
        const m = SAS_DAY.exec(t);
        return m ? Number(m[1]) - SAS_DAY_1970 : undefined;
      };
    case 'ddmonyyyy':
      return ddMonReader(twoDigitYearReader(window));
    case 'yyyymmdd':
      return yyyymmdd;
    case 'mm/dd/yyyy': {
      const re = dayMonthPattern(format)!;
      return (t) => {
        const m = re.exec(t);
        return m && timeOf(m) !== undefined ? ymdToDay(Number(m[3]), Number(m[1]), Number(m[2])) : undefined;
      };
    }
    default: {
      const re = dayMonthPattern(format)!;
      return (t) => {
        const m = re.exec(t);
        return m && timeOf(m) !== undefined ? ymdToDay(Number(m[3]), Number(m[2]), Number(m[1])) : undefined;
      };
    }
  }
}

/**
 * What a date with a two-digit year (`17-05-24`, `4/20/24`) is, which format reads it, and the
 * other way out: Excel writes its short date so, and `auto` does not guess the century or the
 * order. With slashes the order is the date's own when one part is above 12 (`4/20/24` is
 * month-first), else both formats are named.
 */
export function shortYearAdvice(format: ShortYearFormat, text: string, auto = true): string {
  const guess = auto ? ', which auto does not guess' : '';
  const fix = 'or format the date columns in Excel with a four-digit year (yyyy-mm-dd) and save the CSV again';
  if (format[2] !== '/') return `these look like day-first dates with two-digit years (DD${format[2]}MM${format[2]}YY, as Excel writes a short date)${guess}: set "dateFormat": "${format}" in the uptake plan (the year is read in the century inside the date window), ${fix}`;
  const m = SHORT_YEAR['/'].exec(text);
  const [a, b] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  const which = a > 12 ? '"dd/mm/yy" (day first)' : b > 12 ? '"mm/dd/yy" (month first, as Excel writes a US short date)' : '"mm/dd/yy" (month first, Excel\'s US short date) or "dd/mm/yy" (day first), whichever the export uses';
  return `the year has two digits (as Excel writes its short date)${guess}: set "dateFormat": ${which} in the uptake plan (the year is read in the century inside the date window), ${fix}`;
}

/** Learns a file's date format from its date cells, one at a time (bounded memory). */
export interface DateFormatDetector {
  add(text: string): void;
  /**
   * The format, or the reason none can be chosen. `odd`: the few texts (at most 1 in 20) in no
   * format or a second one that did not stop the detection — a total row's counts, a stray
   * serial number; the rows holding them are refused on their lines by the row check.
   */
  result(): { format: DateFormat; odd?: { count: number; example: string }; dayNumbers?: DayNumbers } | { reason: string };
}

/**
 * Whole day numbers of an `excel-serial` file (none with a time fraction, which SAS date values
 * never have): SAS dates read as well, 21,916 days (60 years) later. `min` and `max` are the
 * numbers as written.
 */
export interface DayNumbers {
  min: number;
  max: number;
  example: string;
}

// A day number as days since 1970-01-01, for a count that starts `from1970` days before 1970-01-01.
const dayOf = (n: number, from1970: number) => n - from1970;
const isoOfDay = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** Both readings of a day number: "1964-05-16 as an Excel serial and 2024-05-17 as a SAS date" for 23513. */
export function dayNumberReadings(text: string): string {
  const n = Number(text);
  return `${isoOfDay(dayOf(n, EXCEL_SERIAL_1970))} as an Excel serial and ${isoOfDay(dayOf(n, SAS_DAY_1970))} as a SAS date`;
}

/**
 * The reading of day numbers under `auto` (docs/input-registry.md "Dates"): the one whose dates
 * all fall inside [from, to] when the other's do not; otherwise none, with both readings and the
 * two values to choose from. `to`: the plan's upper bound, or the day of the run (no export is
 * dated in the future). `plan init` drafts with the same rule and the default window.
 */
export function dayNumberFormat(n: DayNumbers, from: number, to: number, lang: 'en' | 'da' = 'en'): { format: 'excel-serial' | 'sas-day'; note: string } | { reason: string } {
  const inside = (from1970: number) => dayOf(n.min, from1970) >= from && dayOf(n.max, from1970) <= to;
  const range = (from1970: number) => (n.min === n.max ? isoOfDay(dayOf(n.min, from1970)) : `${isoOfDay(dayOf(n.min, from1970))} – ${isoOfDay(dayOf(n.max, from1970))}`);
  const window = `${isoOfDay(from)} – ${isoOfDay(to)}`;
  const both = `as Excel serials (days since 1899-12-30) they are ${range(EXCEL_SERIAL_1970)}, as SAS dates (days since 1960-01-01) ${range(SAS_DAY_1970)}`;
  const excel = inside(EXCEL_SERIAL_1970), sas = inside(SAS_DAY_1970);
  if (excel !== sas) {
    const format = excel ? 'excel-serial' : 'sas-day';
    // The note a Danish run prints (docs/cli.md "Danish output"); the refusal below stays English, as its problem list does.
    if (lang === 'da') {
      const bothDa = `som Excel-serienumre (dage siden 1899-12-30) er de ${range(EXCEL_SERIAL_1970)}, som SAS-datoer (dage siden 1960-01-01) ${range(SAS_DAY_1970)}`;
      return { format, note: `datoerne er dagnumre (fx ${n.example}), læst som ${excel ? 'Excel-serienumre' : 'SAS-datoer'} ("dateFormat": "${format}"), den eneste læsning inden for datovinduet ${window}: ${bothDa}; angiv "dateFormat" i uptake-planen for at gøre læsningen sikker` };
    }
    return { format, note: `dates are day numbers (such as ${n.example}), read as ${excel ? 'Excel serials' : 'SAS dates'} ("dateFormat": "${format}"), the only reading inside the date window ${window}: ${both}; set "dateFormat" in the uptake plan to make it certain` };
  }
  return { reason: `day numbers (such as ${n.example}) that are dates ${excel ? 'inside' : 'outside'} the date window ${window} read either way: ${both} — set "dateFormat": "excel-serial" or "dateFormat": "sas-day" in the uptake plan, whichever the source system wrote (check one date against it)` };
}

export function createDateFormatDetector(): DateFormatDetector {
  let iso = 0, isoTime = 0, serial = 0, sas = 0, named = 0, compact = 0, others = 0, total = 0;
  // Compact dates (`20240517`): the first, and the first text that is not one.
  let compactExample: string | undefined, notCompactExample: string | undefined;
  // Oracle texts by year length (`03-JAN-24`, `03-JAN-2024`): counted before any other format.
  const oracle = { 2: 0, 4: 0 };
  const notOracleExample: { 2?: string; 4?: string } = {};
  // The first text of each kind, and the first of neither year length: what a refusal quotes.
  const oracleExample: { 2?: string; 4?: string } = {};
  let nonOracleExample: string | undefined;
  // Month names (`4. marts 2025`): the first such text, and the first that is not one.
  let namedExample: string | undefined, notNamedExample: string | undefined;
  const numeric = { '-': 0, '.': 0, '/': 0 };
  let firstOver12 = 0, secondOver12 = 0;
  let example: string | undefined;
  let serialExample: string | undefined, sasExample: string | undefined, notSasExample: string | undefined;
  // Whole serials' range; a fraction (a time of day) is Excel's alone.
  let serialMin = Infinity, serialMax = -Infinity, serialFraction = false;
  return {
    add(text) {
      if (text === '') return;
      total++;
      const isNamed = dayMonthName(text) !== undefined;
      if (!isNamed) notNamedExample ??= text;
      const ora = oracleParts(text);
      const oraLength = ora && ymdToDay(ora.y.length === 2 ? 2000 + Number(ora.y) : Number(ora.y), ora.m, ora.d) !== undefined ? (ora.y.length as 2 | 4) : undefined;
      if (oraLength !== 2) notOracleExample[2] ??= text;
      if (oraLength !== 4) notOracleExample[4] ??= text;
      if (oraLength !== undefined) { oracle[oraLength]++; oracleExample[oraLength] ??= text; notSasExample ??= text; notCompactExample ??= text; example ??= text; return; }
      nonOracleExample ??= text;
      if (ddMonYyyy(text) !== undefined) { sas++; sasExample ??= text; notCompactExample ??= text; return; }
      notSasExample ??= text;
      if (isNamed) { named++; namedExample ??= text; example ??= text; notCompactExample ??= text; return; }
      if (looksCompactDate(text)) { compact++; compactExample ??= text; return; }
      notCompactExample ??= text;
      if (ISO.test(text)) { iso++; return; }
      if (ISO_DATETIME.test(text)) { isoTime++; return; }
      if (EXCEL_SERIAL.test(text)) {
        serial++;
        serialExample ??= text;
        if (SAS_DAY.test(text)) { serialMin = Math.min(serialMin, Number(text)); serialMax = Math.max(serialMax, Number(text)); }
        else serialFraction = true;
        return;
      }
      for (const sep of ['-', '.', '/'] as const) {
        const m = NUMERIC[sep].exec(text);
        if (!m) continue;
        numeric[sep]++;
        if (Number(m[1]) > 12) firstOver12++;
        if (Number(m[2]) > 12) secondOver12++;
        return;
      }
      others++;
      example ??= text;
    },
    result() {
      const decided = decide();
      if (!('format' in decided)) return decided;
      // One odd row (a total row under the table) must not hide the format of all the others.
      const ora = decided.format === 'dd-mon-yy' ? 2 : decided.format === 'dd-mon-yyyy' ? 4 : undefined;
      const oracleTexts = oracle[2] + oracle[4];
      const odd = ora !== undefined ? total - oracle[ora]
        : decided.format === 'excel-serial' ? others + sas + oracleTexts + named + compact
        : decided.format === 'ddmonyyyy' ? total - sas
        : decided.format === 'd. month yyyy' ? total - named
        : decided.format === 'yyyymmdd' ? total - compact
        : others + sas + serial + oracleTexts + named + compact;
      const oddExample = ora !== undefined ? notOracleExample[ora] : decided.format === 'ddmonyyyy' ? notSasExample : decided.format === 'd. month yyyy' ? notNamedExample : decided.format === 'yyyymmdd' ? notCompactExample : decided.format === 'excel-serial' ? example ?? sasExample ?? compactExample : example ?? serialExample ?? sasExample ?? compactExample;
      const days = decided.format === 'excel-serial' && !serialFraction ? { dayNumbers: { min: serialMin, max: serialMax, example: serialExample! } } : {};
      return { ...decided, ...(odd > 0 ? { odd: { count: odd, example: oddExample! } } : {}), ...days };
    },
  };
  /** The format of all the date texts but a few odd ones (at most 1 in 20), or why none. */
  function decide(): { format: DateFormat } | { reason: string } {
    if (total === 0) return { format: 'iso' };
    const few = (n: number) => n * 20 <= total && n < total;
    const shown = example ?? sasExample ?? notSasExample;
    // Two-digit-year dates are read only when named (never guessed: 24-05-17 could be year-first).
    const short = shown === undefined ? undefined : SHORT_YEAR_FORMATS.find((f) => dayMonthPattern(f)!.test(shown));
    const fix = short === undefined ? '' : `; ${shortYearAdvice(short, shown!)}`;
    // An ISO date with a time of day that iso-datetime does not read: which part is wrong.
    const fault = shown === undefined ? undefined : isoDateTimeFault(shown);
    const faultText = fault ? `; it is an ISO date with a time of day, but ${fault}` : '';
    // An unformatted SAS datetime (seconds since 1960): what it is and how to export it.
    const sasSeconds = shown === undefined ? undefined : sasDatetimeHint(shown);
    // A month word no language hta knows (`8 febbraio 2025`): said so, not as a mix of formats.
    const month = shown === undefined ? undefined : unknownMonthName(shown);
    const monthText = month === undefined ? '' : `; month names not recognised: ${JSON.stringify(month)} is no month name hta knows (${MONTH_NAMES_READ}) — write the dates as YYYY-MM-DD`;
    const noFormat = { reason: `dates in a format none of ${DATE_FORMATS.join(', ')} (e.g. ${JSON.stringify(shown)})${fix}${faultText}${sasSeconds ? `; ${sasSeconds}` : ''}${monthText}` };
    // Month-abbreviation texts (Oracle, Qlik): the file's format when all but a few dates are written so, in one year length.
    const oracleTotal = oracle[2] + oracle[4];
    if (oracleTotal > 0 && !few(oracleTotal)) {
      if (oracle[2] > 0 && oracle[4] > 0 && !few(Math.min(oracle[2], oracle[4]))) return { reason: `dates with a month abbreviation and two-digit years (such as ${JSON.stringify(oracleExample[2])}) mixed with four-digit ones (such as ${JSON.stringify(oracleExample[4])}) in one file` };
      const format = oracle[2] >= oracle[4] ? 'dd-mon-yy' : 'dd-mon-yyyy';
      if (few(total - oracle[format === 'dd-mon-yy' ? 2 : 4])) return { format };
      const len = format === 'dd-mon-yy' ? 2 : 4;
      return { reason: `dates written with a month abbreviation (such as ${JSON.stringify(oracleExample[len])}, as Oracle and Qlik write them; "dateFormat": "${format}") mixed with dates in other formats (such as ${JSON.stringify(nonOracleExample ?? notOracleExample[len])}) in one file` };
    }
    if (sas > 0 && !few(sas)) {
      if (sas === total || few(total - sas)) return { format: 'ddmonyyyy' };
      // One of each quoted, as for the other month-abbreviation formats: the odd text is what to fix or declare.
      return { reason: `dates written 17MAY2024 (SAS DATE9./DATETIME20., such as ${JSON.stringify(sasExample)}; "dateFormat": "ddmonyyyy") mixed with dates in other formats (such as ${JSON.stringify(notSasExample)}) in one file${looksLikeMissingCode(notSasExample ?? '', true) ? ` — if ${JSON.stringify(notSasExample)} means "no date", add "missingCodes": [${JSON.stringify(notSasExample)}] to the uptake plan` : ''}` };
    }
    if (named > 0 && !few(named)) {
      if (few(total - named)) return { format: 'd. month yyyy' };
      return { reason: `dates written with the month's name (such as ${JSON.stringify(namedExample)}, as Qlik writes a long date in Danish; "dateFormat": "d. month yyyy") mixed with dates in other formats (such as ${JSON.stringify(notNamedExample)}) in one file` };
    }
    if (compact > 0 && !few(compact)) {
      if (few(total - compact)) return { format: 'yyyymmdd' };
      return { reason: `dates written YYYYMMDD (such as ${JSON.stringify(compactExample)}; "dateFormat": "yyyymmdd") mixed with dates in other formats (such as ${JSON.stringify(notCompactExample)}) in one file` };
    }
    // A few SAS, Oracle, month-name or compact texts among other dates are odd ones, like any text in no format.
    const other = others + sas + oracleTotal + named + compact;
    if (serial > 0 && serial + other === total) return other === 0 || few(other) ? { format: 'excel-serial' } : noFormat;
    if (other > 0 && !few(other + serial)) return noFormat;
    if (serial > 0 && !few(serial + other)) return { reason: 'Excel serial day numbers (such as 45993) mixed with written dates in one file' };
    const numericTotal = numeric['-'] + numeric['.'] + numeric['/'];
    if (numericTotal === 0) return { format: isoTime > 0 ? 'iso-datetime' : 'iso' };
    if (iso + isoTime > 0) return { reason: 'a mix of ISO (YYYY-MM-DD) and day/month dates in one file' };
    const seps = (['-', '.', '/'] as const).filter((s) => numeric[s] > 0);
    if (seps.length > 1) return { reason: `day/month dates with different separators (${seps.join(' ')}) in one file` };
    const sep = seps[0]!;
    if (firstOver12 > 0 && secondOver12 > 0) return { reason: 'dates with a first part above 12 and others with a second part above 12: neither day-first nor month-first' };
    if (firstOver12 === 0 && secondOver12 === 0) {
      return { reason: 'every date has both its first and second part ≤ 12, so day-first and month-first cannot be told apart; set dateFormat in the uptake plan' };
    }
    if (secondOver12 > 0) {
      if (sep !== '/') return { reason: `month-first dates are only read as MM/DD/YYYY, not with "${sep}"` };
      return { format: 'mm/dd/yyyy' };
    }
    return { format: sep === '-' ? 'dd-mm-yyyy' : sep === '.' ? 'dd.mm.yyyy' : 'dd/mm/yyyy' };
  }
}
