// A trial report's warnings about the export's columns (one item read as the score, a yes/no
// answer read as a scale) named the export by the path `hta report` was given — `/home/…/odi.csv:
// outcome "odi" …` on the page, in README.md and results.json — so the bytes changed with the
// folder it was run from and showed that folder. docs/manifest.md: reports name their inputs by
// their last names alone, and the folder hta report runs in plays no part.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** 12 patients at baseline and 3 months: ODI 0–100 never above 6 (one item?), pain NRS only 0 and 1 (yes/no?). */
function workspace() {
  const dir = tempDir();
  mkdirSync(join(dir, 'data'), { recursive: true });
  const lines = ['id,arm,time,odi,pain'];
  for (let p = 1; p <= 12; p++) ['baseline', '3m'].forEach((t, k) => lines.push(`${p},${p % 2 ? 'App' : 'Usual care'},${t},${(p + k) % 7},${(p + k) % 2}`));
  writeFileSync(join(dir, 'data', 'odi.csv'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'data', 'plan.json'), JSON.stringify({
    arms: { intervention: 'App', control: 'Usual care' },
    timepoints: ['3m'],
    methods: ['welch'],
    instruments: { odi: { label: { en: 'Oswestry Disability Index (0–100)', da: 'Oswestry Disability Index (0–100)' }, range: [0, 100], direction: 'lower-is-better', mcid: 10 } },
    outcomes: [{ key: 'odi', instrument: 'odi' }, { key: 'pain', instrument: 'nrs' }],
  }));
  writeFileSync(join(dir, 'data', 'm.json'), JSON.stringify({ reports: [{ id: 't', kind: 'trial', out: 't', lang: 'en', data: 'odi.csv', plan: 'plan.json' }] }));
  return dir;
}

const PAGES = ['index.html', 'README.md', 'results.json'];

it('names the export by its last name in every warning: the same bytes from the manifest\'s folder and from elsewhere by an absolute path', async () => {
  const dir = workspace();
  const read = () => PAGES.map((f) => readFileSync(join(dir, 'out', 't', f), 'utf8'));
  const cwd = process.cwd();
  let fromData: string[];
  try {
    process.chdir(join(dir, 'data'));
    const r = await runCli('report', '--manifest', 'm.json', '--out', '../out');
    expect(r.code, r.stderr).toBe(0);
    fromData = read();
  } finally {
    process.chdir(cwd);
  }
  const r = await runCli('report', '--manifest', join(dir, 'data', 'm.json'), '--out', join(dir, 'out'));
  expect(r.code, r.stderr).toBe(0);
  const fromElsewhere = read();
  const results = JSON.parse(fromElsewhere[2]!) as { warnings: string[] };
  // The run has the warnings this is about, each naming the export by its last name alone.
  expect(results.warnings.some((w) => w.startsWith('odi.csv: outcome "odi"') && w.includes('looks like one item of the questionnaire'))).toBe(true);
  expect(results.warnings.some((w) => w.startsWith('odi.csv: outcome "pain"') && w.includes('holds only the values 0 and 1'))).toBe(true);
  for (const page of fromElsewhere) expect(page).not.toContain(dir);
  PAGES.forEach((f, i) => expect(fromElsewhere[i], f).toBe(fromData[i]));
});
