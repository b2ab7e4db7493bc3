/**
 * A corrected closed month and the running totals (docs/disclosure-control.md "A corrected closed
 * month and the running totals"). A region publishes monthly: P1 as of 31 October 2025, P2 as of
 * 30 November with `--previous P1` (fixture: an explorer's simulated Syddanmark export of 30
 * November, 582 rows; P1 is it cut at 31 October). Between the exports one referral of March was
 * registered late, or one never-activated June referral was deleted. Until 4 December 2026 P2
 * listed the month as changed and hid it, but printed the whole export, the 2025 row and
 * November: P2's whole export − P1's − November = +1 (or −1), and with the deletion the hidden
 * June followed from P1's 2025 row less the months P1 printed (closed unchanged months are
 * final). The audit passed both. Now the run hides enough to leave neither subtraction, and the
 * audit fails a publication that prints them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPublishedUptake, unlistedChanges } from '../../src/uptake/disclosure/attacker-audit.js';
import type { PreviousPublication } from '../../src/uptake/disclosure/previous-publication.js';
import { CLOSED_MONTH_ELIGIBLE, closedMonthPlan, HEADER, NOVEMBER, OCTOBER, octoberPublication, SYD } from '../support/closed-month-fixture.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

const LATE = 'LATE1,Syddanmark,S005,2025-03-14,2025-03-20,2025-05-01,68,f,gp';
const DELETED = NOVEMBER.find((l) => l.split(',')[3]!.startsWith('2025-06') && l.split(',')[4] === '')!;
const DELETED_MARCH = NOVEMBER.find((l) => l.split(',')[3]!.startsWith('2025-03') && l.split(',')[4] === '')!;
const VARIANTS = {
  late: [...NOVEMBER, LATE],
  deleted: NOVEMBER.filter((l) => l !== DELETED),
  // A March row deleted and a June referral registered late: the totals do not change.
  cancel: [...NOVEMBER.filter((l) => l !== DELETED_MARCH), 'LATE2,Syddanmark,S005,2025-06-14,,,55,m,gp'],
};

const plan = (exportDate: string, months: boolean) => closedMonthPlan(exportDate, months);

type Row = { region: string; period: string; dimension: string; referrals: number | 'suppressed' };
type Json = { exportDate: string; metrics: Row[]; previous?: { changed?: { periods: { region: string; period: string }[] } } };

let dir = '';
async function publish(name: string, lines: readonly string[], exportDate: string, months: boolean, previous?: string): Promise<{ json: Json; file: string }> {
  const reg = join(dir, `${name}.csv`), planFile = join(dir, `${name}.plan.json`), file = join(dir, `${name}.json`);
  writeFileSync(reg, [HEADER, ...lines].join('\n') + '\n');
  writeFileSync(planFile, JSON.stringify(plan(exportDate, months)));
  const run = await runCli('uptake', reg, '--eligible', join(dir, 'elig.csv'), '--plan', planFile, '--json', ...(previous ? ['--previous', previous] : []));
  expect(run.code, run.stderr).toBe(0);
  writeFileSync(file, run.stdout);
  return { json: JSON.parse(run.stdout) as Json, file };
}

const referrals = (j: Json, region: string, period: string) => j.metrics.find((r) => r.region === region && r.period === period && r.dimension === 'all')?.referrals;
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const MONTHS = Array.from({ length: 11 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);

/**
 * The reader's subtractions (each where every count it needs is printed), per region: (1) a
 * running total now − then − the new month; (2) a changed month hidden now but printed then: the
 * 2025 row now − the other months (printed now, or printed by P1 and not changed since) − the sum
 * of the months P1 hid (P1's 2025 row less its printed months), when those are the months left.
 * Returns the changes found within 1 … 4 (either sign).
 */
