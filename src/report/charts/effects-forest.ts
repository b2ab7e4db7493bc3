/**
 * Effects forest plot: one row per outcome × follow-up time, the between-group difference of the
 * primary method with its 95% CI, as a Vega-Lite spec with its data inline. Pure: analysis rows
 * and labels in, spec out.
 *
 *   Outcome, direction (a heading line over its rows)
 *     Time | plot (benefit ÷ MCID, right favours the app) | Benefit (95% CI) units | MCID | Verdict
 *   and under it the legend: the verdict of each marker colour and shape
 *
 * One sign convention (docs/report-trial.md#effects-forest): the plot and the number column both
 * show the BENEFIT — the difference signed so that positive favours the app — so every printed
 * number sits on the side of 0 its marker sits on. Outcomes have different units, so the plot axis
 * is the benefit in MCIDs (dashed lines at ±1); every row's own units are in the text columns.
 * Columns are views of one hconcat sharing the y scale (same row keys, same sort); headers are text
 * at a fixed pixel y. The outcome heads its rows on a line of its own (drawn by the first column,
 * over the others' empty cells), so no outcome column takes the width the verdict column needs at
 * ≥ 8 pt in print. Marker colour and shape repeat the verdict column, with a legend; every colour
 * has ≥ 3:1 contrast on the white and striped background (WCAG 2.1, 1.4.11). Outcomes without an
 * MCID are left to the responders chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult, EffectRow } from '../../analysis/results-schema.js';
import { responderRows } from './responders.js';
import { differenceDecisions, formatBound } from '../interval-bound.js';
import { fillPhrase, formatFixed, formatMcid, intervalText, type Lang, SHORT_RELEVANCE_TEXT, withUnit } from '../i18n.js';
import { methodText } from '../effects-table.js';
import { withSignificance } from '../verdict-notes.js';
import { textWidth } from '../render/chart-font.js';
import type { Relevance } from '../../judge/relevance.js';
import { chartConfig, FONT_SIZE, HARM_COLOUR, MCID_RULE, PALETTE } from './chart-style.js';
import type { TrialChartContext } from './trial-chart-context.js';
import { linesWidth, twoLines, wrapForVega } from './two-lines.js';
import type { Table } from '../text-table.js';

/**
 * Narrow enough (with the text columns, the outcome on its own line) that the chart prints its
 * 11 px text at ≥ 8 pt on a landscape A4 page (docs/report-trial.md#print).
 */
const PLOT_WIDTH = 224;
/**
 * Rows a little tighter than the other charts' 22 px: the chart, its heading and the page's
 * introduction then fit one landscape page together (docs/report-trial.md#print).
 */
const ROW_HEIGHT = 20;
const HEADER_Y = -10;
export const STRIPE = '#f2f2f2';

/**
 * Verdict → marker colour and shape. Only palette colours with ≥ 3:1 contrast on white and on the
 * stripe (the sky blue, orange and purple of RELEVANCE_COLOURS are 2.0–2.7:1 there); the shape
 * tells the verdicts apart without colour. Harm has its own colour (HARM_COLOUR, docs/colours.md), not usual care's.
 */
export const FOREST_VERDICT_STYLE: Readonly<Record<Relevance, { colour: string; shape: string }>> = {
  'relevant-benefit': { colour: PALETTE.green, shape: 'square' },
  'possibly-relevant-benefit': { colour: PALETTE.green, shape: 'triangle-up' },
  'significant-not-relevant': { colour: PALETTE.black, shape: 'diamond' },
  // Significant, the CI reaching the MCID: a triangle pointing at the MCID line it may reach.
  'significant-relevance-uncertain': { colour: PALETTE.black, shape: 'triangle-right' },
  'no-relevant-difference': { colour: PALETTE.grey, shape: 'circle' },
  inconclusive: { colour: PALETTE.grey, shape: 'cross' },
  'significant-harm-not-relevant': { colour: HARM_COLOUR, shape: 'diamond' },
  'significant-harm-relevance-uncertain': { colour: HARM_COLOUR, shape: 'triangle-left' },
  'possibly-relevant-harm': { colour: HARM_COLOUR, shape: 'triangle-down' },
  'relevant-harm': { colour: HARM_COLOUR, shape: 'square' },
};

