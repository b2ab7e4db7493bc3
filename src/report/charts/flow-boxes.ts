/**
 * The participant flow's boxes as text (docs/report-trial.md#order, CONSORT 2010): what each box
 * says, in the report language, computed once so the diagram (participant-flow.ts places the
 * boxes) and its text version under it (README.md and the page) say the same.
 *
 * - Enrolment, when the plan gives the screening log: assessed for eligibility, excluded with
 *   the reasons, then randomised (from the export); the export's participants never randomised
 *   ("flow.notRandomised") are one more reason, and without the screening log the top box counts
 *   the export's participants instead.
 * - Per arm: allocation (in a cluster-randomised trial the clusters too, as does the randomised box); each follow-up visit with the primary outcome observed and missing, and
 *   at the planned visits the number analysed by the primary method; the losses with their
 *   reasons when the export has a withdrawal-reason column; CONSORT's "Analysed" box.
 * - What was not provided (enrolment, reasons for loss) is said in words, not left out silently.
 *
 * Pure: the analysis and the labels in, lines out.
 */
import type { AnalysisResult, FlowLoss } from '../../analysis/results-schema.js';
import { randomisedTotal } from '../../trial/other-arms.js';
import { ARMS, type Arm } from '../../trial/trial-data.js';
import { methodText } from '../effects-table.js';
import { fillPhrase, formatThousands } from '../i18n.js';
import { outcomeShortNames } from './outcome-short-name.js';
import { targetFlowBoxes } from './target-flow-boxes.js';
import { transportsWholeTrial } from '../../analysis/whole-trial-transport.js';
import type { TrialChartContext } from './trial-chart-context.js';

/** One line of a box: the heading of a box or a part of it (bold), a count, or a reason under a count (indented). */
export interface FlowLine {
  text: string;
  kind: 'heading' | 'count' | 'reason';
}

export type FlowBox = FlowLine[];

export interface FlowBoxes {
  /** The screening log: "Assessed for eligibility" and the "Excluded" box beside the line down; absent when not provided. */
  enrolment?: { assessed: FlowBox; excluded: FlowBox };
  randomised: FlowBox;
  /** Per arm, top to bottom: allocation, the visits, the losses (when given), the analysed box. */
  arms: Record<Arm, FlowBox[]>;
  /** Sentences on what the inputs did not provide (empty when both were). */
  notProvided: string[];
}

type FlowResult = Pick<AnalysisResult, 'missingness' | 'effects' | 'input' | 'flow'>;

/** The primary outcome and its method: the flow's visit boxes count them. */
function primaryOf(result: Pick<AnalysisResult, 'missingness'>, ctx: Pick<TrialChartContext, 'primary' | 'primaryMethod' | 'kindOf'>) {
  const outcome = ctx.primary?.outcome ?? result.missingness[0]?.outcome ?? '';
  return { outcome, method: ctx.kindOf(outcome) === 'binary' ? ('risk-difference' as const) : ctx.primaryMethod };
}

/** The target population's branch (target-flow-boxes.ts) for the primary outcome at the planned follow-ups; empty without one. */
export function targetBranch(result: Pick<AnalysisResult, 'missingness' | 'effects' | 'targetPopulation'>, ctx: Pick<TrialChartContext, 'lang' | 'arms' | 'timeLabel' | 'primary' | 'primaryMethod' | 'kindOf' | 'visits'>): string[][] {
  // No criteria (the whole trial transported, whole-trial-transport.ts): no patients are selected, so no branch.
  if (!result.targetPopulation || transportsWholeTrial(result.targetPopulation)) return [];
  const planned = ctx.visits.slice(1).filter((v) => result.effects.some((e) => e.time === v && e.method === ctx.primaryMethod));
  return targetFlowBoxes(result.targetPopulation, ctx, { ...primaryOf(result, ctx), times: planned });
}
type FlowContext = Pick<TrialChartContext, 'lang' | 'text' | 'primary' | 'primaryMethod' | 'kindOf' | 'visits' | 'armLabel' | 'timeLabel' | 'outcomeLabel'>;