function subtractions(p1: Json, p2: Json, region: string): string[] {
  const found: string[] = [];
  const changed = new Set((p2.previous?.changed?.periods ?? []).map((p) => `${p.region}|${p.period}`));
  const nov = num(referrals(p2, region, '2025-11'));
  for (const total of ['all', '2025']) {
    const [now, then] = [num(referrals(p2, region, total)), num(referrals(p1, region, total))];
    if (now === undefined || then === undefined || nov === undefined) continue;
    const d = now - then - nov;
    if (d !== 0 && Math.abs(d) < 5) found.push(`${region} ${total}: ${now} − ${then} − ${nov} = ${d}`);
  }
  const year2 = num(referrals(p2, region, '2025')), year1 = num(referrals(p1, region, '2025'));
  if (year2 === undefined || year1 === undefined) return found;
  const closed = MONTHS.filter((m) => m <= '2025-10');
  const hiddenThen = closed.filter((m) => num(referrals(p1, region, m)) === undefined);
  const hiddenThenSum = year1 - closed.reduce((t, m) => t + (num(referrals(p1, region, m)) ?? 0), 0);
  const known = (m: string) => num(referrals(p2, region, m)) ?? (changed.has(`${region}|${m}`) ? undefined : num(referrals(p1, region, m)));
  for (const c of MONTHS.filter((m) => changed.has(`${region}|${m}`))) {
    const cThen = num(referrals(p1, region, c));
    if (cThen === undefined || num(referrals(p2, region, c)) !== undefined) continue;
    if (MONTHS.filter((m) => m !== c && known(m) === undefined).join() !== hiddenThen.join()) continue;
    const cNow = year2 - MONTHS.filter((m) => m !== c).reduce((t, m) => t + (known(m) ?? 0), 0) - hiddenThenSum;
    if (cNow !== cThen && Math.abs(cNow - cThen) < 5) found.push(`${region} ${c}: ${cNow} now, ${cThen} then`);
  }
  return found;
}

/** The true referrals of a period in an export (what an unprotected run prints). */
const trueReferrals = (lines: readonly string[], period: string) => lines.filter((l) => period === 'all' || l.split(',')[3]!.startsWith(period)).length;
/** P2 with the running totals and November printed (region and country), as hta printed them before this fix. */
function oldShape(p2: Json, lines: readonly string[]): Json {
  return { ...p2, metrics: p2.metrics.map((r) => (r.dimension === 'all' && ['all', '2025', '2025-11'].includes(r.period) ? { ...r, referrals: trueReferrals(lines, r.period) } : r)) };
}

const RULE = { threshold: 5, protectionLevel: 5, zerosSensitive: false };
let P1: Awaited<ReturnType<typeof publish>>;
const P2 = {} as Record<keyof typeof VARIANTS, Awaited<ReturnType<typeof publish>>>;
beforeAll(async () => {
  dir = tempDir();
  writeFileSync(join(dir, 'elig.csv'), CLOSED_MONTH_ELIGIBLE);
  // P1 is computed once for both closed-month files (test/support/closed-month-fixture.ts).
  P1 = { json: JSON.parse(await octoberPublication()) as Json, file: join(dir, 'P1.json') };
  writeFileSync(P1.file, await octoberPublication());
  for (const v of Object.keys(VARIANTS) as (keyof typeof VARIANTS)[]) P2[v] = await publish(`P2${v}`, VARIANTS[v], '2025-11-30', true, P1.file);
}, 60_000);
afterAll(removeTempDirs);

describe('a late registration or a deleted row in a closed month, with the running totals and the new month', () => {
  it.each([['late', '2025-03', 1], ['deleted', '2025-06', -1]] as const)('%s: the month is listed, no subtraction a reader makes gives the change, the audit passes it and fails the shape printed before', async (v, changedMonth, change) => {
    const p2 = P2[v].json;
    expect(p2.previous?.changed?.periods).toEqual([{ region: SYD, period: changedMonth }, { region: SYD, period: 'all' }, { region: 'national', period: changedMonth }, { region: 'national', period: 'all' }]);
    expect(subtractions(P1.json, p2, SYD)).toEqual([]);
    const audited = await runCli('uptake', '--audit', '--published', P2[v].file, '--previous', P1.file);
    expect(audited.code, audited.stdout).toBe(0);
    // The printed shape of before: the subtraction gives the change (so the reader above works).
    const old = oldShape(p2, VARIANTS[v]);
    expect(subtractions(P1.json, old, SYD)).toContain(`${SYD} all: ${trueReferrals(VARIANTS[v], 'all')} − ${referrals(P1.json, SYD, 'all')} − ${trueReferrals(VARIANTS[v], '2025-11')} = ${change}`);
    writeFileSync(join(dir, 'old.json'), JSON.stringify(old));
    const failed = await runCli('uptake', '--audit', '--published', join(dir, 'old.json'), '--previous', P1.file);
    expect(failed.code, failed.stdout).toBe(1);
    expect(failed.stdout).toContain(`referrals · ${SYD} · all · all=all: periods up to 2025-10 now − published on 2025-10-31 (closed periods changed since): ${change} … ${change}`);
  });

  it('two corrections that cancel in the totals: both months listed, no subtraction gives either, the audit passes', async () => {
    expect(P2.cancel.json.previous?.changed?.periods.filter((p) => p.region === SYD).map((p) => p.period)).toEqual(['2025-03', '2025-06', 'all']);
    expect(subtractions(P1.json, P2.cancel.json, SYD)).toEqual([]);
    expect((await runCli('uptake', '--audit', '--published', P2.cancel.file, '--previous', P1.file)).code).toBe(0);
  });
});

