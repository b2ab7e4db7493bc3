/**
 * Counts an earlier publication hid, a month later (docs/disclosure-control.md "How it is
 * protected"). A registry of three regions (Hovedstaden 900, Sjælland 400, Nordjylland 60
 * referrals, 2024–2025; fixture `hidden-parts/`) is published as of 30 November 2025 (Nov, cut
 * from the export as it stood then) and as of 31 December 2025 (Dec, `--previous` Nov), years
 * only. Nov printed the whole country's and Hovedstaden's retained at 12 weeks of the 2025 cohort
 * (138, 91) and hid Sjælland's and Nordjylland's. Until 5 December 2026 Dec printed the country's
 * 151 and Hovedstaden's 101 (and both hidden regions, 45 and 5): (151 − 138) − (101 − 91) = 3
 * patients of Sjælland and Nordjylland reached 12 weeks' retention in December, each region's
 * share 0 … 3, and Nov's hidden Nordjylland narrowed to 2 … 5 (true 4) — and the audit passed
 * (`dec-before-fix.json`, that Dec as published). Now the suppression ties the hidden regions'
 * sum then (138 − 91) to their counts now, and the audit holds Nov's hidden counts as unknowns.
 *
 * Nov is the one hta published before the insider rule (session 33; `nov-before-insiders.json`,
 * `hta uptake --first-publication --json` of the cut below): the rule now also hides Hovedstaden's
 * (Sjælland, knowing its own, would take 138 − 91 − its own and have Nordjylland's), so a Nov made
 * today gives this subtraction nothing to start from. A Dec published against the Nov as it was
 * published is what a user of this chain does, and it still has to hide what the subtraction
 * needs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const FIX = 'test/uptake/fixtures/hidden-parts';
const COUNTS = ['referrals', 'activations', 'atRisk4w', 'retained4w', 'atRisk12w', 'retained12w'] as const;
type Row = Record<string, unknown> & { region: string; period: string; dimension: string; level: string };
interface Pub { metrics: Row[] }

/** The export as it stood on `date`: later referrals dropped, later activations and activity blanked or capped. */
function cut(csv: string, date: string): string {
  const [head, ...rows] = csv.trimEnd().split('\n');
  const out = [head!];
  for (const line of rows) {
    const f = line.split(',');
    if (f[3]! > date) continue;
    if (f[4] && f[4] > date) { f[4] = ''; f[5] = ''; }
    else if (f[5] && f[5] > date) f[5] = date;
    out.push(f.join(','));
  }
  return out.join('\n') + '\n';
}

/**
 * The reader's subtraction: for each count the whole country printed in both, its growth less the
 * growth of every region printed in both — the growth of the regions hidden in either, where it
 * lands in 1 … 4.
 */
function subtract(nov: Pub, dec: Pub): string[] {
  const key = (r: Row) => `${r.region}|${r.period}|${r.dimension}|${r.level}`;
  const N = new Map(nov.metrics.map((r) => [key(r), r])), D = new Map(dec.metrics.map((r) => [key(r), r]));
  const regions = [...new Set(dec.metrics.map((r) => r.region).filter((r) => r !== 'national'))];
  const found: string[] = [];
  for (const r of dec.metrics) {
    const then = N.get(key(r));
    if (r.region !== 'national' || !then) continue;
    for (const c of COUNTS) {
      if (typeof r[c] !== 'number' || typeof then[c] !== 'number') continue;
      let rest = (r[c] as number) - (then[c] as number);
      const hidden: string[] = [];
      for (const g of regions) {
        const a = N.get(key({ ...r, region: g }))?.[c], b = D.get(key({ ...r, region: g }))?.[c];
        if (typeof a === 'number' && typeof b === 'number') rest -= b - a;
        else hidden.push(g);
      }
      if (hidden.length > 0 && rest >= 1 && rest <= 4) found.push(`${c} ${r.period}: ${hidden.join(' + ')} = ${rest}`);
    }
  }
  return found;
}

