/**
 * Usage that commander let pass with exit 0 or worded poorly (docs/cli.md "Help and usage
 * errors"): `hta` alone, a group without its command, `hta help <typo>`, a typo'd option hidden
 * behind a required one, and `-v` for the version.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

describe('help and missing commands', () => {
  it('hta help <typo> is the unknown command with its suggestion, exit 2; help of a command or subcommand, exit 0', async () => {
    expect(await runCli('help', 'analyse')).toEqual({ code: 2, stdout: '', stderr: "error: unknown command 'analyse'\n(Did you mean analyze?)\n" });
    expect((await runCli('help', 'nonsense')).code).toBe(2);
    expect((await runCli('help', 'plan', 'chek')).stderr).toContain("unknown command 'chek'");
    const sub = await runCli('help', 'plan', 'check');
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(/^Usage: hta plan check /);
    const top = await runCli('help');
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^Usage: hta \[options\] \[command\]/);
  });

  it('a group without its command (hta plan, hta simulate) and hta alone: the help on stderr, the missing command named, exit 2', async () => {
    for (const [argv, path, one] of [[['plan'], 'hta plan', 'check'], [['simulate'], 'hta simulate', 'registry'], [[], 'hta', 'analyze']] as const) {
      const r = await runCli(...argv);
      expect({ argv, code: r.code, stdout: r.stdout }).toEqual({ argv, code: 2, stdout: '' });
      expect(r.stderr).toMatch(new RegExp(`^Usage: ${path} `));
      expect(r.stderr).toMatch(new RegExp(`error: missing command: ${path} needs one of its commands: .*\\b${one}\\b`));
    }
    // Asked for, help is no error: stdout, exit 0.
    expect((await runCli('plan', '--help')).code).toBe(0);
  });
});

describe('option typos', () => {
  it('an unknown option is named before a required option it may hide', async () => {
    const r = await runCli('analyze', '--jsno', 'x.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: unknown option '--jsno'\n(Did you mean --json?)\n");
    // Without a typo, the required option is still required.
    expect(await runCli('analyze', 'x.csv')).toEqual({ code: 2, stdout: '', stderr: "error: required option '--plan <file>' not specified\n" });
  });

  it('-v suggests -V / --version where the version flag exists', async () => {
    expect(await runCli('-v')).toEqual({ code: 2, stdout: '', stderr: "error: unknown option '-v'\n(Did you mean -V or --version?)\n" });
    expect((await runCli('analyze', '-v')).stderr).not.toContain('--version');
  });
});
