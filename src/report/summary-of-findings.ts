/**
 * Summary of findings in the committee's form: per outcome and planned follow-up the importance,
 * participants (studies), effect (95% CI) as GRADE tables phrase it, MCID, the clinical-relevance
 * verdict and the certainty of evidence.
 *
 * Certainty: the plan's GRADE level and reasons for the outcome, downgraded for imprecision by
 * the rule in judge/grade-certainty.ts; this module only words it. Without a level in the plan the
 * column says "not assessed", still naming the imprecision.
 */
import type { AnalysisResult, EffectRow } from '../analysis/results-schema.js';
import { type CertaintyJudgement, type CertaintyLevel, gradeCertainty } from '../judge/grade-certainty.js';
import type { Plan } from '../plan/plan-schema.js';
import type { TrialChartContext } from './charts/trial-chart-context.js';
import { fillPhrase, formatFixed, formatMcid, type Lang, RELEVANCE_TEXT, REPORT_TEXT, withUnit } from './i18n.js';
import type { Table } from './text-table.js';

const SYMBOLS: Record<CertaintyLevel, string> = { high: '⊕⊕⊕⊕', moderate: '⊕⊕⊕◯', low: '⊕⊕◯◯', 'very-low': '⊕◯◯◯' };

export interface Certainty extends CertaintyJudgement {
  /** The plan's reasons, then the imprecision reason in the report's language when the CI crosses the MCID. */
  reasons: string[];
}

/** The judged certainty of one row with its reasons worded for the page. */
export function certaintyOf(
  planned: { level: CertaintyLevel; reasons: (string | { en: string; da?: string | undefined })[] } | undefined,
  row: Pick<EffectRow, 'imprecise'>,
  lang: Lang,
): Certainty {
  const judged = gradeCertainty(planned?.level, row.imprecise);
  // A reason given in both languages is shown in the page's; one given once, as written.
  const worded = (planned?.reasons ?? []).map((r) => (typeof r === 'string' ? r : r[lang] ?? r.en));
  const reasons = [...worded, ...(judged.imprecise ? [REPORT_TEXT.imprecisionReason[lang]] : [])];
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

/** The effect as GRADE summary tables phrase it: "MD 0.81 points lower (1.47 lower to 0.15 lower)". */
export function sofEffectText(r: EffectRow, ctx: Pick<TrialChartContext, 'lang' | 'unitOf' | 'decimalsOf'>): string {
  const lang = ctx.lang;
  const t = (k: keyof typeof REPORT_TEXT) => REPORT_TEXT[k][lang];
  if (r.difference === null || r.ciLower === null || r.ciUpper === null) return fillPhrase(t('noEffect'), { error: r.error ?? '' });
  if (r.method === 'risk-difference') {
    const per1000 = (v: number) => signed(Math.round(1000 * v), (a) => a, t('more'), t('fewer'));
    return fillPhrase(t('rdEffect'), { est: per1000(r.difference), lo: per1000(r.ciLower), hi: per1000(r.ciUpper) });
  }
  const d = ctx.decimalsOf(r.outcome);
  const num = (v: number) => signed(Number(v.toFixed(d)), () => formatFixed(Math.abs(v), d, lang), t('higher'), t('lower'));
  const unit = ctx.unitOf(r.outcome);
  return fillPhrase(t('mdEffect'), { est: num(r.difference).replace(/^([\d.,]+)/, `$1 ${unit}`), lo: num(r.ciLower), hi: num(r.ciUpper) });
}

export interface SofRow {
  outcome: string;
  time: string;
  row: EffectRow;
  importance: 'critical' | 'important';
  certainty: Certainty;
}

/** One row per outcome (plan order, then responders) × planned follow-up: the primary method's estimate. */
export function summaryOfFindingsRows(result: Pick<AnalysisResult, 'effects'>, plan: Plan, primaryMethod: EffectRow['method'], lang: Lang): SofRow[] {
  const out: SofRow[] = [];
  const items = [
    ...plan.outcomes.map((o) => ({ key: o.key, importance: o.importance, certainty: o.certainty })),
    ...plan.responders.map((r) => ({ key: r.key, importance: r.importance, certainty: undefined })),
  ];
  for (const item of items) {
    for (const time of plan.timepoints) {
      const rows = result.effects.filter((e) => e.outcome === item.key && e.time === time);
      const row = rows.find((e) => e.method === primaryMethod) ?? rows.find((e) => e.method === 'risk-difference');
      if (!row) continue;
      out.push({ outcome: item.key, time, row, importance: item.importance, certainty: certaintyOf(item.certainty, row, lang) });
    }
  }
  return out;
}

export function summaryOfFindingsTable(rows: readonly SofRow[], ctx: TrialChartContext): Table {
  const lang = ctx.lang;
  const t = (k: keyof typeof REPORT_TEXT) => REPORT_TEXT[k][lang];
  return {
    header: t('sofHeader').split('|'),
    align: ['left', 'left', 'left', 'right', 'left', 'right', 'left', 'left'],
    rows: rows.map(({ row: r, importance, certainty, outcome, time }) => {
      const direction = ctx.directionOf(outcome);
      const hint = r.method === 'risk-difference' || !direction ? '' : ` (${direction === 'lower-is-better' ? t('lowerIsBetter') : t('higherIsBetter')})`;
      const mcid = r.mcid === null ? '—' : withUnit(formatMcid(r.mcid, lang), r.mcid, ctx.unitOf(outcome));
      const verdict = r.error
        ? fillPhrase(t('noEffect'), { error: r.error })
        : r.relevance
          ? RELEVANCE_TEXT[r.relevance][lang]
          : r.significant
            ? t('significantNoMcid')
            : t('notSignificantNoMcid');
      return [
        `${ctx.outcomeLabel(outcome)}${hint}`,
        t(importance),
        ctx.timeLabel(time),
        fillPhrase(t('participants'), { n: r.n.intervention + r.n.control, k: 1 }),
        sofEffectText(r, ctx),
        mcid,
        verdict,
        certaintyText(certainty, lang),
      ];
    }),
  };
}
