/** The cost-effectiveness acceptability curve: P(NMB > 0) over the plan's willingness-to-pay range, with the thresholds marked. */
import type { TopLevelSpec } from 'vega-lite';
import type { CeaResult } from '../../cea/cea-results-schema.js';
import { type ArmNames, defaultArmNames, fillArms } from '../arm-names.js';
import { currencyName } from '../currency-name.js';
import { formatThousands, type Lang } from '../i18n.js';
import { pctText } from '../../cea/cea-phrases.js';
import type { Table } from '../text-table.js';
import { chartConfig, ESTIMATE_COLOUR, GREY_SHADES } from './chart-style.js';
import { wrapForVega } from './two-lines.js';

const TEXT = {
  title: { en: 'Cost-effectiveness acceptability curve', da: 'Acceptabilitetskurve for omkostningseffektivitet' },
  // The intervention as the page names it (arm-names.ts), not always "the app".
  subtitle: { en: 'Probability that {theIntervention} is cost-effective; dashed: the thresholds', da: 'Sandsynlighed for, at {theIntervention} er omkostningseffektiv; stiplet: tærskelværdierne' },
  subtitleOne: { en: 'Probability that {theIntervention} is cost-effective; dashed: the threshold', da: 'Sandsynlighed for, at {theIntervention} er omkostningseffektiv; stiplet: tærskelværdien' },
  x: { en: 'Willingness to pay per QALY ({cur})', da: 'Betalingsvilje pr. QALY ({cur})' },
  y: { en: 'Probability cost-effective', da: 'Sandsynlighed for omkostningseffektivitet' },
  threshold: { en: '{wtp} (threshold, dashed)', da: '{wtp} (tærskelværdi, stiplet)' },
} as const;

/**
 * The curve's numbers as a table, for a reader who cannot see it (WCAG 2.1 1.1.1; docs/report-trial.md,
 * "The figure's numbers"): each willingness to pay the curve is computed at, with its probability,
 * and each threshold (a dashed line) in its place with the probability at it.
 */
export function ceacNumbers(r: CeaResult, lang: Lang, arms: ArmNames = defaultArmNames(lang)): Table {
  const t = (k: keyof typeof TEXT) => fillArms(TEXT[k][lang].replace('{cur}', currencyName(r.currency, lang)), arms);
  const wtp = (x: number) => formatThousands(x, 0, lang);
  const points = [
    ...r.ceac.map((c) => ({ wtp: c.wtp, label: wtp(c.wtp), p: c.probability, order: 1 })),
    ...r.thresholds.map((x) => ({ wtp: x.threshold, label: t('threshold').replace('{wtp}', wtp(x.threshold)), p: x.probabilityCostEffective, order: 0 })),
  ].sort((a, b) => a.wtp - b.wtp || a.order - b.order);
  return { header: [t('x'), t('y')], rows: points.map((p) => [p.label, pctText(p.p, lang)]), align: ['left', 'right'] };
}

const WIDTH = 460;
const HEIGHT = 280;

export function ceacSpec(r: CeaResult, lang: Lang, arms: ArmNames = defaultArmNames(lang)): TopLevelSpec {
  const t = (k: keyof typeof TEXT) => fillArms(TEXT[k][lang].replace('{cur}', currencyName(r.currency, lang)), arms);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // Texts wrapped to the plot's size: vega reserves room for its (generous) estimate of their
    // width, so a long y title (Danish) left a band of white above the plot.
    title: { text: t('title'), subtitle: wrapForVega(t(r.thresholds.length === 1 ? 'subtitleOne' : 'subtitle'), WIDTH + 60) },
    width: WIDTH, height: HEIGHT,
    config: chartConfig(lang),
    layer: [
      {
        data: { values: r.ceac.map((c) => ({ wtp: c.wtp, p: c.probability })) },
        mark: { type: 'line', color: ESTIMATE_COLOUR, strokeWidth: 2 },
        encoding: {
          x: { field: 'wtp', type: 'quantitative', title: t('x'), axis: { format: ',.0f' } },
          y: { field: 'p', type: 'quantitative', title: wrapForVega(t('y'), HEIGHT, 12), scale: { domain: [0, 1] }, axis: { format: '.0%' } },
        },
      },
      {
        data: { values: r.thresholds.map((x) => ({ wtp: x.threshold })) },
        mark: { type: 'rule', color: GREY_SHADES[2], strokeDash: [6, 4] },
        encoding: { x: { field: 'wtp', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec;
}
