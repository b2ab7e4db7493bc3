/**
 * The page's abbreviations written out: a list near the top of each page ("Abbreviations" /
 * "Forkortelser") naming only those the page uses, in its text, tables and charts
 * (docs/report-trial.md, "Abbreviations"). Danish forms from docs/glossary-da.md.
 */
import type { Lang } from './i18n.js';
import type { ReportPage } from './report-page.js';
import type { Table } from './text-table.js';

export interface Abbreviation {
  abbr: string;
  full: string;
}

/**
 * Each abbreviation as the page of each language writes it, and its words. Alphabetical by the
 * English form. Every upper-case token a bundled page prints is here or a name, not an
 * abbreviation (test/report/abbreviations-complete.test.ts), and so are the lower-case ones it
 * prints (df, fg); Danish words from docs/glossary-da.md.
 */
export const CATALOGUE: Record<Lang, Abbreviation>[] = [
  { en: { abbr: 'AIPW', full: 'augmented inverse probability weighting' }, da: { abbr: 'AIPW', full: 'augmenteret invers sandsynlighedsvægtning' } },
  { en: { abbr: 'ANCOVA', full: 'analysis of covariance' }, da: { abbr: 'ANCOVA', full: 'kovariansanalyse' } },
  { en: { abbr: 'ATE', full: 'average treatment effect' }, da: { abbr: 'ATE', full: 'gennemsnitlig behandlingseffekt' } },
  { en: { abbr: 'CI', full: 'confidence interval' }, da: { abbr: 'KI', full: 'konfidensinterval' } },
  { en: { abbr: 'CONSORT', full: 'Consolidated Standards of Reporting Trials' }, da: { abbr: 'CONSORT', full: 'Consolidated Standards of Reporting Trials (retningslinjer for rapportering af randomiserede forsøg)' } },
  // Lower case, as statistics write it ("Statistic (df)", "Q = 4.1, df = 2"; Danish "fg").
  { en: { abbr: 'df', full: 'degrees of freedom' }, da: { abbr: 'fg', full: 'frihedsgrader' } },
  { en: { abbr: 'DAGS', full: 'Danish Ambulatory Grouping System (outpatient tariffs)' }, da: { abbr: 'DAGS', full: 'Dansk Ambulant Grupperingssystem (takster for ambulant behandling)' } },
  { en: { abbr: 'DK', full: 'Denmark (the Danish value set)' }, da: { abbr: 'DK', full: 'Danmark (det danske værdisæt)' } },
  { en: { abbr: 'DKK', full: 'Danish kroner' }, da: { abbr: 'DKK', full: 'danske kroner' } },
  { en: { abbr: 'DRG', full: 'diagnosis-related groups (hospital tariffs)' }, da: { abbr: 'DRG', full: 'diagnoserelaterede grupper (takster for sygehusbehandling)' } },
  { en: { abbr: 'EQ-5D-3L', full: 'EuroQol 5 dimensions, 3 levels' }, da: { abbr: 'EQ-5D-3L', full: 'EuroQol 5 dimensioner, 3 niveauer' } },
  { en: { abbr: 'EQ-5D-5L', full: 'EuroQol 5 dimensions, 5 levels' }, da: { abbr: 'EQ-5D-5L', full: 'EuroQol 5 dimensioner, 5 niveauer' } },
  { en: { abbr: 'EQ-5D', full: 'EuroQol 5 dimensions (quality-of-life questionnaire)' }, da: { abbr: 'EQ-5D', full: 'EuroQol 5 dimensioner (spørgeskema om livskvalitet)' } },
  { en: { abbr: 'EUR', full: 'euro' }, da: { abbr: 'EUR', full: 'euro' } },
  { en: { abbr: 'GP', full: 'general practitioner' }, da: { abbr: 'GP', full: 'alment praktiserende læge' } },
  { en: { abbr: 'GRADE', full: 'Grading of Recommendations Assessment, Development and Evaluation' }, da: { abbr: 'GRADE', full: 'Grading of Recommendations Assessment, Development and Evaluation (system til vurdering af evidensens kvalitet)' } },
  { en: { abbr: 'HC0', full: "heteroskedasticity-consistent (sandwich) standard errors, White's original form" }, da: { abbr: 'HC0', full: 'heteroskedasticitetsrobuste (sandwich-)standardfejl, Whites oprindelige form' } },
  { en: { abbr: 'ICEMAN', full: 'Instrument for the Credibility of Effect Modification Analyses' }, da: { abbr: 'ICEMAN', full: 'redskab til vurdering af subgruppeanalysers troværdighed' } },
  { en: { abbr: 'ICER', full: 'incremental cost-effectiveness ratio' }, da: { abbr: 'ICER', full: 'inkrementel omkostningseffektivitetsratio' } },
  { en: { abbr: 'IV', full: 'inverse variance' }, da: { abbr: 'IV', full: 'invers varians' } },
  { en: { abbr: 'MAR', full: 'missing at random' }, da: { abbr: 'MAR', full: 'tilfældigt manglende (afhænger kun af observerede data)' } },
  { en: { abbr: 'MCID', full: 'minimal clinically important difference' }, da: { abbr: 'MKRF', full: 'mindste klinisk relevante forskel' } },
  { en: { abbr: 'MD', full: 'mean difference' }, da: { abbr: 'MD', full: 'gennemsnitlig forskel' } },
  { en: { abbr: 'MMRM', full: 'mixed model for repeated measures' }, da: { abbr: 'MMRM', full: 'mixed model for gentagne målinger' } },
  { en: { abbr: 'MRI', full: 'magnetic resonance imaging' }, da: { abbr: 'MR', full: 'magnetisk resonans (MR-scanning)' } },
  { en: { abbr: 'NNT', full: 'number needed to treat' }, da: { abbr: 'NNT', full: 'antal nødvendige at behandle' } },
  { en: { abbr: 'NRS', full: 'numeric rating scale' }, da: { abbr: 'NRS', full: 'numerisk vurderingsskala' } },
  { en: { abbr: 'OLS', full: 'ordinary least squares' }, da: { abbr: 'OLS', full: 'mindste kvadraters metode' } },
  { en: { abbr: 'OR', full: 'odds ratio' }, da: { abbr: 'OR', full: 'oddsratio' } },
  { en: { abbr: 'PMM', full: 'predictive mean matching' }, da: { abbr: 'PMM', full: 'prædiktiv middelværdimatchning' } },
  { en: { abbr: 'PSEQ', full: 'Pain Self-Efficacy Questionnaire' }, da: { abbr: 'PSEQ', full: 'Pain Self-Efficacy Questionnaire (handlekompetence)' } },
  { en: { abbr: 'QALY', full: 'quality-adjusted life year' }, da: { abbr: 'QALY', full: 'kvalitetsjusteret leveår' } },
  { en: { abbr: 'RCT', full: 'randomised controlled trial' }, da: { abbr: 'RCT', full: 'randomiseret kontrolleret forsøg' } },
  { en: { abbr: 'REML', full: 'restricted maximum likelihood' }, da: { abbr: 'REML', full: 'restringeret maksimum likelihood' } },
  { en: { abbr: 'RMDQ', full: 'Roland-Morris Disability Questionnaire' }, da: { abbr: 'RMDQ', full: 'Roland-Morris Disability Questionnaire (fysisk funktionsniveau)' } },
  { en: { abbr: 'RR', full: 'risk ratio' }, da: { abbr: 'RR', full: 'relativ risiko' } },
  { en: { abbr: 'SD', full: 'standard deviation' }, da: { abbr: 'SD', full: 'standardafvigelse' } },
  { en: { abbr: 'SMD', full: 'standardised mean difference' }, da: { abbr: 'SMD', full: 'standardiseret gennemsnitlig forskel' } },
  { en: { abbr: 'SUR', full: 'seemingly unrelated regression' }, da: { abbr: 'SUR', full: 'simultan regression' } },
  { en: { abbr: 'WAS', full: 'Work Ability Score' }, da: { abbr: 'WAS', full: 'arbejdsevnescore' } },
];

