/**
 * The readable `hta meta` output: per outcome × time × measure a table of the studies (effect
 * [95% CI], weights), subgroup subtotals, the fixed and random rows, then the prediction
 * interval, heterogeneity, tests and the verdict in words. English and Danish (decimal comma).
 */
import { armNames, type ArmNames } from '../report/arm-names.js';
import { differenceDecisions, formatBound } from '../report/interval-bound.js';
import { fillPhrase, formatFixed, formatMcid, intervalText, type Lang, percentSign, pStatement, RELEVANCE_TEXT, REPORT_TEXT, SHORT_RELEVANCE_TEXT, timeLabel } from '../report/i18n.js';
import { renderTextTable, type Table } from '../report/text-table.js';
import { metaVerdictText } from './meta-verdict.js';
import { TAU2_METHOD_NAMES } from '../stats/meta/tau2.js';
import type { MetaOutcomeSetting, MetaPooledRow, MetaResults, MetaStudyRow, MetaSubgroupTest } from './meta-results-schema.js';
import { MIN_PI_TRIALS, NO_SUBGROUP, NOT_ESTIMABLE_NOTE } from './meta-analyze.js';
import { isRatioMeasure } from './read-studies.js';
import { overallOf } from './meta-group.js';

export const MEASURE_NAME: Record<MetaOutcomeSetting['measure'], Record<Lang, string>> = {
  MD: { en: 'mean difference', da: 'middelforskel' },
  SMD: { en: "standardized mean difference (Hedges' g)", da: "standardiseret middelforskel (Hedges' g)" },
  RR: { en: 'risk ratio', da: 'relativ risiko' },
  OR: { en: 'odds ratio', da: 'odds ratio' },
  RD: { en: 'risk difference', da: 'risikoforskel' },
};

