/**
 * A plan's visit with no row in a long export ("6 mdr.": "6m" in "timeLabels", no "6 mdr." row)
 * stops validate, plan check --export, analyze and report with exit 2, naming the visit, its
 * spelling and the file's visits, and a near miss when one is close; never the ANCOVA's "completed
 * data set has no column". A baseline-only export still validates (docs/input-trial-export.md).
 */
import { writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const PLAN = {
  columns: { id: 'id', arm: 'gruppe', time: 'besoeg' },
  arms: { intervention: 'App', control: 'Kontrol' },
  timeLabels: { Baseline: 'baseline', '3 mdr.': '3m', '6 mdr.': '6m', '9 mdr.': '9m' },
  timepoints: ['3m', '6m', '9m'],
  primary: { outcome: 'smerte', time: '6m' },
  outcomes: [{ key: 'smerte', column: 'smerte_gns', instrument: 'nrs' }],
};

/** 8 patients per arm, a row at each of `visits`. */
function exportText(visits: string[]): string {
  const lines = ['id,gruppe,besoeg,smerte_gns'];
  for (let p = 1; p <= 16; p++) visits.forEach((v, k) => lines.push(`${p},${p <= 8 ? 'App' : 'Kontrol'},${v},${(p + 5 + k * 3) % 11}`));
  return lines.join('\n') + '\n';
}

const load = (visits: string[], plan: object = PLAN, excludeInvalid = false) => loadTrial(parseCsvText(exportText(visits), 'r.csv'), parsePlan(plan), { excludeInvalid });

describe('a plan visit with no row in a long export', () => {
  it('is a problem naming the visit, its spelling in the plan and the visits of the file', () => {
    const err = errorOf(() => load(['Baseline', '3 mdr.', '9 mdr.']));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe('r.csv has no rows at the plan\'s visit "6m" (column "besoeg"); nothing was written');
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ field: 'besoeg', value: '6 mdr.', kind: 'time.absent:6m' });
    expect(err.problems[0]!.expected).toContain('rows with "6 mdr." in column "besoeg" for the plan\'s visit "6m" (the plan writes it "6 mdr." in "timeLabels"); the file\'s visits are "Baseline", "3 mdr.", "9 mdr."');
    expect(err.problems[0]!.hint).toBeUndefined();
  });

  it('offers the file\'s near spelling, for that visit only, also with --exclude-invalid', () => {
    for (const exclude of [false, true]) {
      const err = errorOf(() => load(['Baseline', '3 mdr.', '6 mdr', '9 mdr.'], PLAN, exclude));
      const absent = err.problems.filter((p) => p.kind?.startsWith('time.absent'));
      expect(absent).toHaveLength(1);
      expect(absent[0]!.hint).toBe('did you mean "6 mdr"? ("timeLabels": { "6 mdr": "6m" })');
    }
    // "6 mdr" is nearer "6 mdr." than "9 mdr.": no hint for a missing 9-month visit.
    const nine = errorOf(() => load(['Baseline', '3 mdr.', '6 mdr'], PLAN));
    expect(nine.problems.find((p) => p.kind === 'time.absent:9m')!.hint).toBeUndefined();
  });

  it('a missing baseline, and a visit without timeLabels, are said the same way', () => {
    const err = errorOf(() => load(['3m', '6m'], { ...PLAN, timeLabels: {}, timepoints: ['3m', '6m'] }));
    expect(err.problems.map((p) => p.kind)).toEqual(['time.absent:baseline']);
    expect(err.problems[0]!.expected).toContain('for the plan\'s baseline "baseline"; the file\'s visits are "3m", "6m"');
  });

  it('an export with every visit of the plan loads; one with no follow-up yet still loads (baseline-only)', () => {
    expect(load(['Baseline', '3 mdr.', '6 mdr.', '9 mdr.']).patients).toHaveLength(16);
    expect(load(['Baseline']).patients).toHaveLength(16);
  });
});

describe('a wide export without the columns of a plan visit', () => {
  it('names the near suffix as the long export does', () => {
    const text = 'id,gruppe,smerte_gns_0,smerte_gns_3mdr,smerte_gns_6 mdr,smerte_gns_9mdr\n' + Array.from({ length: 16 }, (_, i) => `${i + 1},${i < 8 ? 'App' : 'Kontrol'},${i % 9},3,4,5`).join('\n') + '\n';
    const plan = { ...PLAN, layout: 'wide', timeLabels: { '0': 'baseline', '3mdr': '3m', '6mdr': '6m', '9mdr': '9m' } };
    const err = errorOf(() => loadTrial(parseCsvText(text, 'w.csv'), parsePlan(plan)));
    const six = err.problems.find((p) => p.value === '_6mdr')!;
    expect(six.expected).toContain('columns ending in "_6mdr" for the plan\'s visit "6m"');
    expect(six.hint).toBe('did you mean "6 mdr"? ("timeLabels": { "6 mdr": "6m" })');
  });
});

describe('the commands', () => {
  const dir = tempDir();
  const csv = join(dir, 'r.csv');
  const plan = join(dir, 'plan.json');
  writeFileSync(csv, exportText(['Baseline', '3 mdr.', '9 mdr.']));
  writeFileSync(plan, JSON.stringify(PLAN));
  it.each([
    ['validate', [csv, '--plan', plan]],
    ['validate', [csv, '--plan', plan, '--exclude-invalid']],
    ['plan', ['check', plan, '--export', csv]],
    ['analyze', [csv, '--plan', plan]],
  ])('%s %s exits 2 naming the visit', async (command, args) => {
    const r = await runCli(command, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no rows at the plan\'s visit "6m"');
    expect(r.stderr).toContain('the file\'s visits are "Baseline", "3 mdr.", "9 mdr."');
    expect(r.stderr).not.toMatch(/ANCOVA|completed data set/);
    expect(r.stdout).not.toMatch(/valid/);
  });
  it('report exits 2 and writes nothing', async () => {
    writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports: [{ id: 'r', kind: 'trial', out: 'r', lang: 'en', data: 'r.csv', plan: 'plan.json' }] }));
    const before = readdirSync(dir).sort();
    const r = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no rows at the plan\'s visit "6m"');
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readFileSync(csv, 'utf8')).toBe(exportText(['Baseline', '3 mdr.', '9 mdr.']));
  });
});
