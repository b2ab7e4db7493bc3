/**
 * The sentences every uptake output carries when the input was not taken as it stood
 * (docs/plan-uptake.md): a registry read as Windows-1252 or UTF-16 (docs/input-registry.md
 * "Encodings"), the detected date format (dateFormat "auto"), denominators filled by carry-forward (each filled region × year) and
 * registry rows left out as invalid (how many — only from the publication threshold up — and the
 * kinds of problem in words; never a value, a line or a count per kind: published-exclusion.ts),
 * clinic names differing only in case counted as one, and total rows left out of the eligible
 * file (how many: never a name or a label — published outputs carry no characters read from
 * the registry).
 * The plain-text summary of `hta uptake` and the uptake report page both print them (the
 * encoding also goes to stderr, as `hta plan init --uptake` prints it; the excluded rows' lines
 * and values go to stderr only, `excludedDetailLines`); the JSON carries the same facts as
 * `registryEncoding`, `eligibleFill` and `excluded`.
 */
import { decodedNote } from '../io/encoding-note.js';
import { formatProblemGroup } from '../problem-groups.js';
import { DANISH_PROBLEM_WORDS } from '../report/problem-text.js';
import { SUPPRESSED } from '../suppressed-marker.js';
import { regionsIn } from './regions.js';
import { EXCLUSION_KIND_WORDS, type ExclusionDetail, type PublishedExclusion } from './published-exclusion.js';
import type { UptakeAnalysis } from './uptake-analysis.js';
import { DATE_FORMAT_EXAMPLE } from './registry-dates.js';
import { bandsText, standardBandsText } from './age-bands.js';
import type { RegistryEncoding } from './registry-encoding.js';

type Lang = 'en' | 'da';

const TEXT = {
  registry: { en: 'The registry file', da: 'Registerfilen' },
  fillNone: {
    en: 'Eligible counts: the plan fills missing years by carry-forward; none was missing.',
    da: 'Antal berettigede: planen udfylder manglende år ved fremskrivning; intet manglede.',
  },
  fill: {
    en: 'Eligible counts missing from the eligible file were filled by carry-forward (the plan\'s eligibleFill; nearest earlier year, else later): {cells}.',
    da: 'Manglende antal berettigede er udfyldt ved fremskrivning (planens eligibleFill; nærmeste tidligere år, ellers senere): {cells}.',
  },
  cell: { en: '{region} {year} from {from}', da: '{region} {year} fra {from}' },
  dates: {
    en: 'Registry dates were read as {format} (detected: the plan\'s dateFormat is "auto").',
    da: 'Registerets datoer er læst som {format} (fundet automatisk: planens dateFormat er "auto").',
  },
  excludedNone: {
    en: 'Invalid registry rows are excluded (--exclude-invalid); none was invalid.',
    da: 'Ugyldige registerrækker udelades (--exclude-invalid); ingen var ugyldige.',
  },
  excluded: {
    en: '{rows} were excluded from every number (--exclude-invalid).',
    da: '{rows} er udeladt af alle tal (--exclude-invalid).',
  },
  kinds: { en: 'Kinds of problem: {kinds}.', da: 'Fejltyper: {kinds}.' },
  kindsSome: {
    en: 'Kinds of problem of at least {k} rows each: {kinds}.',
    da: 'Fejltyper med mindst {k} rækker hver: {kinds}.',
  },
  kindsNone: {
    en: 'Their kinds of problem are not named: each concerns fewer than {k} rows.',
    da: 'Fejltyperne nævnes ikke: hver gælder færre end {k} rækker.',
  },
  rowsBand: { en: '{from}–{to} invalid registry rows', da: '{from}–{to} ugyldige registerrækker' },
  rowsAtLeast: { en: 'At least {n} invalid registry rows', da: 'Mindst {n} ugyldige registerrækker' },
  noReferrals: {
    en: 'The registry has no referral from {regions}, which the eligible file lists: is it the whole country\'s export? Their eligible patients count in the whole country\'s uptake per 1,000.',
    da: 'Registeret har ingen henvisninger fra {regions}, som filen med antal berettigede har med: dækker udtrækket hele landet? Deres berettigede tæller med i hele landets optag pr. 1.000.',
  },
  and: { en: 'and', da: 'og' },
  rowsOne: { en: '1 invalid registry row', da: '1 ugyldig registerrække' },
  rowsMany: { en: '{n} invalid registry rows', da: '{n} ugyldige registerrækker' },
  rowsSome: { en: 'Some invalid registry rows (fewer than {k})', da: 'Nogle ugyldige registerrækker (færre end {k})' },
  rowsSomeBare: { en: 'Some invalid registry rows', da: 'Nogle ugyldige registerrækker' },
  clinicsMerged: {
    en: '{names} clinic names differing only in upper/lower case, in æ, ø, å written ae, oe, aa, or (all-digit codes) in leading zeros were counted as {clinics}.',
    da: '{names} kliniknavne, der kun adskiller sig ved store og små bogstaver, ved æ, ø, å skrevet ae, oe, aa eller (koder af lutter cifre) ved foranstillede nuller, er talt som {clinics}.',
  },
  clinicOne: { en: 'one clinic', da: 'én klinik' },
  clinicMany: { en: '{n} clinics', da: '{n} klinikker' },
  totalRowOne: {
    en: 'A total row in the eligible file, equal to the sum of the regions\' counts, was left out (hta adds the regions up itself).',
    da: 'En totalrække i filen med antal berettigede, lig med summen af regionernes antal, er udeladt (hta lægger selv regionerne sammen).',
  },
  totalRowMany: {
    en: '{n} total rows in the eligible file, each equal to the sum of the regions\' counts, were left out (hta adds the regions up itself).',
    da: '{n} totalrækker i filen med antal berettigede, hver lig med summen af regionernes antal, er udeladt (hta lægger selv regionerne sammen).',
  },
  bandsStandard: {
    en: 'The registry gives age bands, not ages; each lies inside one of the standard age bands ({standard}), in which the breakdown by age band counts them.',
    da: 'Registeret angiver aldersgrupper, ikke alder; hver ligger inden for én af standardaldersgrupperne ({standard}), som opdelingen efter aldersgruppe tæller dem i.',
  },
  bandsOwn: {
    en: 'The registry gives age bands, not ages, and they do not each lie inside one of the standard age bands ({standard}): the breakdown by age band shows the registry\'s own bands ({bands}).',
    da: 'Registeret angiver aldersgrupper, ikke alder, og de ligger ikke hver inden for én af standardaldersgrupperne ({standard}): opdelingen efter aldersgruppe viser registerets egne grupper ({bands}).',
  },
  bandsWithheld: {
    en: 'The breakdown by age band is not published: the registry\'s age bands ({now}) cut ages differently from those of the earlier publication of {asOf} ({earlier}), and the two tables read together would count the patients added since in the ages where their bands meet.',
    da: 'Opdelingen efter aldersgruppe er ikke offentliggjort: registerets aldersgrupper ({now}) deler alderen anderledes end den tidligere offentliggørelse af {asOf} ({earlier}), og de to tabeller læst sammen ville tælle de patienter, der er kommet til siden, i de aldre, hvor grupperne mødes.',
  },
  detail: {
    en: '{rows} invalid registry row(s) were excluded (--exclude-invalid); the problems, by kind (lines and values: not in the published outputs):',
    da: '{rows} ugyldige registerrække(r) er udeladt (--exclude-invalid); problemerne efter art (linjer og værdier: ikke i de offentliggjorte resultater):',
  },
} as const;

