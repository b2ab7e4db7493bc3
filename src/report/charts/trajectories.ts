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
import { printedWidthPx } from '../html-page.js';
import type { Table } from '../text-table.js';
import { weeksSinceBaseline } from '../../plan/visit-weeks.js';
import { ARM_COLOURS, chartConfig, FONT_SIZE } from './chart-style.js';
import { textWidth } from '../render/chart-font.js';
import type { TrialChartContext } from './trial-chart-context.js';
import { fitLines, fittedWidth, wrapLines } from './two-lines.js';
import { visitTickAxis, visitTickLabel, visitTicks } from './visit-ticks.js';

// Three panels a row, narrow enough to print at ≥ 8 pt on a landscape A4 page (docs/report-trial.md#print).
const PANEL_WIDTH = 230;
const PANEL_HEIGHT = 128;

/** A panel heading on one line, or on two split at the word that best balances them when wider than the panel. */
function headingLines(text: string, panelWidth: number): string[] {
  if (textWidth(text, 12) <= panelWidth + 20) return [text];
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
const Y_TITLE_SIZE = 11;

/** The ordinal visit axis's band scale: the gap between bands and beyond the outer ones, as a share of a step. */
const BAND_PADDING = 0.2;
/** Room between two labels side by side, and the most lines a label takes. */
const LABEL_GAP = 6;
const LABEL_LINES = 3;
/** A line of 11 px names, as vega spaces them; and the room between two upright names. */
const LINE_HEIGHT = 13;
const UPRIGHT_GAP = 2;
/** Below the axis line before an upright name starts: vega-lite's tick (5 px) and label padding (2 px), and a margin. */
const UPRIGHT_TICK_AND_PADDING = 10;
/** Between two panels of a row: the next panel's y axis (labels and a two-line title). */
const COLUMN_SPACING = 78;
/** Between an ordinal axis's lowest name and its title ("Visit"), which vega's estimate of the labels' height leaves touching. */
const ORDINAL_TITLE_PADDING = 8;
/** Left of the first panel, its y axis and the chart's padding; right of the last, the padding. */
const LEFT_ROOM = 61;
const RIGHT_ROOM = 12;
/** The widest chart whose 11 px text prints at ≥ 8 pt on a landscape A4 page (docs/report-trial.md#print), less a margin. */
const MAX_CHART_WIDTH = 1040;

/** An ordinal visit axis laid out for the names it must print: its labels, the panel width they need, and how far they reach past it. */
interface OrdinalVisitAxis {
  axis: { labelExpr: string; labelOverlap: false; labelLimit: 0; labelAngle?: number; labelAlign?: 'right'; labelBaseline?: 'middle'; maxExtent?: number };
  /** The most lines a label takes (a staggered one counts the upper level's lines above it). */
  lines: number;
  /** How far below the axis the names reach, in px: their lines, or a name's length when turned upright. */
  depth: number;
  panelWidth: number;
  /** How far the first label reaches left of the panel and the last right of it, in px. */
  overhang: { left: number; right: number };
  /** The names (and the axis title) only under a column's lowest panel: the panels above show the ticks only. */
  lowestRowOnly?: boolean;
}

/**
 * The labels of an ordinal visit axis (visits hta cannot place on a weeks scale): each name
 * broken at spaces into up to three lines no wider than its band, as the forest and flow charts
 * wrap theirs; when a word is wider than its band, every other name a level lower, as the weeks
 * axis staggers its names (visit-ticks.ts), so each has two bands' room. Never cut where a chart
 * that prints its text at ≥ 8 pt can hold the names whole: every panel width from the usual one up
 * that holds them (side by side, else staggered) is a candidate, and the chart takes the first
 * whose grid (three panels a row, else two, else one) prints at ≥ 8 pt (`chartLayout`). A name
 * reaching past the panel's edge widens the gap to the next panel by as much (the caller's column
 * spacing), so it never runs into that panel's y axis.
 */
function* ordinalCandidates(visits: readonly string[]): Generator<OrdinalVisitAxis> {
  const widest = MAX_CHART_WIDTH - LEFT_ROOM - RIGHT_ROOM;
  for (let width = PANEL_WIDTH; width <= widest; width += 2) {
    const side = ordinalLayout(visits, width, false, wrapLines);
    if (side) yield side;
    const staggered = ordinalLayout(visits, width, true, wrapLines);
    if (staggered) yield staggered;
  }
}

/**
 * The last resort, where no chart that prints at ≥ 8 pt holds the names whole: the names at the
 * usual width, side by side, else staggered and cut with "…" to at most three lines, then two, then
 * one (fewer lines, a shorter chart). The figure's numbers under the chart name every visit whole.
 */
function* cutOrdinalAxes(visits: readonly string[]): Generator<OrdinalVisitAxis> {
  for (const maxLines of [LABEL_LINES, 2, 1]) {
    yield ordinalLayout(visits, PANEL_WIDTH, false, (t, room) => wrapLines(t, room, maxLines)) ?? ordinalLayout(visits, PANEL_WIDTH, true, (t, room) => fitLines(t, room, maxLines))!;
  }
}

/** The labels of `visits` in a panel `width` px wide, side by side or staggered; null when `wrap` cannot fit one. */
function ordinalLayout(visits: readonly string[], width: number, stagger: boolean, wrap: (text: string, room: number, maxLines: number) => string[] | null): OrdinalVisitAxis | null {
  const n = Math.max(1, visits.length);
  // vega's band scale spans n − paddingInner + 2 × paddingOuter steps: n + BAND_PADDING, both paddings being BAND_PADDING.
  const step = width / (n + BAND_PADDING);
  const lines: string[][] = [];
  for (const v of visits) {
    const l = wrap(v, (stagger ? 2 * step : step) - LABEL_GAP, LABEL_LINES);
    if (!l) return null;
    lines.push(l);
  }
  // Each label is centred on its band's middle.
  const centre = (k: number) => width / 2 + (k - (n - 1) / 2) * step;
  const half = lines.map((l) => fittedWidth(l) / 2);
  const overhang = {
    left: Math.max(0, ...half.map((h, k) => h - centre(k))),
    right: Math.max(0, ...half.map((h, k) => centre(k) + h - width)),
  };
  const depth = Math.max(0, ...lines.filter((_, k) => k % 2 === 0).map((l) => l.length));
  // The lower names start below the upper ones' last line (a zero-width space: an empty or blank line is dropped when drawn).
  const drawn = lines.map((l, k) => (stagger && k % 2 === 1 ? [...new Array<string>(depth).fill('\u200b'), ...l] : l));
  const labelExpr = visits.reduceRight((rest, v, k) => `datum.value === ${JSON.stringify(v)} ? ${JSON.stringify(drawn[k])} : ${rest}`, 'datum.label');
  const most = Math.max(1, ...drawn.map((l) => l.length));
  return { axis: { labelExpr, labelOverlap: false, labelLimit: 0 }, lines: most, depth: LINE_HEIGHT * most, panelWidth: width, overhang };
}

/**
 * Where no chart that prints at ≥ 8 pt holds the names across (ten or more eCRF visits, "Opfølgning
 * 11 (telefonkontakt)"): each name turned upright, reading upwards from its tick, whole on one line
 * or in two or three lines of even width side by side within its band. The panels grow taller by the
 * longest name instead of wider, so the names stay whole; from the usual width up, fewest lines
 * (the narrowest panel) first.
 */
function* uprightCandidates(visits: readonly string[], lowestRowOnly = false): Generator<OrdinalVisitAxis> {
  const n = Math.max(1, visits.length);
  const widest = MAX_CHART_WIDTH - LEFT_ROOM - RIGHT_ROOM;
  const split = [1, 2, 3].map((k) => visits.map((v) => evenLines(v, k)));
  for (let width = PANEL_WIDTH; width <= widest; width += 2) {
    const step = width / (n + BAND_PADDING);
    for (const lines of split) {
      const most = Math.max(1, ...lines.map((l) => l.length));
      // Side by side, a name's lines take a line height each; a little room to the next name.
      if (most * LINE_HEIGHT + UPRIGHT_GAP > step) continue;
      yield uprightAxis(visits, lines, width, lowestRowOnly);
    }
  }
}

/**
 * Where even upright names under the lowest row only make the chart print under 8 pt (five or more
 * outcomes, names of some 44 characters): upright at the usual width, under the lowest row, each
 * name on one line cut with "…" to the longest length that prints — so "baseline" and the start of
 * every name stay; the figure's numbers under the chart name every visit whole.
 */
function* cutUprightCandidates(visits: readonly string[]): Generator<OrdinalVisitAxis> {
  const step = PANEL_WIDTH / (Math.max(1, visits.length) + BAND_PADDING);
  if (LINE_HEIGHT + UPRIGHT_GAP > step) return;
  const longest = Math.max(0, ...visits.map((v) => fittedWidth([v])));
  for (let room = Math.floor(longest) - 10; room >= 60; room -= 10) yield uprightAxis(visits, visits.map((v) => fitLines(v, room, 1)), PANEL_WIDTH, true);
}

/** Each visit's name drawn as `lines[k]`, turned upright, in panels `width` px wide. */
function uprightAxis(visits: readonly string[], lines: readonly string[][], width: number, lowestRowOnly: boolean): OrdinalVisitAxis {
  const labelExpr = visits.reduceRight((rest, v, k) => `datum.value === ${JSON.stringify(v)} ? ${JSON.stringify(lines[k])} : ${rest}`, 'datum.label');
  const depth = Math.max(0, ...lines.map((l) => fittedWidth(l)));
  // vega places the axis title below the ticks and labels but at most `maxExtent` (200 px by default) below the axis:
  // a name longer than that had the title ("Visit") drawn across it. The labels' reach: the tick, its padding, the name.
  const maxExtent = Math.ceil(depth) + UPRIGHT_TICK_AND_PADDING;
  const most = Math.max(1, ...lines.map((l) => l.length));
  return { axis: { labelExpr, labelOverlap: false, labelLimit: 0, labelAngle: -90, labelAlign: 'right', labelBaseline: 'middle', maxExtent }, lines: most, depth, panelWidth: width, overhang: { left: 0, right: 0 }, ...(lowestRowOnly ? { lowestRowOnly } : {}) };
}

/** A name in at most `k` lines of the most even width it has (fewer where it has fewer words). */
function evenLines(text: string, k: number): string[] {
  const whole = fittedWidth([text]);
  let [lo, hi] = [0, whole];
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    if (wrapLines(text, mid, k)) hi = mid;
    else lo = mid;
  }
  return wrapLines(text, hi, k) ?? [text];
}

