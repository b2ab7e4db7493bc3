/**
 * Trajectories: mean score per visit and arm with its 95% CI (t, from the descriptives), one
 * panel per continuous outcome, each panel with its own y axis in the outcome's units. The x axis
 * is weeks since baseline, to scale (6 weeks sits close to baseline, 3, 6 and 9 months evenly
 * apart), with a tick at each visit named as the tables name it, when every visit label has a
 * number and unit; else the visits are equally spaced.
 * Arms are dodged a little along x so the intervals do not overlap. Pure: descriptives and labels in.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult } from '../../analysis/results-schema.js';
import { fillPhrase, formatFixed, intervalText } from '../i18n.js';
import type { Table } from '../text-table.js';
import { weeksSinceBaseline } from '../../plan/visit-weeks.js';
import { ARM_COLOURS, chartConfig, FONT_SIZE } from './chart-style.js';
import { textWidth } from '../render/chart-font.js';
import type { TrialChartContext } from './trial-chart-context.js';
import { visitTickAxis, visitTicks } from './visit-ticks.js';

// Three panels a row, narrow enough to print at ≥ 8 pt on a landscape A4 page (docs/report-trial.md#print).
const PANEL_WIDTH = 230;
const PANEL_HEIGHT = 128;

/** A panel heading on one line, or on two split at the word that best balances them when wider than the panel. */
function headingLines(text: string): string[] {
  if (textWidth(text, 12) <= PANEL_WIDTH + 20) return [text];
  const words = text.split(' ');
  let best = [text];
  let bestWidth = Infinity;
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const w = Math.max(...lines.map((l) => textWidth(l, 12)));
    if (w < bestWidth) [best, bestWidth] = [lines, w];
  }
  return best;
}
/** One legend for all panels (identical definitions merge), above them. */
const LEGEND = { title: null, orient: 'top', direction: 'horizontal', symbolSize: 80, offset: 30, labelFontSize: 12 } as const;

/** Continuous outcomes with at least one observed mean: one panel each (an outcome never observed has none). */
export function trajectoryOutcomes(result: Pick<AnalysisResult, 'descriptives'>, ctx: Pick<TrialChartContext, 'kindOf'>): string[] {
  const observed = result.descriptives.filter((d) => d.mean !== null && ctx.kindOf(d.outcome) === 'continuous');
  return [...new Set(observed.map((d) => d.outcome))];
}

/** An outcome's observed means, per visit and arm: one source for the chart and its numbers' table. */
function observedMeans(result: Pick<AnalysisResult, 'descriptives'>, key: string) {
  return result.descriptives.filter((d) => d.outcome === key && d.mean !== null);
}

/**
 * The figure's numbers (html-page.ts shows them under the chart): per outcome and visit, each
 * arm's mean with its 95% CI and n — what the chart draws as points and whiskers.
 */
export function trajectoriesNumbers(result: Pick<AnalysisResult, 'descriptives'>, ctx: TrialChartContext): Table {
  const arms = ['intervention', 'control'] as const;
  const ci = ctx.text('conclusionCi');
  const rows = trajectoryOutcomes(result, ctx).flatMap((key) => {
    const f = (v: number) => formatFixed(v, ctx.decimalsOf(key), ctx.lang);
    const means = observedMeans(result, key);
    // The visits the chart draws: every observed mean's, in the plan's order, any it does not list last.
    const order = (v: string) => (ctx.visits.includes(v) ? ctx.visits.indexOf(v) : ctx.visits.length);
    const visits = [...new Set(means.map((d) => d.time))].sort((a, b) => order(a) - order(b));
    return [
      [`${ctx.outcomeLabel(key)}${ctx.unitOf(key) ? ` (${ctx.unitOf(key)})` : ''}`, ...arms.flatMap(() => ['', ''])],
      ...visits.map((v) => [`  ${ctx.timeLabel(v)}`, ...arms.flatMap((arm) => {
        const d = means.find((x) => x.time === v && x.arm === arm);
        if (!d || d.mean === null) return ['', ''];
        return [d.meanCiLower === null || d.meanCiUpper === null ? f(d.mean) : `${f(d.mean)} ${intervalText(f(d.meanCiLower), f(d.meanCiUpper), ctx.lang)}`, String(d.n)];
      })]),
    ];
  });
  return {
    header: [ctx.text('visit'), ...arms.flatMap((arm) => [`${ctx.armLabel(arm)}: ${fillPhrase(ctx.text('meanCiCol'), { ci })}`, `${ctx.armLabel(arm)}: n`])],
    rows,
    align: ['left', 'right', 'right', 'right', 'right'],
  };
}

