/**
 * A trial report's text files (README.md, index.html, each chart's .vl.json and .svg) built in
 * process from a plan object, without the PNG worker pool: quick enough for tests that only read
 * what the report says.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import { htmlPage } from '../../src/report/html-page.js';
import type { Lang } from '../../src/report/i18n.js';
import { markdownPage } from '../../src/report/markdown-page.js';
import { renderSvg } from '../../src/report/render/render-chart.js';
import { tempDir } from '../support/run-cli.js';

/**
 * The folders and memos of a test file's builds, by plan and export: the pages of one plan in
 * English and Danish then share one analysis, as `hta report` shares it between the reports of a
 * manifest (its memo), instead of analysing the trial once per language.
 */
export type SharedBuilds = Map<string, { dir: string; memo: Map<string, unknown> }>;
export const sharedBuilds = (): SharedBuilds => new Map();

/**
 * The pages built so far in this test worker, by plan, export (its path and bytes) and language.
 * Test files share a worker's modules (vitest.config.ts), so two files that read the same page
 * (the bundled trial with an MCID of 0.5: the verdict notes and the Danish target words) build it
 * once when they meet in one worker: ~0.8 s of analysis and charts. Each caller gets its own Map.
 */
const builtPages = new Map<string, Promise<Map<string, string>>>();

export async function trialReportFiles(plan: unknown, lang: Lang, data = 'data/synthetic/selfback-trial.csv', shared?: SharedBuilds): Promise<Map<string, string>> {
  const bytes = createHash('sha256').update(readFileSync(join(process.cwd(), data))).digest('hex');
  const key = [JSON.stringify(plan), data, bytes, lang].join('\u0000');
  let files = builtPages.get(key);
  if (!files) {
    builtPages.set(key, (files = buildFiles(plan, lang, data, shared)));
    // A build that failed is not kept: the next caller sees its own failure.
    files.catch(() => builtPages.delete(key));
  }
  return new Map(await files);
}

async function buildFiles(plan: unknown, lang: Lang, data: string, shared?: SharedBuilds): Promise<Map<string, string>> {
  const key = `${JSON.stringify(plan)}\u0000${data}`;
  let build = shared?.get(key);
  if (!build) {
    build = { dir: tempDir(), memo: new Map<string, unknown>() };
    writeFileSync(join(build.dir, 'plan.json'), JSON.stringify(plan));
    shared?.set(key, build);
  }
  const { dir, memo } = build;
  const entry = { id: 'r', kind: 'trial', out: 'r', lang, data: join(process.cwd(), data), plan: 'plan.json', characteristics: [{ column: 'age', label: { en: 'Age', da: 'Alder' } }] };
  const content = await trialReportKind.build(entry, {
    input: (p) => (p.startsWith('/') ? p : join(dir, p)),
    lang,
    version: 'test',
    memo: <T>(key: string, compute: () => T): T => {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  });
  const files = new Map<string, string>();
  const rendered = new Map<string, { svg: string; alt: string }>();
  for (const chart of content.charts) {
    const svg = await renderSvg(chart.spec);
    rendered.set(chart.name, { svg, alt: chart.alt });
    files.set(`${chart.name}.vl.json`, JSON.stringify(chart.spec, null, 2));
    files.set(`${chart.name}.svg`, svg);
  }
  files.set('index.html', htmlPage(content.page, rendered));
  files.set('README.md', markdownPage(content.page, rendered));
  return files;
}
