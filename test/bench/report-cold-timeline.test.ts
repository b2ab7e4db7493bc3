/**
 * bench/report-cold.js --timeline: where a core is idle in a cold `hta report`, from each thread's
 * time on a core and waiting for one (/proc/self/task/<tid>/schedstat), sampled every 20 ms.
 * A thread that waits for a core (a busy machine) still wants one: that time is not the run's idle time.
 */
import { describe, expect, it } from 'vitest';
import { idleCoreTimeline } from '../../bench/report-cold.js';

interface Bucket { atMs: number; cpu: Record<string, number>; wantMs: number; idleMs: number }
const timeline = idleCoreTimeline as (samples: unknown[], o: { t0: number; end: number; bucketMs?: number; cores?: number }) => Bucket[];

/** Ticks every 20 ms from `t0` for `ms`: the main thread on a core throughout, a worker from `workerFrom`, a helper waiting for a core in [100, 200). */
function ticks(t0: number, ms: number, workerFrom: number) {
  const out = [];
  for (let at = 0; at <= ms; at += 20) {
    const threads = [{ id: 1, group: 'main', runMs: at, waitMs: 0 }];
    if (at >= workerFrom) threads.push({ id: 2, group: 'w1', runMs: at - workerFrom, waitMs: 0 });
    threads.push({ id: 3, group: 'helpers', runMs: 0, waitMs: Math.max(0, Math.min(at, 200) - 100) });
    out.push({ at: t0 + at, threads });
  }
  return out;
}

describe('idleCoreTimeline', () => {
  it('counts the core time no thread ran or waited for, per bucket, with each group\'s CPU', () => {
    // The process's clock starts at 1000 ms; the run from 1000 to 1400; a worker from 200 ms on.
    const t = timeline(ticks(1000, 400, 200), { t0: 1000, end: 400, bucketMs: 100, cores: 2 });
    expect(t.map((b) => b.atMs)).toEqual([0, 100, 200, 300]);
    expect(t.map((b) => Math.round(b.cpu.main ?? 0))).toEqual([100, 100, 100, 100]);
    expect(t.map((b) => Math.round(b.cpu.w1 ?? 0))).toEqual([0, 0, 100, 100]);
    // 0–100: one core idle; 100–200: the helper waited for the second core the whole time (a
    // busy machine), which an idle machine would have given it; then both cores ran.
    expect(t.map((b) => Math.round(b.idleMs))).toEqual([100, 0, 0, 0]);
  });

  it('spreads a long interval (ticks missed) over the buckets it covers, and leaves out the time after the run\'s end', () => {
    const samples = ticks(0, 400, 1000).filter((s) => s.at <= 100 || s.at >= 300);
    const t = timeline(samples, { t0: 0, end: 350, bucketMs: 100, cores: 2 });
    expect(t).toHaveLength(4);
    // No tick in 100–300: the 200 ms the main thread ran then are 100 in each of 100–200 and
    // 200–300 (it ran throughout; neither bucket shows a core idle that was not), and of the
    // tick at 360 only 340–350 is the run's.
    expect(t.map((b) => Math.round(b.cpu.main ?? 0))).toEqual([100, 100, 100, 50]);
    // The helper's 100 ms of waiting in 100–200 is spread over the interval too (50 and 50).
    expect(t.map((b) => Math.round(b.idleMs))).toEqual([100, 50, 50, 50]);
  });
});
