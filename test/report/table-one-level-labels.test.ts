/**
 * Table 1 of an export whose sex column holds bare codes (SPSS `1,00`/`2,00` with value labels off,
 * REDCap or Castor without a label export): the page printed "Køn: 1 / 2", and nothing said how to
 * name the codes. The manifest's `levelLabels` name them (docs/manifest.md, "characteristics"),
 * `hta report` says when Table 1 would show codes, and plan init says so where it drafts the
 * covariate.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

// An SPSS export saved with a Danish Windows locale: `;`, decimal comma, codes in format F8.2.
function spssExport(): string {
  const lines = ['ID;Gruppe;Koen;Alder;RMDQ_0;RMDQ_3m'];
  for (let i = 1; i <= 24; i++) {
    const arm = i % 2 ? '1,00' : '2,00';
    const sex = i % 3 ? '2,00' : '1,00';
    lines.push(`${1000 + i};${arm};${sex};${30 + i};${8 + (i % 9)};${4 + (i % 7)}`);
  }
  return lines.join('\r\n') + '\r\n';
}

async function setUp(levelLabels?: Record<string, { en: string; da?: string }>) {
  const dir = tempDir();
  writeFileSync(join(dir, 'export.csv'), spssExport());
  const init = await runCli('plan', 'init', join(dir, 'export.csv'), '--out', join(dir, 'plan.json'));
  expect(init.code, init.stderr).toBe(0);
  const characteristics = levelLabels ? [{ column: 'Koen', levelLabels }] : [];
  const reports = (['en', 'da'] as const).map((lang) => ({ id: `t-${lang}`, kind: 'trial', out: `t-${lang}`, lang, data: 'export.csv', plan: 'plan.json', characteristics }));
  writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports }));
  return { dir, init };
}

/** Table 1's two sex rows of a written page: the cells of each, as text. */
function sexRows(html: string): string[][] {
  const rows = [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((m) =>
    m[1]!
      .split(/<\/t[hd]>/)
      .map((cell) => cell.replace(/<[^>]+>/g, '').trim())
      .filter((cell) => cell !== ''),
  );
  const at = rows.findIndex((r) => /^(Sex|Køn), n \(%\)$/.test(r[0] ?? ''));
  expect(at).toBeGreaterThan(-1);
  return rows.slice(at + 1, at + 3);
}

describe('Table 1: a sex column of bare codes', () => {
  it('names the codes from the manifest in both languages, also when the manifest writes "1" for the export\'s 1,00', async () => {
    const { dir } = await setUp({ '1': { en: 'Male', da: 'Mand' }, '2.0': { en: 'Female', da: 'Kvinde' } });
    const run = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'), '--no-cache');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/as the export's codes/);
    const en = sexRows(readFileSync(join(dir, 'out/t-en/index.html'), 'utf8'));
    const da = sexRows(readFileSync(join(dir, 'out/t-da/index.html'), 'utf8'));
    expect(en.map((r) => r[0])).toEqual(['Sex, n (%): Male', 'Sex, n (%): Female']);
    expect(da.map((r) => r[0])).toEqual(['Køn, n (%): Mand', 'Køn, n (%): Kvinde']);
    // The counts are the codes': code 1 is every third patient, 4 of 12 in each arm.
    expect(en[0]!.slice(1)).toEqual(['4 (33.3%)', '4 (33.3%)']);
    expect(en[1]!.slice(1)).toEqual(['8 (66.7%)', '8 (66.7%)']);
  });

  it('without levelLabels, the page shows the codes and `hta report` says how to name them, once for both pages', async () => {
    const { dir } = await setUp();
    const run = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'), '--no-cache');
    expect(run.code, run.stderr).toBe(0);
    const notes = run.stderr.split('\n').filter((l) => l.includes("as the export's codes"));
    expect(notes).toEqual([
      'note: export.csv: Table 1 shows "Koen" (1, 2) as the export\'s codes, not in words — hta does not guess which code is which; name them in the manifest entry: "characteristics": [{ "column": "Koen", "levelLabels": { "1": { "en": "…", "da": "…" }, "2": { "en": "…", "da": "…" } } }] (docs/manifest.md, "characteristics")',
    ]);
    const en = sexRows(readFileSync(join(dir, 'out/t-en/index.html'), 'utf8'));
    expect(en.map((r) => r[0])).toEqual(['Sex, n (%): 1', 'Sex, n (%): 2']);
    // In Danish under --lang da.
    const da = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out-da'), '--no-cache', '--lang', 'da');
    expect(da.stderr).toContain('bemærk: export.csv: tabel 1 viser "Koen" (1, 2) som eksportens koder, ikke med ord');
  });

  it('plan init says the codes need names, in English and Danish', async () => {
    const { init, dir } = await setUp();
    expect(init.stderr).toContain('"Koen" holds the codes 1, 2, not words: Table 1 shows them as codes until you name them in the report manifest\'s entry: "characteristics": [{ "column": "Koen", "levelLabels": { "1": { "en": "…", "da": "…" }, "2": { "en": "…", "da": "…" } } }]');
    const da = await runCli('plan', 'init', join(dir, 'export.csv'), '--out', join(dir, 'plan-da.json'), '--lang', 'da');
    expect(da.stderr).toContain('"Koen" indeholder koderne 1, 2, ikke ord: tabel 1 viser dem som koder');
  });

  it('a sex column in words needs no names: no note', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'export.csv'), spssExport().replace(/;2,00;(\d+;\d+;\d+)\r/g, ';Kvinde;$1\r').replace(/;1,00;(\d+;\d+;\d+)\r/g, ';Mand;$1\r'));
    expect(readFileSync(join(dir, 'export.csv'), 'utf8')).toContain(';Kvinde;');
    const init = await runCli('plan', 'init', join(dir, 'export.csv'), '--out', join(dir, 'plan.json'));
    expect(init.stderr).not.toMatch(/holds the codes/);
    writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports: [{ id: 't', kind: 'trial', out: 't', lang: 'en', data: 'export.csv', plan: 'plan.json' }] }));
    const run = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'), '--no-cache');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/as the export's codes/);
  });
});
