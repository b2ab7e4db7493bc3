/**
 * Date cells of registry exports, in the formats regional systems write them (see
 * docs/input-registry.md "Dates"): ISO `2025-05-09`, ISO date-times `2025-05-09T08:15:00` (the
 * time part is ignored: the calendar date as written is the day, with no time-zone shift, since
 * a referral "on 9 May" must stay on 9 May), day-first or month-first numeric dates, SAS's
 * DATE9. and DATETIME20. texts (`17MAY2024`, `17MAY2024:00:00:00`, PROC EXPORT's defaults), and
 * day numbers (Excel serials, SAS dates counted from 1960-01-01).
 *
 * Every parser returns whole days since 1970-01-01 UTC, or undefined unless the text is a real
 * calendar date in exactly that format. `auto` is resolved once per file by `detectDateFormat`
 * from every date cell, and refuses a file whose day/month order cannot be told apart.
 */
export const DATE_FORMATS = ['iso', 'iso-datetime', 'dd-mm-yyyy', 'dd.mm.yyyy', 'dd/mm/yyyy', 'mm/dd/yyyy', 'ddmonyyyy', 'excel-serial', 'sas-day'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export type DateFormatOption = DateFormat | 'auto';

const MS_PER_DAY = 86_400_000;

/** y-m-d → days since 1970-01-01 UTC, or undefined unless a real calendar date (years 1000–9999). */
export function ymdToDay(y: number, m: number, d: number): number | undefined {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  return ms / MS_PER_DAY;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
// A date-time: `T` or one space, hh:mm, optional :ss and fraction, optional Z or ±hh:mm.
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/**
 * An Excel serial day number, as a date cell formatted "General" is written to CSV: 45993 is
 * 2025-12-02. Five digits (1927–2173), with an optional time fraction (ignored, as in
 * iso-datetime). Excel counts from 1899-12-30 for every date after February 1900 (its serial 60
 * is a 29 February 1900 that never was), so serial − 25569 is the day since 1970-01-01.
 */
const EXCEL_SERIAL = /^(\d{5})(?:\.\d+)?$/;
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
 * date and datetime columns: English month abbreviations, any case; the time is ignored, as in
 * iso-datetime.
 */
const DDMONYYYY = /^(\d{1,2})([A-Za-z]{3})(\d{4})(?::(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?$/;
export const MONTH_ABBREVIATIONS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
function ddMonYyyy(t: string): number | undefined {
  const m = DDMONYYYY.exec(t);
  if (!m) return undefined;
  const month = (MONTH_ABBREVIATIONS as readonly string[]).indexOf(m[2]!.toUpperCase()) + 1;
  if (month === 0 || (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59))) return undefined;
  return ymdToDay(Number(m[3]), month, Number(m[1]));
}
/**
 * A time of day after a day/month date, as Epic (Sundhedsplatformen), Excel and .NET exports
 * write date columns: one space, then `h:mm`, `hh:mm:ss`, optional fraction, optional AM/PM
 * (`23-03-2025 00:00`, `23.03.2025 00:00:00`, `3/23/2025 12:00:00 AM`). The date is read; the
 * time is ignored (docs/input-registry.md "Dates"), and one that is not midnight is noted once.
 */
const TIME = '(?: (\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(?: ?([AaPp][Mm]))?)?';
const numericDate = (sep: string) => new RegExp(`^(\\d{1,2})${sep}(\\d{1,2})${sep}(\\d{4})${TIME}$`);
const NUMERIC = { '-': numericDate('-'), '.': numericDate('\\.'), '/': numericDate('/') } as const;

/** The time part of a NUMERIC match: 'none' (no time), 'midnight', 'time' (another time), or undefined when no real time. */
function timeOf(m: RegExpExecArray): 'none' | 'midnight' | 'time' | undefined {
  if (m[4] === undefined) return 'none';
  const h = Number(m[4]), min = Number(m[5]), s = Number(m[6] ?? 0);
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
  if (format !== 'dd-mm-yyyy' && format !== 'dd.mm.yyyy' && format !== 'dd/mm/yyyy' && format !== 'mm/dd/yyyy') return false;
  const m = NUMERIC[format[2] as '-' | '.' | '/'].exec(text);
  return m !== null && timeOf(m) === 'time';
}

/** What each format looks like, for messages. */
export const DATE_FORMAT_EXAMPLE: Readonly<Record<DateFormat, string>> = {
  iso: 'YYYY-MM-DD',
  'iso-datetime': 'YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss]',
  'dd-mm-yyyy': 'DD-MM-YYYY',
  'dd.mm.yyyy': 'DD.MM.YYYY',
  'dd/mm/yyyy': 'DD/MM/YYYY',
  'mm/dd/yyyy': 'MM/DD/YYYY',
  ddmonyyyy: 'DDMONYYYY or DDMONYYYY:hh:mm:ss (SAS DATE9. or DATETIME20.: 17MAY2024)',
  'excel-serial': 'as an Excel serial day number (45993 = 2025-12-02)',
  'sas-day': 'as a SAS day number, days since 1960-01-01 (23513 = 2024-05-17)',
};

/** The parser of one format: text → day, or undefined. */
export function dateParser(format: DateFormat): (text: string) => number | undefined {
  switch (format) {
    case 'iso':
      return (t) => {
        const m = ISO.exec(t);
        return m ? ymdToDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
      };
    case 'iso-datetime':
      return (t) => {
        const m = ISO_DATETIME.exec(t);
        if (!m) return undefined;
        if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return undefined;
        return ymdToDay(Number(m[1]), Number(m[2]), Number(m[3]));
      };
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
      return ddMonYyyy;
    case 'mm/dd/yyyy':
      return (t) => {
        const m = NUMERIC['/'].exec(t);
        return m && timeOf(m) !== undefined ? ymdToDay(Number(m[3]), Number(m[1]), Number(m[2])) : undefined;
      };
    default: {
      const re = NUMERIC[format[2] as '-' | '.' | '/'];
      return (t) => {
        const m = re.exec(t);
        return m && timeOf(m) !== undefined ? ymdToDay(Number(m[3]), Number(m[2]), Number(m[1])) : undefined;
      };
    }
  }
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
export function dayNumberFormat(n: DayNumbers, from: number, to: number): { format: 'excel-serial' | 'sas-day'; note: string } | { reason: string } {
  const inside = (from1970: number) => dayOf(n.min, from1970) >= from && dayOf(n.max, from1970) <= to;
  const range = (from1970: number) => (n.min === n.max ? isoOfDay(dayOf(n.min, from1970)) : `${isoOfDay(dayOf(n.min, from1970))} – ${isoOfDay(dayOf(n.max, from1970))}`);
  const window = `${isoOfDay(from)} – ${isoOfDay(to)}`;
  const both = `as Excel serials (days since 1899-12-30) they are ${range(EXCEL_SERIAL_1970)}, as SAS dates (days since 1960-01-01) ${range(SAS_DAY_1970)}`;
  const excel = inside(EXCEL_SERIAL_1970), sas = inside(SAS_DAY_1970);
  if (excel !== sas) {
    const format = excel ? 'excel-serial' : 'sas-day';
    return { format, note: `dates are day numbers (such as ${n.example}), read as ${excel ? 'Excel serials' : 'SAS dates'} ("dateFormat": "${format}"), the only reading inside the date window ${window}: ${both}; set "dateFormat" in the uptake plan to make it certain` };
  }
  return { reason: `day numbers (such as ${n.example}) that are dates ${excel ? 'inside' : 'outside'} the date window ${window} read either way: ${both} — set "dateFormat": "excel-serial" or "dateFormat": "sas-day" in the uptake plan, whichever the source system wrote (check one date against it)` };
}

export function createDateFormatDetector(): DateFormatDetector {
  let iso = 0, isoTime = 0, serial = 0, sas = 0, others = 0, total = 0;
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
      if (ddMonYyyy(text) !== undefined) { sas++; sasExample ??= text; return; }
      notSasExample ??= text;
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
      const odd = decided.format === 'excel-serial' ? others + sas : decided.format === 'ddmonyyyy' ? total - sas : others + sas + serial;
      const oddExample = decided.format === 'ddmonyyyy' ? notSasExample : decided.format === 'excel-serial' ? example ?? sasExample : example ?? serialExample ?? sasExample;
      const days = decided.format === 'excel-serial' && !serialFraction ? { dayNumbers: { min: serialMin, max: serialMax, example: serialExample! } } : {};
      return { ...decided, ...(odd > 0 ? { odd: { count: odd, example: oddExample! } } : {}), ...days };
    },
  };
  /** The format of all the date texts but a few odd ones (at most 1 in 20), or why none. */
  function decide(): { format: DateFormat } | { reason: string } {
    if (total === 0) return { format: 'iso' };
    const few = (n: number) => n * 20 <= total && n < total;
    const noFormat = { reason: `dates in a format none of ${DATE_FORMATS.join(', ')} (e.g. ${JSON.stringify(example ?? sasExample)})` };
    if (sas > 0 && !few(sas)) {
      if (sas === total || few(total - sas)) return { format: 'ddmonyyyy' };
      return { reason: 'dates written 17MAY2024 (SAS DATE9./DATETIME20.) mixed with dates in other formats in one file' };
    }
    // A few SAS texts among other dates are odd ones, like any text in no format.
    const other = others + sas;
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
