/**
 * Notes on a registry export that may have been cut short (docs/input-registry.md "An export cut
 * short"): BI tools stop an export at a row limit without a word in the file (Power BI's "Export
 * data" at 30,000 rows to .csv, 150,000 to .xlsx; an Excel sheet at 1,048,576 rows), and a cut
 * sorted by referral date leaves the referrals of the last months out while their activation and
 * last-active dates run on — the last year then reads as "so far" with too few referrals. Notes,
 * not refusals: a registry may hold exactly 30,000 referrals, and a programme may stop referring.
 * They name counts and dates, never an id.
 */
import type { Lang } from '../report/i18n.js';

/** Data rows (the header not counted) at which a BI tool or a spreadsheet stops an export. */
export const EXPORT_ROW_LIMITS: readonly { rows: number; en: string; da: string }[] = [
  { rows: 30_000, en: 'the most Power BI\'s "Export data" writes to a .csv file', da: 'det højeste antal, "Eksportér data" i Power BI skriver til en .csv-fil' },
  { rows: 65_535, en: 'the most rows under the header an Excel 97–2003 sheet (.xls) holds', da: 'det højeste antal rækker under overskriften, et Excel 97–2003-ark (.xls) kan rumme' },
  { rows: 150_000, en: 'the most Power BI\'s "Export data" writes to an .xlsx file', da: 'det højeste antal, "Eksportér data" i Power BI skriver til en .xlsx-fil' },
  { rows: 1_048_575, en: 'the most rows under the header an Excel sheet holds (1,048,576 in all)', da: 'det højeste antal rækker under overskriften, et Excel-ark kan rumme (1.048.576 i alt)' },
];

/** A gap of at least this many days between the last referral and the export date is looked at. */
export const CUT_GAP_DAYS = 30;
/** ... and said when the referrals before it would have put at least this many in the gap. */
export const CUT_EXPECTED_REFERRALS = 20;
/** The referral rate is that of the referrals of this many days up to the last one (or of the whole export, when shorter). */
export const CUT_RATE_DAYS = 365;

const number = (n: number, lang: Lang) => n.toLocaleString(lang === 'da' ? 'da-DK' : 'en-US');

/** The note when the file's data rows are exactly a known export limit; undefined otherwise. */
export function rowLimitNote(file: string, dataRows: number, lang: Lang = 'en'): string | undefined {
  const limit = EXPORT_ROW_LIMITS.find((l) => l.rows === dataRows);
  if (limit === undefined) return undefined;
  const n = number(dataRows, lang);
  if (lang === 'da') return `${file}: udtrækket har præcis ${n} rækker under overskriften, ${limit.da}: er det skåret af dér, mangler resten af henvisningerne i alle tal — hent udtrækket igen uden den grænse, eller i dele (efter region eller periode), der lægges sammen i én fil (docs/input-registry.md "An export cut short", "Several exports"); har registeret præcis så mange henvisninger, er der intet galt`;
  return `${file}: the export has exactly ${n} rows under the header, ${limit.en}: if it was cut there, the rest of the referrals are missing from every number — export it again without that limit, or in parts (by region or period) joined into one file (docs/input-registry.md "An export cut short", "Several exports"); if the registry holds exactly that many referrals, nothing is wrong`;
}

export interface ReferralEnd {
  /** The last referral date, ISO. */
  lastReferral: string;
  /** The export date, ISO: the plan's, or the latest date in the file. */
  exportDate: string;
  /** Whether the export date is the plan's exportDate (else the latest activation or last-active date). */
  exportDateGiven: boolean;
  /** The referrals dated in the `rateDays` days up to and including the last referral. */
  recentReferrals: number;
  /** The days those referrals span: CUT_RATE_DAYS, or fewer when the export's first referral is later. */
  rateDays: number;
}

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * The note when the referrals stop well before the export date: at least CUT_GAP_DAYS days with
 * no referral, where the rate of the referrals before would have put CUT_EXPECTED_REFERRALS or
 * more in them (a summer holiday does not; a cut at a row limit does), the rate read over at least
 * as many days as the gap. Undefined otherwise.
 */
export function referralsEndNote(file: string, end: ReferralEnd, lang: Lang = 'en'): string | undefined {
  const gap = dayOf(end.exportDate) - dayOf(end.lastReferral);
  // A rate read over fewer days than the gap (referrals of a few days, then none for months) says
  // nothing about the gap: an export of one clinic day is no export cut short.
  if (!(gap >= CUT_GAP_DAYS) || end.rateDays < gap) return undefined;
  const perDay = end.recentReferrals / end.rateDays;
  const expected = Math.round(perDay * gap);
  if (expected < CUT_EXPECTED_REFERRALS) return undefined;
  const year = end.exportDate.slice(0, 4);
  if (lang === 'da') {
    const source = end.exportDateGiven ? 'planens exportDate' : 'den seneste dato for aktivering eller sidste aktivitet i filen';
    return `${file}: den sidste henvisning er fra ${end.lastReferral}, ${number(gap, lang)} dage før udtrækkets dato ${end.exportDate} (${source}), mens henvisningerne før den kom så tæt, at omkring ${number(expected, lang)} ville være faldet i de dage: er udtrækket skåret af (en rækkegrænse, et filter på henvisningsdato), mangler henvisningerne fra slutningen, og ${year}s henvisninger, optag og udgift er for lave — hent hele udtrækket igen; holdt henvisningerne op dér, er der intet galt (docs/input-registry.md "An export cut short")`;
  }
  const source = end.exportDateGiven ? "the plan's exportDate" : 'the latest activation or last-active date in the file';
  return `${file}: the last referral is of ${end.lastReferral}, ${number(gap, lang)} days before the export date ${end.exportDate} (${source}), while the referrals before it came at a rate that would have put about ${number(expected, lang)} in those days: if the export was cut short (a row limit, a filter on the referral date), the referrals of the end are missing, and ${year}'s referrals, uptake and cost are too low — export the registry whole again; if referrals did stop then, nothing is wrong (docs/input-registry.md "An export cut short")`;
}
