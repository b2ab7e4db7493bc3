/**
 * Control characters in a name or value a message quotes are written visibly (`\x01`, `\x1b`),
 * never raw: raw, they are invisible (the user cannot see what is wrong) or act on the terminal
 * (`ESC [2K` erases the line as it is printed). A refused output name says what is wrong with it:
 * a control character, not Windows' list of < > : " | ? * (src/io/visible-text.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const PLAN = 'data/plans/selfback.plan.json';
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe('control characters in messages', () => {
  it('an output name with a control character: refused naming it visibly, with a reason about control characters', async () => {
    const dir = tempDir();
    const trial = join(dir, 'trial.csv');
    writeFileSync(trial, 'id,arm,time,rmdq\nP1,app,baseline,12\nP1,app,3m,8\nP2,usual,baseline,10\nP2,usual,3m,9\n');
    for (const [name, shown, char] of [['x\x01.csv', 'x\\x01.csv', '\\x01, U+0001'], ['x\x1b[2K.csv', 'x\\x1b[2K.csv', '\\x1b, U+001B']] as const) {
      const out = join(dir, name);
      const r = await runCli('analyze', trial, '--plan', PLAN, '--csv', out);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(RAW_CONTROL);
      expect(r.stderr).toBe(`error: --csv ${join(dir, shown)}: no file name with a control character ("${shown}" holds ${char}): control characters are invisible in a listing and act on a terminal, and Windows allows none in a name — choose another name\n`);
    }
    expect(readdirSync(dir)).toEqual(['trial.csv']);
  });

  it('a missing input and a cell value with a control character are quoted visibly', async () => {
    const dir = tempDir();
    const missing = await runCli('validate', join(dir, 'no\x1b[2Kfile.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toMatch(RAW_CONTROL);
    expect(missing.stderr).toContain(`${join(dir, 'no\\x1b[2Kfile.csv')}`);
    // An arm cell that carries a terminal colour code (pasted from a coloured terminal).
    const trial = join(dir, 'trial.csv');
    writeFileSync(trial, 'id,arm,time,rmdq\nP1,app,baseline,12\nP1,app,3m,8\nP2,\x1b[31musual,baseline,10\nP2,\x1b[31musual,3m,9\n');
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] }));
    const r = await runCli('validate', trial, '--plan', plan);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    // A cell value is quoted as JSON, which already writes it \u001b.
    expect(r.stderr).toContain('"\\u001b[31musual"');
  });
  it('notes, warnings and commander\'s usage errors quote a name with a control character visibly', async () => {
    const dir = tempDir();
    // The selfBACK export with an unknown arm on two rows of three, under a name holding a colour code.
    const lines = readFileSync('data/synthetic/selfback-trial.csv', 'utf8').trimEnd().split('\n');
    const half = [lines[0]!, ...lines.slice(1).map((l, i) => (i % 3 === 2 ? l : l.replace(/^([^,]*),[^,]*,/, '$1,zzz,')))];
    const file = join(dir, 'hb\x1b[31mRED.csv');
    writeFileSync(file, half.join('\n') + '\n');
    const v = await runCli('validate', file, '--plan', PLAN, '--exclude-invalid');
    expect(v.stderr).toContain(`note: ${join(dir, 'hb\\x1b[31mRED.csv')}: --exclude-invalid left out most of the export`);
    expect(v.stderr).not.toMatch(RAW_CONTROL);
    const unknownCommand = await runCli('an\x1b[2Kalyze');
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain("error: unknown command 'an\\x1b[2Kalyze'");
    expect(unknownCommand.stderr).not.toMatch(RAW_CONTROL);
    const unknownOption = await runCli('analyze', file, '--plan', PLAN, '--c\x1b[2Ksv', 'x.csv');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("error: unknown option '--c\\x1b[2Ksv'");
    expect(unknownOption.stderr).not.toMatch(RAW_CONTROL);
  });

  describe('stdout: summaries quote the user\'s names visibly, JSON stays exact', () => {
    const TRIAL = 'id,arm,time,rmdq\nP1,app,baseline,12\nP1,app,3m,8\nP2,usual,baseline,10\nP2,usual,3m,9\nP3,app,baseline,11\nP3,app,3m,5\nP4,usual,baseline,14\nP4,usual,3m,13\n';
    // ESC ] 0 ; … BEL retitles the terminal's window; NEL (U+0085) is a C1 control JSON leaves raw.
    const NAME = 'tr\x1b]0;title\x07\u0085.csv';
    const SHOWN = 'tr\\x1b]0;title\\x07\\x85.csv';

    it('validate and analyze: a file name and arm labels with control characters are written visibly in the text summary', async () => {
      const dir = tempDir();
      const file = join(dir, NAME);
      writeFileSync(file, TRIAL);
      const plan = join(dir, 'plan.json');
      writeFileSync(plan, JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, armLabels: { intervention: { en: 'the \x1b[2Kapp' }, control: { en: 'usual care\x07' } }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] }));
      const v = await runCli('validate', file, '--plan', plan);
      expect(v.code, v.stderr).toBe(0);
      expect(v.stdout).toContain(`${join(dir, SHOWN)}: valid`);
      expect(v.stdout).not.toMatch(RAW_CONTROL);
      const a = await runCli('analyze', file, '--plan', plan);
      expect(a.stdout).toContain('n (the \\x1b[2Kapp/usual care\\x07)');
      expect(a.stdout).not.toMatch(RAW_CONTROL);
    });

    it('analyze: a table whose label holds a tab or ESC keeps its columns aligned (measured as printed, \\x09 and \\x1b)', async () => {
      const dir = tempDir();
      const file = join(dir, 'trial.csv');
      writeFileSync(file, TRIAL);
      const plan = join(dir, 'plan.json');
      writeFileSync(plan, JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq', label: { en: 'Back\tpain \x1b[2Kscore' } }] }));
      const a = await runCli('analyze', file, '--plan', plan);
      expect(a.stdout).not.toMatch(RAW_CONTROL);
      expect(a.stdout).not.toContain('\t');
      const lines = a.stdout.split('\n');
      const rule = lines.findIndex((l) => /^─+(  ─+)+$/.test(l));
      expect(rule).toBeGreaterThan(0);
      // Where each column starts, by the rule under the header: every line of the table has the
      // two spaces between columns there, and the label's row shows the characters visibly.
      const gaps = [...lines[rule]!.matchAll(/  (?=─)/g)].map((m) => m.index);
      const table = lines.slice(rule - 1, lines.findIndex((l, i) => i > rule && l === ''));
      const labelRow = table.find((l) => l.includes('Back'));
      expect(labelRow).toContain('Back\\x09pain \\x1b[2Kscore');
      for (const line of table) for (const g of gaps) if (line.length > g) expect(line.slice(g, g + 2), `${JSON.stringify(line)} at ${g}`).toBe('  ');
    });

    it('--json (validate, analyze) is written exactly: valid JSON whose strings hold the names as they are', async () => {
      const dir = tempDir();
      const file = join(dir, NAME);
      writeFileSync(file, TRIAL);
      const plan = join(dir, 'plan.json');
      writeFileSync(plan, JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] }));
      const v = await runCli('validate', file, '--plan', plan, '--json');
      // By its last name, as analyze --json names it (no folder of this machine in an output one may publish).
      expect((JSON.parse(v.stdout) as { file: string }).file).toBe(NAME);
      // The bytes JSON.stringify writes: C0 controls as \u001b, the C1 NEL raw.
      expect(v.stdout).toContain(JSON.stringify(NAME));
      expect(v.stdout).toContain('\u0085');
      const a = await runCli('analyze', file, '--plan', plan, '--json');
      expect(a.stdout).toContain('\u0085');
      expect(() => JSON.parse(a.stdout)).not.toThrow();
    });

    it('uptake --audit --published: the published file\'s name is written visibly in the audit text, exactly in its --json', async () => {
      const dir = tempDir();
      const run = await runCli('uptake', 'test/uptake/fixtures/registry-small.csv', '--eligible', 'test/uptake/fixtures/eligible-small.csv', '--plan', 'data/plans/uptake.plan.json', '--json', '--first-publication');
      expect(run.code, run.stderr).toBe(0);
      const published = join(dir, 'results\x1b[2K\u0085.json');
      writeFileSync(published, run.stdout);
      const text = await runCli('uptake', '--audit', '--published', published);
      expect(text.stdout).toContain(`Audited as published: ${join(dir, 'results\\x1b[2K\\x85.json')}`);
      expect(text.stdout).not.toMatch(RAW_CONTROL);
      const json = await runCli('uptake', '--audit', '--published', published, '--json');
      expect((JSON.parse(json.stdout) as { published: { file: string } }).published.file).toBe(published);
    });
  });
});

