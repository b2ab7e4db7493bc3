/**
 * What `hta plan init` writes into a draft that is later committed and published: the title names
 * the export as a published page does (a CPR-shaped number in its name masked, no folder), and the
 * `$schema` line is a path that holds on every clone of the draft's project — never one walking
 * out of it to this machine's installation (docs/cli.md "plan init").
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const EXPORT = 'test/fixtures/exports/redcap-long/export.csv';
const inRepo = resolve('test-output', `plan-init-schema-${process.pid}`);
afterAll(() => rmSync(inRepo, { recursive: true, force: true }));

describe('hta plan init: what a committed draft says about this machine', () => {
  it('masks a CPR-shaped number of the export\'s file name in the drafted title, and says so', async () => {
    const dir = join(tempDir(), 'Anna Jensen', 'OneDrive - Region Midtjylland');
    mkdirSync(dir, { recursive: true });
    const csv = join(dir, 'udtræk 0101501234.csv');
    copyFileSync(EXPORT, csv);
    const out = join(dir, 'draft.plan.json');
    const r = await runCli('plan', 'init', csv, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    const plan = JSON.parse(text);
    expect(plan.title).toEqual({ en: 'Trial results: udtræk DDMMYY-XXXX.csv', da: 'Forsøgsresultater: udtræk DDMMYY-XXXX.csv' });
    expect(text).not.toMatch(/0101501234|Anna|OneDrive/);
    expect(r.stderr).toContain("the export's file name holds a personal identity number's shape");
    const da = await runCli('plan', 'init', csv, '--out', join(dir, 'da.plan.json'), '--lang', 'da');
    expect(da.stderr).toContain('eksportens filnavn har et personnummers form');
  });

  it('names an ordinary file as it is, without the note', async () => {
    const out = join(tempDir(), 'plan.json');
    const r = await runCli('plan', 'init', EXPORT, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).title.en).toBe('Trial results: export.csv');
    expect(r.stderr).not.toContain('personal identity number');
  });

  it('writes no "$schema" path out of the draft\'s project (another project, or none), and says how to have one', async () => {
    const project = tempDir();
    writeFileSync(join(project, 'package.json'), '{}\n');
    mkdirSync(join(project, 'plans'));
    for (const out of [join(project, 'plans', 'plan.json'), join(tempDir(), 'plan.json')]) {
      const r = await runCli('plan', 'init', EXPORT, '--out', out);
      expect(r.code, r.stderr).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(JSON.parse(text).$schema).toBeUndefined();
      expect(text).not.toContain('schema.json');
      expect(r.stderr).toContain('hta plan schema > plan.schema.json');
    }
  });

  it('writes the "$schema" path inside the draft\'s project (a fork of hta), which holds on every clone', async () => {
    mkdirSync(join(inRepo, 'plans'), { recursive: true });
    const out = join(inRepo, 'plans', 'plan.json');
    const r = await runCli('plan', 'init', EXPORT, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).$schema).toBe('../../../schemas/plan.schema.json');
    expect(r.stderr).not.toContain('no "$schema" line');
  });
});
