/**
 * Two things of register data on the registry page. (1)
 * A plan instrument's unit (`"unit": { "en": "DDD", "da": "DDD" }`) on the registry page's effects
 * table: the DDD row printed "−0.90 (−1.32 to −0.48)" with an MCID of "5", and a committee reader
 * could not tell DDD from points (docs/observational.md, "Units in the report"). (2) The methods
 * say what a missing outcome (death, emigration) means: complete cases, no censoring weights.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import type { ReportEnv } from '../../src/report/kinds/report-kind.js';
import type { Lang } from '../../src/report/i18n.js';
import { tempDir } from '../support/run-cli.js';

// The bundled registry with the RMDQ read as an opioid DDD sum (the plan's own instrument and unit).
const dir = tempDir();
const plan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as { outcomes: Record<string, unknown>[]; instruments?: Record<string, unknown>; responders?: unknown };
plan.instruments = { ddd: { label: { en: 'Opioid DDD per person', da: 'Opioid-DDD pr. person' }, unit: { en: 'DDD', da: 'DDD' }, range: [0, 1000], direction: 'lower-is-better', mcid: 5, mcidSource: 'plan assumption', decimals: true } };
plan.outcomes = [{ key: 'rmdq', instrument: 'ddd' }];
delete plan.responders;
writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
const entry = { id: 'r', kind: 'registry', out: 'r', data: 'synthetic/registry-outcomes.csv', plan: join(dir, 'plan.json') };
const env = (lang: Lang): ReportEnv => ({ input: (p) => (p.startsWith('/') ? p : resolve('data', p)), lang, version: 'test', memo: <T>(_: string, compute: () => T) => compute() });

describe('the registry effects table in the outcome\'s unit', () => {
  it.each([['en', 'to'], ['da', 'til']] as const)('%s: the difference and the MCID carry the instrument\'s unit', async (lang, to) => {
    const content = await registryReportKind.build({ ...entry, lang } as never, env(lang));
    const rows = content.page.sections.find((s) => s.id === 'effects')!.tables![0]!.table.rows;
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r[5]).toMatch(new RegExp(`^−\\d[.,]\\d\\d DDD \\(−\\d[.,]\\d\\d ${to} −\\d[.,]\\d\\d\\)$`));
      expect(r[6]).toBe('5 DDD');
    }
  });
});

describe('the registry page\'s methods on a missing outcome (death, emigration)', () => {
  it.each([
    ['en', /A patient without a value of the outcome at the time \(died, emigrated, lost to follow-up\) is not analysed: each analysis is of the patients observed through the window \(complete cases\), with no censoring weights and no competing-risk analysis/],
    ['da', /En patient uden en værdi af effektmålet på tidspunktet \(død, udvandret, tabt til opfølgning\) indgår ikke: .*uden vægte for censurering og uden analyse af konkurrerende risici/],
  ] as const)('%s: complete cases among those observed, no censoring weights or competing risks', async (lang, said) => {
    const content = await registryReportKind.build({ ...entry, lang } as never, env(lang));
    expect(content.page.sections.find((s) => s.id === 'methods')!.intro!.join(' ')).toMatch(said);
    expect((content.results as { methods: Record<string, string> }).methods.missingOutcome).toMatch(/^patients without a value of the outcome at the time .*no censoring weights, no competing-risk analysis$/);
  });
});