const fill = (t: string, v: Record<string, string | number>) => t.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? `{${k}}`));

/**
 * The sentence saying how a registry that was not UTF-8 was read, with its non-ASCII characters
 * (so that a misreading shows): the CSV readers' note (io/encoding-note.ts). `file`: the file's
 * name (stderr); default "The registry file".
 */
export function registryEncodingNote(e: RegistryEncoding, lang: Lang = 'en', file: string = TEXT.registry[lang]): string {
  return `${decodedNote(file, e, lang)}.`;
}

const thousands = (n: number, lang: Lang) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'da' ? '.' : ',');

/**
 * The published sentence on excluded rows: the count's band (else "some", or "at least"), and
 * the kinds in words — those of at least threshold rows (published-exclusion.ts).
 */
function excludedNote(e: PublishedExclusion, threshold: number | undefined, lang: Lang): string {
  const r = e.rows;
  const rows = r === SUPPRESSED
    ? threshold !== undefined ? fill(TEXT.rowsSome[lang], { k: threshold }) : TEXT.rowsSomeBare[lang]
    : typeof r === 'object'
      ? r.fewerThan === undefined ? fill(TEXT.rowsAtLeast[lang], { n: thousands(r.atLeast, lang) }) : fill(TEXT.rowsBand[lang], { from: thousands(r.atLeast, lang), to: thousands(r.fewerThan - 1, lang) })
      : r === 1 ? TEXT.rowsOne[lang] : fill(TEXT.rowsMany[lang], { n: thousands(r, lang) });
  const words = e.kinds.map((k) => EXCLUSION_KIND_WORDS[k][lang]).join('; ');
  const k = threshold ?? 1;
  const kinds = k <= 1 ? fill(TEXT.kinds[lang], { kinds: words }) : e.kinds.length === 0 ? fill(TEXT.kindsNone[lang], { k }) : fill(TEXT.kindsSome[lang], { k, kinds: words });
  return `${fill(TEXT.excluded[lang], { rows })} ${kinds}`;
}

