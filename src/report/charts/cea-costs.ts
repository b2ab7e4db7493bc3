/** Mean cost per patient by category and arm (unadjusted, observed), as grouped horizontal bars. */
import type { TopLevelSpec } from 'vega-lite';
import type { CeaResult } from '../../cea/cea-results-schema.js';
import type { Lang } from '../i18n.js';
import { ARM_COLOURS, chartConfig } from './chart-style.js';

const TEXT = {
  title: { en: 'Mean cost per patient by category', da: 'Gennemsnitlig omkostning pr. patient efter kategori' },
  subtitle: { en: 'Over follow-up, unadjusted, patients with the category recorded', da: 'I opfølgningsperioden, ujusteret, patienter med kategorien registreret' },
  x: { en: 'Mean cost ({cur})', da: 'Gennemsnitlig omkostning ({cur})' },
  arm: { en: 'Arm', da: 'Gruppe' },
} as const;

export function ceaCostsSpec(r: CeaResult, lang: Lang, categoryLabel: (c: string) => string, armLabel: { intervention: string; control: string }): TopLevelSpec {
  const t = (k: keyof typeof TEXT) => TEXT[k][lang].replace('{cur}', r.currency);
  const values = r.costsByCategory.flatMap((c) =>
    (['intervention', 'control'] as const).flatMap((a) => (c[a].mean === null ? [] : [{ category: categoryLabel(c.category), arm: armLabel[a], cost: Number(c[a].mean.toFixed(2)) }])),
  );
  const categories = r.costsByCategory.map((c) => categoryLabel(c.category));
  const arms = [armLabel.intervention, armLabel.control];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t('title'), subtitle: t('subtitle') },
    width: 420, height: { step: 14 } as unknown as number,
    config: chartConfig(lang),
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'category', type: 'nominal', sort: categories, title: null },
      yOffset: { field: 'arm', type: 'nominal', sort: arms },
      x: { field: 'cost', type: 'quantitative', title: t('x'), axis: { format: ',.0f' } },
      color: { field: 'arm', type: 'nominal', title: t('arm'), sort: arms, scale: { domain: arms, range: [ARM_COLOURS.intervention, ARM_COLOURS.control] }, legend: { orient: 'bottom' } },
    },
  } as TopLevelSpec;
}
