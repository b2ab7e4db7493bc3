/**
 * No English on the Danish cost-effectiveness page, nor in the Danish `hta cea` summary: the
 * method says "simultan regression (SUR)", no English name, OLS and the
 * imputation in Danish (src/report/kinds/cea-report.ts, src/cea/cea-text.ts); results.json keeps
 * the English `regressionText`/`missingText` (the JSON contract), the English page its own words.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CeaResult } from '../../src/cea/cea-results-schema.js';
import { ceaSummaryText } from '../../src/cea/cea-text.js';
import { ceaReportKind } from '../../src/report/kinds/cea-report.js';
import { markdownPage } from '../../src/report/markdown-page.js';
import type { ReportContent } from '../../src/report/report-page.js';
import { ceaFixture } from '../support/cea-fixture.js';
import { unitCostSourceWarning } from '../../src/report/danish-gaps.js';
import { ENGLISH_WORDS as ENGLISH } from '../support/english-words.js';

async function build(lang: 'en' | 'da', f: ReturnType<typeof ceaFixture>): Promise<ReportContent> {
  const env = { input: (p: string) => p, lang, version: 'test', memo: <T>(_k: string, compute: () => T) => compute() };
  return ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang, data: f.exportFile, plan: f.plan }, env);
}

/** The page's prose and tables, without the provenance (file paths) and the chart file links. */
function pageText(c: ReportContent): string {
  return markdownPage({ ...c.page, provenance: '' }, new Map(c.charts.map((x) => [x.name, { alt: x.alt }])))
    .split('\n')
    .filter((l) => !/\.vl\.json\)$/.test(l) && !/^!\[/.test(l))
    .join('\n');
}

/** English left in Danish text. */
const englishIn = (text: string) => text.match(new RegExp(`${ENGLISH.source}|\\b(seemingly|unrelated|equation|imputed?|pooled|replicates?)\\b`, 'gi')) ?? [];

describe('the Danish cost-effectiveness page and summary', () => {
  for (const [method, missing] of [['sur', true], ['ols', false]] as const) {
    it(`${method}, ${missing ? 'with' : 'without'} missing data: Danish method, no English`, async () => {
      const f = ceaFixture({ missingMiddleVisit: missing, unitCostRows: ['gp,30,EUR,2021,takst'], planExtra: { method } });
      const da = await build('da', f);
      const text = pageText(da);
      expect(englishIn(text), text).toEqual([]);
      if (method === 'sur') {
        // The glossary's name, with the abbreviation only (docs/glossary-da.md).
        expect(text).toContain('Simultan regression (SUR) af omkostninger og QALY');
      } else expect(text).toContain('Mindste kvadraters metode (OLS) for hver ligning');
      const summary = ceaSummaryText(da.results as CeaResult, 'da');
      expect(englishIn(summary), summary).toEqual([]);
      // The English summary and results.json keep the analysis's English method text.
      const r = da.results as CeaResult;
      expect(ceaSummaryText(r, 'en')).toContain(`${r.method.regressionText}.\n${r.method.missingText}.\n`);
      expect(r.method.regressionText).toMatch(method === 'sur' ? /^seemingly unrelated regression of cost/ : /^OLS per equation/);
      expect(pageText(await build('en', f))).toContain(method === 'sur' ? 'Seemingly unrelated regression of cost and QALYs' : 'OLS per equation of cost and QALYs');
    });
  }
});

describe("the cost-effectiveness page's provenance", () => {
  // The fixture's files are absolute paths in a temporary folder: named by their last names (published-name.ts).
  it("says what the data are only as the manifest's dataNote says it (a user's export is not synthetic)", async () => {
    const f = ceaFixture({ unitCostRows: ['gp,30,EUR,2021,takst'], planExtra: { method: 'ols' } });
    const env = { input: (p: string) => p, lang: 'da' as const, version: 'test', memo: <T>(_k: string, compute: () => T) => compute() };
    const plain = await ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang: 'da', data: f.exportFile, plan: f.plan }, env);
    expect(plain.page.provenance).toBe(`Rapporten er dannet med hta test ud fra ${basename(f.exportFile)} med planen ${basename(f.plan)}.`);
    const noted = await ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang: 'da', data: f.exportFile, plan: f.plan, dataNote: { en: 'Synthetic.', da: 'Syntetiske data.' } }, env);
    expect(noted.page.provenance).toBe(`Rapporten er dannet med hta test ud fra ${basename(f.exportFile)} med planen ${basename(f.plan)}. Syntetiske data.`);
  });
});

