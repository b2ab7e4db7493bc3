/**
 * `hta plan check p.json >> p.json`: standard output or error appended to a file the command
 * reads is refused with exit 2 before anything is written, so the input keeps its bytes
 * (docs/cli.md "An output redirected onto an input"). The shell's `>>` is the point, so the CLI
 * runs as bin/hta.js does, with the stream opened for appending (O_APPEND) onto the input; the
 * argument check runs in-process too, with the streams given.
 */
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StreamOntoInputError } from '../../src/errors.js';
import { refuseStreamOntoArguments, refuseStreamOntoInput } from '../../src/io/redirected-input.js';
import { sharedBuiltClosure } from '../support/built-closure.js';
import { errorOf } from '../support/error-of.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

const built = { url: sharedBuiltClosure().url('src/cli/bin-entry.ts') };
afterAll(() => removeTempDirs());

function binScript(dir: string): string {
  const source = readFileSync('bin/hta.js', 'utf8')
    .replace(/^#!.*\n/, '')
    .replace("'../dist/cli/bin-entry.js'", JSON.stringify(built.url));
  const file = join(dir, 'hta.mjs');
  writeFileSync(file, source);
  return file;
}

/** Runs the CLI in `cwd` with the stream(s) named opened for appending onto `onto`; the other captured. */
function run(script: string, cwd: string, argv: string[], onto: string, streams: { stdout?: boolean; stderr?: boolean }): Promise<{ code: number | null; captured: string }> {
  const fd = openSync(join(cwd, onto), 'a');
  return new Promise<{ code: number | null; captured: string }>((done, reject) => {
    const child = spawn(process.execPath, [script, ...argv], { cwd, stdio: ['ignore', streams.stdout ? fd : 'pipe', streams.stderr ? fd : 'pipe'] });
    let captured = '';
    child.stdout?.on('data', (d: Buffer) => (captured += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (captured += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ code, captured }));
  }).finally(() => closeSync(fd));
}

describe('standard output or error appended onto an input', () => {
  it('is refused with exit 2 and the input keeps its bytes: plan check, analyze --json, plan init, a plan\'s target sample', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const script = binScript(dir);
    copyFileSync('data/synthetic/selfback-trial.csv', join(dir, 't.csv'));
    copyFileSync('data/plans/selfback.plan.json', join(dir, 'p.json'));
    // A plan naming a target sample: that file is an input too, found only by reading the plan.
    const plan = JSON.parse(readFileSync('data/plans/selfback.plan.json', 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'q.json'), JSON.stringify({ ...plan, population: { targetSample: { file: 'sample.csv' } } }));
    writeFileSync(join(dir, 'sample.csv'), 'age,sex\n50,F\n');
    const cases: { argv: string[]; onto: string; streams: { stdout?: boolean; stderr?: boolean }; said: string }[] = [
      { argv: ['plan', 'check', 'p.json'], onto: 'p.json', streams: { stdout: true }, said: 'standard output goes to p.json (as with >> p.json)' },
      { argv: ['analyze', 't.csv', '--plan', 'p.json', '--json'], onto: 'p.json', streams: { stdout: true }, said: 'standard output goes to p.json' },
      { argv: ['plan', 'init', 't.csv'], onto: 't.csv', streams: { stdout: true }, said: 'standard output goes to t.csv' },
      { argv: ['plan', 'check', 'p.json'], onto: 'p.json', streams: { stderr: true }, said: 'standard error goes to p.json (as with 2>> p.json)' },
      // A usage error (the plan missing) would be written by the parser: refused before it.
      { argv: ['uptake', '--plan', 'p.json'], onto: 'p.json', streams: { stderr: true }, said: 'standard error goes to p.json' },
      // An output named on the command line, just created empty by the shell's `>`: no content lost.
      { argv: ['simulate', 'trial', '--out', 'new.csv'], onto: 'new.csv', streams: { stdout: true }, said: 'standard output goes to new.csv (as with > new.csv), which is named on the command line' },
      { argv: ['analyze', 't.csv', '--plan', 'q.json', '--json'], onto: 'sample.csv', streams: { stdout: true }, said: 'standard output goes to sample.csv (as with >> sample.csv), which this command is given (q.json\'s "population.targetSample.file" sample.csv)' },
    ];
    writeFileSync(join(dir, 'new.csv'), '');
    for (const c of cases) {
      const before = readFileSync(join(dir, c.onto));
      const r = await run(script, dir, c.argv, c.onto, c.streams);
      // Written to the stream that is not the input (stdout when stderr is the input).
      expect({ argv: c.argv, code: r.code, said: r.captured.includes(c.said), after: readFileSync(join(dir, c.onto)).equals(before) }).toEqual({ argv: c.argv, code: 2, said: true, after: true });
    }
  });
});

describe('refuseStreamOntoArguments, refuseStreamOntoInput', () => {
  it('refuse a file argument (or --option=file) that standard output or error is, and pass over the rest', () => {
    const dir = tempDir();
    const file = join(dir, 'p.json');
    writeFileSync(file, '{}');
    const other = join(dir, 'o.txt');
    writeFileSync(other, '');
    const st = statSync(file);
    const stdout = [{ name: 'standard output' as const, st }];
    expect(() => refuseStreamOntoArguments(['plan', 'check', file], stdout)).toThrow(StreamOntoInputError);
    expect(() => refuseStreamOntoArguments(['analyze', 'x.csv', `--plan=${file}`], stdout)).toThrow(/standard output goes to .*p\.json \(as with >> /);
    // Standard output elsewhere, a missing file, a folder, an option: nothing to refuse.
    expect(() => refuseStreamOntoArguments(['plan', 'check', file], [{ name: 'standard output', st: statSync(other) }])).not.toThrow();
    expect(() => refuseStreamOntoArguments(['plan', 'check', join(dir, 'none.json'), dir, '--json'], stdout)).not.toThrow();
    // Before parsing, a file argument may be an output: the words claim neither an input nor lost content.
    const made = join(dir, 'new.csv');
    writeFileSync(made, '');
    const out = errorOf(() => refuseStreamOntoArguments(['simulate', 'trial', '--out', made], [{ name: 'standard output', st: statSync(made) }]));
    expect(out).toBeInstanceOf(StreamOntoInputError);
    expect(out.message).toBe(`standard output goes to ${made} (as with > ${made}), which is named on the command line, and the shell empties that file before the command starts — redirect to another file (nothing was written; if ${made} held a file this command was to read, its earlier content is lost: restore it from a copy)`);
    const appended = errorOf(() => refuseStreamOntoArguments(['validate', 'x.csv', '--excluded-out', file], stdout));
    expect(appended.message).toBe(`standard output goes to ${file} (as with >> ${file}), which is named on the command line — redirect to another file (nothing was written; ${file} is unchanged)`);
    // Standard error onto the input: the message goes to standard output, which is free.
    let err: unknown;
    try {
      refuseStreamOntoInput(st, 'p.json', '--plan p.json', [{ name: 'standard error', st }]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StreamOntoInputError);
    expect(err).toMatchObject({ stdoutFree: true, stderrFree: false, exitCode: 2 });
    expect((err as Error).message).toContain('which this command is given (--plan p.json)');
    // An emptied input (the shell's `>`): its content is gone, and the message says so.
    expect(() => refuseStreamOntoInput({ ...st, size: 0, dev: st.dev, ino: st.ino }, 'p.json', 'p.json', stdout)).toThrow(/p\.json is empty: standard output is redirected onto it \(> p\.json\).*the earlier content is lost/);
  });
});
