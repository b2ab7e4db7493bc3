/**
 * The conclusion a committee reads first (docs/report-trial.md#conclusion): one paragraph for the
 * critical outcomes and one for the important ones, each outcome in one clause — its verdict in
 * the council's own phrase ("significant, but not clinically relevant") at the follow-ups where
 * it holds, with the GRADE certainty. Generated from the summary-of-findings rows only, so it can
 * never say more than the table below it.
 */
import type { TrialChartContext } from './charts/trial-chart-context.js';
import { fillPhrase, REPORT_TEXT, VERDICT_TEXT } from './i18n.js';
import type { SofRow } from './summary-of-findings.js';

/** The verdict in its one wording (VERDICT_TEXT, no reason in brackets), lower-cased as the middle of a sentence. */
function verdictPhrase(r: SofRow, ctx: Pick<TrialChartContext, 'lang'>): string {
  const t = (k: keyof typeof REPORT_TEXT) => REPORT_TEXT[k][ctx.lang];
  const full = r.row.error
    ? t('notComputed')
    : r.row.relevance
      ? VERDICT_TEXT[r.row.relevance][ctx.lang]
      : r.row.significant
        ? t('significantNoMcid')
        : t('notSignificantNoMcid');
  return full.charAt(0).toLowerCase() + full.slice(1);
}

function certaintyPhrase(r: SofRow, ctx: Pick<TrialChartContext, 'lang'>): string {
  const level = r.certainty.level;
  const name = level ? REPORT_TEXT[level][ctx.lang].toLowerCase() : REPORT_TEXT.notAssessed[ctx.lang].toLowerCase();
  return level ? fillPhrase(REPORT_TEXT.conclusionCertainty[ctx.lang], { level: name }) : name;
}

/** "3 months and 9 months" / "3 måneder og 9 måneder". */
function joinTimes(times: string[], ctx: Pick<TrialChartContext, 'lang' | 'timeLabel'>): string {
  const labels = times.map((t) => ctx.timeLabel(t));
  const and = REPORT_TEXT.and[ctx.lang];
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} ${and} ${labels[labels.length - 1]}`;
}

/** An outcome's follow-ups grouped by (verdict, certainty), in visit order. */
function outcomeGroups(rows: SofRow[], ctx: TrialChartContext): { verdict: string; certainty: string; times: string[] }[] {
  const groups: { verdict: string; certainty: string; times: string[] }[] = [];
  for (const r of rows) {
    const verdict = verdictPhrase(r, ctx);
    const certainty = certaintyPhrase(r, ctx);
    const g = groups.find((x) => x.verdict === verdict && x.certainty === certainty);
    if (g) g.times.push(r.time);
    else groups.push({ verdict, certainty, times: [r.time] });
  }
  return groups;
}

/**
 * One sentence per finding, naming every outcome it holds for, so the paragraph stays short:
 * "Significant, but not clinically relevant at 3 months and 9 months: disability (moderate certainty)."
 */
function sentences(rows: readonly SofRow[], outcomes: string[], ctx: TrialChartContext): string[] {
  const findings: { verdict: string; certainty: string; times: string[]; outcomes: string[] }[] = [];
  for (const o of outcomes) {
    for (const g of outcomeGroups(rows.filter((r) => r.outcome === o), ctx)) {
      const same = findings.find((f) => f.verdict === g.verdict && f.certainty === g.certainty && f.times.join() === g.times.join());
      if (same) same.outcomes.push(o);
      else findings.push({ ...g, outcomes: [o] });
    }
  }
  return findings.map((f) => {
    const head = fillPhrase(REPORT_TEXT.conclusionPart[ctx.lang], { verdict: f.verdict, times: joinTimes(f.times, ctx) });
    const list = f.outcomes.map((o) => ctx.outcomeLabel(o)).join('; ');
    return `${head.charAt(0).toUpperCase()}${head.slice(1)}: ${list} (${f.certainty}).`;
  });
}

/** The conclusion paragraphs (critical outcomes first); empty when there is nothing to conclude. */
export function conclusionParagraphs(rows: readonly SofRow[], ctx: TrialChartContext): string[] {
  const out: string[] = [];
  for (const importance of ['critical', 'important'] as const) {
    const outcomes = [...new Set(rows.filter((r) => r.importance === importance).map((r) => r.outcome))];
    if (!outcomes.length) continue;
    out.push(`${ctx.text(importance === 'critical' ? 'conclusionCritical' : 'conclusionImportant')} ${sentences(rows, outcomes, ctx).join(' ')}`);
  }
  return out;
}
