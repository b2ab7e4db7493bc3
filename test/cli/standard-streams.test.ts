/**
 * `hta … > /dev/full` (standard output on a full disk): one line naming the stream and what to
 * do, exit 2, no stack trace; a full standard error: exit 2; a closed pipe (`| head`): quiet, exit
 * as before (docs/cli.md "Standard output and error"). Runs bin/hta.js as it is, with its imports
 * pointed at the CLI built from src/ on the fly (no dependence on a stale dist/).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedBuiltClosure } from '../support/built-closure.js';
import { tempDir } from '../support/run-cli.js';
import { selfbackTrialHead } from '../support/selfback-head.js';

const built = { url: sharedBuiltClosure().url('src/cli/bin-entry.ts') };

function binScript(): string {
  const source = readFileSync('bin/hta.js', 'utf8')
    .replace(/^#!.*\n/, '')
    .replace("'../dist/cli/bin-entry.js'", JSON.stringify(built.url));
  const file = join(tempDir(), 'hta.mjs');
  writeFileSync(file, source);
  return file;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with stdout and/or stderr on /dev/full (the others captured). */
function run(script: string, argv: string[], full: { stdout?: boolean; stderr?: boolean }): Promise<Run> {
  const fd = openSync('/dev/full', 'w');
  return new Promise<Run>((done, reject) => {
    const child = spawn(process.execPath, [script, ...argv], { stdio: ['ignore', full.stdout ? fd : 'pipe', full.stderr ? fd : 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
  }).finally(() => closeSync(fd));
}

/**
 * The bundled trial's first 60 patients (test/support/selfback-head.ts): what `hta validate` and
 * `hta analyze` print is written to a full disk here, whatever the trial's size, and the whole
 * trial's 461 cost a spawned process more reading and analysing (~0.2 CPU-s a run).
 */
let head: string | undefined;
function trialHead(): string {
  if (!head) writeFileSync((head = join(tempDir(), 'selfback-head.csv')), selfbackTrialHead(60));
  return head;
}

/**
 * `hta analyze` on the trial with its plan cut to one outcome and no sensitivity analyses:
 * the writing of the results is the point here, and the whole plan's analysis costs a spawned
 * process seconds of CPU.
 */
function analyzeArgv(): string[] {
  const plan = JSON.parse(readFileSync('data/plans/selfback.plan.json', 'utf8')) as { outcomes: { key: string }[] } & Record<string, unknown>;
  const file = join(tempDir(), 'rmdq.plan.json');
  writeFileSync(file, JSON.stringify({ ...plan, outcomes: plan.outcomes.filter((o) => o.key === 'rmdq'), responders: [], missing: { sensitivity: false } }));
  return ['analyze', trialHead(), '--plan', file];
}
const FULL = 'error: cannot write to standard output: the disk is full — free some space or write somewhere else\n';

describe.skipIf(!existsSync('/dev/full'))('standard output or error on a full disk', () => {
  it('a full standard output: one line on stderr, exit 2, for results, JSON and help alike', { timeout: 60_000 }, async () => {
    const script = binScript();
    for (const argv of [['plan', 'schema'], ['--help'], [...analyzeArgv(), '--json'], ['validate', trialHead()]]) {
      const r = await run(script, argv, { stdout: true });
      expect({ argv, code: r.code, stderr: r.stderr }).toEqual({ argv, code: 2, stderr: FULL });
    }
  });

  it('a full standard error: exit 2 (nothing can be said)', { timeout: 30_000 }, async () => {
    const r = await run(binScript(), ['analyze', 'data/synthetic/selfback-trial.csv', '--plan', 'nothing-here.json'], { stderr: true });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('a pipe closed early stays quiet: exit 0', { timeout: 30_000 }, async () => {
    const script = binScript();
    const r = await new Promise<Run>((done, reject) => {
      const child = spawn(process.execPath, [script, 'plan', 'schema'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stdout.once('data', () => child.stdout.destroy());
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => done({ code, stdout: '', stderr }));
    });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
