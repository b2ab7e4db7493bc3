/**
 * Summary of findings in the committee's form, the columns of a GRADEpro table
 * (docs/report-trial.md#summary-of-findings): per outcome and planned follow-up the participants
 * (studies), the certainty of evidence with footnoted reasons, the relative effect (risk ratio
 * for yes/no outcomes), the risk or mean with the control arm, the absolute effect (per 1,000 or
 * mean difference) and the verdict against the MCID.
 *
 * Certainty: the plan's GRADE level and reasons for the outcome, downgraded for imprecision by
 * the rule in judge/grade-certainty.ts; this module only words it. Without a level in the plan the
 * column says "not rated in the plan", with no downgrade footnote, and a note under the table
 * says the plan must rate it (as `hta plan check` warns).
 */
import { notComputedText } from './failure-reasons.js';
import type { AnalysisResult, EffectRow, TargetPopulation } from '../analysis/results-schema.js';
import { type CertaintyJudgement, type CertaintyLevel, gradeCertainty } from '../judge/grade-certainty.js';
import type { Plan } from '../plan/plan-schema.js';
import type { TrialChartContext } from './charts/trial-chart-context.js';
import { fillPhrase, formatFixed, formatThousands, formatRowMcid, type Lang, NO_MCID_VERDICT_UNDER_HEADING, REPORT_TEXT, VERDICT_TEXT } from './i18n.js';
import { populationRowsOutcome, sofPopulationNote, sofPopulationRows } from './sof-target-rows.js';
import { type AbsoluteBasis, sofAbsoluteEffect, sofJudgedRow } from './sof-absolute-effect.js';
import { HARM_KIND_LABEL, HARMS_HEADING, HARMS_NOTE, HARMS_NOTE_RATED, HARMS_OUTCOME } from './sof-harm-rows.js';
import type { Table } from './text-table.js';
import { withSignificance } from './verdict-notes.js';
import { differenceDecisions, formatBound, RATIO_DECISIONS } from './interval-bound.js';

const SYMBOLS: Record<CertaintyLevel, string> = { high: '⊕⊕⊕⊕', moderate: '⊕⊕⊕◯', low: '⊕⊕◯◯', 'very-low': '⊕◯◯◯' };

export interface Certainty extends CertaintyJudgement {
  /** The plan's reasons, then the imprecision reason in the report's language when the CI crosses the MCID. */
  reasons: string[];
}

/** The judged certainty of one row with its reasons worded for the page. */
export function certaintyOf(
  planned: { level: CertaintyLevel; reasons: (string | { en: string; da?: string | undefined })[] } | undefined,
  row: Pick<EffectRow, 'imprecise'> & Partial<Pick<EffectRow, 'mcid' | 'error'>>,
  lang: Lang,
): Certainty {
  const judged = gradeCertainty(planned?.level, row.imprecise);
  // A reason given in both languages is shown in the page's; one given once, as written.
  const worded = (planned?.reasons ?? []).map((r) => (typeof r === 'string' ? r : r[lang] ?? r.en));
  // Imprecision downgrades a rated certainty; a certainty never rated has nothing to downgrade, so
  // an unrated row gets no imprecision footnote: the table's note says the plan must rate it.
  // Without an MCID the rule (the CI crossing the MCID) cannot apply: the footnote says
  // imprecision was not assessed, rather than the certainty reading as if it had passed.
  const notAssessed = planned && row.mcid === null && row.imprecise === null && !row.error;
  const reasons = [...worded, ...(judged.imprecise && planned ? [REPORT_TEXT.imprecisionReason[lang]] : []), ...(notAssessed ? [REPORT_TEXT.imprecisionNotAssessed[lang]] : [])];
  return { ...judged, reasons };
}

export function certaintyText(c: Certainty, lang: Lang): string {
  const head = c.level ? `${SYMBOLS[c.level]} ${REPORT_TEXT[c.level][lang]}` : REPORT_TEXT.notAssessed[lang];
  return c.reasons.length ? `${head} (${c.reasons.join('; ')})` : head;
}

