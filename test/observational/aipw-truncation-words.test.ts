/**
 * AIPW weights by the estimated scores, uncapped; the plan's "truncate" caps only the weighted
 * regression's weights (docs/observational.md, step 3). Said in results.json's methods and in the
 * report's methods text whenever the plan truncates — not said when it does not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { analyzeObservational } from '../../src/observational/analyze-observational.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const basePlan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as { observational: Record<string, unknown> };
const csv = registryCsv(completeRegistryRows(200));

function planWith(truncate?: number, estimand?: string) {
  const plan = structuredClone(basePlan);
  if (truncate !== undefined) plan.observational.truncate = truncate;
  if (estimand !== undefined) plan.observational.estimand = estimand;
  return plan;
}

async function methodsText(plan: object, lang: 'en' | 'da') {
  const dir = tempDir();
  writeFileSync(join(dir, 'registry.csv'), csv);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  const env = { input: (p: string) => join(dir, p), lang, version: 'test', memo: <T>(_k: string, f: () => T) => f() };
  const content = await registryReportKind.build({ id: 'r', kind: 'registry', out: 'r', lang, data: 'registry.csv', plan: 'plan.json' } as never, env as never);
  return content.page.sections.find((s: { id: string }) => s.id === 'methods')!.intro!.join('\n');
}

describe('AIPW and the plan\'s weight truncation', () => {
  it('results.json methods say AIPW does not use the cap, only when the plan truncates', () => {
    const methods = (plan: object) => analyzeObservational(loadTrial(parseCsvText(csv, 'registry.csv'), parsePlan(plan)), { version: 'test' }).methods;
    expect(methods(planWith(0.95)).aipw).toMatch(/truncation does not apply to it/);
    expect(methods(planWith()).aipw).not.toMatch(/truncation/);
    // Under ATO no AIPW is computed: nothing said of it.
    expect(methods(planWith(0.95, 'ATO')).aipw).not.toMatch(/truncation/);
  });

  it('the report\'s methods text says it, in English and Danish', async () => {
    expect(await methodsText(planWith(0.95), 'en')).toContain('AIPW uses the propensity scores as estimated, without the cap');
    expect(await methodsText(planWith(0.95), 'da')).toContain('AIPW bruger tilbøjelighedsscorerne, som de er estimeret, uden afskæring');
    expect(await methodsText(planWith(), 'en')).not.toContain('without the cap');
    const ato = await methodsText(planWith(0.95, 'ATO'), 'en');
    expect(ato).toContain('Weights were capped at their');
    expect(ato).not.toContain('without the cap');
    // Under ATT only the non-users' weights are capped (balancing-weights.ts), and the page says whose.
    expect(await methodsText(planWith(0.95, 'ATT'), 'en')).toContain('The weights of non-users were capped at their 0.95 quantile in the weighted regression (app users keep their weight of 1)');
    expect(await methodsText(planWith(0.95, 'ATT'), 'da')).toContain('Vægtene for ikke-brugere er afskåret ved deres 0,95-fraktil i den vægtede regression (brugere af appen beholder vægten 1)');
    expect(await methodsText(planWith(0.95), 'en')).toContain(' Weights were capped at their 0.95 quantile');
  });
});