/** The phrases of the text output; `{name}` placeholders are filled with `fillPhrase`. */
const TEXT = {
  noInterval: { en: 'no interval reported', da: 'intet interval angivet' },
  fixedModel: { en: 'Fixed effect ({weights})', da: 'Fast effekt ({weights})' },
  inverseVariance: { en: 'inverse variance', da: 'invers varians' },
  singleModel: { en: 'Single study (not pooled)', da: 'Ét studie (ikke poolet)' },
  oneTrialModel: { en: 'Subgroups of one trial combined ({weights}, fixed)', da: 'Subgrupper af ét forsøg kombineret ({weights}, fast effekt)' },
  oneTrialNote: {
    en: 'Subgroups of one trial: combined by the fixed-effect model; no heterogeneity or prediction interval (they are not separate trials).',
    da: 'Subgrupper af ét forsøg: kombineret med en model med faste effekter; ingen heterogenitet eller prædiktionsinterval (de er ikke selvstændige forsøg).',
  },
  oneTrialBasis: { en: 'subgroups of one trial, fixed effect', da: 'subgrupper af ét forsøg, fast effekt' },
  randomModel: { en: 'Random effects ({tau2}, {ci})', da: 'Tilfældige effekter ({tau2}, {ci})' },
  notPooled: { en: 'not pooled', da: 'ikke poolet' },
  // A row with an estimate but no interval is not analysed: no verdict is given for it (the
  // judgement needs an interval; docs/input-studies.md#how-the-meta-report-labels-evidence).
  notAnalysedNoInterval: { en: 'not analysed: no interval', da: 'ikke analyseret: intet interval' },
  notEstimable: { en: 'Not estimable', da: 'Kan ikke estimeres' },
  notAnalysedNotEstimable: { en: 'not analysed: not estimable', da: 'ikke analyseret: kan ikke estimeres' },
  all: { en: 'all', da: 'alle' },
  heterogeneity: { en: 'Heterogeneity: {tau}Q = {q}, df = {df} ({p}); I² = {i2}%; H² = {h2}', da: 'Heterogenitet: {tau}Q = {q}, fg = {df} ({p}); I² = {i2} %; H² = {h2}' },
  overallTest: { en: 'Test for overall effect ({model}): {stat} ({p})', da: 'Test for samlet effekt ({model}): {stat} ({p})' },
  fixed: { en: 'fixed', da: 'fast effekt' },
  random: { en: 'random', da: 'tilfældige effekter' },
  // The model as the subgroup test names it ("random effects within subgroups").
  fixedWithin: { en: 'fixed effects', da: 'fast effekt' },
  randomWithin: { en: 'random effects', da: 'tilfældige effekter' },
  subgroupTest: {
    en: 'Test for subgroup differences ({model} within subgroups): Q = {q}, df = {df} ({p}), I² = {i2}%',
    da: 'Test for forskelle mellem subgrupper ({model} i subgrupperne): Q = {q}, fg = {df} ({p}), I² = {i2} %',
  },
  noMcid: { en: 'no MCID set', da: 'ingen MKRF angivet' },
  mcidIgnored: { en: 'MCID {mcid} ignored (write {fraction} for {mcid} percentage points)', da: 'MKRF {mcid} ignoreret (skriv {fraction} for {mcid} procentpoint)' },
  // The MCID's Danish name is docs/glossary-da.md's (mindste klinisk relevante forskel).
  mcid: { en: 'MCID', da: 'MKRF' },
  mcidRatio: { en: ' (ratio; judged as ±log {mcid})', da: ' (ratio; vurderet som ±log {mcid})' },
  sourcePlan: { en: 'plan', da: 'plan' },
  sourceFlag: { en: '--mcid', da: '--mcid' },
  sourceManifest: { en: 'report entry', da: 'rapportens meta-post' },
  sourceInstrument: { en: 'instrument default', da: 'instrumentets standard' },
  title: { en: '{label} — {outcome} at {time}: {measure}', da: '{label} — {outcome} efter {time}: {measure}' },
  // Without a label (no plan names the outcome) the key is said once: "pseq at 9m", not "pseq — pseq at 9m".
  titleKey: { en: '{outcome} at {time}: {measure}', da: '{outcome} efter {time}: {measure}' },
  appVsUsual: { en: ', {intervention} − {control}', da: ', {intervention} − {control}' },
  assumed: { en: ' (assumed)', da: ' (antaget)' },
  study: { en: 'Study', da: 'Studie' },
  subgroup: { en: 'Subgroup', da: 'Subgruppe' },
  subgroupOf: { en: 'subgroup: {name}', da: 'subgruppe: {name}' },
  weightFixed: { en: 'Weight fixed', da: 'Vægt (fast)' },
  weightRandom: { en: 'Weight random', da: 'Vægt (tilfældige)' },
  verdict: { en: 'Verdict', da: 'Vurdering' },
  ci95: { en: '95% CI', da: '95 %-KI' },
  dfShort: { en: 'df', da: 'fg' },
  subtotal: { en: '  Subtotal ({model})', da: '  Subtotal ({model})' },
  nothingPooled: { en: 'Nothing pooled: no study reported an interval.', da: 'Intet poolet: intet studie angav et interval.' },
  onlyOne: { en: 'Only one study: its estimate is shown as is (no pooling, no heterogeneity).', da: 'Kun ét studie: dets estimat vises, som det er (ingen pooling, ingen heterogenitet).' },
  predictionInterval: { en: 'Prediction interval ({dist}): {interval}', da: 'Prædiktionsinterval ({dist}): {interval}' },
  normal: { en: 'normal', da: 'normal' },
  piNotShown: { en: 'Prediction interval: not shown (preset {preset})', da: 'Prædiktionsinterval: ikke vist (forindstilling {preset})' },
  piFewTrials: { en: 'Prediction interval: not shown (fewer than {min} trials: {k} estimates from {trials} trial{s})', da: 'Prædiktionsinterval: ikke vist (færre end {min} forsøg: {k} estimater fra {trials} forsøg)' },
  custom: { en: 'custom', da: 'egen' },
  beyondMcid: {
    en: 'Probability that the true effect in a new setting is beyond the MCID (benefit): {p}',
    da: 'Sandsynlighed for, at den sande effekt i en ny sammenhæng er ud over MKRF (gavn): {p}',
  },
  noJudgement: { en: 'no MCID: no relevance judgement', da: 'ingen MKRF: ingen relevansvurdering' },
  verdictLine: { en: 'Verdict ({basis}, {mcid}): {verdict}', da: 'Vurdering ({basis}, {mcid}): {verdict}' },
  singleStudy: { en: 'single study', da: 'ét studie' },
  randomEffects: { en: 'random effects', da: 'tilfældige effekter' },
  methodsSingle: { en: 'Methods: single study, {ci}; preset {preset}', da: 'Metoder: ét studie, {ci}; forindstilling {preset}' },
  reportedInterval: { en: 'its interval as reported', da: 'dets interval som angivet' },
  zInterval: { en: 'z interval', da: 'z-interval' },
  methods: { en: 'Methods: {model}{pi}; preset {preset}', da: 'Metoder: {model}{pi}; forindstilling {preset}' },
  piOnT: { en: '; PI on t({df})', da: '; PI på t({df})' },
} as const;

