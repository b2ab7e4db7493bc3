/**
 * The activation funnel: referred → activated → retained at 4 weeks → retained at 12 weeks,
 * nationally or per region (one row of bars each, on ONE shared x scale, so a small region looks
 * small), as horizontal bars labelled with their counts and the percentage of the right
 * denominator: activated of referred; retained of those at risk — activated at least 4 / 12 weeks
 * before the export — drawn as an outlined bar behind the retained one, so the eye compares
 * retained with at risk, never with everyone activated. Counts and rates come from the suppressed
 * metric rows (whole export, all patients); a suppressed stage gets no bar, only its marker
 * ("<5" / "suppressed") at zero.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Scope } from '../../uptake/aggregate.js';
import type { UptakeAnalysis } from '../../uptake/uptake-analysis.js';
import { nationalWords } from '../uptake-scope-words.js';
import { fillPhrase, formatFixed, formatThousands, type Lang, percentSign, UPTAKE_CHART_TEXT } from '../i18n.js';
import { drawable, lines, markerText, scopeLabel, scopeOrder } from './uptake-chart-style.js';
import { chartConfig, GREY_SHADES } from './chart-style.js';
import type { Table } from '../text-table.js';

export interface ActivationFunnelOptions {
  /** 'national' (default), 'regions' (a row of bars per region), or one region. */
  scope?: 'national' | 'regions' | Scope;
  lang?: Lang;
}

const STAGES = ['referrals', 'activations', 'retained4w', 'retained12w'] as const;

/** Per stage: the denominator of its percentage (its at-risk count) and the rate the analysis computed. */
const OF = {
  referrals: null,
  activations: { atRisk: 'referrals', rate: 'activationRate' },
  retained4w: { atRisk: 'atRisk4w', rate: 'retention4w' },
  retained12w: { atRisk: 'atRisk12w', rate: 'retention12w' },
} as const;

/** The funnel's bars, per scope and stage: one source for the chart and its numbers' table. */
function funnelRows(analysis: Pick<UptakeAnalysis, 'metrics' | 'totalName'>, options: ActivationFunnelOptions) {
  const words = nationalWords(options.lang ?? 'en', analysis.totalName, analysis.metrics);
  const lang = options.lang ?? 'en';
  const t = (k: keyof typeof UPTAKE_CHART_TEXT) => UPTAKE_CHART_TEXT[k][lang];
  const scope = options.scope ?? 'national';
  const scopes = scope === 'regions' ? scopeOrder(analysis.metrics).filter((s) => s !== 'national') : [scope];
  const stageLabel = { referrals: t('referred'), activations: t('activated'), retained4w: t('retained4w'), retained12w: t('retained12w') };
  const stages = STAGES.map((s) => stageLabel[s]);
  const n = (v: number) => formatThousands(v, 0, lang);
  const pct = (v: number) => `${formatFixed(100 * v, 1, lang)}${percentSign(lang)}`;
  const marker = (v: unknown) => markerText(v, lang);
  const values = scopes.flatMap((s) => {
    const row = analysis.metrics.find((m) => m.region === s && m.period === 'all' && m.dimension === 'all');
    if (!row) return [];
    return STAGES.map((stage) => {
      const v = row[stage];
      const of = OF[stage];
      const atRisk = of && stage !== 'activations' ? row[of.atRisk] : null;
      const rate = of ? row[of.rate] : null;
      let label = drawable(v) ? n(v) : marker(v);
      if (of && drawable(v)) {
        const base = row[of.atRisk];
        // A hidden base or share is said as such, never written where a number belongs.
        if (stage === 'activations') label = drawable(rate) ? fillPhrase(t('ofReferred'), { n: label, pct: pct(rate) }) : fillPhrase(t('ofReferredHidden'), { n: label });
        else if (!drawable(base)) label = fillPhrase(t('ofAtRiskHidden'), { n: label });
        else label = drawable(rate) ? fillPhrase(t('ofAtRisk'), { n: label, atRisk: n(base), pct: pct(rate) }) : fillPhrase(t('ofAtRiskShareHidden'), { n: label, atRisk: n(base) });
      }
      return {
        region: scopeLabel(s, lang, words),
        stage: stageLabel[stage],
        count: drawable(v) ? v : null,
        atRisk: drawable(atRisk) ? atRisk : null,
        label,
      };
    });
  });
  return { scopes, stages, words, values };
}