/** "0.81 points lower" / "0,81 point lavere"; "99 more" per 1,000. */
function signed(v: number, text: (abs: string) => string, up: string, down: string): string {
  const s = text(Math.abs(v).toString());
  return v === 0 ? s : `${s} ${v < 0 ? down : up}`;
}

/**
 * A CI limit in words ("0.03 more"): never rounded onto 0 or ±MCID (`decisions`, interval-bound.ts),
 * so "0.997 lower" stays on its side of an MCID of 1.
 */
function bound(v: number, decimals: number, lang: Lang, up: string, down: string, decisions: readonly number[], scale = 1): string {
  const printed = formatBound(v, decimals, lang, decisions, scale);
  // A limit printed as its side ("<0.00", ">−1.00"): in words a size, so below 0 the sign turns ("<1.00 lower").
  const side = /^([<>])[−-]?(.*)$/.exec(printed);
  if (side) return `${v < 0 ? (side[1] === '<' ? '>' : '<') : side[1]}${side[2]} ${v < 0 ? down : up}`;
  const text = printed.replace(/^[−-]/, '');
  return /^[0,.]+$/.test(text) ? text : `${text} ${v < 0 ? down : up}`;
}

/** The effect as GRADE summary tables phrase it: "MD 0.81 points lower (1.47 lower to 0.15 lower)". */
export function sofEffectText(r: EffectRow, ctx: Pick<TrialChartContext, 'lang' | 'unitOf' | 'decimalsOf'>): string {
  const lang = ctx.lang;
  const t = (k: keyof typeof REPORT_TEXT) => REPORT_TEXT[k][lang];
  if (r.difference === null || r.ciLower === null || r.ciUpper === null) return r.error ? notComputedText(r.error, lang) : `${t('notComputed')}: `;
  if (r.method === 'risk-difference') {
    // From the control risk and the RR, as GRADE does (sof-absolute-effect.ts); the note says so.
    const a = sofAbsoluteEffect(r)!;
    const per1000 = (v: number) => signed(Math.round(v), (x) => x, t('more'), t('fewer'));
    // Judged per 1,000 (sofJudgedRow): 0 and ±MCID per 1,000 are the values the verdict reads.
    const decisions = differenceDecisions(r.mcid, 1000);
    return fillPhrase(t('rdEffect'), { est: per1000(a.estimate), lo: bound(a.lower, 0, lang, t('more'), t('fewer'), decisions, 1000), hi: bound(a.upper, 0, lang, t('more'), t('fewer'), decisions, 1000) });
  }
  const d = ctx.decimalsOf(r.outcome);
  const num = (v: number) => signed(Number(v.toFixed(d)), () => formatFixed(Math.abs(v), d, lang), t('higher'), t('lower'));
  const unit = ctx.unitOf(r.outcome);
  const decisions = differenceDecisions(r.mcid);
  return fillPhrase(t('mdEffect'), { est: num(r.difference).replace(/^([\d.,]+)/, unit ? `$1 ${unit}` : '$1'), lo: bound(r.ciLower, d, lang, t('higher'), t('lower'), decisions), hi: bound(r.ciUpper, d, lang, t('higher'), t('lower'), decisions) });
}

export interface SofRow {
  outcome: string;
  time: string;
  row: EffectRow;
  importance: 'critical' | 'important';
  certainty: Certainty;
  /** Observed mean of the control arm at this time (continuous outcomes); null when none. */
  controlMean: number | null;
}

