/**
 * A registry export that is two exports appended (docs/input-registry.md "Repeated rows and ids"):
 * the 30 November cut followed by the 31 December cut of one registry is refused, naming lines
 * (one referral on two rows would count twice); the same with new pseudonyms per delivery is
 * warned of. Built from test/fixtures/exports/registry-dk-shapes/simple.csv (40 referrals of 2025).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DK_SHAPES, december, header, novemberCut, registryCsv, thresholdOnePlan } from '../support/appended-cuts.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const uptake = (registry: string, ...more: string[]) => runCli('uptake', registry, '--eligible', `${DK_SHAPES}/eligible.csv`, '--plan', thresholdOnePlan(), ...more);
const csv = registryCsv;

const november = novemberCut(december);
/** Rows of both cuts that differ only in the last-active date (the referrals the refusal counts). */
const onlyLastActive = november.filter((n) => !december.includes(n) && december.some((d) => d.split(';').slice(0, 5).join(';') === n.split(';').slice(0, 5).join(';')));

describe('two cuts of one registry appended', () => {
  it('the fixture has what the case needs: referrals whose last-active date moved on, and one activated in December', () => {
    expect(onlyLastActive.length).toBeGreaterThan(1);
    expect(november.some((n) => n.split(';')[4] === '' && !december.includes(n))).toBe(true);
  });

  it('is refused (exit 2, nothing written), naming lines and counts, never an id, and saying how to fix it', async () => {
    const file = csv([...november, ...december], 'appended.csv');
    const out = join(tempDir(), 'out');
    const r = await uptake(file, '--csv-dir', out);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(r.stderr).toContain(`appended.csv looks like two exports of the registry appended: ${onlyLastActive.length} patient ids are each on two rows (${2 * onlyLastActive.length} rows in all) with the same referral date and activation date and different last-active dates (e.g. lines `);
    expect(r.stderr).toContain('a row without an activation and a row with one');
    expect(r.stderr).toContain('Export the registry once (the latest cut alone); or analyse each cut on its own, the later with --previous');
    // Each pair named: a line of the first cut and the line of the second with the same id.
    const all = [header, ...november, ...december];
    const pairs = [...r.stderr.matchAll(/appended\.csv:(\d+): — expected one row per referral: line (\d+) has the same patient id, referral date and activation date, with another last-active date/g)].map((m) => [Number(m[2]), Number(m[1])] as const);
    expect(pairs.length).toBe(3);
    for (const [a, b] of pairs) {
      expect(a).toBeLessThanOrEqual(november.length + 1);
      expect(b).toBeGreaterThan(november.length + 1);
      expect(all[a - 1]!.split(';')[0]).toBe(all[b - 1]!.split(';')[0]);
      expect(onlyLastActive).toContain(all[a - 1]);
    }
    expect(r.stderr).not.toMatch(/P5\d{3}/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('each cut alone is read as before, without the refusal or the appended warning', async () => {
    for (const rows of [december, november]) {
      const r = await uptake(csv(rows), '--json');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/appended|patient id/);
    }
  });
});

describe('one export appended again with new pseudonyms', () => {
  it('is counted as written, with a warning of the rows alike in every column but the id (counts and lines)', async () => {
    const renamed = november.map((n) => n.replace(/^P5/, 'Q7'));
    const same = november.filter((n) => december.includes(n)).length;
    const r = await uptake(csv([...renamed, ...december], 'newids.csv'), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`newids.csv: warning: ${2 * same} of the ${november.length + december.length} referral rows`);
    expect(r.stderr).toContain(`are alike in every one of the 9 columns except the patient id, in ${same} groups (e.g. lines `);
    expect(r.stderr).toContain('the export looks appended');
    expect(r.stderr).not.toMatch(/[PQ][57]\d{3}/);
  });
});
