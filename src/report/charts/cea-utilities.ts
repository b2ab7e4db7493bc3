/**
 * Mean EQ-5D index per visit and arm over follow-up (observed patients): the curves whose areas
 * are the QALYs. The x axis is weeks since baseline with a tick at each visit's true week, named
 * as the tables name the visit ("Baseline", "6 weeks", "3 mdr."), as the trial report's
 * mean-score chart (docs/report-trial.md); a follow-up past a year is drawn in months.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CeaResult } from '../../cea/cea-results-schema.js';
import { type Lang, REPORT_TEXT } from '../i18n.js';
import { YEARS_PER_UNIT } from '../../cea/qaly-auc.js';
import { ARM_COLOURS, chartConfig } from './chart-style.js';
import { visitTickAxis, visitTicks } from './visit-ticks.js';

const TEXT = {
  title: { en: 'EQ-5D index over follow-up', da: 'EQ-5D-indeks i opfølgningsperioden' },
  subtitle: { en: 'Mean per visit (observed); QALYs are the areas under the curves', da: 'Gennemsnit pr. besøg (observeret); QALY er arealet under kurverne' },
  y: { en: 'EQ-5D index', da: 'EQ-5D-indeks' },
  arm: { en: 'Arm', da: 'Gruppe' },
  monthsAxis: { en: 'Months since baseline', da: 'Måneder efter baseline' },
} as const;

/**
 * Beyond a year a reader counts follow-up in months (24 months are not "104 weeks"); up to a year the
 * chart keeps the trial page's weeks, so the two pages' time axes agree (docs/report-trial.md).
 */
const MONTHS_AFTER_WEEKS = 53;

export function ceaUtilitiesSpec(r: CeaResult, lang: Lang, armLabel: { intervention: string; control: string }): TopLevelSpec {
  const t = (k: keyof typeof TEXT) => TEXT[k][lang];
  const lastYears = r.utilities[r.utilities.length - 1]?.years ?? 0;
  const months = lastYears / YEARS_PER_UNIT.weeks > MONTHS_AFTER_WEEKS;
  // The time axis's unit: weeks (as the trial page's charts) or, for a long follow-up, months.
  const axis = months ? 'months' : 'weeks';
  const at = (years: number) => years / (months ? YEARS_PER_UNIT.months : YEARS_PER_UNIT.weeks);
  const values = r.utilities.flatMap((v) =>
    (['intervention', 'control'] as const).flatMap((a) => (v[a].mean === null ? [] : [{ [axis]: Number(at(v.years).toFixed(3)), visit: v.visit, arm: armLabel[a], utility: Number(v[a].mean.toFixed(4)) }])),
  );
  const arms = [armLabel.intervention, armLabel.control];
  // Ticks at the visits, named as every report's time axis names them (docs/report-trial.md: "baseline", "6 weeks"); every other name on a second line (baseline and 6 weeks sit close).
  const ticks = visitTicks(r.utilities.map((v) => ({ time: v.visit, weeks: Number(at(v.years).toFixed(months ? 1 : 0)) })), lang);
  const colour = { field: 'arm', type: 'nominal', title: t('arm'), sort: arms, scale: { domain: arms, range: [ARM_COLOURS.intervention, ARM_COLOURS.control] }, legend: { orient: 'bottom' } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t('title'), subtitle: t('subtitle') },
    width: 420, height: 240,
    config: chartConfig(lang),
    data: { values },
    encoding: {
      x: { field: axis, type: 'quantitative', title: months ? t('monthsAxis') : REPORT_TEXT.weeksAxis[lang], axis: { ...visitTickAxis(ticks, true), grid: false } },
      y: { field: 'utility', type: 'quantitative', title: t('y'), scale: { zero: false }, axis: { format: '.2f' } },
      color: colour,
    },
    // The arms' points in two shapes as well as two colours (circle, square: as the trial page's
    // mean-score chart), and opaque (Vega-Lite's default 0.7 showed usual care's vermillion at 2.6:1):
    // docs/colours.md.
    layer: [
      { mark: { type: 'line', strokeWidth: 2 } },
      { mark: { type: 'point', filled: true, size: 50, opacity: 1 }, encoding: { shape: { field: 'arm', type: 'nominal', title: t('arm'), sort: arms, scale: { domain: arms, range: ['circle', 'square'] }, legend: { orient: 'bottom' } } } },
    ],
  } as TopLevelSpec;
}
