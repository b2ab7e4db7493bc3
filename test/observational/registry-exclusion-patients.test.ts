/**
 * `--exclude-invalid` on a long registry export: the patients an analysis loses to excluded rows
 * are counted (docs/observational.md, "Small counts", rule 13) — in the terminal, `--json`'s flow
 * (`excludedRow`, of `withoutOutcome`) and the report's flow table. The exclusion summary counts
 * rows; a patient whose follow-up row was left out kept their baseline row, stayed in the export's
 * count and vanished from the analysis among the patients "without a value", so nothing said how
 * many patients the exclusions cost. A patient whose left-out row the analysis does not read (a
 * baseline row, with no baseline needed) is analysed and not counted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const plan = (extra: Record<string, unknown> = {}) => ({
  design: 'observational',
  observational: { exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' }, confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }], estimand: 'ATE', baselineAsConfounder: false },
  layout: 'long',
  timepoints: ['3m'],
  outcomes: [{ key: 'work', instrument: 'binary', direction: 'higher-is-better', answers: { Ja: 1, Nej: 0 } }],
  ...extra,
});

/**
 * The 300-patient registry, a baseline and a 3-month row each, every 3-month value there: the
 * 3-month row of `lost` users and `lost` non-users has an age written "44 år" (left out), and
 * the baseline row of `baselineBad` other patients too (the 3-month row still gives age and value),
 * and both rows of `everyRow` patients before those (in no count then).
 */
function files(lost: number, planExtra: Record<string, unknown> = {}, baselineBad = 5, everyRow = 0) {
  const dir = tempDir();
  const [head, ...rows] = readFileSync('test/fixtures/observational/follow-up-only-long.csv', 'utf8').trim().split('\n');
  const out = [head];
  const seen = { Ja: 0, Nej: 0 };
  let badBaselines = 0;
  let badPatients = 0;
  for (const l of rows) {
    const c = l.split(',');
    const base = [...c];
    base[4] = 'baseline';
    const g = c[1] as 'Ja' | 'Nej';
    if (seen[g] < lost) {
      seen[g]++;
      c[2] += ' år';
    } else if (badPatients < everyRow) {
      badPatients++;
      c[2] += ' år';
      base[2] += ' år';
    } else if (badBaselines < baselineBad) {
      badBaselines++;
      base[2] += ' år';
    }
    out.push(base.join(','), c.join(','));
  }
  writeFileSync(join(dir, 'reg.csv'), out.join('\n') + '\n');
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan(planExtra)));
  return { dir, csv: join(dir, 'reg.csv'), plan: join(dir, 'plan.json') };
}

