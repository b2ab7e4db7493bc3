/**
 * Equity: activation rate (activated ÷ referred, 95% Wilson CI) by age band and by referrer type,
 * over the whole export, for the whole country or one region, with the all-patients rate as a
 * dashed reference line. A suppressed group keeps its row, with the word "<5"/"suppressed"
 * instead of a point and interval.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Scope } from '../../uptake/aggregate.js';
import type { UptakeAnalysis } from '../../uptake/uptake-analysis.js';
import { nationalWords } from '../uptake-scope-words.js';
import { fillPhrase, UPTAKE_CHART_TEXT, type Lang } from '../i18n.js';
import { drawable, lines, markerText, scopeLabel } from './uptake-chart-style.js';
import { chartConfig, ESTIMATE_COLOUR, PALETTE } from './chart-style.js';
import { levelLabel as levelWords } from '../uptake-levels.js';

export interface UptakeEquityOptions {
  /** Default: the whole country. */
  region?: Scope;
  /** Which breakdowns to draw, in order; default age band and referrer. */
  dimensions?: readonly ('ageBand' | 'referrer' | 'sex')[];
  lang?: Lang;
}

/** "sex", "age band and referrer" (Danish "og"): the breakdowns a partial publication draws. */
function dimList(dims: readonly string[], lang: Lang): string {
  const word = (d: string) => ({ ageBand: { en: 'age band', da: 'aldersgruppe' }, sex: { en: 'sex', da: 'køn' }, referrer: { en: 'referrer', da: 'henviser' } } as Record<string, Record<Lang, string>>)[d]![lang];
  const w = dims.map(word);
  return w.length <= 1 ? w.join('') : `${w.slice(0, -1).join(', ')} ${lang === 'da' ? 'og' : 'and'} ${w[w.length - 1]}`;
}

export function uptakeEquitySpec(analysis: Pick<UptakeAnalysis, 'metrics' | 'totalName'>, options: UptakeEquityOptions = {}): TopLevelSpec {
  const words = nationalWords(options.lang ?? 'en', analysis.totalName, analysis.metrics);
  const lang = options.lang ?? 'en';
  const t = (k: keyof typeof UPTAKE_CHART_TEXT) => UPTAKE_CHART_TEXT[k][lang];
  const region = options.region ?? 'national';
  const dims = options.dimensions ?? ['ageBand', 'sex', 'referrer'];
  const all = analysis.metrics.find((m) => m.region === region && m.period === 'all' && m.dimension === 'all');
  const overall = all && drawable(all.activationRate) ? all.activationRate : null;
  const levelLabel = (dim: string, level: string) => levelWords(dim, level, lang);
  const dimTitle = { ageBand: t('ageBand'), referrer: t('referrer'), sex: lang === 'da' ? 'Køn' : 'Sex' };

  const panels = dims.map((dim) => {
    const rows = analysis.metrics.filter((m) => m.region === region && m.period === 'all' && m.dimension === dim);
    const order = rows.map((m) => levelLabel(dim, m.level));
    const values = rows.map((m) => {
      const shown = drawable(m.activationRate);
      return {
        group: levelLabel(dim, m.level),
        rate: shown ? m.activationRate : null,
        ciLower: shown && drawable(m.activationCiLower) ? m.activationCiLower : null,
        ciUpper: shown && drawable(m.activationCiUpper) ? m.activationCiUpper : null,
        note: shown ? null : markerText(m.activationRate, lang),
        overall,
      };
    });
    const y = { field: 'group', type: 'nominal' as const, sort: order, title: null };
    const xScale = { domain: [0, 1] };
    return {
      title: { text: dimTitle[dim], fontSize: 12, fontWeight: 'normal' as const, offset: 6, anchor: 'start' as const, frame: 'group' as const },
      width: 440, height: { step: 26 },
      data: { values },
      layer: [
        ...(overall === null ? [] : [{
          mark: { type: 'rule' as const, strokeDash: [5, 4], color: PALETTE.midGrey },
          encoding: { x: { aggregate: 'max' as const, field: 'overall', type: 'quantitative' as const, scale: xScale } },
        }]),
        {
          mark: { type: 'rule' as const, strokeWidth: 2, color: ESTIMATE_COLOUR },
          encoding: { y, x: { field: 'ciLower', type: 'quantitative' as const, scale: xScale }, x2: { field: 'ciUpper' } },
        },
        {
          mark: { type: 'point' as const, filled: true, size: 80, opacity: 1, color: ESTIMATE_COLOUR },
          encoding: {
            y,
            x: { field: 'rate', type: 'quantitative' as const, scale: xScale, title: t('activationRate'), axis: { format: '.0%', tickCount: 10 } },
            tooltip: [
              { field: 'group', type: 'nominal' as const, title: dimTitle[dim] },
              { field: 'rate', type: 'quantitative' as const, format: '.1%', title: t('activationRate') },
              { field: 'ciLower', type: 'quantitative' as const, format: '.1%', title: t('ciLower') },
              { field: 'ciUpper', type: 'quantitative' as const, format: '.1%', title: t('ciUpper') },
            ],
          },
        },
        {
          mark: { type: 'text' as const, align: 'left' as const, dx: 4, fontSize: 11, fontStyle: 'italic', color: '#555' },
          transform: [{ filter: 'datum.note !== null' }],
          encoding: { y, x: { datum: 0, type: 'quantitative' as const, scale: xScale }, text: { field: 'note', type: 'nominal' as const } },
        },
      ],
    };
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `${dims.length === 3 ? t('equityTitle') : fillPhrase(t('equityTitleSome'), { dims: dimList(dims, lang) })} — ${scopeLabel(region, lang, words)}`, subtitle: lines(t('equitySubtitle')) },
    config: chartConfig(lang),
    vconcat: panels,
    spacing: 24,
  } as TopLevelSpec;
}
