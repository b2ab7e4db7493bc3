/**
 * Effects forest plot: one row per outcome × follow-up time, the between-group difference of the
 * primary method with its 95% CI, as a Vega-Lite spec with its data inline. Pure: analysis rows
 * and labels in, spec out.
 *
 *   Outcome, direction | Time | plot (benefit ÷ MCID, right favours the app) | Benefit (95% CI) units | MCID
 *   and under it the legend: the verdict of each marker colour and shape
 *
 * One sign convention (docs/report-trial.md#effects-forest): the plot and the number column both
 * show the BENEFIT — the difference signed so that positive favours the app — so every printed
 * number sits on the side of 0 its marker sits on. Outcomes have different units, so the plot axis
 * is the benefit in MCIDs (dashed lines at ±1); every row's own units are in the text columns.
 * Columns are views of one hconcat sharing the y scale (same row keys, same sort); headers are text
 * at a fixed pixel y. Marker colour and shape repeat the verdict column, with a legend; every colour
 * has ≥ 3:1 contrast on the white and striped background (WCAG 2.1, 1.4.11). Outcomes without an
 * MCID are left to the responders chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult, EffectRow } from '../../analysis/results-schema.js';
import { responderRows } from './responders.js';
import { fillPhrase, formatFixed, formatMcid, intervalText, type Lang, SHORT_RELEVANCE_TEXT, withUnit } from '../i18n.js';
import { methodText } from '../effects-table.js';
import { textWidth } from '../render/chart-font.js';
import type { Relevance } from '../../judge/relevance.js';
import { chartConfig, FONT_SIZE, PALETTE, ROW_HEIGHT } from './chart-style.js';
import type { TrialChartContext } from './trial-chart-context.js';

/**
 * Narrow enough (with the text columns, and no verdict column: the legend names the verdict of
 * each marker's colour and shape) that the chart prints its 11 px text at ≥ 8 pt on a landscape
 * A4 page (docs/report-trial.md#print).
 */
const PLOT_WIDTH = 240;
const HEADER_Y = -10;
export const STRIPE = '#f2f2f2';

/**
 * Verdict → marker colour and shape. Only palette colours with ≥ 3:1 contrast on white and on the
 * stripe (the sky blue, orange and purple of RELEVANCE_COLOURS are 2.0–2.7:1 there); the shape
 * tells the verdicts apart without colour. Harm takes usual care's vermillion: it favours usual care.
 */
export const FOREST_VERDICT_STYLE: Readonly<Record<Relevance, { colour: string; shape: string }>> = {
  'relevant-benefit': { colour: PALETTE.green, shape: 'square' },
  'possibly-relevant-benefit': { colour: PALETTE.green, shape: 'triangle-up' },
  'significant-not-relevant': { colour: PALETTE.black, shape: 'diamond' },
  'no-relevant-difference': { colour: PALETTE.grey, shape: 'circle' },
  inconclusive: { colour: PALETTE.grey, shape: 'cross' },
  'significant-harm-not-relevant': { colour: PALETTE.vermillion, shape: 'diamond' },
  'possibly-relevant-harm': { colour: PALETTE.vermillion, shape: 'triangle-down' },
  'relevant-harm': { colour: PALETTE.vermillion, shape: 'square' },
};

