/**
 * Subgroup forest plot of one subgroup at one follow-up time (docs/subgroups.md#report): per
 * outcome with an MCID, a row for all patients (the trial's ANCOVA, with the interaction p of
 * the test for interaction) and a row per level with its n, as a Vega-Lite spec with its data
 * inline. Pure: analysis rows and labels in, spec out.
 *
 *   Outcome / level | n | plot (benefit ÷ MCID, right favours the app) | Benefit [95% CI] | Verdict | Interaction p
 *
 * The axis is the benefit in MCIDs (outcomes have different units), shaded within ±1 MCID; the
 * printed numbers are the benefit in the outcome's units (the difference signed so that positive
 * favours the intervention), so a number and its marker are always on the same side of 0. A
 * vertical dark line through each outcome's rows marks the effect in all patients: the reference
 * the levels are read against.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { EffectRow, SubgroupResult } from '../../analysis/results-schema.js';
import { fillArms } from '../arm-names.js';
import { fillPhrase, formatFixed, formatP, SHORT_RELEVANCE_TEXT } from '../i18n.js';
import { textWidth } from '../render/chart-font.js';
import { SUBGROUP_TEXT, type SubgroupPhrase } from '../sections/subgroup-phrases.js';
import { chartConfig, FONT_SIZE, PALETTE, ROW_HEIGHT } from './chart-style.js';
import { FOREST_VERDICT_STYLE } from './effects-forest.js';
import type { TrialChartContext } from './trial-chart-context.js';

const PLOT_WIDTH = 260;
const HEADER_Y = -10;
const GAP = 14;
const STRIPE = '#f2f2f2';
const BAND = '#e8f1f8';
const INDENT = 14;
/** The all-patients reference line: dark, not a verdict colour. */
const REFERENCE = '#333333';

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
  verdictText: string;
  colour: string;
  overall: boolean;
  band: boolean;
}

/** The analyses the chart draws: continuous outcomes with an MCID at `time`, plan order. */
export function forestAnalyses(subgroups: readonly SubgroupResult[], column: string, time: string): SubgroupResult[] {
  return subgroups.filter((g) => g.subgroup === column && g.time === time && g.method === 'ancova' && g.levels.some((l) => l.effect.mcid !== null));
}

/** The chart's rows (exported so the tests check numbers against markers without drawing). */
export function subgroupForestRows(analyses: readonly SubgroupResult[], effects: readonly EffectRow[], ctx: TrialChartContext, levelName: (level: string) => string = (l) => l): SubgroupForestDatum[] {
  const lang = ctx.lang;
  const p = (k: SubgroupPhrase) => fillArms(SUBGROUP_TEXT[k][lang], ctx.arms);
  const rows: SubgroupForestDatum[] = [];
  analyses.forEach((g, block) => {
    const overall = effects.find((e) => e.outcome === g.outcome && e.time === g.time && e.method === 'ancova' && (e.population ?? 'trial') === 'trial');
    const mcid = g.levels.find((l) => l.effect.mcid !== null)?.effect.mcid as number;
    const d = ctx.decimalsOf(g.outcome);
    const unit = ctx.unitOf(g.outcome);
    const f = (v: number) => formatFixed(v, d, lang);
    // Danish pages write intervals "(a til b)" (docs/glossary-da.md).
    const interval = (lo: string, hi: string) => (lang === 'da' ? `(${lo} til ${hi})` : `[${lo}, ${hi}]`);
    const scaled = (e: EffectRow | undefined) => {
      const ok = e && e.benefit !== null && e.benefitCiLower !== null && e.benefitCiUpper !== null;
      return ok ? { est: (e.benefit as number) / mcid, lo: (e.benefitCiLower as number) / mcid, hi: (e.benefitCiUpper as number) / mcid } : { est: null, lo: null, hi: null };
    };
    const ref = scaled(overall).est;
    const pText = g.interaction.pValue === null ? p('interactionNone') : formatP(g.interaction.pValue, lang);
    const datum = (key: string, labelText: string, e: EffectRow | undefined, isOverall: boolean): SubgroupForestDatum => {
      const s = scaled(e);
      return {
        // Sort key only (block, then row): never shown.
        key: `${block}|${key}`,
        labelText,
        nText: e ? `${e.n.intervention}/${e.n.control}` : '',
        ...s,
        ref,
        effectText: e && s.est !== null ? `${f(e.benefit as number)} ${interval(f(e.benefitCiLower as number), f(e.benefitCiUpper as number))} ${unit}` : p('notComputed'),
        pText: isOverall ? pText : '',
        verdictText: e?.relevance ? SHORT_RELEVANCE_TEXT[e.relevance][lang] : p('notComputed'),
        colour: e?.relevance ? FOREST_VERDICT_STYLE[e.relevance].colour : PALETTE.grey,
        overall: isOverall,
        // Shade whole outcomes alternately so one outcome's rows read as a group.
        band: block % 2 === 0,
      };
    };
    rows.push(datum('0', `${ctx.outcomeLabel(g.outcome)}: ${p('allPatients')}`, overall, true));
    g.levels.forEach((l, i) => rows.push(datum(String(i + 1).padStart(3, '0'), levelName(l.level), l.effect, false)));
  });
  return rows;
}

function niceLimit(maxAbs: number): number {
  const m = Math.max(1.25, maxAbs * 1.05);
  return m <= 2 ? Math.ceil(m * 4) / 4 : m <= 5 ? Math.ceil(m * 2) / 2 : Math.ceil(m);
}

