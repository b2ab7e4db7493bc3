/**
 * A verdict of significance and the numbers beside it never contradict each other silently: a CI
 * limit that is not 0 shows its side ("0.03", not "0.0"), and a row whose p (Pearson's χ² for
 * yes/no rows) and Newcombe CI fall on different sides of 0.05 is marked, with a note that the
 * verdict follows the CI. The bundled selfBACK Table 4 printed "29.8 pp (0.0 to 53.3) |
 * Significant difference" while results.json gave p = 0.0515 (docs/report-trial.md#verdicts).
 */
import { describe, expect, it } from 'vitest';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { effectsTable } from '../../src/report/effects-table.js';
import { formatBound } from '../../src/report/interval-bound.js';
import { subgroupReport } from '../../src/report/sections/subgroups.js';
import { significanceNotes } from '../../src/report/verdict-notes.js';
import { formatP } from '../../src/report/i18n.js';
import { bundledTrial } from './trial-report-support.js';

describe('significance follows the CI, and says so', () => {
  it('a limit that is not 0 never prints as 0', () => {
    expect(formatBound(0.0313, 1, 'en')).toBe('0.03');
    expect(formatBound(0.0313, 1, 'da')).toBe('0,03');
    expect(formatBound(-0.0004, 1, 'en')).toBe('−0.0004');
    expect(formatBound(0, 1, 'en')).toBe('0.0');
    expect(formatBound(12.345, 1, 'en')).toBe('12.3');
    expect(formatBound(0.3, 0, 'en')).toBe('0.3');
  });

  it.each([
    ['en', '29.8 pp (0.03 to 53.3)', /^† The p-value and the 95% CI fall on different sides of 0\.05 \(p = 0\.052 in results\.json\); the verdict follows the CI\.$/],
    ['da', '29,8 %-point (0,03 til 53,3)', /^† p-værdien og 95 %-KI ligger på hver sin side af 0,05 \(p = 0,052 i results\.json\); vurderingen følger KI\.$/],
  ] as const)('(%s) the target-population table: the CI shows its side, the verdict is marked and the note says why', (lang, interval, note) => {
    const { trial, result } = bundledTrial();
    const ctx = trialChartContext(trial, lang);
    const target = subgroupReport(result, trial.plan, ctx, () => 10).sections.find((s) => s.id === 'target-population')!;
    const rows = target.tables![1]!.table.rows;
    const row = rows.find((r) => r[3] === interval);
    expect(row, rows.map((r) => r[3]).join('\n')).toBeDefined();
    expect(row![4]!.endsWith(' †')).toBe(true);
    expect(rows.filter((r) => r[4]!.endsWith('†'))).toHaveLength(1);
    expect(target.notes!.some((n) => note.test(n))).toBe(true);
    expect(target.notes!.some((n) => n.startsWith(lang === 'en' ? 'Significance follows the 95% CI' : 'Statistisk signifikans betyder her, at 95 %-KI udelukker 0'))).toBe(true);
  });

  it('the table of all effects marks a p on the other side of 0.05 from its CI, and its notes give the rule', () => {
    const { result } = bundledTrial();
    const rd = result.effects.find((e) => e.method === 'risk-difference' && e.significant)!;
    const odd = { ...rd, pValue: 0.05151 };
    const table = effectsTable([rd, odd], 'en', () => 10);
    expect(table.rows[0]![5]).toBe(formatP(rd.pValue!, 'en'));
    expect(table.rows[1]![5]).toBe('0.052†');
    const notes = significanceNotes([rd, odd], 'en', (p) => formatP(p, 'en'));
    expect(notes[0]).toMatch(/^Significance follows the 95% CI: it means a CI that excludes 0\. For yes\/no outcomes .* Pearson's chi-squared test .* Newcombe's method/);
    expect(notes[1]).toBe('† The p-value and the 95% CI fall on different sides of 0.05 (p = 0.052); the verdict follows the CI.');
    // Rows whose p and CI agree: the rule only, no mark.
    expect(significanceNotes([rd], 'da', (p) => formatP(p, 'da'))).toEqual(['Statistisk signifikans betyder her, at 95 %-KI udelukker 0. For ja/nej-effektmål og klinisk relevant forbedring er p-værdien fra Pearsons chi²-test og KI fra Newcombes metode; tæt på 0,05 kan de to være uenige.']);
  });
});
