/**
 * Every option that takes a value, and every argument, of every command refuses an empty or
 * blank value before any work: exit 2, the flag named, nothing printed to stdout (docs/cli.md
 * "Empty values"). The options are walked from commander, so a new one cannot miss the check.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/main.js';
import * as commander from 'commander';
import { allCommands, onOptionValue, takesValue } from '../../src/cli/empty-values.js';
import { pathOf } from '../support/command-path.js';
import { runCli } from '../support/run-cli.js';

const silent = { stdout: () => {}, stderr: () => {} };

/** Values for the options a command requires, so that commander reaches the arguments. */
function mandatory(command: Command): string[] {
  return command.options.filter((o) => o.mandatory).flatMap((o) => [o.long!, 'x.json']);
}

describe('empty and blank values are refused, for every option and argument of every command', async () => {
  const { program } = await buildProgram(silent);
  const runnable = allCommands(program).filter((c) => c.parent && c.commands.length === 0);

  it('finds the commands and their path options', () => {
    const names = runnable.map((c) => pathOf(c).join(' '));
    expect(names).toEqual(expect.arrayContaining(['analyze', 'uptake', 'report', 'plan init', 'plan check', 'simulate trial', 'cea', 'meta', 'score', 'validate']));
    const options = runnable.flatMap((c) => c.options.filter(takesValue).map((o) => `${pathOf(c).join(' ')} ${o.long}`));
    expect(options).toEqual(expect.arrayContaining(['analyze --plan', 'analyze --csv', 'analyze --excluded-out', 'uptake --csv-dir', 'cea --out-dir', 'report --out', 'report --manifest']));
  });

  for (const command of runnable) {
    for (const option of command.options.filter(takesValue)) {
      const words = pathOf(command);
      it(`${words.join(' ')} ${option.long} ""`, async () => {
        for (const value of ['', '  ']) {
          const r = await runCli(...words, option.long!, value);
          expect(r.code).toBe(2);
          expect(r.stderr).toContain(`${option.long} is ${value === '' ? 'empty' : 'blank'} (`);
          expect(r.stdout).toBe('');
        }
      });
    }
    command.registeredArguments.forEach((arg, i) => {
      const words = pathOf(command);
      it(`${words.join(' ')} <${arg.name()}> ""`, async () => {
        const before = Array.from({ length: i }, () => 'a.csv');
        const r = await runCli(...words, ...mandatory(command), ...before, '');
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`the argument <${arg.name()}> is empty (`);
        expect(r.stdout).toBe('');
      });
    });
  }
});

describe('an unset variable in a script', () => {
  it('analyze --plan "" stops instead of analysing with the built-in default plan', async () => {
    const r = await runCli('analyze', 'data/synthetic/selfback-trial.csv', '--plan', '');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --plan is empty (a file or folder name is needed; a script\'s unset variable, as in --plan "$VAR", gives an empty one)\n');
    expect(r.stdout).toBe('');
  });
});

describe('onOptionValue: the one installer of the per-option checks', () => {
  it('asks once for each option that takes a value, of every command, and runs its check before the option is parsed', () => {
    const program = new commander.Command('p').exitOverride();
    const order: string[] = [];
    program.option('--top <v>');
    program.command('sub').option('--flag').option('--n <n>', 'a number', (v: string) => (order.push(`parse ${v}`), Number(v))).action(() => {});
    const asked: string[] = [];
    onOptionValue(program, (option, command) => {
      asked.push(`${command.name()} ${option.long}`);
      return (value) => order.push(`check ${String(value)}`);
    });
    expect(asked).toEqual(['p --top', 'sub --n']);
    program.parse(['sub', '--n', '3'], { from: 'user' });
    expect(order).toEqual(['check 3', 'parse 3']);
  });
});
