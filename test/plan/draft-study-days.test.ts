// A long export whose visit column holds study days (the day of each visit since randomisation,
// off schedule within windows: 0, then 80–104 and 168–202) is not drafted as 57 weekly visits:
// plan init refuses, saying what the numbers look like and how to give the visits
// (src/plan/wide-visits.ts studyDayWindows; docs/plan-trial.md#study-days).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { studyDayWindows } from '../../src/plan/wide-visits.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** 40 patients, a baseline on day 0 and visits on their own days in two windows around 3 and 6 months. */
function studyDaysExport(): string {
  const lines = ['id,arm,time,age,pain'];
  for (let p = 1; p <= 40; p++) {
    const arm = p % 2 ? 'A' : 'B';
    lines.push(`P${p},${arm},0,${30 + p},${p % 10}`, `P${p},${arm},${80 + ((p * 7) % 25)},${30 + p},${(p + 3) % 10}`, `P${p},${arm},${168 + ((p * 11) % 35)},${30 + p},${(p + 5) % 10}`);
  }
  return lines.join('\n') + '\n';
}

describe('a visit column of study days', () => {
  it('plan init writes nothing and exits 2, naming the windows, a visit for each and the two ways to give them', async () => {
    const dir = tempDir();
    const csv = join(dir, 'days.csv');
    const out = join(dir, 'plan.json');
    writeFileSync(csv, studyDaysExport());
    const r = await runCli('plan', 'init', csv, '--out', out);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    const days = new Set(studyDaysExport().trim().split('\n').slice(1).map((l) => l.split(',')[2]).filter((d) => d !== '0'));
    expect(r.stderr).toContain(`plan init could not decide the visits: column "time" holds ${days.size} different numbers after the baseline (80 to 202), in 2 windows (80–104, 168–202) — days since randomisation rather than visits?`);
    expect(r.stderr).toContain('bin the days into the protocol\'s visits in the export\'s visit column (e.g. "3m" for days 80–104, "6m" for days 168–202)');
    expect(r.stderr).toContain('"timeLabels" ({ "80": "3m", …, "202": "6m" })');
    // Not drafted as weeks, nor said to be.
    expect(r.stderr).not.toMatch(/\b\d+w\b/);
    expect(r.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('the same export with the days binned into visits drafts them', () => {
    const binned = studyDaysExport().replace(/^(P\d+,[AB]),(\d+),/gm, (_, head: string, day: string) => `${head},${Number(day) === 0 ? 0 : Number(day) < 130 ? 13 : 26},`);
    const d = draftPlan(parseCsvText(binned, 'binned.csv'), 'plan.schema.json');
    expect(d.undecided).toEqual([]);
    expect(d.plan.timepoints).toEqual(['13w', '26w']);
  });
});

describe('studyDayWindows', () => {
  it('reads days in windows as such; a schedule, visit numbers and a weekly diary stay visits', () => {
    const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => a + k);
    expect(studyDayWindows([...range(80, 104), ...range(168, 202)])).toEqual([{ from: 80, to: 104 }, { from: 168, to: 202 }]);
    expect(studyDayWindows([...range(11, 17), ...range(25, 31), ...range(85, 95)])).toEqual([{ from: 11, to: 17 }, { from: 25, to: 31 }, { from: 85, to: 95 }]);
    expect(studyDayWindows([12, 26, 52])).toBeUndefined();
    expect(studyDayWindows([2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 52])).toBeUndefined();
    expect(studyDayWindows(range(1, 30))).toBeUndefined();
    expect(studyDayWindows(range(1, 30).filter((w) => w !== 17))).toBeUndefined();
  });
});
