/**
 * A closed month an earlier publication HID that changed since (docs/disclosure-control.md "A
 * corrected closed month and the running totals"). A region publishes monthly: P1 as of 31 October
 * 2025 (it hid Syddanmark's May and July 2025), P2 as of 30 November with `--previous P1`, after
 * one never-activated May referral was deleted. There is no print of May to compare, so until 5
 * December 2026 nothing was listed as changed: the run protected the net change (P1's whole
 * export 542 ≠ the months up to October now, 541) by hiding November, but the audit — of P2 as
 * published and the run's own — equated those months with P1's 542 and reported November as
 * "39 … 39" (40 is true), exit 1. Now the months P1 did not print in the rows whose sum no longer
 * agrees are listed as changed (which of them changed is not known: May and July), and both
 * audits pass.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uptakeAudit } from '../../src/cli/uptake.js';
import { auditPublishedFile } from '../../src/uptake/disclosure/published-audit.js';
import { changedUnit, unprintedPeriodsChanged, type PreviousCount } from '../../src/uptake/disclosure/previous-publication.js';
import { runUptake } from '../../src/uptake/run-uptake.js';
import { parseUptakePlan } from '../../src/uptake/uptake-plan.js';
import { CLOSED_MONTH_ELIGIBLE, closedMonthPlan, HEADER, NOVEMBER, octoberPublication, SYD } from '../support/closed-month-fixture.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

const DELETED_MAY = NOVEMBER.find((l) => l.split(',')[3]!.startsWith('2025-05') && l.split(',')[4] === '')!;

const plan = (exportDate: string) => parseUptakePlan(closedMonthPlan(exportDate));

type Row = { region: string; period: string; dimension: string; referrals: number | 'suppressed' };
type Json = { metrics: Row[]; previous?: { changed?: { periods: { region: string; period: string }[] } } };
const referrals = (j: Json, period: string) => j.metrics.find((r) => r.region === SYD && r.period === period && r.dimension === 'all')?.referrals;
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

/** The reader's subtraction: a running total now − then − November, where all three are printed; the result when it lies in ±1 … 4. */
function subtraction(p1: Json, p2: Json): string[] {
  return ['all', '2025'].flatMap((total) => {
    const [now, then, nov] = [num(referrals(p2, total)), num(referrals(p1, total)), num(referrals(p2, '2025-11'))];
    if (now === undefined || then === undefined || nov === undefined) return [];
    const d = now - then - nov;
    return d !== 0 && Math.abs(d) < 5 ? [`${total}: ${now} − ${then} − ${nov} = ${d}`] : [];
  });
}

let dir = '';
let p1File = '';
let P1: Json;
async function publish(name: string, lines: readonly string[], exportDate: string, previous?: string) {
  const registryFile = join(dir, `${name}.csv`);
  writeFileSync(registryFile, [HEADER, ...lines].join('\n') + '\n');
  const run = await runUptake({ registryFile, eligibleFile: join(dir, 'elig.csv'), plan: plan(exportDate), ...(previous ? { previousFiles: [previous] } : {}) });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(run.analysis));
  return { run, file, json: JSON.parse(JSON.stringify(run.analysis)) as Json };
}

beforeAll(async () => {
  dir = tempDir();
  writeFileSync(join(dir, 'elig.csv'), CLOSED_MONTH_ELIGIBLE);
  // P1 is computed once for both closed-month files (test/support/closed-month-fixture.ts).
  p1File = join(dir, 'P1.json');
  writeFileSync(p1File, await octoberPublication());
  P1 = JSON.parse(await octoberPublication()) as Json;
}, 30_000);
afterAll(removeTempDirs);