describe('the same corrections in a P2 made without --previous (nothing listed, nothing hidden for them)', () => {
  // Until 4 December 2026 the audit refused these files (exit 2, "they contradict each other"):
  // it equated the changed month with P1's print and tied P1's rows to the months now. The very
  // publication a region audits to learn whether it leaked; now the change is reported.
  it.each([['late', '2025-03', 'a closed period changed', 1], ['deleted', '2025-06', 'it fell', -1]] as const)('%s: the audit reports the change in %s and the net change of the running totals (exit 1)', async (v, month, how, change) => {
    const p2 = await publish(`P2${v}-alone`, VARIANTS[v], '2025-11-30', true);
    expect(p2.json.previous?.changed).toBeUndefined();
    const audited = await runCli('uptake', '--audit', '--published', p2.file, '--previous', P1.file);
    expect(audited.stderr).toBe('');
    expect(audited.code, audited.stdout).toBe(1);
    for (const region of [SYD, 'national']) {
      expect(audited.stdout).toContain(`referrals · ${region} · ${month} · all=all published on 2025-10-31 − the same count now (${how}): 1 … 1`);
      expect(audited.stdout).toContain(`referrals · ${region} · all · all=all: periods up to 2025-10 now − published on 2025-10-31 (closed periods changed since): ${change} … ${change}`);
    }
    expect(audited.stdout).not.toContain('not checked against');
  });
});

