/** The "registry" report kind: what its page says, built without drawing the charts. */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import type { ReportEnv } from '../../src/report/kinds/report-kind.js';
import type { Lang } from '../../src/report/i18n.js';
import type { ObservationalResult } from '../../src/observational/observational-results-schema.js';

const entry = { id: 'r', kind: 'registry', out: 'r', lang: 'en' as Lang, data: 'synthetic/registry-outcomes.csv', plan: 'plans/registry-outcomes.plan.json' };
const memo = new Map<string, unknown>();
const env = (lang: Lang): ReportEnv => ({
  input: (p) => resolve('data', p),
  lang,
  version: 'test',
  memo: <T>(key: string, compute: () => T) => (memo.has(key) ? (memo.get(key) as T) : (memo.set(key, compute()), memo.get(key) as T)),
});

describe('registry report', () => {
  it('shows crude and adjusted effects side by side, the E-values in words, balance, overlap and the methods', async () => {
    const content = await registryReportKind.build({ ...entry, lang: 'en' } as never, env('en'));
    expect(content.page.sections.map((s) => s.id)).toEqual(['conclusion', 'effects', 'flow', 'e-values', 'balance', 'overlap', 'methods', 'warnings']);
    expect(content.charts.map((c) => c.name)).toEqual(['effects', 'love-plot', 'overlap']);
    const rows = content.page.sections.find((s) => s.id === 'effects')!.tables![0]!.table.rows;
    // A score's row says which way is good: the table prints −2.07 where the chart plots +2.07.
    const rmdq = rows.filter((r) => r[0] === 'Disability (RMDQ 0–24) (lower is better)');
    expect(rmdq).toHaveLength(3);
    // A responder's name says it ("improved ≥ 30%"): no direction added.
    expect(rows.filter((r) => r[0] === 'RMDQ improved ≥ 30%')).toHaveLength(3);
    expect(rmdq.map((r) => r[2])).toEqual(['Crude', 'Weighted regression (doubly robust)', 'AIPW (doubly robust)']);
    // The bundled registry: true effect −2; crude far off, adjusted near it (numbers from the analysis itself, checked against R elsewhere).
    const results = content.results as ObservationalResult;
    const est = results.analyses.find((a) => a.outcome === 'rmdq')!.effects.map((e) => e.difference!);
    expect(Math.abs(est[0]! + 2)).toBeGreaterThan(1);
    expect(Math.abs(est[1]! + 2)).toBeLessThan(0.3);
    // In the instrument's unit, as the trial page's charts write it: a committee reader cannot tell DDD from points otherwise.
    expect(rmdq[1]![5]).toBe(`${est[1]!.toFixed(2).replace('-', '−')} points (${results.analyses[0]!.effects[1]!.ciLower!.toFixed(2).replace('-', '−')} to ${results.analyses[0]!.effects[1]!.ciUpper!.toFixed(2).replace('-', '−')})`);
    expect(rmdq.every((r) => r[8] === 'Low')).toBe(true);
    // The MCID as the plan gives it and the trial report writes it ("5", not "5.0"), with its unit.
    expect(rmdq.map((r) => r[6])).toEqual(rmdq.map(() => `${results.analyses[0]!.effects[0]!.mcid} points`));
    expect(content.page.sections.find((s) => s.id === 'e-values')!.intro![0]).toMatch(/^Disability \(RMDQ 0–24\), 3 months \(weighted regression \(doubly robust\)\): an unmeasured confounder .* risk ratio of \d\.\d\d each/);
    expect(JSON.stringify(content)).not.toMatch(/R\d{5}/);
  });

  it.each([
    ['en', 'Table', 'Figure', [/per outcome and method/, /^Yes\/no outcomes, adjusted estimates: risk ratio, adjusted risk without the exposure among all patients analysed and absolute effect per 1,000/, /per group and analysis/, /standardised mean differences and variance ratios per confounder/, /effective sample size, largest weights and propensity-score percentiles per group/]],
    ['da', 'Tabel', 'Figur', [/pr\. effektmål og metode/, /^Ja\/nej-effektmål, justerede estimater: relativ risiko, justeret risiko uden eksponeringen blandt alle analyserede patienter og absolut effekt pr\. 1\.000/, /pr\. gruppe og analyse/, /standardiserede gennemsnitlige forskelle og variansratioer pr\. forstyrrende faktor/, /effektiv stikprøvestørrelse, største vægte og percentiler af tilbøjelighedsscoren pr\. gruppe/]],
  ] as const)('(%s) each table\'s caption says what the table holds, not its section\'s title nor the figure\'s caption', async (lang, tableWord, figureWord, holds) => {
    const content = await registryReportKind.build({ ...entry, lang } as never, env(lang));
    const withTables = content.page.sections.filter((s) => s.tables?.length);
    expect(withTables.map((s) => s.id)).toEqual(['effects', 'flow', 'balance', 'overlap']);
    const captions: string[] = [];
    for (const s of withTables) {
      const figure = s.chartCaption?.replace(new RegExp(`^${figureWord} \\d+\\. `), '');
      for (const t of s.tables!) {
        const m = new RegExp(`^${tableWord} \\d+\\. (.+)$`).exec(t.caption ?? '');
        expect(m, t.caption).not.toBeNull();
        const caption = m![1]!;
        expect(caption).not.toBe(s.title);
        expect(caption).not.toBe(figure);
        expect(caption.includes(s.title!), caption).toBe(false);
        captions.push(caption);
      }
    }
    captions.forEach((c, i) => expect(c).toMatch(holds[i]!));
    // The balance and weights tables are of the primary analysis, and say so.
    const primary = lang === 'da' ? 'Fysisk funktionsniveau (RMDQ 0–24), 3 måneder' : 'Disability (RMDQ 0–24), 3 months';
    expect(captions.slice(3).every((c) => c.startsWith(`${primary}: `))).toBe(true);
  });

  it('in Danish: the plan\'s Danish labels and the glossary\'s terms', async () => {
    const content = await registryReportKind.build({ ...entry, lang: 'da' } as never, env('da'));
    const table = content.page.sections.find((s) => s.id === 'effects')!.tables![0]!.table;
    expect(table.header).toContain('MKRF');
    expect(table.header).toContain('Evidensens kvalitet (GRADE)');
    expect(table.rows[0]![0]).toBe('Fysisk funktionsniveau (RMDQ 0–24) (lavere er bedre)');
    expect(table.rows[0]![5]).toMatch(/^−\d,\d\d point \(−\d,\d\d til −\d,\d\d\)$/);
    expect(content.page.sections.find((s) => s.id === 'methods')!.intro!.join(' ')).toContain('HC0-sandwich');
    expect(content.page.sections.find((s) => s.id === 'warnings')!.notes![0]).toMatch(/^Fysisk funktionsniveau \(RMDQ 0–24\), 3 måneder: \d+ patienter? med en manglende værdi af en forstyrrende faktor er udeladt/);
  });
});
