/**
 * What an uptake output says about the plan's `publish` setting (docs/plan-uptake.md "What is
 * published"): which breakdowns the plan leaves out, and — when more than half of the count cells
 * are suppressed — why, and which of the published breakdowns to leave out to keep more totals
 * visible. The plain-text summary of `hta uptake` and the uptake report page print the same
 * sentences; the JSON carries `leftOut` and `suppression`.
 *
 * The hint never prints a count below the threshold: the number of referrals only when it is
 * itself published (shown, so at least the threshold), and numbers of months, years or clinics
 * only from the threshold up.
 */
import type { LeftOut } from './uptake-plan.js';
import { EQUITY_DIMENSIONS, type EquityDimension } from './uptake-plan.js';
import type { UptakeAnalysis } from './uptake-analysis.js';
import type { ChangedSince } from './disclosure/previous-publication.js';

type Lang = 'en' | 'da';

const TEXT = {
  leftOut: {
    en: 'Not published (the uptake plan\'s "publish" leaves them out of every table, chart and file, and out of the disclosure control): {list}.',
    da: 'Ikke offentliggjort (optagsplanens "publish" udelader dem af alle tabeller, figurer og filer og af diskretioneringen): {list}.',
  },
  months: { en: 'the monthly series', da: 'den månedlige serie' },
  years: { en: 'the rows per referral year', da: 'rækkerne pr. henvisningsår' },
  clinics: { en: 'the clinic funnel', da: 'klinikkernes tragtplot' },
  equity: { en: 'the {dims} breakdowns', da: 'opdelingen efter {dims}' },
  equityOne: { en: 'the {dims} breakdown', da: 'opdelingen efter {dims}' },
  ageBand: { en: 'age band', da: 'aldersgruppe' },
  sex: { en: 'sex', da: 'køn' },
  referrer: { en: 'referrer', da: 'henviser' },
  and: { en: 'and', da: 'og' },
  hint: {
    en: 'Most counts are hidden: {who}, spread over {parts}, leave most cells below {k}, and hiding a small count hides the totals that would reveal it.',
    da: 'De fleste antal er diskretioneret: {who} fordelt på {parts} efterlader de fleste celler under {k}, og når et lille antal diskretioneres, må de totaler, der ville afsløre det, også diskretioneres.',
  },
  hintLeaveOut: {
    en: 'Leaving out {what} ("publish" in the uptake plan) keeps more totals visible.',
    da: 'Udelades {what} ("publish" i optagsplanen), kan flere totaler vises.',
  },
  referrals: { en: '{n} referrals', da: '{n} henvisninger' },
  thisRegistry: { en: 'the referrals of this registry', da: 'dette registers henvisninger' },
  nMonths: { en: '{n} months', da: '{n} måneder' },
  theMonths: { en: 'the months', da: 'månederne' },
  nYears: { en: '{n} referral years', da: '{n} henvisningsår' },
  theYears: { en: 'the referral years', da: 'henvisningsårene' },
  nClinics: { en: '{n} clinics', da: '{n} klinikker' },
  theClinics: { en: 'the clinics', da: 'klinikkerne' },
  theRegions: { en: 'the regions', da: 'regionerne' },
  notPublished: {
    en: 'Not published: the uptake plan\'s "publish" leaves {what} out.',
    da: 'Ikke offentliggjort: optagsplanens "publish" udelader {what}.',
  },
  changed: {
    // True also of a period the earlier publication hid (its totals still give it): no "earlier print" is assumed.
    en: 'Changed since an earlier publication of this registry (late registrations or corrections): {list}. Every count of {these} is hidden in this publication, whatever its value: set against the earlier publication\'s numbers, whether it printed that count or hid it, it would count the patients registered late or corrected.',
    da: 'Ændret siden en tidligere offentliggørelse af dette register (efterregistreringer eller rettelser): {list}. Alle tal herfor er diskretioneret i denne offentliggørelse uanset værdi: holdt op mod den tidligere offentliggørelses tal, hvad enten den viste eller diskretionerede tallet, ville det tælle de efterregistrerede eller rettede patienter.',
  },
  // A region the earlier publication had no row of: the whole country's changes are not (only) late registrations.
  changedAdded: {
    en: 'Changed since an earlier publication of this registry (late registrations or corrections, or a region added: {added}, of which it had no row — the whole country\'s counts of the periods it covered now include that region\'s): {list}. Every count of {these} is hidden in this publication, whatever its value: set against the earlier publication\'s numbers, whether it printed that count or hid it, it would count the patients registered late, corrected or of the added region. The added region\'s own counts are printed or hidden by the usual rules.',
    da: 'Ændret siden en tidligere offentliggørelse af dette register (efterregistreringer eller rettelser, eller en tilføjet region: {added}, som den ikke havde rækker for — hele landets tal for de perioder, den dækkede, omfatter nu også denne regions): {list}. Alle tal herfor er diskretioneret i denne offentliggørelse uanset værdi: holdt op mod den tidligere offentliggørelses tal, hvad enten den viste eller diskretionerede tallet, ville det tælle de efterregistrerede, rettede eller den tilføjede regions patienter. Den tilføjede regions egne tal vises eller diskretioneres efter de sædvanlige regler.',
  },
  theseOne: { en: 'it', da: 'den' },
  theseMany: { en: 'them', da: 'dem' },
  activatedIn: { en: 'activations in {year}', da: 'aktiveringer i {year}' },
  // A referral period, as the tables by referral month or year count it (the tables by activation year are `activatedIn`'s).
  referredIn: { en: 'referrals in {period}', da: 'henvisninger i {period}' },
  referredAll: { en: 'all referrals (the whole export)', da: 'alle henvisninger (hele udtrækket)' },
  clinicsOf: { en: 'the clinics of {scope}', da: 'klinikkerne i {scope}' },
} as const satisfies Record<string, Record<Lang, string>>;

