/**
 * A link of a chain made without --previous (docs/disclosure-control.md "A link made without
 * --previous"). One registry published three times: P1 (export 2025-10-31), P2 (2025-11-30)
 * WITHOUT --previous, P3 (2025-12-30) naming P2 as the docs say ("the latest names the chain").
 * P2 carries nothing, so P3 knew nothing of P1 and printed counts differing from P1's by a few
 * patients — exit 0, nothing said, and the audit of P3 against P2 passed. hta cannot know that P1
 * exists, but it knows P2 was made without a chain though the registry ran before November: it
 * says so on stderr, on the page (results.json `previous.unchained`) and in the audit; and a run
 * without --previous says that earlier publications must be named, now and later.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateEligible, simulateRegistry } from '../../src/simulate/registry.js';
import { uptakeTables } from '../../src/report/uptake-tables.js';
import { noPreviousNote, referralsBeforeMonth, unchainedNote } from '../../src/uptake/disclosure/unchained-publication.js';
import { uptakeResultsSchema } from '../../src/uptake/uptake-results-schema.js';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';
import { runCli, tempDir } from '../support/run-cli.js';
import { registryAsOf } from '../support/registry-as-of.js';

const DATES = ['2025-10-31', '2025-11-30', '2025-12-30'] as const;

const dir = tempDir();
const plan = JSON.parse(readFileSync('data/plans/uptake.plan.json', 'utf8')) as Record<string, unknown>;
const registry = simulateRegistry({ rows: 300, seed: 3 });
writeFileSync(join(dir, 'eligible.csv'), simulateEligible({ seed: 3 }));
DATES.forEach((date, k) => {
  writeFileSync(join(dir, `r${k + 1}.csv`), registryAsOf(registry, date));
  writeFileSync(join(dir, `plan${k + 1}.json`), JSON.stringify({ ...plan, firstYear: 2025, eligibleFill: 'carry-forward', exportDate: date, publish: { months: false, clinics: false, equity: [] } }));
});

async function publish(k: number, name: string, args: string[] = []) {
  const run = await runCli('uptake', join(dir, `r${k}.csv`), '--eligible', join(dir, 'eligible.csv'), '--plan', join(dir, `plan${k}.json`), '--json', ...args);
  expect(run.code, run.stderr).toBe(0);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, run.stdout);
  return { file, stderr: run.stderr, analysis: JSON.parse(run.stdout) as UptakeAnalysis };
}

let made: Promise<{ P1: Awaited<ReturnType<typeof publish>>; P2: Awaited<ReturnType<typeof publish>>; P3: Awaited<ReturnType<typeof publish>> }> | undefined;
const chain = () => (made ??= (async () => {
  const P1 = await publish(1, 'P1');
  const P2 = await publish(2, 'P2nop');
  const P3 = await publish(3, 'P3', ['--previous', join(dir, 'P2nop.json')]);
  return { P1, P2, P3 };
})());

describe('a publication made without --previous', () => {
  it('says at its own run that earlier publications must be named, now and by every later one', async () => {
    const { P2 } = await chain();
    expect(P2.analysis.previous).toBeUndefined();
    expect(P2.stderr).toMatch(/warning: this publication is made without --previous, and the registry has referrals before November 2025/);
    expect(P2.stderr).toContain('must name every publication before this one too');
    expect(P2.stderr).toContain('--first-publication');
  });

  it('named alone by the next run: warned on stderr naming the file, recorded in results.json, said on the page', async () => {
    const { P3 } = await chain();
    expect(P3.stderr).toContain(`${join(dir, 'P2nop.json')} (export date 2025-11-30) was made without --previous`);
    expect(P3.stderr).toContain(`--previous ${join(dir, 'P2nop.json')}`);
    expect(P3.analysis.previous?.unchained).toEqual(['2025-11-30']);
    expect(uptakeResultsSchema.safeParse(P3.analysis).success).toBe(true);
    for (const lang of ['en', 'da'] as const) {
      const page = uptakeTables(P3.analysis, lang).preamble.join('\n');
      expect(page).toContain(lang === 'en' ? 'The earliest of them (export date' : 'Den tidligste af dem (udtræksdato');
    }
  });

  it('named with the publication before it, the warning is about that one (the earliest known), not the link without a chain', async () => {
    const { P1, P2 } = await chain();
    const run = await runCli('uptake', join(dir, 'r3.csv'), '--eligible', join(dir, 'eligible.csv'), '--plan', join(dir, 'plan3.json'), '--json', '--previous', P1.file, '--previous', P2.file);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain(`${P2.file} (export date 2025-11-30) was made without --previous`);
    expect(run.stderr).toContain(`${P1.file} (export date 2025-10-31) was made without --previous`);
    const a = JSON.parse(run.stdout) as UptakeAnalysis;
    expect(a.previous?.unchained).toEqual(['2025-10-31']);
    expect(a.previous?.publications.map((p) => p.exportDate)).toEqual(['2025-10-31', '2025-11-30']);
  });

  it('the audit of the next publication says it, with the file named or from the record alone', async () => {
    const { P2, P3 } = await chain();
    for (const args of [['--previous', P2.file], []]) {
      const run = await runCli('uptake', '--audit', '--published', P3.file, ...args);
      expect(run.stdout).toMatch(/Caution: the earliest publication known, of 2025-11-30 \(.*\), was made without --previous/);
    }
  });

  it('a chained file carries it on while its root stays the earliest known', async () => {
    const { P3 } = await chain();
    const json = { ...P3.analysis, exportDate: '2026-01-31' };
    const { mergePublications } = await import('../../src/uptake/disclosure/previous-publication.js');
    expect(mergePublications([{ json, file: 'P4.json' }]).unchained).toEqual([{ exportDate: '2025-11-30', file: 'P4.json', via: 'its previous.unchained records it' }]);
  });
});

describe('--first-publication', () => {
  it('records the declaration, says nothing at its run, and a later run naming it alone says nothing either', async () => {
    const P1 = await runCli('uptake', join(dir, 'r1.csv'), '--eligible', join(dir, 'eligible.csv'), '--plan', join(dir, 'plan1.json'), '--json', '--first-publication');
    expect(P1.code, P1.stderr).toBe(0);
    expect(P1.stderr).not.toContain('made without --previous');
    const a1 = JSON.parse(P1.stdout) as UptakeAnalysis;
    expect(a1.firstPublication).toBe(true);
    expect(uptakeResultsSchema.safeParse(a1).success).toBe(true);
    const file = join(dir, 'P1first.json');
    writeFileSync(file, P1.stdout);
    const P2 = await runCli('uptake', join(dir, 'r2.csv'), '--eligible', join(dir, 'eligible.csv'), '--plan', join(dir, 'plan2.json'), '--json', '--previous', file);
    expect(P2.code, P2.stderr).toBe(0);
    expect(P2.stderr).not.toContain('was made without --previous');
    expect((JSON.parse(P2.stdout) as UptakeAnalysis).previous?.unchained).toBeUndefined();
  });

  it('is refused beside --previous (exit 2, nothing written)', async () => {
    const run = await runCli('uptake', join(dir, 'r2.csv'), '--eligible', join(dir, 'eligible.csv'), '--plan', join(dir, 'plan2.json'), '--json', '--first-publication', '--previous', join(dir, 'P1first.json'));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--first-publication says no earlier publication of this registry exists');
  });
});

describe('referralsBeforeMonth', () => {
  it('reads printed or hidden referrals of a period begun before the export month; none when only the export month; unknown without periods', () => {
    expect(referralsBeforeMonth([{ period: '2025-10', referrals: 3 }, { period: '2025-11', referrals: 9 }], '2025-11-30')).toBe(true);
    expect(referralsBeforeMonth([{ period: '2025-10', referrals: 'suppressed' }], '2025-11-30')).toBe(true);
    expect(referralsBeforeMonth([{ period: '2025-10', referrals: 0 }, { period: '2025-11', referrals: 9 }], '2025-11-30')).toBe(false);
    expect(referralsBeforeMonth([{ period: 'all', referrals: 9 }], '2025-11-30')).toBeUndefined();
  });

  it('a registry whose first referrals are in the export month, year rows printed beside the months: none before (the year row holds that month)', () => {
    const rows = [{ period: '2025', referrals: 9 }, { period: '2025-10', referrals: 0 }, { period: '2025-11', referrals: 9 }];
    expect(referralsBeforeMonth(rows, '2025-11-30')).toBe(false);
    // An earlier year's row is before it, months printed or not.
    expect(referralsBeforeMonth([{ period: '2024', referrals: 3 }, ...rows], '2025-11-30')).toBe(true);
    // Years alone: which month of the export year is unknown, so the warning stays (not in January).
    expect(referralsBeforeMonth([{ period: '2025', referrals: 9 }], '2025-11-30')).toBe(true);
    expect(referralsBeforeMonth([{ period: '2025', referrals: 9 }], '2025-01-31')).toBe(false);
  });
});

describe('--lang da', () => {
  it('the warnings without --previous and on a link without a chain are Danish', () => {
    const rows = [{ period: '2025-10', referrals: 3 }];
    const no = noPreviousNote(rows, '2025-11-30', 'cli', 'da')!;
    expect(no).toContain('denne offentliggørelse laves uden --previous, og registret har henvisninger før november 2025');
    expect(no).not.toContain('this publication');
    const link = unchainedNote([{ exportDate: '2025-11-30', file: 'P11.json' }], ['P11.json'], 'da')!;
    expect(link).toContain('P11.json (udtræksdato 2025-11-30) blev lavet uden --previous, selvom den viser henvisninger før november 2025');
    expect(link).not.toContain('was made without');
  });
});