describe('a never-activated May row deleted, May hidden by P1', () => {
  it('P2 lists the months P1 hid in 2025 as changed, the reader subtracts nothing, and both audits pass', async () => {
    // The case as the reviewer found it: P1 hid May and July 2025 and printed the running totals.
    expect(referrals(P1, '2025-05')).toBe('suppressed');
    expect(referrals(P1, '2025-07')).toBe('suppressed');
    const { run, file, json } = await publish('P2', NOVEMBER.filter((l) => l !== DELETED_MAY), '2025-11-30', p1File);
    // Which hidden month changed is not known from P1's prints: both of 2025 (its 2024 row still agrees, so none of 2024).
    expect(json.previous?.changed?.periods).toEqual([
      { region: SYD, period: '2025-05' }, { region: SYD, period: '2025-07' }, { region: SYD, period: 'all' },
      { region: 'national', period: '2025-05' }, { region: 'national', period: '2025-07' }, { region: 'national', period: 'all' },
    ]);
    expect(subtraction(P1, json)).toEqual([]);
    // November printed (40, true) would give the deletion away: the reader's subtraction is real.
    // (With the whole export and 2025 printed too, as before the listing named the whole export: closeChangedUnits.)
    const truth: Record<string, number> = { '2025-11': 40, '2025': 351, all: 581 };
    const printedNov = { ...json, metrics: json.metrics.map((r) => (r.region === SYD && r.dimension === 'all' && truth[r.period] !== undefined ? { ...r, referrals: truth[r.period]! } : r)) };
    expect(subtraction(P1, printedNov)).toEqual(['all: 581 − 542 − 40 = -1', '2025: 351 − 312 − 40 = -1']);

    const own = (await uptakeAudit(run, run.previous)).audit;
    expect([...own.narrow, ...own.disclosedDifferences]).toEqual([]);
    const published = auditPublishedFile(file, [p1File]);
    expect([...published.audit.narrow, ...published.audit.disclosedDifferences, ...published.hiddenBeforePrinted, ...published.earlierPinned]).toEqual([]);

    // The same file without the listing is what the audit read before: May equated, false narrow counts.
    const unlisted = join(dir, 'P2-unlisted.json');
    const { changed: _dropped, ...previous } = (JSON.parse(readFileSync(file, 'utf8')) as { previous: Record<string, unknown> }).previous;
    writeFileSync(unlisted, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), previous }));
    const misread = auditPublishedFile(unlisted, [p1File]).audit.narrow.map((n) => `${n.cell}: ${n.lower} … ${n.upper}`);
    // (Until the listing named the whole export too, closeChangedUnits, November read a false 39 … 39;
    // now the whole export is hidden, and May, equated, pins its hidden counts instead.)
    expect(misread.some((c) => c.startsWith(`activations · ${SYD} · 2025-05 · all=all:`))).toBe(true);
  }, 30_000);

  it('the registry unchanged: nothing is listed', async () => {
    const { json } = await publish('P2same', NOVEMBER, '2025-11-30', p1File);
    expect(json.previous?.changed).toBeUndefined();
  }, 30_000);
});

describe('unprintedPeriodsChanged', () => {
  // P1 as of 31 October: the whole export 149 and its years; 2024 printed whole (Dec 50), 2025 with May and July hidden.
  const asOf = '2025-10-31';
  const count = (period: string, value: number): PreviousCount => ({ asOf, kind: 'metric', measure: 'referrals', region: 'A', period, dimension: 'all', level: 'all', value });
  const counts = [count('all', 149), count('2024', 50), count('2024-12', 50), count('2025', 99), count('2025-03', 40), count('2025-06', 30)];
  const row = (period: string) => ({ region: 'A', period, dimension: 'all', level: 'all' });
  const now: Record<string, number> = { '2024-12': 50, '2025-03': 40, '2025-05': 14, '2025-06': 30, '2025-07': 15, '2025-11': 25 };
  const rows = Object.keys(now).map(row);
  const units = (values: Record<string, number>, changed: string[] = [], previous = counts) =>
    [...unprintedPeriodsChanged({ counts: previous }, rows, 'month', new Set(changed), (r) => values[r.period]!)].sort();

  it('lists the hidden months of the rows whose sum no longer agrees, with the whole country', () => {
    expect(units({ ...now, '2025-05': 13 })).toEqual(['m|A|2025-05', 'm|A|2025-07', 'm|national|2025-05', 'm|national|2025-07']);
  });

  it('lists nothing where the sums agree, where the change is a listed month printed then, or where P1 printed no month', () => {
    expect(units(now)).toEqual([]);
    // March listed as changed (printed 40 then): P1's sum holds with its print, the hidden months are not suspected.
    expect(units({ ...now, '2025-03': 39 }, [changedUnit({ kind: 'metric', region: 'A', period: '2025-03' })])).toEqual([]);
    expect(units({ ...now, '2025-05': 13 }, [], counts.filter((c) => c.kind === 'metric' && !c.period.includes('-')))).toEqual([]);
  });
});