describe('the audit of hand-built files', () => {
  // P1 as of 31 October: March 40 and June 30 printed, May and July hidden (20 + 18), the year 150.
  const row = (period: string, referrals: number | 'suppressed') => ({ region: 'A', period, dimension: 'all', level: 'all', referrals, activations: 0, atRisk4w: 0, retained4w: 0, atRisk12w: 0, retained12w: 0 });
  const then: Record<string, number> = { '2025-03': 40, '2025-04': 42, '2025-06': 30, '2025': 150, all: 150 };
  const previous: PreviousPublication = {
    file: 'P1.json', exportDate: '2025-10-31', exportDates: ['2025-10-31'], uncarried: [],
    counts: Object.entries(then).map(([period, value]) => ({ asOf: '2025-10-31', kind: 'metric', measure: 'referrals', region: 'A', period, dimension: 'all', level: 'all', value })),
  };
  const changed = (...periods: string[]) => ({ periods: periods.map((period) => ({ region: 'A', period })), activationYears: [], clinicRegions: [] });
  const pub = (months: Record<string, number | 'suppressed'>, total: number | 'suppressed', periods: string[]) => ({
    exportDate: '2025-11-30', rows: 200,
    metrics: [...Object.entries(months).map(([p, v]) => row(p, v)), row('2025', total), row('all', total)],
    uptake: [], budget: { observed: [] }, previous: { changed: changed(...periods) },
  });

  it('a deleted June row: the net change (−1) and June itself (29) are pinned', () => {
    const report = auditPublishedUptake(pub({ '2025-03': 40, '2025-04': 42, '2025-05': 'suppressed', '2025-06': 'suppressed', '2025-07': 'suppressed', '2025-11': 25 }, 174, ['2025-06']) as never, RULE, previous);
    expect(report.narrow.map((n) => `${n.cell}: ${n.lower}`)).toEqual(['referrals · A · 2025-06 · all=all: 29']);
    expect(report.disclosedDifferences.map((d) => `${d.cell}: ${d.lower}`)).toContain('referrals · A · all · all=all: periods up to 2025-10 now − published on 2025-10-31 (closed periods changed since): -1');
  });

  it('March printed again as 41, not listed (a P2 made without --previous): reported, not equated, and the rest still read', () => {
    const report = auditPublishedUptake(pub({ '2025-03': 41, '2025-04': 42, '2025-05': 'suppressed', '2025-06': 30, '2025-07': 'suppressed', '2025-11': 25 }, 176, []) as never, RULE, previous);
    expect(report.disclosedDifferences.map((d) => `${d.cell}: ${d.lower} … ${d.upper}`)).toEqual([
      'referrals · A · 2025 · all=all: periods up to 2025-10 now − published on 2025-10-31 (closed periods changed since): 1 … 1',
      'referrals · A · all · all=all: periods up to 2025-10 now − published on 2025-10-31 (closed periods changed since): 1 … 1',
      'referrals · A · 2025-03 · all=all published on 2025-10-31 − the same count now (a closed period changed): 1 … 1',
    ]);
    // May + July = 38 (176 − 41 − 42 − 30 − 25; P1's 150 less its March, April, June): each open.
    expect(report.narrow).toEqual([]);
    expect(report.intervals.map((i) => `${i.cell}: ${i.lower} … ${i.upper}`)).toEqual(['referrals · A · 2025-05 · all=all: 0 … 38', 'referrals · A · 2025-07 · all=all: 0 … 38']);
  });

  it('a closed year printed again as 101, not listed: none of its months is read as printed before', () => {
    // P1 printed 2024 (100) and its May (30). Now May and June are hidden, July 40, the year 101:
    // which month changed is not known, so May is not equated with 30 (that would pin June at 31).
    const earlier: PreviousPublication = { ...previous, counts: [['2024', 100], ['2024-05', 30]].map(([period, value]) => ({ asOf: '2025-10-31', kind: 'metric', measure: 'referrals', region: 'A', period: String(period), dimension: 'all', level: 'all', value: Number(value) })) };
    const year = { exportDate: '2025-11-30', rows: 101, metrics: [row('2024-05', 'suppressed'), row('2024-06', 'suppressed'), row('2024-07', 40), row('2024', 101), row('all', 101)], uptake: [], budget: { observed: [] } };
    const report = auditPublishedUptake(year as never, RULE, earlier);
    expect(report.narrow).toEqual([]);
    // The year's own change and the net change of its months are one difference: reported once.
    expect(report.disclosedDifferences.map((d) => `${d.cell}: ${d.lower} … ${d.upper}`)).toEqual([
      'referrals · A · 2024 · all=all published on 2025-10-31 − the same count now (a closed period changed): 1 … 1',
    ]);
  });

  it('corrections that cancel, or a new month hidden too, give nothing', () => {
    const cancel = auditPublishedUptake(pub({ '2025-03': 'suppressed', '2025-04': 42, '2025-05': 'suppressed', '2025-06': 'suppressed', '2025-07': 'suppressed', '2025-11': 25 }, 175, ['2025-03', '2025-06']) as never, RULE, previous);
    expect(cancel.disclosedDifferences).toEqual([]);
    expect(cancel.narrow).toEqual([]);
    const hiddenNew = auditPublishedUptake(pub({ '2025-03': 40, '2025-04': 'suppressed', '2025-05': 'suppressed', '2025-06': 'suppressed', '2025-07': 'suppressed', '2025-11': 'suppressed' }, 174, ['2025-06']) as never, RULE, previous);
    expect(hiddenNew.disclosedDifferences).toEqual([]);
  });
});

describe('a year row that fell, with a closed month listed', () => {
  // P1 as of 31 October 2025: 2024 printed as 100 (March 40, June 30, September hidden); P2 lists June and prints 2024 as 98.
  const row = (period: string, referrals: number | 'suppressed') => ({ region: 'A', period, dimension: 'all', level: 'all', referrals, activations: 0, atRisk4w: 0, retained4w: 0, atRisk12w: 0, retained12w: 0 });
  const previous: PreviousPublication = {
    file: 'P1.json', exportDate: '2025-10-31', exportDates: ['2025-10-31'], uncarried: [],
    counts: Object.entries({ '2024-03': 40, '2024-06': 30, '2024': 100 }).map(([period, value]) => ({ asOf: '2025-10-31', kind: 'metric', measure: 'referrals', region: 'A', period, dimension: 'all', level: 'all', value })),
  };
  it('reports the fall of 2 once, not again as the net change of the year\'s months', () => {
    const pub = {
      exportDate: '2025-11-30', rows: 200,
      metrics: [row('2024-03', 40), row('2024-06', 'suppressed'), row('2024-09', 'suppressed'), row('2025-11', 25), row('2024', 98), row('2025', 25), row('all', 123)],
      uptake: [], budget: { observed: [] }, previous: { changed: { periods: [{ region: 'A', period: '2024-06' }], activationYears: [], clinicRegions: [] } },
    };
    const report = auditPublishedUptake(pub as never, RULE, previous);
    const found = report.disclosedDifferences.map((d) => `${d.cell}: ${d.lower}`);
    expect(found).toContain('referrals · A · 2024 · all=all published on 2025-10-31 − the same count now (it fell): 2');
    // June's own change follows too (98 − 40 − 30): another cell. The year's months less P1's 100 is the fall again.
    expect(found).toContain('referrals · A · 2024-06 · all=all now − published on 2025-10-31 (changed since): -2');
    expect(found.filter((f) => f.includes('closed periods changed since'))).toEqual([]);
  });
});

