/**
 * Every report README.md renders user text (plan titles, outcome and arm labels, certainty
 * reasons, covariate values, study names, citations, subgroups, report titles) as text: rendered
 * by markdown-it with raw HTML enabled, no element or attribute comes from the payloads, each
 * payload is still readable as text, and tables keep their columns.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { REPORT_KINDS } from '../../src/report/kinds/report-kinds.js';
import type { ReportEnv } from '../../src/report/kinds/report-kind.js';
import { markdownPage } from '../../src/report/markdown-page.js';
import { simulateTrial, trialToCsv } from '../../src/simulate/trial.js';
import { tempDir } from '../support/run-cli.js';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '![i](javascript:alert(1))',
  '<https://evil.example/>',
  '<!-- hidden -->',
  'a|b',
  '`code`',
  '*em* **strong**',
  '_em_ __strong__',
  '~~strike~~',
  '&lt;b&gt;entity&lt;/b&gt;',
];
/** Payloads that start a block when they open a paragraph. */
const BLOCK_PAYLOADS = ['# heading', '> quote', '- item', '1. item', '---', '[ref]: javascript:alert(1)'];
const ALL = [...PAYLOADS, ...BLOCK_PAYLOADS];
const text = (en: string) => ({ en, da: en });

const md = new MarkdownIt({ html: true });
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What markdown-it may produce from hta's own Markdown: headings, paragraphs, bold captions, tables, the flow's text version (a list), chart images, file links and the command `hta report`. */
function expectOnlyOwnMarkup(html: string, chartNames: readonly string[]): void {
  const files = new Set(['results.json', ...chartNames.flatMap((c) => [`${c}.png`, `${c}.vl.json`])]);
  // The one code span is the provenance line's command, never a payload's `code`.
  for (const m of html.matchAll(/<code>([\s\S]*?)<\/code>/g)) expect(m[1], 'code span').toBe('hta report');
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const [tag, , name, attrs] = m as unknown as [string, string, string, string];
    expect(['h1', 'h2', 'p', 'strong', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img', 'a', 'ul', 'li'], tag).toContain(name);
    const attributes = [...attrs.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!, a[2] ?? ''] as const);
    for (const [key, value] of attributes) {
      if (name === 'img') {
        expect(['src', 'alt'], tag).toContain(key);
        if (key === 'src') expect(chartNames.map((c) => `${c}.svg`), tag).toContain(value);
      } else if (name === 'a') {
        expect(key, tag).toBe('href');
        expect([...files], tag).toContain(value);
      } else {
        expect(key, tag).toBe('style');
        expect(value, tag).toMatch(/^text-align:(right|left|center)$/);
      }
    }
  }
}

/** Every table keeps its columns: each body row has as many cells as the header. */
function expectTablesIntact(html: string): number {
  const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1]!);
  for (const t of tables) {
    const rows = [...t.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => (r[1]!.match(/<t[hd][ >]/g) ?? []).length);
    for (const n of rows) expect(n).toBe(rows[0]);
  }
  return tables.length;
}

async function readme(kind: string, entry: Record<string, unknown>, manifestDir: string): Promise<{ markdown: string; charts: string[] }> {
  const k = REPORT_KINDS[kind]!;
  const full = { id: 'x', kind, out: 'x', lang: 'en', ...entry };
  const parsed = k.entrySchema.parse(full) as object;
  const memo = new Map<string, unknown>();
  const env: ReportEnv = {
    input: (p) => join(manifestDir, p),
    lang: 'en',
    version: 'test',
    memo: <T>(key: string, compute: () => T) => (memo.has(key) ? (memo.get(key) as T) : (memo.set(key, compute()), memo.get(key) as T)),
  };
  const content = await k.build({ ...full, ...parsed } as never, env);
  const markdown = markdownPage(content.page, new Map(content.charts.map((c) => [c.name, { alt: c.alt }])));
  return { markdown, charts: content.charts.map((c) => c.name) };
}

