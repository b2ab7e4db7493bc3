/** The effects table (`hta analyze` without --json; README.md of a report). */
import type { EffectRow } from '../analysis/results-schema.js';
import { type ArmNames, defaultArmNames, fillArms } from './arm-names.js';
import { armCountsText, formatFixed, formatP, formatRowMcid, type Lang, NO_MCID_VERDICT_TEXT, RELEVANCE_TEXT, SHORT_RELEVANCE_TEXT, tableInterval, timeLabel } from './i18n.js';
import { notComputedText } from './failure-reasons.js';
import { DISAGREES_MARK, pDisagrees, withSignificance } from './verdict-notes.js';
import { differenceDecisions, formatBound } from './interval-bound.js';
import type { Table } from './text-table.js';

const METHOD_TEXT: Record<EffectRow['method'], Record<Lang, string>> = {
  ancova: { en: 'ANCOVA', da: 'ANCOVA' },
  welch: { en: 'Welch t', da: 'Welch t' },
  'pooled-t': { en: 'pooled t', da: 'poolet t' },
  change: { en: 'change score', da: 'ændringsscore' },
  'risk-difference': { en: 'risk difference', da: 'risikodifference' },
  mmrm: { en: 'MMRM', da: 'MMRM' },
  'mi-ancova': { en: 'MI + ANCOVA', da: 'MI (multipel imputation) + ANCOVA' },
  'cluster-difference': { en: 'unadjusted, cluster-robust', da: 'ujusteret, klyngerobust' },
};

/** Whether `word` names an effect method (a warning's bracketed word may be something else). */
export function isEffectMethod(word: string): word is EffectRow['method'] {
  return Object.hasOwn(METHOD_TEXT, word);
}

/** How an effect was estimated, as readers know the method ("ANCOVA", "Welch t", …). */
const CLUSTER_ROBUST: Record<Lang, string> = { en: ', cluster-robust', da: ', klyngerobust' };

export function methodText(method: EffectRow['method'], lang: Lang): string {
  return METHOD_TEXT[method][lang];
}

const HEADER: Record<Lang, string[]> = {
  en: ['Outcome', 'Time', 'Method', 'n ({interventionShort}/{controlShort})', 'Difference {intervention} − {control} (95% CI)', 'p', 'MCID', 'Verdict'],
  da: ['Effektmål', 'Tid', 'Metode', 'n ({interventionShort}/{controlShort})', 'Forskel {intervention} − {control} (95 %-KI)', 'p', 'MKRF', 'Vurdering'],
};

/** Decimals that suit the scale: 3 for indexes and proportions (range ≤ 2), else 2. */
export function decimalsFor(row: Pick<EffectRow, 'method' | 'outcome'>, rangeWidth: number | undefined): number {
  if (row.method === 'risk-difference') return 1; // shown in percentage points
  return rangeWidth !== undefined && rangeWidth <= 2 ? 3 : 2;
}

export function formatEffect(r: EffectRow, decimals: number, lang: Lang): string {
  if (r.difference === null || r.ciLower === null || r.ciUpper === null) return '—';
  const scale = r.method === 'risk-difference' ? 100 : 1;
  const unit = r.method === 'risk-difference' ? (lang === 'da' ? ' %-point' : ' pp') : '';
  const f = (v: number) => formatFixed(v * scale, decimals, lang);
  // A limit is never rounded onto 0 or ±MCID (interval-bound.ts): its side is the verdict's.
  const decisions = differenceDecisions(r.mcid, scale);
  const b = (v: number) => formatBound(v * scale, decimals, lang, decisions, scale);
  return `${f(r.difference)}${unit} ${tableInterval(b(r.ciLower), b(r.ciUpper), lang)}`;
}

export function effectsTable(rows: EffectRow[], lang: Lang, rangeWidthOf: (outcome: string) => number | undefined, verdicts: 'short' | 'long' = 'long', labelOf: (key: string) => string = (k) => rows.find((r) => r.outcome === k)?.label ?? k, arms: ArmNames = defaultArmNames(lang)): Table {
  const text = verdicts === 'short' ? SHORT_RELEVANCE_TEXT : RELEVANCE_TEXT;
  return {
    header: HEADER[lang].map((h) => fillArms(h, arms)),
    align: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'left'],
    // In print (docs/report-trial.md#print): "3 måneder" on one line, never "3 / måneder"; the MCID
    // set apart from the p beside it ("0,004 0,0879" read as one); the verdict room for two lines.
    fit: ['label', 'nowrap', undefined, undefined, undefined, undefined, 'apart', 'label'],
    rows: rows.map((r) => {
      const d = decimalsFor(r, rangeWidthOf(r.outcome));
      const verdict = r.error
        ? notComputedText(r.error, lang) // the analyses word it in English; a Danish page rewords it
        : r.relevance
          ? withSignificance(text[r.relevance][lang], r, lang)
          : r.significant
            ? NO_MCID_VERDICT_TEXT.significant[lang]
            : NO_MCID_VERDICT_TEXT.notSignificant[lang];
      return [
        labelOf(r.outcome),
        // "3 months", as every other table: "3m" reads as metres.
        timeLabel(r.time, lang),
        // A cluster-randomised trial's rows (docs/plan-trial.md#cluster-randomised-trials): the
        // method says its SE is cluster-robust, or "ANCOVA" beside a wider CI reads as a plain one.
        r.clusters !== undefined && r.method !== 'cluster-difference' ? `${METHOD_TEXT[r.method][lang]}${CLUSTER_ROBUST[lang]}` : METHOD_TEXT[r.method][lang],
        armCountsText(r.n, lang),
        formatEffect(r, d, lang),
        // A p on the other side of 0.05 from the CI is marked; the note says the verdict follows the CI.
        r.pValue === null ? '—' : `${formatP(r.pValue, lang)}${pDisagrees(r) ? DISAGREES_MARK : ''}`,
        r.mcid === null ? '—' : formatRowMcid({ method: r.method, mcid: r.mcid }, lang),
        verdict,
      ];
    }),
  };
}