export function flowBoxes(result: FlowResult, ctx: FlowContext): FlowBoxes {
  const t = ctx.text;
  const lang = ctx.lang;
  const count = (n: number) => formatThousands(n, 0, lang);
  const heading = (text: string): FlowLine => ({ text, kind: 'heading' });
  const line = (text: string): FlowLine => ({ text, kind: 'count' });
  const reason = (text: string, n: number): FlowLine => ({ text: fillPhrase(t('flowReason'), { reason: text, n: count(n) }), kind: 'reason' });

  const { outcome: primary, method } = primaryOf(result, ctx);
  const followUps = ctx.visits.slice(1);
  const patients = result.input.patients;

  const e = result.flow?.enrolment;
  // Without the screening log, the export's participants never randomised still get the top of
  // the diagram: all of the export's participants, and those excluded before randomisation.
  const nr = result.flow?.notRandomised;
  const others = (result.input.otherArms ?? []).filter((a) => a.patients > 0);
  // Patients who withdrew consent were randomised: counted in the total, and said as one number in its box, never per arm (docs/plan-trial.md#consent-withdrawn).
  const withdrew = result.flow?.consentWithdrawn?.n ?? 0;
  const randomised = randomisedTotal(patients, others, withdrew);
  const enrolment = e
    ? {
        assessed: [heading(fillPhrase(t('assessed'), { n: count(e.assessed) }))],
        excluded: [heading(fillPhrase(t('excludedBox'), { n: count(e.excluded.reduce((s, x) => s + x.n, 0)) })), ...e.excluded.map((x) => reason(x.reason[lang], x.n))],
      }
    : nr && {
        // Counted in the export, not from the patients analysed: one whose every row was left out as invalid is still a participant (not-randomised.ts).
        // A participant whose every row --exclude-invalid left out is in the export but neither
        // randomised nor excluded here: said, so that the boxes add up.
        assessed: [heading(fillPhrase(t('inExport'), { n: count(nr.inExport) })), ...(nr.inExport > randomised + nr.n ? [reason(t('allRowsInvalid'), nr.inExport - randomised - nr.n)] : [])],
        excluded: [heading(fillPhrase(t('excludedBox'), { n: count(nr.n) })), reason(nr.reason[lang], nr.n)],
      };

  const visitBox = (arm: Arm, time: string): FlowBox => {
    const m = result.missingness.find((r) => r.outcome === primary && r.time === time && r.arm === arm);
    const box = [heading(ctx.timeLabel(time)), line(fillPhrase(t('observedAt'), { n: count(m?.observed ?? 0) })), line(fillPhrase(t('missingAt'), { n: count(m?.missing ?? 0) }))];
    // Patients the outcome does not apply to are not lost to follow-up (docs/plan-trial.md#not-applicable).
    if (m?.notApplicable) box.push(line(fillPhrase(t('notApplicableAt'), { n: count(m.notApplicable) })));
    const analysed = result.effects.find((r) => r.outcome === primary && r.time === time && r.method === method);
    if (analysed) box.push(line(fillPhrase(t('analysedAt'), { method: methodText(method, lang), n: count(analysed.n[arm]) })));
    // The observed patients the analysis leaves out, and why (CONSORT item 16; results.json `notAnalysed`).
    const left = analysed?.notAnalysed?.[arm];
    if (left && left.missingBaseline + left.missingCovariate > 0) {
      box.push(line(fillPhrase(t('notAnalysedAt'), { n: count(left.missingBaseline + left.missingCovariate) })));
      if (left.missingBaseline) box.push(reason(t('notAnalysedNoBaseline'), left.missingBaseline));
      if (left.missingCovariate) box.push(reason(t('notAnalysedNoCovariate'), left.missingCovariate));
    }
    return box;
  };
  // CONSORT's follow-up box: lost to follow-up and discontinued, each with its reasons.
  const losses = result.flow?.losses;
  const lossBox = (arm: Arm): FlowBox => {
    const rows = losses![arm];
    const part = (kind: FlowLoss['kind'], key: 'lostToFollowUp' | 'discontinued') => {
      const of = rows.filter((r) => r.kind === kind);
      return [heading(fillPhrase(t(key), { n: count(of.reduce((s, r) => s + r.n, 0)) })), ...of.map((r) => reason(r.label[lang], r.n))];
    };
    // Lost, yet observed at the primary visit (a status column's "Withdrawn" after the last visit):
    // said, so that the box does not read as missing data the visit box above does not show.
    const atEnd = losses!.observedAtEnd;
    const after = atEnd && atEnd[arm] > 0
      ? [{ text: `· ${fillPhrase(t('lostAfterVisit'), { n: count(atEnd[arm]), outcome: outcomeShortNames([ctx.outcomeLabel(atEnd.outcome)])[0]!, time: ctx.timeLabel(atEnd.time) })}`, kind: 'reason' as const }]
      : [];
    return [...part('lost-to-follow-up', 'lostToFollowUp'), ...after, ...part('discontinued', 'discontinued')];
  };
  // CONSORT's "Analysed" box: per outcome, the patients in its analysis at each planned follow-up.
  const methodOf = (o: string) => (ctx.kindOf(o) === 'binary' ? 'risk-difference' : ctx.primaryMethod);
  const outcomeRow = (o: string, time: string) => result.effects.find((r) => r.outcome === o && r.time === time && r.method === methodOf(o));
  const planned = followUps.filter((v) => result.effects.some((r) => r.time === v && r.method === ctx.primaryMethod));
  const outcomes = [...new Set(result.effects.map((r) => r.outcome))].filter((o) => ctx.kindOf(o) !== undefined && planned.some((v) => outcomeRow(o, v)));
  // "RMDQ", "Smerteintensitet": never the scale's range the label carries (outcome-short-name.ts).
  const shortNames = new Map(outcomeShortNames(outcomes.map((o) => ctx.outcomeLabel(o))).map((name, i) => [outcomes[i]!, name]));
  const shortName = (o: string) => shortNames.get(o)!;
  const analysisBox = (arm: Arm): FlowBox[] =>
    planned.length && outcomes.length
      ? [[
          heading(fillPhrase(t('analysedBox'), { times: planned.map((v) => ctx.timeLabel(v)).join(' / ') })),
          ...outcomes.map((o) => line(`${shortName(o)}: n = ${planned.map((v) => { const n = outcomeRow(o, v)?.n[arm]; return n === undefined ? '—' : count(n); }).join(' / ')}`)),
        ]]
      : [];

  // A cluster-randomised trial randomised clusters: CONSORT's extension for cluster trials counts
  // them beside the patients at allocation (docs/plan-trial.md#cluster-randomised-trials).
  const clusters = result.input.clusters;
  const arms = Object.fromEntries(
    ARMS.map((arm) => [
      arm,
      [
        [heading(ctx.armLabel(arm)), line(clusters ? fillPhrase(t('allocatedClusters'), { clusters: count(clusters[arm]), n: count(patients[arm]) }) : fillPhrase(t('allocated'), { n: count(patients[arm]) }))],
        ...followUps.map((v) => visitBox(arm, v)),
        ...(losses ? [lossBox(arm)] : []),
        ...analysisBox(arm),
      ],
    ]),
  ) as Record<Arm, FlowBox[]>;
  // The screening log (assessed for eligibility) is the plan's: the export's participants do not stand in for it.
  const notProvided = e ? (losses ? [] : [t('flowNoLosses')]) : nr ? [t(losses ? 'flowNoScreening' : 'flowNoScreeningNorLosses')] : [t(losses ? 'flowNoEnrolment' : 'flowNoneProvided')];
  // Arms the plan does not compare (docs/plan-trial.md#other-arms) were randomised too: counted in
  // the total (`randomised`, above), and their allocation said in the randomised box, since no column of boxes follows them.
  // An arm of the plan's "otherArms" with no row in the export randomised nobody here: not drawn.
  const otherLines = others.map((a) => line(fillPhrase(t('allocatedOther'), { arm: a.label[lang], n: count(a.patients) })));
  const withdrewLines = withdrew ? [line(fillPhrase(t('consentWithdrawn'), { n: count(withdrew) }))] : [];
  return { ...(enrolment ? { enrolment } : {}), randomised: [heading(clusters && !others.length ? fillPhrase(t('randomisedClusters'), { clusters: count(clusters.intervention + clusters.control), n: count(randomised) }) : fillPhrase(t('randomised'), { n: count(randomised) })), ...otherLines, ...withdrewLines], arms, notProvided };
}

