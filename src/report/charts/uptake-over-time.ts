/**
 * Uptake over time, per region: either activations per month (by month of referral, the cohort
 * the registry metrics use) as lines, or uptake per 1,000 eligible per year (by year of
 * activation) as points with 95% Wilson CIs. Suppressed values are left out (lines break there)
 * and counted in the subtitle; nothing is computed here, only drawn.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { UptakeAnalysis } from '../../uptake/uptake-analysis.js';
import { nationalWords } from '../uptake-scope-words.js';
import { UPTAKE_CHART_TEXT, type Lang, fillPhrase, formatFixed } from '../i18n.js';
import { drawable, lines, markerText, scopeColour, scopeLabel, scopeOrder, scopeShape } from './uptake-chart-style.js';
import type { Table } from '../text-table.js';
import { monthText } from '../date-text.js';
import { chartConfig } from './chart-style.js';
import { uptakeYearLabel } from '../uptake-year-label.js';
import { yearRunning } from '../../uptake/year-running.js';

export interface UptakeOverTimeOptions {
  /** 'activations' (per month, default) or 'per1000' (per year). */
  measure?: 'activations' | 'per1000';
  /** Also draw the whole country (default: only for 'per1000', where scales match). */
  includeNational?: boolean;
  lang?: Lang;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month "2025-03" as the chart's axis names it: "Mar 2025", Danish "marts 2025" (date-text.ts). */
