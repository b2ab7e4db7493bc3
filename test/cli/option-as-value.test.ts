/**
 * An option's value that is one of the command's own option names is refused before any work,
 * for every option that takes a value of every command: exit 2, nothing written (docs/cli.md
 * "An option where a value belongs"). A CI line `--out $OUT --check` with OUT unset must not
 * build into a folder `./--check` and exit 0.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { allCommands, takesValue } from '../../src/cli/empty-values.js';
import { pathOf } from '../support/command-path.js';
import { runCli, tempDir } from '../support/run-cli.js';

const silent = { stdout: () => {}, stderr: () => {} };
const TRIAL = resolve('data/synthetic/selfback-trial.csv');
const MANIFEST = resolve('data/reports.json');

/** Runs the CLI in an empty folder of its own; returns the run and what the folder holds after. */
async function inEmptyFolder(...argv: string[]) {
  const dir = tempDir();
  const home = process.cwd();
  process.chdir(dir);
  try {
    const r = await runCli(...argv);
    return { ...r, left: readdirSync(dir) };
  } finally {
    process.chdir(home);
  }
}

describe('an option name where a value belongs is refused, for every option of every command', async () => {
  const { program } = await buildProgram(silent);
  const runnable = allCommands(program).filter((c) => c.parent && c.commands.length === 0);
  // In an empty folder of its own: were the check gone, `simulate trial --out --seed` and
  // `report --out --manifest` would write there (not into the checkout), and the folder tells.
  const home = process.cwd();
  const dir = tempDir();
  beforeAll(() => process.chdir(dir));
  afterAll(() => {
    process.chdir(home);
    expect(readdirSync(dir)).toEqual([]);
  });

  for (const command of runnable) {
    const words = pathOf(command);
    const longs = command.options.map((o) => o.long!).filter(Boolean);
    for (const option of command.options.filter(takesValue)) {
      // Another option of the same command (its help option when it has no other).
      const other = longs.find((l) => l !== option.long) ?? '--help';
      it(`${words.join(' ')} ${option.long} ${other}`, async () => {
        for (const value of [other, '-h', `${other}=x`]) {
          const r = await runCli(...words, option.long!, value);
          expect(r.code).toBe(2);
          expect(r.stderr).toMatch(new RegExp(`^error: ${option.long} needs a value; \`${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\` is an option`));
          expect(r.stdout).toBe('');
        }
      });
    }
  }
});

describe('the slips a script makes', () => {
  it('report --out $OUT --check with OUT unset checks nothing and builds nothing: exit 2', async () => {
    const r = await inEmptyFolder('report', '--manifest', MANIFEST, '--only', 'selfback', '--out', '--check');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --out needs a value; `--check` is an option (write ./--check for a file of that name)\n');
    expect(r.left).toEqual([]);
  });

  it('score … --out --force writes no file "--force"', async () => {
    const r = await inEmptyFolder('score', TRIAL, '--out', '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --out needs a value; `--force` is an option (write ./--force for a file of that name)\n');
    expect(r.left).toEqual([]);
  });

  it('analyze … --csv --json writes no file "--json"; a value that is no path is named without a file hint', async () => {
    const r = await inEmptyFolder('analyze', TRIAL, '--csv', '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --csv needs a value; `--json` is an option (write ./--json for a file of that name)\n');
    expect(r.left).toEqual([]);
    const seed = await runCli('analyze', TRIAL, '--seed', '--json');
    expect(seed.stderr).toBe('error: --seed needs a value; `--json` is an option\n');
  });

  it('a file of that name is written as the hint says (./--force), and a dash value that is no option passes', async () => {
    const r = await inEmptyFolder('score', TRIAL, '--out', './--force');
    expect(r.code).toBe(0);
    expect(r.left).toEqual(['--force']);
    const neg = await runCli('analyze', TRIAL, '--seed', '-1');
    expect(neg.stderr).not.toContain('is an option');
  });
});
