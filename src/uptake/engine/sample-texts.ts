/**
 * The texts a registry is likely to hold, known before its file is read: what lets the engine
 * read the file once (docs/uptake-aggregates.md "Checks"). The lookup tables are built from the
 * distinct texts of the first rows (a sample) together with every date of the plausible window
 * written in the plan's date format, every age 0–120 and the empty cell. Each of these texts
 * is still decided by the row validator's zod schemas (value-dictionaries.ts), so a text that
 * is here means exactly what it means in a full read; a cell whose text is not here is a miss,
 * and a file with any miss is read again the old way (every distinct text of the whole file).
 */
import { dayToIso } from '../referral.js';
import { DANISH_MONTH_NAMES, EXCEL_SERIAL_1970, MONTH_ABBREVIATIONS, SAS_DAY_1970, type DateFormat } from '../registry-dates.js';
import type { DistinctTexts } from './value-dictionaries.js';

/** Rows read for the sample: enough for every region, clinic, sex and referrer of most files. */
export const SAMPLE_ROWS = 50_000;

/** The sample's CSV read buffer: 4 MiB, twice DuckDB's longest line (50,000 rows are ≈ 3 MB). */
export const SAMPLE_BUFFER_BYTES = 4 * 1024 * 1024;

/** How far past `from` the calendar runs when the plan sets no end of the date window. */
const OPEN_WINDOW_YEARS = 40;

/** `day` written in `format` as regional systems write it (zero-padded; ISO for both ISO forms). */
export function dayText(day: number, format: DateFormat): string {
  const iso = dayToIso(day);
  const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  switch (format) {
    case 'iso':
    case 'iso-datetime':
      return iso;
    case 'mm/dd/yyyy':
      return `${m}/${d}/${y}`;
    case 'yyyymmdd':
      return `${y}${m}${d}`;
    case 'excel-serial':
      return String(day + EXCEL_SERIAL_1970);
    case 'sas-day':
      return String(day + SAS_DAY_1970);
    case 'ddmonyyyy':
      // DATETIME20. (PROC EXPORT's datetime columns); DATE9. cells are read in the second pass.
      return `${d}${MONTH_ABBREVIATIONS[Number(m) - 1]!}${y}:00:00:00`;
    case 'dd-mon-yyyy':
      return `${d}-${MONTH_ABBREVIATIONS[Number(m) - 1]!}-${y}`;
    case 'dd-mon-yy':
      return `${d}-${MONTH_ABBREVIATIONS[Number(m) - 1]!}-${y.slice(2)}`;
    case 'd. month yyyy':
      // Qlik's Danish long date: the day unpadded, the month's name (`4. marts 2025`).
      return `${Number(d)}. ${DANISH_MONTH_NAMES[Number(m) - 1]!} ${y}`;
    case 'dd-mm-yy':
    case 'dd.mm.yy':
    case 'dd/mm/yy':
      return `${d}${format[2]}${m}${format[2]}${y.slice(2)}`;
    case 'mm/dd/yy':
      return `${m}/${d}/${y.slice(2)}`;
    default:
      return `${d}${format[2]}${m}${format[2]}${y}`;
  }
}

/**
 * The sample's texts with the likely ones added: each day from `from` to `to` (inclusive;
 * undefined: 40 years on) in `format` for the date columns, '' and 0–120 for age.
 */
export function withLikelyTexts(sample: DistinctTexts, format: DateFormat, from: number, to: number | undefined): DistinctTexts {
  const last = to ?? from + Math.round(OPEN_WINDOW_YEARS * 365.25);
  const calendar: string[] = [''];
  for (let day = from; day <= last; day++) calendar.push(dayText(day, format));
  const ages = ['', ...Array.from({ length: 121 }, (_, i) => String(i))];
  const merge = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];
  return {
    ...sample,
    age: merge(sample.age, ages),
    referred: merge(sample.referred, calendar),
    activated: merge(sample.activated, calendar),
    last_active: merge(sample.last_active, calendar),
  };
}
