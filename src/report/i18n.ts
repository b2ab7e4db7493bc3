/**
 * Every user-facing phrase for results, in English and Danish, in one catalogue. Verdicts are
 * written for clinicians: what the difference means against the MCID, not the rule's code.
 */
import type { Relevance } from '../judge/relevance.js';

export type Lang = 'en' | 'da';

/**
 * The one wording of each verdict (docs/glossary-da.md), as it starts a table cell, a legend entry
 * or a sentence; every table, chart and footnote of every report uses these words (mid-sentence
 * with a lower-case first letter), so a reader never meets two names for one verdict.
 */
export const VERDICT_TEXT: Record<Relevance, Record<Lang, string>> = {
  'relevant-benefit': { en: 'Clinically relevant benefit', da: 'Klinisk relevant gavn' },
  'relevant-harm': { en: 'Clinically relevant harm', da: 'Klinisk relevant skade' },
  'possibly-relevant-benefit': { en: 'Possibly clinically relevant benefit', da: 'Muligvis klinisk relevant gavn' },
  'possibly-relevant-harm': { en: 'Possibly clinically relevant harm', da: 'Muligvis klinisk relevant skade' },
  'significant-not-relevant': { en: 'Significant, but not clinically relevant', da: 'Signifikant, men ikke klinisk relevant' },
  'significant-relevance-uncertain': { en: 'Significant, but a clinically relevant effect is not ruled out', da: 'Signifikant, men klinisk relevans usikker' },
  'significant-harm-not-relevant': { en: 'Significantly worse, but not clinically relevant', da: 'Signifikant dårligere, men ikke klinisk relevant' },
  'significant-harm-relevance-uncertain': { en: 'Significantly worse, and clinically relevant harm is not ruled out', da: 'Signifikant dårligere, og klinisk relevant skade kan ikke udelukkes' },
  'no-relevant-difference': { en: 'No clinically relevant difference', da: 'Ingen klinisk relevant forskel' },
  inconclusive: { en: 'Inconclusive', da: 'Usikker' },
};

/** Why each verdict holds, printed in brackets after it where there is room (RELEVANCE_TEXT). */
const VERDICT_REASON: Partial<Record<Relevance, Record<Lang, string>>> = {
  'relevant-benefit': { en: 'whole CI beyond the MCID', da: 'hele konfidensintervallet ud over MKRF' },
  'relevant-harm': { en: 'whole CI beyond the MCID', da: 'hele konfidensintervallet ud over MKRF' },
  'possibly-relevant-benefit': { en: 'estimate beyond the MCID, CI not', da: 'estimatet ud over MKRF, intervallet ikke' },
  'possibly-relevant-harm': { en: 'estimate beyond the MCID, CI not', da: 'estimatet ud over MKRF, intervallet ikke' },
  'significant-not-relevant': { en: 'whole CI between 0 and the MCID', da: 'hele konfidensintervallet mellem 0 og MKRF' },
  'significant-relevance-uncertain': { en: 'CI excludes 0 and reaches the MCID', da: 'intervallet udelukker 0 og når MKRF' },
  'significant-harm-not-relevant': { en: 'whole CI between −MCID and 0', da: 'hele konfidensintervallet mellem −MKRF og 0' },
  'significant-harm-relevance-uncertain': { en: 'CI excludes 0 and reaches −MCID', da: 'intervallet udelukker 0 og når −MKRF' },
  'no-relevant-difference': { en: 'relevant benefit and harm ruled out', da: 'relevant gavn og skade udelukket' },
  inconclusive: { en: 'CI includes relevant benefit or harm', da: 'kan ikke afgøres: intervallet rummer relevant gavn eller skade' },
};

/**
 * The verdict where no MCID is set: significance only, in one wording everywhere. "No MCID set",
 * not "no MCID": "(ingen MKRF)" read as "no clinically relevant difference" (issue #15).
 */
export const NO_MCID_VERDICT_TEXT = {
  significant: { en: 'Significant difference (no MCID set)', da: 'Signifikant forskel (ingen MKRF angivet)' },
  notSignificant: { en: 'No significant difference (no MCID set)', da: 'Ingen signifikant forskel (ingen MKRF angivet)' },
} as const satisfies Record<string, Record<Lang, string>>;

/**
 * The same verdicts where "no MCID set" is said once for the rows below it: the summary of
 * findings' outcome heading row ("Pain-medication use (important; no MCID set)"), which keeps its
 * rows two lines high on A4. Nowhere else.
 */
export const NO_MCID_VERDICT_UNDER_HEADING = {
  significant: { en: 'Significant difference', da: 'Signifikant forskel' },
  notSignificant: { en: 'No significant difference', da: 'Ingen signifikant forskel' },
} as const satisfies Record<string, Record<Lang, string>>;

const RELEVANCES = Object.keys(VERDICT_TEXT) as Relevance[];

/** The verdict with its reason in brackets: "Clinically relevant benefit (whole CI beyond the MCID)". */
export const RELEVANCE_TEXT: Record<Relevance, Record<Lang, string>> = Object.fromEntries(
  RELEVANCES.map((k) => {
    const reason = VERDICT_REASON[k];
    return [k, reason ? { en: `${VERDICT_TEXT[k].en} (${reason.en})`, da: `${VERDICT_TEXT[k].da} (${reason.da})` } : VERDICT_TEXT[k]];
  }),
) as Record<Relevance, Record<Lang, string>>;

/** The verdict alone, for narrow cells and legends: the same words (VERDICT_TEXT). */
export const SHORT_RELEVANCE_TEXT: Record<Relevance, Record<Lang, string>> = VERDICT_TEXT;

/**
 * Fixed-decimal number in the language's format: decimal comma, thousands point and true minus
 * in Danish (`−1.221,64`), decimal point and thousands comma in English (`−1,221.64`). One rule
 * per language for every number a page or the terminal prints — counts, means, SDs, differences,
 * intervals, MCIDs alike — so a table's `6.220,1` reads as its chart's axis `6.000` does
 * (docs/glossary-da.md). Machine files (results.json, CSV) keep plain numbers and never pass here.
 */
export function formatFixed(v: number, decimals: number, lang: Lang = 'en'): string {
  const fixed = (Object.is(v, -0) ? 0 : Math.abs(v)).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  const group = lang === 'da' ? '.' : ',';
  const point = lang === 'da' ? ',' : '.';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  // A negative that rounds to zero prints as zero ("0.00", not "−0.00").
  const sign = v < 0 && !/^[0.]+$/.test(fixed) ? '−' : '';
  return sign + grouped + (frac !== undefined ? point + frac : '');
}

/**
 * A setting the user wrote in the plan (a balance threshold, a trim, a truncation quantile), with
 * every digit it has and at least `minDecimals`: 0.125 → "0.125", 0.004 → "0.004" (da "0,004"),
 * 0.1 → "0.10". Rounding it to the page's decimals would print a rule other than the plan's
 * ("SMD 0.128 … (threshold 0.13)"). Floating-point noise (1 − 0.07 = 0.9299999999999999) is not a
 * digit; at most 10 decimals.
 */
export function formatSetting(v: number, lang: Lang = 'en', minDecimals = 2): string {
  let d = minDecimals;
  while (d < 10 && Math.abs(Number(v.toFixed(d)) - v) > 1e-12 * Math.max(1, Math.abs(v))) d++;
  return formatFixed(v, d, lang);
}

/**
 * A test's degrees of freedom as the subgroup tests' table and `hta analyze` print them: "3; 407",
 * "F(3; 1,234)", Danish "3; 1.234". A semicolon between the two in both languages: with the Danish
 * decimal comma "1,37 (3, 407)" reads as the number 3,407, and with English grouping
 * "(3, 1,234)" reads as three numbers (docs/glossary-da.md). Each df grouped as every count.
 */
export function dfText(df1: number, df2: number | null, lang: Lang): string {
  const one = formatThousands(df1, 0, lang);
  return df2 === null ? one : `${one}; ${formatThousands(df2, 0, lang)}`;
}

/** A p-value as journals print it: 3 significant decimals, "<0.001" below. */
export function formatP(p: number, lang: Lang = 'en'): string {
  // Danish with a space, as "p = 0,250" beside it ("< 0,001").
  if (p < 0.001) return lang === 'da' ? '< 0,001' : '<0.001';
  return formatFixed(p, 3, lang);
}

/**
 * A p-value as a statement, `p = 0,012` or `p < 0,001` (English `p < 0.001`, with spaces beside
 * the sign): `formatP`'s one format for a test wherever it is printed — the meta forest's notes
 * and `hta meta` in the terminal alike (docs/glossary-da.md). `letter` is RevMan's English "P"
 * in the meta forest.
 */
export function pStatement(p: number, lang: Lang, letter = 'p'): string {
  const t = formatP(p, lang);
  return t.startsWith('<') ? `${letter} < ${t.replace(/^<\s*/, '')}` : `${letter} = ${t}`;
}

/**
 * A number with thousands separators: `12,345.6` in English, `12.345,6` in Danish (true minus
 * in both). The same rule as `formatFixed`; the name says so where counts are printed, and
 * whole numbers are the default.
 */
export function formatThousands(v: number, decimals = 0, lang: Lang = 'en'): string {
  return formatFixed(v, decimals, lang);
}

/** Patients per arm, "app/usual" ("1,213/1,204"; Danish "1.213/1.204"), each count thousands grouped. */
export function armCountsText(n: { intervention: number; control: number }, lang: Lang): string {
  return `${formatThousands(n.intervention, 0, lang)}/${formatThousands(n.control, 0, lang)}`;
}