/** A legend entry: the words a verdict column prints, and the verdict whose colour and shape they get. */
export interface VerdictEntry {
  text: string;
  relevance: Relevance;
}

/**
 * Colour and shape encodings of the verdicts drawn, named in one legend, on the data's
 * `verdictText`. Two entries may share a verdict's colour and shape when the column words them
 * apart ("…, not statistically significant; clinically relevant harm is not ruled out"). With no
 * verdict drawn (every row not computed) there is no legend: vega lays out a legend with an empty
 * domain at an infinite height, and the chart could not be drawn at all.
 */
export function verdictEncodings(entries: readonly VerdictEntry[], legend: object): { color: object; shape: object } {
  const domain = entries.map((e) => e.text);
  const encoding = (range: string[]) => ({ field: 'verdictText', type: 'nominal', scale: { domain, range }, legend: entries.length === 0 ? null : legend });
  return { color: encoding(entries.map((e) => FOREST_VERDICT_STYLE[e.relevance].colour)), shape: encoding(entries.map((e) => FOREST_VERDICT_STYLE[e.relevance].shape)) };
}

/**
 * The verdict as the effects forest's column and legend word it: with what its CI leaves open
 * (", not statistically significant; clinically relevant harm is not ruled out"), as every table
 * and sentence of the page does (verdict-notes.ts, docs/data-contracts.md#verdicts).
 */
function forestVerdictText(r: EffectRow, lang: Lang): string {
  return r.relevance ? withSignificance(SHORT_RELEVANCE_TEXT[r.relevance][lang], r, lang) : '';
}

interface ForestDatum {
  key: string;
  /** An outcome's heading line: its name and direction, no marker. */
  heading: boolean;
  outcomeText: string;
  timeText: string;
  est: number | null;
  lo: number | null;
  hi: number | null;
  effectText: string;
  mcidText: string;
  verdictText: string;
  colour: string;
  shape: string;
  band: boolean;
}

/** The rows the forest plot draws: the primary method's rows of outcomes with an MCID, plan order. */
export function forestRows(effects: readonly EffectRow[], method: EffectRow['method']): EffectRow[] {
  return effects.filter((e) => e.method === method && e.mcid !== null);
}

function niceLimit(maxAbs: number): number {
  const m = Math.max(1.25, maxAbs * 1.05);
  return m <= 2 ? Math.ceil(m * 4) / 4 : m <= 5 ? Math.ceil(m * 2) / 2 : Math.ceil(m);
}

/** Gap inside each column's right edge (columns touch, so the row stripes run across). */
const GAP = 11;

function stripes(width: number, keys: string[]): object {
  return {
    mark: { type: 'rect', color: STRIPE },
    transform: [{ filter: 'datum.band' }],
    encoding: { y: { field: 'key', type: 'nominal', sort: keys, axis: null, scale: { paddingInner: 0, paddingOuter: 0 } }, x: { value: 0 }, x2: { value: width } },
  };
}

function textColumn(field: keyof ForestDatum, header: string | string[], textW: number, keys: string[], align: 'left' | 'right' = 'left'): { width: number; height: number; layer: object[] } {
  const width = textW + GAP;
  const x = align === 'left' ? GAP / 2 : width - GAP / 2;
  return {
    width,
    height: keys.length * ROW_HEIGHT,
    layer: [
      stripes(width, keys),
      {
        transform: [{ filter: '!datum.heading' }],
        mark: { type: 'text', align, baseline: 'middle', fontSize: FONT_SIZE, color: '#222' },
        encoding: {
          y: { field: 'key', type: 'nominal', sort: keys, axis: null, scale: { paddingInner: 0, paddingOuter: 0 } },
          x: { value: x },
          text: { field },
        },
      },
      headerText(header, x, align),
    ],
  };
}

