/**
 * The registry's date refusals (`a real calendar date written DD-MM-YYYY (this is a date with a
 * month abbreviation …)`, uptake/referral.ts) in Danish, for `hta uptake --lang da`: the format as
 * written, the hint of which "dateFormat" reads the cell, and what is wrong with its time of day.
 * Worded whole here, from the same few texts referral.ts and registry-dates.ts write: a text of
 * parts this module does not know stays English (problem-text.ts shows it as it is).
 */
import { DATE_FORMAT_EXAMPLE, type DateFormat } from './registry-dates.js';

/** What each format looks like, in Danish (DATE_FORMAT_EXAMPLE's words). */
const EXAMPLE_DA: Readonly<Record<DateFormat, string>> = {
  iso: 'YYYY-MM-DD',
  'iso-datetime': 'YYYY-MM-DD eller YYYY-MM-DDThh:mm[:ss[.fff]], eventuelt med en UTC-forskydning Z, ±hh, ±hhmm eller ±hh:mm',
  'dd-mm-yyyy': 'DD-MM-YYYY',
  'dd.mm.yyyy': 'DD.MM.YYYY',
  'dd/mm/yyyy': 'DD/MM/YYYY',
  'dd-mm-yy': 'DD-MM-YY (17-05-24; det tocifrede år læses i det århundrede, der ligger i datovinduet)',
  'dd.mm.yy': 'DD.MM.YY (17.05.24; det tocifrede år læses i det århundrede, der ligger i datovinduet)',
  'dd/mm/yy': 'DD/MM/YY (20/04/24; det tocifrede år læses i det århundrede, der ligger i datovinduet)',
  'mm/dd/yyyy': 'MM/DD/YYYY',
  'mm/dd/yy': 'MM/DD/YY (4/20/24, Excels amerikanske korte dato; det tocifrede år læses i det århundrede, der ligger i datovinduet)',
  ddmonyyyy: 'DDMONYYYY eller DDMONYYYY:hh:mm:ss (SAS DATE9. eller DATETIME20.: 17MAY2024; DATE7./DATETIME16. 17MAY24, det tocifrede år læses i det århundrede, der ligger i datovinduet; Stata 17may2024 08:40:00)',
  yyyymmdd: 'YYYYMMDD (20240517: SAS YYMMDDN8., Stata %tdCCYYNNDD)',
  'dd-mon-yyyy': 'DD-MON-YYYY (Oracle: 03-JAN-2024; Qlik på dansk: 21-apr.-2025; SPSS DATE11: 20-APR-2024, DATETIME20: 20-APR-2024 14:03:00, klokkeslættet ignoreres; engelske, danske, norske eller svenske månedsforkortelser)',
  'dd-mon-yy': 'DD-MON-YY (Oracle DD-MON-RR: 03-JAN-24, et klokkeslæt hh:mm[:ss] efter den ignoreres; engelske, danske, norske eller svenske månedsforkortelser; det tocifrede år læses i det århundrede, der ligger i datovinduet)',
  'd. month yyyy': 'D. MÅNED YYYY (Qliks lange dato på dansk eller norsk: 4. marts 2025, 4. mars 2025; svensk 8 februari 2025; danske, norske eller svenske månedsnavne eller -forkortelser)',
  'excel-serial': 'som et Excel-serienummer for dagen (45993 = 2025-12-02)',
  'sas-day': 'som et SAS-dagnummer, dage siden 1960-01-01 (23513 = 2024-05-17)',
};

