/**
 * `hta report --check` in CI: a missing input is named with the manifest entry (report id and
 * field) that names it, every entry at once; an input changed since the pages were written is
 * named (each folder's index records its report's inputs with their SHA-256), not only "stale"
 * (docs/manifest.md "--check").
 */
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORT_INDEX } from '../../src/report/build-reports.js';
import { runCli, tempDir } from '../support/run-cli.js';

/** A manifest of an English and a Danish meta-analysis page of one studies sheet, and a plan. */
function workspace() {
  const dir = tempDir();
  mkdirSync(join(dir, 'data', 'plans'), { recursive: true });
  copyFileSync('data/published/selfback-studies.csv', join(dir, 'data', 'studies.csv'));
  copyFileSync('data/plans/selfback.plan.json', join(dir, 'data', 'plans', 'p.json'));
  const manifest = join(dir, 'data', 'reports.json');
  writeFileSync(manifest, JSON.stringify({ reports: [
    { id: 'meta', kind: 'meta', out: 'meta', lang: 'en', data: 'studies.csv', plan: 'plans/p.json', preset: 'metafor' },
    { id: 'meta-da', kind: 'meta', out: 'meta-da', lang: 'da', data: 'studies.csv', plan: 'plans/p.json' },
  ] }));
  return { dir, manifest, out: join(dir, 'reports'), studies: join(dir, 'data', 'studies.csv'), plan: join(dir, 'data', 'plans', 'p.json') };
}

type Workspace = ReturnType<typeof workspace>;

// The runs here use the chart cache (the test run's own, vitest.config.ts): what is tested is which
// inputs are named, and the pages' charts, the same in most runs, were drawn afresh in each of ~20
// runs with --no-cache (that the cache gives the same bytes: test/report/report-cli.test.ts).

/** The workspace with its pages written once (`hta report`), for the tests that start from them. */
let built: Workspace & { made: { code: number; stderr: string } };

/**
 * A copy of that built workspace for a test to change (nothing in it names its folder: the inputs
 * are read, and recorded, relative to the manifest): one build instead of one per test.
 */
function builtCopy(): Workspace {
  expect(built.made.code, built.made.stderr).toBe(0);
  const dir = tempDir();
  cpSync(built.dir, dir, { recursive: true });
  const at = (p: string) => join(dir, p.slice(built.dir.length + 1));
  return { dir, manifest: at(built.manifest), out: at(built.out), studies: at(built.studies), plan: at(built.plan) };
}

