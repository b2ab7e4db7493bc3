/**
 * Budget impact by year and scenario: projected cost under the low / base / high uptake
 * scenarios (grouped bars) and the observed cost so far, for the whole country or one region,
 * in millions of the plan's currency. Suppressed observed costs are not drawn.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Scope } from '../../uptake/aggregate.js';
import type { UptakeAnalysis } from '../../uptake/uptake-analysis.js';
import { UPTAKE_CHART_TEXT, type Lang, fillPhrase } from '../i18n.js';
import {drawable, lines, scopeLabel } from './uptake-chart-style.js';
import { chartConfig, PALETTE } from './chart-style.js';

export function uptakeBudgetSpec(budget: UptakeAnalysis['budget'], options: { region?: Scope; lang?: Lang; threshold?: number } = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const t = (k: keyof typeof UPTAKE_CHART_TEXT) => UPTAKE_CHART_TEXT[k][lang];
  const region = options.region ?? 'national';
  const series = [t('observed'), t('low'), t('base'), t('high')];
  const name = { low: t('low'), base: t('base'), high: t('high') };
  let hidden = 0;
  const observed = budget.observed.filter((o) => o.region === region).flatMap((o) => {
    if (!drawable(o.cost)) {
      hidden++;
      return [];
    }
    return [{ year: String(o.year), series: t('observed'), million: o.cost / 1e6, cost: o.cost, partial: o.partialYear }];
  });
  const projected = budget.projection
    .filter((p) => p.region === region)
    .map((p) => ({ year: String(p.year), series: name[p.scenario], million: p.cost / 1e6, cost: p.cost, partial: false }));
  const values = [...observed, ...projected];
  const years = [...new Set(values.map((v) => v.year))].sort();
  const partialYear = observed.find((o) => o.partial)?.year;
  const subtitle = lines(
    fillPhrase(t('budgetSubtitle'), { scope: scopeLabel(region, lang), mode: budget.mode, volume: budget.volumeScope, year: partialYear ?? '–' }),
    hidden ? fillPhrase(t('skippedNote'), { n: hidden, k: options.threshold ?? 5 }) : '',
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t('budgetTitle'), subtitle },
    width: Math.max(380, 110 * years.length), height: 320,
    config: chartConfig(),
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'year', type: 'ordinal', sort: years, title: t('year'), axis: { labelAngle: 0 } },
      xOffset: { field: 'series', type: 'nominal', sort: series, scale: { domain: series, paddingInner: 0.08 } },
      y: { field: 'million', type: 'quantitative', title: fillPhrase(t('cost'), { cur: budget.currency }), axis: { format: ',.0f' } },
      color: {
        field: 'series', type: 'nominal', title: t('series'), sort: series,
        scale: { domain: series, range: [PALETTE.black, PALETTE.skyBlue, PALETTE.blue, PALETTE.vermillion] },
        legend: { orient: 'bottom' },
      },
      tooltip: [
        { field: 'year', type: 'ordinal', title: t('year') },
        { field: 'series', type: 'nominal', title: t('series') },
        { field: 'cost', type: 'quantitative', format: ',.0f', title: `${budget.currency}` },
      ],
    },
  } as TopLevelSpec;
}
