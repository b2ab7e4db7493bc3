/**
 * The cost-effectiveness plane: the bootstrap replicates of (ΔQALY, Δcost), the point estimate,
 * the axes through zero and the willingness-to-pay line Δcost = λ·ΔQALY at the first threshold
 * (below it: cost-effective). At most `maxPoints` replicates are drawn (the first ones, an
 * unbiased subset); the quadrant shares in the subtitle count them all.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CeaResult } from '../../cea/cea-results-schema.js';
import { quadrantPercents } from '../../cea/cea-phrases.js';
import { type ArmNames, defaultArmNames, fillArms } from '../arm-names.js';
import { currencyName } from '../currency-name.js';
import { formatThousands, intervalText, type Lang } from '../i18n.js';
import { money, pctText, signedMoney } from '../../cea/cea-phrases.js';
import type { Table } from '../text-table.js';
import { chartConfig, ESTIMATE_COLOUR, GREY_SHADES, PALETTE } from './chart-style.js';
import { enUsGrouped } from '../../cea/en-us-fixed.js';

const TEXT = {
  title: { en: 'Cost-effectiveness plane', da: 'Omkostningseffektivitetsplan' },
  subtitle: {
    en: '{shown} of {n} bootstrap replicates (grey); diamond: the estimate; dashed line: {wtp} {cur} per QALY\nShare of all replicates: NE {ne}, NW {nw}, SE {se}, SW {sw} (N: costs more, S: costs less; E: more QALYs, W: fewer)',
    da: '{shown} af {n} bootstrap-replikationer (grå); ruden: estimatet; stiplet linje: {wtp} {cur} pr. QALY\nAndel af alle replikationer: NØ {ne}, NV {nw}, SØ {se}, SV {sw} (N: dyrere, S: billigere; Ø: flere QALY, V: færre)',
  },
  // The arms as the trial pages' differences name them ("intervention − control"): arm-names.ts.
  x: { en: 'Incremental QALYs ({intervention} − {control})', da: 'Forskel i QALY ({intervention} − {control})' },
  y: { en: 'Incremental cost ({cur})', da: 'Meromkostning ({cur})' },
  // The figure's numbers (cePlaneNumbers).
  what: { en: 'In the figure', da: 'I figuren' },
  share: { en: 'Share of the {n} replicates', da: 'Andel af de {n} replikationer' },
  estimate: { en: 'Estimate (diamond)', da: 'Estimat (ruden)' },
  ci: { en: '95% CI', da: '95 %-KI' },
  NE: { en: 'NE: costs more, more QALYs', da: 'NØ: dyrere, flere QALY' },
  NW: { en: 'NW: costs more, fewer QALYs', da: 'NV: dyrere, færre QALY' },
  SE: { en: 'SE: costs less, more QALYs', da: 'SØ: billigere, flere QALY' },
  SW: { en: 'SW: costs less, fewer QALYs', da: 'SV: billigere, færre QALY' },
  below: { en: 'Below the dashed line ({wtp} per QALY): cost-effective', da: 'Under den stiplede linje ({wtp} pr. QALY): omkostningseffektiv' },
} as const;

/**
 * The bootstrap cloud: the darkest grey at 0.55 shows #888888 on white, 3.5:1 (WCAG 2.1 1.4.11,
 * docs/colours.md); two points on one another show darker (0.8), so its density stays visible.
 * (Grey #6B6B6B at 0.35 showed #CBCBCB, 1.6:1: a committee member could hardly see it.)
 */
const CLOUD_OPACITY = 0.55;

const count = (n: number, lang: Lang) => enUsGrouped(n).replace(/,/g, lang === 'da' ? '.' : ',');

/**
 * The two ends of the line Δcost = λ·ΔQALY inside the plot [−qmax, qmax] × [−cmax, cmax]. Where
 * the line leaves through the top or bottom edge, its QALY end moves in to ΔQ = ±cmax/λ as well:
 * capping only the cost would draw the box's diagonal, a different λ, and points below the drawn
 * line would no longer be the cost-effective ones (docs/plan-cea.md#results).
 */
export function wtpLine(lambda: number, qmax: number, cmax: number): { dq: number; dc: number }[] {
  const q = lambda * qmax > cmax ? cmax / lambda : qmax;
  return [-q, q].map((dq) => ({ dq, dc: lambda * dq }));
}

/**
 * The plane's numbers as a table, for a reader who cannot see it (WCAG 2.1 1.1.1; docs/report-trial.md,
 * "The figure's numbers"): the estimate (the diamond) and its 95% CI, the cloud's share of
 * replicates in each quadrant (the subtitle's, over all replicates) and below the dashed
 * willingness-to-pay line (the replicates that are cost-effective at the first threshold).
 */
