/**
 * Responders and yes/no outcomes: per row (responder definition or binary outcome × follow-up)
 * the observed share per arm as two bars with "share (events/n)" and the arm's own 95% Wilson
 * interval as a whisker, and the risk difference app − usual care with its 95% Newcombe interval
 * as text. Columns share one y scale (same row keys, same sort). A cluster-randomised trial's rows
 * have raw shares without a per-arm interval (`shares`: docs/plan-trial.md#cluster-randomised-trials),
 * drawn without whiskers and said so in the subtitle and the table of numbers.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult, EffectRow } from '../../analysis/results-schema.js';
import { isSignificant } from '../../judge/relevance.js';
import type { Arm } from '../../trial/trial-data.js';
import { differenceDecisions, formatBound } from '../interval-bound.js';
import { formatFixed, intervalText, type Lang, percentSign } from '../i18n.js';
import { textWidth } from '../render/chart-font.js';
import { chartTextWidth } from '../render/text-metrics.js';
import { ARM_COLOURS, chartConfig, FONT_SIZE } from './chart-style.js';
import { linesWidth } from './two-lines.js';
import type { TrialChartContext } from './trial-chart-context.js';
import type { Table } from '../text-table.js';
import { PORTRAIT_PX } from '../html-page.js';

const ROW = 40;
const PLOT_WIDTH = 300;
const GAP = 14;
/** vega's padding on each side of a chart (chart-style.ts's config). */
const CHART_PADDING_PX = 12;
const HEADER_Y = -10;
/** Gap between a whisker's end and its share label. */
const LABEL_DX = 4;

/** Rows with per-arm risks or shares: binary outcomes and responder definitions, in analysis order. */
export function responderRows(effects: readonly EffectRow[]): EffectRow[] {
  return effects.filter((e) => e.method === 'risk-difference' && (e.risks !== undefined || e.shares !== undefined));
}

/** One arm's share, events and interval (null: a cluster trial's raw share, which has none). */
function armShare(r: EffectRow, arm: Arm): { p: number; events: number; ci: [number, number] | null } {
  const i = arm === 'intervention';
  if (r.risks) {
    const k = r.risks;
    return { p: i ? k.intervention : k.control, events: i ? k.eventsIntervention : k.eventsControl, ci: i ? [k.ciLowerIntervention, k.ciUpperIntervention] : [k.ciLowerControl, k.ciUpperControl] };
  }
  const s = r.shares as NonNullable<EffectRow['shares']>;
  return { p: i ? s.intervention : s.control, events: i ? s.eventsIntervention : s.eventsControl, ci: null };
}

/**
 * What the chart prints, per row and per arm: one source for the spec and for the table of the
 * figure's numbers (respondersNumbers).
 */
function responderData(result: Pick<AnalysisResult, 'effects'>, ctx: TrialChartContext) {
  const lang: Lang = ctx.lang;
  const t = ctx.text;
  const rows = responderRows(result.effects);
  const pct = (v: number) => formatFixed(100 * v, 1, lang);
  // A limit never rounded onto 0 or ±MCID (interval-bound.ts), as in the tables.
  const limit = (r: EffectRow, v: number) => formatBound(100 * v, 1, lang, differenceDecisions(r.mcid, 100), 100);
  // The difference app − usual care keeps its sign; a second line says which arm it favours, so
  // "−16.5" (fewer took pain medication) and "+10.0" (more improved) both read as good for the app.
  // A difference whose 95% CI includes 0 favours neither: it says so, in words that are no verdict's
  // (the verdicts keep one wording each: test/report/verdict-wording.test.ts). "Includes 0" is the
  // verdicts' own test, float noise tolerated (judge/float-noise.ts): a limit of 1e-13, printed
  // "0.0", is no "favours the app" beside a "not significant" verdict.
  const favours = (r: EffectRow) =>
    r.ciLower !== null && r.ciUpper !== null && !isSignificant(r.ciLower, r.ciUpper) ? t('ciIncludesZeroWord')
    : r.benefit === null || r.benefit === 0 ? ''
    : t(r.benefit > 0 ? 'favoursInterventionWord' : 'favoursControlWord');
  const labels = rows.map((r) => ({
    key: `${r.outcome}|${r.time}`,
    label: `${ctx.outcomeLabel(r.outcome)}, ${ctx.timeLabel(r.time)}`,
    lines: [`${ctx.outcomeLabel(r.outcome)},`, ctx.timeLabel(r.time)],
    rd: r.difference === null || r.ciLower === null || r.ciUpper === null ? [t('notComputed')] : [`${pct(r.difference)} ${intervalText(limit(r, r.ciLower), limit(r, r.ciUpper), lang)} ${t('pp')}`, favours(r)].filter((x) => x !== ''),
  }));
  const bars = rows.flatMap((r) =>
    (['intervention', 'control'] as Arm[]).map((arm) => {
      const { p, events, ci } = armShare(r, arm);
      // Without an interval the whisker has no length and the label sits at the bar's end.
      const [lo, hi] = ci ?? [p, p];
      return { key: `${r.outcome}|${r.time}`, arm: ctx.armLabel(arm), percent: 100 * p, lo: 100 * lo, hi: 100 * hi, text: `${pct(p)}${percentSign(lang)} (${events}/${r.n[arm]})`, ciText: ci ? intervalText(pct(lo), pct(hi), lang) : t('noShareInterval') };
    }),
  );
  return { labels, bars };
}