/** The chart's width with `columns` panels a row. */
function chartWidthOf(columns: number, panelWidth: number, spacing: number, overhang: { left: number; right: number }): number {
  return LEFT_ROOM + overhang.left + columns * panelWidth + (columns - 1) * spacing + overhang.right + RIGHT_ROOM;
}

/**
 * The chart's height, estimated from its parts as vega draws them (title, subtitle and legend
 * above; a heading, the panel, its visit names and the axis title per row; measured on the drawn
 * charts, test/report/charts/trajectories-untimed-visits.test.ts): one row with names on up to two lines
 * is 310 px, a two-line heading 14 px more, each further line of names 13 px, each further row a
 * panel and the row spacing.
 */
function chartHeightOf(rows: number, depth: number, rowSpacing: number, twoLineHeading: boolean): number {
  return 310 + (twoLineHeading ? 14 : 0) + Math.max(0, depth - 2 * LINE_HEIGHT) + (rows - 1) * (PANEL_HEIGHT + rowSpacing);
}

/**
 * Between rows: the x axis (its visit names on two lines or more; an ordinal axis's title a little
 * lower when a name takes more than one line) and the next row's heading.
 */
function rowSpacingOf(ordinal: OrdinalVisitAxis | undefined): number {
  // Ticks only, then the next row's heading (two lines reach some 50 px above its panel).
  if (ordinal?.lowestRowOnly) return 58;
  return 92 + (ordinal ? Math.max(0, ordinal.depth - 2 * LINE_HEIGHT) + (ordinal.lines > 1 || ordinal.axis.labelAngle ? ORDINAL_TITLE_PADDING + 6 : 0) : 0);
}

