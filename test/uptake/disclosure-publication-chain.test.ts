/**
 * A chain of publications (docs/disclosure-control.md, "Publishing again"). One registry published
 * three times, a month apart: P1 (export 2025-10-31), P2 (2025-11-30, --previous P1), P3
 * (2025-12-30, --previous P2). Until 3 December 2026 a publication knew only the one it named:
 * P2 hid totals P1 printed, so P3 knew only that they were hidden and printed them again, and
 * P3 − P1 gave small counts (on this registry Nordjylland's referrals 34 → 38, Midtjylland's
 * retained at 12 weeks 16 → 18, …). Now every results.json carries the printed counts of the
 * publications it was protected against, each as of its export date; `--previous` is repeated for
 * several files, merged; and `--audit --published` checks a publication as published against its chain.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateEligible, simulateRegistry } from '../../src/simulate/registry.js';
import { uptakeEntrySchema } from '../../src/report/kinds/uptake-report.js';
import { uptakeResultsSchema } from '../../src/uptake/uptake-results-schema.js';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';
import { runCli, tempDir } from '../support/run-cli.js';
import { registryAsOf } from '../support/registry-as-of.js';

const DATES = ['2025-10-31', '2025-11-30', '2025-12-30'] as const;
const COUNTS = ['referrals', 'activations', 'atRisk4w', 'retained4w', 'atRisk12w', 'retained12w'] as const;

const dir = tempDir();
const plan = JSON.parse(readFileSync('data/plans/uptake.plan.json', 'utf8')) as Record<string, unknown>;
const registry = simulateRegistry({ rows: 400, seed: 2 });
writeFileSync(join(dir, 'eligible.csv'), simulateEligible({ seed: 2 }));
DATES.forEach((date, k) => {
  writeFileSync(join(dir, `r${k + 1}.csv`), registryAsOf(registry, date));
  // Years only, as a small registry publishes (docs/plan-uptake.md "What is published").
  writeFileSync(join(dir, `plan${k + 1}.json`), JSON.stringify({ ...plan, firstYear: 2025, eligibleFill: 'carry-forward', exportDate: date, publish: { months: false, clinics: false, equity: [] } }));
});

/** `hta uptake` on the k-th export (1–3) with `args`, its --json output written to `name`.json. */
async function publish(k: number, name: string, args: string[] = []): Promise<{ file: string; analysis: UptakeAnalysis }> {
  const run = await runCli('uptake', join(dir, `r${k}.csv`), '--eligible', join(dir, 'eligible.csv'), '--plan', join(dir, `plan${k}.json`), '--json', ...args);
  expect(run.code, run.stderr).toBe(0);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, run.stdout);
  return { file, analysis: JSON.parse(run.stdout) as UptakeAnalysis };
}

/** The chain, made once for the file: P1, P2 naming P1, P3 naming P2. */
let chain: Promise<{ P1: Awaited<ReturnType<typeof publish>>; P2: Awaited<ReturnType<typeof publish>>; P3: Awaited<ReturnType<typeof publish>> }> | undefined;
const theChain = () => (chain ??= (async () => {
  const P1 = await publish(1, 'P1');
  const P2 = await publish(2, 'P2', ['--previous', P1.file]);
  const P3 = await publish(3, 'P3', ['--previous', P2.file]);
  return { P1, P2, P3 };
})());

/** The reader's subtraction: every row printed in both, later − earlier, where it is a small count. */
function smallDifferences(earlier: UptakeAnalysis, later: UptakeAnalysis): string[] {
  const found: string[] = [];
  for (const r of later.metrics) {
    const old = earlier.metrics.find((m) => m.region === r.region && m.period === r.period && m.dimension === r.dimension && m.level === r.level);
    for (const c of COUNTS) {
      const [x, y] = [r[c], old?.[c]];
      if (typeof x === 'number' && typeof y === 'number' && x - y > 0 && x - y < 5) found.push(`${c} ${r.region} ${r.period}: ${x} − ${y}`);
    }
  }
  return found;
}

