/**
 * An option that takes one value, given twice with different values, is refused before any
 * work — commander kept the last without a word: `--eligible hov.csv --eligible midt.csv` ran on
 * midt.csv alone (docs/cli.md "Repeated options"). The options are walked from commander, so a
 * new one cannot miss the check; the options meant to be repeated stay so.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Option } from 'commander';
import { buildProgram } from '../../src/cli/main.js';
import { allCommands, takesValue } from '../../src/cli/empty-values.js';
import { repeatable } from '../../src/cli/repeated-options.js';
import { pathOf } from '../support/command-path.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const silent = { stdout: () => {}, stderr: () => {} };

/**
 * Two values each option's own parser takes (else its first would be refused for what it is, not
 * for being repeated): paths and words by default, numbers and choices where the option checks them.
 */
const VALUES: Readonly<Record<string, [string, string]>> = {
  'meta --method': ['REML', 'DL'],
  'meta --preset': ['metafor', 'iqwig6'],
  'meta --mcid': ['1.5', '2'],
  'meta --direction': ['higher-is-better', 'lower-is-better'],
  'meta --lang': ['en', 'da'],
  'meta --decimal-mark': ['.', ','],
};
// Paths in a folder of the test's own: were the check broken, a command would write its output there, not into the repository.
const dir = tempDir();
const valuesOf = (label: string, option: Option): [string, string] => VALUES[label] ?? (option.parseArg ? ['200', '300'] : [join(dir, 'a1'), join(dir, 'b2')]);

describe('a one-value option given twice is refused, for every command', async () => {
  const { program } = await buildProgram(silent);
  const runnable = allCommands(program).filter((c) => c.parent && c.commands.length === 0);
  const options = runnable.flatMap((c) => c.options.filter(takesValue).map((o) => ({ command: c, option: o, label: `${pathOf(c).join(' ')} ${o.long}` })));

  it('only the options meant to be repeated are left alone: --aggregates (several folders) and --previous (several publications)', () => {
    expect(options.filter((o) => repeatable(o.option)).map((o) => o.label).sort()).toEqual(['uptake --aggregates', 'uptake --previous']);
    expect(options.map((o) => o.label)).toEqual(expect.arrayContaining(['uptake --eligible', 'uptake --plan', 'plan init --eligible', 'report --out', 'simulate registry --seed', 'analyze --lang']));
  });

  for (const { command, option, label } of options.filter((o) => !repeatable(o.option))) {
    const [a, b] = valuesOf(label, option);
    it(`${label} twice`, async () => {
      const r = await runCli(...pathOf(command), option.long!, a, option.long!, b);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`error: ${option.long} is given twice ("${a}", then "${b}"): `);
      expect(r.stdout).toBe('');
    });
  }

  it('--eligible twice says one eligible file per run and prints the command that joins the two', async () => {
    const r = await runCli('uptake', 'registry.csv', '--plan', 'p.json', '--eligible', 'hov.csv', '--eligible', 'midt lister.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: --eligible is given twice ("hov.csv", then "midt lister.csv"): one eligible file per run: join them into one new file with the header line once — awk 'NR == 1 || FNR > 1 { sub(/\\r$/, ""); print }' hov.csv 'midt lister.csv' > eligible-joined.csv — and give --eligible eligible-joined.csv (files with years as columns are joined otherwise: docs/input-registry.md "Several eligible files")\n`,
    );
  });

  it('the same value twice is the same run: not refused as repeated', async () => {
    const r = await runCli('uptake', 'registry.csv', '--plan', 'no-such-plan.json', '--plan', 'no-such-plan.json', '--eligible', 'e.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('given twice');
  });

  it('--previous is still read as several publications', async () => {
    const r = await runCli('uptake', 'registry.csv', '--plan', 'p.json', '--eligible', 'e.csv', '--previous', 'a.json', '--previous', 'b.json');
    expect(r.stderr).not.toContain('given twice');
  });
});
