/**
 * The gross app cost by year (the budget impact of the app licences alone): the observed cost of
 * the activations in the export as outlined bars, and the projected full-year cost under the low /
 * base / high uptake scenarios as filled bars in grey shades, for the whole country or one region,
 * in millions of the plan's currency. An observed year that is not over (the export year) says
 * "so far" in the legend and the subtitle, so a part-year is never read beside a full-year bar as
 * like for like. Suppressed observed costs are not drawn.
 */
import { dayMonthText } from '../date-text.js';
import type { TopLevelSpec } from 'vega-lite';
import type { Scope } from '../../uptake/aggregate.js';
import type { UptakeAnalysis } from '../../uptake/uptake-analysis.js';
import { nationalWords } from '../uptake-scope-words.js';
import { UPTAKE_CHART_TEXT, type Lang, fillPhrase, priceModelText } from '../i18n.js';
import { drawable, lines, scopeLabel } from './uptake-chart-style.js';
import { chartConfig, GREY_SHADES } from './chart-style.js';
import { DEFAULT_PUBLICATION_THRESHOLD } from '../../suppressed-marker.js';
import { dateText } from '../date-text.js';
import { currencyName } from '../currency-name.js';

export function uptakeBudgetSpec(budget: UptakeAnalysis['budget'], options: { region?: Scope; lang?: Lang; threshold?: number; exportDate?: string; totalName?: string } = {}): TopLevelSpec {
  const words = nationalWords(options.lang ?? 'en', options.totalName, budget.projection, budget.observed);
  const lang = options.lang ?? 'en';
  const t = (k: keyof typeof UPTAKE_CHART_TEXT) => UPTAKE_CHART_TEXT[k][lang];
  const region = options.region ?? 'national';
  // The part-year is named only when its bar is drawn: a suppressed one leaves the legend and the
  // subtitle about the full years shown (the subtitle's last line counts what is not drawn).
  const partialYear = budget.observed.find((o) => o.region === region && o.partialYear && drawable(o.cost))?.year;
  const observedName = partialYear === undefined ? t('observed') : fillPhrase(t('observedPartial'), { year: partialYear, date: (options.exportDate && dayMonthText(options.exportDate)) || 'udtrækket' });
  const series = [observedName, t('low'), t('base'), t('high')];
  const name = { low: t('low'), base: t('base'), high: t('high') };
  let hidden = 0;
  const observed = budget.observed.filter((o) => o.region === region).flatMap((o) => {
    if (!drawable(o.cost)) {
      hidden++;
      return [];
    }
    return [{ year: String(o.year), series: observedName, million: o.cost / 1e6, cost: o.cost, observed: true }];
  });
  const projected = budget.projection
    .filter((p) => p.region === region)
    .map((p) => ({ year: String(p.year), series: name[p.scenario], million: p.cost / 1e6, cost: p.cost, observed: false }));
  const values = [...observed, ...projected];
  const years = [...new Set(values.map((v) => v.year))].sort();
  const exportDate = options.exportDate === undefined ? '–' : dateText(options.exportDate, lang);
  const subtitle = lines(
    fillPhrase(t('budgetSubtitle'), { scope: scopeLabel(region, lang, words), mode: priceModelText(budget.mode, lang), volume: budget.volumeScope === 'national' ? words.object : priceModelText(budget.volumeScope, lang), until: partialYear === undefined ? fillPhrase(t('observedUntil'), { date: exportDate }) : fillPhrase(t('observedPartialUntil'), { year: partialYear, date: exportDate }) }),
    hidden ? fillPhrase(t(hidden === 1 ? 'skippedNoteOne' : 'skippedNote'), { n: hidden, k: options.threshold ?? DEFAULT_PUBLICATION_THRESHOLD }) : '',
  );
  // Observed: white with a black outline; scenarios: light (low) to dark (high) grey.
  const fill = ['#FFFFFF', GREY_SHADES[3], GREY_SHADES[2], GREY_SHADES[0]] as string[];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t('budgetTitle'), subtitle },
    width: Math.max(380, 110 * years.length), height: 320,
    config: chartConfig(lang),
    data: { values },
    mark: { type: 'bar', stroke: '#000000', strokeWidth: 1 },
    encoding: {
      x: { field: 'year', type: 'ordinal', sort: years, title: t('year'), axis: { labelAngle: 0 } },
      xOffset: { field: 'series', type: 'nominal', sort: series, scale: { domain: series, paddingInner: 0.08 } },
      y: { field: 'million', type: 'quantitative', title: fillPhrase(t('cost'), { cur: currencyName(budget.currency, lang) }), axis: millionAxis(values.map((v) => v.million)) },
      fill: {
        field: 'series', type: 'nominal', title: t('series'), sort: series,
        scale: { domain: series, range: fill },
        legend: { orient: 'bottom', columns: 2, symbolStrokeColor: '#000000', symbolStrokeWidth: 1 },
      },
      strokeWidth: { condition: { test: 'datum.observed', value: 2 }, value: 0.5 },
      tooltip: [
        { field: 'year', type: 'ordinal', title: t('year') },
        { field: 'series', type: 'nominal', title: t('series') },
        { field: 'million', type: 'quantitative', format: ',.1f', title: fillPhrase(t('cost'), { cur: currencyName(budget.currency, lang) }) },
      ],
    },
  } as TopLevelSpec;
}

/**
 * The cost axis's labels: as many decimals as the bars' size needs, and no tick closer than the
 * last decimal printed, so that no label repeats (a budget of 4.3 million drew ticks every 0.5
 * million under a whole-number format, "0 1 1 2 2 3 3 4 4": found in review).
 */
export function millionAxis(millions: readonly number[]): { format: string; tickMinStep: number } {
  const max = Math.max(0, ...millions.map(Math.abs));
  const decimals = max >= 10 ? 0 : max >= 1 ? 1 : max >= 0.1 ? 2 : 3;
  return { format: `,.${decimals}f`, tickMinStep: 10 ** -decimals };
}
