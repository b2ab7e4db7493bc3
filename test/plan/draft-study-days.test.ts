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

describe('the visits said for windows of study days', () => {
  const dir = tempDir();
  /** A long export: a baseline on day 0, then each patient's visit days. */
  const exportOf = (days: readonly (readonly number[])[]) => ['id,arm,time,age,pain', ...days.flatMap((ds, p) => [0, ...ds].map((d, k) => `P${p + 1},${p % 2 ? 'B' : 'A'},${d},${40 + p},${(p + k) % 10}`))].join('\n') + '\n';

  it('names a 6-week window in weeks ("6w", not "1m") and 3 and 12 months in months', async () => {
    // Visits around 2 weeks (days 11–17), 6 weeks (35–49), 3 months (77–105), 6 months, 12 months.
    const days = Array.from({ length: 24 }, (_, p) => [11 + (p % 7), 35 + ((p * 4) % 15), 77 + ((p * 11) % 29), 168 + ((p * 3) % 29), 350 + ((p * 7) % 46)]);
    const csv = join(dir, 'd_five.csv');
    writeFileSync(csv, exportOf(days));
    const r = await runCli('plan', 'init', csv, '--out', join(dir, 'five.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(e.g. "2w" for days 11–17, "6w" for days 35–49, "3m" for days 77–105, …)');
    expect(r.stderr).toContain('"timeLabels" ({ "11": "2w", …, "395": "12m" })');
  });

  it('says a one-day window as "day 28", in weeks up to 12 weeks (a diary, then visits on days 28, 56, 84)', async () => {
    const csv = join(dir, 'diary.csv');
    // Each patient's diary on two days of their own in the first two weeks (1–14 in all).
    writeFileSync(csv, exportOf(Array.from({ length: 8 }, (_, p) => [1 + p, 7 + p, 28, 56, 84])));
    const r = await runCli('plan', 'init', csv, '--out', join(dir, 'diary.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('in 4 windows (1–14, 28, 56, 84)');
    expect(r.stderr).toContain('(e.g. "1w" for days 1–14, "4w" for day 28, "8w" for day 56, …)');
    expect(r.stderr).not.toContain('days 28–28');
    expect(r.stderr).toContain('"84": "12w"');
  });

  it('reads a pilot\'s few days as days too: 8 patients, windows around 3 and 6 months, none a day apart from most', async () => {
    // The explorer's d_tiny.csv: 16 different days, only 7 of them beside another.
    const days = [[96, 176], [100, 179], [102, 190], [103, 191], [97, 184], [77, 194], [91, 192], [84, 188]];
    const csv = join(dir, 'd_tiny.csv');
    writeFileSync(csv, exportOf(days));
    const r = await runCli('plan', 'init', csv, '--out', join(dir, 'tiny.json'));
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'tiny.json'))).toBe(false);
    expect(r.stderr).toContain('holds 16 different numbers after the baseline (77 to 194), in 2 windows (77–103, 176–194)');
    expect(r.stderr).toContain('(e.g. "3m" for days 77–103, "6m" for days 176–194)');
    expect(r.stderr).not.toMatch(/\b\d+w\b/);
  });

  it('a schedule stepping evenly beyond 12 visits stays visits (3-monthly for 5 years; weeks 1–4, then every 2, then every 4)', () => {
    expect(studyDayWindows(Array.from({ length: 20 }, (_, k) => 3 * (k + 1)))).toBeUndefined();
    expect(studyDayWindows([1, 2, 3, 4, 6, 8, 10, 12, 16, 20, 24, 36, 52])).toBeUndefined();
  });

  // Weekly during treatment, then every 2 weeks, then 20/26/52 weeks: four step sizes or more,
  // every patient at the same numbers (some missing one or two), as in a rehab or pain trial.
  const schedules = [
    [1, 2, 3, 4, 5, 6, 8, 10, 12, 14, 16, 20, 26, 52],
    [1, 2, 4, 6, 8, 12, 13, 16, 20, 24, 26, 39, 52],
  ];
  /** 40 patients at the schedule's weeks, every fifth missing one visit and every seventh dropping out after week 12. */
  const scheduleExport = (column: string, weeks: readonly number[]) =>
    [`id,arm,${column},age,pain`, ...Array.from({ length: 40 }, (_, p) => [0, ...weeks.filter((w, k) => !(p % 5 === 0 && k === p % weeks.length) && !(p % 7 === 3 && w > 12))].map((w) => `P${String(p + 1).padStart(3, '0')},${p % 2 ? 'usual' : 'app'},${w},${30 + p},${(p + w) % 11}`)).flat()].join('\n') + '\n';

  for (const weeks of schedules) {
    it(`a weekly-then-fortnightly schedule (${weeks.join(', ')}) is drafted as visits, its column named "week" or "time"`, async () => {
      const patients = Array.from({ length: 40 }, (_, p) => new Set(weeks.filter((w, k) => !(p % 5 === 0 && k === p % weeks.length))));
      expect(studyDayWindows(weeks, patients)).toBeUndefined();
      for (const column of ['week', 'time', 'visit']) {
        const csv = join(dir, `sched_${column}_${weeks.length}.csv`);
        const out = join(dir, `sched_${column}_${weeks.length}.json`);
        writeFileSync(csv, scheduleExport(column, weeks));
        const r = await runCli('plan', 'init', csv, '--out', out);
        expect(r.stderr).not.toContain('days since randomisation');
        expect(r.code).toBe(0);
        expect(r.stderr).toContain(`"52" → 52w`);
        expect(existsSync(out)).toBe(true);
      }
    });
  }
});
