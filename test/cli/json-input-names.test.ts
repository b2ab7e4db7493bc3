/**
 * `--json` is an output one may publish or archive (a CI job keeps it): `validate --json` and
 * `meta --json` name their inputs as `analyze --json` and a report's results.json do — by the last
 * name, a CPR-shaped number in it masked — never by a path of this machine (a home folder can name
 * a person: `Anna Jensen/OneDrive - Region Midtjylland/`). The text on the user's own terminal keeps
 * the path as typed, the number masked (docs/output-safety.md).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';
import { ceaFixture } from '../support/cea-fixture.js';

function userFolder(): string {
  const dir = join(tempDir(), 'Anna Jensen', 'OneDrive - Region Midtjylland');
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('--json names inputs by their last names, masked', () => {
  it('validate --json: a valid export, and an invalid one\'s problems', async () => {
    const dir = userFolder();
    const csv = join(dir, 'udtræk 0101501234.csv');
    copyFileSync('data/synthetic/selfback-trial.csv', csv);
    const plan = join(dir, 'selfback.plan.json');
    copyFileSync('data/plans/selfback.plan.json', plan);
    const v = await runCli('validate', csv, '--plan', plan, '--json');
    expect(v.code, v.stderr).toBe(0);
    expect(JSON.parse(v.stdout).file).toBe('udtræk DDMMYY-XXXX.csv');
    expect(v.stdout).not.toMatch(/Anna|OneDrive|0101501234/);
    const text = await runCli('validate', csv, '--plan', plan);
    expect(text.stdout).not.toContain('0101501234');
    expect(text.stdout).toContain('udtræk DDMMYY-XXXX.csv: valid');

    const bad = join(dir, 'bad 0101501234.csv');
    // The bundled export with one item answer that is no answer (`x`): one problem, with its file.
    const lines = readFileSync('data/synthetic/selfback-trial.csv', 'utf8').split('\n');
    lines[1] = lines[1]!.replace(/^(SB0001,app,baseline,NO,33,M,)1,/, '$1x,');
    writeFileSync(bad, lines.join('\n'));
    const b = await runCli('validate', bad, '--plan', plan, '--json');
    expect(b.code).toBe(2);
    const problems = JSON.parse(b.stdout).problems as { file: string }[];
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p.file).toBe('bad DDMMYY-XXXX.csv');
    expect(b.stdout).not.toMatch(/Anna|OneDrive|0101501234/);
  });

  it('meta --json: the studies sheet and the plan', async () => {
    const dir = userFolder();
    const csv = join(dir, 'studier 0101501234.csv');
    copyFileSync('data/published/selfback-studies.csv', csv);
    const plan = join(dir, 'selfback.plan.json');
    copyFileSync('data/plans/selfback.plan.json', plan);
    const m = await runCli('meta', csv, '--plan', plan, '--json');
    expect(m.code, m.stderr).toBe(0);
    expect(JSON.parse(m.stdout).input).toMatchObject({ file: 'studier DDMMYY-XXXX.csv', plan: 'selfback.plan.json' });
    expect(m.stdout).not.toMatch(/Anna|OneDrive|0101501234/);
  });
});

describe('a cea report\'s results.json names the trial plan by its last name, masked', () => {
  it('a manifest in a person\'s folder, the cea plan naming its trial plan through that folder', async () => {
    const f = ceaFixture();
    const dir = join(f.dir, 'Anna Jensen', 'OneDrive - Region Midt', 'studie');
    mkdirSync(join(dir, 'data'), { recursive: true });
    copyFileSync(f.exportFile, join(dir, 'data', 'udtræk 0101501234.csv'));
    copyFileSync(join(f.dir, 'unit-costs.csv'), join(dir, 'data', 'unit-costs.csv'));
    copyFileSync(join(f.dir, 'trial.plan.json'), join(dir, 'data', 'plan 0101501234.json'));
    const cea = JSON.parse(readFileSync(f.plan, 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'data', 'cea.json'), JSON.stringify({ ...cea, trialPlan: '../../../OneDrive - Region Midt/studie/data/plan 0101501234.json' }));
    writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports: [{ id: 'c', kind: 'cea', out: 'out/c', lang: 'da', data: 'data/udtræk 0101501234.csv', plan: 'data/cea.json', replicates: 100 }] }));
    const out = join(f.dir, 'pub');
    const r = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', out, '--allow-outside');
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'out', 'c', 'results.json'), 'utf8')) as { input: { trialPlan: string } };
    expect(results.input.trialPlan).toBe('plan DDMMYY-XXXX.json');
    for (const file of readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
      expect(readFileSync(join(file.parentPath, file.name), 'utf8'), file.name).not.toMatch(/Anna|OneDrive|0101501234/);
    }
  });
});

/** The bundled export in a person's folder, its ids CPR numbers (`SB0001` → `010369-0001`), one of them written without the hyphen on one row (an appended extract): the file has notes. */
function cprExport(dir: string, name: string): string {
  const lines = readFileSync('data/synthetic/selfback-trial.csv', 'utf8').split('\n').map((l) => l.replace(/^SB(\d{4}),/, '010369-$1,'));
  lines[2] = lines[2]!.replace(/^010369-(\d{4}),/, '010369$1,');
  const csv = join(dir, name);
  writeFileSync(csv, lines.join('\n'));
  return csv;
}

