/**
 * A registry refused for invalid values offers `--exclude-invalid` as the way on — but a cell that
 * looks like a code for an empty cell (an age 999) stops that run too (read-registry.ts
 * rowCheckError). The refusal's first line said "(--exclude-invalid leaves such rows out and goes
 * on)" all the same, so a user who took it met a second refusal; it now says the codes stop it,
 * and what to declare, in English and Danish.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

function registry(dir: string, ages: boolean): string {
  const [header, ...rows] = readFileSync('data/synthetic/registry.csv', 'utf8').trimEnd().split('\n');
  const out = rows.slice(0, 3000).map((r, i) => {
    const f = r.split(',');
    if (ages && (i === 3 || i === 7)) f[6] = '999';
    if (i === 11) f[7] = 'x?';
    return f.join(',');
  });
  const file = join(dir, 'registry.csv');
  writeFileSync(file, [header, ...out].join('\n') + '\n');
  return file;
}

const run = (file: string, ...extra: string[]) => runCli('uptake', file, '--eligible', 'data/synthetic/eligible.csv', '--plan', 'data/plans/uptake.plan.json', ...extra);

describe('the --exclude-invalid offer of a registry refusal', () => {
  it('says that codes for an empty cell stop it too, and --exclude-invalid does stop there', async () => {
    const file = registry(tempDir(), true);
    const en = await run(file);
    expect(en.code).toBe(2);
    expect(en.stderr.split('\n')[0]).toBe(`error: ${file} has 3 invalid value(s) in 3 row(s) (--exclude-invalid leaves such rows out and goes on, but not past the 2 cell(s) holding what looks like a code for an empty cell: declare the code in the uptake plan's "missingCodes")`);
    const da = await run(file, '--lang', 'da');
    expect(da.stderr.split('\n')[0]).toBe(`fejl: ${file} har 3 ugyldige værdi(er) i 3 række(r) (--exclude-invalid udelader sådanne rækker og fortsætter, men ikke forbi de 2 celle(r) med hvad der ligner en kode for en tom celle: angiv koden i optagsplanens "missingCodes")`);
    const excluded = await run(file, '--exclude-invalid');
    expect(excluded.code).toBe(2);
    expect(excluded.stderr).toContain('holding what looks like a code for an empty cell');
  });

  it('offers --exclude-invalid as before when no cell holds such a code', async () => {
    const file = registry(tempDir(), false);
    const en = await run(file);
    expect(en.stderr.split('\n')[0]).toBe(`error: ${file} has 1 invalid value(s) in 1 row(s) (--exclude-invalid leaves such rows out and goes on)`);
  });
});
