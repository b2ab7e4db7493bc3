/**
 * An id column shaped like CPR numbers is said on stderr (validate --json: warnings), by validate,
 * analyze, plan init and the trial report, never quoting an id; the run goes on (a note, not an
 * error: docs/input-trial-export.md#cpr-shaped-ids). Found by a tester: no command said anything.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import { reportEnv } from '../support/report-env.js';
import { runCli, tempDir } from '../support/run-cli.js';

/** 12 patients; `cpr(i)` writes patient i's id. */
function setup(cpr: (i: number) => string) {
  const dir = tempDir();
  const rows = ['cpr,arm,time,age,rmdq'];
  for (let i = 1; i <= 12; i++) {
    const arm = i % 2 ? 'app' : 'usual';
    rows.push(`${cpr(i)},${arm},baseline,${40 + i},${8 + (i % 5)}`, `${cpr(i)},${arm},3m,${40 + i},${4 + ((i * 3) % 7)}`);
  }
  writeFileSync(join(dir, 'export.csv'), rows.join('\n') + '\n');
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, columns: { id: 'cpr' }, timepoints: ['3m'], covariates: ['age'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] }));
  return { dir, csv: join(dir, 'export.csv'), plan: join(dir, 'plan.json') };
}
const dashed = (i: number) => `${String(i).padStart(2, '0')}0575-${1000 + i}`;
const NOTE = 'the patient ids in column "cpr" look like CPR numbers (all 12 ids have the shape DDMMYY-NNNN';

describe('ids shaped like CPR numbers', () => {
  it('validate, validate --json, analyze and plan init say so, never quoting an id; the runs succeed', async () => {
    const f = setup(dashed);
    const runs = [await runCli('validate', f.csv, '--plan', f.plan), await runCli('analyze', f.csv, '--plan', f.plan), await runCli('plan', 'init', f.csv)];
    for (const r of runs) {
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(NOTE);
      expect(r.stdout + r.stderr).not.toContain(dashed(1));
    }
    const json = JSON.parse((await runCli('validate', f.csv, '--plan', f.plan, '--json')).stdout) as { valid: boolean; warnings: string[] };
    expect(json.valid).toBe(true);
    expect(json.warnings.join('\n')).toContain(NOTE);
  });

  it('ten digits with a real day and month count; study numbers do not', async () => {
    const digits = setup((i) => `${String(i).padStart(2, '0')}0575${1000 + i}`);
    expect((await runCli('validate', digits.csv, '--plan', digits.plan)).stderr).toContain('look like CPR numbers (all 12 ids');
    const study = setup((i) => `${9900000000 + i}`);
    expect((await runCli('validate', study.csv, '--plan', study.plan)).stderr).not.toContain('CPR');
  });

  it('the trial report tells hta report once (both languages share the analysis), and no page holds an id', async () => {
    const f = setup(dashed);
    const notes: string[] = [];
    const env = { ...reportEnv(f.dir, 'en'), note: (t: string) => notes.push(t) };
    const entry = { id: 'r', kind: 'trial', out: 'r', lang: 'en', data: 'export.csv', plan: 'plan.json', characteristics: [] } as never;
    const page = await trialReportKind.build(entry, env);
    await trialReportKind.build(entry, { ...env, lang: 'da' });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(NOTE);
    expect(JSON.stringify(page)).not.toContain(dashed(1));
  });
});
