/**
 * A report built with "invalidRows": "exclude" says how many rows it left out and why, by line
 * and column, without cell values or ids (issue: every output states its exclusions).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import { markdownPage } from '../../src/report/markdown-page.js';
import { reportEnv } from '../support/report-env.js';
import { tempDir } from '../support/run-cli.js';

async function build(invalidRows: 'exclude' | undefined, lang: 'en' | 'da' = 'en') {
  const dir = tempDir();
  const lines = readFileSync('data/synthetic/selfback-trial.csv', 'utf8').split('\n');
  const header = lines[0]!.split(',');
  const rmdq1 = header.indexOf('rmdq_1');
  // Two bad answers: RMDQ item 1 answered 7 on lines 3 and 5 (1-based, header = line 1).
  for (const i of [2, 4]) {
    const cells = lines[i]!.split(',');
    cells[rmdq1] = '7';
    lines[i] = cells.join(',');
  }
  writeFileSync(join(dir, 'trial.csv'), lines.join('\n'));
  const plan = JSON.parse(readFileSync('data/plans/selfback.plan.json', 'utf8'));
  delete plan.$schema;
  // Only what the section needs: no MI, MMRM or sensitivity analysis (they take seconds).
  plan.methods = ['ancova'];
  plan.missing = { method: 'complete-case', sensitivity: false };
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(invalidRows ? { ...plan, invalidRows } : plan));
  return trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang, data: 'trial.csv', plan: 'plan.json', characteristics: [] } as never, reportEnv(dir, lang));
}

describe('trial report with excluded rows', () => {
  it('has a section naming the count, the column, the problem and the lines, with no value or id', async () => {
    const content = await build('exclude');
    const section = content.page.sections.find((s) => s.id === 'excluded-rows');
    expect(section).toBeDefined();
    expect(section!.intro!.join(' ')).toMatch(/2 rows of the export, with 2 problems, are left out/);
    const table = section!.tables![0]!.table;
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]![0]).toBe('rmdq_1');
    expect(table.rows[0]![2]).toBe('2');
    expect(table.rows[0]![3]).toBe('3, 5');
    const md = markdownPage(content.page, new Map(content.charts.map((c) => [c.name, { svg: '<svg/>', alt: c.alt }])));
    expect(md).toContain('Rows left out of the analysis');
    expect(md).not.toMatch(/SB000[12]/);
  });

  it('is in Danish on a Danish page; without "invalidRows": "exclude" the same file stops the report', async () => {
    const da = await build('exclude', 'da');
    expect(da.page.sections.find((s) => s.id === 'excluded-rows')?.title).toBe('Rækker udeladt af analysen');
    expect(da.page.sections.find((s) => s.id === 'excluded-rows')?.intro?.join(' ')).toMatch(/2 rækker i eksporten, med 2 fejl, indgår ikke/);
    await expect(build(undefined)).rejects.toThrow(/problem/);
  });
});
