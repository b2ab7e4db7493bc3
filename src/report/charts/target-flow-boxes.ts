/**
 * The participant flow's branch into the target population (docs/subgroups.md#report): one box
 * per criterion in sequence — the patients it excluded (per arm, and how many had no value) and
 * those remaining — then the target population with the patients analysed in it by the primary
 * method at each planned follow-up, or "too small to analyse". The numbers are those of the
 * target-population section's criteria table (`result.targetPopulation.criteria`).
 *
 * Pure: the result in, the boxes' lines out (first line = heading); participant-flow.ts places them.
 */
import type { EffectRow, TargetPopulation } from '../../analysis/results-schema.js';
import { fillArms } from '../arm-names.js';
import { fillPhrase, formatThousands } from '../i18n.js';
import { populationPhrase, type SubgroupPhrase } from '../sections/subgroup-phrases.js';
import type { TrialChartContext } from './trial-chart-context.js';

/** The branch's boxes, each a list of lines (heading first). */
export function targetFlowBoxes(
  t: TargetPopulation,
  ctx: Pick<TrialChartContext, 'lang' | 'arms' | 'timeLabel'>,
  primary: { outcome: string; method: EffectRow['method']; times: readonly string[] },
): string[][] {
  const p = (k: SubgroupPhrase, values: Record<string, string | number> = {}) => fillPhrase(fillArms(populationPhrase(k, ctx.lang, t.purpose), ctx.arms), values);
  const count = (n: number) => formatThousands(n, 0, ctx.lang);
  const counts = (a: { intervention: number; control: number }) => ({ n: count(a.intervention + a.control), i: count(a.intervention), c: count(a.control) });
  // "1. Aged 15 or older": numbered, as the criteria apply in sequence.
  const heading = (label: string, i: number) => `${i + 1}. ${label.charAt(0).toUpperCase()}${label.slice(1)}`;
  const boxes = t.criteria.map((c, i) => [
    heading(c.label[ctx.lang], i),
    p('flowExcluded', counts(c.excluded)),
    ...(c.missing ? [p('flowNoValue', { n: count(c.missing) })] : []),
    p('flowRemaining', counts(c.remaining)),
  ]);
  const analysed = (time: string) => t.effects.find((e) => e.outcome === primary.outcome && e.time === time && e.method === primary.method);
  const last = [
    p('flowTarget'),
    p('flowMeetAll', { n: count(t.patients.intervention + t.patients.control) }),
    ...(t.analysed
      ? primary.times.flatMap((time) => {
          const e = analysed(time);
          return e ? [p('flowTargetAnalysed', { time: ctx.timeLabel(time), i: count(e.n.intervention), c: count(e.n.control) })] : [];
        })
      : [p('flowTooSmall', { min: t.minPerArm })]),
  ];
  return [...boxes, last];
}

