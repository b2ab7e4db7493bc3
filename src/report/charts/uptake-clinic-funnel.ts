/**
 * Clinic funnel plot: each clinic's activation rate against its number of referrals, with the
 * 95% and 99.8% control limits around the overall rate (curves from `funnelCurve` in
 * `src/uptake/funnel-curve.ts`, already clipped to [0, 1]) and the clinics outside the 95% limits
 * labelled by clinic code. Clinics whose counts or rate are suppressed are not drawn (their
 * position would give the counts away); the subtitle says how many.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { UptakeAnalysis } from '../../uptake/uptake-analysis.js';
import type { FunnelCurvePoint } from '../../uptake/funnel-curve.js';
import { formatFixed, funnelMethodText, UPTAKE_CHART_TEXT, type Lang, fillPhrase, percentSign } from '../i18n.js';
import { drawable, lines, markerText } from './uptake-chart-style.js';
import { chartConfig, FLAG_COLOURS, PALETTE } from './chart-style.js';
import { DEFAULT_PUBLICATION_THRESHOLD } from '../../suppressed-marker.js';

export interface ClinicFunnelInput {
  funnel: NonNullable<UptakeAnalysis['funnel']>;
  /** Limit curves over a grid of n, from `funnelCurve(overallRate, nMax)`. Empty: no limits drawn. */
  curve: readonly FunnelCurvePoint[];
  threshold?: number;
}

