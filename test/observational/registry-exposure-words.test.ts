/**
 * A registry page whose exposure is not an app ("Gruppeforløb" against usual care) never says
 * "app": the intro, the forest's "favours …", the overlap and methods texts, the E-value sentences
 * and the default title speak of the plan's groups or of "the exposure" (src/report/arm-names.ts;
 * docs/observational.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import type { ReportContent } from '../../src/report/report-page.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';
import { pageText } from '../support/page-text.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const plan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as Record<string, unknown>;
delete plan.title;
plan.armLabels = { intervention: { en: 'Gruppeforløb', da: 'Gruppeforløb' }, control: { en: 'Usual care', da: 'Vanlig behandling' } };

const dir = tempDir();
writeFileSync(join(dir, 'registry.csv'), registryCsv(completeRegistryRows(200)));
writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));

async function page(lang: 'en' | 'da'): Promise<ReportContent> {
  const env = { input: (p: string) => join(dir, p), lang, version: 'test', memo: <T>(_k: string, f: () => T) => f() };
  return registryReportKind.build({ id: 'r', kind: 'registry', out: 'r', lang, data: 'registry.csv', plan: 'plan.json' } as never, env as never);
}


describe('registry page: an exposure that is not an app', () => {
  it.each(['en', 'da'] as const)('no "app" on the %s page; the groups by their labels', async (lang) => {
    const c = await page(lang);
    const text = pageText(c);
    // Line by line, so a failure shows the sentence that says it.
    expect(text.split(/\n|","/).filter((l) => /\bapp(?:en|ens|s)?\b/i.test(l))).toEqual([]);
    expect(c.page.title).toBe(lang === 'en' ? 'Registry outcomes by exposure' : 'Effektmål fra registerdata efter eksponering');
    // Mid-sentence lower-cased as the page's conclusion names the groups (registry-conclusion.ts).
    expect(text).toContain(lang === 'en' ? 'gruppeforløb and usual care differ in who they are' : 'gruppeforløb og vanlig behandling er forskellige patienter');
    expect(text).toContain(lang === 'en' ? 'right favours Gruppeforløb' : 'højre er til fordel for Gruppeforløb');
    // The weights by the groups too, not "users"/"non-users" (a reviewer).
    expect(text).toContain(lang === 'en' ? '(1/e for gruppeforløb, 1/(1 − e) for usual care)' : '(1/e for gruppeforløb, 1/(1 − e) for vanlig behandling)');
    expect(text.split(/\n|","/).filter((l) => /\b(?:non-)?users\b|\b(?:ikke-)?brugere\b/i.test(l))).toEqual([]);
  });
});
