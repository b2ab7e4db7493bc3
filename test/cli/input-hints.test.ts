/**
 * Inputs whose name or content looks right to the user but is not (docs/cli.md): a JSON file
 * with a trailing comma or a comment, a file name typed in another Unicode form than the one on
 * disk, `-` for standard input, and an input emptied by redirecting an output onto it.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonFile } from '../../src/io/read-json.js';
import { HtaError } from '../../src/errors.js';
import { sharedBuiltClosure } from '../support/built-closure.js';
import { runCli, tempDir } from '../support/run-cli.js';

const TRIAL = 'data/synthetic/selfback-trial.csv';
const PLAN = 'data/plans/selfback.plan.json';

function problemOf(file: string): string {
  try {
    readJsonFile(file, 'plan');
  } catch (err) {
    if (err instanceof HtaError) return `${err.message} | ${err.problems.map((p) => `${p.line}:${p.column} ${p.expected}`).join(' | ')}`;
    throw err;
  }
  return 'read';
}

describe('a JSON file saved by a spreadsheet', () => {
  it('Excel\'s CSV export of a plan (lines in quotes, every " doubled; Windows-1252 or UTF-8 with BOM) is named as such', async () => {
    const dir = tempDir();
    // As Excel writes it: the first line "{" bare, each line holding a " or a , quoted.
    const lines = readFileSync(PLAN, 'utf8').trimEnd().split('\n').map((l) => (/[",]/.test(l) ? `"${l.replaceAll('"', '""')}"` : l));
    writeFileSync(join(dir, 'plan.json'), Buffer.from(lines.join('\r\n').replace('selfBACK', 'self\u2013BACK'), 'latin1'));
    writeFileSync(join(dir, 'plan8.csv'), '\ufeff' + lines.join('\r\n'));
    for (const file of ['plan.json', 'plan8.csv']) {
      const r = await runCli('analyze', TRIAL, '--plan', join(dir, file));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`error: ${join(dir, file)} looks like a spreadsheet's export of the JSON plan, not the JSON itself: its lines are in quotes with every " doubled, as Excel writes a CSV`);
      expect(r.stderr).toContain('open this one in a text editor (Notepad, VS Code), not a spreadsheet');
      expect(r.stderr).not.toContain('$schema'); // nothing of the file is quoted
    }
    // The plan itself is read as ever.
    expect(problemOf(PLAN)).toBe('read');
  });
});

describe('a huge cell', () => {
  it('is quoted cut to 80 characters, as JSON values are: a 1 MB number is one short line of stderr', async () => {
    const dir = tempDir();
    const lines = readFileSync(TRIAL, 'utf8').split('\n');
    const header = lines[0]!.split(',');
    const col = header.indexOf('rmdq_01') >= 0 ? header.indexOf('rmdq_01') : header.findIndex((h) => /rmdq/i.test(h));
    const cells = lines[1]!.split(',');
    cells[col] = '9'.repeat(1_000_000);
    lines[1] = cells.join(',');
    writeFileSync(join(dir, 'huge.csv'), lines.join('\n'));
    const r = await runCli('validate', join(dir, 'huge.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(2_000);
    expect(r.stderr).toMatch(/\(rmdq_1\): "9{70,80}…" — expected an answer/);
    const json = await runCli('validate', join(dir, 'huge.csv'), '--json');
    expect(json.stdout.length + json.stderr.length).toBeLessThan(4_000);
  });
});

describe('JSON written as JavaScript', () => {
  it('a trailing comma is named as such, at the comma', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.json'), '{\n  "a": 1,\n  "b": 2,\n}\n');
    writeFileSync(join(dir, 'l.json'), '{\n  "a": [1, 2,]\n}\n');
    expect(problemOf(join(dir, 'o.json'))).toBe(`${join(dir, 'o.json')} is not valid JSON | 3:9 no trailing comma after the last item of the object (JSON allows none): delete this ","`);
    expect(problemOf(join(dir, 'l.json'))).toBe(`${join(dir, 'l.json')} is not valid JSON | 2:13 no trailing comma after the last item of the list (JSON allows none): delete this ","`);
  });
  it('a comment inside the file (// or /* */) is named as such, where it starts', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), '{\n  "a": 1, // the a\n  "b": 2\n}\n');
    writeFileSync(join(dir, 'b.json'), '{\n  "a": /* one */ 1\n}\n');
    writeFileSync(join(dir, 'c.json'), '{\n  "a": 1\n}\n// end\n');
    expect(problemOf(join(dir, 'a.json'))).toMatch(/ \| 2:11 no comment \(JSON has none\): delete it$/);
    expect(problemOf(join(dir, 'b.json'))).toMatch(/ \| 2:8 no comment \(JSON has none\): delete it$/);
    expect(problemOf(join(dir, 'c.json'))).toMatch(/ \| 4:1 no comment \(JSON has none\): delete it$/);
  });
});