describe('counts an earlier publication hid, tied to the next publication', () => {
  const dir = tempDir();
  const nov = join(FIX, 'nov-before-insiders.json');
  const novPub = JSON.parse(readFileSync(nov, 'utf8')) as Pub;

  it('Nov as published: the export as it stood on 30 November, the country\'s and Hovedstaden\'s retained at 12 weeks of 2025 printed, the other two regions\' hidden', async () => {
    // The fixture is that export's publication: the same rows and counts as hta reads them today.
    writeFileSync(join(dir, 'nov.csv'), cut(readFileSync(join(FIX, 'registry.csv'), 'utf8'), '2025-11-30'));
    writeFileSync(join(dir, 'nov.plan.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(FIX, 'plan.json'), 'utf8')), exportDate: '2025-11-30' }));
    const r = await runCli('uptake', join(dir, 'nov.csv'), '--eligible', join(FIX, 'eligible.csv'), '--plan', join(dir, 'nov.plan.json'), '--first-publication', '--json');
    expect(r.code, r.stderr).toBe(0);
    const today = JSON.parse(r.stdout) as Pub & { rows: unknown };
    expect(today.rows).toBe((novPub as Pub & { rows: unknown }).rows);
    const row = (p: Pub, region: string) => p.metrics.find((m) => m.region === region && m.period === '2025' && m.dimension === 'all')!;
    expect(['national', 'Hovedstaden', 'Sjælland', 'Nordjylland'].map((g) => row(novPub, g).retained12w)).toEqual([138, 91, 'suppressed', 'suppressed']);
    // Where both print a count, it is the same count.
    for (const m of today.metrics) {
      const then = novPub.metrics.find((x) => x.region === m.region && x.period === m.period && x.dimension === m.dimension && x.level === m.level)!;
      for (const c of COUNTS) if (typeof m[c] === 'number' && typeof then[c] === 'number') expect(m[c], `${c} ${m.region} ${m.period}`).toBe(then[c]);
    }
  }, 60_000);

  it('the Dec published before the fix: the subtraction gives 3, and the audit now finds it', async () => {
    const before = JSON.parse(readFileSync(join(FIX, 'dec-before-fix.json'), 'utf8')) as Pub;
    expect(subtract(novPub, before)).toContain('retained12w 2025: Sjælland + Nordjylland = 3');
    const audit = await runCli('uptake', '--audit', '--published', join(FIX, 'dec-before-fix.json'), '--previous', nov);
    expect(audit.code, audit.stdout + audit.stderr).toBe(1);
    expect(audit.stdout).toContain('retained12w · Nordjylland · 2025 · all=all − the same count as of 2025-11-30 (hidden then): 0 … 3');
    expect(audit.stdout).toContain('retained12w · Sjælland · 2025 · all=all − the same count as of 2025-11-30 (hidden then): 0 … 3');
    expect(audit.stdout).toContain('retained12w · Nordjylland · 2025 · all=all as of 2025-11-30 (hidden then): 2 … 5');
    // The cells of this file are counted as before: Nov's hidden counts are not its cells.
    expect(audit.stdout).toContain('Suppressed: 27 of 80 count cells');
  }, 60_000);

  it('Dec now hides what the subtraction needs, and passes the audit: Nov\'s hidden counts at least 5 wide', async () => {
    const r = await runCli('uptake', join(FIX, 'registry.csv'), '--eligible', join(FIX, 'eligible.csv'), '--plan', join(FIX, 'plan.json'), '--previous', nov, '--json');
    expect(r.code, r.stderr).toBe(0);
    const dec = JSON.parse(r.stdout) as Pub;
    expect(subtract(novPub, dec)).toEqual([]);
    const row = (region: string) => dec.metrics.find((m) => m.region === region && m.period === '2025' && m.dimension === 'all')!;
    expect([row('national').retained12w, row('Hovedstaden').retained12w]).toContain('suppressed');
    writeFileSync(join(dir, 'dec.json'), r.stdout);
    const audit = await runCli('uptake', '--audit', '--json', '--published', join(dir, 'dec.json'), '--previous', nov);
    expect(audit.code, audit.stdout + audit.stderr).toBe(0);
    const intervals = (JSON.parse(audit.stdout) as { audit: { earlierHidden: { cell: string; lower: number; upper: number }[] } }).audit.earlierHidden;
    const nordjylland = intervals.find((i) => i.cell === 'retained12w · Nordjylland · 2025 · all=all as of 2025-11-30 (hidden then)')!;
    expect(nordjylland.upper - nordjylland.lower).toBeGreaterThanOrEqual(5);
  }, 60_000);
});