const fill = (t: string, v: Record<string, string | number>) => t.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? `{${k}}`));

/** "a", "a and b", "a, b and c" (Danish "og"). */
function listOf(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${TEXT.and[lang]} ${items[items.length - 1]}`;
}

/** A number with thousands separators as the tables write them (1,921 / 1.921). */
const thousands = (n: number, lang: Lang) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'da' ? '.' : ',');

const equityPhrase = (dims: readonly EquityDimension[], lang: Lang) => fill(TEXT[dims.length === 1 ? 'equityOne' : 'equity'][lang], { dims: listOf(dims.map((d) => TEXT[d][lang]), lang) });

/** The sentence naming what the plan leaves out, for a section whose table or chart is one of them. */
export function notPublishedSentence(what: 'months' | 'clinics' | 'equity', lang: Lang = 'en'): string {
  const name = what === 'equity' ? equityPhrase(EQUITY_DIMENSIONS, lang) : TEXT[what][lang];
  return fill(TEXT.notPublished[lang], { what: name });
}

/** The breakdowns left out, as one sentence; null when everything is published. */
export function leftOutSentence(leftOut: readonly LeftOut[] | undefined, lang: Lang = 'en'): string | null {
  if (!leftOut || leftOut.length === 0) return null;
  const items: string[] = [];
  for (const k of ['months', 'years', 'clinics'] as const) if (leftOut.includes(k)) items.push(TEXT[k][lang]);
  const dims = EQUITY_DIMENSIONS.filter((d) => leftOut.includes(d));
  if (dims.length > 0) items.push(equityPhrase(dims, lang));
  return fill(TEXT.leftOut[lang], { list: listOf(items, lang) });
}

/**
 * Why most counts are hidden, and what to leave out (null when at most half of the count cells
 * are suppressed). Names the published breakdowns from the finest.
 */
export function suppressionHint(a: Pick<UptakeAnalysis, 'rows' | 'threshold' | 'suppression' | 'metrics' | 'funnel' | 'leftOut'>, lang: Lang = 'en'): string[] | null {
  const { suppressedCells, countCells } = a.suppression;
  if (!(2 * suppressedCells > countCells)) return null;
  const k = a.threshold;
  const shown = (n: number) => n >= k;
  const left = new Set(a.leftOut ?? []);
  const months = new Set(a.metrics.filter((m) => m.periodType === 'month').map((m) => m.period)).size;
  const years = new Set(a.metrics.filter((m) => m.periodType === 'year').map((m) => m.period)).size;
  const clinics = a.funnel?.rows.length ?? 0;
  const dims = EQUITY_DIMENSIONS.filter((d) => !left.has(d) && a.metrics.some((m) => m.dimension === d));

  const parts: string[] = [];
  if (months > 0) parts.push(shown(months) ? fill(TEXT.nMonths[lang], { n: thousands(months, lang) }) : TEXT.theMonths[lang]);
  else if (years > 1) parts.push(shown(years) ? fill(TEXT.nYears[lang], { n: thousands(years, lang) }) : TEXT.theYears[lang]);
  if (clinics > 0) parts.push(shown(clinics) ? fill(TEXT.nClinics[lang], { n: thousands(clinics, lang) }) : TEXT.theClinics[lang]);
  if (dims.length > 0) parts.push(equityPhrase(dims, lang));
  if (parts.length === 0) parts.push(TEXT.theRegions[lang]);
  // The rows read are the national referrals: printed here only when that count is published.
  const who = typeof a.rows === 'number' && shown(a.rows) ? fill(TEXT.referrals[lang], { n: thousands(a.rows, lang) }) : TEXT.thisRegistry[lang];
  const out = [fill(TEXT.hint[lang], { who, parts: listOf(parts, lang), k })];

  // What to leave out first: the finest breakdowns still published.
  const coarse: string[] = [];
  if (months > 0) coarse.push(TEXT.months[lang]);
  if (clinics > 0 || (a.funnel !== undefined && !left.has('clinics'))) coarse.push(TEXT.clinics[lang]);
  const what = coarse.length > 0 ? coarse : dims.length > 0 ? [equityPhrase(dims, lang)] : years > 0 ? [TEXT.years[lang]] : [];
  if (what.length > 0) out.push(fill(TEXT.hintLeaveOut[lang], { what: listOf(what, lang) }));
  return out;
}

/**
 * Which earlier periods changed since an earlier publication (previous-publication.ts
 * `ChangedSince`), and that their counts are hidden: never the size of the change
 * (docs/disclosure-control.md "Changed since an earlier publication"). Null when none did.
 * `scope` names a region as the page does ("national" → "whole country").
 */
export function changedSentence(changed: ChangedSince | undefined, lang: Lang = 'en', scope: (s: string) => string = (s) => s): string | null {
  if (!changed) return null;
  const items: string[] = [];
  const byPeriod = new Map<string, string[]>();
  for (const p of changed.periods) byPeriod.set(p.period, [...(byPeriod.get(p.period) ?? []), p.region]);
  // Regions before the whole country, as the tables list them.
  const regions = (list: string[]) => listOf([...list.filter((r) => r !== 'national'), ...list.filter((r) => r === 'national')].map(scope), lang);
  for (const [period, list] of [...byPeriod].sort()) items.push(`${period === 'all' ? TEXT.referredAll[lang] : fill(TEXT.referredIn[lang], { period })} (${regions(list)})`);
  const byYear = new Map<number, string[]>();
  for (const y of changed.activationYears) byYear.set(y.year, [...(byYear.get(y.year) ?? []), y.region]);
  for (const [year, list] of [...byYear].sort((a, b) => a[0] - b[0])) items.push(`${fill(TEXT.activatedIn[lang], { year })} (${regions(list)})`);
  for (const r of changed.clinicRegions) items.push(fill(TEXT.clinicsOf[lang], { scope: scope(r) }));
  if (items.length === 0) return null;
  const added = changed.addedRegions ?? [];
  return fill(TEXT[added.length > 0 ? 'changedAdded' : 'changed'][lang], { list: items.join('; '), these: TEXT[items.length === 1 ? 'theseOne' : 'theseMany'][lang], added: listOf(added.map(scope), lang) });
}
