/**
 * Subgroup forest plot of one subgroup at one follow-up time (docs/subgroups.md#report): per
 * outcome with an MCID, a heading line (the outcome; its unit and the interaction p of the test
 * for interaction), a row for all patients (the trial's ANCOVA) and a row per level with its n,
 * as a Vega-Lite spec with its data inline. Pure: analysis rows and labels in, spec out.
 *
 *   Outcome                                          in points; interaction p 0.250
 *     all patients | n | plot (benefit ÷ MCID, right favours the app) | Benefit (95% CI)
 *       level      | n | …                                             | …
 *   and under it the legend: the verdict of each marker colour and shape, with what the CI leaves
 *   open (", not statistically significant"), as the numbers table and the effects forest word it
 *
 * Designed for a portrait A4 page at ≥ 8 pt (docs/report-trial.md#print): the outcome on its own
 * line rather than in a column, the unit and interaction p on that line, the verdict in the
 * marker's colour and shape rather than a column, long headers on two lines — taller, not wider.
 * The axis is the benefit in MCIDs (outcomes have different units), dashed at ±1 MCID (drawn as in every chart: docs/colours.md); the
 * printed numbers are the benefit in the outcome's units (the difference signed so that positive
 * favours the intervention), so a number and its marker are always on the same side of 0. A
 * vertical dark line through each outcome's rows marks the effect in all patients: the reference
 * the levels are read against.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { EffectRow, SubgroupResult } from '../../analysis/results-schema.js';
import type { Relevance } from '../../judge/relevance.js';
import { fillArms } from '../arm-names.js';
import { differenceDecisions, formatBound } from '../interval-bound.js';
import { armCountsText, fillPhrase, formatFixed, formatP, intervalText, SHORT_RELEVANCE_TEXT } from '../i18n.js';
import { textWidth } from '../render/chart-font.js';
import { SUBGROUP_TEXT, type SubgroupPhrase } from '../sections/subgroup-phrases.js';
import { chartConfig, FONT_SIZE, MCID_RULE, PALETTE } from './chart-style.js';
import { FOREST_VERDICT_STYLE, verdictEncodings, type VerdictEntry } from './effects-forest.js';
import type { TrialChartContext } from './trial-chart-context.js';
import type { Table } from '../text-table.js';
import { withSignificance } from '../verdict-notes.js';
import { linesWidth, twoLines, wrapForVega } from './two-lines.js';

const PLOT_WIDTH = 230;
const HEADER_Y = -10;
const GAP = 14;
const STRIPE = '#f2f2f2';
const INDENT = 14;
/** The all-patients reference line: dark, not a verdict colour. */
const REFERENCE = '#333333';
/** Tighter than the other forests' 22 px, so six outcomes fit a portrait page's height. */
const ROW_HEIGHT = 18;

export interface SubgroupForestDatum {
  key: string;
  labelText: string;
  nText: string;
  est: number | null;
  lo: number | null;
  hi: number | null;
  /** The all-patients estimate of the row's outcome (÷ MCID): the reference line. */
  ref: number | null;
  effectText: string;
  /** The interaction p, on an outcome's all-patients row. */
  pText: string;
  /**
   * The verdict with its qualifiers ("…, not statistically significant"; verdict-notes.ts), as the
   * numbers table and the legend word it (one legend entry per wording, as the effects forest).
   */
  verdictText: string;
  colour: string;
  shape: string;
  overall: boolean;
  band: boolean;
}

/** An outcome's heading line in the drawn chart: its name left, its unit and interaction p right. */
interface HeadingDatum {
  key: string;
  heading: true;
  labelText: string;
  headingRight: string;
  band: boolean;
}

/** The analyses the chart draws: continuous outcomes with an MCID at `time`, plan order. */
export function forestAnalyses(subgroups: readonly SubgroupResult[], column: string, time: string): SubgroupResult[] {
  return subgroups.filter((g) => g.subgroup === column && g.time === time && g.method === 'ancova' && g.levels.some((l) => l.effect.mcid !== null));
}

const NO_VERDICT = { colour: PALETTE.grey, shape: 'circle' };

