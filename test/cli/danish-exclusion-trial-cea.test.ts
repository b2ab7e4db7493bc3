/**
 * `--exclude-invalid --lang da` on a trial export: the summary of the rows left out is Danish in
 * `hta cea` as in `hta analyze` (src/cea/cea-trial.ts), and so are the warning that most rows were
 * left out and the refusal when every row was (src/trial/most-rows-excluded.ts) — the lines that
 * tell the user the plan, not the rows, is what is wrong. Checked with the English-words scan the
 * Danish pages use (test/support/english-words.ts), on each line without its quoted values and place.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGLISH_WORDS } from '../support/english-words.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const dir = tempDir();
const TRIAL = readFileSync('data/synthetic/selfback-trial.csv', 'utf8').split('\n').filter((l) => l !== '');
const RMDQ_1 = 6;

/** The bundled export with `edit` applied to its data lines (index 1 = file line 2), written to the test's folder. */
function trial(name: string, edit: (cells: string[], line: number) => void): string {
  const lines = TRIAL.map((l, i) => {
    if (i === 0) return l;
    const cells = l.split(',');
    edit(cells, i + 1);
    return cells.join(',');
  });
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** A line without what is not prose: the test's folder, the place and column name, quoted values, option names. */
function prose(line: string): string {
  return line
    .split(dir).join('')
    .replace(/^ {2}(?:\d+ × )?\S*?:(?:\d+(?::\d+)?|linjer [\d–, …]+(?:\(\d+ intervaller mere\))?(?:, kolonne \d+)?)(?: \([^)]*\))?:/, '  ')
    .replace(/"[^"]*"/g, '""')
    .replace(/--exclude-invalid|hta plan check/g, '');
}

function expectNoEnglish(lines: string[]): void {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(ENGLISH_WORDS.exec(prose(line))?.[0], line).toBeUndefined();
}

describe('hta cea --exclude-invalid --lang da: the rows left out, in Danish', () => {
  it('an arm typed wrong and an answer out of range', async () => {
    // Line 6's arm "Appp", line 10's rmdq_1 "77" (as a user's typing slip).
    const file = trial('forsoeg-fejl.csv', (cells, line) => {
      if (line === 6) cells[1] = 'Appp';
      if (line === 10) cells[RMDQ_1] = '77';
    });
    const run = await runCli('cea', file, '--plan', 'data/plans/selfback.cea.json', '--exclude-invalid', '--lang', 'da', '--replicates', '100');
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stderr.split('\n');
    const at = lines.findIndex((l) => /^udelod \d/.test(l));
    expect(at, run.stderr).toBeGreaterThanOrEqual(0);
    const block = [lines[at]!, ...lines.slice(at + 1).filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('  ')))];
    expect(block).toHaveLength(3);
    expect(block[0]).toContain('udelod 2 række(r) med 2 problem(er) (linjer 6, 10)');
    expect(block[1]).toContain(`${file}:6:2 (arm): "Appp" — forventet`);
    expect(block[2]).toContain(`${file}:10:7 (rmdq_1): "77" — forventet`);
    expectNoEnglish(block);
  }, 120_000);
});

describe('hta analyze --exclude-invalid --lang da: most rows or every row left out, in Danish', () => {
  it('most rows: the warning that the plan does not read the export', async () => {
    const file = trial('forsoeg-de-fleste.csv', (cells, line) => {
      if (line % 3 !== 1) cells[RMDQ_1] = 'ja';
    });
    const [en, da] = [
      await runCli('analyze', file, '--plan', 'data/plans/selfback.plan.json', '--exclude-invalid'),
      await runCli('analyze', file, '--plan', 'data/plans/selfback.plan.json', '--exclude-invalid', '--lang', 'da'),
    ];
    const enLine = en.stderr.split('\n').find((l) => l.startsWith(`warning: ${file}:`));
    expect(enLine, en.stderr).toContain('left out most of the export');
    const daLine = da.stderr.split('\n').find((l) => l.startsWith(`advarsel: ${file}:`));
    expect(daLine, da.stderr).toBeDefined();
    // The same counts as the English line.
    const counts = /\((\d+) of (\d+) rows, (\d+) %\)/.exec(enLine!)!;
    expect(daLine).toContain(`(${counts[1]} af ${counts[2]} rækker, ${counts[3]} %)`);
    expectNoEnglish([daLine!.replace(/^advarsel: /, '')]);
  }, 120_000);

  it('every row: the refusal, exit 2', async () => {
    const file = trial('forsoeg-alle.csv', (cells) => {
      cells[RMDQ_1] = 'ja';
    });
    const da = await runCli('analyze', file, '--plan', 'data/plans/selfback.plan.json', '--exclude-invalid', '--lang', 'da');
    expect(da.code).toBe(2);
    const first = da.stderr.split('\n').find((l) => l.startsWith('fejl: '));
    expect(first, da.stderr).toContain(`fejl: ${file}: --exclude-invalid udelod hver eneste række (`);
    expectNoEnglish([first!.replace(/^fejl: /, '')]);
  });
});
