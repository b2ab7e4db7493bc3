/**
 * The one-way sensitivity table's perspective scenario changes only the costs, yet under multiple
 * imputation its QALY difference differs from the base case's (the bundled Danish page: 0,0308
 * against 0,0319): the imputation uses the costs to impute missing QALYs, so the scenario's
 * imputed QALYs differ (docs/plan-cea.md#monte-carlo-error-of-the-imputed-estimates). The page says
 * so under the table, in both languages; the statistics are unchanged.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CeaResult } from '../../src/cea/cea-results-schema.js';
import { ceaReportKind } from '../../src/report/kinds/cea-report.js';
import { ceaFixture } from '../support/cea-fixture.js';
import { ENGLISH_WORDS } from '../support/english-words.js';

/** The fixture with missing 6-week utilities and a sick-leave column (productivity) of its own. */
function withSickLeave() {
  const f = ceaFixture({
    missingMiddleVisit: true,
    unitCostRows: ['gp,30,EUR,2021,test tariff', 'sick,200,EUR,2021,test wage'],
    planExtra: { resourceUse: [{ key: 'gp', column: 'ru_gp', category: 'primary-care' }, { key: 'sick', column: 'ru_sick', category: 'productivity' }] },
  });
  const [head, ...rows] = readFileSync(f.exportFile, 'utf8').trimEnd().split('\n');
  // Sick-leave days at 3 months, unrelated to the GP visits (an affine change of the costs would leave the imputed QALYs as they were).
  writeFileSync(f.exportFile, [`${head},ru_sick`, ...rows.map((r, i) => `${r},${r.split(',')[2] === '3m' ? (i * 7) % 5 : ''}`)].join('\n') + '\n');
  return f;
}

describe('the perspective scenario\'s QALY difference', () => {
  it.each(['en', 'da'] as const)('(%s) is explained under the one-way table when it differs from the base case\'s', async (lang) => {
    const f = withSickLeave();
    const env = { input: (p: string) => p, lang, version: 'test', memo: <T>(_k: string, compute: () => T) => compute() };
    const content = await ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang, data: f.exportFile, plan: f.plan }, env);
    const r = content.results as CeaResult;
    const societal = r.sensitivity.find((s) => s.key === 'societal')!;
    expect(societal.incrementalQaly.toFixed(4)).not.toBe(r.incrementalQaly.estimate.toFixed(4));
    const notes = (content.page.sections.find((s) => s.id === 'sensitivity')!.notes ?? []).join('\n');
    expect(notes).toContain(lang === 'en'
      ? 'differs from the base case only through the imputation of missing values'
      : 'afviger kun fra basisanalysens gennem imputationen af manglende værdier');
    const fmt = (v: number) => (lang === 'en' ? v.toFixed(4) : v.toFixed(4).replace('.', ',')).replace('-', '−');
    if (lang === 'da') expect(notes).not.toMatch(ENGLISH_WORDS);
    expect(notes).toContain(`(${fmt(societal.incrementalQaly)}, ${lang === 'en' ? 'base case' : 'basisanalysen'} ${fmt(r.incrementalQaly.estimate)})`);
  });
});