/** The chart's rows (exported so the tests check numbers against markers without drawing). */
export function subgroupForestRows(analyses: readonly SubgroupResult[], effects: readonly EffectRow[], ctx: TrialChartContext, levelName: (level: string) => string = (l) => l): SubgroupForestDatum[] {
  const lang = ctx.lang;
  const p = (k: SubgroupPhrase) => fillArms(SUBGROUP_TEXT[k][lang], ctx.arms);
  const rows: SubgroupForestDatum[] = [];
  analyses.forEach((g, block) => {
    const overall = overallRow(g, effects);
    const mcid = g.levels.find((l) => l.effect.mcid !== null)?.effect.mcid as number;
    const d = ctx.decimalsOf(g.outcome);
    const f = (v: number) => formatFixed(v, d, lang);
    const decisions = differenceDecisions(mcid);
    const b = (v: number) => formatBound(v, d, lang, decisions);
    // Danish pages write intervals "(a til b)" (docs/glossary-da.md).
    const interval = (lo: string, hi: string) => intervalText(lo, hi, lang);
    const scaled = (e: EffectRow | undefined) => {
      const ok = e && e.benefit !== null && e.benefitCiLower !== null && e.benefitCiUpper !== null;
      return ok ? { est: (e.benefit as number) / mcid, lo: (e.benefitCiLower as number) / mcid, hi: (e.benefitCiUpper as number) / mcid } : { est: null, lo: null, hi: null };
    };
    const ref = scaled(overall).est;
    const pText = g.interaction.pValue === null ? p('interactionNone') : formatP(g.interaction.pValue, lang);
    const datum = (key: string, labelText: string, e: EffectRow | undefined, isOverall: boolean): SubgroupForestDatum => {
      const s = scaled(e);
      const style = e?.relevance ? FOREST_VERDICT_STYLE[e.relevance] : NO_VERDICT;
      return {
        // Sort key only (block, then row): never shown.
        key: `${block}|${key}`,
        labelText,
        nText: e ? armCountsText(e.n, ctx.lang) : '',
        ...s,
        ref,
        // The unit is on the outcome's heading line.
        // Limits never rounded onto 0 or ±MCID (interval-bound.ts): the verdict beside them reads their side.
        effectText: e && s.est !== null ? `${f(e.benefit as number)} ${interval(b(e.benefitCiLower as number), b(e.benefitCiUpper as number))}` : p('notComputed'),
        pText: isOverall ? pText : '',
        verdictText: e?.relevance ? withSignificance(SHORT_RELEVANCE_TEXT[e.relevance][lang], e, lang) : p('notComputed'),
        colour: style.colour,
        shape: style.shape,
        overall: isOverall,
        // Shade whole outcomes alternately so one outcome's rows read as a group.
        band: block % 2 === 0,
      };
    };
    rows.push(datum('0', p('allPatients'), overall, true));
    g.levels.forEach((l, i) => rows.push(datum(String(i + 1).padStart(3, '0'), levelName(l.level), l.effect, false)));
  });
  return rows;
}

function overallRow(g: SubgroupResult, effects: readonly EffectRow[]): EffectRow | undefined {
  return effects.find((e) => e.outcome === g.outcome && e.time === g.time && e.method === 'ancova' && (e.population ?? 'trial') === 'trial');
}

function niceLimit(maxAbs: number): number {
  const m = Math.max(1.25, maxAbs * 1.05);
  return m <= 2 ? Math.ceil(m * 4) / 4 : m <= 5 ? Math.ceil(m * 2) / 2 : Math.ceil(m);
}

/** Each outcome's heading line, then its rows: what the chart draws, row by row (one source for the chart and its numbers' table). */
function forestLines(analyses: readonly SubgroupResult[], effects: readonly EffectRow[], ctx: TrialChartContext, levelName?: (level: string) => string) {
  const p = (k: SubgroupPhrase) => fillArms(SUBGROUP_TEXT[k][ctx.lang], ctx.arms);
  const data = subgroupForestRows(analyses, effects, ctx, levelName);
  // Each outcome's heading line goes before its all-patients row.
  const headings: HeadingDatum[] = analyses.map((g, block) => {
    const pv = g.interaction.pValue;
    const right = pv === null ? p('forestHeadingNone') : p('forestHeading');
    const pText = pv === null ? '' : formatP(pv, ctx.lang);
    return {
      key: `${block}|h`,
      heading: true,
      labelText: ctx.outcomeLabel(g.outcome),
      headingRight: fillPhrase(right, { unit: ctx.unitOf(g.outcome), p: pText.startsWith('<') ? pText.replace(/^<\s*/, '< ') : `= ${pText}` }).replace(/^(in|i) ; /, ''),
      band: block % 2 === 0,
    };
  });
  const all: (SubgroupForestDatum | HeadingDatum)[] = data.flatMap((d) => (d.overall ? [headings[Number(d.key.split('|')[0])]!, d] : [d]));
  return { data, headings, all };
}

/**
 * The figure's numbers (html-page.ts shows them under the chart): each outcome's heading line,
 * then all patients and each level with n, benefit (95% CI) and verdict, as the chart prints them.
 */