type Phrase = keyof typeof TEXT;

/** One value on the display scale: ratios exponentiated; 3 decimals for a risk difference, else 2. */
export function formatEffect(measure: MetaOutcomeSetting['measure'], v: number, lang: Lang = 'en'): string {
  const ratio = isRatioMeasure(measure);
  return formatFixed(ratio ? Math.exp(v) : v, measure === 'RD' ? 3 : 2, lang);
}

/**
 * The values a verdict compares an interval's limits with, on the display scale: 1 (and the MCID
 * and its reciprocal) for a ratio, 0 (and ±MCID) for a difference (src/report/interval-bound.ts).
 */
export function metaDecisions(measure: MetaOutcomeSetting['measure'], mcid: number | null | undefined): number[] {
  if (!isRatioMeasure(measure)) return differenceDecisions(mcid);
  return mcid !== null && mcid !== undefined && mcid > 0 && mcid !== 1 ? [1, mcid, 1 / mcid] : [1];
}

/** A confidence limit on the display scale, never rounded onto a value its verdict reads (interval-bound.ts). */
export function formatLimit(measure: MetaOutcomeSetting['measure'], v: number, lang: Lang = 'en', mcid?: number | null): string {
  const ratio = isRatioMeasure(measure);
  return formatBound(ratio ? Math.exp(v) : v, measure === 'RD' ? 3 : 2, lang, metaDecisions(measure, mcid));
}

/**
 * "−0.79 (−1.51 to −0.06)" on the display scale (ratios exponentiated); Danish "−0,79 (−1,51 til
 * −0,06)": the pages' interval (intervalText), never "[a, b]", whose comma collides with the
 * Danish decimal comma and with the English thousands comma ("[482.30, 1,960.90]" reads as three
 * numbers; docs/glossary-da.md).
 */
export function formatInterval(measure: MetaOutcomeSetting['measure'], est: number, lo: number | null, hi: number | null, lang: Lang = 'en', mcid?: number | null): string {
  const f = (x: number) => formatEffect(measure, x, lang);
  const b = (x: number) => formatLimit(measure, x, lang, mcid);
  if (lo === null || hi === null) return `${f(est)} (${TEXT.noInterval[lang]})`;
  return `${f(est)} ${intervalText(b(lo), b(hi), lang)}`;
}


/** Everything that words one language: the phrase lookup and the number formats. */
function wording(lang: Lang) {
  const t = (k: Phrase, values: Record<string, string | number> = {}) => fillPhrase(TEXT[k][lang], values);
  const num = (v: number, d: number) => formatFixed(v, d, lang);
  const percent = percentSign(lang);
  const pct = (w: number | null) => (w === null ? '' : `${num(w, 1)}${percent}`);
  return { lang, t, num, pct, percent, p: (p: number) => pStatement(p, lang) };
}
type Wording = ReturnType<typeof wording>;

