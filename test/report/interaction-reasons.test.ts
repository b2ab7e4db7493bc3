/**
 * A subgroup whose test for interaction could not be done says why in the page's language: the
 * Danish credibility statement ("Interaktionen kunne ikke testes (…)") carries the reason in Danish
 * (src/report/failure-reasons.ts), the English one the analysis's own words, and results.json keeps
 * the English in `interaction.error`. Real failures, triggered through analyzeTrial and the test
 * functions on small inputs cut from the subgroups fixture.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import type { SubgroupResult } from '../../src/analysis/results-schema.js';
import { credibilityOf } from '../../src/analysis/subgroup-effects.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { danishReason } from '../../src/report/failure-reasons.js';
import { subgroupReport } from '../../src/report/sections/subgroups.js';
import { ancovaInteraction } from '../../src/stats/ancova-interaction.js';
import { nestedFTest } from '../../src/stats/nested-f-test.js';
import { riskDifferenceHeterogeneity } from '../../src/stats/risk-difference-heterogeneity.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';
import { ENGLISH_WORDS as ENGLISH } from '../support/english-words.js';

const STATEMENT = /^Interaktionen kunne ikke testes \((.*)\); ingen konklusion om, hvorvidt effekten er forskellig efter .*\.$/;

/** The Danish reason inside a failed interaction's Danish statement, checked for English. */
function danishStatementReason(g: Pick<SubgroupResult, 'interaction' | 'credibility'>): string {
  expect(g.credibility.statement.en).toBe(`The interaction could not be tested (${g.interaction.error}); no conclusion about whether the effect differs by ${/differs by (.*)\.$/.exec(g.credibility.statement.en)?.[1]}.`);
  const da = g.credibility.statement.da;
  expect(da).toMatch(STATEMENT);
  expect(da, g.interaction.error).not.toMatch(ENGLISH);
  expect(da).not.toContain('på engelsk');
  return STATEMENT.exec(da)![1]!;
}