/** One row per outcome (plan order, then responders) × planned follow-up: the primary method's estimate. */
export function summaryOfFindingsRows(result: Pick<AnalysisResult, 'effects'> & Partial<Pick<AnalysisResult, 'descriptives'>>, plan: Plan, primaryMethod: EffectRow['method'], lang: Lang): SofRow[] {
  const out: SofRow[] = [];
  // A responder definition is a re-analysis of its outcome's scores: it carries that outcome's
  // assessment (risk of bias, indirectness … are properties of how the scores were collected).
  const certaintyOfOutcome = new Map(plan.outcomes.map((o) => [o.key, o.certainty]));
  const items = [
    ...plan.outcomes.map((o) => ({ key: o.key, importance: o.importance, certainty: o.certainty })),
    ...plan.responders.map((r) => ({ key: r.key, importance: r.importance, certainty: certaintyOfOutcome.get(r.outcome) })),
  ];
  for (const item of items) {
    for (const time of plan.timepoints) {
      const rows = result.effects.filter((e) => e.outcome === item.key && e.time === time);
      const found = rows.find((e) => e.method === primaryMethod) ?? rows.find((e) => e.method === 'risk-difference');
      if (!found) continue;
      // A yes/no row is judged on the absolute interval the table shows (sof-absolute-effect.ts).
      const row = sofJudgedRow(found);
      const control = result.descriptives?.find((d) => d.outcome === item.key && d.time === time && d.arm === 'control');
      out.push({ outcome: item.key, time, row, importance: item.importance, certainty: certaintyOf(item.certainty, row, lang), controlMean: control?.mean ?? null });
    }
  }
  return out;
}

/** Footnote letters a, b, …, z, aa, ab, … */
function letter(i: number): string {
  return i < 26 ? String.fromCharCode(97 + i) : letter(Math.floor(i / 26) - 1) + letter(i % 26);
}

/** "RR 0.98 (0.78 to 1.23)" for yes/no outcomes; "—" where GRADE tables leave it empty (mean differences). */
export function relativeEffectText(r: EffectRow, lang: Lang): string {
  // No events in either arm (or only events): GRADEpro's "not estimable", not a dash that reads as "not a yes/no row".
  if (r.riskRatio === null && r.ratiosNotEstimable) return REPORT_TEXT.notEstimable[lang];
  if (!r.riskRatio) return '—';
  const f = (v: number) => formatFixed(v, 2, lang);
  // A limit is never rounded onto 1, no effect (interval-bound.ts): "0.997 to 1.43", not "1.00 to 1.43".
  const b = (v: number) => formatBound(v, 2, lang, RATIO_DECISIONS);
  return fillPhrase(REPORT_TEXT.rrEffect[lang], { est: f(r.riskRatio.estimate), lo: b(r.riskRatio.ciLower), hi: b(r.riskRatio.ciUpper) });
}

/** The control arm's risk per 1,000 (yes/no) or observed mean in the outcome's units: the base of the absolute effect. */
export function controlText(s: Pick<SofRow, 'row' | 'controlMean' | 'outcome'>, ctx: Pick<TrialChartContext, 'lang' | 'unitOf' | 'decimalsOf'>): string {
  const lang = ctx.lang;
  // A cluster trial's yes/no row has raw shares instead of risks (docs/plan-trial.md#cluster-randomised-trials).
  const risk = s.row.risks?.control ?? s.row.shares?.control;
  if (risk !== undefined) return fillPhrase(REPORT_TEXT.per1000[lang], { n: Math.round(1000 * risk) });
  if (s.controlMean === null) return '—';
  return fillPhrase(REPORT_TEXT.meanOf[lang], { mean: formatFixed(s.controlMean, ctx.decimalsOf(s.outcome), lang), unit: ctx.unitOf(s.outcome) }).trimEnd();
}

/**
 * The verdict against the MCID; naming the MCID it was judged against (or that none is set)
 * unless the outcome's heading row says it (`mcidInHeading`).
 */
function verdictText(r: EffectRow, ctx: Pick<TrialChartContext, 'lang' | 'unitOf'>, mcidInHeading: boolean): string {
  const lang = ctx.lang;
  const t = (k: keyof typeof REPORT_TEXT) => REPORT_TEXT[k][lang];
  if (r.error) return notComputedText(r.error, lang);
  // The council's phrase without its parenthetical rule (the rules are in the methods' footnotes).
  if (r.relevance && r.mcid !== null) {
    const verdict = withSignificance(VERDICT_TEXT[r.relevance][lang], r, lang);
    return mcidInHeading ? verdict : `${verdict}; ${mcidText(r, ctx)}`;
  }
  if (mcidInHeading) return NO_MCID_VERDICT_UNDER_HEADING[r.significant ? 'significant' : 'notSignificant'][lang];
  return r.significant ? t('significantNoMcid') : t('notSignificantNoMcid');
}