describe('file names', () => {
  it('a name ending in a space, or differing only in case, from a file that is there says so', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'synthetic'));
    copyFileSync(TRIAL, join(dir, 'synthetic', 'trial.csv'));
    const spaced = await runCli('validate', join(dir, 'synthetic', 'trial.csv '));
    expect(spaced.code).toBe(2);
    expect(spaced.stderr).toContain(`the file does not exist — the name ends in a space (usually a slip when pasting), and ${JSON.stringify(join(dir, 'synthetic', 'trial.csv'))} is there — write the name without it`);
    const cased = await runCli('validate', join(dir, 'Synthetic', 'Trial.CSV'));
    expect(cased.code).toBe(2);
    expect(cased.stderr).toContain(`the file does not exist — a file differing only in case exists: ${JSON.stringify(join(dir, 'synthetic', 'trial.csv'))}`);
    // In a manifest, where such a name is typed once and read on other machines.
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ reports: [{ id: 'm', kind: 'meta', out: 'm', data: 'Synthetic/Trial.CSV' }] }));
    const report = await runCli('report', '--manifest', join(dir, 'm.json'), '--out', join(dir, 'out'));
    expect(report.code).toBe(2);
    expect(report.stderr).toContain(`a file differing only in case exists: ${JSON.stringify(join(dir, 'synthetic', 'trial.csv'))}`);
    const none = await runCli('validate', join(dir, 'synthetic', 'other.csv'));
    expect(none.stderr).toBe(`error: cannot read ${join(dir, 'synthetic', 'other.csv')}: the file does not exist\n`);
  });

  it('a name typed composed (NFC) whose file on disk is decomposed (NFD, as macOS writes it) says so', async () => {
    const dir = tempDir();
    const nfd = 'Ma\u030alinger.csv';
    copyFileSync(TRIAL, join(dir, nfd));
    copyFileSync(PLAN, join(dir, 'Pla\u0301n.json'));
    const typed = join(dir, 'M\u00e5linger.csv');
    const r = await runCli('validate', typed);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot read ${typed}: the file does not exist — a file named ${JSON.stringify(join(dir, nfd))} is there, whose name differs only in its Unicode form (decomposed, as macOS writes names)`);
    const p = await runCli('analyze', join(dir, nfd), '--plan', join(dir, 'Pl\u00e1n.json'));
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('whose name differs only in its Unicode form');
  });
  it('a name that is simply missing gets no such hint', async () => {
    const r = await runCli('validate', join(tempDir(), 'M\u00e5linger.csv'));
    expect(r.stderr).toMatch(/the file does not exist\n/);
  });
  it('"-" is not standard input: hta says it reads files', async () => {
    const r = await runCli('analyze', '-', '--plan', PLAN);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: cannot read -: the file does not exist — hta reads files, not standard input: save the data to a file and give its name (a file named "-" is written ./-)\n');
  });
});

describe.skipIf(process.platform === 'win32')('an output redirected onto an input', () => {
  const built = { url: sharedBuiltClosure().url('src/cli/main.ts') };

  /** Runs the CLI with standard output opened onto `out` for writing (emptied), as `> out` does. */
  function runOnto(out: string, argv: string[]): Promise<{ code: number | null; stderr: string }> {
    const dir = tempDir();
    const script = join(dir, 'hta.mjs');
    writeFileSync(script, `import { main } from ${JSON.stringify(built.url)};\nprocess.exitCode = await main(process.argv.slice(2));\n`);
    const fd = openSync(out, 'w');
    return new Promise<{ code: number | null; stderr: string }>((done, reject) => {
      const child = spawn(process.execPath, [script, ...argv], { stdio: ['ignore', fd, 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => done({ code, stderr }));
    }).finally(() => closeSync(fd));
  }

  it('uptake --previous p.json --json > p.json, and a plan or export emptied so, say what emptied them', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const previous = join(dir, 'p.json');
    writeFileSync(previous, '{"an": "earlier publication"}\n');
    const r = await runOnto(previous, ['uptake', 'data/synthetic/registry.csv', '--eligible', 'data/synthetic/eligible.csv', '--plan', 'data/plans/uptake.plan.json', '--previous', previous, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: standard output goes to ${previous} (as with > ${previous}), which is named on the command line, and the shell empties that file before the command starts — redirect to another file (nothing was written; if ${previous} held a file this command was to read, its earlier content is lost: restore it from a copy)`);
    const trial = join(dir, 't.csv');
    copyFileSync(TRIAL, trial);
    const t = await runOnto(trial, ['validate', trial]);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain(`error: standard output goes to ${trial} (as with > ${trial}), which is named on the command line`);
  });
});