export function modelName(r: Pick<MetaPooledRow, 'model' | 'poolingMethod' | 'tau2Method' | 'ciMethod' | 'k'>, lang: Lang = 'en'): string {
  const { t } = wording(lang);
  if (r.model === 'single-study') return t('singleModel');
  if (r.model === 'fixed') return t('fixedModel', { weights: r.poolingMethod === 'mantel-haenszel' ? 'Mantel–Haenszel' : t('inverseVariance') });
  return t('randomModel', { tau2: r.tau2Method ? TAU2_METHOD_NAMES[r.tau2Method] : '—', ci: r.ciMethod === 'hksj' ? 'HKSJ' : 'z' });
}

function studyRow(s: MetaStudyRow, withSubgroup: boolean, w: Wording): string[] {
  const cells = [s.study];
  if (withSubgroup) cells.push(s.subgroup ?? '');
  cells.push(
    s.note === NOT_ESTIMABLE_NOTE ? w.t('notEstimable') : formatInterval(s.measure, s.yi, s.ciLower, s.ciUpper, w.lang, s.mcid),
    s.pooled ? w.pct(s.weightFixed) : w.t('notPooled'),
    s.pooled ? w.pct(s.weightRandom) : '',
    s.note === NOT_ESTIMABLE_NOTE
      ? w.t('notAnalysedNotEstimable')
      : s.ciLower === null || s.ciUpper === null
      ? w.t('notAnalysedNoInterval')
      : s.relevance ? metaVerdictText({ ...s, relevance: s.relevance }, SHORT_RELEVANCE_TEXT, w.lang) : '',
  );
  return cells;
}

function pooledTableRow(r: MetaPooledRow, withSubgroup: boolean, label: string, w: Wording): string[] {
  const cells = [label];
  if (withSubgroup) cells.push(r.subgroup ?? w.t('all'));
  cells.push(
    formatInterval(r.measure, r.estimate, r.ciLower, r.ciUpper, w.lang, r.mcid),
    r.model === 'fixed' ? w.pct(100) : '',
    r.model === 'random' ? w.pct(100) : '',
    r.relevance ? metaVerdictText({ ...r, relevance: r.relevance }, SHORT_RELEVANCE_TEXT, w.lang) : '',
  );
  return cells;
}

function heterogeneityLine(r: MetaPooledRow, w: Wording): string {
  const tau = r.tau2 === null ? '' : `τ² = ${w.num(r.tau2, 3)} (${r.tau2Method ? TAU2_METHOD_NAMES[r.tau2Method] : '—'}); `;
  return w.t('heterogeneity', { tau, q: w.num(r.q as number, 2), df: r.qDf as number, p: w.p(r.qPValue as number), i2: w.num(r.i2 as number, 0), h2: w.num(r.h2 as number, 2) });
}

function overallTestLine(r: MetaPooledRow, w: Wording): string {
  // As the page's forest writes it (RevMan's notation): "Z", unsigned — the estimate gives the
  // direction — so one test reads the same on the page and in the terminal.
  // Danish "fg" (frihedsgrader, docs/glossary-da.md), as the forest writes it.
  const stat = r.ciMethod === 'hksj' ? `t = ${w.num(Math.abs(r.statistic), 2)}, ${w.t('dfShort')} = ${r.df}` : `Z = ${w.num(Math.abs(r.statistic), 2)}`;
  return w.t('overallTest', { model: w.t(r.model === 'single-study' ? 'singleStudy' : r.model), stat, p: w.p(r.pValue) });
}

function subgroupTestLine(s: MetaSubgroupTest, w: Wording): string {
  return w.t('subgroupTest', { model: w.t(s.model === 'fixed' ? 'fixedWithin' : 'randomWithin'), q: w.num(s.q, 2), df: s.df, p: w.p(s.pValue), i2: w.num(s.i2, 0) });
}