/**
 * The figure's numbers (html-page.ts shows them under the chart): per region and stage the label
 * its bar carries — the count with its share and at-risk count, or the suppression marker where
 * the chart has one. Nothing the chart does not print.
 */
export function uptakeActivationFunnelNumbers(analysis: Pick<UptakeAnalysis, 'metrics' | 'totalName'>, options: ActivationFunnelOptions = {}): Table {
  const lang = options.lang ?? 'en';
  const { values } = funnelRows(analysis, options);
  return {
    header: [UPTAKE_CHART_TEXT.region[lang], UPTAKE_CHART_TEXT.stage[lang], UPTAKE_CHART_TEXT.patients[lang]],
    rows: values.map((v) => [v.region, v.stage, v.label]),
    align: ['left', 'left', 'right'],
  };
}

export function uptakeActivationFunnelSpec(analysis: Pick<UptakeAnalysis, 'metrics' | 'totalName'>, options: ActivationFunnelOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const t = (k: keyof typeof UPTAKE_CHART_TEXT) => UPTAKE_CHART_TEXT[k][lang];
  const { scopes, stages, words, values } = funnelRows(analysis, options);
  const y = { field: 'stage', type: 'nominal' as const, sort: stages, title: null, axis: { labelLimit: 200 } };
  const x = { type: 'quantitative' as const, title: t('patients'), axis: { format: ',d', tickCount: 6 } };
  const layer = [
    {
      // Those at risk of the retention stages: the outlined bar the retained bar is read against.
      transform: [{ filter: 'datum.atRisk !== null' }],
      mark: { type: 'bar' as const, height: { band: 0.72 }, fill: '#FFFFFF', stroke: GREY_SHADES[1], strokeWidth: 1, strokeDash: [3, 2] },
      encoding: { y, x: { ...x, field: 'atRisk' } },
    },
    {
      mark: { type: 'bar' as const, height: { band: 0.72 } },
      encoding: {
        y,
        x: { ...x, field: 'count' },
        color: { field: 'stage', type: 'nominal' as const, sort: stages, legend: null, scale: { domain: stages, range: [...GREY_SHADES] } },
        // Every field titled in the page's language: an untitled one shows its key ("region", "stage").
        tooltip: [{ field: 'region', type: 'nominal' as const, title: t('region') }, { field: 'stage', type: 'nominal' as const, title: t('stage') }, { field: 'label', type: 'nominal' as const, title: 'n' }],
      },
    },
    {
      // The count (and its percentage) after the longer of its bar and its at-risk bar; a
      // suppressed stage shows its marker at zero.
      mark: { type: 'text' as const, align: 'left' as const, dx: 4, fontSize: 11, color: '#222' },
      encoding: { y, x: { field: 'labelAt', type: 'quantitative' as const }, text: { field: 'label', type: 'nominal' as const } },
    },
  ];
  const single = scopes.length === 1;
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: single ? `${t('funnelTitle')} — ${scopeLabel(scopes[0] as Scope, lang, words)}` : t('funnelTitle'), subtitle: lines(t('funnelSubtitle'), single ? '' : t('funnelShared')) },
    config: chartConfig(lang),
    data: { values },
    transform: [{ calculate: 'max(datum.count === null ? 0 : datum.count, datum.atRisk === null ? 0 : datum.atRisk)', as: 'labelAt' }],
  };
  if (single) return { ...base, width: 420, height: { step: 34 }, layer } as TopLevelSpec;
  return {
    ...base,
    facet: { row: { field: 'region', type: 'nominal', sort: scopes.map((s) => scopeLabel(s, lang, words)), title: null, header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'middle', labelBaseline: 'middle', labelFontSize: 12 } } },
    spec: { width: 420, height: { step: 22 }, layer },
    spacing: 14,
    // One x scale for every region: the regions' sizes are part of what the chart shows.
    resolve: { scale: { x: 'shared' } },
  } as TopLevelSpec;
}
