/**
 * The uptake analysis as tables, in the reader's language: activation per region, uptake per
 * 1,000 eligible, equity, clinics outside the funnel limits, budget impact (observed, projected,
 * per region) and its one-way sensitivity. One builder for both readers: the plain-text summary
 * of `hta uptake` and the sections of the uptake report page.
 *
 * Everything comes from `analyseUptake`, which has already applied disclosure control: every
 * hidden count, small or complementary, and everything derived from it arrives as the one marker
 * "suppressed" (docs/disclosure-control.md), printed here as its translation; this module only
 * formats — it never sees a hidden count or a patient id.
 */
import { countNoun, countWord, type CountedNoun } from './count-words.js';
import type { Scope } from '../uptake/aggregate.js';
import { regionsIn } from '../uptake/regions.js';
// The marker from its own module: importing suppression.ts would instantiate its LP solver on this thread.
import { type Masked, SUPPRESSED } from '../suppressed-marker.js';
import type { SuppressedMetricRow } from '../uptake/suppression.js';
import type { UptakeAnalysis } from '../uptake/uptake-analysis.js';
import { SCENARIOS } from '../uptake/uptake-plan.js';
import { nationalWords, type NationalWords, scopeLabelOf } from './uptake-scope-words.js';
import { formatBound } from './interval-bound.js';
import { uptakeYearLabel } from './uptake-year-label.js';
import { yearRunning } from '../uptake/year-running.js';
import { fillPhrase, formatFixed, formatThousands, funnelMethodText, type Lang, lowerFirst, percentSign, priceModelText, tableInterval, UPTAKE_TEXT } from './i18n.js';
import type { Table } from './text-table.js';
import { roundToTotal } from './rounding.js';
import { levelLabel } from './uptake-levels.js';
import { dateText } from './date-text.js';
import { currencyName } from './currency-name.js';
import { changedSentence, leftOutSentence, notPublishedSentence, suppressionHint } from '../uptake/publication-notes.js';

/**
 * Money in the tables: thousands of the plan's currency, parts rounded so that they add up to the
 * printed total (rounding.ts). A budget is a forecast; kroner would suggest a precision it lacks.
 */
const MONEY_UNIT = 1000;

type Cell = Masked | null;

/** One titled table with optional sentences before it. */
/** "1 clinic", "5 clinics"; "én klinik", "fem klinikker" (common gender). */
const CLINIC: CountedNoun = { en: ['clinic', 'clinics'], da: ['klinik', 'klinikker'], daCommon: true };

export interface TitledTable {
  title: string;
  intro: string[];
  /** null: nothing to tabulate (the intro says why). */
  table: Table | null;
}

export interface UptakeTables {
  /** Title with the export date and rows read, then the suppression rule. */
  preamble: string[];
  /** "Registry export date …; N referrals read." */
  exportLine: string;
  /**
   * What the plan's `publish` leaves out, and why most counts are hidden when they are (with the
   * setting to change): empty when everything is published and at most half is hidden.
   */
  publication: string[];
  /** How the tables name the whole country ("Whole country", or the one region's name). */
  nationalLabel: string;
  /** The total in a sentence after "in": "the whole country", or the region's name. */
  nationalObject: string;
  /** What the units the total sums are called: "regions" / "regioner", "areas" / "områder" (uptake-scope-words.ts). */
  units: string;
  activation: TitledTable;
  uptake: TitledTable;
  equity: TitledTable;
  clinics: TitledTable;
  observed: TitledTable;
  projection: TitledTable;
  regionTotals: TitledTable;
  sensitivity: TitledTable;
}

/** The phrase catalogue for one language. */
function phrases(lang: Lang) {
  return (key: keyof typeof UPTAKE_TEXT): string => UPTAKE_TEXT[key][lang];
}