describe('the unit-cost table', () => {
  it('groups thousands as a price list does (committed reports, which CI keeps up to date)', () => {
    // HTA_REPORTS_DIR: a freshly built reports folder, before the committed one is regenerated.
    const row = (file: string, item: string) => readFileSync(file.replace(/^reports\//, `${process.env.HTA_REPORTS_DIR ?? 'reports'}/`), 'utf8').split('\n').find((l) => l.startsWith(`| ${item} |`))!;
    expect(row('reports/selfback-cea/README.md', 'Hospital contacts')).toContain('| 1,400.00 |');
    expect(row('reports/selfback-cea-da/README.md', 'Sygehuskontakter')).toContain('| 1.400,00 |');
  });
});

describe('the method sentence', () => {
  it('names the covariates the regressions used, in both languages', async () => {
    const f = ceaFixture({ unitCostRows: ['gp,30,EUR,2021,takst'], planExtra: { method: 'ols' }, ageCovariate: true });
    const da = await build('da', f);
    expect((da.results as CeaResult).method.covariates).toEqual(['age']);
    expect(pageText(da)).toContain('omkostninger og QALY hver for sig på gruppe, baseline-nytteværdi og age (= R lm)');
    expect(pageText(await build('en', f))).toContain('OLS per equation of cost and QALYs on arm, baseline utility and age (= R lm)');
    // results.json and the command-line summaries say the same.
    expect((da.results as CeaResult).method.regressionText).toBe('OLS per equation: cost and QALY each on arm, baseline utility and age (= R lm)');
    expect(ceaSummaryText(da.results as CeaResult, 'da')).toContain('hver for sig på gruppe, baseline-nytteværdi og age (= R lm)');
    const plain = await build('en', ceaFixture({ unitCostRows: ['gp,30,EUR,2021,takst'], planExtra: { method: 'ols' } }));
    expect((plain.results as CeaResult).method.regressionText).toBe('OLS per equation: cost and QALY each on arm and baseline utility (= R lm)');
  });

  // A reviewer emptied a source_da: the Danish page showed the English source, with no warning.
  it('warns when a unit cost\'s Danish source is empty (the page shows the English)', async () => {
    const f = ceaFixture();
    writeFileSync(join(f.dir, 'unit-costs.csv'), 'item,unit_cost,currency,price_year,source,source_da\ngp,30,EUR,2021,GP consultation per the fee schedule,\n');
    const warned: string[] = [];
    const env = { input: (p: string) => p, lang: 'da' as const, version: 'test', memo: <T>(_k: string, compute: () => T) => compute(), warn: (w: string) => warned.push(w) };
    await ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang: 'da', data: f.exportFile, plan: f.plan }, env);
    expect(warned).toEqual(['the unit costs unit-costs.csv have no Danish source ("source_da") for gp "GP consultation per the fee schedule": the Danish page shows it in English — add a column "source_da" with the Danish text, or, if the "source" column is Danish already, name it "Kilde"']);
    // A citation reads the same in Danish; once the file gives Danish sources, an empty one is named whatever it says.
    expect(unitCostSourceWarning('u.csv', { gp: { source: 'Takstkort 2021' } })).toBeUndefined();
    expect(unitCostSourceWarning('u.csv', { gp: { source: 'Takstkort 2021' }, physio: { source: 'x', sourceDa: 'y' } })).toBe('the unit costs u.csv have no Danish source ("source_da") for gp "Takstkort 2021": the Danish page shows it in English — add a column "source_da" with the Danish text, or, if the "source" column is Danish already, name it "Kilde"');
  });
});
