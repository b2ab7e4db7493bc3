/**
 * The activation funnel: referred → activated → retained at 4 weeks → retained at 12 weeks,
 * nationally or per region (one row of bars each, own x scale), as horizontal bars labelled with
 * their counts. Counts come from the suppressed metric rows (whole export, all patients); a
 * suppressed stage gets no bar, only its label ("<5" / "suppressed") at zero.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Scope } from '../../uptake/aggregate.js';
import type { UptakeAnalysis } from '../../uptake/uptake-analysis.js';
import { UPTAKE_CHART_TEXT, type Lang } from '../i18n.js';
import { drawable, lines, scopeLabel, scopeOrder } from './uptake-chart-style.js';
import { chartConfig, PALETTE } from './chart-style.js';

export interface ActivationFunnelOptions {
  /** 'national' (default), 'regions' (a row of bars per region), or one region. */
  scope?: 'national' | 'regions' | Scope;
  lang?: Lang;
}

const STAGES = ['referrals', 'activations', 'retained4w', 'retained12w'] as const;

export function uptakeActivationFunnelSpec(analysis: Pick<UptakeAnalysis, 'metrics'>, options: ActivationFunnelOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const t = (k: keyof typeof UPTAKE_CHART_TEXT) => UPTAKE_CHART_TEXT[k][lang];
  const scope = options.scope ?? 'national';
  const scopes = scope === 'regions' ? scopeOrder(analysis.metrics).filter((s) => s !== 'national') : [scope];
  const stageLabel = { referrals: t('referred'), activations: t('activated'), retained4w: t('retained4w'), retained12w: t('retained12w') };
  const stages = STAGES.map((s) => stageLabel[s]);
  const fmt = new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 0 });
  const values = scopes.flatMap((s) => {
    const row = analysis.metrics.find((m) => m.region === s && m.period === 'all' && m.dimension === 'all');
    if (!row) return [];
    return STAGES.map((stage) => {
      const v = row[stage];
      return { region: scopeLabel(s, lang), stage: stageLabel[stage], count: drawable(v) ? v : null, label: drawable(v) ? fmt.format(v) : String(v) };
    });
  });
  const y = { field: 'stage', type: 'nominal' as const, sort: stages, title: null, axis: { labelLimit: 200 } };
  const layer = [
    {
      mark: { type: 'bar' as const, height: { band: 0.72 } },
      encoding: {
        y,
        x: { field: 'count', type: 'quantitative' as const, title: t('patients'), axis: { format: ',d', tickCount: 6 } },
        color: {
          field: 'stage', type: 'nominal' as const, sort: stages, legend: null,
          scale: { domain: stages, range: [PALETTE.skyBlue, PALETTE.blue, PALETTE.green, PALETTE.orange] },
        },
        tooltip: [{ field: 'region', type: 'nominal' as const }, { field: 'stage', type: 'nominal' as const }, { field: 'label', type: 'nominal' as const, title: 'n' }],
      },
    },
    {
      // The count after its bar; a suppressed stage shows its "<5" / "suppressed" at zero.
      mark: { type: 'text' as const, align: 'left' as const, dx: 4, fontSize: 11, color: '#222' },
      encoding: { y, x: { field: 'labelAt', type: 'quantitative' as const }, text: { field: 'label', type: 'nominal' as const } },
    },
  ];
  const single = scopes.length === 1;
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: single ? `${t('funnelTitle')} — ${scopeLabel(scopes[0] as Scope, lang)}` : t('funnelTitle'), subtitle: lines(t('funnelSubtitle')) },
    config: chartConfig(),
    data: { values },
    transform: [{ calculate: 'datum.count === null ? 0 : datum.count', as: 'labelAt' }],
  };
  if (single) return { ...base, width: 460, height: { step: 34 }, layer } as TopLevelSpec;
  return {
    ...base,
    facet: { row: { field: 'region', type: 'nominal', sort: scopes.map((s) => scopeLabel(s, lang)), title: null, header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'middle', labelBaseline: 'middle', labelFontSize: 12 } } },
    spec: { width: 460, height: { step: 22 }, layer },
    spacing: 14,
    resolve: { scale: { x: 'independent' } },
  } as TopLevelSpec;
}