describe('a listing made against other earlier files than the audit\'s (one month listed, a hidden one changed too)', () => {
  // P1 as of 31 October 2025: 2024 printed as 100, March 40 and June 30, May hidden (so 30), the
  // whole export 100. P2 lists June — its run was made against another earlier file — and prints
  // March, May and November (25).
  const row = (period: string, referrals: number | 'suppressed') => ({ region: 'A', period, dimension: 'all', level: 'all', referrals, activations: 0, atRisk4w: 0, retained4w: 0, atRisk12w: 0, retained12w: 0 });
  const previous: PreviousPublication = {
    file: 'P1.json', exportDate: '2025-10-31', exportDates: ['2025-10-31'], uncarried: [],
    counts: Object.entries({ '2024-03': 40, '2024-06': 30, '2024': 100, all: 100 }).map(([period, value]) => ({ asOf: '2025-10-31', kind: 'metric', measure: 'referrals', region: 'A', period, dimension: 'all', level: 'all', value })),
  };
  const pub = (may: number, year: number | 'suppressed', all: number | 'suppressed') => ({
    exportDate: '2025-11-30', rows: 200,
    metrics: [row('2024-03', 40), row('2024-05', may), row('2024-06', 'suppressed'), row('2025-11', 25), row('2024', year), row('2025', 25), row('all', all)],
    uptake: [], budget: { observed: [] }, previous: { changed: { periods: [{ region: 'A', period: '2024-06' }], activationYears: [], clinicRegions: [] } },
  });
  const found = (p2: object) => auditPublishedUptake(p2 as never, RULE, previous).disclosedDifferences.map((d) => `${d.cell}: ${d.lower} … ${d.upper}`);

  it('May registered late (31 now, P1\'s hidden 30), the year hidden: May and the year read as changed, the change reported (was: refused as contradictory)', () => {
    // 40 + 31 + June as P1 printed it (30) = 101 ≠ 100: June does not explain the year.
    const p2 = pub(31, 'suppressed', 126);
    expect([...unlistedChanges(p2 as never, previous)].sort()).toEqual(['m|A|2024', 'm|A|2024-05', 'm|national|2024', 'm|national|2024-05']);
    expect(found(p2)).toContain('referrals · A · all · all=all: periods up to 2025-10 now − published on 2025-10-31 (closed periods changed since): 1 … 1');
  });

  it('the same with the year printed (101): the year\'s months read as changed, the change reported', () => {
    const p2 = pub(31, 101, 'suppressed');
    expect([...unlistedChanges(p2 as never, previous)]).toEqual(expect.arrayContaining(['m|A|2024', 'm|A|2024-05']));
    expect(found(p2)).toContain('referrals · A · 2024 · all=all published on 2025-10-31 − the same count now (a closed period changed): 1 … 1');
  });

  it('June alone changed (the year 99, May 30 as P1 implied): the listing explains it, nothing more read as changed', () => {
    // 40 + 30 + 30 = 100: the year's sum agrees, so May stays read as before (and June's −1 is found).
    const p2 = pub(30, 99, 'suppressed');
    expect([...unlistedChanges(p2 as never, previous)]).toEqual([]);
    expect(found(p2)).toContain('referrals · A · 2024-06 · all=all now − published on 2025-10-31 (changed since): -1 … -1');
  });
});

describe('years only', () => {
  it('the same deletion: the year is not final, nothing extra is hidden, and the audit passes', async () => {
    const y1 = await publish('Y1', OCTOBER, '2025-10-31', false);
    const y2 = await publish('Y2', VARIANTS.deleted, '2025-11-30', false, y1.file);
    expect(y2.json.previous?.changed).toBeUndefined();
    for (const period of ['all', '2025']) expect(referrals(y2.json, SYD, period)).toBe(trueReferrals(VARIANTS.deleted, period));
    expect((await runCli('uptake', '--audit', '--published', y2.file, '--previous', y1.file)).code).toBe(0);
  });
});