describe('hta report --check names the input', () => {
  beforeAll(async () => {
    const w = workspace();
    built = { ...w, made: await runCli('report', '--manifest', w.manifest, '--out', w.out) };
  }, 60_000);

  it('a changed input: which file, and which reports were made from the earlier one', async () => {
    const w = builtCopy();
    const index = JSON.parse(readFileSync(join(w.out, 'meta', REPORT_INDEX), 'utf8')) as { inputs: Record<string, string> };
    // Keyed as the manifest names them (its folder's paths), not as this machine's absolute paths.
    expect(Object.keys(index.inputs)).toEqual(['data: studies.csv', 'plan/valueSet: dk-5l-2021.json', 'plan: p.json']);
    const fresh = await runCli('report', '--check', '--manifest', w.manifest, '--out', w.out);
    expect(fresh.code, fresh.stdout).toBe(0);
    // The studies sheet with one effect mended: the pages change, and the changed input is named.
    writeFileSync(w.studies, readFileSync(w.studies, 'utf8').replace(',MD,-0.79,-1.51,', ',MD,-0.81,-1.51,'));
    const r = await runCli('report', '--check', '--manifest', w.manifest, '--out', w.out);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain(`input changed: ${w.studies} — changed since the pages of report "meta" (its data), report "meta-da" (its data) were written`);
    expect(r.stdout).toMatch(/stale: .*meta\/index\.html/);
    expect(r.stdout).not.toContain('p.json');
  });

  it('a changed input read by several reports: named with those whose pages are out of date only', async () => {
    const w = workspace();
    // A second report of its own studies sheet, with the same plan.
    copyFileSync(w.studies, join(w.dir, 'data', 'studies-b.csv'));
    const m = JSON.parse(readFileSync(w.manifest, 'utf8')) as { reports: Record<string, string>[] };
    m.reports[1]!.data = 'studies-b.csv';
    writeFileSync(w.manifest, JSON.stringify(m));
    expect((await runCli('report', '--manifest', w.manifest, '--out', w.out)).code).toBe(0);
    // The plan re-saved (its pages stay the same), and report "meta"'s own sheet mended (its pages change).
    writeFileSync(w.plan, `${readFileSync(w.plan, 'utf8')}\n`);
    writeFileSync(w.studies, readFileSync(w.studies, 'utf8').replace(',MD,-0.79,-1.51,', ',MD,-0.81,-1.51,'));
    const r = await runCli('report', '--check', '--manifest', w.manifest, '--out', w.out);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/stale: .*\/meta\/index\.html/);
    expect(r.stdout).not.toMatch(/stale: .*meta-da/);
    expect(r.stdout).toContain(`input changed: ${w.plan} — changed since the pages of report "meta" (its plan) were written; report "meta-da", which reads it too, is up to date\n`);
  });

  it('an input whose bytes changed but whose pages are the same (CRLF, a trailing newline) is no failure', async () => {
    const w = builtCopy();
    const indexBefore = readFileSync(join(w.out, 'meta', REPORT_INDEX), 'utf8');
    // A Windows checkout (core.autocrlf) of the sheet and the plan, and a trailing newline more.
    writeFileSync(w.studies, readFileSync(w.studies, 'utf8').replace(/\r?\n/g, '\r\n'));
    writeFileSync(w.plan, `${readFileSync(w.plan, 'utf8')}\n`);
    const r = await runCli('report', '--check', '--manifest', w.manifest, '--out', w.out);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('reports are up to date');
    expect(r.stdout).not.toMatch(/input changed|stale/);
    // Nor does a run rewrite the committed index.
    const again = await runCli('report', '--manifest', w.manifest, '--out', w.out);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(' 0 written');
    expect(readFileSync(join(w.out, 'meta', REPORT_INDEX), 'utf8')).toBe(indexBefore);
  });

  it('an entry repointed at another file: the new input and the one no longer read are both named', async () => {
    const w = builtCopy();
    const other = join(w.dir, 'data', 'studies2.csv');
    writeFileSync(other, readFileSync(w.studies, 'utf8').replace(',MD,-0.79,-1.51,', ',MD,-0.81,-1.51,'));
    const m = JSON.parse(readFileSync(w.manifest, 'utf8')) as { reports: { data: string }[] };
    m.reports[0]!.data = 'studies2.csv';
    writeFileSync(w.manifest, JSON.stringify(m));
    const r = await runCli('report', '--check', '--manifest', w.manifest, '--out', w.out);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain(`input new: ${other} — read by report "meta" (its data), which did not read it when its pages were written`);
    expect(r.stdout).toContain('input no longer read: studies.csv (its data) — read when the pages of report "meta" were written, no longer');
  });

  it('a missing input: every entry and field naming it, and the path; exit 2, nothing written', async () => {
    const w = workspace();
    rmSync(w.studies);
    const r = await runCli('report', '--check', '--manifest', w.manifest, '--out', w.out);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/    at /);
    expect(r.stderr).toContain(`the data of report "meta", the data of report "meta-da" ${w.studies} — the file does not exist`);
    // A text setting ("preset": "metafor") is no file: not named as a missing input.
    expect(r.stderr).not.toContain('metafor');
    rmSync(w.plan);
    const both = await runCli('report', '--manifest', w.manifest, '--out', w.out);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(`2 inputs of ${w.manifest} cannot be read`);
    expect(both.stderr).toContain(`the plan of report "meta", the plan of report "meta-da" ${w.plan} — the file does not exist`);
  });
});