export function subgroupForestSpec(analyses: readonly SubgroupResult[], effects: readonly EffectRow[], ctx: TrialChartContext, subgroupLabel: string, time: string, levelName?: (level: string) => string): TopLevelSpec {
  const lang = ctx.lang;
  const p = (k: SubgroupPhrase) => fillArms(SUBGROUP_TEXT[k][lang], ctx.arms);
  const data = subgroupForestRows(analyses, effects, ctx, levelName);
  const keys = data.map((d) => d.key);
  const height = keys.length * ROW_HEIGHT;
  const yRow = { field: 'key', type: 'nominal', sort: keys, axis: null, scale: { paddingInner: 0, paddingOuter: 0 } } as const;
  const limit = niceLimit(Math.max(0, ...data.flatMap((d) => [Math.abs(d.lo ?? 0), Math.abs(d.hi ?? 0)])));
  const x = { type: 'quantitative', scale: { domain: [-limit, limit], nice: false, zero: false } } as const;
  const stripes = (width: number) => ({
    mark: { type: 'rect', color: STRIPE },
    transform: [{ filter: 'datum.band' }],
    encoding: { y: yRow, x: { value: 0 }, x2: { value: width } },
  });
  const column = (field: keyof SubgroupForestDatum, header: string, align: 'left' | 'right' = 'left', colourField?: keyof SubgroupForestDatum, indentLevels = false) => {
    // Level rows are indented under their outcome's all-patients row (the first column only).
    const indent = (d: SubgroupForestDatum) => (indentLevels && !d.overall ? INDENT : 0);
    const width = Math.max(textWidth(header, FONT_SIZE), ...data.map((d) => textWidth(String(d[field]), FONT_SIZE) + indent(d))) + GAP;
    const at = align === 'left' ? GAP / 2 : width - GAP / 2;
    return {
      width,
      height,
      layer: [
        stripes(width),
        {
          mark: { type: 'text', align, baseline: 'middle', fontSize: FONT_SIZE },
          transform: [{ calculate: indentLevels ? `datum.overall ? ${at} : ${at + INDENT}` : `${at}`, as: 'px' }],
          encoding: {
            y: yRow,
            x: { field: 'px', type: 'quantitative', scale: null },
            text: { field },
            color: colourField ? { field: colourField, type: 'nominal', scale: null, legend: null } : { condition: { test: 'datum.overall', value: '#000' }, value: '#333' },
          },
        },
        { data: { values: [{}] }, mark: { type: 'text', align, baseline: 'bottom', fontSize: FONT_SIZE, color: '#222' }, encoding: { x: { value: at }, y: { value: HEADER_Y }, text: { datum: header } } },
      ],
    };
  };
  const favoursWidth = Math.max(textWidth(p('favoursControl'), FONT_SIZE), textWidth(p('favoursApp'), FONT_SIZE)) + 6;
  const plotWidth = Math.max(PLOT_WIDTH, 2 * favoursWidth);
  const plot = {
    width: plotWidth,
    height,
    layer: [
      stripes(plotWidth),
      { data: { values: [{ a: -1, b: 1 }] }, mark: { type: 'rect', color: BAND }, encoding: { x: { field: 'a', ...x }, x2: { field: 'b' } } },
      { data: { values: [{ v: -1 }, { v: 1 }] }, mark: { type: 'rule', strokeDash: [4, 3], color: PALETTE.grey }, encoding: { x: { field: 'v', ...x } } },
      { data: { values: [{}] }, mark: { type: 'rule', color: '#222' }, encoding: { x: { datum: 0, ...x } } },
      // The all-patients effect through the outcome's rows: one full-height tick per row joins into a line.
      { transform: [{ filter: 'datum.ref !== null' }], mark: { type: 'tick', orient: 'vertical', thickness: 1.5, size: ROW_HEIGHT, color: REFERENCE, opacity: 0.55 }, encoding: { y: yRow, x: { field: 'ref', ...x } } },
      {
        transform: [{ filter: 'datum.est !== null' }],
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { y: yRow, x: { field: 'lo', ...x }, x2: { field: 'hi' }, color: { field: 'colour', type: 'nominal', scale: null, legend: null } },
      },
      {
        transform: [{ filter: 'datum.est !== null' }],
        mark: { type: 'point', filled: true, opacity: 1 },
        encoding: {
          y: yRow,
          x: { field: 'est', ...x, axis: { title: p('axis'), grid: false, tickCount: Math.min(2 * limit + 1, 9), titlePadding: 8 } },
          color: { field: 'colour', type: 'nominal', scale: null, legend: null },
          shape: { condition: { test: 'datum.overall', value: 'diamond' }, value: 'square' },
          size: { condition: { test: 'datum.overall', value: 120 }, value: 60 },
        },
      },
      { data: { values: [{}] }, mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -4, fontSize: FONT_SIZE }, encoding: { x: { datum: 0, ...x }, y: { value: HEADER_Y }, text: { datum: p('favoursControl') } } },
      { data: { values: [{}] }, mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, fontSize: FONT_SIZE }, encoding: { x: { datum: 0, ...x }, y: { value: HEADER_Y }, text: { datum: p('favoursApp') } } },
    ],
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: fillPhrase(p('forestTitle'), { subgroup: subgroupLabel, time: ctx.timeLabel(time) }), subtitle: [p('forestSubtitle')], subtitlePadding: 6 },
    config: chartConfig(),
    data: { values: data },
    spacing: 0,
    bounds: 'flush',
    hconcat: [column('labelText', p('level'), 'left', undefined, true), column('nText', p('n'), 'right'), plot, column('effectText', p('benefit'), 'right'), column('verdictText', p('verdict'), 'left', 'colour'), column('pText', p('interactionCol'), 'right')],
    resolve: { scale: { y: 'shared' } },
  } as unknown as TopLevelSpec;
}
