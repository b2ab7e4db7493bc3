/** Mean EQ-5D index per visit and arm over follow-up (observed patients): the curves whose areas are the QALYs. */
import type { TopLevelSpec } from 'vega-lite';
import type { CeaResult } from '../../cea/cea-results-schema.js';
import type { Lang } from '../i18n.js';
import { ARM_COLOURS, chartConfig } from './chart-style.js';

const TEXT = {
  title: { en: 'EQ-5D index over follow-up', da: 'EQ-5D-indeks i opfølgningsperioden' },
  subtitle: { en: 'Mean per visit (observed); QALYs are the areas under the curves', da: 'Gennemsnit pr. besøg (observeret); QALY er arealet under kurverne' },
  x: { en: 'Months since randomisation', da: 'Måneder efter randomisering' },
  y: { en: 'EQ-5D index', da: 'EQ-5D-indeks' },
  arm: { en: 'Arm', da: 'Gruppe' },
} as const;

export function ceaUtilitiesSpec(r: CeaResult, lang: Lang, armLabel: { intervention: string; control: string }): TopLevelSpec {
  const t = (k: keyof typeof TEXT) => TEXT[k][lang];
  const values = r.utilities.flatMap((v) =>
    (['intervention', 'control'] as const).flatMap((a) => (v[a].mean === null ? [] : [{ months: Number((v.years * 12).toFixed(3)), visit: v.visit, arm: armLabel[a], utility: Number(v[a].mean.toFixed(4)) }])),
  );
  const arms = [armLabel.intervention, armLabel.control];
  const colour = { field: 'arm', type: 'nominal', title: t('arm'), sort: arms, scale: { domain: arms, range: [ARM_COLOURS.intervention, ARM_COLOURS.control] }, legend: { orient: 'bottom' } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t('title'), subtitle: t('subtitle') },
    width: 420, height: 240,
    config: chartConfig(lang),
    data: { values },
    encoding: {
      x: { field: 'months', type: 'quantitative', title: t('x') },
      y: { field: 'utility', type: 'quantitative', title: t('y'), scale: { zero: false }, axis: { format: '.2f' } },
      color: colour,
    },
    layer: [{ mark: { type: 'line', strokeWidth: 2 } }, { mark: { type: 'point', filled: true, size: 40 } }],
  } as TopLevelSpec;
}