/** A column header at the header line; two lines stand on it, the first one line up. */
function headerText(text: string | string[], x: number, align: 'left' | 'right', dx = 0): object {
  return {
    data: { values: [{}] },
    mark: { type: 'text', align, baseline: 'bottom', dx, fontSize: FONT_SIZE, color: '#222' },
    encoding: { x: { value: x }, y: { value: HEADER_Y - (Array.isArray(text) ? FONT_SIZE + 2 : 0) }, text: { datum: text } },
  };
}

/** The forest's lines, outcome heading lines included, as the spec draws them and its numbers table lists them. */
function forestData(result: Pick<AnalysisResult, 'effects'>, ctx: TrialChartContext): ForestDatum[] {
  const lang: Lang = ctx.lang;
  const t = ctx.text;
  const rows = forestRows(result.effects, ctx.primaryMethod);
  const outcomes = [...new Set(rows.map((r) => r.outcome))];
  const blank = { timeText: '', est: null, lo: null, hi: null, effectText: '', mcidText: '', verdictText: '', colour: PALETTE.grey, shape: 'circle' };
  return rows.flatMap((r, i): ForestDatum[] => {
    const m = r.mcid as number;
    const d = ctx.decimalsOf(r.outcome);
    const f = (v: number) => formatFixed(v, d, lang);
    // Limits never rounded onto 0 or ±MCID (interval-bound.ts): the verdict beside them reads their side.
    const decisions = differenceDecisions(m);
    const b = (v: number) => formatBound(v, d, lang, decisions);
    const unit = ctx.unitOf(r.outcome);
    const band = outcomes.indexOf(r.outcome) % 2 === 0;
    const direction = ctx.directionOf(r.outcome) === 'lower-is-better' ? t('lowerIsBetter') : t('higherIsBetter');
    const ok = r.benefit !== null && r.benefitCiLower !== null && r.benefitCiUpper !== null;
    const style = r.relevance ? FOREST_VERDICT_STYLE[r.relevance] : { colour: PALETTE.grey, shape: 'circle' };
    const row: ForestDatum = {
      key: `${r.outcome}|${r.time}`,
      heading: false,
      outcomeText: '',
      timeText: ctx.timeLabel(r.time),
      est: ok ? (r.benefit as number) / m : null,
      lo: ok ? (r.benefitCiLower as number) / m : null,
      hi: ok ? (r.benefitCiUpper as number) / m : null,
      // The benefit, as plotted: its sign is the marker's side of 0.
      effectText: ok ? fillPhrase(t('forestInterval'), { est: f(r.benefit as number), lo: b(r.benefitCiLower as number), hi: b(r.benefitCiUpper as number), unit }).trimEnd() : t('notComputed'),
      mcidText: withUnit(formatMcid(m, lang), m, unit, lang),
      verdictText: r.relevance ? forestVerdictText(r, lang) : t('notComputed'),
      colour: style.colour,
      shape: style.shape,
      // Shade whole outcomes alternately so the rows of one outcome read as a group.
      band,
    };
    // The direction belongs to the outcome, so it goes with its name, on the outcome's heading line.
    if (rows[i - 1]?.outcome === r.outcome) return [row];
    return [{ ...blank, key: `${r.outcome}|`, heading: true, outcomeText: `${ctx.outcomeLabel(r.outcome)}, ${direction}`, band }, row];
  });
}

/**
 * The forest's numbers as a table, in the chart's own sign convention (the BENEFIT: positive
 * favours the intervention, for every outcome), for a reader who cannot see the chart (WCAG 2.1
 * 1.1.1). The page's table of all estimates gives the DIFFERENCE (intervention − control), the
 * opposite sign where lower is better, so it does not stand in for this one. A line per row the
 * chart draws, under its outcome's heading line: the benefit in MCIDs (the plotted position) with
 * its CI, then the text columns as printed (docs/report-trial.md, "The figure's numbers").
 */