function percentText(p: number, w: Wording): string {
  if (p < 0.005) return `< 1${w.percent}`;
  if (p > 0.995) return `> 99${w.percent}`;
  return `${w.num(100 * p, 0)}${w.percent}`;
}

function mcidText(s: MetaOutcomeSetting, w: Wording): string {
  if (s.mcid === null && s.mcidIgnored !== undefined) {
    // Rounded for print: 1.1 / 100 is 0.011000000000000001 in binary floating point.
    const fraction = Number((s.mcidIgnored / 100).toPrecision(10));
    return w.t('mcidIgnored', { mcid: formatMcid(s.mcidIgnored, w.lang), fraction: w.lang === 'da' ? String(fraction).replace('.', ',') : String(fraction) });
  }
  if (s.mcid === null) return w.t('noMcid');
  const src = s.mcidSource === 'plan' ? w.t('sourcePlan') : s.mcidSource === 'flag' ? w.t('sourceFlag') : s.mcidSource === 'manifest' ? w.t('sourceManifest') : w.t('sourceInstrument');
  // Grouped as every other number of the table ("MKRF 1.000" under "1.221,60").
  const value = formatMcid(s.mcid, w.lang);
  const unit = isRatioMeasure(s.measure) ? w.t('mcidRatio', { mcid: value }) : s.measure === 'SMD' ? ' SD' : '';
  return `${w.t('mcid')} ${value}${unit} (${src})`;
}

