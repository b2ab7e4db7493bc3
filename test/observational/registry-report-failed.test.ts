/**
 * A registry report whose analyses all fail is not published (docs/manifest.md "registry"): it
 * was a page with a figure caption but no chart, an empty Table 1, an empty E-value section and
 * methods describing a fit that never ran, with exit 0. When some analyses fail, the page names
 * them instead of leaving them out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const basePlan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as { observational: { confounders: { name: string; type: string }[] } };

async function build(csv: string, plan: object, lang: 'en' | 'da' = 'en') {
  const dir = tempDir();
  writeFileSync(join(dir, 'registry.csv'), csv);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  const env = { input: (p: string) => join(dir, p), lang, version: 'test', memo: <T>(_k: string, f: () => T) => f() };
  return registryReportKind.build({ id: 'reg', kind: 'registry', out: 'reg', lang, data: 'registry.csv', plan: 'plan.json' } as never, env as never);
}

describe('a registry report with analyses that could not be done', () => {
  it('fails (analysis.failed, exit 1) when no analysis could be done, naming each reason once', async () => {
    // Age typed categorical: dozens of ages, many in one group only → no overlap for every outcome.
    const plan = structuredClone(basePlan);
    plan.observational.confounders[0]!.type = 'categorical';
    const err = await build(registryCsv(completeRegistryRows(200)), plan).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).exitCode).toBe(1);
    const msg = (err as HtaError).message;
    expect(msg).toMatch(/^report "reg": no analysis could be done, so no page is written/);
    expect(msg).toContain('rmdq at 3m, pain at 3m, rmdq30 at 3m: no overlap: confounder "age"');
  });

  it('names an outcome that could not be analysed under the effects, and keeps the others', async () => {
    // Pain at 3 months recorded for 3 app users only: too few to analyse; RMDQ is complete.
    const d = completeRegistryRows(200);
    let kept = 0;
    for (const r of d.rows) if (r.app === 'Ja' && kept++ >= 3) r.pain_3m = '';
    for (const lang of ['en', 'da'] as const) {
      const content = await build(registryCsv(d), basePlan, lang);
      const effects = content.page.sections.find((s) => s.id === 'effects')!;
      expect(effects.notes?.[0]).toBe(lang === 'en' ? 'No analysis possible for Pain intensity (NRS 0–10), 3 months: the reasons are under Warnings.' : 'Ingen analyse mulig for Smerteintensitet (NRS 0–10), 3 måneder: årsagerne står under Advarsler.');
      expect(content.page.sections.find((s) => s.id === 'e-values')?.intro?.length).toBeGreaterThan(0);
    }
  });
});
