/**
 * A refusal on a Danish run (`--lang da`) is Danish line by line: the message above the problems
 * and each problem line — "— forventet …", "linjer 2–4, kolonne 9", the hint — where the catalogue
 * (src/report/problem-text.ts) words every part of the line; a line with a part it does not know
 * stays English whole, never half of each. The exit code and the place (file, line, column, value)
 * do not change (docs/cli.md "Danish output").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatError, HtaError } from '../../src/errors.js';
import { DANISH_PROBLEM_WORDS } from '../../src/report/problem-text.js';
import { excludedDetailLines } from '../../src/uptake/input-notes.js';
import { groupProblems } from '../../src/problem-groups.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** The bundled study sheet with text typed where numbers belong, as a sheet typed by hand has it. */
function studySheet(): string {
  const lines = readFileSync('data/published/selfback-studies.csv', 'utf8').split('\n');
  // Sandal 2021's lower bound "-1.51" typed as "ca. -1.5"; its upper bound on the next rows left as "?".
  lines[1] = lines[1]!.replace(',-1.51,', ',ca. -1.5,');
  const file = join(tempDir(), 'studier.csv');
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('hta meta --lang da: a refused study sheet in Danish', () => {
  it('"— forventet et tal (decimalpunktum)" at the cell, the message Danish too; exit 2 as in English', async () => {
    const file = studySheet();
    const da = await runCli('meta', file, '--lang', 'da');
    expect(da.code).toBe(2);
    expect(da.stderr).toContain(`fejl: ${file} har 1 problem(er)\n`);
    expect(da.stderr).toContain(`  ${file}:2:9 (ci_lower): "ca. -1.5" — forventet et tal (decimalpunktum)`);
    expect(da.stderr).not.toMatch(/— expected|problem\(s\)|a number/);
    const en = await runCli('meta', file);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`  ${file}:2:9 (ci_lower): "ca. -1.5" — expected a number (decimal point)`);
  });
});

describe('the error printer with Danish words (errors.ts formatError)', () => {
  const file = 'udtræk.csv';
  const arm = (line: number, value: string) => ({ file, line, column: 2, field: 'gruppe', value, expected: 'an arm value: "app" (intervention) or "usual" (control), as in the plan\'s "arms"', hint: 'did you mean "app"?' });

  it('several lines of one kind: "linjer 2–4, kolonne 2", the count and the near miss in Danish', () => {
    const err = new HtaError('input.invalid', `${file} has 3 problem(s) in 3 row(s); nothing was written`, [arm(2, 'App'), arm(3, 'App'), arm(4, 'APP')]);
    const text = formatError(err, DANISH_PROBLEM_WORDS);
    expect(text).toBe(
      `error: ${file} har 3 problem(er) i 3 række(r); intet er skrevet\n` +
        `  3 × ${file}:linjer 2–4, kolonne 2 (gruppe): "App", "APP" — forventet en gruppe: "app" (intervention) eller "usual" (kontrol), som i planens "arms"; mente du "app"?`,
    );
    // English without the words, as before.
    expect(formatError(err)).toContain(`3 × ${file}:lines 2–4, column 2 (gruppe): "App", "APP" — expected an arm value`);
  });

  it('a line with a part the catalogue does not word stays English whole, beside a Danish one', () => {
    const unknownHint = { file, line: 5, column: 4, field: 'rmdq', value: '25', expected: 'a whole number from 0 to 24 (Roland-Morris Disability Questionnaire (RMDQ))', hint: 'the column looks shifted by one (a separator inside a name)' };
    const unknownExpected = { file, line: 6, column: 7, field: 'smerte', value: 'x', expected: 'a value the catalogue has never heard of' };
    const err = new HtaError('input.invalid', 'the plan refuses this export for a reason of its own', [arm(2, 'App'), unknownHint, unknownExpected]);
    const lines = formatError(err, DANISH_PROBLEM_WORDS).split('\n');
    expect(lines[0]).toBe('error: the plan refuses this export for a reason of its own');
    expect(lines[1]).toBe(`  ${file}:2:2 (gruppe): "App" — forventet en gruppe: "app" (intervention) eller "usual" (kontrol), som i planens "arms"; mente du "app"?`);
    expect(lines[2]).toBe(`  ${file}:5:4 (rmdq): "25" — expected a whole number from 0 to 24 (Roland-Morris Disability Questionnaire (RMDQ)); the column looks shifted by one (a separator inside a name)`);
    expect(lines[3]).toBe(`  ${file}:6:7 (smerte): "x" — expected a value the catalogue has never heard of`);
  });

  it('hta uptake --lang da: the rows --exclude-invalid left out, each problem line Danish whole where worded', () => {
    const problems = groupProblems([
      { file: 'register.csv', line: 7, column: 4, field: 'activated', value: '2024-01-02', expected: 'an activation on or after the referral date 2024-03-01' },
      { file: 'register.csv', line: 9, column: 2, field: 'clinic', value: '###', expected: "a clinic name: letters, digits, spaces and . _ - & ' / ( ) , ; + : # only, with at least one letter or digit" },
    ]);
    const da = excludedDetailLines({ rows: 2, problems }, 'da');
    expect(da[1]).toBe('  register.csv:7:4 (activated): "2024-01-02" — forventet en aktivering på eller efter henvisningsdatoen 2024-03-01');
    expect(da[2]).toBe(`  register.csv:9:2 (clinic): "###" — forventet et kliniknavn: kun bogstaver, cifre, mellemrum og . _ - & ' / ( ) , ; + : #, med mindst ét bogstav eller ciffer`);
    expect(excludedDetailLines({ rows: 2, problems }, 'en')[1]).toContain('— expected an activation on or after the referral date 2024-03-01');
  });
});