export function uptakeClinicFunnelSpec(input: ClinicFunnelInput, options: { lang?: Lang } = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const t = (k: keyof typeof UPTAKE_CHART_TEXT) => UPTAKE_CHART_TEXT[k][lang];
  const { funnel } = input;
  let hidden = 0;
  const drawn = funnel.rows.filter((r) => {
    const ok = drawable(r.referrals) && drawable(r.rate);
    if (!ok) hidden++;
    return ok;
  });
  // Legend entries carry the number of clinics drawn in each, the same counts as the table's note.
  // A verdict is "suppressed" for every clinic when the overall rate is: no limits, no verdicts.
  const out = (v: unknown) => v === 'above' || v === 'below';
  const count = (k: 'within' | 'outside95' | 'outside998') =>
    drawn.filter((r) => (k === 'outside998' ? out(r.outside998) : k === 'outside95' ? out(r.outside95) && !out(r.outside998) : !out(r.outside95))).length;
  const status = {
    // Without limits the legend names the clinics drawn, not the limits (the subtitle says why there are none).
    within: `${drawable(funnel.overallRate) ? t('within') : t('clinicsDrawn')} (${count('within')})`,
    outside95: `${t('outside95')} (${count('outside95')})`,
    outside998: `${t('outside998')} (${count('outside998')})`,
  };
  // Without limits (the overall rate suppressed) there is one kind of clinic and nothing to label.
  const noLimits = !drawable(funnel.overallRate);
  const statusOrder = noLimits ? [status.within] : [status.within, status.outside95, status.outside998];
  const clinics = drawn.map((r) => {
    const s = out(r.outside998) ? status.outside998 : out(r.outside95) ? status.outside95 : status.within;
    return { clinic: r.clinic, region: r.region, referrals: r.referrals as number, rate: r.rate as number, status: s, label: out(r.outside95) ? r.clinic : null };
  });
  const limitLabel = { l95: t('limit95'), l998: t('limit998') };
  const curve = input.curve.flatMap((p) => [
    { n: p.n, limit: limitLabel.l95, side: 0, value: p.lower95 },
    { n: p.n, limit: limitLabel.l95, side: 1, value: p.upper95 },
    { n: p.n, limit: limitLabel.l998, side: 0, value: p.lower998 },
    { n: p.n, limit: limitLabel.l998, side: 1, value: p.upper998 },
  ]);
  const overall = drawable(funnel.overallRate) ? funnel.overallRate : null;
  const subtitle = lines(
    noLimits ? t('limitsHidden') : fillPhrase(t('clinicSubtitle'), { rate: overall === null ? markerText(funnel.overallRate, lang) : `${formatFixed(100 * overall, 1, lang)}${percentSign(lang)}`, method: funnelMethodText(funnel.method, lang) }),
    hidden ? fillPhrase(t(hidden === 1 ? 'clinicHidden' : 'clinicsHidden'), { n: hidden, k: input.threshold ?? DEFAULT_PUBLICATION_THRESHOLD }) : '',
  );
  const x = { field: 'n', type: 'quantitative' as const, title: t('referrals'), axis: { format: ',d' }, scale: { zero: true, nice: true } };
  const y = { type: 'quantitative' as const, title: t('activationRate'), axis: { format: '.0%' }, scale: { domain: [0, 1] } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t('clinicTitle'), subtitle },
    width: 620, height: 400,
    config: chartConfig(lang),
    layer: [
      ...(curve.length === 0 ? [] : [{
        data: { values: curve },
        mark: { type: 'line', strokeWidth: 1.5, color: '#555', clip: true },
        encoding: {
          x, y: { ...y, field: 'value' },
          detail: { field: 'side', type: 'nominal' },
          strokeDash: {
            field: 'limit', type: 'nominal', title: null, sort: [limitLabel.l95, limitLabel.l998],
            scale: { domain: [limitLabel.l95, limitLabel.l998], range: [[6, 3], [1, 0]] },
            legend: { orient: 'bottom', direction: 'vertical', symbolType: 'stroke', symbolStrokeColor: '#555' },
          },
        },
      }]),
      ...(overall === null ? [] : [{
        data: { values: [{ overall }] },
        mark: { type: 'rule' as const, color: PALETTE.midGrey, strokeWidth: 1 },
        encoding: { y: { ...y, field: 'overall' } },
      }]),
      {
        data: { values: clinics },
        // Flagged clinics are larger and darker than the others, never paler or smaller.
        mark: { type: 'point', filled: true, opacity: 1, stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x: { ...x, field: 'referrals' },
          y: { ...y, field: 'rate' },
          color: {
            field: 'status', type: 'nominal', title: t('clinicStatus'), sort: statusOrder,
            scale: { domain: statusOrder, range: [FLAG_COLOURS.within, FLAG_COLOURS.outside95, FLAG_COLOURS.outside998] },
            legend: { orient: 'bottom', direction: 'vertical', labelLimit: 420 },
          },
          shape: {
            field: 'status', type: 'nominal', sort: statusOrder, title: t('clinicStatus'),
            scale: { domain: statusOrder, range: ['circle', 'triangle-up', 'diamond'] },
            legend: { orient: 'bottom', direction: 'vertical', labelLimit: 420 },
          },
          size: {
            field: 'status', type: 'nominal', sort: statusOrder, title: t('clinicStatus'),
            scale: { domain: statusOrder, range: [50, 110, 130] },
            legend: { orient: 'bottom', direction: 'vertical', labelLimit: 420 },
          },
          tooltip: [
            // Every field titled in the page's language: an untitled one shows its key ("clinic", "region").
            { field: 'clinic', type: 'nominal', title: t('clinicStatus') }, { field: 'region', type: 'nominal', title: t('region') },
            { field: 'referrals', type: 'quantitative', format: ',d', title: t('referrals') },
            { field: 'rate', type: 'quantitative', format: '.1%', title: t('activationRate') },
          ],
        },
      },
      // Labels over a white halo (the same text stroked white underneath), so a limit line
      // running behind a label never strikes it through. A practice name may be 100 characters
      // (docs/input-registry.md): cut with "…" at 180 px on the chart, whole in the tables.
      ...[{ stroke: 'white', strokeWidth: 6, strokeJoin: 'round', color: 'white' }, { color: '#222' }].map((paint) => ({
        data: { values: clinics.filter((c) => c.label !== null) },
        mark: { type: 'text', align: 'left', dx: 8, dy: -2, fontSize: 11, limit: 180, ...paint },
        encoding: { x: { ...x, field: 'referrals' }, y: { ...y, field: 'rate' }, text: { field: 'label', type: 'nominal' } },
      })),
    ],
  } as TopLevelSpec;
}
