/**
 * What the uptake report page calls things: the default title (no claim about the data's origin),
 * and the Danish words of docs/glossary-da.md.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uptakeReportKind } from '../../src/report/kinds/uptake-report.js';
import type { ReportContent } from '../../src/report/report-page.js';

const NO = 'test/fixtures/exports/registry-no';

function build(lang: 'en' | 'da', over: Record<string, unknown> = {}, dir = NO): Promise<ReportContent> {
  return uptakeReportKind.build(
    { id: 'x', kind: 'uptake', out: 'x', lang, registry: 'registry.csv', eligible: 'eligible.csv', plan: 'uptake.plan.json', ...over } as never,
    { input: (p: string) => join(dir, p), lang, version: 'test', memo: <T>(_k: string, f: () => T) => f() },
  );
}

describe('the uptake report page', () => {
  it('without a title in the manifest is headed "Uptake of the app by region": it does not claim synthetic data', async () => {
    for (const lang of ['en', 'da'] as const) {
      const { page } = await build(lang);
      expect(page.title).toBe(lang === 'en' ? 'Uptake of the app by region' : 'Optag af appen pr. region');
      expect(page.title).not.toMatch(/synthetic|syntetisk/);
    }
  });
});
