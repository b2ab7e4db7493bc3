/**
 * `hta uptake --audit --published … --previous …` with a region's own publication beside the
 * national one of the same date (docs/disclosure-control.md "Two cuts of one extract"), on small
 * files made here: the national file prints clinic H013's activations (5) and hides its referrals;
 * the region's file prints its referrals (9) and hides its activations. Each alone hides
 * referrals − activations; together they give it (4), and the audit must say so — whichever file
 * is audited, however the region file spells its region, and when it carries an earlier
 * publication of its own.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

const S = 'suppressed';
const suppression = { threshold: 5, protectionLevel: 5, zerosSensitive: false };
const all = (region: string, referrals: number | string, activations: number | string) => ({ region, period: 'all', dimension: 'all', level: 'all', referrals, activations });
const clinic = (region: string, name: string, referrals: number | string, activations: number | string) => ({ region, clinic: name, referrals, activations });

const national = {
  exportDate: '2025-12-31', rows: 50, suppression,
  metrics: [all('Hovedstaden', 20, 13), all('Sjælland', 30, 20), all('national', 50, 33)],
  uptake: [], budget: { observed: [] },
  funnel: { rows: [clinic('Hovedstaden', 'H013', S, 5), clinic('Hovedstaden', 'H014', S, S), clinic('Sjælland', 'S001', 30, 20)] },
};
/** The region's own publication, its region spelled `name`. */
const region = (name: string) => ({
  exportDate: '2025-12-31', rows: 20, suppression,
  metrics: [all(name, 20, 13), all('national', 20, 13)],
  uptake: [], budget: { observed: [] },
  funnel: { rows: [clinic(name, 'H013', 9, S), clinic(name, 'H014', 11, S)] },
});
/** It carries its own publication of November: "national" there was the region's total too. */
const carrying = {
  ...region('Hovedstaden'),
  previous: { exportDate: '2025-11-30', publications: [{ exportDate: '2025-11-30', metrics: [{ region: 'national', period: 'all', dimension: 'all', level: 'all', referrals: 18 }], activationYears: [], clinics: [] }] },
};

/** The national publication carrying its November one: the country's 45 referrals, Hovedstaden's 18. */
const nationalCarrying = {
  ...national,
  previous: { exportDate: '2025-11-30', publications: [{ exportDate: '2025-11-30', metrics: [{ region: 'Hovedstaden', period: 'all', dimension: 'all', level: 'all', referrals: 18 }, { region: 'national', period: 'all', dimension: 'all', level: 'all', referrals: 45 }], activationYears: [], clinics: [] }] },
};

let dir = '';
const file = (name: string) => join(dir, name);
beforeAll(() => {
  dir = tempDir();
  for (const [name, json] of [['P12.json', national], ['H12.json', region('Hovedstaden')], ['H12r.json', region('Region Hovedstaden')], ['H12c.json', carrying], ['P12c.json', nationalCarrying]] as const) writeFileSync(file(name), JSON.stringify(json, null, 2));
});
afterAll(removeTempDirs);

const audit = (published: string, previous: string) => runCli('uptake', '--audit', '--published', file(published), '--previous', file(previous));
const LEAK = 'referrals − activations · clinic Hovedstaden/H013: 4 … 4';

describe('a region\'s own publication audited beside the national one', () => {
  it('each file alone hides the difference (the fixture is a leak only together)', async () => {
    const a = await runCli('uptake', '--audit', '--published', file('P12.json'));
    expect(a.stdout).not.toContain('H013: 4');
    const b = await runCli('uptake', '--audit', '--published', file('H12.json'));
    expect(b.stdout).not.toContain('H013: 4');
  });

  it('national file audited, the region file named: the leak is found', async () => {
    const r = await audit('P12.json', 'H12.json');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(LEAK);
    expect(r.code).toBe(1);
  });

  it('the other way round (region file audited, national named): the same leak, no crash', async () => {
    const r = await audit('H12.json', 'P12.json');
    expect(r.stderr).not.toContain('internal error');
    expect(r.stdout).toContain(LEAK);
    expect(r.code).toBe(1);
  });

  it('a region file spelling "Region Hovedstaden", either order: its clinics are the region\'s, the leak is found', async () => {
    for (const [p, q] of [['P12.json', 'H12r.json'], ['H12r.json', 'P12.json']] as const) {
      const r = await audit(p, q);
      expect(r.stderr).not.toContain('internal error');
      expect(r.stdout).toContain('H013: 4 … 4');
      expect(r.code).toBe(1);
    }
  });

  it('a region file carrying its own earlier publication: its "national" rows there are the region\'s, not a contradiction', async () => {
    for (const [p, q] of [['P12c.json', 'H12c.json'], ['H12c.json', 'P12c.json']] as const) {
      const r = await audit(p, q);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(LEAK);
      expect(r.code).toBe(1);
    }
  });
});