/** The size, in pt, that the chart's 11 px text prints at (html-page.ts: landscape when it fits the page's height, else scaled to the portrait width). */
function printedPt(width: number, height: number): number {
  return (FONT_SIZE * 0.75 * printedWidthPx({ width, height })) / width;
}

/** The smallest printed text (docs/report-trial.md#print). */
const MIN_PRINTED_PT = 8;

interface ChartLayout { ordinal: OrdinalVisitAxis | undefined; columns: number; rowSpacing: number; columnSpacing: number }

/**
 * The panel width, visit names and panels a row: the first candidate (narrowest panel, then most
 * panels a row) whose chart fits the widest chart that prints and prints its text at ≥ 8 pt on
 * the page it prints on — landscape only when it fits that page's height too, so a wider chart
 * with more rows is no gain. Where none does, the names cut at the usual width (upright, `cutUprightCandidates`, else across, `cutOrdinalAxes`);
 * where even that prints under 8 pt, the layout that prints largest.
 */
function chartLayout(visits: readonly string[] | undefined, panels: number, twoLineHeading: (panelWidth: number) => boolean): ChartLayout {
  const lay = (ordinal: OrdinalVisitAxis | undefined, columns: number) => {
    const overhang = ordinal?.overhang ?? { left: 0, right: 0 };
    const panelWidth = ordinal?.panelWidth ?? PANEL_WIDTH;
    const columnSpacing = COLUMN_SPACING + Math.ceil(overhang.left + overhang.right);
    const rowSpacing = rowSpacingOf(ordinal);
    const width = chartWidthOf(Math.min(columns, Math.max(1, panels)), panelWidth, columnSpacing, overhang);
    const height = chartHeightOf(Math.ceil(Math.max(1, panels) / columns), ordinal?.depth ?? 2 * LINE_HEIGHT, rowSpacing, twoLineHeading(panelWidth));
    return { layout: { ordinal, columns, rowSpacing, columnSpacing }, width, pt: printedPt(width, height) };
  };
  if (!visits) return lay(undefined, 3).layout;
  let best: ReturnType<typeof lay> | undefined;
  // Upright names under every row, else under the lowest row only (four outcomes and twelve visits named "Opfølgning 1
  // (telefonkontakt efter 4 uger)" …: a second row of names made the chart too tall to print at ≥ 8 pt), else upright and
  // cut as little as prints, else across and cut.
  for (const candidates of [ordinalCandidates(visits), uprightCandidates(visits), uprightCandidates(visits, true), cutUprightCandidates(visits), cutOrdinalAxes(visits)]) {
    for (const ordinal of candidates) {
      for (const columns of [3, 2, 1]) {
        const l = lay(ordinal, columns);
        if (l.width > MAX_CHART_WIDTH) continue;
        if (l.pt >= MIN_PRINTED_PT) return l.layout;
        // Whole names before cut ones at the same size.
        if (!best || l.pt > best.pt + 1e-9) best = l;
      }
    }
  }
  return best!.layout;
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
  // Visits named as the weeks axis names them ("baseline", "3 mdr."), so an ordinal axis says the same.
  const visitName = (v: string) => visitTickLabel(v, ctx.lang);
  const visits = ctx.visits.map(visitName);
  const outcomes = trajectoryOutcomes(result, ctx);
  const colourScale = { domain: arms, range: [ARM_COLOURS.intervention, ARM_COLOURS.control] };
  const weeks = new Map(ctx.visits.map((v) => [v, weeksSinceBaseline(v)]));
  const toScale = [...weeks.values()].every((w) => w !== null);
  const maxWeeks = Math.max(1, ...[...weeks.values()].map((w) => w ?? 0));
  // Dodge: half a percent of the span either side, enough to separate the whiskers.
  const dodge = (arm: string) => (arm === arms[0] ? -1 : 1) * 0.007 * maxWeeks;
  // An ordinal axis's names, wrapped (and staggered) within their bands: as many lines as the deepest, the panels as wide as they need,
  // as many a row as keep the printed text at ≥ 8 pt.
  const layout = chartLayout(toScale ? undefined : visits, outcomes.length, (w) => outcomes.some((key) => headingLines(ctx.outcomeLabel(key), w).length > 1));
  const ordinal = layout.ordinal;
  const panelWidth = ordinal?.panelWidth ?? PANEL_WIDTH;
  const columnSpacing = layout.columnSpacing;
  // Under the lowest panel of its column: no panel `columns` further on.
  const namesUnder = (k: number) => !ordinal?.lowestRowOnly || k + layout.columns >= outcomes.length;
  const panels = outcomes.map((key, k) => {
    const rows = observedMeans(result, key)
      .map((d) => ({ visit: visitName(d.time), weeks: (weeks.get(d.time) ?? 0) + dodge(ctx.armLabel(d.arm)), arm: ctx.armLabel(d.arm), mean: d.mean, lo: d.meanCiLower, hi: d.meanCiUpper, n: d.n }));
    const heading = headingLines(ctx.outcomeLabel(key), panelWidth);
    const direction = ctx.directionOf(key) === 'lower-is-better' ? t('lowerIsBetter') : t('higherIsBetter');
    // Ticks at the visits, named as the tables name them; every other name on a second line (the panel is narrow).
    const ticks = visitTicks(ctx.visits.map((v) => ({ time: v, weeks: Math.round(weeks.get(v) ?? 0) })), ctx.lang);
    const x = toScale
      ? ({ field: 'weeks', type: 'quantitative', scale: { domain: [-0.03 * maxWeeks, 1.03 * maxWeeks], nice: false }, axis: { title: t('weeksAxis'), ...visitTickAxis(ticks, true), labelFontSize: FONT_SIZE, grid: false } } as const)
      : ({ field: 'visit', type: 'ordinal', sort: visits, scale: { domain: visits, paddingInner: BAND_PADDING, paddingOuter: BAND_PADDING }, axis: namesUnder(k) ? { title: t('visit'), labelAngle: 0, labelFontSize: FONT_SIZE, ...ordinal!.axis, ...(ordinal!.lines > 1 || ordinal!.axis.labelAngle ? { titlePadding: ORDINAL_TITLE_PADDING } : {}) } : { title: null, labels: false } } as const);
    const colour = { field: 'arm', type: 'nominal', scale: colourScale, legend: LEGEND } as const;
    const xOffset = toScale ? {} : { xOffset: { field: 'arm', type: 'nominal', scale: { domain: arms, paddingOuter: 0.6 } } as const };
    // The y title on up to two lines no longer than the panel is high: one line ran past the plot (a Danish "Gennemsnit (indekspoint; højere er bedre)").
    const yTitle = fitLines(fillPhrase(t('meanAxis'), { unit: ctx.unitOf(key), direction }).replace('(; ', '('), PANEL_HEIGHT + 16, 2, { fontSize: Y_TITLE_SIZE });
    const y = { type: 'quantitative', scale: { zero: false }, axis: { title: yTitle.length > 1 ? yTitle : yTitle[0], titleFontSize: Y_TITLE_SIZE } } as const;
    return {
      width: panelWidth,
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
    columns: layout.columns,
    // Flush bounds: the grid is laid out by the panels' own sizes; vega's estimate of the heading text
    // widths (no font metrics here) otherwise spreads the columns far apart. The spacing holds the
    // next panel's y axis (labels and title) and any visit name reaching past a panel's edge and,
    // between rows, the x axis (its visit names on two lines or more, an ordinal axis's title a little
    // lower) and the heading.
    bounds: 'flush',
    spacing: { row: layout.rowSpacing, column: columnSpacing },
    concat: panels,
    resolve: { scale: { y: 'independent' } },
  } as unknown as TopLevelSpec;
}
