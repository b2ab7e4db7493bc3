/**
 * Participant flow, CONSORT-like: randomised, allocated per arm, then per follow-up visit the
 * patients with the primary outcome observed and missing, and at the planned follow-ups the
 * number analysed by the primary method; last, CONSORT's "Analysed" box: per outcome the
 * patients in its analysis at each planned follow-up. (Enrolment — assessed for eligibility,
 * excluded — and reasons for loss are not in a trial export, so they are not drawn.) Boxes are drawn in pixel coordinates (scale: null) so
 * the layout is fixed; counts come from the analysis (missingness and effect rows).
 *
 * With a target population in the plan, a branch leaves the randomised box down between the arms
 * to boxes below them: one per criterion with the patients it excluded and those remaining, then
 * the target population (target-flow-boxes.ts; docs/subgroups.md#report).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult } from '../../analysis/results-schema.js';
import { ARMS, type Arm } from '../../trial/trial-data.js';
import { methodText } from '../effects-table.js';
import { fillPhrase, type Lang } from '../i18n.js';
import { textWidth } from '../render/chart-font.js';
import { PORTRAIT_PX } from '../html-page.js';
import { ARM_COLOURS, chartConfig, FONT_SIZE } from './chart-style.js';
import { targetFlowBoxes } from './target-flow-boxes.js';
import type { TrialChartContext } from './trial-chart-context.js';

// Lines, padding and gaps tight enough that the diagram (with a target-population branch) is
// no taller than a portrait page holds with its heading (docs/report-trial.md#print).
const LINE = 14;
const PAD = 6;
const V_GAP = 12;
const H_GAP = 40;
/**
 * The longest line of an arm's box: two boxes and their gap fit a portrait A4 page's printable
 * width with the chart's padding, so the diagram prints its text at 11 px × 0.75 ≥ 8 pt
 * (docs/report-trial.md#print); a longer line wraps.
 */
const MAX_LINE = (PORTRAIT_PX - 2 * 12 - H_GAP) / 2 - 2 * PAD;

