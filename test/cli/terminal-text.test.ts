/**
 * A hostile value in a user's file — OSC 52 (`ESC ] 52;c;… BEL`, which sets the clipboard of a
 * terminal that honours it) followed by the right-to-left override U+202E — reaches stderr and
 * stdout written visibly (`\x1b`, `\u202e`), never raw: raw, the escape acts on the terminal and
 * the override turns the rest of the message's line around (src/io/visible-text.ts terminalText,
 * applied once in src/cli/main.ts). A column name, a cell value and an arm label, for validate,
 * analyze, score, uptake and meta.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const OSC52 = '\x1b]52;c;ZWNobyBwd25lZA==\x07';
const HOSTILE = `${OSC52}\u202e`;
/** How a message shows it: unquoted (a column name, a label) and inside a JSON-quoted value. */
const SHOWN = '\\x1b]52;c;ZWNobyBwd25lZA==\\x07\\u202e';
const SHOWN_QUOTED = '\\u001b]52;c;ZWNobyBwd25lZA==\\u0007\\u202e';
/** A raw control (but tab and line feed) or bidi formatting character. */
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

const PLAN = { arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], covariates: ['site'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] };
const TRIAL = [
  'id,arm,time,site,rmdq',
  ...['P1,app,baseline,a,12', 'P1,app,3m,a,8', 'P2,usual,baseline,b,10', 'P2,usual,3m,b,9', 'P3,app,baseline,b,11', 'P3,app,3m,b,5', 'P4,usual,baseline,a,14', 'P4,usual,3m,a,13'],
  ...['P5,app,baseline,a,9', 'P5,app,3m,a,4', 'P6,usual,baseline,b,15', 'P6,usual,3m,b,12'],
];

function files(lines: string[], plan: object = PLAN) {
  const dir = tempDir();
  const csv = join(dir, 'trial.csv');
  const planFile = join(dir, 'plan.json');
  writeFileSync(csv, lines.join('\n') + '\n');
  writeFileSync(planFile, JSON.stringify(plan));
  return { dir, csv, plan: planFile };
}

const withColumn = () => [TRIAL[0]!.replace('site', `si${HOSTILE}te`), ...TRIAL.slice(1)];
const withCell = () => TRIAL.map((l, i) => (i === 4 ? l.replace(/,9$/, `,9${HOSTILE}`) : l));
const withArm = () => TRIAL.map((l, i) => (i === 3 || i === 4 ? l.replace(',usual,', `,usu${HOSTILE}al,`) : l));

function expectVisible(text: string, shown: string): void {
  expect(text).not.toMatch(RAW);
  expect(text).toContain(shown);
}

