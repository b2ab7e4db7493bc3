/**
 * A region added between two publications (docs/disclosure-control.md "A region added since").
 * Found by an attacker (4 December 2026): the November publication covered Syddanmark only, the
 * December one Sjælland too; every closed month of the whole country went into
 * `previous.changed`, described as "late registrations or corrections". The country's counts
 * are still hidden (the cell model does not tie them to the earlier prints less the added
 * region's), but the record and the sentence now say that a region was added, and which.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseUptake } from '../../src/uptake/uptake-analysis.js';
import { loadUptakePlanFile } from '../../src/uptake/uptake-plan.js';
import { changedSentence } from '../../src/uptake/publication-notes.js';
import { simulateEligible, simulateRegistry } from '../../src/simulate/registry.js';
import { tempDir } from '../support/run-cli.js';


describe('a region added since an earlier publication', () => {
  it('is named as added in previous.changed and the sentence; the whole country\'s changed months are those the region referred in', async () => {
    const dir = tempDir();
    const plan = { ...JSON.parse(readFileSync('test/uptake/fixtures/small-three-regions/totals.plan.json', 'utf8')) as Record<string, unknown>, publish: { months: true, clinics: false, equity: [] } };
    // Two regions of a simulated registry of 2025, as the attacker's (Syddanmark, then Sjælland too).
    const [header, ...all] = simulateRegistry({ rows: 1500, seed: 7, startDate: '2025-01-01', years: 1 }).trimEnd().split('\n');
    const rows = all.map((r) => r.split(',')).filter((f) => (f[1] === 'Syddanmark' || f[1] === 'Sjælland') && f.slice(3, 6).every((d) => d <= '2025-12-31'));
    // November: Sjælland not yet in the registry nor the eligible file; dates after 30 November not yet happened.
    const nov = rows.filter((f) => f[1] === 'Syddanmark' && f[3]! <= '2025-11-30').map((g) => {
      const f = [...g];
      if (f[4]! > '2025-11-30') { f[4] = ''; f[5] = ''; }
      if (f[5]! > '2025-11-30') f[5] = '2025-11-30';
      return f.join(',');
    });
    writeFileSync(join(dir, 'nov.csv'), `${[header, ...nov].join('\n')}\n`);
    writeFileSync(join(dir, 'dec.csv'), `${[header, ...rows.map((f) => f.join(','))].join('\n')}\n`);
    const eligible = simulateEligible({ seed: 7 }).trimEnd().split('\n');
    writeFileSync(join(dir, 'eligible-nov.csv'), `${eligible.filter((l, i) => i === 0 || l.startsWith('Syddanmark,')).join('\n')}\n`);
    writeFileSync(join(dir, 'eligible-dec.csv'), `${eligible.filter((l, i) => i === 0 || l.startsWith('Syddanmark,') || l.startsWith('Sjælland,')).join('\n')}\n`);
    writeFileSync(join(dir, 'nov.plan.json'), JSON.stringify({ ...plan, exportDate: '2025-11-30' }));
    writeFileSync(join(dir, 'dec.plan.json'), JSON.stringify(plan));
    const p1 = await analyseUptake({ registryFile: join(dir, 'nov.csv'), eligibleFile: join(dir, 'eligible-nov.csv'), plan: loadUptakePlanFile(join(dir, 'nov.plan.json')) });
    const p2 = await analyseUptake({ registryFile: join(dir, 'dec.csv'), eligibleFile: join(dir, 'eligible-dec.csv'), plan: loadUptakePlanFile(join(dir, 'dec.plan.json')), previousRead: [{ file: 'nov.json', json: JSON.parse(JSON.stringify(p1)) }] });
    const changed = p2.previous!.changed!;
    expect(changed.addedRegions).toEqual(['Sjælland']);
    // The months closed by 30 November in which Sjælland referred: the whole country's changed by its counts.
    const addedMonths = [...new Set(rows.filter((f) => f[1] === 'Sjælland' && f[3]! < '2025-11').map((f) => f[3]!.slice(0, 7)))].sort();
    expect(addedMonths.length).toBeGreaterThan(0);
    for (const m of addedMonths) expect(changed.periods).toContainEqual({ region: 'national', period: m });
    // No row of the other regions changed (none was registered late).
    expect(changed.periods.filter((p) => p.region !== 'national')).toEqual([]);
    const en = changedSentence(changed, 'en', (s) => (s === 'national' ? 'the whole country' : s))!;
    expect(en).toContain('late registrations or corrections, or a region added: Sjælland, of which it had no row');
    expect(changedSentence(changed, 'da')).toContain('eller en tilføjet region: Sjælland');
    // A later cut naming only the December publication (November carried, its hidden rows not) still says so.
    const p3 = await analyseUptake({ registryFile: join(dir, 'dec.csv'), eligibleFile: join(dir, 'eligible-dec.csv'), plan: loadUptakePlanFile(join(dir, 'dec.plan.json')), previousRead: [{ file: 'dec.json', json: JSON.parse(JSON.stringify(p2)) }] });
    expect(p3.previous!.changed!.addedRegions).toEqual(['Sjælland']);
    // Without an added region the sentence is the one it was.
    expect(changedSentence({ ...changed, addedRegions: undefined } as never, 'en')).toContain('(late registrations or corrections):');
  }, 20_000);
});
