/**
 * Participant flow, CONSORT 2010: enrolment when the plan gives the screening log (assessed for
 * eligibility, excluded with reasons in a box beside the line down), randomised, allocated per
 * arm, then per follow-up visit the patients with the primary outcome observed and missing, and
 * at the planned follow-ups the number analysed by the primary method; the losses with their
 * reasons when the export has a withdrawal-reason column; last, CONSORT's "Analysed" box: per
 * outcome the patients in its analysis at each planned follow-up. What the inputs do not give
 * is said under the title. What each box says comes from flow-boxes.ts (shared with the text
 * version under the diagram); this module places the boxes, in pixel coordinates (scale: null)
 * so the layout is fixed.
 *
 * With a target population in the plan, its boxes stand apart below the arms, in a dashed frame
 * titled as the target-population subset (no line joins them to the trial's flow: they are not a
 * stage of it): one per criterion with the patients it excluded and those remaining, then the
 * target population (target-flow-boxes.ts; docs/subgroups.md#report).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult } from '../../analysis/results-schema.js';
import { ARMS } from '../../trial/trial-data.js';
import { fillPhrase, type Lang } from '../i18n.js';
import { textWidth } from '../render/chart-font.js';
import { PORTRAIT_PX } from '../html-page.js';
import { ARM_COLOURS, chartConfig, FONT_SIZE } from './chart-style.js';
import { populationPhrase } from '../sections/subgroup-phrases.js';
import { type FlowBox, type FlowLine, flowBoxes, targetBranch } from './flow-boxes.js';
import { wrapForVega } from './two-lines.js';
import type { TrialChartContext } from './trial-chart-context.js';

/** The subtitle's font size (chartConfig's title.subtitleFontSize). */
const SUBTITLE_SIZE = 11;
// Lines, padding and gaps tight enough that the diagram (with a target-population branch) is
// no taller than a portrait page holds with its heading (docs/report-trial.md#print).
const LINE = 14;
const PAD = 6;
const V_GAP = 12;
const H_GAP = 40;
/** A reason sits under its count, indented. */
const INDENT = 10;
/**
 * The longest line of an arm's box: two boxes and their gap fit a portrait A4 page's printable
 * width with the chart's padding, so the diagram prints its text at 11 px × 0.75 ≥ 8 pt
 * (docs/report-trial.md#print); a longer line wraps.
 */
const MAX_LINE = (PORTRAIT_PX - 2 * 12 - H_GAP) / 2 - 2 * PAD;

/** A line as drawn: a long reason wraps onto lines indented under its text (`cont`). */
type DrawnLine = FlowLine & { cont?: boolean; wrapped?: boolean };

interface Box {
  x: number;
  y: number;
  x2: number;
  y2: number;
  lines: DrawnLine[];
  stroke: string;
}

/**
 * Lines wider than `width` broken at spaces, so a long reason or a long outcome name does not
 * widen the diagram beyond a printed page. A count stays one unit ("n = 213 / 184", and a
 * reason's "n = 14" with its last word); a reason's continuation lines carry `cont` (drawn under
 * its text, after the bullet's width).
 */
function wrapLines(box: FlowBox, width: number): DrawnLine[] {
  const bullet = textWidth('· ', FONT_SIZE);
  return box.flatMap((l): DrawnLine[] => {
    const indent = l.kind === 'reason' ? INDENT : 0;
    if (textWidth(l.text, FONT_SIZE) + indent <= width) return [l];
    // "Outcome label: n = 213 / 184" breaks after the label first, so the label stays whole.
    const labelled = l.kind === 'reason' ? null : /^(.+?:) (n = .+)$/.exec(l.text);
    if (labelled && textWidth(labelled[1]!, FONT_SIZE) <= width && textWidth(labelled[2]!, FONT_SIZE) <= width) {
      return [{ ...l, text: labelled[1]! }, { ...l, text: labelled[2]!, wrapped: true }];
    }
    const out: DrawnLine[] = [];
    let current = '';
    const words = l.text.replace(/ (?=[=/])|(?<=[=/]) /g, '\u0000').replace(/(\S+) (n\u0000=\u0000\S+)$/, '$1\u0000$2').split(' ').map((w) => w.replace(/\u0000/g, ' '));
    const push = (text: string) => out.push({ ...l, text, ...(out.length ? { wrapped: true, ...(l.kind === 'reason' ? { cont: true } : {}) } : {}) });
    for (const word of words) {
      const next = current ? `${current} ${word}` : word;
      const room = width - indent - (out.length && l.kind === 'reason' ? bullet : 0);
      if (current && textWidth(next, FONT_SIZE) > room) {
        push(current);
        current = word;
      } else current = next;
    }
    push(current);
    return out;
  });
}