describe('a hostile value in a message is written visibly', () => {
  it('validate: a column name, a cell value and an arm cell', async () => {
    const col = files(withColumn());
    const c = await runCli('validate', col.csv, '--plan', col.plan);
    expect(c.code).toBe(2);
    expectVisible(c.stderr, `si${SHOWN}te`);
    const cell = files(withCell());
    const v = await runCli('validate', cell.csv, '--plan', cell.plan);
    expect(v.code).toBe(2);
    expectVisible(v.stderr, `"9${SHOWN_QUOTED}"`);
    const arm = files(withArm());
    const a = await runCli('validate', arm.csv, '--plan', arm.plan);
    expect(a.code).toBe(2);
    expectVisible(a.stderr, `"usu${SHOWN_QUOTED}al"`);
  });

  it('analyze: arm labels in the summary, and the arm cell --exclude-invalid leaves out', async () => {
    const f = files(TRIAL, { ...PLAN, armLabels: { intervention: { en: `the app${HOSTILE}` }, control: { en: 'usual care' } } });
    const r = await runCli('analyze', f.csv, '--plan', f.plan);
    expect(r.code, r.stderr).toBe(0);
    expectVisible(r.stdout, `n (the app${SHOWN}/usual care)`);
    expect(r.stderr).not.toMatch(RAW);
    const arm = files(withArm());
    const x = await runCli('analyze', arm.csv, '--plan', arm.plan, '--exclude-invalid');
    expect(x.stdout + x.stderr).not.toMatch(RAW);
    expect(x.stderr).toContain(SHOWN_QUOTED);
  });

  it('score: a cell value and a column name; nothing written', async () => {
    const cell = files(withCell());
    const out = join(cell.dir, 'scored.csv');
    const v = await runCli('score', cell.csv, '--plan', cell.plan, '--out', out);
    expect(v.code).toBe(2);
    expectVisible(v.stderr, `"9${SHOWN_QUOTED}"`);
    expect(existsSync(out)).toBe(false);
    const col = files(withColumn());
    const c = await runCli('score', col.csv, '--plan', col.plan, '--out', join(col.dir, 'scored.csv'));
    expect(c.code).toBe(2);
    expectVisible(c.stderr, `si${SHOWN}te`);
  });

  it('uptake: a clinic name, a region cell and a column name of the registry', async () => {
    const dir = tempDir();
    const lines = readFileSync('test/uptake/fixtures/registry-small.csv', 'utf8').split('\n');
    const cells = [lines[0]!, lines[1]!.replace('H001', `H0${HOSTILE}01`), lines[2]!.replace('Hovedstaden', `Hoved${HOSTILE}staden`), ...lines.slice(3)];
    const registry = join(dir, 'registry.csv');
    writeFileSync(registry, cells.join('\n'));
    const args = ['--eligible', 'test/uptake/fixtures/eligible-small.csv', '--plan', 'data/plans/uptake.plan.json'];
    const r = await runCli('uptake', registry, ...args);
    expect(r.code).toBe(2);
    expectVisible(r.stderr, `"H0${SHOWN_QUOTED}01"`);
    expect(r.stderr).toContain(`"Hoved${SHOWN_QUOTED}staden"`);
    const named = join(dir, 'named.csv');
    writeFileSync(named, [lines[0]!.replace('clinic', `cli${HOSTILE}nic`), ...lines.slice(1)].join('\n'));
    const c = await runCli('uptake', named, ...args);
    expect(c.code).toBe(2);
    expectVisible(c.stderr, `cli${SHOWN}nic`);
  });

  it('meta: a study name in the table, a cell value refused', async () => {
    const dir = tempDir();
    const lines = readFileSync('data/published/selfback-studies.csv', 'utf8').split('\n');
    const named = join(dir, 'studies.csv');
    writeFileSync(named, [lines[0]!, lines[1]!.replace('Sandal 2021', `Sandal${HOSTILE} 2021`), ...lines.slice(2)].join('\n'));
    const m = await runCli('meta', named);
    expect(m.code, m.stderr).toBe(0);
    expectVisible(m.stdout, `Sandal${SHOWN} 2021`);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, [lines[0]!, lines[1]!.replace(',-0.79,', `,-0${HOSTILE}.79,`), ...lines.slice(2)].join('\n'));
    const b = await runCli('meta', bad);
    expect(b.code).toBe(2);
    expectVisible(b.stderr, `"-0${SHOWN_QUOTED}.79"`);
  });

  it('--json stays exact: a file name as it is, valid JSON; its text summary shows it visibly', async () => {
    const dir = tempDir();
    const csv = join(dir, 'tr\u202e.csv');
    writeFileSync(csv, TRIAL.join('\n') + '\n');
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify(PLAN));
    const j = await runCli('validate', csv, '--plan', plan, '--json');
    expect(j.code, j.stderr).toBe(0);
    expect((JSON.parse(j.stdout) as { file: string }).file).toBe('tr\u202e.csv');
    const t = await runCli('validate', csv, '--plan', plan);
    expectVisible(t.stdout, 'tr\\u202e.csv: valid');
  });
});
