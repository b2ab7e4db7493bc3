/**
 * Mean cost per patient by category and arm (unadjusted, observed), as grouped horizontal bars.
 * Categories outside the base case's perspective (sick leave under the healthcare perspective)
 * get a panel of their own with its own scale, titled as outside the total: drawn on one axis,
 * ~1,600 EUR of sick leave would set the scale of and dwarf the costs the result is made of.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CeaResult } from '../../cea/cea-results-schema.js';
import { outsidePerspective as leftOut } from '../../cea/patient-costs.js';
import { currencyName } from '../currency-name.js';
import type { Lang } from '../i18n.js';
import { ARM_COLOURS, chartConfig } from './chart-style.js';

const TEXT = {
  title: { en: 'Mean cost per patient by category', da: 'Gennemsnitlig omkostning pr. patient efter kategori' },
  subtitle: { en: 'Over follow-up, unadjusted, patients with the category recorded', da: 'I opfølgningsperioden, ujusteret, patienter med kategorien registreret' },
  inside: { en: 'In the healthcare-sector total (base case)', da: 'Med i sundhedssektorens samlede omkostning (basisanalysen)' },
  outside: { en: 'Outside the healthcare perspective: not in the total|(only in the societal sensitivity analysis); own scale', da: 'Uden for sundhedssektorperspektivet: ikke med i totalen|(kun i følsomhedsanalysen med samfundsperspektiv); egen skala' },
  x: { en: 'Mean cost ({cur})', da: 'Gennemsnitlig omkostning ({cur})' },
  arm: { en: 'Arm', da: 'Gruppe' },
} as const;

/** Categories the base case leaves out (cea/patient-costs.ts: healthcare counts every category but productivity). */
function outsidePerspective(r: CeaResult, category: string): boolean {
  return leftOut(r.perspective, category);
}

export function ceaCostsSpec(r: CeaResult, lang: Lang, categoryLabel: (c: string) => string, armLabel: { intervention: string; control: string }): TopLevelSpec {
  const t = (k: keyof typeof TEXT) => TEXT[k][lang].replace('{cur}', currencyName(r.currency, lang));
  const rowsOf = (cats: CeaResult['costsByCategory']) => cats.flatMap((c) =>
    (['intervention', 'control'] as const).flatMap((a) => (c[a].mean === null ? [] : [{ category: categoryLabel(c.category), arm: armLabel[a], cost: Number(c[a].mean.toFixed(2)) }])),
  );
  const arms = [armLabel.intervention, armLabel.control];
  const panel = (cats: CeaResult['costsByCategory'], title: string | null) => ({
    // "|" breaks a long panel title, so it does not widen the chart.
    ...(title === null ? {} : { title: { text: title.split('|'), fontSize: 12, anchor: 'start' as const } }),
    width: 420, height: { step: 14 },
    data: { values: rowsOf(cats) },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'category', type: 'nominal', sort: cats.map((c) => categoryLabel(c.category)), title: null },
      yOffset: { field: 'arm', type: 'nominal', sort: arms },
      x: { field: 'cost', type: 'quantitative', title: t('x'), axis: { format: ',.0f' } },
      color: { field: 'arm', type: 'nominal', title: t('arm'), sort: arms, scale: { domain: arms, range: [ARM_COLOURS.intervention, ARM_COLOURS.control] }, legend: { orient: 'bottom' } },
    },
  });
  const inside = r.costsByCategory.filter((c) => !outsidePerspective(r, c.category));
  const outside = r.costsByCategory.filter((c) => outsidePerspective(r, c.category));
  const head = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: { text: t('title'), subtitle: t('subtitle') }, config: chartConfig(lang) };
  if (outside.length === 0) return { ...head, ...panel(inside, null) } as TopLevelSpec;
  return {
    ...head,
    vconcat: [panel(inside, t('inside')), panel(outside, t('outside'))],
    resolve: { scale: { x: 'independent' } },
    spacing: 20,
  } as TopLevelSpec;
}
