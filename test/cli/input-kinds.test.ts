/**
 * Inputs that are not regular files: a named pipe (FIFO) was opened and waited on for ever
 * (`hta validate fifo.csv`); a folder named by a manifest entry did not say which entry named it.
 * Each is refused at once, exit 2, naming the option (or the report and key) and what it is
 * (docs/output-safety.md "Inputs are regular files").
 *
 * A pipe that hta opens would block the test for ever: a `sh` that opens the pipe for writing
 * and closes it after a few seconds sets it free (the read then ends empty and the test fails on
 * the message); when hta rightly never opens it, that `sh` waits and is ended here, by its id.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const SMALL = 'id,arm,time,rmdq\nP1,app,baseline,12\nP1,app,3m,8\nP2,usual,baseline,10\nP2,usual,3m,9\n';
const PLAN = JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] });

const writers: ChildProcess[] = [];
afterEach(() => {
  for (const w of writers.splice(0)) if (w.exitCode === null && w.pid !== undefined) w.kill('SIGKILL');
});

/** A folder with x.csv, p.json and the named pipe fifo.csv, whose writer frees a reader after 3 s. */
function workspace() {
  const dir = tempDir();
  writeFileSync(join(dir, 'x.csv'), SMALL);
  writeFileSync(join(dir, 'p.json'), PLAN);
  const fifo = join(dir, 'fifo.csv');
  execFileSync('mkfifo', [fifo]);
  const writer = spawn('sh', ['-c', 'exec 3>"$0"; sleep 3', fifo], { stdio: 'ignore' });
  writers.push(writer);
  return { dir, csv: join(dir, 'x.csv'), plan: join(dir, 'p.json'), fifo };
}

function expectRefused(r: { code: number; stderr: string }, ...mentions: string[]) {
  expect(r.code).toBe(2);
  expect(r.stderr).not.toMatch(/internal error|    at /);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  for (const m of mentions) expect(r.stderr).toContain(m);
}

describe.skipIf(process.platform === 'win32')('a named pipe as an input is refused at once', () => {
  it('validate, analyze, score and plan check with the export a pipe, and --plan a pipe', async () => {
    const w = workspace();
    expectRefused(await runCli('validate', w.fifo, '--plan', w.plan), `<csv> ${w.fifo} is a named pipe, not a file`);
    expectRefused(await runCli('analyze', w.fifo, '--plan', w.plan), `<csv> ${w.fifo} is a named pipe, not a file`);
    expectRefused(await runCli('score', w.fifo, '--plan', w.plan, '--out', join(w.dir, 'out.csv')), `<csv> ${w.fifo} is a named pipe, not a file`);
    expectRefused(await runCli('validate', w.csv, '--plan', w.fifo), `--plan ${w.fifo} is a named pipe, not a file`);
    expectRefused(await runCli('plan', 'check', w.fifo), `${w.fifo} is a named pipe, not a file`);
  });

  it("a manifest entry's data that is a pipe names the report and its key", async () => {
    const w = workspace();
    const manifest = join(w.dir, 'm.json');
    writeFileSync(manifest, JSON.stringify({ reports: [{ id: 'r', kind: 'trial', out: 'r', data: 'fifo.csv', plan: 'p.json' }] }));
    expectRefused(await runCli('report', '--manifest', manifest, '--out', join(w.dir, 'out')), `the data of report "r" ${w.fifo} is a named pipe, not a file`);
  });
});

describe('a folder named by a manifest entry', () => {
  it('is refused naming the report and its key', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'dd'));
    writeFileSync(join(dir, 'p.json'), PLAN);
    const manifest = join(dir, 'm.json');
    writeFileSync(manifest, JSON.stringify({ reports: [{ id: 'r', kind: 'trial', out: 'r', data: 'dd', plan: 'p.json' }] }));
    expectRefused(await runCli('report', '--manifest', manifest, '--out', join(dir, 'out')), `the data of report "r" ${join(dir, 'dd')}: it is a folder`);
  });
});

describe('the export and the plan given the wrong way round', () => {
  it('validate, analyze, score, cea and meta ask whether they are swapped, naming both', async () => {
    const dir = tempDir();
    const csv = join(dir, 'x.csv');
    const plan = join(dir, 'p.json');
    writeFileSync(csv, SMALL);
    writeFileSync(plan, PLAN);
    const asked = `${plan} looks like a JSON file and --plan ${csv} like a CSV export: are they swapped?`;
    expectRefused(await runCli('validate', plan, '--plan', csv), asked);
    expectRefused(await runCli('analyze', plan, '--plan', csv), asked);
    expectRefused(await runCli('score', plan, '--plan', csv, '--out', join(dir, 'o.csv')), asked);
    expectRefused(await runCli('cea', plan, '--plan', csv), asked);
    expectRefused(await runCli('meta', plan, '--plan', csv), `${plan} looks like a JSON file and --plan ${csv} like a CSV file: are they swapped?`);
  });
});
