// A wide export's RMDQ item block with no visit in its names (`rmdq_1` … `rmdq_24` beside
// `rmdq_baseline`, `rmdq_3m`, `rmdq_9m`) is read at no visit (trial/line-item-block.ts): said on
// stderr, and on the page's methods notes in English and Danish, as the special missing cells are.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** 40 patients: the RMDQ and NRS scores at three visits, one unsuffixed block of the RMDQ's 24 items, and two numbered NRS columns `nrs_1`, `nrs_2` (an NRS has no items). */
function wideExport(items = true): string {
  const head = ['id', 'arm', 'age', 'rmdq_baseline', 'rmdq_3m', 'rmdq_9m', 'nrs_baseline', 'nrs_3m', 'nrs_9m', ...(items ? [...Array.from({ length: 24 }, (_, i) => `rmdq_${i + 1}`), 'nrs_1', 'nrs_2'] : [])];
  const lines = [head.join(',')];
  for (let p = 1; p <= 40; p++) {
    const scores = [(p * 7) % 25, (p * 5 + (p % 2 ? 0 : 4)) % 25, (p * 3 + (p % 2 ? 0 : 5)) % 25];
    const pain = [(p * 3) % 11, (p * 7) % 11, (p * 5) % 11];
    const answers = items ? [...Array.from({ length: 24 }, (_, i) => String((p + i) % 3 === 0 ? 1 : 0)), String(p % 11), String((p * 2) % 11)] : [];
    lines.push([`P${String(p).padStart(3, '0')}`, p % 2 ? 'app' : 'usual', String(25 + ((p * 11) % 45)), ...scores.map(String), ...pain.map(String), ...answers].join(','));
  }
  return lines.join('\n') + '\n';
}

const plan = { title: { en: 'Wide trial', da: 'Bredt forsøg' }, arms: { intervention: 'app', control: 'usual' }, baseline: 'baseline', timepoints: ['3m', '9m'], primary: { outcome: 'rmdq', time: '9m' }, covariates: ['age'], outcomes: [{ key: 'rmdq', instrument: 'rmdq', mcid: 3, label: { en: 'Back-related disability (RMDQ 0–24)', da: 'Rygrelateret funktionsnedsættelse (RMDQ 0–24)' } }, { key: 'nrs', instrument: 'nrs', mcid: 2, label: { en: 'Pain', da: 'Smerte' } }] };

async function pages(items: boolean): Promise<{ stderr: string; en: string; da: string; readmeDa: string }> {
  const dir = tempDir();
  writeFileSync(join(dir, 'wide.csv'), wideExport(items));
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  const manifest = { reports: ['en', 'da'].map((lang) => ({ id: lang, kind: 'trial', out: lang, lang, data: 'wide.csv', plan: 'plan.json' })) };
  writeFileSync(join(dir, 'reports.json'), JSON.stringify(manifest));
  const r = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'));
  expect(r.code, r.stderr).toBe(0);
  const read = (f: string) => readFileSync(join(dir, 'out', f), 'utf8');
  // The page's text as a reader sees it: HTML's &quot; and the README's escaped underscores read back.
  const html = (f: string) => read(f).replaceAll('&quot;', '"');
  return { stderr: r.stderr, en: html('en/index.html'), da: html('da/index.html'), readmeDa: read('da/README.md').replaceAll('\\_', '_') };
}

describe('the item block read at no visit, on the page', () => {
  it('is on the methods notes in English and Danish, naming the outcome by its label, and on stderr', async () => {
    const p = await pages(true);
    expect(p.stderr).toContain('24 columns "rmdq_1" … "rmdq_24" with no visit in their names are not read');
    expect(p.en).toContain('Back-related disability (RMDQ 0–24) was read from its score at each visit; the export\'s 24 item columns "rmdq_1" … "rmdq_24", with no visit in their names, belong to no visit and were not read.');
    const da = 'Rygrelateret funktionsnedsættelse (RMDQ 0–24) er læst fra sin score ved hvert besøg; eksportens 24 spørgsmålskolonner "rmdq_1" … "rmdq_24" uden besøg i navnet hører ikke til noget besøg og er ikke læst.';
    expect(p.da).toContain(da);
    expect(p.readmeDa).toContain(da);
    // The plan's key is the analyst's word, not the page's.
    expect(p.en).not.toContain('Outcome "rmdq"');
    expect(p.da).not.toContain('Effektmålet "rmdq"');
  });

  it('an NRS (no items) has numbered columns, not "item columns", on the page and on stderr', async () => {
    const p = await pages(true);
    expect(p.en).toContain('Pain was read from its score at each visit; the export\'s 2 numbered columns "nrs_1" … "nrs_2", with no visit in their names, belong to no visit and were not read.');
    expect(p.da).toContain('Smerte er læst fra sin score ved hvert besøg; eksportens 2 nummererede kolonner "nrs_1" … "nrs_2" uden besøg i navnet hører ikke til noget besøg og er ikke læst.');
    expect(p.en).not.toContain('2 item columns');
    expect(p.da).not.toContain('2 spørgsmålskolonner');
    expect(p.stderr).toContain('2 columns "nrs_1" … "nrs_2" with no visit in their names are not read: outcome "nrs" is read from its score at each visit ("nrs_baseline", "nrs_3m", "nrs_9m"), and columns with no visit belong to none\n');
  });

  it('is not there when the export has no such block', async () => {
    const p = await pages(false);
    expect(p.en).not.toContain('item columns');
    expect(p.da).not.toContain('spørgsmålskolonner');
  });
});
