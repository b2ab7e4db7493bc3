/**
 * The activation funnel: referred → activated → retained at 4 weeks → retained at 12 weeks,
 * nationally or per region (one small panel each, own y scale). Counts come from the
 * suppressed metric rows (whole export, all patients); a suppressed stage gets no bar, only its
 * label ("<5" / "suppressed") at the baseline.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Scope } from '../../uptake/aggregate.js';
import type { UptakeAnalysis } from '../../uptake/uptake-analysis.js';
import { UPTAKE_CHART_TEXT, type Lang } from '../i18n.js';
import { OKABE_ITO, SCOPE_ORDER, drawable, scopeLabel, uptakeChartConfig } from './uptake-chart-style.js';

export interface ActivationFunnelOptions {
  /** 'national' (default), 'regions' (a panel per region), or one region. */
  scope?: 'national' | 'regions' | Scope;
  lang?: Lang;
}

const STAGES = ['referrals', 'activations', 'retained4w', 'retained12w'] as const;

export function uptakeActivationFunnelSpec(analysis: Pick<UptakeAnalysis, 'metrics'>, options: ActivationFunnelOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const t = (k: keyof typeof UPTAKE_CHART_TEXT) => UPTAKE_CHART_TEXT[k][lang];
  const scope = options.scope ?? 'national';
  const scopes = scope === 'regions' ? SCOPE_ORDER.filter((s) => s !== 'national') : [scope];
  const stageLabel = { referrals: t('referred'), activations: t('activated'), retained4w: t('retained4w'), retained12w: t('retained12w') };
  const stages = STAGES.map((s) => stageLabel[s]);
  const fmt = new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 0 });
  const values = scopes.flatMap((s) => {
    const row = analysis.metrics.find((m) => m.region === s && m.period === 'all' && m.dimension === 'all');
    if (!row) return [];
    return STAGES.map((stage) => {
      const v = row[stage];
      return {
        region: scopeLabel(s, lang),
        stage: stageLabel[stage],
        count: drawable(v) ? v : null,
        label: drawable(v) ? fmt.format(v) : String(v),
      };
    });
  });
  const x = { field: 'stage', type: 'nominal' as const, sort: stages, title: null, axis: { labelAngle: 0, labelLimit: 110 } };
  const layer = [
    {
      mark: { type: 'bar' as const, width: { band: 0.75 } },
      encoding: {
        x,
        y: { field: 'count', type: 'quantitative' as const, title: t('patients'), axis: { format: ',d' } },
        color: {
          field: 'stage', type: 'nominal' as const, sort: stages, legend: null,
          scale: { domain: stages, range: [OKABE_ITO.skyBlue, OKABE_ITO.blue, OKABE_ITO.green, OKABE_ITO.orange] },
        },
        tooltip: [{ field: 'region', type: 'nominal' as const }, { field: 'stage', type: 'nominal' as const }, { field: 'label', type: 'nominal' as const, title: 'n' }],
      },
    },
    {
      // Labels: the count on top of its bar; a suppressed stage shows its "<5"/"suppressed" at 0.
      mark: { type: 'text' as const, dy: -7, fontSize: 11, color: '#222' },
      encoding: {
        x,
        y: { field: 'labelAt', type: 'quantitative' as const },
        text: { field: 'label', type: 'nominal' as const },
      },
    },
  ];
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `${t('funnelTitle')}${scopes.length === 1 ? ` — ${scopeLabel(scopes[0] as Scope, lang)}` : ''}`, subtitle: t('funnelSubtitle') },
    config: uptakeChartConfig(),
    data: { values },
    transform: [{ calculate: 'datum.count === null ? 0 : datum.count', as: 'labelAt' }],
  };
  if (scopes.length === 1) return { ...base, width: 480, height: 300, layer } as TopLevelSpec;
  return {
    ...base,
    facet: { field: 'region', type: 'nominal', sort: scopes.map((s) => scopeLabel(s, lang)), title: null },
    columns: 3,
    spec: { width: 300, height: 200, layer },
    resolve: { scale: { y: 'independent' } },
  } as TopLevelSpec;
}
