/**
 * Every file an input names, at any depth, is an input (docs/output-safety.md, "Inputs are never
 * outputs"): a CEA plan's trial plan, unit costs, published figures and uptake plan, a trial
 * plan's target sample. None is ever written over, `--force` or not, and a report folder that
 * holds one is refused.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputFiles } from '../../src/io/input-files.js';
import { REPORT_KINDS } from '../../src/report/kinds/report-kinds.js';
import { ceaFixture } from '../support/cea-fixture.js';
import { runCli, tempDir } from '../support/run-cli.js';

const SUBGROUPS = 'test/fixtures/subgroups';
const UPTAKE_PLAN = readFileSync('data/plans/uptake.plan.json', 'utf8');

function editJson(file: string, change: (j: Record<string, unknown>) => void): void {
  const j = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(j);
  writeFileSync(file, JSON.stringify(j));
}

/** The subgroup fixture (a trial plan whose population.targetSample.file is target-sample.csv) in a folder of its own. */
function subgroupWorkspace() {
  const dir = tempDir();
  for (const f of ['plan.json', 'trial.csv', 'target-sample.csv']) copyFileSync(join(SUBGROUPS, f), join(dir, f));
  return { dir, plan: join(dir, 'plan.json'), csv: join(dir, 'trial.csv'), sample: join(dir, 'target-sample.csv') };
}

describe('the files an input names', () => {
  it('trial plan: its target sample', () => {
    const w = subgroupWorkspace();
    expect(inputFiles([{ option: '--plan', path: w.plan, kind: 'trial-plan' }])).toEqual([
      { option: '--plan', path: w.plan },
      { option: `${w.plan}'s "population.targetSample.file"`, path: w.sample },
    ]);
  });

  it('trial plan: its listing of adverse events', () => {
    const w = subgroupWorkspace();
    editJson(w.plan, (j) => (j.adverseEvents = { file: 'ae.csv' }));
    expect(inputFiles([{ option: '--plan', path: w.plan, kind: 'trial-plan' }])).toEqual([
      { option: '--plan', path: w.plan },
      { option: `${w.plan}'s "population.targetSample.file"`, path: w.sample },
      { option: `${w.plan}'s "adverseEvents.file"`, path: join(w.dir, 'ae.csv') },
    ]);
  });

  it('cost-effectiveness plan: trial plan, unit costs, published figures, uptake plan, and the trial plan\'s own files', () => {
    const f = ceaFixture({ planExtra: { published: 'pub/figures.json', interventionCost: { uptakePlan: '/abs/uptake.json', nationalVolume: 100 } } });
    editJson(join(f.dir, 'trial.plan.json'), (j) => (j.population = { targetSample: { file: 'sample.csv' } }));
    expect(inputFiles([{ option: '--plan', path: f.plan, kind: 'cea-plan' }]).map((i) => i.path)).toEqual([
      f.plan, join(f.dir, 'trial.plan.json'), join(f.dir, 'sample.csv'), join(f.dir, 'unit-costs.csv'), join(f.dir, 'pub/figures.json'), '/abs/uptake.json',
    ]);
  });

  it('an uptake plan, a plain file, and a plan that cannot be read name nothing more', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), '{ "trialPlan": ');
    expect(inputFiles([
      { option: '--plan', path: 'data/plans/uptake.plan.json', kind: 'uptake-plan' },
      { option: '<csv>', path: join(dir, 'x.csv'), kind: 'file' },
      { option: '--plan', path: join(dir, 'bad.json'), kind: 'cea-plan' },
      { option: '--plan', path: join(dir, 'missing.json'), kind: 'cea-plan' },
      undefined,
    ]).map((i) => i.path)).toEqual(['data/plans/uptake.plan.json', join(dir, 'x.csv'), join(dir, 'bad.json'), join(dir, 'missing.json')]);
  });

  it('every report kind whose entry names a plan says which kind of plan', () => {
    for (const [name, kind] of Object.entries(REPORT_KINDS)) {
      const shape = (kind.entrySchema as unknown as { shape: Record<string, unknown> }).shape;
      if ('plan' in shape) expect(kind.inputKinds.plan, name).toMatch(/-plan$/);
    }
  });
});