describe('three publications, each naming the last', () => {
  it('P3 − P1 gives no small count: P2 carried P1\'s counts to P3', async () => {
    const { P1, P2, P3 } = await theChain();
    expect(smallDifferences(P1.analysis, P2.analysis)).toEqual([]);
    expect(smallDifferences(P2.analysis, P3.analysis)).toEqual([]);
    expect(smallDifferences(P1.analysis, P3.analysis)).toEqual([]);
    expect(P2.analysis.previous?.publications.map((p) => p.exportDate)).toEqual(['2025-10-31']);
    expect(P3.analysis.previous?.publications.map((p) => p.exportDate)).toEqual(['2025-10-31', '2025-11-30']);
    expect(P3.analysis.previous?.exportDate).toBe('2025-11-30');
    // What P3 carries of P1 is what P1 printed: e.g. Nordjylland's whole export.
    const printed = P1.analysis.metrics.find((m) => m.region === 'Nordjylland' && m.period === 'all' && m.dimension === 'all')!;
    const carried = P3.analysis.previous!.publications[0]!.metrics.find((m) => m.region === 'Nordjylland' && m.period === 'all' && m.dimension === 'all');
    expect(carried?.referrals).toBe(printed.referrals);
    expect(uptakeResultsSchema.safeParse(P3.analysis).success).toBe(true);
  });

  it('--previous a.json --previous b.json: a P2 made without --previous and P1 both protect P3', async () => {
    const { P1 } = await theChain();
    const lone = await publish(2, 'P2-alone');
    expect(lone.analysis.previous).toBeUndefined();
    const P3 = await publish(3, 'P3-two', ['--previous', P1.file, '--previous', lone.file]);
    expect(P3.analysis.previous?.publications.map((p) => p.exportDate)).toEqual(['2025-10-31', '2025-11-30']);
    expect(smallDifferences(P1.analysis, P3.analysis)).toEqual([]);
    expect(smallDifferences(lone.analysis, P3.analysis)).toEqual([]);
  });

  it('--previous takes one file each time: the registry may follow it (--previous p1.json r2.csv --eligible …)', async () => {
    const { P1, P2 } = await theChain();
    const run = await runCli('uptake', '--previous', P1.file, join(dir, 'r2.csv'), '--eligible', join(dir, 'eligible.csv'), '--plan', join(dir, 'plan2.json'), '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(readFileSync(P2.file, 'utf8'));
  });

  it('two files claiming different counts for the same cell and date are refused, naming both: exit 2, nothing written', async () => {
    const { P1, P2 } = await theChain();
    const edited = JSON.parse(readFileSync(P1.file, 'utf8')) as UptakeAnalysis;
    const row = edited.metrics.find((m) => m.region === 'national' && m.period === 'all' && m.dimension === 'all')!;
    row.referrals = (row.referrals as number) + 1;
    const editedFile = join(dir, 'P1-edited.json');
    writeFileSync(editedFile, JSON.stringify(edited, null, 2));
    const csvDir = join(dir, 'csv-conflict');
    const run = await runCli('uptake', join(dir, 'r3.csv'), '--eligible', join(dir, 'eligible.csv'), '--plan', join(dir, 'plan3.json'), '--previous', editedFile, '--previous', P2.file, '--csv-dir', csvDir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${editedFile} and ${P2.file} (the publication of 2025-10-31 it carries) give different counts for referrals · national · all · all=all as of 2025-10-31`);
    expect(run.stderr).toMatch(/P1-edited\.json:\d+:\d+ \(metrics\.\d+\.referrals\)/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(csvDir)).toBe(false);
    // The same file twice is a slip, not two publications.
    const twice = await runCli('uptake', join(dir, 'r3.csv'), '--eligible', join(dir, 'eligible.csv'), '--plan', join(dir, 'plan3.json'), '--previous', P2.file, '--previous', P2.file, '--csv-dir', csvDir);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('is named twice');
    expect(existsSync(csvDir)).toBe(false);
  });
});

describe('small counts of earlier publications are not carried on', () => {
  it('a P1 printed under threshold 1: P2 carries none of its small counts, and says how many it left out', async () => {
    writeFileSync(join(dir, 'plan1-low.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'plan1.json'), 'utf8')), suppression: { threshold: 1, acknowledgeLowThreshold: true } }));
    const low = await runCli('uptake', join(dir, 'r1.csv'), '--eligible', join(dir, 'eligible.csv'), '--plan', join(dir, 'plan1-low.json'), '--json');
    expect(low.code, low.stderr).toBe(0);
    const lowFile = join(dir, 'P1-low.json');
    writeFileSync(lowFile, low.stdout);
    const run = await runCli('uptake', join(dir, 'r2.csv'), '--eligible', join(dir, 'eligible.csv'), '--plan', join(dir, 'plan2.json'), '--json', '--previous', lowFile);
    expect(run.code, run.stderr).toBe(0);
    const P2 = JSON.parse(run.stdout) as UptakeAnalysis;
    const carried = P2.previous!.publications.flatMap((p) => p.metrics.flatMap((m) => COUNTS.map((c) => m[c]).filter((v): v is number => typeof v === 'number')));
    expect(carried.length).toBeGreaterThan(0);
    expect(carried.filter((v) => v > 0 && v < 5)).toEqual([]);
    expect(run.stderr).toMatch(/counts of earlier publications below the threshold 5 are not carried into this publication's results\.json \(\d+ of the publication of 2025-10-31\)/);
    expect(run.stderr).toContain('name it with --previous again');
  });

  it('--audit --published fails a results.json that carries a count below its threshold, naming the cell', async () => {
    const { P3 } = await theChain();
    const edited = JSON.parse(readFileSync(P3.file, 'utf8')) as UptakeAnalysis;
    const row = edited.previous!.publications[0]!.metrics.find((m) => m.region === 'national' && m.period === 'all' && m.dimension === 'all')!;
    row.referrals = 3;
    const file = join(dir, 'P3-small-carried.json');
    writeFileSync(file, JSON.stringify(edited, null, 2));
    const r = await runCli('uptake', '--audit', '--published', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/P3-small-carried\.json:\d+:\d+ \(previous\.publications\.0\.metrics\.\d+\.referrals\): referrals · national · all · all=all as of 2025-10-31 is below the threshold/);
    const json = await runCli('uptake', '--audit', '--published', file, '--json');
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as { smallCarried: unknown[] }).smallCarried).toHaveLength(1);
  });
});

describe('hta uptake --audit --published: a publication as it was published', () => {
  it('passes P3 of the chain, and catches a P3 made without --previous (against P2, which carries P1)', async () => {
    const { P2, P3 } = await theChain();
    const good = await runCli('uptake', '--audit', '--published', P3.file, '--json');
    expect(good.code, good.stdout + good.stderr).toBe(0);
    const report = JSON.parse(good.stdout) as { audit: { narrow: unknown[]; disclosedDifferences: unknown[]; suppressedCells: number }; earlier: string[] };
    expect(report.earlier).toEqual(['2025-10-31', '2025-11-30']);
    expect(report.audit.narrow).toEqual([]);
    expect(report.audit.disclosedDifferences).toEqual([]);
    expect(report.audit.suppressedCells).toBe(P3.analysis.suppression.suppressedCells);
    // P1 and P2 named again beside P3, which carries them: the same counts twice are one.
    const named = await runCli('uptake', '--audit', '--published', P3.file, '--previous', join(dir, 'P1.json'), '--previous', P2.file);
    expect(named.code, named.stdout + named.stderr).toBe(0);

    const broken = await publish(3, 'P3-broken');
    const bad = await runCli('uptake', '--audit', '--published', broken.file, '--previous', P2.file);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('Earlier publications taken as known');
    expect(bad.stdout).toContain('2025-10-31, 2025-11-30');
    // P3 − P1, which P2 hid and a P3 without --previous printed again.
    expect(bad.stdout).toMatch(/− the same count published on 2025-10-31: (\d) … \1/);
    // Alone, the broken P3 has no chain to be checked against.
    const alone = await runCli('uptake', '--audit', '--published', broken.file);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toContain('Earlier publications taken as known: none.');
  });

  it('takes no registry, eligible file or plan, and needs --audit', async () => {
    const { P3 } = await theChain();
    const extra = await runCli('uptake', join(dir, 'r3.csv'), '--audit', '--published', P3.file, '--plan', join(dir, 'plan3.json'));
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('--audit --published reads the published file and the earlier publications only, not <registry>');
    const noAudit = await runCli('uptake', '--published', P3.file);
    expect(noAudit.code).toBe(2);
    expect(noAudit.stderr).toContain('add --audit');
    // An earlier publication must be earlier.
    const later = await runCli('uptake', '--audit', '--published', join(dir, 'P1.json'), '--previous', P3.file);
    expect(later.code).toBe(2);
    expect(later.stderr).toMatch(/(is|are) after \S*P1\.json's 2025-10-31/);
    // A results.json of an hta that did not carry the chain yet: the publication it names must be named too.
    const old = JSON.parse(readFileSync(P3.file, 'utf8')) as { previous: { exportDate: string; publications?: unknown } };
    delete old.previous.publications;
    const oldFile = join(dir, 'P3-old.json');
    writeFileSync(oldFile, JSON.stringify(old));
    const uncarried = await runCli('uptake', '--audit', '--published', oldFile);
    expect(uncarried.stderr).toContain(`${oldFile} was protected against the publication of 2025-11-30, but does not carry its counts`);
    expect(uncarried.stdout).toContain('Earlier publications taken as known: none.');
  });
});

describe('the manifest key "previous"', () => {
  it('takes one file or a list', () => {
    const entry = { registry: 'r.csv', eligible: 'e.csv', plan: 'p.json' };
    expect(uptakeEntrySchema.safeParse({ ...entry, previous: 'a.json' }).success).toBe(true);
    expect(uptakeEntrySchema.safeParse({ ...entry, previous: ['a.json', 'b.json'] }).success).toBe(true);
    expect(uptakeEntrySchema.safeParse({ ...entry, previous: [] }).success).toBe(false);
  });
});
