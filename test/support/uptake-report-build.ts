/**
 * The uptake report's content (no charts drawn) for a registry fixture folder and a plan written
 * into another folder, and its budget section's intro: for tests of what the budget section says.
 */
import { join } from 'node:path';
import { uptakeReportKind } from '../../src/report/kinds/uptake-report.js';
import type { ReportContent } from '../../src/report/report-page.js';

export function buildUptakeReport(planDir: string, fixtureDir: string, lang: 'en' | 'da'): Promise<ReportContent> {
  const memos = new Map<string, unknown>();
  return uptakeReportKind.build(
    { id: 'x', kind: 'uptake', out: 'x', lang, registry: 'registry.csv', eligible: 'eligible.csv', plan: 'uptake.plan.json' } as never,
    { input: (p: string) => (p === 'uptake.plan.json' ? join(planDir, p) : join(fixtureDir, p)), lang, version: 'test', memo: <T>(k: string, f: () => T): T => (memos.has(k) ? memos.get(k) : memos.set(k, f()).get(k)) as T },
  );
}

export const budgetIntro = (c: ReportContent): string => c.page.sections.find((s) => s.id === 'budget')!.intro!.join('\n');
