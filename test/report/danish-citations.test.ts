/**
 * "et al." is "m.fl." on a Danish page (docs/glossary-da.md): the instruments' MCID sources
 * ("Ostelo RW m.fl. 2008") and a published-results file's citation ("Publiceret: Kongstad m.fl.
 * BMJ Open 2024") are written once, in English, and rendered per language (src/report/citation-words.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citationIn } from '../../src/report/citation-words.js';
import { ceaReportKind } from '../../src/report/kinds/cea-report.js';
import { mcidSourcesNote } from '../../src/report/mcid-sources.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { ceaFixture } from '../support/cea-fixture.js';
import { ENGLISH_WORDS } from '../support/english-words.js';
import { bundledTrial } from './trial-report-support.js';

describe('citations on a Danish page', () => {
  it('"et al." becomes "m.fl." in Danish only; the rest of the citation as written', () => {
    expect(citationIn('Ostelo RW et al. 2008, Spine 33(1):90-94', 'da')).toBe('Ostelo RW m.fl. 2008, Spine 33(1):90-94');
    expect(citationIn('Kongstad et al. BMJ Open 2024', 'da')).toBe('Kongstad m.fl. BMJ Open 2024');
    expect(citationIn('Ostelo RW et al. 2008', 'en')).toBe('Ostelo RW et al. 2008');
    // The Danish pages' English-word scan catches it.
    expect('Ostelo RW et al. 2008').toMatch(ENGLISH_WORDS);
    expect('Ostelo RW m.fl. 2008').not.toMatch(ENGLISH_WORDS);
  });

  it('the MCID sources under the effect estimates', () => {
    const { trial, result } = bundledTrial();
    const shown = new Set(result.effects.filter((e) => e.mcid !== null).map((e) => e.outcome));
    const [da] = mcidSourcesNote(trial.plan, shown, trialChartContext(trial, 'da').outcomeLabel, 'da');
    expect(da).toContain('Ostelo RW m.fl. 2008');
    expect(da).toContain('Chiarotto A m.fl. 2016');
    expect(da).not.toMatch(/et al/);
  });

  it('the published figures\' citation on the Danish CEA page', async () => {
    const probe = ceaFixture();
    writeFileSync(join(probe.dir, 'published.json'), JSON.stringify({
      citation: { en: 'Someone et al. 2024', da: 'Someone et al. 2024 (dansk)' }, patients: { intervention: 24, control: 24 }, followUpMonths: 3, perspective: 'healthcare', currency: 'EUR',
      incrementalCost: { estimate: 10, ciLower: -5, ciUpper: 25 }, icer: 1000, costPerResponder: {}, probabilityCostEffective: { threshold: 20000, probability: 0.9 },
    }));
    const f = ceaFixture({ planExtra: { published: join(probe.dir, 'published.json') } });
    const notes = async (lang: 'en' | 'da') => {
      const env = { input: (p: string) => p, lang, version: 'test', memo: <T>(_k: string, compute: () => T) => compute() };
      const c = await ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang, data: f.exportFile, plan: f.plan }, env);
      return (c.page.sections.find((s) => s.id === 'results')!.notes ?? []).join('\n');
    };
    expect(await notes('da')).toContain('Publiceret: Someone m.fl. 2024 (dansk).');
    expect(await notes('en')).toContain('Published: Someone et al. 2024.');
  });
});