function monthName(period: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return lang === 'da' || !m ? monthText(period, lang) : `${EN_MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/**
 * The monthly chart's numbers as a table, for a reader who cannot see the lines (WCAG 2.1 1.1.1;
 * docs/report-trial.md, "Charts' numbers"): a row per month, a column per region, each cell the
 * activations the chart draws, or the marker of a value it leaves out ("suppressed").
 */
export function uptakeOverTimeNumbers(analysis: Pick<UptakeAnalysis, 'metrics' | 'uptake' | 'totalName'>, options: { lang?: Lang } = {}): Table {
  const lang = options.lang ?? 'en';
  const words = nationalWords(lang, analysis.totalName, analysis.uptake, analysis.metrics);
  const scopes = scopeOrder(analysis.uptake, analysis.metrics).filter((s) => s !== 'national');
  const monthly = analysis.metrics.filter((m) => m.periodType === 'month' && m.dimension === 'all' && scopes.includes(m.region));
  const months = [...new Set(monthly.map((m) => m.period))].sort();
  const cell = (region: string, period: string) => {
    const m = monthly.find((x) => x.region === region && x.period === period);
    return m === undefined ? '–' : drawable(m.activations) ? formatFixed(m.activations, 0, lang) : markerText(m.activations, lang);
  };
  return {
    header: [UPTAKE_CHART_TEXT.month[lang], ...scopes.map((s) => scopeLabel(s, lang, words))],
    rows: months.map((p) => [monthName(p, lang), ...scopes.map((s) => cell(s, p))]),
    align: ['left', ...scopes.map(() => 'right' as const)],
  };
}

export function uptakeOverTimeSpec(analysis: Pick<UptakeAnalysis, 'metrics' | 'uptake' | 'threshold' | 'exportDate' | 'totalName'>, options: UptakeOverTimeOptions = {}): TopLevelSpec {
  const words = nationalWords(options.lang ?? 'en', analysis.totalName, analysis.uptake, analysis.metrics);
  const lang = options.lang ?? 'en';
  const measure = options.measure ?? 'activations';
  const t = (k: keyof typeof UPTAKE_CHART_TEXT) => UPTAKE_CHART_TEXT[k][lang];
  const all = scopeOrder(analysis.uptake, analysis.metrics);
  const scopes = all.filter((s) => s !== 'national' || (options.includeNational ?? measure === 'per1000'));
  const domain = scopes.map((s) => scopeLabel(s, lang, words));
  const color = {
    field: 'region', type: 'nominal' as const, title: t('region'), sort: domain,
    scale: { domain, range: scopes.map((s) => scopeColour(all, s)) },
  };
  // Each region's marker shape too (scopeShape): the lines cross, and colour alone does not tell every
  // reader which is which. Same field, title and legend as the colour: Vega-Lite draws one legend of both.
  const shape = {
    field: 'region', type: 'nominal' as const, title: t('region'), sort: domain,
    scale: { domain, range: scopes.map((s) => scopeShape(all, s)) },
  };
  let suppressed = 0;

  if (measure === 'activations') {
    const values = analysis.metrics
      .filter((m) => m.periodType === 'month' && m.dimension === 'all' && scopes.includes(m.region))
      .map((m) => {
        if (!drawable(m.activations)) suppressed++;
        return { region: scopeLabel(m.region, lang, words), month: `${m.period}-01`, activations: drawable(m.activations) ? m.activations : null };
      });
    const note = suppressed ? fillPhrase(t(suppressed === 1 ? 'gapsNoteOne' : 'gapsNote'), { n: suppressed, k: analysis.threshold }) : '';
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: t('overTimeTitle'), subtitle: lines(t('overTimeSubtitle'), note) },
      // The legend under the plot, so the chart prints on a portrait page at ≥ 8 pt (the report's
      // first chart: a landscape page would leave page 1 with the title alone).
      width: 600, height: 320,
      config: chartConfig(lang),
      data: { values },
      mark: { type: 'line', point: { size: 40 }, strokeWidth: 2, invalid: 'break-paths-show-domains' },
      encoding: {
        x: { field: 'month', type: 'temporal', timeUnit: 'utcyearmonth', title: t('month'), axis: { format: '%b %Y', labelAngle: -40, tickCount: 12 } },
        y: { field: 'activations', type: 'quantitative', title: t('activations'), axis: { format: ',d' } },
        color: { ...color, legend: { orient: 'bottom', direction: 'horizontal' } },
        shape: { ...shape, legend: { orient: 'bottom', direction: 'horizontal' } },
        tooltip: [
          { field: 'region', type: 'nominal', title: t('region') },
          { field: 'month', type: 'temporal', timeUnit: 'utcyearmonth', title: t('month') },
          { field: 'activations', type: 'quantitative', format: ',d', title: t('activations') },
        ],
      },
    };
  }

  // Years after the export (denominators only, nothing observed yet) are not drawn.
  const exportYear = Number(analysis.exportDate.slice(0, 4));
  const years = [...new Set(analysis.uptake.map((u) => u.year))].filter((y) => y <= exportYear).sort((a, b) => a - b);
  const values = analysis.uptake
    .filter((u) => scopes.includes(u.region) && u.year <= exportYear)
    .flatMap((u) => {
      if (!drawable(u.per1000)) {
        if (u.per1000 !== null) suppressed++;
        return [];
      }
      return [{
        // The year as Table 1 labels it ("2025 (so far)" for the export's year unless dated 31 December: uptake-year-label.ts).
        region: scopeLabel(u.region, lang, words), year: uptakeYearLabel(u.year, yearRunning(u.year, analysis.exportDate), lang, analysis.exportDate), per1000: u.per1000,
        ciLower: drawable(u.ciLower) ? u.ciLower : null, ciUpper: drawable(u.ciUpper) ? u.ciUpper : null,
      }];
    });
  const shownYears = years.map((y) => uptakeYearLabel(y, yearRunning(y, analysis.exportDate), lang, analysis.exportDate)).filter((y) => values.some((v) => v.year === y));
  const note = suppressed ? fillPhrase(t(suppressed === 1 ? 'skippedNoteOne' : 'skippedNote'), { n: suppressed, k: analysis.threshold }) : '';
  const x = { field: 'year', type: 'ordinal' as const, title: t('year'), sort: shownYears, axis: { labelAngle: 0 } };
  const xOffset = { field: 'region', type: 'nominal' as const, sort: domain, scale: { domain } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t('per1000Title'), subtitle: lines(t('per1000Subtitle'), note) },
    width: Math.max(360, 150 * shownYears.length), height: 320,
    config: chartConfig(lang),
    data: { values },
    encoding: { x, xOffset, color },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { y: { field: 'ciLower', type: 'quantitative', title: t('per1000') }, y2: { field: 'ciUpper' } },
      },
      {
        mark: { type: 'point', filled: true, size: 70, opacity: 1 },
        encoding: {
          shape,
          y: { field: 'per1000', type: 'quantitative', title: t('per1000'), scale: { zero: true } },
          tooltip: [
            { field: 'region', type: 'nominal', title: t('region') },
            { field: 'year', type: 'ordinal', title: t('year') },
            { field: 'per1000', type: 'quantitative', format: '.1f', title: t('per1000') },
            { field: 'ciLower', type: 'quantitative', format: '.1f', title: t('ciLower') },
            { field: 'ciUpper', type: 'quantitative', format: '.1f', title: t('ciUpper') },
          ],
        },
      },
    ],
  };
}