function mcidText(r: EffectRow, ctx: Pick<TrialChartContext, 'lang' | 'unitOf'>): string {
  return `${REPORT_TEXT.mcid[ctx.lang]} ${formatRowMcid({ method: r.method, mcid: r.mcid! }, ctx.lang, ctx.unitOf(r.outcome))}`;
}

export interface SummaryOfFindings {
  table: Table;
  /** "a. risk of bias: …", one per distinct reason, in order of first use. */
  notes: string[];
}

/**
 * The table with its footnotes. Certainty cells carry letters ("⊕⊕⊕◯ Moderate (a, b)"); each
 * distinct reason is written once below the table, as GRADEpro does. With a target population,
 * the primary outcome's rows are each followed by the population rows (sof-target-rows.ts), which
 * keep the trial's certainty and add a footnote saying they answer the population question.
 */
export function summaryOfFindings(rows: readonly SofRow[], ctx: TrialChartContext, target?: TargetPopulation, mcidSourceOf: (outcome: string) => string | undefined = () => undefined): SummaryOfFindings {
  const lang = ctx.lang;
  const t = (k: keyof typeof REPORT_TEXT) => REPORT_TEXT[k][lang];
  const reasons: string[] = [];
  const mark = (reason: string) => {
    if (!reasons.includes(reason)) reasons.push(reason);
    return letter(reasons.indexOf(reason));
  };
  const withPopulation = target ? populationRowsOutcome(rows.map((s) => s.outcome), ctx) : undefined;
  const populationTime = (ctx.primary?.outcome === withPopulation ? ctx.primary?.time : undefined) ?? rows.find((s) => s.outcome === withPopulation)?.time;
  const populationNote = target ? sofPopulationNote(target, lang) : '';
  const blank = (first: string) => [first, '', '', '', '', '', ''];
  const body: string[][] = [];
  // One heading row per outcome (its name, importance, direction and MCID), then a row per
  // follow-up: the outcome's words are said once, and the rows stay two lines high on A4.
  for (const outcome of [...new Set(rows.map((s) => s.outcome))]) {
    const own = rows.filter((s) => s.outcome === outcome);
    const first = own[0]!.row;
    const direction = ctx.directionOf(outcome);
    const mcids = new Set(own.map((s) => s.row.mcid));
    // The MCID (or that none is set) once in the heading when every follow-up shares it.
    const noMcid = own.every((s) => s.row.mcid === null);
    const mcidInHeading = noMcid || (mcids.size === 1 && own.some((s) => s.row.relevance));
    // A yes/no outcome's rows say "210 fewer per 1,000": whether fewer is good is said here, as
    // for a score, since "yes" may be the good answer (back at work) or the bad one.
    const yesNo = first.method === 'risk-difference';
    const hint = !direction ? '' : `; ${direction === 'lower-is-better' ? t(yesNo ? 'fewerIsBetter' : 'lowerIsBetter') : t(yesNo ? 'moreIsBetter' : 'higherIsBetter')}`;
    // Where the MCID comes from, beside it (mcid-sources.ts): in full under the table of all effects.
    const source = mcidInHeading && !noMcid ? mcidSourceOf(outcome) : undefined;
    const mcid = noMcid ? `; ${t('sofNoMcid')}` : mcidInHeading ? `; ${mcidText(first, ctx)}${source ? `, ${source}` : ''}` : '';
    // The plan's adverse events (sof-harm-rows.ts): their own heading, no importance (the plan rates none).
    const harms = outcome === HARMS_OUTCOME;
    body.push(blank(harms ? HARMS_HEADING[lang] : `${ctx.outcomeLabel(outcome)} (${t(own[0]!.importance)}${hint}${mcid})`));
    for (const s of own) {
      const { row: r, certainty, time } = s;
      const head = certainty.level ? `${SYMBOLS[certainty.level]} ${REPORT_TEXT[certainty.level][lang]}` : t('notAssessed');
      const letters = certainty.reasons.map(mark);
      body.push([
        harms ? (HARM_KIND_LABEL[time]?.[lang] ?? time) : ctx.timeLabel(time),
        fillPhrase(t('participants'), { n: formatThousands(r.n.intervention + r.n.control, 0, lang), k: 1 }),
        letters.length ? `${head} (${letters.join(', ')})` : head,
        relativeEffectText(r, lang),
        controlText(s, ctx),
        sofEffectText(r, ctx),
        verdictText(r, ctx, mcidInHeading),
      ]);
      // At the primary follow-up only: the conclusion's population sentence is about it, and the
      // table fits page 1 in print; the Target population section has every follow-up.
      if (!target || outcome !== withPopulation || time !== populationTime) continue;
      const extra = sofPopulationRows(target, r, ctx);
      if (!extra.length) continue;
      // The trial's certainty, with the footnote that these rows answer the population question.
      const populationCertainty = `${head} (${[...letters, mark(populationNote)].join(', ')})`;
      // Indented under their follow-up's row (two leading spaces: text-table.ts).
      for (const x of extra) {
        body.push(
          x.row
            ? [`  ${x.label}`, x.participants, populationCertainty, relativeEffectText(x.row, lang), controlText({ row: x.row, controlMean: null, outcome }, ctx), sofEffectText(x.row, ctx), x.verdict ?? verdictText(sofJudgedRow(x.row), ctx, mcidInHeading)]
            : [`  ${x.label}`, x.participants, '—', '—', '—', x.why ?? '', '—'],
        );
      }
    }
  }
  const table: Table = {
    header: ctx.text('sofHeader').split('|'),
    align: ['left', 'right', 'left', 'left', 'left', 'left', 'left'],
    fit: ['label', undefined, 'nowrap', 'compact', 'compact', 'wide', 'wide'],
    rows: body,
  };
  // How the yes/no rows' absolute effects were derived: once below the letters, as GRADEpro's
  // explanation of the "risk with intervention" column.
  const shown = rows.flatMap((s) => [s.row, ...(target && s.outcome === withPopulation && s.time === populationTime ? sofPopulationRows(target, s.row, ctx).flatMap((x) => (x.row ? [x.row] : [])) : [])]);
  const bases = new Set(shown.filter((r) => r.method === 'risk-difference' && !r.error).map((r) => sofAbsoluteEffect(r)?.basis));
  const noteOf: Record<AbsoluteBasis, keyof typeof REPORT_TEXT> = { 'risk-ratio': 'sofAbsoluteFromRr', 'zero-cell': 'sofAbsoluteZeroCell', 'no-ratio': 'sofAbsoluteNoRatio', 'design-based': 'sofAbsoluteDesignBased', 'risk-difference': 'sofAbsoluteRd' };
  const absoluteNotes = (Object.keys(noteOf) as AbsoluteBasis[]).filter((b) => bases.has(b)).map((b) => t(noteOf[b]));
  // Unrated harms have a note of their own (plan-trial.md#adverse-events), not "the plan must rate it".
  const unrated = rows.some((s) => !s.certainty.level && s.outcome !== HARMS_OUTCOME) ? [t('sofUnratedNote')] : [];
  const harmRows = rows.filter((s) => s.outcome === HARMS_OUTCOME);
  const harmsNote = harmRows.length ? [(harmRows.every((s) => s.certainty.level) ? HARMS_NOTE_RATED : HARMS_NOTE)[lang]] : [];
  return { table, notes: [...reasons.map((r, i) => `${letter(i)}. ${r.charAt(0).toUpperCase()}${r.slice(1)}.`), ...unrated, ...harmsNote, ...absoluteNotes] };
}

export function summaryOfFindingsTable(rows: readonly SofRow[], ctx: TrialChartContext): Table {
  return summaryOfFindings(rows, ctx).table;
}
