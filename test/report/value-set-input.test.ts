/**
 * The EQ-5D value set a plan's outcome resolves to is an input of its reports: `hta report`
 * records its SHA-256 in the report folder's index, so that `--check` names an edited value set
 * as the input that changed (a fork of hta's repository that edits `data/valuesets/` saw its EQ-5D
 * pages go stale with no input named). And a `valuesets/` folder beside the manifest holding
 * another version of the set than the one hta reads is said on stderr: an installed hta reads
 * only its own (docs/manifest.md, "EQ-5D value sets").
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_INDEX } from '../../src/report/build-reports.js';
import { VALUE_SET_DIR } from '../../src/instruments/valueset.js';
import { copyOfSharedClosure } from '../support/built-closure.js';
import { runCli, tempDir } from '../support/run-cli.js';
import { selfbackTrialHead } from '../support/selfback-head.js';

const SET = 'dk-5l-2021';
/** The Danish 5L set with one decrement changed (mobility level 2: 0.041 → 0.141), as a fork might edit it. */
const edited = (text: string) => text.replace('"mo": [0, 0.041,', '"mo": [0, 0.141,');

/** A manifest of one meta-analysis page whose trial plan has an EQ-5D-5L outcome (value set dk-5l-2021). */
function metaWorkspace() {
  const dir = tempDir();
  mkdirSync(join(dir, 'data', 'plans'), { recursive: true });
  copyFileSync('data/published/selfback-studies.csv', join(dir, 'data', 'studies.csv'));
  copyFileSync('data/plans/selfback.plan.json', join(dir, 'data', 'plans', 'p.json'));
  const manifest = join(dir, 'data', 'reports.json');
  writeFileSync(manifest, JSON.stringify({ reports: [{ id: 'meta', kind: 'meta', out: 'meta', lang: 'en', data: 'studies.csv', plan: 'plans/p.json' }] }));
  return { dir, manifest, out: join(dir, 'reports') };
}

// The runs use the test run's chart cache (vitest.config.ts): the charts a run shares with an
// earlier one are not drawn again; which inputs are named is what is tested.
describe('the value set a report reads is recorded as its input', () => {
  it('under its plan\'s role and its file name, with its SHA-256', async () => {
    const w = metaWorkspace();
    const made = await runCli('report', '--manifest', w.manifest, '--out', w.out);
    expect(made.code, made.stderr).toBe(0);
    const index = JSON.parse(readFileSync(join(w.out, 'meta', REPORT_INDEX), 'utf8')) as { inputs: Record<string, string> };
    expect(Object.keys(index.inputs)).toEqual(['data: studies.csv', `plan/valueSet: ${SET}.json`, 'plan: p.json']);
    expect(index.inputs[`plan/valueSet: ${SET}.json`]).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('a valuesets/ folder beside the manifest', () => {
  it('with another version of the set read: said on stderr, naming both files; the same set: nothing said', async () => {
    const w = metaWorkspace();
    mkdirSync(join(w.dir, 'data', 'valuesets'));
    const beside = join(w.dir, 'data', 'valuesets', `${SET}.json`);
    copyFileSync(join(VALUE_SET_DIR, `${SET}.json`), beside);
    const same = await runCli('report', '--manifest', w.manifest, '--out', w.out);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).not.toContain('value set');
    writeFileSync(beside, edited(readFileSync(beside, 'utf8')));
    const r = await runCli('report', '--check', '--manifest', w.manifest, '--out', w.out);
    // The pages are hta's value set's: up to date; the note says which file was read, and which not.
    expect(r.code, r.stdout).toBe(0);
    expect(r.stderr).toContain(`note: report "meta" reads the EQ-5D value set ${SET} from this hta (${join(VALUE_SET_DIR, `${SET}.json`)}), not from ${beside} beside the manifest, which differs`);
  });
});

describe.skipIf(process.platform === 'win32')('a fork of hta whose value set was edited', () => {
  const closures: string[] = [];
  afterAll(() => {
    for (const d of closures) rmSync(d, { recursive: true, force: true });
  });

  it('--check names the value set as the input that changed since the EQ-5D pages were written', { timeout: 180_000 }, async () => {
    // The CLI built with a data/ folder of its own (the fork's), every part but valuesets/ the repository's.
    const built = copyOfSharedClosure();
    closures.push(built.dir);
    const data = join(built.dir, 'data');
    rmSync(data);
    mkdirSync(data);
    for (const name of readdirSync('data')) {
      if (name === 'valuesets') cpSync(join('data', name), join(data, name), { recursive: true });
      else symlinkSync(resolve('data', name), join(data, name));
    }
    const script = join(built.dir, 'hta.mjs');
    writeFileSync(script, `import { main } from ${JSON.stringify(built.url('src/cli/main.ts'))};\nprocess.exitCode = await main(process.argv.slice(2));\n`);
    const dir = tempDir();
    // The first 40 patients of the synthetic trial: enough for its EQ-5D pages, a fraction of a whole report's work.
    writeFileSync(join(dir, 'trial.csv'), selfbackTrialHead(40));
    copyFileSync('data/plans/selfback.plan.json', join(dir, 'p.json'));
    const manifest = join(dir, 'reports.json');
    writeFileSync(manifest, JSON.stringify({ reports: [{ id: 'trial', kind: 'trial', out: 'trial', lang: 'en', data: 'trial.csv', plan: 'p.json' }] }));
    const hta = (...args: string[]) => spawnSync(process.execPath, [script, 'report', '--manifest', manifest, '--out', join(dir, 'reports'), ...args], { encoding: 'utf8' });
    // The pages as the fork writes them before its edit: its value set is still the repository's
    // bytes, so this hta writes the same pages and index in process (one spawned fork run fewer);
    // the fork's own run is the --check after the edit.
    const made = await runCli('report', '--manifest', manifest, '--out', join(dir, 'reports'));
    expect(made.code, made.stderr).toBe(0);
    const set = join(data, 'valuesets', `${SET}.json`);
    writeFileSync(set, edited(readFileSync(set, 'utf8')));
    const r = hta('--check');
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/stale: .*trial\/index\.html/);
    // Named from the current folder, as a fork's maintainer would type it (the fork's data/valuesets/…).
    expect(r.stdout).toContain(`input changed: ${relative(process.cwd(), set)} — changed since the pages of report "trial" (the EQ-5D value set of its plan) were written`);
  });
});