export function effectsForestNumbers(result: Pick<AnalysisResult, 'effects'>, ctx: TrialChartContext): Table {
  const t = ctx.text;
  const f = (v: number) => formatFixed(v, 2, ctx.lang);
  // Limits never rounded onto 0 or ±1 MCID (interval-bound.ts), as the chart's own text columns.
  const b = (v: number) => formatBound(v, 2, ctx.lang, differenceDecisions(1));
  const rows = forestData(result, ctx).map((d) => {
    if (d.heading) return [d.outcomeText, '', '', '', ''];
    const inMcids = d.est === null || d.lo === null || d.hi === null ? t('notComputed') : `${f(d.est)} ${intervalText(b(d.lo), b(d.hi), ctx.lang)}`;
    return [`  ${d.timeText}`, inMcids, d.effectText, d.mcidText, d.verdictText];
  });
  return {
    // The axis title without its "(dashed: ±1 MCID)": the table has no dashed lines.
    header: [t('time'), t('forestAxis').replace(/ \([^()]*\)$/, ''), t('benefitCol').replace('|', '; '), t('mcid'), t('verdict')],
    rows,
    align: ['left', 'right', 'right', 'right', 'left'],
    fit: ['nowrap'],
  };
}

export function effectsForestSpec(result: Pick<AnalysisResult, 'effects'>, ctx: TrialChartContext): TopLevelSpec {
  const lang: Lang = ctx.lang;
  const t = ctx.text;
  const rows = forestRows(result.effects, ctx.primaryMethod);
  const data = forestData(result, ctx);
  const keys = data.map((d) => d.key);
  const height = keys.length * ROW_HEIGHT;
  const limit = niceLimit(Math.max(0, ...data.flatMap((d) => [Math.abs(d.lo ?? 0), Math.abs(d.hi ?? 0)])));
  const rowsOnly = data.filter((d) => !d.heading);
  const width = (field: keyof ForestDatum) => Math.max(...rowsOnly.map((d) => textWidth(String(d[field]), FONT_SIZE)));
  const yRow = { field: 'key', type: 'nominal', sort: keys, axis: null, scale: { paddingInner: 0, paddingOuter: 0 } } as const;
  const x = { type: 'quantitative', scale: { domain: [-limit, limit], nice: false, zero: false } } as const;
  const method = methodText(ctx.primaryMethod, lang);
  // One legend entry per verdict wording drawn (the verdict column's words), verdicts in FOREST_VERDICT_STYLE's order.
  const drawn = rows.filter((r) => r.relevance && r.benefit !== null);
  const entries: VerdictEntry[] = (Object.keys(FOREST_VERDICT_STYLE) as Relevance[]).flatMap((v) =>
    [...new Set(drawn.filter((r) => r.relevance === v).map((r) => forestVerdictText(r, lang)))].sort().map((text) => ({ text, relevance: v })),
  );
  // Wide enough for the longest wording: a label cut with "…" would cut off what the CI leaves open.
  const labelLimit = Math.max(360, ...entries.map((e) => Math.ceil(textWidth(e.text, FONT_SIZE)) + 8));
  const legendSpec = { title: t('verdict'), orient: 'bottom', labelLimit, direction: 'horizontal', gridAlign: 'none', columnPadding: 16, titleOrient: 'left', titlePadding: 12, symbolStrokeWidth: 0, labelColor: '#222', titleColor: '#222' } as const;
  const verdict = verdictEncodings(entries, legendSpec);

  // A long favours label (Danish "← Til fordel for vanlig behandling") takes two lines, so it does
  // not widen the plot much beyond PLOT_WIDTH; a shorter one stays whole and readable.
  const favours = [twoLines(t('favoursControl'), 0.6 * PLOT_WIDTH), twoLines(t('favoursApp'), 0.6 * PLOT_WIDTH)] as const;
  const favoursWidth = Math.max(...favours.map((f) => linesWidth(f))) + 6;
  const plotWidth = Math.max(PLOT_WIDTH, 2 * favoursWidth);
  const plot = {
    width: plotWidth,
    height,
    layer: [
      stripes(plotWidth, keys),
      // ±1 MCID dashed, 0 solid: row by row, so the outcome heading lines stay clear of them.
      ...[-1, 0, 1].map((v) => ({
        transform: [{ filter: '!datum.heading' }, { calculate: String(v), as: 'v' }],
        mark: { type: 'rule', ...(v === 0 ? { color: '#222' } : { ...MCID_RULE }) },
        encoding: { y: { ...yRow, bandPosition: 0 }, y2: { field: 'key', bandPosition: 1 }, x: { field: 'v', ...x } },
      })),
      {
        transform: [{ filter: 'datum.est !== null' }],
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { y: yRow, x: { field: 'lo', ...x }, x2: { field: 'hi' }, color: verdict.color },
      },
      {
        transform: [{ filter: 'datum.est !== null' }],
        mark: { type: 'point', filled: true, size: 80, opacity: 1 },
        encoding: {
          y: yRow,
          x: {
            field: 'est',
            ...x,
            axis: { title: t('forestAxis'), grid: false, tickCount: Math.min(2 * limit + 1, 9), titlePadding: 8 },
          },
          // The verdict in colour and shape, named in the legend (the same words as the verdict column).
          color: verdict.color,
          shape: verdict.shape,
        },
      },
      headerText(favours[0], plotWidth / 2, 'right', -4),
      headerText(favours[1], plotWidth / 2, 'left', 4),
    ],
  };

  const time = textColumn('timeText', t('time'), Math.max(width('timeText'), textWidth(t('time'), FONT_SIZE)), keys);
  const effectHeader = t('benefitCol').split('|');
  const mcidHeader = twoLines(t('mcid'), width('mcidText'));
  const columns = [
    time,
    plot,
    textColumn('effectText', effectHeader, Math.max(width('effectText'), linesWidth(effectHeader)), keys, 'right'),
    textColumn('mcidText', mcidHeader, Math.max(width('mcidText'), linesWidth(mcidHeader)), keys, 'right'),
    textColumn('verdictText', t('verdict'), Math.max(width('verdictText'), textWidth(t('verdict'), FONT_SIZE)), keys),
  ];
  // The outcome heading lines run over the empty cells of every column; the last column widens
  // when the longest would not fit the chart.
  const total = columns.reduce((w, c) => w + c.width, 0);
  const headingWidth = Math.max(...data.filter((d) => d.heading).map((d) => textWidth(d.outcomeText, FONT_SIZE))) + GAP;
  if (headingWidth > total) columns[4]!.width += headingWidth - total;
  // The row stripes: drawn once, by the first column across the chart, under everything the
  // other columns draw and clear of the heading lines' text.
  for (const c of columns.slice(1)) c.layer.shift();
  time.layer[0] = stripes(Math.max(total, headingWidth), keys);
  time.layer.push({
    transform: [{ filter: 'datum.heading' }],
    mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: FONT_SIZE, fontWeight: 'bold', color: '#000' },
    encoding: { y: yRow, x: { value: GAP / 2 }, text: { field: 'outcomeText' } },
  });

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // The second part points to the responders chart, which exists only when there are responder
    // rows; each part wrapped to the chart's width, so it does not widen the chart.
    title: {
      text: t('forestTitle'),
      subtitle: fillPhrase(t('forestSubtitle'), { method }).split('|').slice(0, responderRows(result.effects).length > 0 ? 2 : 1).flatMap((part) => wrapForVega(part, Math.max(total, headingWidth))),
      subtitlePadding: 6,
    },
    config: chartConfig(lang),
    data: { values: data },
    spacing: 0,
    bounds: 'flush',
    hconcat: columns,
    resolve: { scale: { y: 'shared' } },
  } as unknown as TopLevelSpec;
}