/** A box line wider than MAX_LINE broken at spaces (a count stays with its label where it fits). */
function fitLine(line: string): string[] {
  if (textWidth(line, FONT_SIZE) <= MAX_LINE) return [line];
  const out: string[] = [];
  // "n = 213 / 184" is one unit: spaces beside = and / do not break.
  for (const word of line.replace(/ (?=[=/])|(?<=[=/]) /g, '\u00a0').split(' ').map((w) => w.replace(/\u00a0/g, ' '))) {
    const last = out.at(-1);
    if (last !== undefined && textWidth(`${last} ${word}`, FONT_SIZE) <= MAX_LINE) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out;
}

interface Box {
  x: number;
  y: number;
  x2: number;
  y2: number;
  lines: string[];
  stroke: string;
}

export function participantFlowSpec(result: Pick<AnalysisResult, 'missingness' | 'effects' | 'input' | 'plan' | 'targetPopulation'>, ctx: TrialChartContext): TopLevelSpec {
  const lang: Lang = ctx.lang;
  const t = ctx.text;
  const primary = ctx.primary?.outcome ?? result.missingness[0]?.outcome ?? '';
  const method = ctx.kindOf(primary) === 'binary' ? 'risk-difference' : ctx.primaryMethod;
  const followUps = ctx.visits.slice(1);
  const patients = result.input.patients;

  const armLines = (arm: Arm) => [ctx.armLabel(arm), fillPhrase(t('allocated'), { n: patients[arm] })];
  const visitLines = (arm: Arm, time: string) => {
    const m = result.missingness.find((r) => r.outcome === primary && r.time === time && r.arm === arm);
    const lines = [ctx.timeLabel(time), fillPhrase(t('observedAt'), { n: m?.observed ?? 0 }), fillPhrase(t('missingAt'), { n: m?.missing ?? 0 })];
    const analysed = result.effects.find((e) => e.outcome === primary && e.time === time && e.method === method);
    if (analysed) lines.push(fillPhrase(t('analysedAt'), { method: methodText(method, lang), n: analysed.n[arm] }));
    return lines;
  };
  // CONSORT's "Analysed" box: per outcome, the patients in its analysis at each planned follow-up.
  const outcomeRow = (o: string, time: string) => result.effects.find((e) => e.outcome === o && e.time === time && e.method === (ctx.kindOf(o) === 'binary' ? 'risk-difference' : ctx.primaryMethod));
  const planned = followUps.filter((v) => result.effects.some((e) => e.time === v && e.method === ctx.primaryMethod));
  const outcomes = [...new Set(result.effects.map((e) => e.outcome))].filter((o) => ctx.kindOf(o) !== undefined && planned.some((v) => outcomeRow(o, v)));
  // The instrument in the label's parentheses ("RMDQ 0–24") when it names one outcome only, else the label.
  const instrument = (o: string) => /\(([^()]+)\)\s*$/.exec(ctx.outcomeLabel(o))?.[1];
  const shortName = (o: string) => {
    const short = instrument(o);
    return short && outcomes.filter((x) => instrument(x) === short).length === 1 ? short : ctx.outcomeLabel(o);
  };
  const analysisLines = (arm: Arm) =>
    planned.length && outcomes.length
      ? [
          fillPhrase(t('analysedBox'), { times: planned.map((v) => ctx.timeLabel(v)).join(' / ') }),
          ...outcomes.map((o) => `${shortName(o)}: n = ${planned.map((v) => outcomeRow(o, v)?.n[arm] ?? '—').join(' / ')}`),
        ]
      : [];
  const allLines = [...ARMS.flatMap(armLines), ...ARMS.flatMap((a) => followUps.flatMap((v) => visitLines(a, v))), ...ARMS.flatMap(analysisLines)].flatMap(fitLine);
  const boxWidth = Math.max(0, ...allLines.map((l) => textWidth(l, FONT_SIZE))) + 2 * PAD;
  const heightOf = (n: number) => n * LINE + 2 * PAD;
  // The target branch has its own width, so long criterion labels do not widen the arm columns.
  const branch = result.targetPopulation ? targetFlowBoxes(result.targetPopulation, ctx, { outcome: primary, method, times: planned }) : [];
  const branchWidth = Math.max(0, ...branch.flat().map((l) => textWidth(l, FONT_SIZE))) + 2 * PAD;
  const armsWidth = 2 * boxWidth + H_GAP;
  const width = Math.max(armsWidth, branch.length ? branchWidth : 0);

  const boxes: Box[] = [];
  const arrows: { x: number; y: number; x2: number; y2: number }[] = [];
  const top = [fillPhrase(t('randomised'), { n: patients.intervention + patients.control })];
  const topBox = { x: armsWidth / 2 - boxWidth / 2, y: 0, x2: armsWidth / 2 + boxWidth / 2, y2: heightOf(1), lines: top, stroke: '#444' };
  boxes.push(topBox);
  ARMS.forEach((arm, i) => {
    const x = i * (boxWidth + H_GAP);
    let y = topBox.y2 + V_GAP;
    const armText = armLines(arm).flatMap(fitLine);
    const armBox = { x, y, x2: x + boxWidth, y2: y + heightOf(armText.length), lines: armText, stroke: ARM_COLOURS[arm] };
    boxes.push(armBox);
    arrows.push({ x: armsWidth / 2, y: topBox.y2, x2: x + boxWidth / 2, y2: armBox.y });
    let prev = armBox;
    for (const v of followUps) {
      y = prev.y2 + V_GAP;
      const lines = visitLines(arm, v).flatMap(fitLine);
      const b = { x, y, x2: x + boxWidth, y2: y + heightOf(lines.length), lines, stroke: ARM_COLOURS[arm] };
      arrows.push({ x: x + boxWidth / 2, y: prev.y2, x2: x + boxWidth / 2, y2: b.y });
      boxes.push(b);
      prev = b;
    }
    const analysis = analysisLines(arm).flatMap(fitLine);
    if (analysis.length) {
      y = prev.y2 + V_GAP;
      const b = { x, y, x2: x + boxWidth, y2: y + heightOf(analysis.length), lines: analysis, stroke: ARM_COLOURS[arm] };
      arrows.push({ x: x + boxWidth / 2, y: prev.y2, x2: x + boxWidth / 2, y2: b.y });
      boxes.push(b);
    }
  });
  // The branch: a line from the randomised box down the gap between the arms (the criteria apply
  // to every randomised patient, whatever happened later), then the criteria in sequence below
  // the arms. Below rather than beside: a third column would make the diagram too wide for a
  // portrait page.
  let above: Box | undefined;
  for (const lines of branch) {
    const x = armsWidth / 2 - branchWidth / 2;
    const y = (above?.y2 ?? Math.max(...boxes.map((b) => b.y2))) + V_GAP;
    const b = { x, y, x2: x + branchWidth, y2: y + heightOf(lines.length), lines, stroke: '#444' };
    arrows.push({ x: armsWidth / 2, y: above?.y2 ?? topBox.y2, x2: armsWidth / 2, y2: b.y });
    boxes.push(b);
    above = b;
  }
  const height = Math.max(...boxes.map((b) => b.y2));
  const px = (field: string) => ({ field, type: 'quantitative', scale: null }) as const;
  const texts = boxes.flatMap((b) => b.lines.map((line, k) => ({ x: b.x + PAD, y: b.y + PAD + LINE * k + LINE / 2, line, bold: k === 0 })));

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t('flowChartTitle'), subtitle: fillPhrase(t('flowSubtitle'), { outcome: ctx.outcomeLabel(primary) }) },
    config: chartConfig(lang),
    // The SVG is the layout's own width: vega would widen it by its estimate of the text (0.8 em
    // a character, more than DejaVu Sans takes), which the print scales down.
    autosize: { type: 'fit-x', contains: 'padding' },
    width: width + 2 * 12,
    height,
    layer: [
      {
        data: { values: arrows },
        mark: { type: 'rule', color: '#666', strokeWidth: 1.2 },
        encoding: { x: px('x'), y: px('y'), x2: { field: 'x2' }, y2: { field: 'y2' } },
      },
      {
        data: { values: boxes.map(({ lines: _lines, ...b }) => b) },
        mark: { type: 'rect', fill: 'white', strokeWidth: 1.5, cornerRadius: 3 },
        encoding: { x: px('x'), y: px('y'), x2: { field: 'x2' }, y2: { field: 'y2' }, stroke: { field: 'stroke', type: 'nominal', scale: null, legend: null } },
      },
      // Each box's heading in bold (the PNG step loads the bold face too), the counts regular.
      {
        data: { values: texts.filter((d) => d.bold) },
        mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: FONT_SIZE, fontWeight: 'bold', color: '#000' },
        encoding: { x: px('x'), y: px('y'), text: { field: 'line' } },
      },
      {
        data: { values: texts.filter((d) => !d.bold) },
        mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: FONT_SIZE, color: '#333' },
        encoding: { x: px('x'), y: px('y'), text: { field: 'line' } },
      },
    ],
  } as unknown as TopLevelSpec;
}