/**
 * Where an abbreviation stands as a word, or its plural ("QALYs", "CIs"): no letter or digit either
 * side; "EQ-5D" not inside "EQ-5D-5L", "MD" not inside "SMD", "KI" after "95 %-" yes. One pattern
 * per language of all the catalogue's abbreviations finds them in one pass over a page's text
 * (where one begins another, "EQ-5D" in "EQ-5D-5L", its lookahead fails and the longer one is
 * tried at the same place) instead of one pass per abbreviation (~0.02 CPU-s per cold `hta report`; docs/architecture.md#the-cost-of-a-cold-regeneration).
 * A match can hide no other: an abbreviation starts only after a character that is no letter or
 * digit, the only such character inside one is a hyphen, and what follows a hyphen inside one
 * ("5D", "5L") begins no abbreviation (test/report/abbreviations.test.ts checks the one pass
 * against a pass per abbreviation).
 */
const finders = new Map<Lang, RegExp>();

/** The catalogue's abbreviations `text` uses, in the catalogue's order. */
export function usedAbbreviations(text: string, lang: Lang): Abbreviation[] {
  let pattern = finders.get(lang);
  if (!pattern) {
    // Abbreviations are letters, digits and hyphens: nothing to escape.
    const alternatives = [...new Set(CATALOGUE.map((e) => e[lang].abbr))];
    pattern = new RegExp(`(?<![\\p{L}\\d])(${alternatives.join('|')})s?(?![\\p{L}\\d]|-\\d)`, 'gu');
    finders.set(lang, pattern);
  }
  const found = new Set<string>();
  for (const m of text.matchAll(pattern)) found.add(m[1]!);
  return CATALOGUE.map((e) => e[lang]).filter((a) => found.has(a.abbr));
}