describe('a failed test for interaction, in Danish', () => {
  it('through analyzeTrial: a level with patients in one arm only; a level where every patient has the event is tested (zero-cell correction)', () => {
    const plan = JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8')) as Record<string, unknown>;
    delete plan.population;
    const lines = readFileSync('test/fixtures/subgroups/trial.csv', 'utf8').trimEnd().split('\n');
    const col = Object.fromEntries(lines[0]!.split(',').map((c, i) => [c, i])) as Record<string, number>;
    const cells = lines.slice(1).map((l) => l.split(','));
    // No control patient recruited by a chiropractor; every Danish patient uses pain medication at 3 months.
    const kept = cells.filter((c) => !(c[col.arm!] === 'usual' && c[col.recruited_by!] === 'chiro'));
    for (const c of kept) if (c[col.time!] === '3m' && c[col.country!] === 'DK') c[col.med_use!] = '1';
    const csv = [lines[0], ...kept.map((c) => c.join(','))].join('\n') + '\n';
    const trial = loadTrial(parseCsvText(csv, 'trial.csv'), parsePlan(plan));
    const result = analyzeTrial(trial, { version: 'test' });
    const groups = result.subgroups ?? [];
    const of = (subgroup: string, outcome: string) => groups.find((g) => g.subgroup === subgroup && g.outcome === outcome)!;

    // A one-armed level is below the subgroup's minimum per arm: left out of the test, and the
    // statement says so in the page's language (the test functions' own reason: below).
    const setting = of('recruited_by', 'pain');
    const settingRd = of('recruited_by', 'med_use');
    for (const g of [setting, settingRd]) {
      expect(g.interaction.error).toBeUndefined();
      expect(g.interaction.levelsTooFew).toEqual(['chiro']);
      expect(g.credibility.statement.en).toMatch(/ Left out of the test for fewer than 5 patients in an arm: level 'chiro'\.$/);
      expect(g.credibility.statement.da).toMatch(/ Udeladt af testen, fordi der er færre end 5 patienter i en gruppe: niveauet 'chiro'\.$/);
    }

    // Every Danish patient has the event: metafor's zero-cell correction (1/2 added to the level's
    // cells) gives it a variance, and the test is done, as R's rma(measure = "RD") does it.
    const country = of('country', 'med_use');
    expect(country.interaction.error).toBeUndefined();
    expect(country.interaction.pValue).toBeGreaterThan(0);

    // The Danish page's interaction tables carry the Danish statements; the English page the analysis's words.
    const cellsOf = (lang: 'en' | 'da') =>
      subgroupReport(result, trial.plan, trialChartContext(trial, lang), () => 10)
        .sections.filter((s) => s.id.startsWith('subgroup-tests-'))
        .flatMap((s) => s.tables?.flatMap((t) => t.table.rows.map((r) => r[r.length - 1] as string)) ?? []);
    const leftOutDa = cellsOf('da').filter((c) => c.includes('Udeladt af testen'));
    expect(leftOutDa.length).toBeGreaterThanOrEqual(3);
    for (const c of leftOutDa) expect(c.replace(/'[^']*'/g, '')).not.toMatch(ENGLISH);
    expect(cellsOf('en')).toContain(setting.credibility.statement.en);
  });

  // subgroupAnalyses never reaches the one-arm guards (a level below "minPerArm", at least 1, is
  // left out before the test); the stats functions keep them for any other caller.
  it('the risk-difference test\'s own one-arm guard, called directly, with its Danish wording', () => {
    const m = errorOf(() => riskDifferenceHeterogeneity([{ name: 'a', intervention: { events: 1, n: 3 }, control: { events: 2, n: 3 } }, { name: 'b', intervention: { events: 1, n: 3 }, control: { events: 0, n: 0 } }])).message;
    expect(m).toBe("level 'b' (intervention 3, control 0) has patients in one arm only, so the risk difference there cannot be compared with the other levels");
    expect(danishReason(m)).toBe("niveauet 'b' (interventionsgruppen 3, kontrolgruppen 0) har kun patienter i den ene gruppe, så risikodifferencen på dette niveau kan ikke sammenlignes med de andre niveauer");
  });

  it('through the test functions: one level, two one-armed levels, no interaction column', () => {
    const sg = { column: 'x', label: { en: 'setting', da: 'rekrutteringssted' }, prespecified: true } as never;
    const failed = (error: string) => credibilityOf(sg, { label: { en: 'setting', da: 'rekrutteringssted' }, levels: [], interaction: { test: 'Cochran Q (risk differences)', statistic: null, df1: null, df2: null, pValue: null, levelsTested: [], error } } as never, 1, 0.05);
    const messages = [
      errorOf(() => ancovaInteraction({ outcome: [1, 2, 3, 4], baseline: [1, 2, 2, 1], treated: [1, 0, 1, 0], level: [0, 0, 0, 0], levels: ['a'] })).message,
      errorOf(() => ancovaInteraction({ outcome: [1, 2, 3, 4, 5, 6], baseline: [1, 2, 2, 1, 3, 1], treated: [1, 0, 1, 1, 0, 0], level: [0, 0, 1, 1, 2, 2], levels: ['a', 'b', 'c'] })).message,
      errorOf(() => riskDifferenceHeterogeneity([{ name: 'a', intervention: { events: 1, n: 3 }, control: { events: 2, n: 3 } }])).message,
      errorOf(() => nestedFTest({ X: [[1], [1], [1]], names: ['(Intercept)'] }, { X: [[1], [1], [1]], names: ['(Intercept)'] }, [1, 2, 3])).message,
    ];
    expect(messages.map((m) => m.split(/ \(|,/)[0])).toEqual([
      'the test for interaction needs at least 2 levels with patients',
      "levels 'b'",
      'the test of equal risk differences needs at least 2 levels with patients',
      'the larger model has 1 coefficients',
    ]);
    const reasons = messages.map((m) => danishStatementReason({ interaction: { error: m } as never, credibility: failed(m) }));
    expect(reasons).toEqual([
      'interaktionstesten kræver mindst 2 niveauer med patienter (fandt 1)',
      "niveauerne 'b' (interventionsgruppen 2, kontrolgruppen 0) og 'c' (interventionsgruppen 0, kontrolgruppen 2) har kun patienter i den ene gruppe, så effekten på disse niveauer kan ikke sammenlignes med de andre niveauer",
      'testen for ens risikodifferencer kræver mindst 2 niveauer med patienter (fandt 1)',
      'den større model har 1 koefficienter, ikke flere end den mindre models 1',
    ]);
    // A reason no pattern knows stays, marked as English, on the Danish statement.
    expect(failed('a brand-new reason').statement.da).toBe('Interaktionen kunne ikke testes (på engelsk: a brand-new reason); ingen konklusion om, hvorvidt effekten er forskellig efter rekrutteringssted.');
  });
});
