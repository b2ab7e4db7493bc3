// A wide export with the RMDQ score at each visit (rmdq_baseline, rmdq_3m, rmdq_9m) and also an
// item block rmdq1 … rmdq24 without a visit suffix: the plan reads the scores, and the block was
// skipped in silence. It is said in a note naming the columns not read and why, not an error
// (src/trial/line-item-block.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const PLAN = { title: { en: 'T', da: 'T' }, arms: { intervention: 'app', control: 'usual' }, baseline: 'baseline', timepoints: ['3m', '9m'], primary: { outcome: 'rmdq', time: '9m' }, covariates: ['age'], outcomes: [{ key: 'rmdq', instrument: 'rmdq', mcid: 3 }] };

/** 30 patients; `item(k)` names item k of the unsuffixed block (none when `items` is false). */
function wideExport(item: (k: number) => string, items = true): string {
  const names = Array.from({ length: 24 }, (_, k) => item(k + 1));
  const lines = [['id', 'arm', 'age', 'rmdq_baseline', 'rmdq_3m', 'rmdq_9m', ...(items ? names : [])].join(',')];
  for (let i = 1; i <= 30; i++) {
    const answers = names.map((_, k) => ((i * 7 + k * 3) % 5 < 2 ? 1 : 0));
    const sum = answers.reduce((a, b) => a + b, 0);
    lines.push([`P${i}`, i % 2 ? 'app' : 'usual', String(30 + (i % 40)), String(sum), String((sum + i) % 25), String((sum + 2 * i) % 25), ...(items ? answers.map(String) : [])].join(','));
  }
  return lines.join('\n') + '\n';
}

function files(csv: string): { file: string; plan: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'wide.csv'), csv);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(PLAN));
  return { file: join(dir, 'wide.csv'), plan: join(dir, 'plan.json') };
}

describe('an item block without a visit suffix beside the score', () => {
  for (const [shape, item] of [['rmdq1', (k: number) => `rmdq${k}`], ['rmdq_1', (k: number) => `rmdq_${k}`]] as const) {
    it(`(${shape} … ) is named in a note: which columns are not read, and why`, async () => {
      const { file, plan } = files(wideExport(item));
      const r = await runCli('validate', file, '--plan', plan);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`note: ${file}: 24 columns "${item(1)}" … "${item(24)}" with no visit in their names are not read: outcome "rmdq" is read from its score at each visit ("rmdq_baseline", "rmdq_3m", "rmdq_9m"), and items with no visit belong to none. If they are one visit's answers, give them that visit's suffix in the export (e.g. "${item(1)}_<visit>") and list them in the outcome's "items"`);
    });
  }

  it('is said in Danish under --lang da', async () => {
    const { file, plan } = files(wideExport((k) => `rmdq${k}`));
    const r = await runCli('analyze', file, '--plan', plan, '--lang', 'da');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`bemærk: ${file}: 24 kolonner "rmdq1" … "rmdq24" uden besøg i navnet er ikke læst: effektmålet "rmdq" læses fra sin score ved hvert besøg ("rmdq_baseline", "rmdq_3m", "rmdq_9m")`);
  });

  it('no note for a wide export of the scores alone', async () => {
    const { file, plan } = files(wideExport((k) => `rmdq${k}`, false));
    const r = await runCli('validate', file, '--plan', plan);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('not read');
  });
});