export function trajectoriesSpec(result: Pick<AnalysisResult, 'descriptives'>, ctx: TrialChartContext): TopLevelSpec {
  const t = ctx.text;
  const arms = [ctx.armLabel('intervention'), ctx.armLabel('control')];
  const visits = ctx.visits.map((v) => ctx.shortTimeLabel(v));
  const outcomes = trajectoryOutcomes(result, ctx);
  const colourScale = { domain: arms, range: [ARM_COLOURS.intervention, ARM_COLOURS.control] };
  const weeks = new Map(ctx.visits.map((v) => [v, weeksSinceBaseline(v)]));
  const toScale = [...weeks.values()].every((w) => w !== null);
  const maxWeeks = Math.max(1, ...[...weeks.values()].map((w) => w ?? 0));
  // Dodge: half a percent of the span either side, enough to separate the whiskers.
  const dodge = (arm: string) => (arm === arms[0] ? -1 : 1) * 0.007 * maxWeeks;
  const panels = outcomes.map((key) => {
    const rows = observedMeans(result, key)
      .map((d) => ({ visit: ctx.shortTimeLabel(d.time), weeks: (weeks.get(d.time) ?? 0) + dodge(ctx.armLabel(d.arm)), arm: ctx.armLabel(d.arm), mean: d.mean, lo: d.meanCiLower, hi: d.meanCiUpper, n: d.n }));
    const heading = headingLines(ctx.outcomeLabel(key));
    const direction = ctx.directionOf(key) === 'lower-is-better' ? t('lowerIsBetter') : t('higherIsBetter');
    // Ticks at the visits, named as the tables name them; every other name on a second line (the panel is narrow).
    const ticks = visitTicks(ctx.visits.map((v) => ({ time: v, weeks: Math.round(weeks.get(v) ?? 0) })), ctx.lang);
    const x = toScale
      ? ({ field: 'weeks', type: 'quantitative', scale: { domain: [-0.03 * maxWeeks, 1.03 * maxWeeks], nice: false }, axis: { title: t('weeksAxis'), ...visitTickAxis(ticks, true), labelFontSize: FONT_SIZE, grid: false } } as const)
      : ({ field: 'visit', type: 'ordinal', sort: visits, scale: { domain: visits, paddingInner: 0.2 }, axis: { title: t('visit'), labelAngle: 0, labelFontSize: FONT_SIZE } } as const);
    const colour = { field: 'arm', type: 'nominal', scale: colourScale, legend: LEGEND } as const;
    const xOffset = toScale ? {} : { xOffset: { field: 'arm', type: 'nominal', scale: { domain: arms, paddingOuter: 0.6 } } as const };
    const y = { type: 'quantitative', scale: { zero: false }, axis: { title: fillPhrase(t('meanAxis'), { unit: ctx.unitOf(key), direction }).replace('(; ', '('), titleFontSize: 11 } } as const;
    return {
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      data: { values: rows },
      layer: [
        // The panel heading as a text mark: vega's grid layout reserves too much room for group titles.
        // A heading wider than its panel takes two lines (flush bounds would let it run into the next panel).
        { data: { values: [{}] }, mark: { type: 'text', align: 'left', baseline: 'bottom', fontSize: 12 }, encoding: { x: { value: 0 }, y: { value: heading.length > 1 ? -24 : -10 }, text: { datum: heading } } },
        { mark: { type: 'line', strokeWidth: 1.5 }, encoding: { x, ...xOffset, y: { field: 'mean', ...y }, color: colour } },
        { transform: [{ filter: 'datum.lo !== null' }], mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x, ...xOffset, y: { field: 'lo', ...y }, y2: { field: 'hi' }, color: colour } },
        {
          mark: { type: 'point', filled: true, size: 36, opacity: 1 },
          encoding: {
            x, ...xOffset, y: { field: 'mean', ...y }, color: colour,
            shape: { field: 'arm', type: 'nominal', scale: { domain: arms, range: ['circle', 'square'] }, legend: null },
          },
        },
      ],
    };
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t('trajectoriesChartTitle'), subtitle: t('trajectoriesSubtitle') },
    config: chartConfig(ctx.lang),
    columns: 3,
    // Flush bounds: the grid is laid out by the panels' own sizes; vega's estimate of the heading text
    // widths (no font metrics here) otherwise spreads the columns far apart. The spacing holds the
    // next panel's y axis (labels and title) and, between rows, the x axis (its visit names on two
    // lines) and the heading.
    bounds: 'flush',
    spacing: { row: 92, column: 78 },
    concat: panels,
    resolve: { scale: { y: 'independent' } },
  } as unknown as TopLevelSpec;
}