/** A part of the flow in words: a sentence, or a heading with one sentence per box under it. */
export type FlowListItem = string | { text: string; items: string[] };

/**
 * The flow in words as a nested list, for the text version under the diagram: the enrolment
 * and randomised boxes; per arm its name with one item per box; the target population's branch
 * under `branchTitle` with one item per criterion; what was not provided.
 */
export function flowList(boxes: FlowBoxes, branch: readonly (readonly string[])[] = [], branchTitle = ''): FlowListItem[] {
  const counted = (text: string) => / = \S/.test(text);
  const sentence = (box: FlowBox) => {
    const parts: string[] = [];
    for (const l of box) {
      const text = l.text.replace(/^· /, '');
      if (l.kind === 'reason' && parts.length) {
        const last = parts.length - 1;
        parts[last] = parts[last]!.endsWith(')') ? `${parts[last]!.slice(0, -1)}; ${text})` : `${parts[last]} (${text})`;
      } else parts.push(text);
    }
    const [first, ...rest] = parts;
    return box[0]?.kind === 'heading' && !counted(first!) && rest.length ? `${first} — ${rest.join('; ')}` : parts.join('; ');
  };
  const top = boxes.enrolment ? [boxes.enrolment.assessed, boxes.enrolment.excluded, boxes.randomised] : [boxes.randomised];
  const asBox = (lines: readonly string[]): FlowBox => lines.map((text, k) => ({ text, kind: k === 0 ? 'heading' : 'count' }));
  return [
    `${top.map(sentence).join('. ')}.`,
    // Each arm's item starts with its allocation box, whose heading is the arm's name.
    ...ARMS.map((arm) => {
      const [allocation, ...rest] = boxes.arms[arm].map((b) => `${sentence(b)}.`);
      return { text: allocation!, items: rest };
    }),
    ...(branch.length ? [branchTitle ? { text: branchTitle, items: branch.map((b) => `${sentence(asBox(b))}.`) } : `${branch.map((b) => sentence(asBox(b))).join('. ')}.`] : []),
    ...boxes.notProvided,
  ];
}
