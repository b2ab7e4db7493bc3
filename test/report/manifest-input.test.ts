import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatError, type HtaError } from '../../src/errors.js';
import { describe, expect, it } from 'vitest';
import { manifestInput } from '../../src/report/manifest.js';
import { runCli, tempDir } from '../support/run-cli.js';

describe('manifest inputs stay in the manifest folder', () => {
  const root = tempDir();
  const folder = join(root, 'reports');
  mkdirSync(join(folder, 'data'), { recursive: true });
  writeFileSync(join(root, 'secret.csv'), 'password-line\n');
  writeFileSync(join(folder, 'data', 'trial.csv'), 'id\n');
  symlinkSync(join(root, 'secret.csv'), join(folder, 'data', 'link.csv'));
  const manifest = join(folder, 'reports.json');

  it('reads paths inside the folder, relative to the manifest', () => {
    expect(manifestInput(manifest, 'x', 'data/trial.csv')).toBe(join(folder, 'data', 'trial.csv'));
    expect(manifestInput(manifest, 'x', 'data/../data/trial.csv')).toBe(join(folder, 'data', 'trial.csv'));
  });
  it('refuses .., absolute paths and links leading out, unless allowed', () => {
    expect(() => manifestInput(manifest, 'x', '../secret.csv')).toThrow(/outside the manifest's folder/);
    expect(() => manifestInput(manifest, 'x', join(root, 'secret.csv'))).toThrow(/outside/);
    expect(() => manifestInput(manifest, 'x', 'data/link.csv')).toThrow(/outside/);
    expect(manifestInput(manifest, 'x', '../secret.csv', true)).toBe(join(root, 'secret.csv'));
    // An absolute path inside the folder is refused too, and the message says so (not "inside … (an absolute path)").
    try {
      manifestInput(manifest, 'x', join(folder, 'data', 'trial.csv'));
      expect.unreachable();
    } catch (err) {
      expect((err as HtaError).problems[0]!.expected).toContain("an absolute path is not read, even one inside that folder: write it relative to the manifest");
    }
  });
  it("a trial plan's target sample outside the folder is named in the plan, at its line:column, as written", () => {
    const plans = join(folder, 'plans');
    mkdirSync(plans, { recursive: true });
    const plan = join(plans, 'ts.plan.json');
    writeFileSync(plan, '{\n  "population": {\n    "targetSample": { "file": "../../Mine data/mine.csv" }\n  }\n}\n');
    let err: HtaError | undefined;
    try {
      manifestInput(manifest, 'a', join('plans', '../../Mine data/mine.csv'), false, { file: plan, field: 'population.targetSample.file', value: '../../Mine data/mine.csv' });
    } catch (e) {
      err = e as HtaError;
    }
    expect(err?.message).toBe(`${manifest}: report "a": ${plan} names a file outside the manifest's folder`);
    expect(formatError(err!)).toContain(`${plan}:3:31 (population.targetSample.file): "../../Mine data/mine.csv" — expected a file inside the manifest's folder (${folder}), as every input of report "a" of ${manifest} must be; this one leads out of it with ".." (it is ../Mine data/mine.csv from the manifest's folder) — or pass --allow-outside to read it anyway`);
  });
  it('says a link leads out in words (not "…stays inside it; a link that leads out of it")', () => {
    expect(() => manifestInput(manifest, 'x', 'data/link.csv')).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ expected: expect.stringContaining('that stays inside it; this one leads out of it through a symbolic link — or pass --allow-outside') })] }));
  });
  it('hta report exits 2 without reading or quoting the outside file', async () => {
    writeFileSync(manifest, JSON.stringify({ reports: [{ id: 't', kind: 'trial', out: 't', data: '../secret.csv', plan: 'plan.json' }] }));
    const r = await runCli('report', '--manifest', manifest, '--out', join(root, 'out'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pass --allow-outside/);
    expect(r.stderr).not.toMatch(/password-line/);
  });
  it('every input of the manifest outside its folder is named at once, each with its line:column, before any report is read', async () => {
    writeFileSync(manifest, '{ "reports": [\n { "id": "u", "kind": "uptake", "out": "u",\n   "registry": "../secret.csv",\n   "eligible": "data/trial.csv",\n   "plan": "../p.json",\n   "previous": ["data/trial.csv", "../old.json"] }\n]}\n');
    const r = await runCli('report', '--manifest', manifest, '--out', join(root, 'out'), '--check');
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`error: ${manifest}: 3 input(s) outside the manifest's folder`);
    expect(lines.slice(1).map((l) => /^ {2}(\S+ \([^)]*\)): "([^"]*)"/.exec(l)?.slice(1, 3))).toEqual([
      [`${manifest}:3:16 (reports.0.registry)`, '../secret.csv'],
      [`${manifest}:5:12 (reports.0.plan)`, '../p.json'],
      [`${manifest}:6:35 (reports.0.previous.1)`, '../old.json'],
    ]);
    expect(r.stderr).not.toMatch(/password-line/);
  });
  it('a cost-effectiveness plan cannot make a report read a file outside the folder either (its unit costs, trial plan, published figures)', async () => {
    const plans = join(folder, 'plans');
    mkdirSync(plans, { recursive: true });
    const bundled = JSON.parse(readFileSync('data/plans/selfback.cea.json', 'utf8')) as Record<string, unknown>;
    for (const [field, value] of [['unitCosts', '../../secret.csv'], ['published', '../../secret.csv'], ['trialPlan', join(root, 'secret.csv')]] as const) {
      writeFileSync(join(plans, 'cea.json'), JSON.stringify({ ...bundled, $schema: undefined, [field]: value }));
      writeFileSync(manifest, JSON.stringify({ reports: [{ id: 'c', kind: 'cea', out: 'c', data: 'data/trial.csv', plan: 'plans/cea.json' }] }));
      const r = await runCli('report', '--manifest', manifest, '--out', join(root, 'out'));
      expect(r.code, field).toBe(2);
      // The plan, its field, line:column and the value as the plan writes it.
      expect(r.stderr, field).toContain(`report "c": ${join(plans, 'cea.json')} names a file outside the manifest's folder`);
      const escaped = (t: string) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      expect(r.stderr, field).toMatch(new RegExp(`cea\\.json:1:\\d+ \\(${field}\\): ${escaped(JSON.stringify(value))} — expected a file inside the manifest's folder`));
      expect(r.stderr).not.toMatch(/password-line/);
    }
  });
  it('an entry with a missing or misspelt field says what is required, never "received undefined"', async () => {
    writeFileSync(manifest, JSON.stringify({ reports: [{ id: 't', kind: 'trial', out: 't', plan: 'plan.json', characteristics: [{ colum: 'age' }] }] }));
    const r = await runCli('report', '--manifest', manifest, '--out', join(root, 'out'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\(reports\.0\.data\): — expected "data" is required/);
    expect(r.stderr).toMatch(/"colum" — expected no key "colum" here \(known keys: column, label, levelLabels\); did you mean "column"\?/);
    expect(r.stderr).not.toMatch(/received undefined/);
  });
});
