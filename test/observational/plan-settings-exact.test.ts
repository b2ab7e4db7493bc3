/**
 * The plan's own settings — the balance threshold, "trim", "truncate" — are printed with every
 * digit the user gave them, in the warnings (page, terminal, results.json `warnings`) and on the
 * registry page, in English and Danish. Rounded to two decimals, a threshold of 0.125 read
 * "SMD 0.128 after weighting (threshold 0.13)" — a rule broken by a value under the printed limit —
 * and a trim of 0.004 read "the score is below "trim" (0.00)".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { analyzeObservational } from '../../src/observational/analyze-observational.js';
import { findingText } from '../../src/observational/diagnostic-findings.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { formatSetting } from '../../src/report/i18n.js';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

describe('a plan setting as the user wrote it', () => {
  it('formatSetting: every digit, at least two decimals, grouped, no floating-point noise', () => {
    expect(formatSetting(0.125, 'en')).toBe('0.125');
    expect(formatSetting(0.125, 'da')).toBe('0,125');
    expect(formatSetting(0.004, 'en')).toBe('0.004');
    expect(formatSetting(0.1, 'en')).toBe('0.10');
    expect(formatSetting(0.05, 'da')).toBe('0,05');
    expect(formatSetting(1 - 0.004, 'en')).toBe('0.996');
    expect(formatSetting(1 - 0.07, 'en')).toBe('0.93');
    expect(formatSetting(1234.5, 'en')).toBe('1,234.50');
    expect(formatSetting(1234.5, 'da')).toBe('1.234,50');
  });

  it('the imbalance warning: an SMD of 0.128 against a threshold of 0.125 (en, da)', () => {
    const f = { kind: 'imbalance' as const, term: 'age', smd: 0.128, threshold: 0.125 };
    expect(findingText(f, 'en', () => 'Age (years)')).toBe('balance not reached for Age (years): SMD 0.128 after weighting (threshold 0.125)');
    expect(findingText(f, 'da', () => 'Alder (år)')).toBe('balance ikke opnået for Alder (år): SMD 0,128 efter vægtning (grænse 0,125)');
  });

  it('the trimmed-level warning: a trim of 0.004 (en, da)', () => {
    const f = { kind: 'outside-target' as const, confounder: 'referrer', levels: ['chiro'], unnamed: 0, trim: 0.004 };
    expect(findingText(f, 'en')).toContain('the score is below "trim" (0.004), so they are trimmed');
    expect(findingText(f, 'da')).toContain('scoren er under "trim" (0,004), så de er trimmet');
  });

  it("results.json's warnings of an ATT analysis with trim 0.004 (a level only non-users have)", () => {
    const plan = parsePlan({
      design: 'observational',
      observational: {
        exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' },
        confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }, { name: 'referrer', type: 'categorical' }],
        estimand: 'ATT',
        trim: 0.004,
      },
      layout: 'wide',
      timepoints: ['3m'],
      outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
    });
    const text = readFileSync('test/fixtures/observational/registry-att-outside.csv', 'utf8');
    const result = analyzeObservational(loadTrial(parseCsvText(text, 'registry.csv'), plan), { version: 'test' });
    const said = result.warnings.find((w) => w.includes('"trim"'));
    expect(said).toContain('the score is below "trim" (0.004), so they are trimmed');
  });

  it('the registry page: balance threshold 0.125, trim 0.004 (and 0.996), truncate 0.995 (en, da)', async () => {
    const plan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as { observational: Record<string, unknown> };
    Object.assign(plan.observational, { balanceThreshold: 0.125, trim: 0.004, truncate: 0.995 });
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), registryCsv(completeRegistryRows(200)));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const page = async (lang: 'en' | 'da') => {
      const env = { input: (p: string) => join(dir, p), lang, version: 'test', memo: <T>(_k: string, f: () => T) => f() };
      const content = await registryReportKind.build({ id: 'r', kind: 'registry', out: 'r', lang, data: 'registry.csv', plan: 'plan.json' } as never, env as never);
      return JSON.stringify(content.page.sections);
    };
    const en = await page('en');
    expect(en).toContain('every |SMD| is below 0.125 after weighting');
    expect(en).toContain('Patients with a propensity score below 0.004 or above 0.996 were left out.');
    expect(en).toContain('capped at their 0.995 quantile');
    const da = await page('da');
    expect(da).toContain('alle |SMD| er under 0,125 efter vægtning');
    expect(da).toContain('Patienter med en tilbøjelighedsscore under 0,004 eller over 0,996 er udeladt.');
    expect(da).toContain('afskåret ved deres 0,995-fraktil');
  });
});