/**
 * The excluded rows' problems with lines and values, one line per group, for stderr only: the
 * analyst finds the rows in their own file; no published output carries these.
 */
export function excludedDetailLines(d: ExclusionDetail, lang: Lang = 'en'): string[] {
  if (d.rows === 0) return [];
  // Each problem line in Danish whole where the catalogue words it, else in English whole (problem-groups.ts).
  return [fill(TEXT.detail[lang], { rows: d.rows }), ...d.problems.map((g) => `  ${formatProblemGroup(g, lang === 'da' ? DANISH_PROBLEM_WORDS : undefined)}`)];
}

/**
 * Regions of the eligible file the registry has no referral from (a published 0: with zeros
 * sensitive the count is the marker and nothing is said). One region's own export beside the whole
 * country's eligible file gives "0" for the others and a national rate over all regions' eligible:
 * the note asks whether the registry is the whole country's.
 */
function noReferralNote(a: Pick<UptakeAnalysis, 'metrics' | 'uptake'>, lang: Lang): string[] {
  // The eligible file's regions (every one has uptake rows); a region no referral row names had none.
  const regions = regionsIn(a.uptake, a.metrics);
  const referred = new Map(a.metrics.filter((m) => m.period === 'all' && m.dimension === 'all').map((m) => [m.region, m.referrals]));
  const none = regions.filter((r) => (referred.get(r) ?? 0) === 0);
  if (none.length === 0 || none.length === regions.length) return [];
  const list = none.length === 1 ? none[0]! : `${none.slice(0, -1).join(', ')} ${TEXT.and[lang]} ${none[none.length - 1]}`;
  return [fill(TEXT.noReferrals[lang], { regions: list })];
}

/** Sentences; empty when the input was used as it stood. */
export function uptakeInputNotes(a: Pick<UptakeAnalysis, 'eligibleFill' | 'excluded' | 'dateFormatDetected' | 'registryEncoding'> & Partial<Pick<UptakeAnalysis, 'threshold' | 'metrics' | 'uptake' | 'clinicCaseMerged' | 'eligibleTotalRows' | 'ageBands' | 'ageBandsWithheld' | 'leftOut'>>, lang: Lang = 'en'): string[] {
  const out: string[] = [];
  if (a.metrics && a.uptake) out.push(...noReferralNote({ metrics: a.metrics, uptake: a.uptake }, lang));
  if (a.registryEncoding) out.push(registryEncodingNote(a.registryEncoding, lang));
  if (a.dateFormatDetected) out.push(fill(TEXT.dates[lang], { format: DATE_FORMAT_EXAMPLE[a.dateFormatDetected] }));
  if (a.eligibleFill) {
    const cells = a.eligibleFill.filled.map((c) => fill(TEXT.cell[lang], { region: c.region, year: c.year, from: c.fromYear }));
    out.push(cells.length === 0 ? TEXT.fillNone[lang] : fill(TEXT.fill[lang], { cells: cells.join(', ') }));
  }
  if (a.excluded) {
    out.push(a.excluded.rows === 0 ? TEXT.excludedNone[lang] : excludedNote(a.excluded, a.threshold, lang));
  }
  // Counts only: the clinic names and the total rows' labels are the files' characters (stderr has them).
  if (a.clinicCaseMerged) {
    const { names, clinics } = a.clinicCaseMerged;
    out.push(fill(TEXT.clinicsMerged[lang], { names, clinics: clinics === 1 ? TEXT.clinicOne[lang] : fill(TEXT.clinicMany[lang], { n: clinics }) }));
  }
  // Age bands read instead of ages (age-bands.ts): said where the breakdown by age band is published.
  if (a.ageBands && !a.leftOut?.includes('ageBand')) {
    const standard = standardBandsText();
    const bands = bandsText(a.ageBands.bands.filter((b) => b !== 'unknown'));
    out.push(a.ageBands.kind === 'own' ? fill(TEXT.bandsOwn[lang], { standard, bands }) : fill(TEXT.bandsStandard[lang], { standard }));
  }
  if (a.ageBandsWithheld) {
    out.push(fill(TEXT.bandsWithheld[lang], { now: bandsText(a.ageBandsWithheld.now), earlier: bandsText(a.ageBandsWithheld.earlier), asOf: a.ageBandsWithheld.asOf }));
  }
  if (a.eligibleTotalRows) out.push(a.eligibleTotalRows === 1 ? TEXT.totalRowOne[lang] : fill(TEXT.totalRowMany[lang], { n: a.eligibleTotalRows }));
  return out;
}
