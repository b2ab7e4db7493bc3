// `hta report --lang da` reads the trial in the run's language, as `hta analyze --lang da` does
// (report/kinds/trial-report.ts passes the run's `--lang` to loadTrial): the reader's notes on
// stderr are Danish. A refusal's line is one language whole: after "fejl:" it stays English,
// R's NaN explanation included (trial/nan-cells.ts; docs/cli.md "Danish output") — never half
// English `expected` and half Danish hint.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** 40 patients: the RMDQ score at three visits and one unsuffixed block of its 24 items. */
function wideExport(): string {
  const head = ['id', 'arm', 'age', 'rmdq_baseline', 'rmdq_3m', 'rmdq_9m', ...Array.from({ length: 24 }, (_, i) => `rmdq_${i + 1}`)];
  const lines = [head.join(';')];
  for (let p = 1; p <= 40; p++) {
    const scores = [(p * 7) % 25, (p * 5 + (p % 2 ? 0 : 4)) % 25, (p * 3 + (p % 2 ? 0 : 5)) % 25];
    const answers = Array.from({ length: 24 }, (_, i) => String((p + i) % 3 === 0 ? 1 : 0));
    lines.push([`P${String(p).padStart(3, '0')}`, p % 2 ? 'app' : 'usual', String(25 + ((p * 11) % 45)), ...scores.map(String), ...answers].join(';'));
  }
  return lines.join('\r\n') + '\r\n';
}
const widePlan = { title: { en: 'Wide trial', da: 'Bredt forsøg' }, arms: { intervention: 'app', control: 'usual' }, baseline: 'baseline', timepoints: ['3m', '9m'], primary: { outcome: 'rmdq', time: '9m' }, covariates: ['age'], outcomes: [{ key: 'rmdq', instrument: 'rmdq', mcid: 3, label: { en: 'Back-related disability (RMDQ 0–24)', da: 'Rygrelateret funktionsnedsættelse (RMDQ 0–24)' } }] };

function reportDir(csv: string, plan: unknown, langs: readonly string[]): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'export.csv'), csv);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  const manifest = { reports: langs.map((lang) => ({ id: lang, kind: 'trial', out: lang, lang, data: 'export.csv', plan: 'plan.json' })) };
  writeFileSync(join(dir, 'reports.json'), JSON.stringify(manifest));
  return dir;
}

describe('hta report --lang da: the reader speaks the run\'s language', () => {
  it('the item-block note is Danish beside the other Danish notes, and English without --lang', async () => {
    const dir = reportDir(wideExport(), widePlan, ['en', 'da']);
    const da = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out-da'), '--lang', 'da');
    expect(da.code, da.stderr).toBe(0);
    expect(da.stderr).toContain('bemærk: ');
    expect(da.stderr).toContain('24 kolonner "rmdq_1" … "rmdq_24" uden besøg i navnet er ikke læst');
    expect(da.stderr).not.toContain('are not read');
    const en = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out-en'));
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toContain('24 columns "rmdq_1" … "rmdq_24" with no visit in their names are not read');
    expect(en.stderr).not.toContain('uden besøg');
  });

  it('R\'s NaN: one refusal line in one language, from report and analyze alike (exit 2, nothing written)', async () => {
    const csv = readFileSync('test/fixtures/r-nan/trial.csv', 'utf8');
    const plan = JSON.parse(readFileSync('test/fixtures/r-nan/plan.json', 'utf8'));
    const dir = reportDir(csv, plan, ['da']);
    // Danish whole under --lang da (errors.ts formatError, report/problem-text.ts): expected, hint and frame.
    const line = `export.csv:3:7 (pain): "NaN" — forventet et helt tal fra 0 til 10 (Smerteintensitet (NRS 0–10)); "NaN" er ikke et tal, men det, R skriver for en værdi beregnet af ingen værdier`;
    const report = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'), '--lang', 'da');
    const analyze = await runCli('analyze', join(dir, 'export.csv'), '--plan', join(dir, 'plan.json'), '--lang', 'da');
    for (const r of [report, analyze]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('fejl: ');
      expect(r.stderr).toContain(line);
      expect(r.stderr).not.toMatch(/is not a number|— expected/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(() => readFileSync(join(dir, 'out/da/index.html'))).toThrow();
  });
});
