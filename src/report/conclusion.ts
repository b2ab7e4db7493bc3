/**
 * The conclusion a committee reads first (docs/report-trial.md#conclusion): one short paragraph,
 * generated from the summary-of-findings rows, so it never says more than the table below it.
 *
 *   1. a lead: the comparison, the follow-ups and — when every outcome has it — the certainty;
 *   2. the outcomes judged against an MCID, grouped by verdict (the council's phrase), the
 *      certainty once per group when it differs between groups;
 *   3. the outcomes without an MCID set (yes/no outcomes, responders), grouped alike, each
 *      significant one with its direction and size as the summary of findings gives it
 *      ("pain-medication use (9 months: 165 fewer per 1,000)");
 *   4. the target population's result for the primary outcome, when the plan has one;
 *   5. the sensitivity analyses and the tipping point of the primary result, when run.
 * An outcome that holds a verdict at some follow-ups only names them in brackets.
 */
import type { AnalysisResult, EffectRow, Sensitivity, TargetPopulation } from '../analysis/results-schema.js';
import type { TrialChartContext } from './charts/trial-chart-context.js';
import { fillPhrase, formatP, type Lang, lowerFirst, NO_MCID_VERDICT_TEXT, REPORT_TEXT, VERDICT_TEXT } from './i18n.js';
import { tippingSentence } from './sensitivity-table.js';
import { sofEffectText, type SofRow } from './summary-of-findings.js';

type Ctx = TrialChartContext;

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The verdict in its one wording (VERDICT_TEXT, NO_MCID_VERDICT_TEXT), lower-cased mid-sentence. */
function verdictPhrase(r: EffectRow, lang: Lang): string {
  const full = r.error
    ? REPORT_TEXT.notComputed[lang]
    : r.relevance
      ? VERDICT_TEXT[r.relevance][lang]
      : NO_MCID_VERDICT_TEXT[r.significant ? 'significant' : 'notSignificant'][lang];
  return lowerFirst(full);
}

/**
 * An outcome named in running text: its label without the closing brackets that name the
 * instrument ("Disability (RMDQ 0–24)" → "disability"), and a qualifier after a comma put in
 * brackets ("Smerteintensitet, gennemsnitlig" → "smerteintensitet (gennemsnitlig)"), so a list of
 * outcomes has no commas but its own. Two outcomes that would read alike keep their labels.
 */
function outcomeNames(keys: readonly string[], ctx: Ctx): Map<string, string> {
  const shorten = (label: string) => {
    const base = /^(.*?)\s*\([^()]+\)\s*$/.exec(label)?.[1]?.trim() || label;
    const parts = base.split(', ');
    return lowerFirst(parts.length === 2 ? `${parts[0]} (${parts[1]})` : base);
  };
  const short = keys.map((k) => shorten(ctx.outcomeLabel(k)));
  return new Map(keys.map((k, i) => [k, short.filter((s) => s === short[i]).length === 1 ? short[i]! : lowerFirst(ctx.outcomeLabel(k))]));
}