export function subgroupForestNumbers(analyses: readonly SubgroupResult[], effects: readonly EffectRow[], ctx: TrialChartContext, levelName?: (level: string) => string): Table {
  const p = (k: SubgroupPhrase) => fillArms(SUBGROUP_TEXT[k][ctx.lang], ctx.arms);
  const { all } = forestLines(analyses, effects, ctx, levelName);
  return {
    header: [p('level'), p('n'), p('benefit').replace('|', ', '), p('verdict')],
    rows: all.map((d) => ('heading' in d ? [`${d.labelText} (${d.headingRight})`, '', '', ''] : [`  ${d.labelText}`, d.nText, d.effectText, d.verdictText])),
    align: ['left', 'right', 'right', 'left'],
  };
}

export function subgroupForestSpec(analyses: readonly SubgroupResult[], effects: readonly EffectRow[], ctx: TrialChartContext, subgroupLabel: string, time: string, levelName?: (level: string) => string): TopLevelSpec {
  const lang = ctx.lang;
  const p = (k: SubgroupPhrase) => fillArms(SUBGROUP_TEXT[k][lang], ctx.arms);
  const { data, headings, all } = forestLines(analyses, effects, ctx, levelName);
  const keys = all.map((d) => d.key);
  const height = keys.length * ROW_HEIGHT;
  const yRow = { field: 'key', type: 'nominal', sort: keys, axis: null, scale: { paddingInner: 0, paddingOuter: 0 } } as const;
  // A mark that spans its row's height (the heading lines stay clear of the plot's lines and band).
  const rowSpan = { y: { ...yRow, bandPosition: 0 }, y2: { field: 'key', bandPosition: 1 } } as const;
  const notHeading = { filter: '!datum.heading' };
  const limit = niceLimit(Math.max(0, ...data.flatMap((d) => [Math.abs(d.lo ?? 0), Math.abs(d.hi ?? 0)])));
  const x = { type: 'quantitative', scale: { domain: [-limit, limit], nice: false, zero: false } } as const;
  const stripes = (width: number) => ({
    mark: { type: 'rect', color: STRIPE },
    transform: [{ filter: 'datum.band' }],
    encoding: { y: yRow, x: { value: 0 }, x2: { value: width } },
  });
  const headerText = (text: string | string[], at: number, align: 'left' | 'right') => ({
    data: { values: [{}] },
    mark: { type: 'text', align, baseline: 'bottom', fontSize: FONT_SIZE, color: '#222' },
    // Two lines stand on the header line: the first goes one line up.
    encoding: { x: { value: at }, y: { value: HEADER_Y - (Array.isArray(text) ? FONT_SIZE + 2 : 0) }, text: { datum: text } },
  });
  const column = (field: 'labelText' | 'nText' | 'effectText', header: string, align: 'left' | 'right' = 'left', indentLevels = false) => {
    // Level rows are indented under their outcome's all-patients row (the first column only).
    const indent = (d: SubgroupForestDatum) => (indentLevels && !d.overall ? INDENT : 0);
    // A header wider than the column's values takes two lines.
    const values = Math.max(...data.map((d) => textWidth(String(d[field]), FONT_SIZE) + indent(d)));
    // A header given in lines ("Benefit (95% CI)|positive: favours app") keeps them.
    const head = header.includes('|') ? header.split('|') : twoLines(header, values);
    const width = Math.max(linesWidth(head), values) + GAP;
    const at = align === 'left' ? GAP / 2 : width - GAP / 2;
    return {
      width,
      height,
      layer: [
        stripes(width),
        {
          mark: { type: 'text', align, baseline: 'middle', fontSize: FONT_SIZE },
          transform: [notHeading, { calculate: indentLevels ? `datum.overall ? ${at} : ${at + INDENT}` : `${at}`, as: 'px' }],
          encoding: {
            y: yRow,
            x: { field: 'px', type: 'quantitative', scale: null },
            text: { field },
            color: { condition: { test: 'datum.overall', value: '#000' }, value: '#333' },
          },
        },
        headerText(head, at, align),
      ],
    };
  };
  const label = column('labelText', p('level'), 'left', true);
  const n = column('nText', p('n'), 'right');
  const effect = column('effectText', p('benefit'), 'right');
  const favours = [twoLines(p('favoursControl'), PLOT_WIDTH / 2 - 6), twoLines(p('favoursApp'), PLOT_WIDTH / 2 - 6)] as const;
  const favoursWidth = Math.max(...favours.map((f) => linesWidth(f))) + 6;
  // The heading line runs across the columns: its name from the left, its unit and p to the
  // effect column's right edge; the plot widens if the two would meet.
  const headingWidth = Math.max(...headings.map((h) => textWidth(h.labelText, FONT_SIZE) + textWidth(h.headingRight, FONT_SIZE))) + 2 * GAP;
  const plotWidth = Math.max(PLOT_WIDTH, 2 * favoursWidth, headingWidth - label.width - n.width - effect.width);
  // The verdict in colour and shape, named in the legend under the plot (as the effects forest).
  // One entry per wording drawn (its base words, or those with what the CI leaves open), in FOREST_VERDICT_STYLE's order.
  const ofVerdict = (text: string, v: Relevance) => text === SHORT_RELEVANCE_TEXT[v][lang] || text.startsWith(`${SHORT_RELEVANCE_TEXT[v][lang]}, `);
  const entries: VerdictEntry[] = (Object.keys(FOREST_VERDICT_STYLE) as Relevance[]).flatMap((v) =>
    [...new Set(data.filter((d) => d.est !== null && ofVerdict(d.verdictText, v)).map((d) => d.verdictText))].sort().map((text) => ({ text, relevance: v })),
  );
  // Wide enough for the longest wording: a label cut with "…" would cut off what the CI leaves open.
  const labelLimit = Math.max(360, ...entries.map((e) => Math.ceil(textWidth(e.text, FONT_SIZE)) + 8));
  const legendSpec = { title: p('verdict'), orient: 'bottom', labelLimit, direction: 'vertical', columnPadding: 16, titleOrient: 'left', titlePadding: 12, symbolStrokeWidth: 0, labelColor: '#222', titleColor: '#222' } as const;
  const { color: verdictColour, shape: verdictShape } = verdictEncodings(entries, legendSpec);
  const plot = {
    width: plotWidth,
    height,
    layer: [
      stripes(plotWidth),
      ...[-1, 1].map((v) => ({ transform: [notHeading, { calculate: String(v), as: 'v' }], mark: { type: 'rule', ...MCID_RULE }, encoding: { ...rowSpan, x: { field: 'v', ...x } } })),
      { transform: [notHeading, { calculate: '0', as: 'zero' }], mark: { type: 'rule', color: '#222' }, encoding: { ...rowSpan, x: { field: 'zero', ...x } } },
      // The all-patients effect through the outcome's rows: one full-height tick per row joins into a line.
      { transform: [notHeading, { filter: 'datum.ref !== null' }], mark: { type: 'tick', orient: 'vertical', thickness: 1.5, size: ROW_HEIGHT, color: REFERENCE, opacity: 0.55 }, encoding: { y: yRow, x: { field: 'ref', ...x } } },
      {
        transform: [notHeading, { filter: 'datum.est !== null' }],
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { y: yRow, x: { field: 'lo', ...x }, x2: { field: 'hi' }, color: verdictColour },
      },
      {
        transform: [notHeading, { filter: 'datum.est !== null' }],
        mark: { type: 'point', filled: true, opacity: 1 },
        encoding: {
          y: yRow,
          x: { field: 'est', ...x, axis: { title: p('axis'), grid: false, tickCount: Math.min(2 * limit + 1, 9), titlePadding: 8 } },
          color: verdictColour,
          shape: verdictShape,
          // All patients: a larger marker (its label is black, the levels' dark grey and indented).
          size: { condition: { test: 'datum.overall', value: 130 }, value: 60 },
        },
      },
      { ...headerText(favours[0], plotWidth / 2 - 4, 'right') },
      { ...headerText(favours[1], plotWidth / 2 + 4, 'left') },
    ],
  };
  // The heading lines: drawn by the first column, running over the empty cells of the others.
  const total = label.width + n.width + plotWidth + effect.width;
  // The row stripes: drawn once, by the first column across the chart, under everything the
  // other columns draw and clear of the heading lines' text.
  for (const c of [n, plot, effect]) c.layer.shift();
  label.layer[0] = stripes(total);
  label.layer.push(
    { transform: [{ filter: 'datum.heading' }], mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: FONT_SIZE, fontWeight: 'bold', color: '#000' }, encoding: { y: yRow, x: { value: GAP / 2 }, text: { field: 'labelText' } } } as never,
    { transform: [{ filter: 'datum.heading' }], mark: { type: 'text', align: 'right', baseline: 'middle', fontSize: FONT_SIZE, color: '#333' }, encoding: { y: yRow, x: { value: total - GAP / 2 }, text: { field: 'headingRight' } } } as never,
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // The subtitle wrapped to the chart's width, so it does not widen the chart.
    title: { text: fillPhrase(p('forestTitle'), { subgroup: subgroupLabel, time: ctx.timeLabel(time) }), subtitle: wrapForVega(p('forestSubtitle'), total), subtitlePadding: 6 },
    config: chartConfig(lang),
    data: { values: all },
    spacing: 0,
    bounds: 'flush',
    hconcat: [label, n, plot, effect],
    resolve: { scale: { y: 'shared' } },
  } as unknown as TopLevelSpec;
}