describe('hta report --check names a missing file a plan names', () => {
  it('with its plan, field and report, together with the missing files the entries name', async () => {
    const dir = tempDir();
    for (const d of ['plans', 'published']) cpSync(join('data', d), join(dir, 'data', d), { recursive: true });
    mkdirSync(join(dir, 'data', 'synthetic'));
    writeFileSync(join(dir, 'data', 'synthetic', 'eligible.csv'), 'id\n');
    const manifest = join(dir, 'data', 'reports.json');
    writeFileSync(manifest, JSON.stringify({ reports: [
      { id: 'cea', kind: 'cea', out: 'cea', lang: 'en', data: 'synthetic/selfback-trial.csv', plan: 'plans/selfback.cea.json', replicates: 100, synthetic: true },
      { id: 'cea-da', kind: 'cea', out: 'cea-da', lang: 'da', data: 'synthetic/selfback-trial.csv', plan: 'plans/selfback.cea.json', replicates: 100, synthetic: true },
    ] }));
    const plan = join(dir, 'data', 'plans', 'selfback.cea.json');
    const costs = join(dir, 'data', 'plans', 'selfback.unit-costs.csv');
    rmSync(costs);
    const trial = join(dir, 'data', 'synthetic', 'selfback-trial.csv');
    const r = await runCli('report', '--check', '--manifest', manifest, '--out', join(dir, 'reports'));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(/    at /);
    // Both at once: the entry's data and the plan's unit costs, each with who names it.
    expect(r.stderr).toContain(`2 inputs of ${manifest} cannot be read`);
    expect(r.stderr).toContain(`the data of report "cea", the data of report "cea-da" ${trial} — the file does not exist`);
    expect(r.stderr).toContain(`${plan}'s "unitCosts" (report "cea"), ${plan}'s "unitCosts" (report "cea-da") ${costs} — the file does not exist`);
  });
});

describe('inputs that are symbolic links', () => {
  it('are recorded, and named when the file they point to changes', async () => {
    const w = workspace();
    // The studies sheet kept elsewhere in the folder, the manifest naming a link to it.
    mkdirSync(join(w.dir, 'data', 'real'));
    const real = join(w.dir, 'data', 'real', 'studies.csv');
    copyFileSync(w.studies, real);
    rmSync(w.studies);
    symlinkSync(join('real', 'studies.csv'), w.studies);
    expect((await runCli('report', '--manifest', w.manifest, '--out', w.out)).code).toBe(0);
    const index = JSON.parse(readFileSync(join(w.out, 'meta', REPORT_INDEX), 'utf8')) as { inputs: Record<string, string> };
    expect(Object.keys(index.inputs)).toEqual(['data: studies.csv', 'plan/valueSet: dk-5l-2021.json', 'plan: p.json']);
    writeFileSync(real, readFileSync(real, 'utf8').replace(',MD,-0.79,-1.51,', ',MD,-0.81,-1.51,'));
    const r = await runCli('report', '--check', '--manifest', w.manifest, '--out', w.out);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain(`input changed: ${w.studies} — changed since`);
  });
});