/** Uptake (`hta uptake`) phrases: table titles, column headers and notes. */
export const UPTAKE_TEXT = {
  title: { en: 'Uptake of the app', da: 'Optag af appen' },
  exportDate: { en: 'Registry export date', da: 'Registerudtrækkets dato' },
  referralsRead: { en: 'referrals read', da: 'henvisninger indlæst' },
  // {are}: "is" after a count of one ("1 of 40 count cells is suppressed"); Danish "er" either way.
  suppressionNote: {
    en: 'Disclosure control: counts from 1 to {k1} are sensitive ({zeros}); they and the complementary cells chosen so that none of them can be narrowed to an interval under {p} wide from the published numbers are all shown as "suppressed", with every rate, CI, median and cost built on them. {n} of {total} count cells {are} suppressed.',
    da: 'Diskretionering: antal fra 1 til {k1} er følsomme ({zeros}); de og de supplerende celler, valgt så ingen af dem kan indsnævres til et interval under {p} bredt ud fra de offentliggjorte tal, vises alle som "diskretioneret" sammen med alle rater, KI, medianer og udgifter beregnet på dem. {n} af {total} antalsceller er diskretioneret.',
  },
  previousNote: {
    en: 'The counts of the earlier publication of this registry (export date {date}) were taken as known: no count here can be narrowed by subtracting them.',
    da: 'Antallene i den tidligere offentliggørelse af dette register (udtræksdato {date}) er regnet som kendte: intet antal her kan indsnævres ved at trække dem fra.',
  },
  previousNoteMany: {
    en: 'The counts of the earlier publications of this registry (export dates {dates}) were taken as known: no count here can be narrowed by subtracting them.',
    da: 'Antallene i de tidligere offentliggørelser af dette register (udtræksdatoer {dates}) er regnet som kendte: intet antal her kan indsnævres ved at trække dem fra.',
  },
  unchainedNote: {
    en: 'The earliest of them (export date {date}) was published without earlier publications taken as known, though the registry ran before it: publications before it, if any, were not taken as known here.',
    da: 'Den tidligste af dem (udtræksdato {date}) blev offentliggjort uden at tidligere offentliggørelser var regnet som kendte, selvom registret var i brug før den: eventuelle offentliggørelser før den er ikke regnet som kendte her.',
  },
  zerosShown: { en: 'zeros are shown as 0', da: 'nuller vises som 0' },
  zerosHidden: { en: 'zeros too, except zeros by definition', da: 'nuller også, undtagen nuller pr. definition' },
  activationTitle: { en: 'Activation and retention by region (whole export, by referral date)', da: 'Aktivering og fastholdelse pr. region (hele perioden, efter henvisningsdato)' },
  uptakeTitle: { en: 'Uptake per 1,000 eligible, by year of activation (95% Wilson CI)', da: 'Optag pr. 1.000 patienter i målgruppen, efter aktiveringsår (95 %-KI, Wilson)' },
  equityTitle: { en: 'Equity: activation and retention, {scope}, whole export', da: 'Lighed: aktivering og fastholdelse, {scope}, hele perioden' },
  funnelTitle: { en: 'Clinics outside the funnel limits (activation rate vs. referrals)', da: 'Klinikker uden for tragtgrænserne (aktiveringsrate mod henvisninger)' },
  funnelNone: { en: 'No clinic is outside the 95% limits.', da: 'Ingen klinik ligger uden for 95 %-grænserne.' },
  // Never "no clinic is outside" where verdicts are hidden: how many, instead of a false 0.
  // {mClinics}, {kClinics}, {clinics95}: a count with its noun, singular for one (count-words.ts countNoun).
  funnelVerdictsSuppressed: {
    en: 'The positions of {n} of {mClinics} are suppressed with their rates (disclosure control): whether they lie outside the limits is not shown.',
    da: 'For {n} af {mClinics} er placeringen diskretioneret sammen med raten: om de ligger uden for grænserne, vises ikke.',
  },
  funnelCountsShown: {
    en: 'of {kClinics} whose position is shown, {n95} {are} outside the 95% limits ({only95} within the 99.8% limits, {n998} outside them)',
    da: 'af {kClinics}, hvis placering vises, ligger {n95} uden for 95 %-grænserne ({only95} inden for 99,8 %-grænserne, {n998} uden for dem)',
  },
  funnelNoneOfOthers: { en: 'None of the other clinics is outside the 95% limits.', da: 'Ingen af de øvrige klinikker ligger uden for 95 %-grænserne.' },
  funnelOverall: { en: 'Overall activation rate', da: 'Samlet aktiveringsrate' },
  funnelCounts: {
    en: 'outside the 95% limits: {clinics95} ({only95} within the 99.8% limits, {n998} outside them)',
    da: 'uden for 95 %-grænserne: {clinics95} ({only95} inden for 99,8 %-grænserne, {n998} uden for dem)',
  },
  funnelLimitsHidden: {
    en: 'The funnel limits and which clinics fall outside them are not shown: they are computed from the overall activation rate, which is suppressed (disclosure control), and would give it back.',
    da: 'Tragtgrænserne, og hvilke klinikker der ligger uden for dem, vises ikke: de beregnes ud fra den samlede aktiveringsrate, som er diskretioneret, og ville afsløre den.',
  },
  averagePriceHidden: {
    en: 'With a national volume scope {unit} cost and average price follow from the activations of the year over {total}; where that count is suppressed, they are too.',
    da: 'Med landsdækkende volumen følger {unit} udgift og gennemsnitspris af årets aktiveringer i {total}; hvor det antal er diskretioneret, er de det også.',
  },
  nationalCostHidden: {
    en: 'With the volume counted over each region the cost of {total} is the sum of {units} own tiered costs, which can give {suppressedUnit} activations back; where one of them is suppressed, the cost and average price of {total} are too.',
    da: 'Når volumen opgøres pr. region, er udgiften i {total} summen af {units} udgifter efter hver deres pristrin, som kan afsløre {suppressedUnit} aktiveringer; hvor én af dem er diskretioneret, er udgiften og gennemsnitsprisen i {total} det også.',
  },
  observedTitle: { en: 'Gross app cost: observed so far, by year of activation', da: 'Bruttoudgift til appen: observeret indtil nu, efter aktiveringsår' },
  projectionTitle: { en: 'Gross app cost: projected cost by year and uptake scenario (full years), {scope}', da: 'Bruttoudgift til appen: forventet udgift pr. år og scenarie (hele år), {scope}' },
  projectionRegionTitle: { en: 'Gross app cost: projected cost over the horizon by region and scenario', da: 'Bruttoudgift til appen: forventet udgift over perioden pr. region og scenarie' },
  sensitivityTitle: { en: 'One-way sensitivity of the base-case gross app cost over the horizon, {scope}', da: 'Envejsfølsomhedsanalyse af basisscenariets bruttoudgift over perioden, {scope}' },
  region: { en: 'Region', da: 'Region' },
  national: { en: 'Whole country', da: 'Hele landet' },
  referrals: { en: 'Referred', da: 'Henvist' },
  activated: { en: 'Activated', da: 'Aktiveret' },
  activationRate: { en: 'Activation % (95% CI)', da: 'Aktivering % (95 %-KI)' },
  medianDays: { en: 'Median days', da: 'Mediantid til aktivering (dage)' },
  retention4w: { en: 'Retained 4 weeks % (n at risk)', da: 'Fastholdt 4 uger % (antal i risiko)' },
  retention12w: { en: 'Retained 12 weeks % (n at risk)', da: 'Fastholdt 12 uger % (antal i risiko)' },
  year: { en: 'Year', da: 'År' },
  eligible: { en: 'Eligible', da: 'I målgruppen' },
  per1000: { en: 'Per 1,000 eligible (95% CI)', da: 'Pr. 1.000 i målgruppen (95 %-KI)' },
  dimension: { en: 'Breakdown', da: 'Opdeling' },
  level: { en: 'Group', da: 'Gruppe' },
  // As the equity chart names them (UPTAKE_CHART_TEXT), capitalised as a table cell.
  ageBand: { en: 'Age band (years)', da: 'Aldersgruppe (år)' },
  sex: { en: 'Sex', da: 'Køn' },
  referrer: { en: 'Referred by', da: 'Henvist af' },
  clinic: { en: 'Clinic', da: 'Klinik' },
  rate: { en: 'Activation %', da: 'Aktivering %' },
  limits95: { en: '95% limits %', da: '95 %-grænser %' },
  limits998: { en: '99.8% limits %', da: '99,8 %-grænser %' },
  position: { en: 'Outside', da: 'Uden for' },
  // Table cells start with a capital.
  below: { en: 'Below', da: 'Under' },
  above: { en: 'Above', da: 'Over' },
  outside95: { en: 'outside 95%', da: 'uden for 95 %' },
  outside998: { en: 'outside 99.8%', da: 'uden for 99,8 %' },
  cost: { en: 'Cost', da: 'Udgift' },
  averagePrice: { en: 'Average price', da: 'Gennemsnitspris' },
  partial: { en: 'so far', da: 'indtil nu' },
  // The scenarios by one name each in the tables, the budget chart's legend and the conclusion.
  scenarioLow: { en: 'Low uptake', da: 'Lavt optag' },
  scenarioBase: { en: 'Base case', da: 'Basisscenarie' },
  scenarioHigh: { en: 'High uptake', da: 'Højt optag' },
  patients: { en: 'Patients', da: 'Patienter' },
  scenario: { en: 'Scenario', da: 'Scenarie' },
  share: { en: 'Share of eligible %', da: 'Andel af målgruppen %' },
  parameter: { en: 'Parameter', da: 'Parameter' },
  change: { en: 'Change', da: 'Ændring' },
  totalCost: { en: 'Total cost', da: 'Samlet udgift' },
  difference: { en: 'Difference from the base case', da: 'Forskel fra basisscenariet' },
  base: { en: 'Base case', da: 'Basisscenarie' },
  uptake: { en: 'Uptake', da: 'Optag' },
  price: { en: 'Price', da: 'Pris' },
  suppressed: { en: 'suppressed', da: 'diskretioneret' },
  priceModel: { en: 'Price model', da: 'Prismodel' },
  // The uptake plan's priceYear (uptake-plan.ts), after the price model.
  pricesOfYear: { en: '{year} prices', da: '{year}-priser' },
  volumeScope: { en: 'volume counted over', da: 'volumen opgjort for' },
  thousands: { en: '1,000 {cur}', da: '1.000 {cur}' },
  total: { en: 'Total', da: 'I alt' },
} as const satisfies Record<string, Record<Lang, string>>;

/**
 * Printed under the `hta analyze` table and the report's effects table; the arm placeholders are
 * filled by `fillArms` (src/report/arm-names.ts) with the plan's labels.
 */
export const ANALYZE_FOOTNOTE: Record<Lang, string> = {
  en: [
    'Difference = {intervention} − {control}, in the instrument\'s units (pp = percentage points); the verdict accounts for',
    'whether lower or higher is better. "Significant, but not clinically relevant": the whole 95% CI lies between 0 and the MCID.',
    '"Significant, but a clinically relevant effect is not ruled out": the 95% CI excludes 0 and reaches the MCID.',
    '"No clinically relevant difference": the whole CI lies between −MCID and +MCID. pp rows have no MCID unless the plan sets one.',
  ].join('\n'),
  da: [
    'Forskel = {intervention} − {control}, i instrumentets enheder (%-point for andele); vurderingen tager højde for,',
    'om lav eller høj score er bedst. "Signifikant, men ikke klinisk relevant": hele 95 %-KI ligger mellem 0 og MKRF.',
    '"Signifikant, men klinisk relevans usikker": 95 %-KI udelukker 0 og når MKRF.',
    '"Ingen klinisk relevant forskel": hele KI ligger mellem −MKRF og +MKRF.',
  ].join('\n'),
};

/**
 * The report's notes under the table of all effect estimates (trial-report.ts): this head, then
 * each verdict on the page defined (verdict-notes.ts), then the percentage-point rows' rule.
 */
export const EFFECTS_NOTE = {
  head: {
    en: 'Difference = {intervention} − {control}, in the instrument\'s units (pp = percentage points); the verdict accounts for whether lower or higher is better.',
    da: 'Forskel = {intervention} − {control}, i instrumentets enheder (%-point for andele); vurderingen tager højde for, om lav eller høj score er bedst.',
  },
  pp: { en: 'pp rows have no MCID unless the plan sets one.', da: 'Rækker i %-point har ingen MKRF, medmindre planen angiver en.' },
} as const satisfies Record<string, Record<Lang, string>>;

