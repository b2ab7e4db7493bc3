/**
 * The yes/no and responder rows' shares per arm, with the risk ratio and odds ratio: the numbers
 * behind each risk difference, which the effects table alone does not give. Printed by `hta
 * analyze` after the effects and on the trial page (HTML and README.md) under the responders
 * chart (docs/report-trial.md). Each share is of the patients analysed at that visit (a yes/no
 * outcome's: those who answered).
 */
import type { EffectRow } from '../analysis/results-schema.js';
import { type ArmNames, defaultArmNames, fillArms } from './arm-names.js';
import { formatFixed, formatThousands, type Lang, timeLabel } from './i18n.js';
import { formatBound, RATIO_DECISIONS } from './interval-bound.js';
import type { Table } from './text-table.js';

const HEADER: Record<Lang, string[]> = {
  en: ['Outcome', 'Time', '{Intervention}: yes/n (%)', '{Control}: yes/n (%)', 'Risk ratio (95% CI)', 'Odds ratio (95% CI)'],
  da: ['Effektmål', 'Tid', '{Intervention}: ja/n (%)', '{Control}: ja/n (%)', 'Relativ risiko (95 %-KI)', 'Oddsratio (95 %-KI)'],
};

export const YES_NO_CAPTION: Record<Lang, string> = {
  en: "Yes/no outcomes and responders: each arm's share of the patients analysed at that visit",
  da: 'Ja/nej-effektmål og patienter med klinisk relevant forbedring: hver gruppes andel af de patienter, der indgår i analysen ved besøget',
};

/** `x/n (p%)`: an arm's share, as the yes/no and the adverse-event tables print it. */
export function share(x: number, n: number, lang: Lang): string {
  const pct = n > 0 ? ` (${formatFixed((100 * x) / n, 1, lang)}${lang === 'da' ? ' %' : '%'})` : '';
  return `${formatThousands(x, 0, lang)}/${formatThousands(n, 0, lang)}${pct}`;
}

/** "0.69 (0.53 to 0.90)"; "—" when not estimable (no events in either arm, or only events). */
function ratio(r: { estimate: number; ciLower: number; ciUpper: number } | null | undefined, lang: Lang): string {
  if (!r) return '—';
  // A limit is never rounded onto 1, no effect (interval-bound.ts); one below 0.01 keeps two
  // significant digits (0.0040, not "0.00", which reads as a ratio of 0).
  const b = (v: number) => formatBound(v, ratioDigits(v), lang, RATIO_DECISIONS);
  return `${formatFixed(r.estimate, ratioDigits(r.estimate), lang)} (${b(r.ciLower)} ${lang === 'da' ? 'til' : 'to'} ${b(r.ciUpper)})`;
}

/** Decimals for a ratio: 2, more below 0.01 (two significant digits, at most 6 decimals). */
export function ratioDigits(v: number): number {
  return v > 0 && v < 0.01 ? Math.min(6, 1 + Math.ceil(-Math.log10(v))) : 2;
}

/** The table, or null when no row is a yes/no or responder row with its events per arm. */
export function yesNoTable(rows: readonly EffectRow[], lang: Lang, labelOf: (key: string) => string, arms: ArmNames = defaultArmNames(lang)): Table | null {
  const binary = rows.filter((r) => r.method === 'risk-difference' && !r.error && (r.risks ?? r.shares));
  if (!binary.length) return null;
  return {
    header: HEADER[lang].map((h) => fillArms(h, arms)),
    align: ['left', 'left', 'right', 'right', 'right', 'right'],
    // In print (docs/report-trial.md#print): "3 months" on one line, never "3" / "months".
    fit: ['label', 'nowrap', undefined, undefined, undefined, undefined],
    rows: binary.map((r) => {
      const events = (r.risks ?? r.shares)!;
      return [labelOf(r.outcome), timeLabel(r.time, lang), share(events.eventsIntervention, r.n.intervention, lang), share(events.eventsControl, r.n.control, lang), ratio(r.riskRatio, lang), ratio(r.oddsRatio, lang)];
    }),
  };
}