describe('the index published with each report folder', () => {
  /** The workspace's manifest and inputs moved under a person's folder, the studies sheet named with a CPR-shaped number. */
  function personsFolder() {
    const dir = tempDir();
    const inputs = join(dir, 'Anna Jensen', 'OneDrive - Region Midtjylland');
    mkdirSync(inputs, { recursive: true });
    copyFileSync('data/published/selfback-studies.csv', join(inputs, 'studier 0101501234.csv'));
    copyFileSync('data/plans/selfback.plan.json', join(inputs, 'selfback.plan.json'));
    const manifest = join(dir, 'm.json');
    writeFileSync(manifest, JSON.stringify({ reports: [{ id: 'meta', kind: 'meta', out: 'meta', lang: 'en', data: 'Anna Jensen/OneDrive - Region Midtjylland/studier 0101501234.csv', plan: 'Anna Jensen/OneDrive - Region Midtjylland/selfback.plan.json' }] }));
    return { dir, manifest, out: join(dir, 'udgivet'), studies: join(inputs, 'studier 0101501234.csv') };
  }

  it('names no folder and no CPR-shaped number: inputs by role and masked last name, and --check still names a changed one', async () => {
    const w = personsFolder();
    const made = await runCli('report', '--manifest', w.manifest, '--out', w.out);
    expect(made.code, made.stderr).toBe(0);
    const index = JSON.parse(readFileSync(join(w.out, 'meta', REPORT_INDEX), 'utf8')) as { inputs: Record<string, string> };
    expect(Object.keys(index.inputs)).toEqual(['data: studier DDMMYY-XXXX.csv', 'plan/valueSet: dk-5l-2021.json', 'plan: selfback.plan.json']);
    for (const name of readdirSync(join(w.out, 'meta'))) {
      const text = readFileSync(join(w.out, 'meta', name)).toString('latin1');
      expect(text, name).not.toMatch(/Anna|Jensen|OneDrive|Midtjylland|0101501234/);
    }
    writeFileSync(w.studies, readFileSync(w.studies, 'utf8').replace(',MD,-0.79,-1.51,', ',MD,-0.81,-1.51,'));
    const r = await runCli('report', '--check', '--manifest', w.manifest, '--out', w.out);
    expect(r.code, r.stderr).toBe(1);
    // On the maintainer's own terminal the path is named as the manifest reads it, the number masked.
    expect(r.stdout).toMatch(/input changed: .*studier DDMMYY-XXXX\.csv — changed since the pages of report "meta" \(its data\) were written/);
  });

  it('an index written before roles (keyed by paths) still names the changed input, and the next run rewrites it without paths', async () => {
    const w = workspace();
    expect((await runCli('report', '--manifest', w.manifest, '--out', w.out)).code).toBe(0);
    const file = join(w.out, 'meta', REPORT_INDEX);
    const index = JSON.parse(readFileSync(file, 'utf8')) as { inputs: Record<string, string> };
    const old = { ...index, inputs: { 'plans/p.json': index.inputs['plan: p.json'], 'studies.csv': index.inputs['data: studies.csv'] } };
    writeFileSync(file, JSON.stringify(old, null, 2) + '\n');
    const stale = await runCli('report', '--check', '--manifest', w.manifest, '--out', w.out);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain(`stale: ${file}`);
    // Said why, so that CI failing after an upgrade is not a bare "stale".
    expect(stale.stdout).toContain('written by an earlier hta, which named its inputs by their paths: regenerate once to name them by role and last name');
    expect(stale.stdout).not.toContain('input ');
    writeFileSync(w.studies, readFileSync(w.studies, 'utf8').replace(',MD,-0.79,-1.51,', ',MD,-0.81,-1.51,'));
    const changed = await runCli('report', '--check', '--manifest', w.manifest, '--out', w.out);
    expect(changed.stdout).toContain(`input changed: ${w.studies} — changed since the pages of report "meta" (its data)`);
    expect((await runCli('report', '--manifest', w.manifest, '--out', w.out)).code).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).inputs)).toEqual(['data: studies.csv', 'plan/valueSet: dk-5l-2021.json', 'plan: p.json']);
  });
});

describe('pages that differ only in their regenerate command', () => {
  it('are the same from every folder hta report runs in; written with other options, --check says only the command differs', async () => {
    const w = workspace();
    expect((await runCli('report', '--manifest', w.manifest, '--out', w.out)).code).toBe(0);
    const page = readFileSync(join(w.out, 'meta', 'README.md'), 'utf8');
    // data/reports.json into reports/ beside data/: `hta report`, wherever it was run from.
    expect(page).toContain('Regenerate with `hta report`.');
    const cwd = process.cwd();
    try {
      process.chdir(join(w.dir, 'data'));
      const fromData = await runCli('report', '--check', '--manifest', 'reports.json', '--out', '../reports');
      expect(fromData.code, fromData.stdout).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    // The English report written with --lang en (its own language): nothing on its pages but the command changes.
    expect((await runCli('report', '--manifest', w.manifest, '--out', w.out, '--lang', 'en', '--only', 'meta')).code).toBe(0);
    const r = await runCli('report', '--check', '--manifest', w.manifest, '--out', w.out, '--only', 'meta');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`stale: ${join(w.out, 'meta', 'README.md')} (report "meta"; only its regenerate command differs: \`hta report --lang en\`)`);
    expect(r.stdout).toContain(`stale: ${join(w.out, 'meta', 'index.html')} (report "meta"; only its regenerate command differs: \`hta report --lang en\`)`);
    expect(r.stdout).toContain(`stale: ${join(w.out, 'meta', REPORT_INDEX)} (report "meta"; it differs only in the SHA-256 of the pages below)`);
    expect(r.stdout).toContain('3 of these file(s) differ only in the regenerate command their pages name: they were written by `hta report --lang en`, this check would write `hta report`');
  });
});