/** No string of `out` names the person's folder or holds the unmasked numbers. */
const LEAK = /Anna|OneDrive|0101501234|0202502345|010369-?00\d\d/;

describe('--json: every string names inputs by their published names (json-names.ts), CPR shapes masked', () => {
  it('validate --json of a CPR-id export: its notes (warnings) name the export by its last name', async () => {
    const dir = userFolder();
    const csv = cprExport(dir, 'udtræk 0101501234.csv');
    const plan = join(dir, 'plan 0101501234.json');
    copyFileSync('data/plans/selfback.plan.json', plan);
    const v = await runCli('validate', csv, '--plan', plan, '--json');
    expect(v.code, v.stderr).toBe(0);
    const warnings = JSON.parse(v.stdout).warnings as string[];
    expect(warnings.some((w) => w.startsWith('udtræk DDMMYY-XXXX.csv: ') && /CPR/.test(w))).toBe(true);
    expect(v.stdout).not.toMatch(LEAK);
    // The same notes on stderr: the path as typed, the number masked (io.ts maskedStderr).
    expect(v.stderr).toContain('udtræk DDMMYY-XXXX.csv: ');
    expect(v.stderr).not.toMatch(/0101501234/);
  });

  it('--exclude-invalid: validate --json and analyze --json name the excluded rows\' file by its last name', async () => {
    const dir = userFolder();
    const csv = cprExport(dir, 'bad 0101501234.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace(/^(010369-0005,)app,/m, '$1banana,'));
    const plan = join(dir, 'plan 0101501234.json');
    copyFileSync('data/plans/selfback.plan.json', plan);
    const v = await runCli('validate', csv, '--plan', plan, '--json', '--exclude-invalid');
    expect(v.code, v.stderr).toBe(0);
    const vj = JSON.parse(v.stdout) as { excluded: { groups: { file: string }[] } };
    expect(vj.excluded.groups.length).toBeGreaterThan(0);
    for (const g of vj.excluded.groups) expect(g.file).toBe('bad DDMMYY-XXXX.csv');
    expect(v.stdout).not.toMatch(LEAK);
    const a = await runCli('analyze', csv, '--plan', plan, '--json', '--exclude-invalid');
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toContain('"file": "bad DDMMYY-XXXX.csv"');
    expect(a.stdout).not.toMatch(LEAK);
    expect(a.stderr).not.toMatch(/0101501234/);
  }, 60_000);

  it('validate --json: a bad cell in the adverse-event listing the plan names gives an error naming the listing by its last name', async () => {
    const dir = userFolder();
    const csv = cprExport(dir, 'udtræk 0101501234.csv');
    const plan = JSON.parse(readFileSync('data/plans/selfback.plan.json', 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'plan-ae.json'), JSON.stringify({ ...plan, adverseEvents: { file: 'ae 0202502345.csv', id: 'id', serious: 'AESER', related: 'AEREL', soc: 'AEBODSYS', term: 'AEDECOD' } }));
    writeFileSync(join(dir, 'ae 0202502345.csv'), ['id,AESER,AEREL,AEBODSYS,AEDECOD', '010369-0001,N,N,Nervous system disorders,Headache', '010369-0002,maybe,N,Nervous system disorders,Headache'].join('\n') + '\n');
    // Given by its full path: the error names the listing resolved beside the plan.
    const v = await runCli('validate', csv, '--plan', join(dir, 'plan-ae.json'), '--json');
    expect(v.code).toBe(2);
    const out = JSON.parse(v.stdout) as { error: string };
    expect(out.error).toMatch(/^ae DDMMYY-XXXX\.csv has 1 problem/);
    expect(v.stdout).not.toMatch(LEAK);
    expect(v.stderr).toContain('ae DDMMYY-XXXX.csv');
    expect(v.stderr).not.toMatch(/0202502345/);
  });
});

describe('--json rewrites paths only', () => {
  it('a plan string with a slash that names no file (a label, a code pair) is written as it is', async () => {
    const { jsonNames } = await import('../../src/cli/json-names.js');
    const dir = tempDir();
    const plan = join(dir, 'plan.json');
    // Also a long description with a slash, longer than a file name may be (no path: not even looked up).
    writeFileSync(plan, JSON.stringify({ outcomes: [{ key: 'med', label: { en: 'Pain medication (Ja/Nej)' } }], unit: 'points/day', note: `${'x'.repeat(300)}/y.json`, adverseEvents: { file: 'ae.csv' } }));
    writeFileSync(join(dir, 'ae.csv'), 'id\n');
    const rewrite = jsonNames([{ path: plan, kind: 'trial-plan' }], dir);
    expect(rewrite('Pain medication (Ja/Nej): 3 points/day')).toBe('Pain medication (Ja/Nej): 3 points/day');
    expect(rewrite(`${join(dir, 'ae.csv')}:2:3: bad`)).toBe('ae.csv:2:3: bad');
  });

  it('a label holding a folder above the inputs or the working folder keeps it ("hospital/home/hospice" run under /home)', async () => {
    const { jsonNames } = await import('../../src/cli/json-names.js');
    const rewrite = (cwd: string) => jsonNames([{ path: join(cwd, 'reg.csv') }], cwd);
    const label = 'Discharged to hospital/home/hospice; fall at home/work/scratch site';
    // The same text from any working folder: under /home and /work the folders were cut out of the words.
    for (const cwd of ['/home/anna', '/work/wt/scratch/rv', '/srv/data']) expect(rewrite(cwd)(label)).toBe(label);
    // A path that begins with such a folder still loses it, at the start, after a space, a quote or a bracket.
    const r = rewrite('/home/anna/study');
    expect(r('/home/anna/other.csv: cannot read')).toBe('other.csv: cannot read');
    expect(r('cannot read "/home/anna/study/old/x.csv" (/home/bo/y.csv)')).toBe('cannot read "old/x.csv" (bo/y.csv)');

    // End to end: analyze --json of the bundled registry, its outcome label holding the first
    // folder of the inputs' path (/tmp/ under a temporary folder there).
    const dir = tempDir();
    const first = `/${dir.split('/')[1]}`;
    const plan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as { outcomes: { label: { en: string } }[] };
    plan.outcomes[0]!.label.en = `Discharged to hospital${first}/hospice`;
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    copyFileSync('data/synthetic/registry-outcomes.csv', join(dir, 'registry.csv'));
    const run = await runCli('analyze', join(dir, 'registry.csv'), '--plan', join(dir, 'plan.json'), '--json');
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { analyses: { outcome: string; label: string }[] };
    expect(out.analyses.find((a) => a.outcome === 'rmdq')!.label).toBe(`Discharged to hospital${first}/hospice`);
  });
});