/** The figure's numbers as a table (html-page.ts shows it under the chart): the chart's own texts and each share's 95% CI. */
export function respondersNumbers(result: Pick<AnalysisResult, 'effects'>, ctx: TrialChartContext): Table {
  const { labels, bars } = responderData(result, ctx);
  const arms = [ctx.armLabel('intervention'), ctx.armLabel('control')];
  const ci = ctx.text('conclusionCi');
  return {
    header: [ctx.text('outcome'), ...arms.flatMap((a) => [`${a}: % (n/N)`, `${a}: ${ci}`]), ctx.text('riskDifferenceCol')],
    rows: labels.map((l) => [l.label, ...arms.flatMap((a) => {
      const b = bars.find((x) => x.key === l.key && x.arm === a);
      return [b?.text ?? '', b?.ciText ?? ''];
    }), l.rd.join(', ')]),
    align: ['left', 'right', 'right', 'right', 'right', 'right'],
    // The outcome's threshold whole ("≥ 5 points", labelCellHtml): printed in the appendix, it wrapped "≥ 5" / "points".
    fit: ['label'],
  };
}

export function respondersSpec(result: Pick<AnalysisResult, 'effects'>, ctx: TrialChartContext): TopLevelSpec {
  const lang: Lang = ctx.lang;
  const t = ctx.text;
  const arms = [ctx.armLabel('intervention'), ctx.armLabel('control')];
  const { labels, bars } = responderData(result, ctx);
  const keys = labels.map((l) => l.key);
  const height = keys.length * ROW;
  const y = { field: 'key', type: 'nominal', sort: keys, axis: null, scale: { paddingInner: 0.25, paddingOuter: 0.12 } } as const;
  const colour = { field: 'arm', type: 'nominal', scale: { domain: arms, range: [ARM_COLOURS.intervention, ARM_COLOURS.control] }, legend: { title: null, orient: 'top', direction: 'horizontal', symbolType: 'square', labelFontSize: 12, offset: 24 } } as const;
  const rdWidth = Math.max(textWidth(t('riskDifferenceCol'), FONT_SIZE), ...labels.map((l) => linesWidth(l.rd))) + GAP;
  const header = (text: string, x: number, align: 'left' | 'right') => ({
    data: { values: [{}] },
    mark: { type: 'text', align, baseline: 'bottom', fontSize: FONT_SIZE },
    encoding: { x: { value: x }, y: { value: HEADER_Y }, text: { datum: text } },
  });
  const maxPct = Math.max(10, ...bars.map((b) => b.hi));
  const domainMax = Math.min(100, Math.ceil((maxPct + 25) / 10) * 10);
  // Each share's label starts LABEL_DX right of its whisker: the axis keeps PLOT_WIDTH and the
  // panel grows by what the longest-reaching label needs past it, so no label runs into the risk
  // difference column (a share of 80–100% leaves no room on a 0–100 axis).
  const labelEnd = (b: (typeof bars)[number]) => (b.hi / domainMax) * PLOT_WIDTH + LABEL_DX + chartTextWidth({ fontSize: FONT_SIZE }, b.text);
  const panelWidth = Math.ceil(Math.max(PLOT_WIDTH, ...bars.map(labelEnd)));
  // Each row's name on one line; its follow-up on a second line of the row (40 px holds two) when
  // one line would make the chart wider than a portrait page: it then prints after the text
  // before it instead of alone on a landscape page (docs/report-trial.md#print).
  const oneLineWidth = Math.max(0, ...labels.map((l) => textWidth(l.label, FONT_SIZE))) + GAP;
  const twoLine = oneLineWidth + panelWidth + rdWidth > PORTRAIT_PX - 2 * CHART_PADDING_PX;
  const shown = labels.map((l) => ({ ...l, label: twoLine ? l.lines : l.label }));
  const labelWidth = twoLine ? Math.max(0, ...labels.map((l) => linesWidth(l.lines))) + GAP : oneLineWidth;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t('respondersChartTitle'), subtitle: t(responderRows(result.effects).some((r) => !r.risks) ? 'respondersSubtitleClustered' : 'respondersSubtitle').split('|') },
    config: chartConfig(lang),
    spacing: 0,
    bounds: 'flush',
    hconcat: [
      {
        width: labelWidth,
        height,
        data: { values: shown },
        layer: [
          { mark: { type: 'text', align: 'left', baseline: 'middle' }, encoding: { y, x: { value: 0 }, text: { field: 'label' } } },
          header(t('outcome'), 0, 'left'),
        ],
      },
      {
        width: panelWidth,
        height,
        data: { values: bars },
        layer: [
          {
            mark: { type: 'bar' },
            encoding: {
              y,
              yOffset: { field: 'arm', type: 'nominal', scale: { domain: arms } },
              x: { field: 'percent', type: 'quantitative', scale: { domain: [0, domainMax], range: [0, PLOT_WIDTH] }, axis: { title: t('patientsPercent'), grid: true, tickCount: 5 } },
              color: colour,
            },
          },
          {
            mark: { type: 'rule', color: '#222', strokeWidth: 1.2 },
            encoding: { y, yOffset: { field: 'arm', type: 'nominal', scale: { domain: arms } }, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
          },
          {
            mark: { type: 'text', align: 'left', baseline: 'middle', dx: LABEL_DX, fontSize: FONT_SIZE },
            encoding: { y, yOffset: { field: 'arm', type: 'nominal', scale: { domain: arms } }, x: { field: 'hi', type: 'quantitative' }, text: { field: 'text' } },
          },
        ],
      },
      {
        width: rdWidth,
        height,
        data: { values: labels },
        layer: [
          { mark: { type: 'text', align: 'right', baseline: 'middle' }, encoding: { y, x: { value: rdWidth }, text: { field: 'rd' } } },
          header(t('riskDifferenceCol'), rdWidth, 'right'),
        ],
      },
    ],
    resolve: { scale: { y: 'shared' } },
  } as unknown as TopLevelSpec;
}