function tableText(t: Table): string[] {
  return [...t.header, ...t.rows.flat()];
}

/** Every text of the page a reader sees: titles, paragraphs, tables, lists, and the charts' alt text, numbers and drawn text. */
export function pageTexts(page: ReportPage, charts: ReadonlyMap<string, { alt: string; numbers?: Table; svg?: string }>): string[] {
  // The provenance names the input files: "RCT_2025.csv" or "OR-trial.csv" is a file name, not a use of RCT or OR.
  const out = [page.title, page.provenance.replace(/[^\s"'`()]+\.(?:csv|tsv|txt|json|parquet|xlsx?)\b/gi, '')];
  for (const s of page.sections) {
    out.push(s.title, ...(s.intro ?? []), ...(s.notes ?? []));
    if (s.chartCaption) out.push(s.chartCaption);
    for (const tb of s.tables ?? []) out.push(...(tb.caption ? [tb.caption] : []), ...tableText(tb.table));
    if (s.textVersion) out.push(s.textVersion.summary, ...s.textVersion.items.flatMap((i) => (typeof i === 'string' ? [i] : [i.text, ...i.items])));
    const c = s.chart === undefined ? undefined : charts.get(s.chart);
    if (c) {
      out.push(c.alt, ...(c.numbers ? tableText(c.numbers) : []));
      // The chart's own text (axis titles, labels, legends) as drawn.
      if (c.svg) out.push(...[...c.svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!));
    }
  }
  return out;
}

/** The abbreviations the page uses, in the page's language, alphabetical. */
export function pageAbbreviations(page: ReportPage, charts: ReadonlyMap<string, { alt: string; numbers?: Table; svg?: string }>): Abbreviation[] {
  return usedAbbreviations(pageTexts(page, charts).join('\n'), page.lang)
    // Alphabetical whatever the case: "df" between "CI" and "DKK", not after "WAS".
    .sort((a, b) => {
      const [x, y] = [a.abbr.toUpperCase(), b.abbr.toUpperCase()];
      return x < y ? -1 : x > y ? 1 : a.abbr < b.abbr ? -1 : a.abbr > b.abbr ? 1 : 0;
    });
}
