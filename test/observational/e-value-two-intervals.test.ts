/**
 * An adjusted yes/no row's E-value is of its risk ratio, whose CI (delta method, log scale) is not
 * the printed difference's (normal) CI; near no difference they disagree (docs/observational.md,
 * step 6). A review found a page saying "significant difference" beside 2.7 pp (0.003 to 5.4) and,
 * in the same paragraph, "the CI already includes no difference" — because the RR's CI, 0.99 to
 * 2.51, included 1. The page must name the interval it talks about. The fixture is a register
 * extract (1,200 patients, ATE) whose two intervals disagree so.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eValueCi } from '../../src/observational/e-value.js';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import { reportEnv } from '../support/report-env.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const plan = {
  design: 'observational',
  observational: {
    exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' },
    confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }, { name: 'region', type: 'categorical' }],
    estimand: 'ATE',
    baselineAsConfounder: false,
  },
  armLabels: { intervention: { en: 'App users', da: 'brugere af appen' }, control: { en: 'Non-users', da: 'ikke-brugere' } },
  layout: 'wide',
  timepoints: ['6m'],
  primary: { outcome: 'fall', time: '6m' },
  outcomes: [{ key: 'fall', instrument: 'binary', direction: 'lower-is-better', answers: { Ja: 1, Nej: 0 }, label: { en: 'Any fall', da: 'Fald' } }],
};

interface Effect { method: string; ciLower: number; ciUpper: number; significant: boolean; riskRatio: { ciLower: number; ciUpper: number } | null }

async function page(lang: 'en' | 'da') {
  const dir = tempDir();
  copyFileSync('test/fixtures/observational/near-null-registry.csv', join(dir, 'registry.csv'));
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  const c = await registryReportKind.build({ id: 'r', kind: 'registry', out: 'r', lang, data: 'registry.csv', plan: 'plan.json' } as never, reportEnv(dir, lang));
  const text = (id: string) => c.page.sections.find((s) => s.id === id)!.intro!.join(' ').replace(/[\u00a0\u202f]/g, ' ');
  const effects = (c.results as { analyses: { effects: Effect[] }[] }).analyses[0]!.effects;
  return { text, wr: effects.find((e) => e.method === 'weighted-regression')! };
}

describe('which CI the E-value reads (eValueCi)', () => {
  it('tells apart the four cases of the difference\'s CI and the risk ratio\'s CI', () => {
    const rr = (ciLower: number, ciUpper: number) => ({ ciLower, ciUpper });
    expect(eValueCi({ ciLower: 0.01, ciUpper: 0.05, riskRatio: rr(1.1, 2) })).toBe('excludes');
    expect(eValueCi({ ciLower: -0.01, ciUpper: 0.05, riskRatio: rr(0.9, 2) })).toBe('includes');
    expect(eValueCi({ ciLower: 0.00003, ciUpper: 0.054, riskRatio: rr(0.99, 2.51) })).toBe('rr-includes');
    expect(eValueCi({ ciLower: -0.0001, ciUpper: 0.05, riskRatio: rr(1.01, 2) })).toBe('rr-excludes');
    // No risk ratio (a continuous outcome, the crude row): the difference's CI alone.
    expect(eValueCi({ ciLower: -1, ciUpper: 2 })).toBe('includes');
    expect(eValueCi({ ciLower: 1, ciUpper: 2, riskRatio: null })).toBe('excludes');
  });
});

describe.each(['en', 'da'] as const)('a registry page whose RR CI includes 1 while the difference\'s CI excludes 0 (%s)', (lang) => {
  it('never says "the CI already includes no difference" beside a significant difference; names the risk ratio\'s CI', async () => {
    const { text, wr } = await page(lang);
    // The case itself, read off the published numbers: the difference's CI excludes 0, the RR's includes 1.
    expect(wr.ciLower > 0 || wr.ciUpper < 0).toBe(true);
    expect(wr.significant).toBe(true);
    expect(wr.riskRatio!.ciLower <= 1 && wr.riskRatio!.ciUpper >= 1).toBe(true);
    const conclusion = text('conclusion');
    const evalues = text('e-values');
    const wrong = lang === 'da' ? 'konfidensintervallet omfatter allerede 0' : 'the CI already includes no difference';
    expect(conclusion).not.toContain(wrong);
    expect(evalues).not.toContain(wrong);
    expect(conclusion).toContain(lang === 'da'
      ? 'den relative risikos konfidensinterval omfatter allerede 1, selv om forskellens konfidensinterval ikke omfatter 0 (de to intervaller beregnes forskelligt).'
      : 'the risk ratio\'s CI already includes 1, although the difference\'s CI excludes 0 (the two intervals are computed differently).');
    expect(evalues).toContain(lang === 'da'
      ? 'E-værdien er beregnet af den relative risiko, og dens konfidensinterval omfatter allerede 1, selv om forskellens konfidensinterval ikke omfatter 0'
      : 'the E-value is of the risk ratio, and its CI already includes 1 although the difference\'s CI excludes 0');
  });
});
