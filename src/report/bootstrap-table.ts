/**
 * The bootstrap intervals under `hta analyze`'s effects table (`--bootstrap N --seed S`,
 * docs/cli.md#bootstrap-intervals): one row per effect row that has them (the Welch rows), the
 * difference and its percentile and BCa intervals rounded as the effects table rounds them, with
 * the replicates and seed that reproduce them. No new statistic: the numbers of `effects[].bootstrap`.
 */
import type { EffectRow } from '../analysis/results-schema.js';
import { decimalsFor, methodText } from './effects-table.js';
import { formatFixed, type Lang, tableInterval, timeLabel } from './i18n.js';
import { differenceDecisions, formatBound } from './interval-bound.js';
import type { Table } from './text-table.js';

export const BOOTSTRAP_CAPTION: Record<Lang, string> = {
  en: 'Bootstrap intervals of the difference (--bootstrap)',
  da: 'Bootstrap-intervaller for forskellen (--bootstrap)',
};

const HEADER: Record<Lang, string[]> = {
  en: ['Outcome', 'Time', 'Method', 'Difference', 'Percentile (95% CI)', 'BCa (95% CI)', 'Replicates', 'Seed'],
  da: ['Effektmål', 'Tid', 'Metode', 'Forskel', 'Percentil (95 %-KI)', 'BCa (95 %-KI)', 'Gentagelser', 'Startværdi (--seed)'],
};

/** The rows with bootstrap intervals, or null when none has them (nothing is printed then). */
export function bootstrapTable(rows: EffectRow[], lang: Lang, rangeWidthOf: (outcome: string) => number | undefined, labelOf: (key: string) => string): Table | null {
  const withBoot = rows.filter((r) => r.bootstrap && r.difference !== null);
  if (withBoot.length === 0) return null;
  return {
    header: HEADER[lang],
    align: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right'],
    rows: withBoot.map((r) => {
      const b = r.bootstrap!;
      const d = decimalsFor(r, rangeWidthOf(r.outcome));
      // As the effects table: a limit is never rounded onto 0 or ±MCID (interval-bound.ts).
      const decisions = differenceDecisions(r.mcid, 1);
      const limit = (v: number) => formatBound(v, d, lang, decisions);
      return [
        labelOf(r.outcome),
        timeLabel(r.time, lang),
        methodText(r.method, lang),
        formatFixed(r.difference!, d, lang),
        tableInterval(limit(b.percentile[0]), limit(b.percentile[1]), lang),
        b.bca ? tableInterval(limit(b.bca[0]), limit(b.bca[1]), lang) : '—',
        formatFixed(b.replicates, 0, lang),
        String(b.seed),
      ];
    }),
  };
}