/** How the tables write masked values, counts, percentages and money. */
function formatters(lang: Lang, national: NationalWords) {
  const t = phrases(lang);
  const masked = (s: string) => (s === 'suppressed' ? t('suppressed') : s);
  const count = (v: Cell): string => (v === null ? '–' : typeof v === 'string' ? masked(v) : formatThousands(v, 0, lang));
  const pct = (v: Cell): string => (v === null ? '–' : typeof v === 'string' ? masked(v) : formatFixed(100 * v, 1, lang));
  // A value (× scale) with its CI, one decimal; a limit that is not 0 never prints as 0 (interval-bound.ts).
  const withCi = (est: Cell, lo: Cell, hi: Cell, scale: number): string => {
    if (est === null) return '–';
    if (typeof est === 'string') return masked(est);
    const f = (v: number) => formatFixed(scale * v, 1, lang);
    if (typeof lo !== 'number' || typeof hi !== 'number') return f(est);
    const b = (v: number) => formatBound(scale * v, 1, lang);
    return `${f(est)} ${tableInterval(b(lo), b(hi), lang)}`;
  };
  const pctCi = (est: Cell, lo: Cell, hi: Cell) => withCi(est, lo, hi, 100);
  const money = (v: Cell): string => (v === null ? '–' : typeof v === 'string' ? masked(v) : formatThousands(v, 0, lang));
  const scope = (s: Scope) => scopeLabelOf(s, national);
  const days = (v: number) => formatFixed(v, Number.isInteger(v) ? 0 : 1, lang);
  return { t, count, pct, pctCi, withCi, money, scope, masked, days };
}

/** Whether parts sum to the total within half a krone (else each is rounded on its own). */
function addsUp(parts: readonly number[], total: number): boolean {
  return Math.abs(parts.reduce((a, b) => a + b, 0) - total) < 0.5;
}

function metricRow(a: UptakeAnalysis, region: Scope, dimension = 'all', level = 'all'): SuppressedMetricRow | undefined {
  return a.metrics.find((m) => m.region === region && m.period === 'all' && m.dimension === dimension && m.level === level);
}

/** Activation, median delay and retention columns shared by the region and equity tables. */
function activationCells(m: SuppressedMetricRow, f: ReturnType<typeof formatters>): string[] {
  const retention = (rate: Cell, atRisk: Cell) => `${f.pct(rate)} (n ${f.count(atRisk)})`;
  return [
    f.count(m.referrals),
    f.count(m.activations),
    f.pctCi(m.activationRate, m.activationCiLower, m.activationCiUpper),
    typeof m.medianDaysToActivation === 'number' ? f.days(m.medianDaysToActivation) : f.count(m.medianDaysToActivation),
    retention(m.retention4w, m.atRisk4w),
    retention(m.retention12w, m.atRisk12w),
  ];
}

/** Left-aligned label columns, then right-aligned numbers. */
const right = (n: number, leftCols = 1): ('left' | 'right')[] => Array.from({ length: n }, (_, i) => (i < leftCols ? 'left' : 'right'));