export function metaGroupText(results: MetaResults, s: MetaOutcomeSetting, lang: Lang = 'en', arms: ArmNames = armNames(undefined, lang)): string {
  const w = wording(lang);
  const { t } = w;
  const inGroup = <T extends { outcome: string; time: string; measure: string }>(x: T) => x.outcome === s.outcome && x.time === s.time && x.measure === s.measure;
  const studies = results.studies.filter(inGroup);
  const pooled = results.pooled.filter(inGroup);
  const tests = results.subgroupTests.filter(inGroup);
  const withSubgroup = studies.some((x) => x.subgroup !== null);
  const ratio = isRatioMeasure(s.measure);
  // Every estimate from one subgroup: the title names it, so it never reads as the whole trial's.
  const subgroupsSeen = [...new Set(studies.map((x) => x.subgroup))];
  const onlySubgroup = subgroupsSeen.length === 1 ? subgroupsSeen[0] : null;
  const ofSubgroup = onlySubgroup ? `, ${t('subgroupOf', { name: onlySubgroup })}` : '';
  const time = lang === 'en' ? s.time : timeLabel(s.time, lang);
  const measure = MEASURE_NAME[s.measure][lang];
  const named = s.label !== null && s.label !== s.outcome;
  const title = (named ? t('title', { label: `${s.label}${ofSubgroup}`, outcome: s.outcome, time, measure }) : t('titleKey', { outcome: `${s.outcome}${ofSubgroup}`, time, measure })) +
    (ratio ? '' : t('appVsUsual', { intervention: arms.intervention, control: arms.control }));
  const sub = `${mcidText(s, w)}; ${REPORT_TEXT[s.direction === 'lower-is-better' ? 'lowerIsBetter' : 'higherIsBetter'][lang]}${s.directionSource === 'default' ? t('assumed') : ''}`;
  const header = [t('study'), ...(withSubgroup ? [t('subgroup')] : []), `${s.measure} (${t('ci95')})`, t('weightFixed'), t('weightRandom'), t('verdict')];
  const rows: string[][] = [];
  const overall = overallOf(pooled, studies);
  const overallRows = new Set([overall.fixed, overall.random, overall.single]);
  const subgroups = [...new Set(pooled.filter((p) => p.subgroup !== null && !overallRows.has(p)).map((p) => p.subgroup as string))];
  if (subgroups.length > 0) {
    for (const g of subgroups) {
      for (const st of studies.filter((x) => (x.subgroup ?? NO_SUBGROUP) === g)) rows.push(studyRow(st, true, w));
      const sr = pooled.find((p) => p.subgroup === g && p.model === 'random') ?? pooled.find((p) => p.subgroup === g && p.model === 'fixed');
      if (sr) rows.push(pooledTableRow(sr, true, t('subtotal', { model: modelName(sr, lang) }), w));
    }
    for (const st of studies.filter((x) => !subgroups.includes(x.subgroup ?? NO_SUBGROUP))) rows.push(studyRow(st, true, w));
  } else {
    for (const st of studies) rows.push(studyRow(st, withSubgroup, w));
  }
  const { fixed, random, headline } = overall;
  const lines: string[] = [title, sub, ''];
  const weights = fixed?.poolingMethod === 'mantel-haenszel' ? 'Mantel–Haenszel' : t('inverseVariance');
  if (fixed && random) rows.push(pooledTableRow(fixed, withSubgroup, modelName(fixed, lang), w), pooledTableRow(random, withSubgroup, modelName(random, lang), w));
  else if (fixed) rows.push(pooledTableRow(fixed, withSubgroup, t('oneTrialModel', { weights }), w));
  // Numbers right-aligned: the effect and the two weight columns.
  const numeric = new Set([header.length - 4, header.length - 3, header.length - 2]);
  const table: Table = { header, rows, align: header.map((_, i) => (numeric.has(i) ? 'right' : 'left')) };
  lines.push(renderTextTable(table).trimEnd());
  if (!headline) {
    lines.push('', t('nothingPooled'));
    return lines.join('\n') + '\n';
  }
  lines.push('');
  const preset = headline.preset ?? t('custom');
  if (overall.single) {
    lines.push(t('onlyOne'));
  } else if (fixed && !random) {
    lines.push(t('oneTrialNote'), overallTestLine(fixed, w));
  } else if (fixed && random) {
    if (random.piLower !== null && random.piUpper !== null) {
      const dist = random.piDf === null ? t('normal') : `t, ${t('dfShort')} = ${random.piDf}`;
      lines.push(t('predictionInterval', { dist, interval: formatInterval(random.measure, random.estimate, random.piLower, random.piUpper, lang, random.mcid).replace(/^\S+ /, '') }));
    } else if (results.options.predictionInterval && random.trials < MIN_PI_TRIALS) {
      lines.push(t('piFewTrials', { min: MIN_PI_TRIALS, k: random.k, trials: random.trials, s: random.trials === 1 ? '' : 's' }));
    } else {
      lines.push(t('piNotShown', { preset }));
    }
    if (random.probabilityBeyondMcid !== null) lines.push(t('beyondMcid', { p: percentText(random.probabilityBeyondMcid, w) }));
    lines.push(heterogeneityLine(random, w), overallTestLine(fixed, w), overallTestLine(random, w));
  }
  for (const x of tests.filter((y) => y.model === 'random')) lines.push(subgroupTestLine(x, w));
  for (const x of tests.filter((y) => y.model === 'fixed')) lines.push(subgroupTestLine(x, w));
  const verdict = headline.relevance ? metaVerdictText({ ...headline, relevance: headline.relevance }, RELEVANCE_TEXT, lang) : t('noJudgement');
  const basis = overall.single ? t('singleStudy') : random ? t('randomEffects') : t('oneTrialBasis');
  lines.push(t('verdictLine', { basis, mcid: mcidText(s, w), verdict }));
  lines.push(
    overall.single
      ? t('methodsSingle', { preset, ci: overall.single.ciMethod === 'reported' ? t('reportedInterval') : t('zInterval') })
      : t('methods', { model: modelName(headline, lang), pi: headline.piDf !== null ? t('piOnT', { df: headline.piDf }) : '', preset }),
  );
  return lines.join('\n') + '\n';
}

/** The text output of `hta meta`; `arms` names the compared arms (the plan's `armLabels`). */
export function metaText(results: MetaResults, lang: Lang = 'en', arms: ArmNames = armNames(undefined, lang)): string {
  return results.outcomes.map((s) => metaGroupText(results, s, lang, arms)).join('\n');
}