/** Uptake chart titles, axis titles (with units) and notes. */
export const UPTAKE_CHART_TEXT = {
  overTimeTitle: { en: 'Activations per month by region', da: 'Aktiveringer pr. måned pr. region' },
  overTimeSubtitle: { en: 'By month of referral; later months are still filling up', da: 'Efter henvisningsmåned; de seneste måneder er endnu ikke komplette' },
  per1000Title: { en: 'Uptake per 1,000 eligible by region and year', da: 'Optag pr. 1.000 patienter i målgruppen pr. region og år' },
  per1000Subtitle: { en: 'By year of activation, with 95% Wilson CI', da: 'Efter aktiveringsår, med 95 %-KI (Wilson)' },
  month: { en: 'Month of referral', da: 'Henvisningsmåned' },
  year: { en: 'Year', da: 'År' },
  activations: { en: 'Activations (patients per month)', da: 'Aktiveringer (patienter pr. måned)' },
  per1000: { en: 'Uptake (per 1,000 eligible)', da: 'Optag (pr. 1.000 i målgruppen)' },
  region: { en: 'Region', da: 'Region' },
  national: { en: 'Whole country', da: 'Hele landet' },
  gapsNote: { en: '{n} suppressed values (disclosure control) left out; lines break there', da: '{n} diskretionerede værdier udeladt; linjerne brydes der' },
  gapsNoteOne: { en: '1 suppressed value (disclosure control) left out; the line breaks there', da: '1 diskretioneret værdi udeladt; linjen brydes der' },
  limitsHidden: { en: 'No limits: the overall rate is suppressed (disclosure control)', da: 'Ingen grænser: den samlede rate er diskretioneret' },
  clinicsDrawn: { en: 'Clinics', da: 'Klinikker' },
  clinicHidden: { en: '{n} clinic with suppressed counts (disclosure control) is not drawn', da: '{n} klinik med diskretionerede antal er ikke tegnet' },
  clinicsHidden: { en: '{n} clinics with suppressed counts (disclosure control) are not drawn', da: '{n} klinikker med diskretionerede antal er ikke tegnet' },
  skippedNote: { en: '{n} suppressed values (disclosure control) are not drawn', da: '{n} diskretionerede værdier er ikke tegnet' },
  skippedNoteOne: { en: '1 suppressed value (disclosure control) is not drawn', da: '1 diskretioneret værdi er ikke tegnet' },
  funnelTitle: { en: 'Activation funnel', da: 'Aktiveringstragt' },
  funnelSubtitle: {
    en: 'Retained: still using the app 4 / 12 weeks after activation, as a share of those at risk|(dashed outline: activated at least 4 / 12 weeks before the export)',
    da: 'Fastholdt: bruger stadig appen 4 / 12 uger efter aktivering, som andel af dem i risiko|(stiplet omrids: aktiveret mindst 4 / 12 uger før udtrækket)',
  },
  funnelShared: { en: 'All regions on one scale', da: 'Alle regioner på samme skala' },
  ofReferred: { en: '{n} ({pct} of referred)', da: '{n} ({pct} af henviste)' },
  ofAtRisk: { en: '{n} of {atRisk} at risk ({pct})', da: '{n} af {atRisk} i risiko ({pct})' },
  // A hidden number is never the object of "of": "146 of suppressed at risk" reads as a noun.
  ofReferredHidden: { en: '{n} (share of referred: suppressed)', da: '{n} (andel af henviste: diskretioneret)' },
  ofAtRiskShareHidden: { en: '{n} of {atRisk} at risk (share: suppressed)', da: '{n} af {atRisk} i risiko (andel: diskretioneret)' },
  ofAtRiskHidden: { en: '{n} (number at risk and share: suppressed)', da: '{n} (antal i risiko og andel: diskretioneret)' },
  stage: { en: 'Stage', da: 'Trin' },
  patients: { en: 'Patients (n)', da: 'Patienter (n)' },
  referred: { en: 'Referred', da: 'Henvist' },
  activated: { en: 'Activated', da: 'Aktiveret' },
  retained4w: { en: 'Retained 4 weeks', da: 'Fastholdt 4 uger' },
  retained12w: { en: 'Retained 12 weeks', da: 'Fastholdt 12 uger' },
  equityTitle: { en: 'Activation rate by age band, sex and referrer', da: 'Aktiveringsrate efter aldersgruppe, køn og henviser' },
  // When the uptake plan publishes only some breakdowns (docs/plan-uptake.md "What is published").
  equityTitleSome: { en: 'Activation rate by {dims}', da: 'Aktiveringsrate efter {dims}' },
  equitySubtitle: { en: 'Share of referred patients who activated the app, 95% Wilson CI|Dashed line: all patients', da: 'Andel af henviste, der aktiverede appen, 95 %-KI (Wilson)|Stiplet linje: alle patienter' },
  activationRate: { en: 'Activation rate (% of referred)', da: 'Aktiveringsrate (% af henviste)' },
  ageBand: { en: 'Age band (years)', da: 'Aldersgruppe (år)' },
  referrer: { en: 'Referred by', da: 'Henvist af' },
  clinicTitle: { en: 'Clinic activation rates: funnel plot', da: 'Klinikkernes aktiveringsrater: tragtplot' },
  clinicSubtitle: { en: 'Limits around the overall rate {rate} ({method})|Labelled: clinics outside the 95% limits', da: 'Grænser om den samlede rate {rate} ({method})|Navngivet: klinikker uden for 95 %-grænserne' },
  referrals: { en: 'Referrals per clinic (n)', da: 'Henvisninger pr. klinik (n)' },
  limit95: { en: '95% limits', da: '95 %-grænser' },
  limit998: { en: '99.8% limits', da: '99,8 %-grænser' },
  overall: { en: 'Overall rate', da: 'Samlet rate' },
  within: { en: 'Within the 95% limits', da: 'Inden for 95 %-grænserne' },
  outside95: { en: 'Outside 95%, within 99.8%', da: 'Uden for 95 %, inden for 99,8 %' },
  outside998: { en: 'Outside 99.8%', da: 'Uden for 99,8 %' },
  clinicStatus: { en: 'Clinic', da: 'Klinik' },
  budgetTitle: { en: 'Gross app cost by year: observed and projected', da: 'Bruttoudgift til appen pr. år: observeret og forventet' },
  budgetSubtitle: {
    en: 'Budget impact of the app licences only (no savings, no other costs)|{scope}; price model: {mode}; volume counted over {volume}|Outlined: observed cost of the activations in the export ({until})|Filled: projected full years by uptake scenario',
    da: 'Budgetkonsekvens af applicenserne alene (ingen besparelser eller andre udgifter)|{scope}; prismodel: {mode}; volumen opgjort for {volume}|Omrids: observeret udgift til aktiveringerne i udtrækket ({until})|Udfyldt: forventede hele år pr. scenarie',
  },
  cost: { en: 'Gross app cost (million {cur})', da: 'Bruttoudgift (mio. {cur})' },
  series: { en: 'Cost', da: 'Udgift' },
  observed: { en: 'Observed', da: 'Observeret' },
  ciLower: { en: '95% CI, lower limit', da: '95 %-KI, nedre grænse' },
  ciUpper: { en: '95% CI, upper limit', da: '95 %-KI, øvre grænse' },
  observedPartial: { en: 'Observed ({year}: so far)', da: 'Observeret ({year}: til og med {date})' },
  // The export's date is counted (uptake/year-running.ts): "til og med", as the legend and the
  // tables say it, never "indtil", which reads as "up to but not including".
  observedUntil: { en: 'through {date}', da: 'til og med {date}' },
  observedPartialUntil: { en: '{year}: through {date}', da: '{year}: til og med {date}' },
  low: { en: 'Projected, low uptake', da: 'Forventet, lavt optag' },
  base: { en: 'Projected, base case', da: 'Forventet, basisscenarie' },
  high: { en: 'Projected, high uptake', da: 'Forventet, højt optag' },
} as const satisfies Record<string, Record<Lang, string>>;

/** The price model's codes in words (`all-units` → "all units at the band's price"). */
export const PRICE_MODEL_TEXT: Record<string, Record<Lang, string>> = {
  'all-units': { en: 'all units at the price of the band reached', da: 'alle enheder til prisen i det nåede pristrin' },
  marginal: { en: 'each unit at its own band\'s price', da: 'hver enhed til sit eget pristrins pris' },
  national: { en: 'the whole country', da: 'hele landet' },
  region: { en: 'each region', da: 'hver region' },
};

/** A price-model code in words; unknown codes as they are. */
export function priceModelText(code: string, lang: Lang): string {
  return PRICE_MODEL_TEXT[code]?.[lang] ?? code;
}

/** The funnel plot's limit methods in words. */
export function funnelMethodText(method: string, lang: Lang): string {
  const words: Record<string, Record<Lang, string>> = {
    'exact-binomial': { en: 'exact binomial', da: 'eksakt binomial' },
    normal: { en: 'normal approximation', da: 'normalapproksimation' },
  };
  return words[method]?.[lang] ?? method;
}

/**
 * The singular of a plan's unit words that registry and trial plans use for counts ("1 week", "1
 * uge", "1 contact"): a plan gives its unit in the plural only (docs/plan-trial.md, "unit"), and
 * Danish plurals have no rule to undo. The unit's last word is looked up; others stay plural.
 */
const SINGULAR: Record<Lang, Record<string, string>> = {
  en: {
    points: 'point', weeks: 'week', days: 'day', months: 'month', years: 'year', hours: 'hour', minutes: 'minute',
    contacts: 'contact', visits: 'visit', consultations: 'consultation', sessions: 'session', steps: 'step',
    redemptions: 'redemption', prescriptions: 'prescription', admissions: 'admission', episodes: 'episode', packs: 'pack',
  },
  da: {
    uger: 'uge', dage: 'dag', måneder: 'måned', timer: 'time', minutter: 'minut', kontakter: 'kontakt',
    konsultationer: 'konsultation', sessioner: 'session', indløsninger: 'indløsning', recepter: 'recept',
    indlæggelser: 'indlæggelse', episoder: 'episode', pakninger: 'pakning', sygedage: 'sygedag',
  },
};

/** A number with its unit, singular for exactly one ("1 point", "2 points"; "1 uge", "2 uger"). */
export function withUnit(text: string, value: number, unit: string, lang: Lang = 'en'): string {
  if (!unit) return text; // a scale without a unit word (an index): the number alone
  // English writes "10%", Danish "10 %" (the glossary's spacing).
  if (unit === '%') return lang === 'da' ? `${text} %` : `${text}%`;
  return `${text} ${value === 1 ? singularUnit(unit, lang) : unit}`;
}

function singularUnit(unit: string, lang: Lang): string {
  const m = /^(.*?)([\p{L}]+)$/u.exec(unit);
  if (!m) return unit;
  const one = SINGULAR[lang][m[2]!] ?? SINGULAR[lang][m[2]!.toLowerCase()];
  return one === undefined ? unit : m[1]! + (m[2]![0] !== m[2]![0]!.toLowerCase() ? one[0]!.toUpperCase() + one.slice(1) : one);
}

/** An MCID as the tables print it: with the plan's own decimals (at most 4). */
export function formatMcid(mcid: number, lang: Lang): string {
  // As the plan writes it (0.5, 0.088, 5.5, 5), not padded to a fixed number of decimals ("0.500").
  const plain = Number(mcid.toPrecision(12));
  const decimals = /e/.test(String(plain)) ? 4 : Math.min(4, (String(plain).split('.')[1] ?? '').length);
  return formatFixed(plain, decimals, lang);
}

/**
 * A row's MCID in the unit of its estimate: a risk difference is shown in percentage points, so
 * its MCID (a difference of proportions in the plan and results: 0.1) is too ("10 pp"); other
 * rows as `formatMcid`, with `unit` when given (docs/plan-trial.md#yesno-outcomes).
 */
export function formatRowMcid(row: { method: string; mcid: number }, lang: Lang, unit?: string): string {
  if (row.method === 'risk-difference') {
    const pp = Number((100 * row.mcid).toPrecision(12));
    return `${formatFixed(pp, pp % 1 === 0 ? 0 : 1, lang)} ${lang === 'da' ? '%-point' : 'pp'}`;
  }
  const text = formatMcid(row.mcid, lang);
  return unit === undefined ? text : withUnit(text, row.mcid, unit, lang);
}