describe('patients an analysis loses to excluded rows', () => {
  it('6 users and 6 non-users: counted in --json\'s flow and on the terminal', async () => {
    const f = files(6);
    const j = await runCli('analyze', f.csv, '--plan', f.plan, '--exclude-invalid', '--json');
    expect(j.code, j.stderr).toBe(0);
    const result = JSON.parse(j.stdout);
    expect(result.input.excluded).toEqual({ rows: 17, patients: 0 });
    const [a] = result.analyses;
    // Every patient has a 3-month value but the 12: those without one are the exclusions' (0 others).
    expect(a.flow.exposed).toMatchObject({ withoutOutcome: 6, excludedRow: 6 });
    expect(a.flow.unexposed).toMatchObject({ withoutOutcome: 6, excludedRow: 6 });
    // The 5 patients whose baseline row went are analysed: the analysis reads no baseline.
    expect(result.input.patients.exposed + result.input.patients.unexposed - a.patients.exposed - a.patients.unexposed).toBe(12);
    const t = await runCli('analyze', f.csv, '--plan', f.plan, '--exclude-invalid');
    expect(t.stdout).toMatch(/0 trimmed; 12 without a value: the row left out as invalid$/m);
    const da = await runCli('analyze', f.csv, '--plan', f.plan, '--exclude-invalid', '--lang', 'da');
    expect(da.stdout).toMatch(/0 trimmet; 12 uden værdi: rækken udeladt som ugyldig$/m);
  });

  it('patients every row of whom was left out: counted in --json\'s input.excluded and on stderr, as they are in no other count', async () => {
    const f = files(0);
    // Both rows of the first 6 patients written with a unit: the patients vanish from every count.
    const lines = readFileSync(f.csv, 'utf8').split('\n');
    for (let i = 1; i <= 12; i++) lines[i] = lines[i]!.replace(/^([^,]*,[^,]*,)(\d+)(?! år)/, '$1$2 år');
    writeFileSync(f.csv, lines.join('\n'));
    const j = await runCli('analyze', f.csv, '--plan', f.plan, '--exclude-invalid', '--json');
    expect(j.code, j.stderr).toBe(0);
    const result = JSON.parse(j.stdout);
    expect(result.input.excluded).toEqual({ rows: 12, patients: 6 });
    expect(result.input.patients.exposed + result.input.patients.unexposed).toBe(294);
    expect(j.stderr).toContain('6 patients with every row excluded: in no count or analysis');
    const v = await runCli('validate', f.csv, '--plan', f.plan, '--exclude-invalid', '--json');
    expect(JSON.parse(v.stdout).excluded).toEqual({ rows: 12, patients: 6 });
    const vt = await runCli('validate', f.csv, '--plan', f.plan, '--exclude-invalid');
    expect(vt.stdout).toContain('excluded 12 row(s) with problems (6 patient(s) with every row excluded: in no count); no imputation');
  });

  it('3 of each: the count is hidden with the flow (a count of 1–4)', async () => {
    const f = files(3);
    const j = await runCli('analyze', f.csv, '--plan', f.plan, '--exclude-invalid', '--json');
    const [a] = JSON.parse(j.stdout).analyses;
    expect(a.flow.exposed.excludedRow).toBe('suppressed');
    expect(a.flow.exposed.withoutOutcome).toBe('suppressed');
    const t = await runCli('analyze', f.csv, '--plan', f.plan, '--exclude-invalid');
    expect(t.stdout).toContain('; suppressed without a value: the row left out as invalid');
  });

  it('the rows count is hidden when the flow\'s cells leave 1–4 rows no analysis read (3 baseline rows)', async () => {
    // 6 + 6 follow-up rows and 3 baseline rows left out, no patient lost both: 15 rows, flow 6 / 6,
    // 0 patients — 15 − 12 − 0 gave the 3 baseline rows (rule 13). With 5 baseline rows (17 − 12 = 5) the count stays.
    const f = files(6, { invalidRows: 'exclude' }, 3);
    const j = await runCli('analyze', f.csv, '--plan', f.plan, '--exclude-invalid', '--json');
    expect(j.code, j.stderr).toBe(0);
    const result = JSON.parse(j.stdout);
    expect(result.input.excluded).toEqual({ rows: 'suppressed', patients: 0 });
    expect(result.analyses[0].flow.exposed).toMatchObject({ withoutOutcome: 6, excludedRow: 6 });
    // The page masks it as --json does, and its tally counts it (this run hides no other count).
    writeFileSync(join(f.dir, 'reports.json'), JSON.stringify({ reports: [{ id: 'r', kind: 'registry', out: 'r', lang: 'en', data: 'reg.csv', plan: 'plan.json' }, { id: 'd', kind: 'registry', out: 'd', lang: 'da', data: 'reg.csv', plan: 'plan.json' }] }));
    const r = await runCli('report', '--manifest', join(f.dir, 'reports.json'), '--out', join(f.dir, 'out'));
    expect(r.code, r.stderr).toBe(0);
    const readme = readFileSync(join(f.dir, 'out', 'r', 'README.md'), 'utf8');
    expect(readme).toContain('Rows of the export left out: suppressed.');
    expect(readme).not.toMatch(/left out: 15/);
    expect(readme).toMatch(/\b1 counts? here/);
    expect(readFileSync(join(f.dir, 'out', 'd', 'README.md'), 'utf8')).toContain('Udeladte rækker i udtrækket: diskretioneret.');
    expect(readFileSync(join(f.dir, 'out', 'r', 'index.html'), 'utf8')).not.toMatch(/left out: 15/);
    const five = files(6, {}, 5);
    const j5 = await runCli('analyze', five.csv, '--plan', five.plan, '--exclude-invalid', '--json');
    expect(JSON.parse(j5.stdout).input.excluded).toEqual({ rows: 17, patients: 0 });
  });

  it('the rows count is hidden with 1–4 patients every row of whom went: the flow\'s cells gave their rows back', async () => {
    // 6 + 6 follow-up rows and both rows of 2 further patients: 16 rows, flow 6 / 6, patients
    // "suppressed" — 16 − 12 = 4 rows no flow counts, the 2 patients' baseline and 3-month rows.
    const f = files(6, { invalidRows: 'exclude' }, 0, 2);
    const j = await runCli('analyze', f.csv, '--plan', f.plan, '--exclude-invalid', '--json');
    expect(j.code, j.stderr).toBe(0);
    const result = JSON.parse(j.stdout);
    expect(result.input.excluded).toEqual({ rows: 'suppressed', patients: 'suppressed' });
    expect(result.analyses[0].flow.exposed).toMatchObject({ withoutOutcome: 6, excludedRow: 6 });
    expect(result.analyses[0].flow.unexposed).toMatchObject({ withoutOutcome: 6, excludedRow: 6 });
    writeFileSync(join(f.dir, 'reports.json'), JSON.stringify({ reports: [{ id: 'r', kind: 'registry', out: 'r', lang: 'en', data: 'reg.csv', plan: 'plan.json' }] }));
    const r = await runCli('report', '--manifest', join(f.dir, 'reports.json'), '--out', join(f.dir, 'out'));
    expect(r.code, r.stderr).toBe(0);
    const readme = readFileSync(join(f.dir, 'out', 'r', 'README.md'), 'utf8');
    expect(readme).toContain('Rows of the export left out: suppressed.');
    expect(readme).toContain('Patients every row of whom was left out (in no other count of this report): suppressed.');
    expect(readme).toMatch(/of them: the row left out as invalid \(--exclude-invalid\) \| 6 \| 6 \| 12 \|/);
    // validate's kept rows (298 + 286 observed = 584) less the 12 kept patients without a 3-month row gave the 4 too.
    const v = await runCli('validate', f.csv, '--plan', f.plan, '--exclude-invalid', '--json');
    expect(JSON.parse(v.stdout).excluded).toEqual({ rows: 'suppressed', patients: 'suppressed' });
    const vt = await runCli('validate', f.csv, '--plan', f.plan, '--exclude-invalid');
    expect(vt.stdout).toContain('fewer than 5 row(s) with problems excluded');
    expect(vt.stdout).not.toMatch(/\b16 row/);
    // 5 such patients (10 rows) are printed, and so are their rows.
    const five = files(6, {}, 0, 5);
    expect(JSON.parse((await runCli('analyze', five.csv, '--plan', five.plan, '--exclude-invalid', '--json')).stdout).input.excluded).toEqual({ rows: 22, patients: 5 });
    expect(JSON.parse((await runCli('validate', five.csv, '--plan', five.plan, '--exclude-invalid', '--json')).stdout).excluded).toEqual({ rows: 22, patients: 5 });
  });

  it('no such line where it cannot be non-zero: a wide export, and left-out rows the analysis does not read', async () => {
    // Wide: the patient of a bad row is not read at all (input.excluded.patients), so "0 without a
    // value: the row left out as invalid" read as "the exclusions cost no patient" beside 7 gone.
    const dir = tempDir();
    const [head, ...rows] = readFileSync('test/fixtures/observational/follow-up-only.csv', 'utf8').trim().split('\n');
    writeFileSync(join(dir, 'reg.csv'), [head, ...rows.map((l, i) => (i < 7 ? l.replace(/^([^,]*,[^,]*,)(\d+)/, '$1$2 år') : l))].join('\n') + '\n');
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan({ invalidRows: 'exclude' }), layout: 'wide' }));
    const w = await runCli('analyze', join(dir, 'reg.csv'), '--plan', join(dir, 'plan.json'), '--exclude-invalid', '--json');
    expect(w.code, w.stderr).toBe(0);
    const wide = JSON.parse(w.stdout);
    expect(wide.input.excluded).toEqual({ rows: 7, patients: 7 });
    expect(wide.analyses[0].flow.exposed).not.toHaveProperty('excludedRow');
    expect(wide.analyses[0].flow.unexposed).not.toHaveProperty('excludedRow');
    const wt = await runCli('analyze', join(dir, 'reg.csv'), '--plan', join(dir, 'plan.json'), '--exclude-invalid');
    expect(wt.stdout).not.toContain('the row left out as invalid');
    writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports: [{ id: 'r', kind: 'registry', out: 'r', lang: 'en', data: 'reg.csv', plan: 'plan.json' }] }));
    const r = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out', 'r', 'README.md'), 'utf8')).not.toContain('of them: the row left out as invalid');
    expect(readFileSync(join(dir, 'out', 'r', 'index.html'), 'utf8')).not.toContain('of them: the row left out as invalid');
    // Long, only baseline rows left out and no baseline read: the cells could only read 0.
    const f = files(0);
    const l = JSON.parse((await runCli('analyze', f.csv, '--plan', f.plan, '--exclude-invalid', '--json')).stdout);
    expect(l.input.excluded).toEqual({ rows: 5, patients: 0 });
    expect(l.analyses[0].flow.exposed).not.toHaveProperty('excludedRow');
    expect((await runCli('analyze', f.csv, '--plan', f.plan, '--exclude-invalid')).stdout).not.toContain('the row left out as invalid');
  });

  it('without excluded rows no such count (the field is absent)', async () => {
    const f = files(0);
    const dir = tempDir();
    const clean = readFileSync(f.csv, 'utf8').replace(/ år/g, '');
    writeFileSync(join(dir, 'reg.csv'), clean);
    const j = await runCli('analyze', join(dir, 'reg.csv'), '--plan', f.plan, '--json');
    const [a] = JSON.parse(j.stdout).analyses;
    expect(a.flow.exposed).not.toHaveProperty('excludedRow');
  });

  it('the report\'s flow table has the row under "No value at 3 months"', async () => {
    const f = files(6, { invalidRows: 'exclude' });
    writeFileSync(join(f.dir, 'reports.json'), JSON.stringify({ reports: [{ id: 'r', kind: 'registry', out: 'r', lang: 'en', data: 'reg.csv', plan: 'plan.json' }] }));
    const r = await runCli('report', '--manifest', join(f.dir, 'reports.json'), '--out', join(f.dir, 'out'));
    expect(r.code, r.stderr).toBe(0);
    const readme = readFileSync(join(f.dir, 'out', 'r', 'README.md'), 'utf8');
    expect(readme).toMatch(/No value at 3 months \| 6 \| 6 \| 12 \|\n\|[^|\n]*of them: the row left out as invalid \(--exclude-invalid\) \| 6 \| 6 \| 12 \|/);
  });
});