export function uptakeTables(a: UptakeAnalysis, lang: Lang = 'en'): UptakeTables {
  // "Whole country" only when the eligible file has several regions (uptake-scope-words.ts).
  const national = nationalWords(lang, a.totalName, a.uptake, a.metrics, a.budget.projection);
  const f = formatters(lang, national);
  const { t } = f;
  // "kr." on a Danish page, as its conclusion and chart say (currency-name.ts).
  const cur = currencyName(a.budget.currency, lang);
  // Regions in the eligible file's order (uptake/regions.ts), then the whole country.
  const SCOPES: readonly Scope[] = [...regionsIn(a.uptake, a.metrics, a.budget.projection), 'national'];
  const activationHeader = [t('referrals'), t('activated'), t('activationRate'), t('medianDays'), t('retention4w'), t('retention12w')];
  const titled = (title: string, table: Table | null, intro: string[] = []): TitledTable => ({ title, intro, table });

  // A hidden total reads "referrals read: suppressed", not "suppressed referrals read".
  const read = typeof a.rows === 'number' ? `${f.count(a.rows)} ${t('referralsRead')}` : `${t('referralsRead')}: ${f.count(a.rows)}`;
  const exportLine = `${t('exportDate')} ${dateText(a.exportDate, lang)}; ${read}.`;
  const rule = a.suppression;
  const preamble = [`${t('title')} — ${exportLine}`, fillPhrase(t('suppressionNote'), {
    k1: formatThousands(rule.threshold - 1, 0, lang), p: formatThousands(rule.protectionLevel, 0, lang),
    zeros: t(rule.zerosSensitive ? 'zerosHidden' : 'zerosShown'),
    n: formatThousands(rule.suppressedCells, 0, lang), total: formatThousands(rule.countCells, 0, lang), are: rule.suppressedCells === 1 ? 'is' : 'are',
  })];
  const leftOut = leftOutSentence(a.leftOut, lang);
  const earlierDates = a.previous?.publications.map((p) => p.exportDate) ?? [];
  const previousNote = !a.previous ? []
    : earlierDates.length > 1 ? [fillPhrase(t('previousNoteMany'), { dates: earlierDates.map((d) => dateText(d, lang)).join(', ') })]
      : [fillPhrase(t('previousNote'), { date: dateText(a.previous.exportDate, lang) })];
  // The earliest of them made without --previous (unchained-publication.ts): earlier ones unknown.
  const unchainedDate = a.previous?.unchained?.[0];
  if (unchainedDate) previousNote.push(fillPhrase(t('unchainedNote'), { date: dateText(unchainedDate, lang) }));
  // Earlier periods changed since (late registrations, corrections): named, their counts hidden, never the size.
  const changed = changedSentence(a.previous?.changed, lang, (s) => (s === 'national' ? lowerFirst(f.scope(s)) : f.scope(s as Scope)));
  const publication = [...(leftOut ? [leftOut] : []), ...(suppressionHint(a, lang) ?? []), ...previousNote, ...(changed ? [changed] : [])];
  preamble.push(...publication);
  const percent = percentSign(lang);
  const costHeader = `${t('cost')} (${fillPhrase(t('thousands'), { cur })})`;
  const thousands = (v: Cell): string => (typeof v === 'number' ? formatThousands(Math.round(v / MONEY_UNIT), 0, lang) : f.money(v));

  const regionRows = SCOPES.flatMap((s) => {
    const m = metricRow(a, s);
    return m ? [[f.scope(s), ...activationCells(m, f)]] : [];
  });
  const activation = titled(t('activationTitle'), { header: [t('region'), ...activationHeader], rows: regionRows, align: right(7) });

  const exportYear = Number(a.exportDate.slice(0, 4));
  const uptakeRows = a.uptake
    .filter((u) => u.year <= exportYear)
    .map((u) => [
      f.scope(u.region),
      uptakeYearLabel(u.year, yearRunning(u.year, a.exportDate), lang, a.exportDate),
      f.count(u.activations),
      f.count(u.eligible),
      f.withCi(u.per1000, u.ciLower, u.ciUpper, 1),
    ]);
  const uptake = titled(t('uptakeTitle'), { header: [t('region'), t('year'), t('activated'), t('eligible'), t('per1000')], rows: uptakeRows, align: right(5, 2) });

  const equityRows: string[][] = [];
  for (const dim of ['ageBand', 'sex', 'referrer'] as const) {
    for (const m of a.metrics) {
      if (m.region === 'national' && m.period === 'all' && m.dimension === dim) equityRows.push([t(dim), levelLabel(dim, m.level, lang), ...activationCells(m, f)]);
    }
  }
  const equityPublished = (['ageBand', 'sex', 'referrer'] as const).some((d) => !a.leftOut?.includes(d));
  const equity = equityPublished
    ? titled(fillPhrase(t('equityTitle'), { scope: national.phrase }), { header: [t('dimension'), t('level'), ...activationHeader], rows: equityRows, align: right(8, 2) })
    : titled(fillPhrase(t('equityTitle'), { scope: national.phrase }), null, [notPublishedSentence('equity', lang)]);

  const funnel = a.funnel ?? { method: 'exact-binomial' as const, overallRate: 0, outside95: [], outside998: [], verdictsSuppressed: 0, rows: [] };
  // A clinic whose rate is suppressed is not listed: "above the limit" would hint at its counts.
  const shown = new Set(funnel.rows.filter((r) => typeof r.rate === 'number').map((r) => r.clinic));
  // A verdict is "suppressed" for every clinic when the overall rate is (its limits would give it back).
  const flagged = funnel.rows.filter((r) => (r.outside95 === 'above' || r.outside95 === 'below') && shown.has(r.clinic));
  const limitsHidden = typeof funnel.overallRate !== 'number';
  const out998 = funnel.outside998.filter((c) => shown.has(c));
  const limits = (lo: Cell, hi: Cell) => (typeof lo === 'number' && typeof hi === 'number' ? tableInterval(formatFixed(100 * Math.max(0, lo), 1, lang), formatFixed(100 * Math.min(1, hi), 1, lang), lang).slice(1, -1) : f.pct(lo));
  // Clinics whose position is suppressed (their rate is): counted, never taken for "within".
  const hiddenCount = funnel.rows.filter((r) => r.outside95 === SUPPRESSED).length;
  // Counts of clinics in running text: in words up to ten on a Danish page ("ni klinikker"; count-words.ts).
  // A count with "clinic(s)" is singular for one ("1 clinic", "én klinik"), never "1 clinics";
  // Danish "klinik" is common gender, so a bare count of clinics is "én", not "et".
  const w = (n: number) => countWord(n, lang, { common: true });
  const clinicsOf = (n: number) => countNoun(n, lang, CLINIC);
  // "of the 5 clinics whose position is shown" / "af de fem klinikker, …"; one is "the one clinic".
  const theClinics = (n: number) => (n === 1 ? (lang === 'da' ? 'den ene klinik' : 'the one clinic') : `${lang === 'da' ? 'de' : 'the'} ${clinicsOf(n)}`);
  const hiddenVerdicts = hiddenCount > 0 ? [fillPhrase(t('funnelVerdictsSuppressed'), { n: w(hiddenCount), mClinics: clinicsOf(funnel.rows.length) })] : [];
  const counts = { n95: flagged.length, only95: flagged.length - out998.length, n998: out998.length, k: funnel.rows.length - hiddenCount };
  const countWords = { n95: w(counts.n95), clinics95: clinicsOf(counts.n95), only95: w(counts.only95), n998: w(counts.n998), kClinics: theClinics(counts.k), are: counts.n95 === 1 ? 'is' : 'are' };
  const countsText = hiddenCount === 0 ? `; ${fillPhrase(t('funnelCounts'), countWords)}` : counts.k > 0 ? `; ${fillPhrase(t('funnelCountsShown'), countWords)}` : '';
  const funnelHead = `${t('funnelOverall')} ${typeof funnel.overallRate === 'number' ? `${f.pct(funnel.overallRate)}${percent}` : f.masked(funnel.overallRate)} (${funnelMethodText(funnel.method, lang)})${countsText}${out998.length ? ` (${out998.join(', ')})` : ''}.`;
  const clinics = !a.funnel
    ? titled(t('funnelTitle'), null, [notPublishedSentence('clinics', lang)])
    : limitsHidden
      ? titled(t('funnelTitle'), null, [`${t('funnelOverall')} ${f.pct(funnel.overallRate)} (${funnelMethodText(funnel.method, lang)}).`, t('funnelLimitsHidden')])
      : flagged.length === 0
      ? titled(t('funnelTitle'), null, [funnelHead, ...hiddenVerdicts, ...(hiddenVerdicts.length === 0 ? [t('funnelNone')] : hiddenCount < funnel.rows.length ? [t('funnelNoneOfOthers')] : [])])
      : titled(
          t('funnelTitle'),
          {
            header: [t('clinic'), t('region'), t('referrals'), t('activated'), t('rate'), t('limits95'), t('limits998'), t('position')],
            rows: flagged.map((r) => [
              r.clinic, r.region, f.count(r.referrals), f.count(r.activations), f.pct(r.rate),
              limits(r.lower95, r.upper95), limits(r.lower998, r.upper998),
              `${t(r.outside95 === 'below' ? 'below' : 'above')} ${r.outside998 !== null ? formatFixed(99.8, 1, lang) : '95'}${percent}`,
            ]),
            align: [...right(7, 2), 'left'],
          },
          [funnelHead, ...hiddenVerdicts],
        );

  // Per year, the regions' rounded costs add up to the whole country's (when none is suppressed).
  const observedCost = new Map<(typeof a.budget.observed)[number], string>();
  for (const year of new Set(a.budget.observed.map((o) => o.year))) {
    const rows = a.budget.observed.filter((o) => o.year === year);
    const national = rows.find((o) => o.region === 'national');
    const regions = rows.filter((o) => o.region !== 'national');
    const costs = regions.map((o) => o.cost);
    if (national && typeof national.cost === 'number' && costs.every((c): c is number => typeof c === 'number') && addsUp(costs, national.cost)) {
      const r = roundToTotal(costs, MONEY_UNIT);
      regions.forEach((o, i) => observedCost.set(o, formatThousands(r.parts[i] as number, 0, lang)));
      observedCost.set(national, formatThousands(r.total, 0, lang));
    } else {
      for (const o of rows) observedCost.set(o, thousands(o.cost));
    }
  }
  const observedRows = a.budget.observed.map((o) => [
    f.scope(o.region), uptakeYearLabel(o.year, o.partialYear === true, lang, a.exportDate), f.count(o.activations), observedCost.get(o) ?? '–', f.money(o.averagePrice),
  ]);
  const observed = titled(
    t('observedTitle'),
    { header: [t('region'), t('year'), t('activated'), costHeader, `${t('averagePrice')} (${cur})`], rows: observedRows, align: right(5, 2) },
    [
      `${t('priceModel')}: ${priceModelText(a.budget.mode, lang)}, ${t('volumeScope')} ${a.budget.volumeScope === 'national' ? national.object : priceModelText(a.budget.volumeScope, lang)}${a.budget.priceYear !== undefined ? `; ${fillPhrase(t('pricesOfYear'), { year: String(a.budget.priceYear) })}` : ''}.`,
      // Why a cost is hidden beside a printed count (budget-impact.ts costRestsOn).
      ...(a.budget.observed.some((o) => typeof o.activations === 'number' && typeof o.averagePrice !== 'number' && o.averagePrice !== null)
        ? [fillPhrase(t(a.budget.volumeScope === 'national' ? 'averagePriceHidden' : 'nationalCostHidden'), { total: national.object, units: national.unitsPossessive, unit: national.unitPossessive, suppressedUnit: national.suppressedUnitPossessive })] : []),
    ],
  );

  const scenarioName = { low: t('scenarioLow'), base: t('scenarioBase'), high: t('scenarioHigh') } as const;
  const years = a.budget.years;
  const horizon = years.length ? `${years[0]}–${years[years.length - 1]}` : '';
  // Per scenario, the years' rounded costs add up to the printed total over the horizon.
  const nationalProjection = a.budget.projection
    .filter((p) => p.region === 'national')
    .sort((x, y) => x.year - y.year || SCENARIOS.indexOf(x.scenario) - SCENARIOS.indexOf(y.scenario));
  const projectedCost = new Map<(typeof nationalProjection)[number], number>();
  const scenarioTotal = new Map<string, number>();
  for (const sc of SCENARIOS) {
    const rows = nationalProjection.filter((p) => p.scenario === sc);
    const r = roundToTotal(rows.map((p) => p.cost), MONEY_UNIT);
    rows.forEach((p, i) => projectedCost.set(p, r.parts[i] as number));
    scenarioTotal.set(sc, r.total);
  }
  const projectionRows = [
    ...nationalProjection.map((p) => [String(p.year), scenarioName[p.scenario], formatFixed(100 * p.share, 1, lang), formatThousands(p.eligible, 0, lang), formatThousands(p.patients, 0, lang), formatThousands(projectedCost.get(p) ?? 0, 0, lang)]),
    ...SCENARIOS.filter((sc) => nationalProjection.some((p) => p.scenario === sc)).map((sc) => [`${t('total')} ${horizon}`, scenarioName[sc], '', '', formatThousands(nationalProjection.filter((p) => p.scenario === sc).reduce((n, p) => n + p.patients, 0), 0, lang), formatThousands(scenarioTotal.get(sc) ?? 0, 0, lang)]),
  ];
  const projection = titled(fillPhrase(t('projectionTitle'), { scope: national.phrase }), {
    header: [t('year'), t('scenario'), t('share'), t('eligible'), t('patients'), costHeader], rows: projectionRows, align: right(6, 2),
  });

  const totals = new Map<string, number>();
  for (const p of a.budget.projection) totals.set(`${p.region}|${p.scenario}`, (totals.get(`${p.region}|${p.scenario}`) ?? 0) + p.cost);
  const regionScopes = SCOPES.filter((s) => s !== 'national' && totals.has(`${s}|base`));
  // Per scenario, the regions' rounded totals add up to the whole country's (when the regional
  // costs add up to the national one, as with a national volume scope).
  const regionCells = new Map<string, string>();
  for (const sc of SCENARIOS) {
    const parts = regionScopes.map((s) => totals.get(`${s}|${sc}`) ?? 0);
    const national = totals.get(`national|${sc}`);
    if (national !== undefined && addsUp(parts, national)) {
      const r = roundToTotal(parts, MONEY_UNIT);
      regionScopes.forEach((s, i) => regionCells.set(`${s}|${sc}`, formatThousands(r.parts[i] as number, 0, lang)));
      regionCells.set(`national|${sc}`, formatThousands(r.total, 0, lang));
    } else {
      for (const s of [...regionScopes, 'national']) if (totals.has(`${s}|${sc}`)) regionCells.set(`${s}|${sc}`, thousands(totals.get(`${s}|${sc}`) as number));
    }
  }
  const regionTotals = titled(`${t('projectionRegionTitle')} (${horizon}, ${fillPhrase(t('thousands'), { cur })})`, {
    header: [t('region'), ...SCENARIOS.map((s) => scenarioName[s])],
    rows: SCOPES.filter((s) => totals.has(`${s}|base`)).map((s) => [f.scope(s), ...SCENARIOS.map((sc) => regionCells.get(`${s}|${sc}`) ?? '–')]),
    align: right(4),
  });

  // Totals rounded first; each difference is the difference of the printed totals.
  const nationalSens = a.budget.sensitivity.filter((s) => s.region === 'national');
  const baseTotal = Math.round((nationalSens.find((s) => s.parameter === 'base')?.totalCost ?? 0) / MONEY_UNIT);
  const sensRows = nationalSens.map((s) => {
    const total = Math.round(s.totalCost / MONEY_UNIT);
    const diff = total - baseTotal;
    return [
      t(s.parameter), s.parameter === 'base' ? '' : `${s.change > 0 ? '+' : '−'}${formatFixed(100 * Math.abs(s.change), 0, lang)}${percent}`,
      formatThousands(total, 0, lang), s.parameter === 'base' ? '' : `${diff > 0 ? '+' : ''}${formatThousands(diff, 0, lang)}`,
    ];
  });
  const sensitivity = titled(`${fillPhrase(t('sensitivityTitle'), { scope: national.phrase })} (${horizon})`, {
    header: [t('parameter'), t('change'), `${t('totalCost')} (${fillPhrase(t('thousands'), { cur })})`, `${t('difference')} (${fillPhrase(t('thousands'), { cur })})`], rows: sensRows, align: right(4),
  });

  return { preamble, exportLine, publication, nationalLabel: f.scope('national'), nationalObject: national.object, units: national.units, activation, uptake, equity, clinics, observed, projection, regionTotals, sensitivity };
}