/** What follows a percentage: "45%" in English, "45 %" in Danish. */
export function percentSign(lang: Lang): string {
  return lang === 'da' ? ' %' : '%';
}

/**
 * An interval, in every table and chart of every report: "(−1.47 to −0.15)" in English,
 * "(−1,47 til −0,15)" in Danish, the summary of findings' style — one style per language
 * (issue #15). Never "[a, b]": in Danish its comma collides with the decimal comma
 * (docs/glossary-da.md).
 */
export function intervalText(lo: string, hi: string, lang: Lang): string {
  return `(${lo} ${lang === 'da' ? 'til' : 'to'} ${hi})`;
}

/** The same interval in a table (one function, so tables and charts cannot drift apart). */
export const tableInterval = intervalText;

/** Fills `{name}` placeholders of a catalogue phrase. */
export function fillPhrase(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

const TIME_UNITS: Record<string, Record<Lang, [string, string]>> = {
  d: { en: ['day', 'days'], da: ['dag', 'dage'] },
  w: { en: ['week', 'weeks'], da: ['uge', 'uger'] },
  m: { en: ['month', 'months'], da: ['måned', 'måneder'] },
  y: { en: ['year', 'years'], da: ['år', 'år'] },
};

/** A visit label for readers: `3m` → "3 months" / "3 måneder", `baseline` → "Baseline"; others unchanged. */
export function timeLabel(time: string, lang: Lang): string {
  if (time.toLowerCase() === 'baseline') return 'Baseline';
  const m = /^(\d+)\s*(d|w|wk|m|mo|y)$/i.exec(time);
  if (!m) return time;
  const n = Number(m[1]);
  const unit = TIME_UNITS[(m[2] as string).toLowerCase()[0] as string];
  return unit ? `${n} ${unit[lang][n === 1 ? 0 : 1]}` : time;
}

const SHORT_TIME_UNITS: Record<string, Record<Lang, string>> = {
  d: { en: 'd', da: 'd' },
  w: { en: 'wk', da: 'uger' },
  m: { en: 'mo', da: 'mdr.' },
  y: { en: 'y', da: 'år' },
};

/** A visit label for crowded axes: `3m` → "3 mo" / "3 mdr.", `6w` → "6 wk" / "6 uger". */
export function shortTimeLabel(time: string, lang: Lang): string {
  const m = /^(\d+)\s*(d|w|wk|m|mo|y)$/i.exec(time);
  const unit = m && SHORT_TIME_UNITS[(m[2] as string).toLowerCase()[0] as string];
  return m && unit ? `${m[1]} ${unit[lang]}` : timeLabel(time, lang);
}

/** Trial report (`hta report`): page, section, chart and table phrases. */
export const REPORT_TEXT = {
  reportTitle: { en: 'Trial report', da: 'Forsøgsrapport' },
  provenance: {
    en: 'Generated by hta {version} from {data} with the analysis plan {plan}.',
    da: 'Rapporten er dannet med hta {version} ud fra {data} med analyseplanen {plan}.',
  },
  contents: { en: 'Contents', da: 'Indhold' },
  files: { en: 'Files', da: 'Filer' },
  chartFiles: { en: 'Chart files: {links}', da: 'Figurfiler: {links}' },
  chartNumbers: { en: "The figure's numbers", da: 'Figurens tal' },
  abbreviations: { en: 'Abbreviations', da: 'Forkortelser' },
  chartSpec: { en: 'Vega-Lite spec', da: 'Vega-Lite-specifikation' },
  // After the provenance, with the command as code (`hta report`, <code>): html-page.ts and markdown-page.ts fill {command}.
  regenerate: { en: 'Regenerate with {command}.', da: 'Dannes igen med {command}.' },
  resultsFile: { en: 'Every number on this page, machine-readable: {link}', da: 'Alle tal på siden i maskinlæsbar form: {link}' },
  // An uptake report's results.json also publishes breakdowns the page does not show (equity by region and period, months by region): a reader and a data owner are told.
  resultsFileMore: {
    en: 'Every number on this page, machine-readable, and the breakdowns the page does not show (by region and period): {link}',
    da: 'Alle tal på siden i maskinlæsbar form, og de opdelinger, siden ikke viser (efter region og periode): {link}',
  },
  conclusionTitle: { en: 'Conclusion', da: 'Konklusion' },
  // The conclusion (src/report/conclusion.ts): the primary result, the other critical results, the target population.
  // "(primary outcome)" only for the plan's `primary`; without one, the first critical outcome says so.
  conclusionPrimary: {
    en: '{outcome} at {time} (primary outcome), {intervention} compared with {control}',
    da: '{outcome} efter {time} (primært effektmål), {intervention} sammenlignet med {control}',
  },
  conclusionFirstCritical: {
    en: '{outcome} at {time} (the first critical outcome; the plan names no primary), {intervention} compared with {control}',
    da: '{outcome} efter {time} (det første kritiske effektmål; planen angiver intet primært), {intervention} sammenlignet med {control}',
  },
  conclusionUnlabelled: {
    en: '{outcome} at {time}, {intervention} compared with {control}',
    da: '{outcome} efter {time}, {intervention} sammenlignet med {control}',
  },
  conclusionCi: { en: '95% CI', da: '95 %-KI' },
  conclusionAgainstMcid: { en: 'against an MCID of {mcid}', da: 'mod en MKRF på {mcid}' },
  conclusionCertainty: { en: '{level} certainty of evidence', da: '{level} evidenskvalitet' },
  conclusionAt: { en: 'at', da: 'efter' },
  conclusionTo: { en: 'to', da: 'til' },
  conclusionFor: { en: 'for', da: 'for' },
  // The other critical results (conclusion.ts agreementSentence): one other result, named in the
  // singular; several, counted, those that agree named, and each that differs named with its verdict.
  // A result is one outcome at one follow-up, so Danish counts "resultater for kritiske effektmål",
  // never "kritiske effektmål" (docs/glossary-da.md).
  conclusionOneAgrees: { en: 'The other critical result, {named}, agrees', da: 'Det øvrige resultat for kritiske effektmål, {named}, har samme vurdering' },
  conclusionOneDiffers: { en: 'The other critical result, {named}, does not agree: {verdict}', da: 'Det øvrige resultat for kritiske effektmål, {named}, har ikke samme vurdering: {verdict}' },
  conclusionAgreeBoth: { en: 'Both other critical results agree ({named})', da: 'Begge øvrige resultater for kritiske effektmål har samme vurdering ({named})' },
  conclusionAgreeAll: { en: 'All {n} other critical results agree ({named})', da: 'Alle {n} øvrige resultater for kritiske effektmål har samme vurdering ({named})' },
  conclusionAgreeSomeOne: {
    en: '1 of the {n} other critical results agrees ({named}); {rest}',
    da: 'Ét af de {n} øvrige resultater for kritiske effektmål har samme vurdering ({named}); {rest}',
  },
  conclusionAgreeSome: {
    en: '{k} of the {n} other critical results agree ({named}); {rest}',
    da: '{k} af de {n} øvrige resultater for kritiske effektmål har samme vurdering ({named}); {rest}',
  },
  // The results that differ, each named under its verdict: "the other 3: no clinically relevant difference (…)".
  conclusionRestSingle: { en: 'the remaining one: {groups}', da: 'det resterende: {groups}' },
  conclusionRest: { en: 'the other {n}: {groups}', da: 'de øvrige {n}: {groups}' },
  conclusionAgreeNone: { en: 'None of the {n} other critical results agrees: {rest}', da: 'Ingen af de {n} øvrige resultater for kritiske effektmål har samme vurdering: {rest}' },
  conclusionTarget: {
    en: 'In the target population ({label}; n = {n}): {verdict}.',
    da: 'I målgruppen ({label}; n = {n}): {verdict}.',
  },
  // No criteria: the whole trial transported to the target population (conclusion.ts transportedSentences).
  conclusionTransported: {
    en: 'Transported to the target population ({label}; {how}): {effect}{verdict}.',
    da: 'Overført til målgruppen ({label}; {how}): {effect}{verdict}.',
  },
  // Short: the conclusion keeps to 60–90 words; the summary of findings' footnote says the rest.
  // Extreme weights (analysis/extreme-weights.ts): the estimate is given, not stated as a finding.
  conclusionTransportedExtreme: {
    en: 'Transported to the target population ({label}; {how}): no finding – the weights are extreme (effective sample size {ess} of {n} patients), so the estimate, {effect}, rests on a few patients.',
    da: 'Overført til målgruppen ({label}; {how}): intet fund – vægtene er ekstreme (effektiv stikprøvestørrelse {ess} af {n} patienter), så estimatet, {effect}, hviler på få patienter.',
  },
  conclusionHowSample: { en: 'weighted to {k} target patients', da: 'vægtet til {k} patienter fra målgruppen' },
  conclusionHowMargins: { en: 'raked to its margins', da: 'omvægtet til dens fordeling' },
  // A per-protocol population ("population.purpose", docs/plan-trial.md#per-protocol-and-itt): a sensitivity analysis, no recommendation's population.
  conclusionPerProtocol: {
    en: 'Per protocol, a sensitivity analysis ({label}; n = {n}): {verdict}.',
    da: 'Per protokol, en følsomhedsanalyse ({label}; n = {n}): {verdict}.',
  },
  conclusionPerProtocolSmall: {
    en: 'The per-protocol sensitivity analysis ({label}) has too few patients to analyse: {n} of the randomised patients meet its criteria.',
    da: 'Per-protokol-følsomhedsanalysen ({label}) har for få patienter til at blive analyseret: {n} af de randomiserede patienter opfylder dens kriterier.',
  },
  conclusionTargetSmall: {
    en: 'The target population ({label}) has too few patients to analyse: {n} of the randomised patients meet its criteria.',
    da: 'Målgruppen ({label}) har for få patienter til at blive analyseret: {n} af de randomiserede patienter opfylder dens kriterier.',
  },
  and: { en: 'and', da: 'og' },
  methodsTitle: { en: 'Methods', da: 'Metode' },
  methodsText: {
    en: 'Between-group differences ({intervention} − {control}) with 95% CIs: {method} for continuous outcomes, the risk difference (Newcombe) and risk ratio for yes/no outcomes and responders. Each difference is judged against the outcome\'s MCID by the rules in the footnotes of the table of all effect estimates; {missing}.',
    da: 'Forskelle mellem grupperne ({intervention} − {control}) med 95 %-KI: {method} for kontinuerte effektmål, risikodifference (Newcombe) og relativ risiko for ja/nej-effektmål og patienter med klinisk relevant forbedring. Hver forskel vurderes mod effektmålets MKRF efter reglerne i noterne til tabellen over alle effektestimater; {missing}.',
  },
  // methodsText's {method}: ANCOVA, MMRM and MI adjust for the baseline and covariates; Welch, pooled t and
  // a cluster trial's difference in means do not, and are not said to (trial-report.ts methodsPhrase).
  // {list}: the baseline score, the stratification factors the plan names, and its other covariates by their labels (trial-report.ts methodsPhrase).
  methodsAdjusted: { en: '{method} adjusted for {list}', da: '{method} justeret for {list}' },
  methodsBaselineScore: { en: 'the baseline score', da: 'baselinescoren' },
  methodsStratificationFactor: { en: 'the stratification factor of the randomisation ({names})', da: 'randomiseringens stratifikationsfaktor ({names})' },
  methodsStratificationFactors: { en: 'the stratification factors of the randomisation ({names})', da: 'randomiseringens stratifikationsfaktorer ({names})' },
  methodsUnadjusted: { en: '{method}, not adjusted for the baseline score', da: '{method}, ikke justeret for baselinescoren' },
  methodsClusterDifference: { en: 'the difference in means (unadjusted, cluster-robust)', da: 'forskellen i gennemsnit (ujusteret, klyngerobust)' },
  // The end of methodsText, {missing}: what the report does about missing follow-ups (trial-report.ts).
  methodsMissingSensitivity: { en: 'missing follow-ups are examined in the sensitivity analysis (MMRM and multiple imputation)', da: 'manglende opfølgninger undersøges i følsomhedsanalysen (MMRM og multipel imputation)' },
  // One follow-up visit: no MMRM row (analyze-trial.ts, `mmrmLeftOut`).
  methodsMissingSensitivityMi: { en: 'missing follow-ups are examined in the sensitivity analysis (multiple imputation)', da: 'manglende opfølgninger undersøges i følsomhedsanalysen (multipel imputation)' },
  // The primary outcome measured at one follow-up by its own "timepoints" (docs/plan-trial.md#outcome-timepoints).
  sensitivityMmrmLeftOutOutcome: {
    en: 'No MMRM row: {outcome} is measured at one follow-up visit ({visit}), so there are no visits to model jointly; with the baseline score as a covariate, an MMRM would be the complete-case ANCOVA above.',
    da: 'Ingen MMRM-række: {outcome} måles ved ét opfølgningsbesøg ({visit}), så der er ingen besøg at modellere samlet; med baselinescoren som kovariat ville en MMRM være ANCOVA\'en for patienter med komplette data ovenfor.',
  },
  sensitivityMmrmLeftOut: {
    en: 'No MMRM row: the plan has one follow-up visit ({visit}), so there are no visits to model jointly; with the baseline score as a covariate, an MMRM would be the complete-case ANCOVA above.',
    da: 'Ingen MMRM-række: planen har ét opfølgningsbesøg ({visit}), så der er ingen besøg at modellere samlet; med baselinescoren som kovariat ville en MMRM være ANCOVA\'en for patienter med komplette data ovenfor.',
  },
  methodsMissingImputed: {
    en: 'missing follow-ups are multiply imputed (the rows of multiple imputation); there is no sensitivity analysis beside them, as {reason}',
    da: 'manglende opfølgninger imputeres multipelt (rækkerne med multipel imputation); der er ingen følsomhedsanalyse ved siden af, da {reason}',
  },
  // A cluster-randomised trial with continuous outcomes: its yes/no rows are the linear probability model's, without Newcombe interval or ratio (cluster-effects.ts).
  methodsTextClustered: {
    en: 'Between-group differences ({intervention} − {control}) with 95% CIs: {method} for continuous outcomes, the risk difference from the linear probability model for yes/no outcomes and responders, each with a cluster-robust SE. Each difference is judged against the outcome\'s MCID by the rules in the footnotes of the table of all effect estimates; {missing}.',
    da: 'Forskelle mellem grupperne ({intervention} − {control}) med 95 %-KI: {method} for kontinuerte effektmål, risikodifference fra den lineære sandsynlighedsmodel for ja/nej-effektmål og patienter med klinisk relevant forbedring, hver med klyngerobust SE. Hver forskel vurderes mod effektmålets MKRF efter reglerne i noterne til tabellen over alle effektestimater; {missing}.',
  },
  // With yes/no outcomes only no ANCOVA is run: the methods and the summary of findings say what is (trial-report.ts yesNoOnly).
  methodsTextBinary: {
    en: 'Between-group differences ({intervention} − {control}) with 95% CIs: the risk difference (Newcombe) and risk ratio for yes/no outcomes. Each difference is judged against the outcome\'s MCID by the rules in the footnotes of the table of all effect estimates; {missing}.',
    da: 'Forskelle mellem grupperne ({intervention} − {control}) med 95 %-KI: risikodifference (Newcombe) og relativ risiko for ja/nej-effektmål. Hver forskel vurderes mod effektmålets MKRF efter reglerne i noterne til tabellen over alle effektestimater; {missing}.',
  },
  // A cluster-randomised trial's yes/no rows: the linear probability model's difference, no Newcombe interval and no ratio (cluster-effects.ts).
  methodsTextBinaryClustered: {
    en: 'Between-group differences ({intervention} − {control}) with 95% CIs: the risk difference for yes/no outcomes, from the linear probability model with a cluster-robust SE. Each difference is judged against the outcome\'s MCID by the rules in the footnotes of the table of all effect estimates; {missing}.',
    da: 'Forskelle mellem grupperne ({intervention} − {control}) med 95 %-KI: risikodifference for ja/nej-effektmål fra den lineære sandsynlighedsmodel med klyngerobust SE. Hver forskel vurderes mod effektmålets MKRF efter reglerne i noterne til tabellen over alle effektestimater; {missing}.',
  },
  // When a yes/no row's ratios are not estimable (EffectRow.ratiosNotEstimable): why its ratio is "—".
  ratiosNotEstimableNote: {
    en: 'A risk ratio shown as "—" cannot be estimated: no patient had the event in either arm, or every patient had it in both.',
    da: 'En relativ risiko vist som "—" kan ikke estimeres: ingen patient havde hændelsen i nogen af grupperne, eller alle havde den i begge.',
  },
  methodsMissingBinary: {
    en: "each arm's share is over the patients who answered at that visit (complete cases), and missing follow-ups are not examined in a sensitivity analysis, as {reason}",
    da: 'hver gruppes andel er af de patienter, der svarede ved besøget (analyse af patienter med komplette data), og manglende opfølgninger undersøges ikke i en følsomhedsanalyse, da {reason}',
  },
  // Beside continuous outcomes: the yes/no outcomes' denominators.
  methodsBinaryDenominator: {
    en: "Yes/no outcomes: each arm's share is over the patients who answered at that visit (complete cases).",
    da: 'Ja/nej-effektmål: hver gruppes andel er af de patienter, der svarede ved besøget (analyse af patienter med komplette data).',
  },
  methodsMissingCompleteCase: {
    en: 'each {method} estimate uses the patients observed at that visit (complete cases), and missing follow-ups are not examined in a sensitivity analysis, as {reason}',
    da: 'hvert {method}-estimat bruger de patienter, der blev observeret ved besøget (analyse af patienter med komplette data), og manglende opfølgninger undersøges ikke i en følsomhedsanalyse, da {reason}',
  },
  // After methodsText when the page has MMRM rows (trial-report.ts modelNotes; docs/report-trial.md):
  // {visits} the follow-ups in the model, {list} what it adjusts for (as methodsAdjusted's).
  methodsMmrm: {
    en: "The MMRM (mixed model for repeated measures) fits the follow-ups at {visits} together, adjusted for {list}, with the arm difference and the baseline score's slope free at each visit, an unstructured covariance between the visits, restricted maximum likelihood (REML) and Satterthwaite degrees of freedom.",
    da: 'MMRM (mixed model for gentagne målinger) modellerer opfølgningerne efter {visits} samlet, justeret for {list}, med forskellen mellem grupperne og baselinescorens hældning frie ved hvert besøg, en ustruktureret kovariansmatrix mellem besøgene, restringeret maksimum likelihood (REML) og Satterthwaite-frihedsgrader.',
  },
  // After methodsText when the page has multiply imputed rows: {m} imputations, {imputation} methodsImputationPmm or -Norm,
  // {list} the baseline score and covariates by their Table 1 labels (adjustedForList): what the imputation model holds besides arm and visits.
  methodsMi: {
    en: "The multiple imputation imputes the missing follow-ups {m} times by chained equations with {imputation}, from the arm, {list}, and the outcome at the other follow-up visits (one model for both arms; no other variables); the ANCOVA is fitted to each completed data set and the {m} estimates are pooled by Rubin's rules.",
    da: 'Ved multipel imputation imputeres de manglende opfølgninger {m} gange ved kædede ligninger med {imputation} ud fra gruppen, {list} samt effektmålet ved de øvrige opfølgninger (én model for begge grupper; ingen andre variable); ANCOVA-modellen estimeres i hvert udfyldt datasæt, og de {m} estimater samles efter Rubins regler.',
  },
  // methodsMi when the plan names auxiliary variables or imputes each arm alone ("missing": { "auxiliary", "byArm" };
  // docs/plan-trial.md#multiple-imputation): {predictors} the arm (methodsMiArm, unless by arm), {list} as methodsMi's
  // and the auxiliary variables (methodsMiAuxiliary…); {model} methodsMiOneModel or methodsMiByArm.
  methodsMiModel: {
    en: "The multiple imputation imputes the missing follow-ups {m} times by chained equations with {imputation}, from {predictors}, and the outcome at the other follow-up visits ({model}); the ANCOVA is fitted to each completed data set and the {m} estimates are pooled by Rubin's rules.",
    da: 'Ved multipel imputation imputeres de manglende opfølgninger {m} gange ved kædede ligninger med {imputation} ud fra {predictors} samt effektmålet ved de øvrige opfølgninger ({model}); ANCOVA-modellen estimeres i hvert udfyldt datasæt, og de {m} estimater samles efter Rubins regler.',
  },
  methodsMiArm: { en: 'the arm', da: 'gruppen' },
  // {names}: each auxiliary variable by its Table 1 label, else its export column.
  methodsMiAuxiliaryOne: { en: 'the auxiliary variable {names}, which is not in the ANCOVA', da: 'hjælpevariablen {names}, som ikke indgår i ANCOVA-modellen,' },
  methodsMiAuxiliaryMany: { en: 'the auxiliary variables {names}, which are not in the ANCOVA', da: 'hjælpevariablene {names}, som ikke indgår i ANCOVA-modellen,' },
  methodsMiOneModel: { en: 'one model for both arms; no other variables', da: 'én model for begge grupper; ingen andre variable' },
  methodsMiByArm: { en: 'imputed separately in each arm; no other variables', da: 'imputeret separat i hver gruppe; ingen andre variable' },
  // After methodsText when the multiple imputation met missing covariates (trial-report.ts imputationNotes).
  methodsImputedCovariates: {
    en: 'The multiple imputation also imputes missing covariate values ({covariates}) with the missing follow-ups (chained equations, {imputation}), so that patients missing them stay in it.',
    da: 'Ved multipel imputation imputeres også manglende kovariatværdier ({covariates}) sammen med de manglende opfølgninger (kædede ligninger, {imputation}), så patienter, der mangler dem, stadig indgår i analysen.',
  },
  // After a categorical covariate's count in methodsImputedCovariates: "koen: 6 patients, by logistic regression".
  methodsImputedCategorical: {
    en: 'by logistic regression',
    da: 'ved logistisk regression',
  },
  methodsImputedPolytomous: {
    en: 'by multinomial logistic regression',
    da: 'ved multinomial logistisk regression',
  },
  methodsImputedBaselines: {
    en: 'The multiple imputation also imputes missing baseline scores ({patients}) with the missing follow-ups (chained equations, {imputation}), so that every randomised patient is in it (intention to treat).',
    da: 'Ved multipel imputation imputeres også manglende baselinescorer ({patients}) sammen med de manglende opfølgninger (kædede ligninger, {imputation}), så alle randomiserede patienter indgår i analysen (intention-to-treat).',
  },
  // methodsImputedBaselines when some patients are not in the imputation (a covariate of many levels
  // missing, or the outcome not applicable): the page says so, so it cannot also say "every patient".
  methodsImputedBaselinesSome: {
    en: 'The multiple imputation also imputes missing baseline scores ({patients}) with the missing follow-ups (chained equations, {imputation}), so that patients missing them stay in it.',
    da: 'Ved multipel imputation imputeres også manglende baselinescorer ({patients}) sammen med de manglende opfølgninger (kædede ligninger, {imputation}), så patienter, der mangler dem, stadig indgår i analysen.',
  },
  // {imputation} above: the plan's "missing" "imputation" (docs/plan-trial.md#multiple-imputation).
  methodsImputationPmm: { en: 'predictive mean matching', da: 'prædiktiv middelværdimatchning (predictive mean matching, PMM)' },
  methodsImputationNorm: { en: 'Bayesian normal regression', da: 'bayesiansk normal regression' },
  methodsLeftOutCategorical: {
    en: 'Left out of the multiple imputation for a missing categorical covariate of more than {max} levels ({covariates}): {patients}; such covariates are not imputed.',
    da: 'Udeladt af den multiple imputation, fordi de mangler en værdi af en kategorisk kovariat med mere end {max} niveauer ({covariates}): {patients}; sådanne kovariater imputeres ikke.',
  },
  // When an MI row's Monte Carlo error exceeds 10% of its SE (White et al. 2011; docs/plan-trial.md#multiple-imputation).
  methodsMonteCarloLarge: {
    en: 'With {m} imputations the Monte Carlo error of the multiply imputed estimates reaches {share}% of their standard error (±{mcse}): another imputation seed can move them by about twice that. White et al. (2011) advise at most 10%, about {suggested} imputations here.',
    da: 'Med {m} imputationer når Monte Carlo-standardfejlen på de multipelt imputerede estimater {share} % af deres standardfejl (±{mcse}): en ny imputation med andre tilfældige tal kan flytte dem omtrent det dobbelte. White m.fl. (2011) anbefaler højst 10 %, her omkring {suggested} imputationer.',
  },
  // When another imputation seed may flip an MI row's verdict (its `verdictAtEdge`; docs/plan-trial.md#verdict-at-its-edge).
  // {what}: methodsEdgeP or methodsEdgeLimit…; {other}: what another seed may give.
  methodsVerdictAtEdge: {
    en: 'The verdict of the multiple imputation for {outcome} at {time} depends on the imputation: {what} (Monte Carlo error); with {m} imputations another imputation seed may give {other}. More imputations (about {settling}) would settle it.',
    da: 'Vurderingen i analysen med multipel imputation af {outcome} efter {time} afhænger af imputationen: {what} (Monte Carlo-standardfejl); med {m} imputationer kan en ny multipel imputation med andre tilfældige tal give {other}. Flere imputationer (omkring {settling}) vil afgøre det.',
  },
  methodsEdgeCiLower: { en: "the CI's lower limit", da: 'konfidensintervallets nedre grænse' },
  methodsEdgeCiUpper: { en: "the CI's upper limit", da: 'konfidensintervallets øvre grænse' },
  methodsEdgeEstimate: { en: 'the estimated difference', da: 'den estimerede forskel' },
  methodsEdgeBelow: { en: 'a value below {cutoff} ({mcid})', da: 'en værdi under {cutoff} ({mcid})' },
  methodsEdgeAbove: { en: 'a value above {cutoff} ({mcid})', da: 'en værdi over {cutoff} ({mcid})' },
  methodsEdgeMcid: { en: 'the MCID', da: 'MKRF' },
  methodsEdgeMinusMcid: { en: 'minus the MCID', da: 'minus MKRF' },
  methodsNoPrimary: { en: 'the plan names no primary outcome', da: 'planen ikke angiver et primært effektmål' },
  methodsSensitivityOff: { en: 'the plan leaves it out', da: 'planen fravælger den' },
  methodsPrimaryBinary: { en: 'the primary outcome is a yes/no outcome', da: 'det primære effektmål er et ja/nej-effektmål' },
  // A cluster-randomised trial (docs/plan-trial.md#cluster-randomised-trials); {column}: the plan's "clusters".
  methodsClustered: { en: 'the trial is cluster-randomised and MMRM and multiple imputation cannot account for the clusters', da: 'forsøget er klyngerandomiseret, og MMRM og multipel imputation kan ikke tage højde for klyngerne' },
  // {clusters}: randomised, {clustersIntervention}/{clustersControl} per arm (results.json input.clusters); {df}: G − 1 of the rows, a range when their G differ (cluster-notes.ts).
  clusteredNote: {
    en: 'The trial randomised clusters (column "{column}"), not patients: {clusters} clusters, {clustersIntervention} allocated to {intervention} and {clustersControl} to {control}. The SE of every difference is robust to the clusters (CR1), with t on {df} degrees of freedom (the number of clusters analysed − 1). The change score, MMRM, multiple imputation, subgroup and target-population analyses cannot account for the clusters and are not run.',
    da: 'Forsøget randomiserede klynger (kolonnen "{column}"), ikke patienter: {clusters} klynger, {clustersIntervention} allokeret til {intervention} og {clustersControl} til {control}. Hver forskel har en standardfejl, der er robust over for klyngerne (CR1), med t på {df} frihedsgrader (antal analyserede klynger − 1). Ændringsscore, MMRM, multipel imputation, subgruppe- og målpopulationsanalyser kan ikke tage højde for klyngerne og køres ikke.',
  },
  // Fewer than 30 clusters analysed (cluster-notes.ts FEW_CLUSTERS): docs/limits.md's caveat, with the count.
  clusteredFewNote: {
    en: 'With {clusters} clusters, fewer than about 20–30, CR1 intervals can still be somewhat too narrow and p-values too small: no small-sample correction is made beyond the {df} degrees of freedom (such as CR2 or a bootstrap over the clusters), so a result near the edge of significance should be read with caution.',
    da: 'Med {clusters} klynger, færre end omkring 20–30, kan CR1-konfidensintervallerne stadig være noget for smalle og p-værdierne for små: der foretages ingen småstikprøvekorrektion ud over de {df} frihedsgrader (som CR2 eller en bootstrap over klyngerne), så et resultat nær grænsen for signifikans skal læses med forsigtighed.',
  },
  // Arms of the export the plan does not compare (docs/plan-trial.md#other-arms); {arms}: each as "Name (n = 50)".
  otherArmsNote: {
    en: 'The trial also randomised patients to {arms}; this report compares {intervention} with {control} only. Those patients are counted as randomised in the participant flow and are not analysed.',
    da: 'Forsøget randomiserede også patienter til {arms}; denne rapport sammenligner kun {intervention} med {control}. Disse patienter tælles som randomiserede i patientflowet og indgår ikke i analysen.',
  },
  passedOverNote: {
    // "Not read: …" first, so one row reads as well as twenty (no verb to agree with the count).
    en: "Not read: {rows} of the export ({patients}) belonging to REDCap repeating instruments ({instruments}) and holding none of the plan's columns.",
    da: 'Ikke indlæst: {rows} i eksporten ({patients}), som hører til gentagne REDCap-skemaer ({instruments}) og ikke indeholder nogen af planens kolonner.',
  },
  // Visits the plan's "ignoreTimepoints" leaves out (docs/plan-trial.md#visits-left-out); {visits} as the export writes them.
  ignoredVisitsNote: {
    en: 'Not analysed: {rows} of the export ({patients}) at visits the analysis plan leaves out ({visits}); no estimate, chart or model uses them.',
    da: 'Ikke analyseret: {rows} i eksporten ({patients}) fra besøg, som analyseplanen udelader ({visits}); ingen estimater, figurer eller modeller bruger dem.',
  },
  // Cells Excel's "Scientific" format rounded (`4.91E+05`), read as written (trial/scientific-cells.ts; docs/input-trial-export.md#scientific-notation).
  roundedScientificNote: {
    en: 'Column "{column}": {cells} in Excel\'s "Scientific" number format (e.g. "{example}", line {line}) {were} read as the numbers written, with only the digits Excel displayed: a value with more digits than that was rounded.',
    da: 'Kolonne "{column}": {cells} i Excels talformat "Videnskabelig" (fx "{example}", linje {line}) er læst som de skrevne tal, med kun de cifre, Excel viste: en værdi med flere cifre end dem er afrundet.',
  },
  // CDISC ADaM's derived rows the plan's "derivedRows": "leave-out" reads past (docs/plan-trial.md#adam-derived-rows).
  derivedRowsNote: {
    en: 'Not analysed: {rows} of the export that the CDISC ADaM dataset derived for missed visits ({values} in "{column}"), as the analysis plan says; those visits count as missing.',
    da: 'Ikke analyseret: {rows} i eksporten, som CDISC ADaM-datasættet har udledt for manglende besøg ({values} i "{column}"), som analyseplanen angiver; de besøg tæller som manglende.',
  },
  // Cells of SAS/Stata special missing values or Castor user-missing codes, read as missing (trial/special-missing.ts; docs/input-trial-export.md#special-missing).
  specialMissingNote: {
    en: '{cells} of the export {were} written as {what} ({codes}) and {were} read as missing: the analysis treats them as any other missing value, whatever reason the code stands for.',
    da: '{cells} i forsøgets eksport er skrevet som {what} ({codes}) og er læst som manglende: analysen behandler dem som andre manglende værdier, uanset hvilken årsag koden står for.',
  },
  encodingNote: {
    en: 'The export is not UTF-8: it was read as {encoding}, as {program} saves it.',
    da: 'Eksportfilen er ikke UTF-8: den er indlæst som {encoding}, sådan som {program} gemmer den.',
  },
  figure: { en: 'Figure', da: 'Figur' },
  table: { en: 'Table', da: 'Tabel' },
  sofTitle: { en: 'Summary of findings', da: 'Evidensprofil (resumé af resultater)' },
  // The summary of findings' one-line introduction; its certainty rule is the table's first note (sofCertaintyNote).
  sofIntroShort: { en: 'Primary analysis ({method}) at each planned follow-up.', da: 'Primær analyse ({method}) ved hver planlagt opfølgning.' },
  sofIntroBinary: { en: 'Risk ratio and risk difference at each planned follow-up.', da: 'Relativ risiko og risikodifference ved hver planlagt opfølgning.' },
  // A cluster-randomised trial's yes/no rows have no ratio (cluster-effects.ts): the summary's caption says what they are.
  sofIntroBinaryClustered: { en: 'Risk difference (linear probability model, cluster-robust SE) at each planned follow-up.', da: 'Risikodifference (lineær sandsynlighedsmodel, klyngerobust SE) ved hver planlagt opfølgning.' },
  sofCertaintyNote: {
    en: 'Certainty of evidence: GRADE as set in the analysis plan, downgraded one level for imprecision when the 95% CI crosses the MCID.',
    da: 'Evidensens kvalitet: GRADE som angivet i analyseplanen, nedgraderet ét niveau for unøjagtighed, når 95 %-KI krydser MKRF.',
  },
  // A plan that rates no certainty (plan init's draft): said, not "as set in the analysis plan".
  sofCertaintyNoneNote: {
    en: 'Certainty of evidence: not rated — the analysis plan gives no GRADE rating of the outcomes.',
    da: 'Evidensens kvalitet: ikke vurderet — analyseplanen angiver ingen GRADE-vurdering af effektmålene.',
  },
  forestTitle: { en: 'Effects against the MCID', da: 'Effekter målt mod MKRF' },
  forestIntro: {
    en: 'Each row: the benefit of {theIntervention} — the between-group difference ({method}) signed so that positive favours {theIntervention} — with its 95% CI, divided by the outcome\'s MCID. Right of 0 favours {theIntervention}; beyond the dashed lines at ±1 the benefit or harm exceeds the MCID. The numbers beside the plot are the same benefit in the outcome\'s own units.',
    da: 'Hver række: effektforskellen — forskellen mellem grupperne ({method}) med fortegn, så positiv er til fordel for {theIntervention} — med 95 %-KI, divideret med effektmålets MKRF. Til højre for 0 er til fordel for {theIntervention}; uden for de stiplede linjer ved ±1 er forskellen større end MKRF. Tallene ved siden af figuren er den samme effektforskel i effektmålets egne enheder.',
  },
  trajectoriesTitle: { en: 'Mean scores over time', da: 'Gennemsnitlige scorer over tid' },
  respondersTitle: { en: 'Responders and yes/no outcomes', da: 'Patienter med klinisk relevant forbedring og ja/nej-effektmål' },
  flowTitle: { en: 'Participant flow', da: 'Patientflow' },
  excludedTitle: { en: 'Rows left out of the analysis', da: 'Rækker udeladt af analysen' },
  excludedIntro: {
    en: 'The plan leaves rows with problems out ("invalidRows": "exclude"): {rows} of the export, with {problems}, {are} left out of every count, table and analysis in this report. Line numbers refer to the export; no cell values are shown.',
    da: 'Planen udelader rækker med fejl ("invalidRows": "exclude"): {rows} i eksporten, med {problems}, indgår ikke i nogen optælling, tabel eller analyse i denne rapport. Linjenumre henviser til eksporten; ingen celleværdier vises.',
  },
  // After excludedIntro when a patient's every row was left out (RowExclusion.randomisedWithoutRows); {patients}: "1 patient".
  excludedStillRandomised: {
    en: '{patients} with every row left out {stay} randomised: counted in the participant flow and the adverse events, with no outcome value.',
    da: '{patients}, hvis rækker alle er udeladt, tælles stadig som randomiseret: med i patientflowet og de uønskede hændelser, uden værdi for effektmålene.',
  },
  excludedColumn: { en: 'Column', da: 'Kolonne' },
  excludedProblem: { en: 'Expected', da: 'Forventet' },
  excludedCount: { en: 'Problems', da: 'Fejl' },
  excludedLines: { en: 'Lines', da: 'Linjer' },
  table1Title: { en: 'Baseline characteristics', da: 'Karakteristika ved baseline' },
  effectsTitle: { en: 'All effect estimates', da: 'Alle effektestimater' },
  sensitivityTitle: { en: 'Sensitivity analysis of the primary outcome', da: 'Følsomhedsanalyse for det primære effektmål' },
  warningsTitle: { en: 'Warnings from the analysis', da: 'Advarsler fra analysen' },
  // Why a chart is left out (said where the chart would be)
  forestEmpty: {
    en: 'No chart: no outcome has an MCID to plot the effects against. Every effect is in the table of all effect estimates.',
    da: 'Ingen figur: intet effektmål har en MKRF at vise effekterne mod. Alle effekter står i tabellen over alle effektestimater.',
  },
  trajectoriesEmpty: {
    en: 'No chart: the plan has no continuous outcome with observed scores.',
    da: 'Ingen figur: planen har intet kontinuert effektmål med observerede scorer.',
  },
  respondersEmpty: {
    en: 'No chart: the plan has no responder definitions and no yes/no outcomes.',
    da: 'Ingen figur: planen definerer hverken klinisk relevant forbedring eller ja/nej-effektmål.',
  },
  chartEmpty: { en: 'No chart: there are no data to draw.', da: 'Ingen figur: der er ingen data at tegne.' },
  chartAllSuppressed: {
    en: 'No chart: every number it would draw is suppressed (the table below shows which).',
    da: 'Ingen figur: alle tal, den ville vise, er diskretioneret (tabellen nedenfor viser hvilke).',
  },
  // A section with no table (the monthly series): nothing below shows the markers, results.json does.
  chartAllSuppressedNoTable: {
    en: 'No chart: every number it would draw is suppressed (results.json lists them, each as "suppressed").',
    da: 'Ingen figur: alle tal, den ville vise, er diskretioneret (results.json angiver hvert af dem som "suppressed").',
  },
  // Summary of findings
  sofHeader: {
    en: 'Outcome, follow-up|Participants (studies)|Certainty (GRADE)|Relative effect (95% CI)|With {control}|Difference with {intervention} (95% CI)|Against the MCID',
    da: 'Effektmål, opfølgning|Deltagere (studier)|Evidensens kvalitet (GRADE)|Relativ effekt (95 %-KI)|Med {control}|Forskel med {intervention} (95 %-KI)|Målt mod MKRF',
  },
  rrEffect: { en: 'RR {est} ({lo} to {hi})', da: 'RR {est} ({lo} til {hi})' },
  notEstimable: { en: 'Not estimable', da: 'Kan ikke estimeres' },
  per1000: { en: '{n} per 1,000', da: '{n} pr. 1.000' },
  meanOf: { en: 'mean {mean} {unit}', da: 'gns. {mean} {unit}' },
  critical: { en: 'critical', da: 'kritisk' },
  important: { en: 'important', da: 'vigtigt' },
  high: { en: 'High', da: 'Høj' },
  moderate: { en: 'Moderate', da: 'Moderat' },
  low: { en: 'Low', da: 'Lav' },
  'very-low': { en: 'Very low', da: 'Meget lav' },
  // Under the summary of findings when a row's certainty was never rated (summary-of-findings.ts).
  sofUnratedNote: {
    en: 'Certainty not rated in the plan: the plan must rate it (the outcome\'s "certainty": level and reasons), as "hta plan check" warns; imprecision is judged only on a rated certainty.',
    da: 'Evidensens kvalitet ikke angivet i planen: planen skal angive den (effektmålets "certainty": niveau og begrundelser), som "hta plan check" advarer om; unøjagtighed vurderes kun for en angivet kvalitet.',
  },
  notAssessed: { en: 'Certainty not rated in the plan', da: 'Evidensens kvalitet ikke angivet i planen' },
  imprecisionReason: {
    en: 'imprecision: the 95% CI crosses the MCID (−1 level)',
    da: 'unøjagtighed: 95 %-KI krydser MKRF (−1 niveau)',
  },
  // A row with no MCID: the downgrade rule above has nothing to cross (summary-of-findings.ts).
  imprecisionNotAssessed: {
    en: 'imprecision not assessed: no MCID set, so the rule (the 95% CI crossing the MCID) cannot apply',
    da: 'unøjagtighed ikke vurderet: ingen MKRF angivet, så reglen (95 %-KI krydser MKRF) kan ikke anvendes',
  },
  // No break inside "(1 RCT)": the summary of findings' narrow column wraps after the number.
  participants: { en: '{n} ({k}\u00a0RCT)', da: '{n} ({k}\u00a0RCT)' },
  lower: { en: 'lower', da: 'lavere' },
  higher: { en: 'higher', da: 'højere' },
  more: { en: 'more', da: 'flere' },
  fewer: { en: 'fewer', da: 'færre' },
  mdEffect: { en: 'MD {est} ({lo} to {hi})', da: 'MD {est} ({lo} til {hi})' },
  rdEffect: { en: '{est} per 1,000 ({lo} to {hi})', da: '{est} pr. 1.000 ({lo} til {hi})' },
  sofAbsoluteFromRr: {
    en: 'Yes/no outcomes: the difference per 1,000 is derived as GRADE does it, the control risk × RR with the RR\'s 95% CI (Cochrane Handbook v6, §14.1.5), and judged so; the analysis tables give the risk difference (Newcombe).',
    da: 'Ja/nej-effektmål: forskellen pr. 1.000 er udledt som i GRADE, kontrolrisikoen × RR med RR\'s 95 %-KI (Cochrane Handbook v6, §14.1.5), og vurderet sådan; analysetabellerne viser risikodifferencen (Newcombe).',
  },
  sofAbsoluteZeroCell: {
    en: 'Yes/no outcomes with no events (or only events) in an arm: the difference per 1,000 is the observed risk difference with its Newcombe interval, as in the analysis tables (the risk ratio there has 0.5 added to every cell, so control risk × RR would not be the observed risk). Its interval and the risk ratio\'s can then disagree on significance; the verdict judges the interval shown.',
    da: 'Ja/nej-effektmål uden hændelser (eller kun hændelser) i en arm: forskellen pr. 1.000 er den observerede risikodifference med Newcombe-interval som i analysetabellerne (risk ratio har dér 0,5 lagt til hver celle, så kontrolrisiko × RR ville ikke være den observerede risiko). Intervallet og risk ratios interval kan da være uenige om signifikans; vurderingen bedømmer det viste interval.',
  },
  sofAbsoluteNoRatio: {
    en: 'Yes/no outcomes with no events (or only events) in both arms: the risk ratio is not estimable, as any ratio fits such data; the difference per 1,000 is the observed risk difference, 0, with its Newcombe interval, as in the analysis tables.',
    da: 'Ja/nej-effektmål uden hændelser (eller kun hændelser) i begge arme: den relative risiko kan ikke estimeres, da ethvert forhold passer til sådanne data; forskellen pr. 1.000 er den observerede risikodifference, 0, med Newcombe-interval som i analysetabellerne.',
  },
  sofAbsoluteDesignBased: {
    en: 'Yes/no outcomes reweighted to the target population: the difference per 1,000 is the weighted risk difference with its design-based 95% CI.',
    da: 'Ja/nej-effektmål omvægtet til målgruppen: forskellen pr. 1.000 er den vægtede risikodifference med designbaseret 95 %-KI.',
  },
  sofAbsoluteRd: {
    en: 'Yes/no outcomes without arm risks: the difference per 1,000 is the risk difference with the interval it was estimated with.',
    da: 'Ja/nej-effektmål uden risici pr. arm: forskellen pr. 1.000 er risikodifferencen med det interval, den blev estimeret med.',
  },
  // The summary of findings says "no MCID set" once, in the outcome's heading row.
  sofNoMcid: { en: 'no MCID set', da: 'ingen MKRF angivet' },
  significantNoMcid: NO_MCID_VERDICT_TEXT.significant,
  notSignificantNoMcid: NO_MCID_VERDICT_TEXT.notSignificant,
  lowerIsBetter: { en: 'lower is better', da: 'lavere er bedre' },
  higherIsBetter: { en: 'higher is better', da: 'højere er bedre' },
  // A yes/no outcome's direction in the summary of findings' heading row, in the words of its
  // rows' "210 fewer per 1,000" (summary-of-findings.ts).
  fewerIsBetter: { en: 'fewer is better', da: 'færre er bedre' },
  moreIsBetter: { en: 'more is better', da: 'flere er bedre' },
  // Forest plot
  outcome: { en: 'Outcome', da: 'Effektmål' },
  time: { en: 'Time', da: 'Tid' },
  differenceCol: { en: 'Difference {intervention} − {control} [95% CI]', da: 'Forskel {interventionShort} − {controlShort} (95 %-KI)' },
  // Two lines over the forest's number column: a benefit-signed number always says which way is good.
  benefitCol: { en: 'Benefit (95% CI)|positive: favours {intervention}', da: 'Effektforskel (95 %-KI)|positiv: til fordel for {theIntervention}' },
  // One line, for a table header (the meta report's Table 1): the benefit of the intervention.
  benefitOfCol: { en: 'Benefit of {intervention} (95% CI)', da: 'Effektforskel (95 %-KI), positiv: til fordel for {theIntervention}' },
  favoursInterventionWord: { en: 'favours {intervention}', da: 'til fordel for {theIntervention}' },
  favoursControlWord: { en: 'favours {control}', da: 'til fordel for {theControl}' },
  // A difference whose 95% CI includes 0 favours no arm (the responders chart; docs/glossary-da.md).
  // Not a verdict's words ("No significant difference (no MCID set)" is one): the interval as it is.
  ciIncludesZeroWord: { en: '95% CI includes 0', da: '95 %-KI omfatter 0' },
  forestInterval: { en: '{est} ({lo} to {hi}) {unit}', da: '{est} ({lo} til {hi}) {unit}' },
  mcid: { en: 'MCID', da: 'MKRF' },
  verdict: { en: 'Verdict', da: 'Vurdering' },
  favoursControl: { en: '← Favours {control}', da: '← Til fordel for {theControl}' },
  favoursApp: { en: 'Favours {intervention} →', da: 'Til fordel for {theIntervention} →' },
  forestAxis: { en: 'Benefit of {intervention} in MCIDs (dashed: ±1 MCID)', da: 'Effektforskel i enheder af MKRF (stiplet: ±1 MKRF)' },
  forestSubtitle: {
    en: '{method}, 95% CI. Right of 0 favours {theIntervention}; beyond the dashed line the benefit (or harm) exceeds the MCID.|Outcomes without an MCID (yes/no outcomes, responders) are shown in the responders chart.',
    da: '{method}, 95 %-KI. Til højre for 0 er til fordel for {theIntervention}; uden for den stiplede linje er forskellen større end MKRF.|Effektmål uden MKRF (ja/nej-effektmål, patienter med klinisk relevant forbedring) vises i figuren over andele.',
  },
  notComputed: { en: 'not computed', da: 'ikke beregnet' },
  // Trajectories
  trajectoriesChartTitle: { en: 'Mean score per visit and arm, with 95% CI', da: 'Gennemsnitlig score pr. besøg og gruppe, med 95 %-KI' },
  trajectoriesSubtitle: { en: 'Observed patients at each visit (no imputation)', da: 'Observerede patienter ved hvert besøg (manglende data er ikke erstattet)' },
  visit: { en: 'Visit', da: 'Besøg' },
  weeksAxis: { en: 'Weeks since baseline', da: 'Uger efter baseline' },
  meanAxis: { en: 'Mean ({unit}; {direction})', da: 'Gennemsnit ({unit}; {direction})' },
  arm: { en: 'Arm', da: 'Gruppe' },
  // Responders
  respondersChartTitle: { en: 'Share of patients per arm: responders and yes/no outcomes', da: 'Andel patienter pr. gruppe: klinisk relevant forbedring og ja/nej-effektmål' },
  respondersSubtitle: {
    en: 'Bars: observed share per arm (events/patients); whiskers: its 95% CI (Wilson score).|Right: risk difference {intervention} − {control} in percentage points (pp), 95% CI (Newcombe hybrid score).',
    da: 'Søjler: observeret andel pr. gruppe (hændelser/patienter); streger: dens 95 %-KI (Wilsons scoremetode).|Til højre: risikodifference {intervention} − {control} i procentpoint (%-point), 95 %-KI (Newcombes hybride scoremetode).',
  },
  // A cluster-randomised trial (docs/plan-trial.md#cluster-randomised-trials): raw shares without a per-arm interval.
  respondersSubtitleClustered: {
    en: 'Bars: observed share per arm (events/patients), without an interval (one that ignored the clusters would be too narrow).|Right: risk difference {intervention} − {control} in percentage points (pp), 95% CI (linear probability model, cluster-robust).',
    da: 'Søjler: observeret andel pr. gruppe (hændelser/patienter), uden konfidensinterval (et, der så bort fra klyngerne, ville være for smalt).|Til højre: risikodifference {intervention} − {control} i procentpoint (%-point), 95 %-KI (lineær sandsynlighedsmodel, klyngerobust).',
  },
  noShareInterval: { en: 'none (clusters)', da: 'intet (klynger)' },
  patientsPercent: { en: 'Patients (%)', da: 'Patienter (%)' },
  riskDifferenceCol: { en: 'Risk difference (95% CI)', da: 'Risikodifference (95 %-KI)' },
  meanCiCol: { en: 'mean ({ci})', da: 'gennemsnit ({ci})' },
  pp: { en: 'pp', da: '%-point' },
  // Flow
  flowChartTitle: { en: 'Participant flow (CONSORT)', da: 'Patientflow (CONSORT)' },
  // A full sentence: the line that may follow it (what was not provided) is another one.
  flowSubtitle: { en: 'Counts for the primary outcome: {outcome}.', da: 'Antal for det primære effektmål: {outcome}.' },
  // Without the plan's `primary`: the outcome counted, not called primary.
  flowSubtitleNoPrimary: { en: 'Counts for {outcome}; the plan names no primary outcome.', da: 'Antal for {outcome}; planen angiver intet primært effektmål.' },
  randomised: { en: 'Randomised: n = {n}', da: 'Randomiseret: n = {n}' },
  allocated: { en: 'Allocated: n = {n}', da: 'Allokeret: n = {n}' },
  // A cluster-randomised trial (flow-boxes.ts): clusters and patients, as CONSORT's extension for cluster trials asks.
  randomisedClusters: { en: 'Randomised: {clusters} clusters, n = {n}', da: 'Randomiseret: {clusters} klynger, n = {n}' },
  allocatedClusters: { en: 'Allocated: {clusters} clusters, n = {n}', da: 'Allokeret: {clusters} klynger, n = {n}' },
  // An arm of the export the plan does not compare (docs/plan-trial.md#other-arms).
  allocatedOther: { en: 'Allocated to {arm}: n = {n} (not in this comparison)', da: 'Allokeret til {arm}: n = {n} (indgår ikke i denne sammenligning)' },
  // Patients who withdrew consent, one aggregate in the randomised box (docs/plan-trial.md#consent-withdrawn).
  consentWithdrawn: { en: 'Withdrew consent (data not used): n = {n}', da: 'Trak samtykket tilbage (data ikke anvendt): n = {n}' },
  observedAt: { en: 'Observed: n = {n}', da: 'Observeret: n = {n}' },
  missingAt: { en: 'Missing: n = {n}', da: 'Mangler: n = {n}' },
  notApplicableAt: { en: 'Not applicable: n = {n}', da: 'Ikke aktuelt: n = {n}' },
  analysedAt: { en: 'Analysed ({method}): n = {n}', da: 'Analyseret ({method}): n = {n}' },
  // Observed at the visit but not in the primary method's analysis, with the reasons (CONSORT item 16; src/analysis/not-analysed.ts).
  notAnalysedAt: { en: 'Not in the analysis: n = {n}', da: 'Ikke med i analysen: n = {n}' },
  notAnalysedNoBaseline: { en: 'No baseline score', da: 'Ingen baselinescore' },
  notAnalysedNoCovariate: { en: 'A covariate value missing', da: 'Mangler en kovariatværdi' },
  analysedBox: { en: 'Analysed at {times}', da: 'Analyseret efter {times}' },
  assessed: { en: 'Assessed for eligibility: n = {n}', da: 'Vurderet for egnethed: n = {n}' },
  excludedBox: { en: 'Excluded: n = {n}', da: 'Ekskluderet: n = {n}' },
  // Without the screening log, when the export lists participants never randomised ("flow.notRandomised").
  inExport: { en: 'Participants in the export: n = {n}', da: 'Deltagere i eksporten: n = {n}' },
  lostAfterVisit: { en: 'of whom {n} with {outcome} at {time}: left after that visit', da: 'heraf {n} med {outcome} ved {time}: forlod forsøget efter det besøg' },
  allRowsInvalid: { en: 'every row left out as invalid, not analysed', da: 'alle rækker udeladt som ugyldige, ikke analyseret' },
  lostToFollowUp: { en: 'Lost to follow-up: n = {n}', da: 'Tabt til opfølgning: n = {n}' },
  discontinued: { en: 'Discontinued intervention: n = {n}', da: 'Afbrudt intervention: n = {n}' },
  flowReason: { en: '· {reason}: n = {n}', da: '· {reason}: n = {n}' },
  flowNoEnrolment: { en: 'Enrolment (assessed for eligibility, excluded) was not provided.', da: 'Rekruttering (vurderet for egnethed, ekskluderet) er ikke oplyst.' },
  flowNoLosses: { en: 'Reasons for loss to follow-up were not provided.', da: 'Årsager til tab til opfølgning er ikke oplyst.' },
  flowNoneProvided: {
    en: 'Enrolment (assessed for eligibility, excluded) and reasons for loss to follow-up were not provided.',
    da: 'Rekruttering (vurderet for egnethed, ekskluderet) og årsager til tab til opfølgning er ikke oplyst.',
  },
  // The export's participants never randomised are drawn, but the screening log is still missing.
  flowNoScreening: { en: 'The screening log (assessed for eligibility) was not provided.', da: 'Screeningsloggen (vurderet for egnethed) er ikke oplyst.' },
  flowNoScreeningNorLosses: {
    en: 'The screening log (assessed for eligibility) and reasons for loss to follow-up were not provided.',
    da: 'Screeningsloggen (vurderet for egnethed) og årsager til tab til opfølgning er ikke oplyst.',
  },
  flowTextIntro: { en: 'The diagram in words', da: 'Diagram i tekstform' },
  // Table 1
  characteristic: { en: 'Characteristic', da: 'Karakteristika' },
  armHeader: { en: '{arm} (n = {n})', da: '{arm} (n = {n})' },
  meanSd: { en: 'mean (SD)', da: 'gns. (SD)' },
  nPercent: { en: 'n (%)', da: 'n (%)' },
  missingCount: { en: 'missing', da: 'mangler' },
  notApplicableCount: { en: 'not applicable', da: 'ikke aktuelt' },
  notApplicableNote: {
    en: '{outcomes}: a patient whose answer was {codes} at a visit is one to whom the outcome does not apply there — counted as not applicable, not as missing, and never imputed; these effects are among the patients to whom the outcome applies at each visit.',
    da: '{outcomes}: en patient, hvis svar var {codes} ved et besøg, er en, for hvem effektmålet ikke er aktuelt dér — talt som ikke aktuelt, ikke som manglende, og aldrig imputeret; disse effekter gælder de patienter, for hvem effektmålet er aktuelt ved hvert besøg.',
  },
  atBaseline: { en: 'at baseline', da: 'ved baseline' },
  yes: { en: 'yes', da: 'ja' },
  table1Note: {
    en: 'Mean (SD) for numbers, n (%) for categories; percentages of patients with a value.',
    da: 'Gennemsnit (SD) for tal, n (%) for kategorier; procent af patienter med en værdi.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

/**
 * A label that starts a sentence's part, lower-cased: "Disability" → "disability", but
 * "RMDQ improved" and "EQ-5D" stay as written (only a capital followed by a small letter).
 */
export function lowerFirst(s: string): string {
  // A name in title case ("Work Ability Score") is a proper name: "work Ability Score" would be neither.
  if (TITLE_CASE.test(s)) return s;
  return /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** Two capitalised words first: a title-case name, kept as written in running text. */
export const TITLE_CASE = /^\p{Lu}\p{Ll}*[\s-]+\p{Lu}\p{Ll}/u;