/** The hints of referral.ts `dateExpected`: which "dateFormat" reads the cell. */
const HINTS_DA: readonly [RegExp, string][] = [
  [/^ \(this looks like a SAS date value, days since 1960-01-01 — as an Excel serial day number it would fall outside the date window: set "dateFormat": "sas-day" or "auto" in the uptake plan\)/,
    ' (det ligner en SAS-datoværdi, dage siden 1960-01-01 — som Excel-serienummer ville den falde uden for datovinduet: sæt "dateFormat": "sas-day" eller "auto" i optagsplanen)'],
  [/^ \(this is a day-first date, as SAS's DDMMYY10\. and Danish Excel write it: set "dateFormat": ("[^"]+") or "auto" in the uptake plan\)/,
    ' (det er en dato med dagen først, som SAS\'s DDMMYY10. og dansk Excel skriver den: sæt "dateFormat": $1 eller "auto" i optagsplanen)'],
  [/^ \(this is a month-first US date: set "dateFormat": "mm\/dd\/yyyy" or "auto" in the uptake plan\)/,
    ' (det er en amerikansk dato med måneden først: sæt "dateFormat": "mm/dd/yyyy" eller "auto" i optagsplanen)'],
  [/^ \(this is an ISO date, YYYY-MM-DD: set "dateFormat": "iso" in the uptake plan if the file's dates are written so, or "auto"\)/,
    ' (det er en ISO-dato, YYYY-MM-DD: sæt "dateFormat": "iso" i optagsplanen, hvis filens datoer er skrevet sådan, eller "auto")'],
  [/^ \(this is a day-first date with a two-digit year, as Excel writes a short date: set "dateFormat": ("[^"]+") in the uptake plan\)/,
    ' (det er en dato med dagen først og tocifret år, som Excel skriver en kort dato: sæt "dateFormat": $1 i optagsplanen)'],
  [/^ \(this looks like an Excel serial day number: set "dateFormat": "excel-serial" in the uptake plan, or format the column as a date in Excel before saving the CSV; a SAS date value counts from 1960-01-01: "sas-day"\)/,
    ' (det ligner et Excel-serienummer for dagen: sæt "dateFormat": "excel-serial" i optagsplanen, eller formatér kolonnen som dato i Excel, før CSV-filen gemmes; en SAS-datoværdi tæller fra 1960-01-01: "sas-day")'],
  [/^ \(this is a SAS date text: set "dateFormat": "ddmonyyyy" or "auto" in the uptake plan\)/,
    ' (det er en SAS-datotekst: sæt "dateFormat": "ddmonyyyy" eller "auto" i optagsplanen)'],
  [/^ \(this is a date written YYYYMMDD, as SAS's YYMMDDN8\. and Stata's %tdCCYYNNDD write it: set "dateFormat": "yyyymmdd" or "auto" in the uptake plan\)/,
    ' (det er en dato skrevet YYYYMMDD, som SAS\'s YYMMDDN8. og Statas %tdCCYYNNDD skriver den: sæt "dateFormat": "yyyymmdd" eller "auto" i optagsplanen)'],
  [/^ \(this is a date with a month abbreviation, as Oracle, Qlik and SPSS write it: set "dateFormat": ("[^"]+") or "auto" in the uptake plan\)/,
    ' (det er en dato med en månedsforkortelse, som Oracle, Qlik og SPSS skriver den: sæt "dateFormat": $1 eller "auto" i optagsplanen)'],
  [/^ \(this is a year-first date, YYYY\/MM\/DD, as SPSS's SDATE10 writes it: set "dateFormat": "iso" in the uptake plan, which reads it, or "auto"\)/,
    ' (det er en dato med året først, YYYY/MM/DD, som SPSS\'s SDATE10 skriver den: sæt "dateFormat": "iso" i optagsplanen, som læser den, eller "auto")'],
  [/^ \(this is a date with the month's name, as Qlik writes a long date in Danish or Norwegian: set "dateFormat": "d\. month yyyy" or "auto" in the uptake plan\)/,
    ' (det er en dato med månedens navn, som Qlik skriver en lang dato på dansk eller norsk: sæt "dateFormat": "d. month yyyy" eller "auto" i optagsplanen)'],
  [/^ \(this is a date with a time of day: set "dateFormat": "iso-datetime" in the uptake plan\)/,
    ' (det er en dato med et klokkeslæt: sæt "dateFormat": "iso-datetime" i optagsplanen)'],
];

/** What is wrong with a cell's time of day or date part (registry-dates.ts isoDateTimeFault, dayMonthTimeFault). */
const FAULTS_DA: readonly [RegExp, string][] = [
  [/^its date part is not a real calendar date/, 'dens datodel er ikke en gyldig kalenderdato'],
  [/^its time of day is not written hh:mm or hh:mm:ss \(two digits each\)/, 'dens klokkeslæt er ikke skrevet tt:mm eller tt:mm:ss (to cifre hver)'],
  [/^its time of day is not written hh:mm or hh:mm:ss/, 'dens klokkeslæt er ikke skrevet tt:mm eller tt:mm:ss'],
  [/^its time of day is out of range \(hours 00–23, minutes and seconds 00–59\)/, 'dens klokkeslæt er uden for det gyldige (timer 00–23, minutter og sekunder 00–59)'],
  [/^its fraction of a second is written after a comma: iso-datetime reads a point \(09:15:00\.123\)/, 'dens brøkdel af et sekund er skrevet efter et komma: iso-datetime læser et punktum (09:15:00.123)'],
  [/^its fraction of a second is not 1 to 9 digits/, 'dens brøkdel af et sekund er ikke 1 til 9 cifre'],
  [/^its date part reads, but its time of day (".*?") is out of range \(hours 00–23, minutes and seconds 00–59\)/, 'datoen kan læses, men klokkeslættet $1 er uden for det gyldige (timer 00–23, minutter og sekunder 00–59)'],
  [/^its date part reads, but its time of day (".*?") is not written hh:mm or hh:mm:ss \(also hh\.mm\.ss, as a Danish locale writes it; the time is not used\)/,
    'datoen kan læses, men klokkeslættet $1 er ikke skrevet tt:mm eller tt:mm:ss (eller tt.mm.ss, som dansk opsætning skriver det; klokkeslættet bruges ikke)'],
];

/** Replaces the start of `text` by the first pattern that matches it: [Danish, rest], or undefined. */
function lead(text: string, patterns: readonly [RegExp, string][]): [string, string] | undefined {
  for (const [pattern, danish] of patterns) {
    const m = pattern.exec(text);
    if (m) return [m[0].replace(pattern, danish), text.slice(m[0].length)];
  }
  return undefined;
}

/** The Danish of a registry date cell's `expected` (referral.ts dateExpected), or undefined when a part of it is unknown here. */
export function registryDateExpectedDa(expected: string): string | undefined {
  if (!expected.startsWith('a real calendar date ')) return undefined;
  // The longest example first: "DD-MM-YY (17-05-24; …)" before a bare "DD-MM-YY".
  const formats = (Object.keys(DATE_FORMAT_EXAMPLE) as DateFormat[]).sort((a, b) => DATE_FORMAT_EXAMPLE[b].length - DATE_FORMAT_EXAMPLE[a].length);
  for (const format of formats) {
    const english = DATE_FORMAT_EXAMPLE[format];
    const head = format === 'excel-serial' ? `a real calendar date ${english}` : `a real calendar date written ${english}`;
    if (!expected.startsWith(head)) continue;
    let rest = expected.slice(head.length);
    let danish = `en gyldig kalenderdato ${format === 'excel-serial' || format === 'sas-day' ? '' : 'skrevet '}${EXAMPLE_DA[format]}`;
    if (rest.startsWith(', or empty')) {
      danish += ' eller tom';
      rest = rest.slice(', or empty'.length);
    }
    const hint = lead(rest, HINTS_DA);
    if (hint) [danish, rest] = [danish + hint[0], hint[1]];
    const isoTime = ' — a date with a time of day, as "dateFormat": "iso-datetime" reads, but ';
    if (rest.startsWith(isoTime)) {
      const fault = lead(rest.slice(isoTime.length), FAULTS_DA);
      if (!fault) return undefined;
      [danish, rest] = [`${danish} — en dato med et klokkeslæt, som "dateFormat": "iso-datetime" læser, men ${fault[0]}`, fault[1]];
    } else if (rest.startsWith(' — ')) {
      const fault = lead(rest.slice(3), FAULTS_DA);
      if (!fault) return undefined;
      [danish, rest] = [`${danish} — ${fault[0]}`, fault[1]];
    }
    return rest === '' ? danish : undefined;
  }
  return undefined;
}
