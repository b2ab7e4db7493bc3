/**
 * The registry page's flow: from the patients read (input.patients) to those analysed, per group,
 * with the patients without a value at the time and those missing a confounder — 150 patients
 * without a 3-month value were never mentioned on the bundled page — under the small-count rules
 * (docs/observational.md, "Small counts", rule 10).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvFile } from '../../src/io/read-csv.js';
import { computeObservationalAnalyses } from '../../src/observational/analyze-observational.js';
import type { ObservationalAnalysis, ObservationalResult } from '../../src/observational/observational-results-schema.js';
import { protectSmallCounts } from '../../src/observational/small-counts.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import type { Lang } from '../../src/report/i18n.js';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import type { ReportEnv } from '../../src/report/kinds/report-kind.js';
import { SUPPRESSED } from '../../src/suppressed-marker.js';
import { armCounts } from '../../src/trial/trial-data.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const trial = loadTrial(readCsvFile('data/synthetic/registry-outcomes.csv'), loadPlanFile('data/plans/registry-outcomes.plan.json'));
const memo = new Map<string, unknown>();
const env = (lang: Lang): ReportEnv => ({
  input: (p) => resolve('data', p),
  lang,
  version: 'test',
  memo: <T>(key: string, compute: () => T) => (memo.has(key) ? (memo.get(key) as T) : (memo.set(key, compute()), memo.get(key) as T)),
});
const entry = { id: 'r', kind: 'registry', out: 'r', data: 'synthetic/registry-outcomes.csv', plan: 'plans/registry-outcomes.plan.json' };

describe('registry flow', () => {
  it('each group\'s patients read = without a value + missing a confounder + trimmed + analysed', () => {
    const counts = armCounts(trial);
    const computed = computeObservationalAnalyses(trial);
    for (const a of computed) {
      for (const [g, arm] of [['exposed', 'intervention'], ['unexposed', 'control']] as const) {
        const f = a.flow![g];
        expect((f.withoutOutcome as number) + (f.missingConfounders as number) + (f.trimmed as number) + (a.patients![g] as number)).toBe(counts[arm]);
      }
      expect((a.flow!.exposed.missingConfounders as number) + (a.flow!.unexposed.missingConfounders as number)).toBe(a.excluded!.missingConfounders);
    }
  });

  it('shows the per-group cells only when none of them is small, else all six are "suppressed"', () => {
    const input = { exposed: 100, unexposed: 100 };
    const base = computeObservationalAnalyses(trial)[0]!;
    const at = (lostE: number, missE: number, lostU: number, missU: number): ObservationalAnalysis => ({
      ...base,
      patients: { exposed: 100 - lostE - missE, unexposed: 100 - lostU - missU },
      excluded: { missingConfounders: missE + missU, trimmed: 0 },
      flow: { exposed: { withoutOutcome: lostE, missingConfounders: missE, trimmed: 0 }, unexposed: { withoutOutcome: lostU, missingConfounders: missU, trimmed: 0 } },
    });
    const shown = protectSmallCounts(input, [at(20, 6, 10, 5)], 5).analyses[0]!;
    expect(shown.flow!.exposed).toEqual({ withoutOutcome: 20, missingConfounders: 6, trimmed: 0 });
    const hidden = protectSmallCounts(input, [at(20, 6, 10, 3)], 5);
    expect(hidden.analyses[0]!.flow!.exposed).toEqual({ withoutOutcome: SUPPRESSED, missingConfounders: SUPPRESSED, trimmed: SUPPRESSED });
    expect(hidden.analyses[0]!.flow!.unexposed.missingConfounders).toBe(SUPPRESSED);
    // The total of 9 stays: it is not small, and hides nothing once every group's cell is hidden.
    expect(hidden.analyses[0]!.excluded!.missingConfounders).toBe(9);
  });

  it.each([
    ['en', 'Patients from the export to the analysis', ['In the export', '773', '427', '1,200'], 'No value at baseline or at 3 months', 'Analysed'],
    ['da', 'Patienter fra udtrækket til analysen', ['I udtrækket', '773', '427', '1.200'], 'Ingen værdi ved baseline eller efter 3 måneder', 'Analyseret'],
  ] as const)('(%s) the page says where every patient read went', async (lang, title, first, without, analysed) => {
    const content = await registryReportKind.build({ ...entry, lang } as never, env(lang));
    const results = content.results as ObservationalResult;
    const section = content.page.sections.find((s) => s.id === 'flow')!;
    expect(section.title).toBe(title);
    const rows = section.tables![0]!.table.rows;
    expect(rows[0]).toEqual(first);
    const a = results.analyses[0]!;
    const total = (results.input.patients.exposed as number) + (results.input.patients.unexposed as number);
    const analysedTotal = (a.patients!.exposed as number) + (a.patients!.unexposed as number);
    const lost = total - analysedTotal - (a.excluded!.missingConfounders as number) - (a.excluded!.trimmed as number);
    expect(lost).toBeGreaterThan(100);
    // Counts as the page's language groups thousands (Intl's locale data: an independent writer).
    const count = (n: unknown) => (n as number).toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB');
    expect(rows.find((r) => r[0] === `  ${without}`)!.at(-1)).toBe(count(lost));
    expect(rows.find((r) => r[0] === `  ${analysed}`)).toEqual([`  ${analysed}`, count(a.patients!.exposed), count(a.patients!.unexposed), count(analysedTotal)]);
    // The bundled registry's missing-confounder split has a small group count: every per-group cell is hidden.
    const marker = lang === 'en' ? 'suppressed' : 'diskretioneret';
    expect(rows.filter((r) => r[0]!.startsWith('  ') && r[0] !== `  ${analysed}`).every((r) => r[1] === marker && r[2] === marker)).toBe(true);
  });
});