export function cePlaneNumbers(r: CeaResult, lang: Lang, arms: ArmNames = defaultArmNames(lang)): Table {
  const t = (k: keyof typeof TEXT) => TEXT[k][lang];
  const cur = currencyName(r.currency, lang);
  const q = (v: number) => formatThousands(v, 4, lang);
  const c = (v: number) => money(v, r.currency, lang);
  const quad = quadrantPercents(r.quadrants, lang);
  const first = r.thresholds[0];
  return {
    header: [t('what'), fillArms(t('x'), arms), t('y').replace('{cur}', cur), t('share').replace('{n}', count(r.cloud.cost.length, lang))],
    rows: [
      [t('estimate'), q(r.incrementalQaly.estimate), signedMoney(r.incrementalCost.estimate, r.currency, lang), ''],
      [t('ci'), intervalText(q(r.incrementalQaly.ciLower), q(r.incrementalQaly.ciUpper), lang), intervalText(c(r.incrementalCost.ciLower), c(r.incrementalCost.ciUpper), lang), ''],
      ...(['NE', 'NW', 'SE', 'SW'] as const).map((k) => [t(k), '', '', quad[k]]),
      ...(first ? [[t('below').replace('{wtp}', money(first.threshold, r.currency, lang)), '', '', pctText(first.probabilityCostEffective, lang)]] : []),
    ],
    align: ['left', 'right', 'right', 'right'],
  };
}

export function cePlaneSpec(r: CeaResult, lang: Lang, arms: ArmNames = defaultArmNames(lang), maxPoints = 1000): TopLevelSpec {
  const t = (k: keyof typeof TEXT) => TEXT[k][lang];
  const shown = Math.min(maxPoints, r.cloud.cost.length);
  // Rounded far below what the chart resolves, to keep the committed spec small.
  const points = r.cloud.cost.slice(0, shown).map((c, i) => ({ dq: Number(r.cloud.qaly[i]!.toFixed(6)), dc: Number(c.toFixed(2)) }));
  const lambda = r.thresholds[0]?.threshold ?? 0;
  const qs = [...points.map((p) => p.dq), r.incrementalQaly.estimate];
  const qmax = Math.max(...qs.map(Math.abs)) * 1.1 || 0.01;
  const cs = [...points.map((p) => p.dc), r.incrementalCost.estimate];
  const cmax = Math.max(...cs.map(Math.abs)) * 1.1 || 1;
  const line = wtpLine(lambda, qmax, cmax);
  // Quadrant shares in whole percents that add up to 100 (largest remainder: cea-phrases.ts).
  const quad = quadrantPercents(r.quadrants, lang);
  const fill = (s: string) =>
    s.replace('{shown}', count(shown, lang)).replace('{n}', count(r.cloud.cost.length, lang)).replace('{ne}', quad.NE).replace('{nw}', quad.NW)
      .replace('{se}', quad.SE).replace('{sw}', quad.SW).replace('{wtp}', enUsGrouped(lambda).replace(/,/g, lang === 'da' ? '.' : ',')).replace(/\{cur\}/g, currencyName(r.currency, lang));
  const x = { field: 'dq', type: 'quantitative', title: fillArms(t('x'), arms), scale: { domain: [-qmax, qmax] }, axis: { format: '.3f', tickCount: 7 } } as const; // about seven ticks: denser, vega drops every other label (0 among them)
  const y = { field: 'dc', type: 'quantitative', title: fill(t('y')), scale: { domain: [-cmax, cmax] }, axis: { format: ',.0f' } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t('title'), subtitle: fill(t('subtitle')).split('\n') },
    width: 460, height: 360,
    config: chartConfig(lang),
    layer: [
      { data: { values: points }, mark: { type: 'circle', size: 9, opacity: CLOUD_OPACITY, color: GREY_SHADES[0] }, encoding: { x, y } },
      { data: { values: [{ v: 0 }] }, mark: { type: 'rule', color: PALETTE.black, strokeWidth: 1 }, encoding: { x: { field: 'v', type: 'quantitative' } } },
      { data: { values: [{ v: 0 }] }, mark: { type: 'rule', color: PALETTE.black, strokeWidth: 1 }, encoding: { y: { field: 'v', type: 'quantitative' } } },
      { data: { values: line }, mark: { type: 'line', color: ESTIMATE_COLOUR, strokeDash: [6, 4], clip: true }, encoding: { x, y } },
      // The estimate sits in the densest part of the cloud: larger, outlined in white, so it stands out from the dots around it.
      { data: { values: [{ dq: r.incrementalQaly.estimate, dc: r.incrementalCost.estimate }] }, mark: { type: 'point', shape: 'diamond', size: 200, filled: true, fill: PALETTE.black, stroke: '#FFFFFF', strokeWidth: 2, opacity: 1 }, encoding: { x, y } },
    ],
  } as TopLevelSpec;
}