/** "a, b and c" / "a, b og c"; "; " between items that have commas of their own. */
function joinList(items: readonly string[], lang: Lang): string {
  if (items.some((i) => /, /.test(i.replace(/\([^()]*\)/g, '')))) return items.join('; ');
  const and = REPORT_TEXT.and[lang];
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** A name with more in brackets: "quality of life (3 months)", "handlekompetence (mestringstro; 3 måneder)". */
function withBracket(name: string, extra: string): string {
  if (!extra) return name;
  return name.endsWith(')') ? `${name.slice(0, -1)}; ${extra})` : `${name} (${extra})`;
}

/** The summary of findings' absolute effect without its interval: "165 fewer per 1,000", "MD 0.81 points lower". */
function sizeText(r: EffectRow, ctx: Ctx): string {
  return sofEffectText(r, ctx).split(' (')[0] ?? '';
}

interface Group {
  verdict: string;
  certainty: string;
  mcid: boolean;
  /** Outcome → its rows with this verdict and certainty, in visit order. */
  items: Map<string, SofRow[]>;
}

function certaintyPhrase(r: SofRow, lang: Lang): string {
  const level = r.certainty.level;
  return level ? fillPhrase(REPORT_TEXT.conclusionCertainty[lang], { level: REPORT_TEXT[level][lang].toLowerCase() }) : REPORT_TEXT.notAssessed[lang].toLowerCase();
}

/** Rows grouped by (verdict, certainty), critical outcomes first, then in the plan's order. */
function groupRows(rows: readonly SofRow[], lang: Lang): Group[] {
  const ordered = [...rows.filter((r) => r.importance === 'critical'), ...rows.filter((r) => r.importance !== 'critical')];
  const groups: Group[] = [];
  for (const r of ordered) {
    const verdict = verdictPhrase(r.row, lang);
    const certainty = certaintyPhrase(r, lang);
    const mcid = r.row.mcid !== null;
    let g = groups.find((x) => x.verdict === verdict && x.certainty === certainty && x.mcid === mcid);
    if (!g) groups.push((g = { verdict, certainty, mcid, items: new Map() }));
    g.items.set(r.outcome, [...(g.items.get(r.outcome) ?? []), r]);
  }
  return groups;
}

/** "3 months and 9 months" / "3 måneder og 9 måneder". */
function joinTimes(times: readonly string[], ctx: Ctx): string {
  return joinList(times.map((t) => ctx.timeLabel(t)), ctx.lang);
}

/**
 * One group's outcomes: each with the follow-ups the verdict holds at when not all of its own,
 * and — where no MCID is set, or the outcome is yes/no — with its size at each significant follow-up.
 */
function groupItems(g: Group, rows: readonly SofRow[], names: Map<string, string>, ctx: Ctx): string {
  const items = [...g.items.entries()].map(([outcome, held]) => {
    const own = rows.filter((r) => r.outcome === outcome);
    const sized = held.filter((r) => !r.row.error && r.row.significant && (r.row.method === 'risk-difference' || r.row.relevance === null));
    const partial = held.length < own.length;
    let extra = '';
    if (sized.length) {
      extra = sized.map((r) => (own.length > 1 ? `${ctx.timeLabel(r.time)}: ${sizeText(r.row, ctx)}` : sizeText(r.row, ctx))).join(', ');
    } else if (partial) {
      extra = joinTimes(held.map((r) => r.time), ctx);
    }
    return withBracket(names.get(outcome) ?? outcome, extra);
  });
  return joinList(items, ctx.lang);
}

/** Groups of one kind (judged against an MCID, or not) in one sentence, "; " between groups. */
function groupsSentence(groups: readonly Group[], rows: readonly SofRow[], names: Map<string, string>, ctx: Ctx, sayCertainty: boolean): string {
  if (!groups.length) return '';
  const parts = groups.map((g) => `${groupItems(g, rows, names, ctx)}: ${g.verdict}${sayCertainty ? ` (${g.certainty})` : ''}`);
  return `${upperFirst(parts.join('; '))}.`;
}

/** The target population's result for the primary outcome at each follow-up, grouped by verdict. */
function verdictsByTime(rows: readonly EffectRow[], allTimes: readonly string[], ctx: Ctx): string {
  const byVerdict = new Map<string, string[]>();
  for (const r of rows) byVerdict.set(verdictPhrase(r, ctx.lang), [...(byVerdict.get(verdictPhrase(r, ctx.lang)) ?? []), r.time]);
  if (byVerdict.size === 1 && rows.length === allTimes.length) return [...byVerdict.keys()][0]!;
  return [...byVerdict.entries()].map(([v, times]) => `${v} (${joinTimes(times, ctx)})`).join('; ');
}

function targetSentence(t: TargetPopulation | undefined, rows: readonly SofRow[], names: Map<string, string>, ctx: Ctx): string {
  if (!t) return '';
  const lang = ctx.lang;
  const label = lowerFirst(t.label[lang]);
  if (!t.analysed) return fillPhrase(REPORT_TEXT.conclusionTargetSmall[lang], { label, n: t.patients.intervention + t.patients.control });
  const outcome = ctx.primary?.outcome ?? rows[0]?.outcome;
  const trialRows = rows.filter((r) => r.outcome === outcome);
  if (!outcome || !trialRows.length) return '';
  const times = trialRows.map((r) => r.time);
  const same = (e: EffectRow, s: SofRow) => e.outcome === outcome && e.time === s.time && e.method === s.row.method;
  const target = trialRows.map((s) => t.effects.find((e) => same(e, s))).filter((e): e is EffectRow => e !== undefined);
  if (!target.length) return '';
  const n = target.map((e) => e.n.intervention + e.n.control);
  const at = lang === 'da' ? 'efter' : 'at';
  const nText = `n = ${n.length > 1 ? target.map((e, i) => `${n[i]} ${at} ${ctx.timeLabel(e.time)}`).join(', ') : String(n[0])}`;
  let verdicts = verdictsByTime(target, times, ctx);
  const moved = trialRows.map((s) => (t.transported ?? []).find((x) => x.weighting === 'raking' && same(x.effect, s))?.effect).filter((e): e is EffectRow => e !== undefined);
  if (moved.length) verdicts += `; ${fillPhrase(REPORT_TEXT.conclusionTransported[lang], { verdicts: verdictsByTime(moved, times, ctx) })}`;
  return fillPhrase(REPORT_TEXT.conclusionTarget[lang], { label, n: nText, outcome: names.get(outcome) ?? outcome, verdicts });
}

const SENSITIVITY_NAMES: Record<string, Record<Lang, string>> = {
  ancova: { en: 'complete-case ANCOVA', da: 'ANCOVA på komplette tilfælde' },
  mmrm: { en: 'MMRM', da: 'MMRM' },
  'mi-ancova': { en: 'multiple imputation', da: 'multipel imputation' },
};

function pText(p: number | null, lang: Lang): string {
  if (p === null) return '';
  const f = formatP(p, lang);
  return ` (p ${f.startsWith('<') ? f : `= ${f}`})`;
}

/** The primary result under the other missing-data analyses, and its tipping point. */
function sensitivitySentence(s: Sensitivity | null | undefined, rows: readonly SofRow[], names: Map<string, string>, ctx: Ctx): string {
  if (!s) return '';
  const lang = ctx.lang;
  const primary = rows.find((r) => r.outcome === s.outcome && r.time === s.time)?.row;
  const others = s.rows.filter((r) => r.method !== primary?.method);
  const name = (r: EffectRow) => SENSITIVITY_NAMES[r.method]?.[lang] ?? r.method;
  const same = others.filter((r) => !r.error && primary && verdictPhrase(r, lang) === verdictPhrase(primary, lang));
  const parts: string[] = [];
  if (same.length) parts.push(fillPhrase(REPORT_TEXT.conclusionSameVerdict[lang], { methods: joinList(same.map((r) => `${name(r)}${pText(r.pValue, lang)}`), lang) }));
  for (const r of others.filter((x) => !same.includes(x))) parts.push(`${name(r)}: ${verdictPhrase(r, lang)}${r.error ? '' : pText(r.pValue, lang)}`);
  const tipping = tippingSentence(s, ctx.unitOf(s.outcome), ctx.decimalsOf(s.outcome), lang, ctx.arms).replace(/\.$/, '');
  if (tipping) parts.push(lowerFirst(tipping));
  if (!parts.length) return '';
  const results = parts.join('; ');
  return `${fillPhrase(REPORT_TEXT.conclusionSensitivity[lang], { outcome: names.get(s.outcome) ?? s.outcome, time: ctx.timeLabel(s.time), results })}.`;
}

/**
 * The conclusion paragraph (one string); empty when there is nothing to conclude. `result` gives
 * the target population and the sensitivity analyses (left out when absent).
 */
export function conclusionParagraphs(rows: readonly SofRow[], ctx: Ctx, result: Partial<Pick<AnalysisResult, 'targetPopulation' | 'sensitivity'>> = {}): string[] {
  if (!rows.length) return [];
  const lang = ctx.lang;
  const names = outcomeNames([...new Set(rows.map((r) => r.outcome))], ctx);
  const times = [...new Set(rows.map((r) => r.time))];
  const levels = new Set(rows.map((r) => r.certainty.level));
  const shared = levels.size === 1 ? [...levels][0] : undefined;
  const intervention = upperFirst(ctx.arms.intervention);
  const values = { intervention, control: ctx.arms.control, times: joinTimes(times, ctx) };
  const lead = shared
    ? fillPhrase(REPORT_TEXT.conclusionLeadCertainty[lang], { ...values, level: REPORT_TEXT[shared][lang].toLowerCase() })
    : fillPhrase(REPORT_TEXT.conclusionLead[lang], values);
  // Certainty once: in the lead when every outcome has the same (or none is rated), else per group.
  const sayCertainty = levels.size > 1;
  const groups = groupRows(rows, lang);
  const sentences = [
    groupsSentence(groups.filter((g) => g.mcid), rows, names, ctx, sayCertainty),
    groupsSentence(groups.filter((g) => !g.mcid), rows, names, ctx, sayCertainty),
    targetSentence(result.targetPopulation, rows, names, ctx),
    sensitivitySentence(result.sensitivity, rows, names, ctx),
  ].filter((s) => s !== '');
  return [`${lead} ${sentences.join(' ')}`];
}