function expectInert(markdown: string, charts: string[], payloads: readonly string[]): void {
  const html = md.render(markdown);
  expectOnlyOwnMarkup(html, charts);
  expect(expectTablesIntact(html)).toBeGreaterThan(0);
  // Each payload survived as readable text (so it did reach the README, and intact).
  for (const p of payloads) expect(html, p).toContain(escapeHtml(p));
}

const plan = (n: number) => ({
  title: text(`Trial ${ALL[n % ALL.length]}`),
  arms: { intervention: 'app', control: 'usual' },
  armLabels: { intervention: text(PAYLOADS[0]!), control: text(PAYLOADS[1]!) },
  allTimepoints: ['baseline', '6w', '3m', '6m', '9m'],
  timepoints: ['3m'],
  primary: { outcome: 'rmdq', time: '3m' },
  missing: { sensitivity: false },
  outcomes: [
    { key: 'rmdq', instrument: 'rmdq', label: text(PAYLOADS.join(' ')), mcid: 5, certainty: { level: 'moderate', reasons: ALL.map(text) } },
    { key: 'pseq', instrument: 'pseq', label: text(BLOCK_PAYLOADS.join(' ')), mcid: 5.5 },
  ],
  methods: ['ancova', 'welch'],
});

describe('report README.md is inert whatever the inputs hold', () => {
  it('trial report: plan title, arm and outcome labels, certainty reasons, covariate values, characteristic labels', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const lines = trialToCsv(simulateTrial({ patients: 60 })).trimEnd().split('\n');
    const country = lines[0]!.split(',').indexOf('country');
    const quote = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const csv = lines.map((l, i) => {
      if (i === 0) return l;
      const cells = l.split(',');
      cells[country] = quote(ALL[Number(cells[0]!.replace(/\D/g, '')) % ALL.length]!);
      return cells.join(',');
    });
    writeFileSync(join(dir, 'trial.csv'), csv.join('\n') + '\n');
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan(0)));
    const { markdown, charts } = await readme('trial', {
      data: 'trial.csv', plan: 'plan.json',
      characteristics: [{ column: 'country', label: text(PAYLOADS[2]!) }, { column: 'age', label: text(BLOCK_PAYLOADS[0]!) }],
    }, dir);
    expectInert(markdown, charts, ALL);
  });

  it('meta report: study names, citations, subgroups, report title', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const quote = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    // Each interval centred on its estimate, as hta meta requires (docs/input-studies.md).
    const rows = ['study,citation,outcome,time,subgroup,measure,difference,ci_lower,ci_upper'];
    ALL.forEach((p, i) => rows.push([`S${i} ${p}`, `Cite ${ALL[(i + 3) % ALL.length]}`, 'rmdq', '3m', i % 2 ? PAYLOADS[0]! : BLOCK_PAYLOADS[0]!, 'MD', String(-1 - i / 10), String(-2 - i / 10), String(-i / 10)].map(quote).join(',')));
    writeFileSync(join(dir, 'studies.csv'), rows.join('\n') + '\n');
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan(1)));
    const { markdown, charts } = await readme('meta', { data: 'studies.csv', plan: 'plan.json', title: text(`Meta ${PAYLOADS[3]}`) }, dir);
    expectInert(markdown, charts, [`Meta ${PAYLOADS[3]}`, PAYLOADS.join(' ')]);
  });

  it('uptake report: report title and clinic codes', { timeout: 30_000 }, async () => {
    const { markdown, charts } = await readme('uptake', {
      registry: 'test/uptake/fixtures/registry-small.csv', eligible: 'test/uptake/fixtures/eligible-small.csv', plan: 'data/plans/uptake.plan.json',
      title: text(PAYLOADS.join(' ')),
    }, '.');
    expectInert(markdown, charts, [PAYLOADS.join(' ')]);
  });
});