describe('hta cea never writes over a file its plan names, --force or not', () => {
  const refused = async (f: ReturnType<typeof ceaFixture>, file: string, field: string) => {
    const before = readFileSync(join(f.dir, file));
    const r = await runCli('cea', f.exportFile, '--plan', f.plan, '--out-dir', f.dir, '--force');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`is the same file as ${f.plan}'s "${field}" ${join(f.dir, file)}`);
    expect(readFileSync(join(f.dir, file)).equals(before)).toBe(true);
  };

  it('unitCosts', async () => {
    const f = ceaFixture({ planExtra: { unitCosts: 'costs-by-category.csv' } });
    copyFileSync(join(f.dir, 'unit-costs.csv'), join(f.dir, 'costs-by-category.csv'));
    await refused(f, 'costs-by-category.csv', 'unitCosts');
  });

  it('published', async () => {
    const f = ceaFixture({ planExtra: { published: 'results.json' } });
    writeFileSync(join(f.dir, 'results.json'), '{}');
    await refused(f, 'results.json', 'published');
  });

  it('interventionCost.uptakePlan', async () => {
    const f = ceaFixture({ planExtra: { interventionCost: { uptakePlan: 'results.json', nationalVolume: 1000, rate: 0.13 } } });
    writeFileSync(join(f.dir, 'results.json'), UPTAKE_PLAN);
    await refused(f, 'results.json', 'interventionCost.uptakePlan');
  });
});

describe('a trial plan\'s target sample is an input of every command that reads the plan', () => {
  it('score --out onto it is refused with --force; the sample is kept', async () => {
    const w = subgroupWorkspace();
    const before = readFileSync(w.sample);
    const r = await runCli('score', w.csv, '--plan', w.plan, '--out', w.sample, '--force');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('"population.targetSample.file"');
    expect(readFileSync(w.sample).equals(before)).toBe(true);
  });
});

describe('hta report: a report folder holding a file a plan names is refused, nothing written', () => {
  it('a CEA plan\'s unit costs inside the cea report\'s folder', async () => {
    const f = ceaFixture({ planExtra: { unitCosts: 'out/cea/unit-costs.csv' } });
    mkdirSync(join(f.dir, 'out/cea'), { recursive: true });
    copyFileSync(join(f.dir, 'unit-costs.csv'), join(f.dir, 'out/cea/unit-costs.csv'));
    const manifest = join(f.dir, 'm.json');
    writeFileSync(manifest, JSON.stringify({ reports: [{ id: 'c', kind: 'cea', out: 'cea', data: 'export.csv', plan: 'cea.json', replicates: 100 }] }));
    const r = await runCli('report', '--manifest', manifest, '--out', join(f.dir, 'out'), '--force');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`holds ${f.plan}'s "unitCosts" ${join(f.dir, 'out/cea/unit-costs.csv')}`);
    expect(readFileSync(join(f.dir, 'out/cea/unit-costs.csv'), 'utf8')).toBe(readFileSync(join(f.dir, 'unit-costs.csv'), 'utf8'));
  });

  it('a meta report\'s plan\'s target sample inside its folder', async () => {
    const w = subgroupWorkspace();
    mkdirSync(join(w.dir, 'out/m'), { recursive: true });
    copyFileSync('data/published/selfback-studies.csv', join(w.dir, 'studies.csv'));
    editJson(w.plan, (j) => ((j.population as { targetSample: { file: string } }).targetSample.file = 'out/m/sample.csv'));
    copyFileSync(w.sample, join(w.dir, 'out/m/sample.csv'));
    const manifest = join(w.dir, 'm.json');
    writeFileSync(manifest, JSON.stringify({ reports: [{ id: 'm', kind: 'meta', out: 'm', data: 'studies.csv', plan: 'plan.json' }] }));
    const r = await runCli('report', '--manifest', manifest, '--out', join(w.dir, 'out'));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('"population.targetSample.file"');
    expect(readFileSync(join(w.dir, 'out/m/sample.csv')).equals(readFileSync(w.sample))).toBe(true);
  });
});