/** The target branch's lines (first = heading) as flow lines. */
const asBox = (lines: readonly string[]): FlowBox => lines.map((text, k) => ({ text, kind: k === 0 ? 'heading' : 'count' }));

export function participantFlowSpec(result: Pick<AnalysisResult, 'missingness' | 'effects' | 'input' | 'plan' | 'targetPopulation' | 'flow'>, ctx: TrialChartContext): TopLevelSpec {
  const lang: Lang = ctx.lang;
  const t = ctx.text;
  const primary = ctx.primary?.outcome ?? result.missingness[0]?.outcome ?? '';
  const flow = flowBoxes(result, ctx);

  const lineWidth = (l: DrawnLine) => textWidth(l.text, FONT_SIZE) + (l.kind === 'reason' ? INDENT : 0) + (l.cont ? textWidth('· ', FONT_SIZE) : 0);
  const wrap = (box: FlowBox) => wrapLines(box, MAX_LINE);
  const allLines = [flow.randomised, ...(flow.enrolment ? [flow.enrolment.assessed, flow.enrolment.excluded] : []), ...ARMS.flatMap((a) => flow.arms[a])].flatMap(wrap);
  const boxWidth = Math.max(0, ...allLines.map(lineWidth)) + 2 * PAD;
  const heightOf = (n: number) => n * LINE + 2 * PAD;
  // The target branch has its own width, so long criterion labels do not widen the arm columns.
  const branch = targetBranch(result, ctx).map(asBox);
  const panelTitle: DrawnLine = { text: populationPhrase('flowTargetPanel', lang, result.targetPopulation?.purpose), kind: 'heading' };
  const branchWidth = Math.max(0, ...branch.flat().map(lineWidth), ...(branch.length ? [lineWidth(panelTitle)] : [])) + 2 * PAD;
  const armsWidth = 2 * boxWidth + H_GAP;
  const width = Math.max(armsWidth, branch.length ? branchWidth : 0);

  const boxes: Box[] = [];
  const arrows: { x: number; y: number; x2: number; y2: number }[] = [];
  const centred = (y: number, lines: DrawnLine[]) => ({ x: armsWidth / 2 - boxWidth / 2, y, x2: armsWidth / 2 + boxWidth / 2, y2: y + heightOf(lines.length), lines, stroke: '#444' });
  // Enrolment: "Assessed" above the randomised box, "Excluded" beside the line between them
  // (over the second arm's column), as in the CONSORT 2010 diagram.
  let randomisedY = 0;
  if (flow.enrolment) {
    const assessed = centred(0, wrap(flow.enrolment.assessed));
    const ex = wrap(flow.enrolment.excluded);
    const exY = assessed.y2 + V_GAP;
    const excluded = { x: boxWidth + H_GAP, y: exY, x2: 2 * boxWidth + H_GAP, y2: exY + heightOf(ex.length), lines: ex, stroke: '#444' };
    boxes.push(assessed, excluded);
    randomisedY = excluded.y2 + V_GAP;
    arrows.push({ x: armsWidth / 2, y: assessed.y2, x2: armsWidth / 2, y2: randomisedY });
    arrows.push({ x: armsWidth / 2, y: excluded.y + LINE / 2 + PAD, x2: excluded.x, y2: excluded.y + LINE / 2 + PAD });
  }
  const topBox = centred(randomisedY, wrap(flow.randomised));
  boxes.push(topBox);
  ARMS.forEach((arm, i) => {
    const x = i * (boxWidth + H_GAP);
    let prev: Box | undefined;
    for (const box of flow.arms[arm]) {
      const lines = wrap(box);
      const y = (prev?.y2 ?? topBox.y2) + V_GAP;
      const b = { x, y, x2: x + boxWidth, y2: y + heightOf(lines.length), lines, stroke: ARM_COLOURS[arm] };
      arrows.push(prev ? { x: x + boxWidth / 2, y: prev.y2, x2: x + boxWidth / 2, y2: b.y } : { x: armsWidth / 2, y: topBox.y2, x2: x + boxWidth / 2, y2: b.y });
      boxes.push(b);
      prev = b;
    }
  });
  // The branch: the criteria in sequence below the arms, in a dashed frame titled as the subset,
  // a gap above it and no line from the trial's flow (the criteria apply to every randomised
  // patient, whatever happened later: they are not a stage after the analysis). Below rather
  // than beside: a third column would make the diagram too wide for a portrait page.
  const frames: { x: number; y: number; x2: number; y2: number }[] = [];
  const frameTitles: Box[] = [];
  let above: Box | undefined;
  const armsBottom = Math.max(...boxes.map((b) => b.y2));
  const branchX = (width - branchWidth) / 2;
  for (const lines of branch) {
    const y = above ? above.y2 + V_GAP : armsBottom + 2 * V_GAP + LINE + 2 * PAD;
    const b = { x: branchX, y, x2: branchX + branchWidth, y2: y + heightOf(lines.length), lines, stroke: '#444' };
    if (above) arrows.push({ x: branchX + branchWidth / 2, y: above.y2, x2: branchX + branchWidth / 2, y2: b.y });
    boxes.push(b);
    above = b;
  }
  if (above) {
    const top = armsBottom + 2 * V_GAP;
    frames.push({ x: branchX - PAD, y: top, x2: branchX + branchWidth + PAD, y2: above.y2 + PAD });
    frameTitles.push({ x: branchX - PAD, y: top, x2: branchX + branchWidth + PAD, y2: top + LINE + PAD, lines: [panelTitle], stroke: 'none' });
  }
  const height = Math.max(...boxes.map((b) => b.y2), ...frames.map((f) => f.y2));
  const px = (field: string) => ({ field, type: 'quantitative', scale: null }) as const;
  const bullet = textWidth('· ', FONT_SIZE);
  const texts = [...boxes, ...frameTitles].flatMap((b) => b.lines.map((l, k) => ({ x: b.x + PAD + (l.kind === 'reason' ? INDENT : 0) + (l.cont ? bullet : 0), y: b.y + PAD + LINE * k + LINE / 2, line: l.text, bold: l.kind === 'heading', ...(l.wrapped ? { wrapped: true } : {}) })));

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // What the inputs did not provide is said under the title, in words.
    title: { text: t('flowChartTitle'), subtitle: [...wrapForVega(fillPhrase(t(ctx.primary ? 'flowSubtitle' : 'flowSubtitleNoPrimary'), { outcome: ctx.outcomeLabel(primary) }), width, SUBTITLE_SIZE), ...flow.notProvided.flatMap((l) => wrapForVega(l, width, SUBTITLE_SIZE))] },
    config: chartConfig(lang),
    // The SVG is the layout's own width, not the text's bounds (the box lines are placed at
    // textWidth's 0.62 em a character, a little more than they take).
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
      // The target population's frame: dashed, unfilled, drawn last (after the arrows, boxes and texts).
      ...(frames.length ? [{
        data: { values: frames },
        mark: { type: 'rect', filled: false, stroke: '#666', strokeWidth: 1.2, strokeDash: [5, 3], cornerRadius: 3 },
        encoding: { x: px('x'), y: px('y'), x2: { field: 'x2' }, y2: { field: 'y2' } },
      }] : []),
    ],
  } as unknown as TopLevelSpec;
}