interface ForestDatum {
  key: string;
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

function textColumn(field: keyof ForestDatum, header: string, textW: number, keys: string[], align: 'left' | 'right' = 'left', colourField?: keyof ForestDatum): object {
  const width = textW + GAP;
  const x = align === 'left' ? GAP / 2 : width - GAP / 2;
  return {
    width,
    height: keys.length * ROW_HEIGHT,
    layer: [
      stripes(width, keys),
      {
        mark: { type: 'text', align, baseline: 'middle', fontSize: FONT_SIZE },
        encoding: {
          y: { field: 'key', type: 'nominal', sort: keys, axis: null, scale: { paddingInner: 0, paddingOuter: 0 } },
          x: { value: x },
          text: { field },
          ...(colourField ? { color: { field: colourField, type: 'nominal', scale: null, legend: null } } : {}),
        },
      },
      {
        data: { values: [{}] },
        mark: { type: 'text', align, baseline: 'bottom', fontSize: FONT_SIZE, color: '#222' },
        encoding: { x: { value: x }, y: { value: HEADER_Y }, text: { datum: header } },
      },
    ],
  };
}

export function effectsForestSpec(result: Pick<AnalysisResult, 'effects'>, ctx: TrialChartContext): TopLevelSpec {
  const lang: Lang = ctx.lang;
  const t = ctx.text;
  const rows = forestRows(result.effects, ctx.primaryMethod);
  const seen = new Set<string>();
  const outcomes = [...new Set(rows.map((r) => r.outcome))];
  const data: ForestDatum[] = rows.map((r) => {
    const m = r.mcid as number;
    const d = ctx.decimalsOf(r.outcome);
    const f = (v: number) => formatFixed(v, d, lang);
    const unit = ctx.unitOf(r.outcome);
    const first = !seen.has(r.outcome);
    seen.add(r.outcome);
    const direction = ctx.directionOf(r.outcome) === 'lower-is-better' ? t('lowerIsBetter') : t('higherIsBetter');
    const ok = r.benefit !== null && r.benefitCiLower !== null && r.benefitCiUpper !== null;
    const style = r.relevance ? FOREST_VERDICT_STYLE[r.relevance] : { colour: PALETTE.grey, shape: 'circle' };
    return {
      key: `${r.outcome}|${r.time}`,
      // The direction belongs to the outcome, so it goes with its name (first row only; it is one outcome).
      outcomeText: first ? `${ctx.outcomeLabel(r.outcome)}, ${direction}` : '',
      timeText: ctx.timeLabel(r.time),
      est: ok ? (r.benefit as number) / m : null,
      lo: ok ? (r.benefitCiLower as number) / m : null,
      hi: ok ? (r.benefitCiUpper as number) / m : null,
      // The benefit, as plotted: its sign is the marker's side of 0.
      effectText: ok ? fillPhrase(t('forestInterval'), { est: f(r.benefit as number), lo: f(r.benefitCiLower as number), hi: f(r.benefitCiUpper as number), unit }) : t('notComputed'),
      mcidText: withUnit(formatMcid(m, lang), m, unit),
      verdictText: r.relevance ? SHORT_RELEVANCE_TEXT[r.relevance][lang] : t('notComputed'),
      colour: style.colour,
      shape: style.shape,
      // Shade whole outcomes alternately so the rows of one outcome read as a group.
      band: outcomes.indexOf(r.outcome) % 2 === 0,
    };
  });
  const keys = data.map((d) => d.key);
  const height = keys.length * ROW_HEIGHT;
  const limit = niceLimit(Math.max(0, ...data.flatMap((d) => [Math.abs(d.lo ?? 0), Math.abs(d.hi ?? 0)])));
  const width = (field: keyof ForestDatum, header: string) => Math.max(textWidth(header, FONT_SIZE), ...data.map((d) => textWidth(String(d[field]), FONT_SIZE)));
  const yRow = { field: 'key', type: 'nominal', sort: keys, axis: null, scale: { paddingInner: 0, paddingOuter: 0 } } as const;
  const x = { type: 'quantitative', scale: { domain: [-limit, limit], nice: false, zero: false } } as const;
  const method = methodText(ctx.primaryMethod, lang);
  // One legend entry per verdict drawn, in the order of FOREST_VERDICT_STYLE.
  const legend = (Object.keys(FOREST_VERDICT_STYLE) as Relevance[])
    .filter((v) => rows.some((r) => r.relevance === v && r.benefit !== null))
    .map((v) => ({ text: SHORT_RELEVANCE_TEXT[v][lang], ...FOREST_VERDICT_STYLE[v] }));
  const legendSpec = { title: t('verdict'), orient: 'bottom', direction: 'horizontal', symbolStrokeWidth: 0, labelColor: '#222', titleColor: '#222' } as const;
  const verdictColour = { field: 'verdictText', type: 'nominal', scale: { domain: legend.map((l) => l.text), range: legend.map((l) => l.colour) }, legend: legendSpec } as const;

  // A long favours label (Danish "← Til fordel for vanlig behandling") takes two lines, so it does
  // not widen the plot much beyond PLOT_WIDTH; a shorter one stays whole and readable.
  const favoursLines = (text: string): string | string[] => {
    if (textWidth(text, FONT_SIZE) <= 0.8 * PLOT_WIDTH) return text;
    const words = text.split(' ');
    let best: string[] = [text];
    let bestWidth = Infinity;
    for (let i = 1; i < words.length; i++) {
      const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
      const w = Math.max(...lines.map((l) => textWidth(l, FONT_SIZE)));
      if (w < bestWidth) [best, bestWidth] = [lines, w];
    }
    return best;
  };
  // Two lines stand on the header line: the first goes one line up.
  const headerY = (text: string | string[]) => HEADER_Y - (Array.isArray(text) ? FONT_SIZE + 2 : 0);
  const plot: { width: number; height: number; layer: object[] } = {
    width: PLOT_WIDTH,
    height,
    layer: [
      stripes(PLOT_WIDTH, keys),
      {
        data: { values: [{ v: -1 }, { v: 1 }] },
        mark: { type: 'rule', strokeDash: [4, 3], color: PALETTE.grey },
        encoding: { x: { field: 'v', ...x } },
      },
      { data: { values: [{}] }, mark: { type: 'rule', color: '#222' }, encoding: { x: { datum: 0, ...x } } },
      {
        transform: [{ filter: 'datum.est !== null' }],
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { y: yRow, x: { field: 'lo', ...x }, x2: { field: 'hi' }, color: verdictColour },
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
          color: verdictColour,
          shape: { field: 'verdictText', type: 'nominal', scale: { domain: legend.map((l) => l.text), range: legend.map((l) => l.shape) }, legend: legendSpec },
        },
      },
      {
        data: { values: [{}] },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -4, fontSize: FONT_SIZE },
        encoding: { x: { datum: 0, ...x }, y: { value: headerY(favoursLines(t('favoursControl'))) }, text: { datum: favoursLines(t('favoursControl')) } },
      },
      {
        data: { values: [{}] },
        mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, fontSize: FONT_SIZE },
        encoding: { x: { datum: 0, ...x }, y: { value: headerY(favoursLines(t('favoursApp'))) }, text: { datum: favoursLines(t('favoursApp')) } },
      },
    ],
  };

  const favoursWidth = Math.max(...[t('favoursControl'), t('favoursApp')].flatMap(favoursLines).map((l) => textWidth(l, FONT_SIZE))) + 6;
  const plotWidth = Math.max(PLOT_WIDTH, 2 * favoursWidth);
  plot.width = plotWidth;
  plot.layer[0] = stripes(plotWidth, keys);

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // The second line points to the responders chart, which exists only when there are responder rows.
    title: { text: t('forestTitle'), subtitle: fillPhrase(t('forestSubtitle'), { method }).split('|').slice(0, responderRows(result.effects).length > 0 ? 2 : 1), subtitlePadding: 6 },
    config: chartConfig(),
    data: { values: data },
    spacing: 0,
    bounds: 'flush',
    hconcat: [
      textColumn('outcomeText', t('outcome'), width('outcomeText', t('outcome')), keys),
      textColumn('timeText', t('time'), width('timeText', t('time')), keys),
      plot,
      textColumn('effectText', t('benefitCol'), width('effectText', t('benefitCol')), keys, 'right'),
      textColumn('mcidText', t('mcid'), width('mcidText', t('mcid')), keys, 'right'),
    ],
    resolve: { scale: { y: 'shared' } },
  } as unknown as TopLevelSpec;
}
