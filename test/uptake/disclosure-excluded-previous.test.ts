/**
 * The count of excluded registry rows across publications (docs/disclosure-control.md "Excluded
 * rows"). Until 3 December 2026 November published `"excluded": { "rows": 6, "kinds": ["age"] }`
 * and December `{ "rows": 8, "kinds": ["age", "sex"] }`: 8 − 6 = 2 December referrals excluded,
 * one at least for its sex code. Now each count is a band as wide as the threshold and a kind is
 * named only when at least threshold rows have it, so the two publications say nothing of the
 * two; and `hta uptake --audit --published P2 --previous P1` flags the old form.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { carriedExcluded, excludedAgainst, excludedBand, narrowDifference } from '../../src/uptake/disclosure/excluded-count.js';
import { auditPublishedFile } from '../../src/uptake/disclosure/published-audit.js';
import { runUptake } from '../../src/uptake/run-uptake.js';
import { parseUptakePlan } from '../../src/uptake/uptake-plan.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

describe('the band and the difference of two publications', () => {
  it('exact counts 6 and 8 pin 2; their bands (5–9 and 5–9) pin nothing', () => {
    expect(narrowDifference(6, 8, 5)).toEqual([2, 2]);
    expect(excludedBand(6, 5)).toEqual({ atLeast: 5, fewerThan: 10 });
    expect(excludedBand(8, 5)).toEqual({ atLeast: 5, fewerThan: 10 });
    expect(narrowDifference(excludedBand(6, 5), excludedBand(8, 5), 5)).toBeUndefined();
    expect(narrowDifference(excludedBand(9, 5), excludedBand(10, 5), 5)).toBeUndefined();
    // The marker and a band, two markers, an exact count 20 apart: nothing pinned to 1–4.
    expect(narrowDifference('suppressed', excludedBand(7, 5), 5)).toBeUndefined();
    expect(narrowDifference('suppressed', 'suppressed', 5)).toBeUndefined();
    expect(narrowDifference(6, 26, 5)).toBeUndefined();
    // An exact count and "fewer than 5": 6 − (1 … 4) = 2 … 5 rows fewer.
    expect(narrowDifference(6, 'suppressed', 5)).toEqual([-5, -2]);
    expect(excludedBand(0, 5)).toBe(0);
    expect(excludedBand(4, 5)).toBe('suppressed');
  });

  it('beside an earlier exact count that would narrow it, the band is left open', () => {
    expect(narrowDifference(6, excludedBand(8, 5), 5)).toEqual([-1, 3]);
    const open = excludedAgainst(excludedBand(8, 5), [6], 5);
    expect(open).toEqual({ atLeast: 5 });
    expect(narrowDifference(6, open, 5)).toBeUndefined();
    expect(excludedAgainst(excludedBand(8, 5), [excludedBand(6, 5)], 5)).toEqual({ atLeast: 5, fewerThan: 10 });
  });
});

const F = 'test/fixtures/exports/registry-dk-shapes';
const [HEADER, ...ROWS] = readFileSync(`${F}/simple.csv`, 'utf8').split(/\r?\n/).filter((l) => l !== '') as [string, ...string[]];

/** The registry as of `cut`: later referrals absent, later activations and last-active dates not yet. */
function asOf(cut: string): string[] {
  return ROWS.flatMap((row) => {
    const f = row.split(';');
    if (f[3]! > cut) return [];
    if (f[4] !== '' && f[4]! > cut) return [[...f.slice(0, 4), '', '', ...f.slice(6)].join(';')];
    if (f[5] !== '' && f[5]! > cut) return [[...f.slice(0, 5), cut, ...f.slice(6)].join(';')];
    return [row];
  });
}

/** Six rows with an age written "4x år" (referred in 2025), and two referred in December with sex code "Q". */
const BAD_AGE = Array.from({ length: 6 }, (_, i) => `B60${i};Region Hovedstaden;HOV01;2025-0${i + 2}-10;;;4${i} år;K;Egen læge`);
const BAD_SEX = Array.from({ length: 2 }, (_, i) => `B70${i};Region Sjælland;SJÆ01;2025-12-1${i};;;50;Q;Egen læge`);

function write(dir: string, name: string, rows: readonly string[]): string {
  const out = join(dir, name);
  writeFileSync(out, [HEADER, ...rows].join('\r\n') + '\r\n');
  return out;
}

function plan(dir: string, name: string, exportDate: string): string {
  const out = join(dir, name);
  writeFileSync(out, JSON.stringify({ ...JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')), exportDate }));
  return out;
}

describe('November and December publications of one registry with invalid rows excluded', () => {
  it('do not give the rows excluded in December, nor the kind of the two; the audit of the pair passes, and flags the old exact form', async () => {
    const dir = tempDir();
    const nov = write(dir, 'nov.csv', [...asOf('2025-11-30'), ...BAD_AGE]);
    const dec = write(dir, 'dec.csv', [...asOf('2025-12-31'), ...BAD_AGE, ...BAD_SEX]);
    const common = ['--eligible', `${F}/eligible.csv`, '--exclude-invalid', '--json'];
    const n = await runCli('uptake', nov, '--plan', plan(dir, 'plan-nov.json', '2025-11-30'), ...common);
    expect(n.code, n.stderr).toBe(0);
    const novJson = join(dir, 'nov.json');
    writeFileSync(novJson, n.stdout);
    const d = await runCli('uptake', dec, '--plan', plan(dir, 'plan-dec.json', '2025-12-31'), ...common, '--previous', novJson);
    expect(d.code, d.stderr).toBe(0);
    const decJson = join(dir, 'dec.json');
    writeFileSync(decJson, d.stdout);
    // The analyst still sees both (stderr); the publications say 5–9 each, and only "age".
    expect(d.stderr).toContain('8 invalid registry row(s) were excluded');
    const novEx = JSON.parse(n.stdout).excluded, decEx = JSON.parse(d.stdout).excluded;
    expect(novEx).toEqual({ rows: { atLeast: 5, fewerThan: 10 }, kinds: ['age'] });
    expect(decEx).toEqual({ rows: { atLeast: 5, fewerThan: 10 }, kinds: ['age'] });
    // The reader's subtraction: December − November anywhere from −4 to 4, so no count of 1–4.
    expect(narrowDifference(novEx.rows, decEx.rows, 5)).toBeUndefined();

    const audit = await runCli('uptake', '--audit', '--published', decJson, '--previous', novJson);
    expect(audit.stdout).toContain('Excluded-row counts that, with an earlier publication\'s, pin the rows excluded in between to 1–4: 0 (none)');

    // The same two publications in the old form: exact counts 6 and 8, every kind named.
    const old = (file: string, rows: number, kinds: string[]) => {
      const out = join(dir, `old-${file.split('/').pop()}`);
      writeFileSync(out, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), excluded: { rows, kinds } }, null, 2));
      return out;
    };
    const oldNov = old(novJson, 6, ['age']), oldDec = old(decJson, 8, ['age', 'sex']);
    const flagged = await runCli('uptake', '--audit', '--published', oldDec, '--previous', oldNov);
    expect(flagged.code, flagged.stderr).toBe(1);
    expect(flagged.stdout).toContain('Excluded-row counts that, with an earlier publication\'s, pin the rows excluded in between to 1–4: 1');
    expect(flagged.stdout).toMatch(/old-dec\.json:\d+:\d+ \(excluded\.rows\): minus .*old-nov\.json's excluded rows: 2\n/);
    // A December made now against the old November: its band left open.
    const d2 = await runCli('uptake', dec, '--plan', plan(dir, 'plan-dec.json', '2025-12-31'), ...common, '--previous', oldNov);
    expect(d2.code, d2.stderr).toBe(0);
    expect(JSON.parse(d2.stdout).excluded.rows).toEqual({ atLeast: 5 });
  });
});

describe('a chain P1 → P2 → P3, each made with --previous the one before', () => {
  it("P1's exact count, carried by P2, keeps P3's band open; the audit of P3 with P2 alone finds a band that P1's count narrows", async () => {
    const dir = tempDir();
    const common = ['--eligible', `${F}/eligible.csv`, '--exclude-invalid', '--json'];
    // P1 from an hta before 3 December 2026: its exact count, 6.
    const p1run = await runCli('uptake', write(dir, 'p1.csv', [...asOf('2025-11-30'), ...BAD_AGE]), '--plan', plan(dir, 'plan-p1.json', '2025-11-30'), ...common);
    expect(p1run.code, p1run.stderr).toBe(0);
    const p1 = join(dir, 'p1.json');
    writeFileSync(p1, JSON.stringify({ ...JSON.parse(p1run.stdout), excluded: { rows: 6, kinds: ['age'] } }, null, 2));
    const both = write(dir, 'p23.csv', [...asOf('2025-12-31'), ...BAD_AGE, ...BAD_SEX]);
    const p2run = await runCli('uptake', both, '--plan', plan(dir, 'plan-p2.json', '2025-12-31'), ...common, '--previous', p1);
    expect(p2run.code, p2run.stderr).toBe(0);
    const p2json = JSON.parse(p2run.stdout);
    expect(p2json.excluded.rows).toEqual({ atLeast: 5 });
    // P2 carries P1's count, as it carries P1's printed counts.
    expect(p2json.previous.publications.map((p: { exportDate: string; excludedRows?: unknown }) => [p.exportDate, p.excludedRows])).toEqual([['2025-11-30', 6]]);
    const p2 = join(dir, 'p2.json');
    writeFileSync(p2, p2run.stdout);
    // P3 names only P2: its 8 rows would be "5–9", and 5–9 − 6 = −1 … 3.
    const csvDir = join(dir, 'p3-csv');
    const p3run = await runCli('uptake', both, '--plan', plan(dir, 'plan-p3.json', '2026-01-31'), ...common, '--previous', p2, '--csv-dir', csvDir);
    expect(p3run.code, p3run.stderr).toBe(0);
    const p3json = JSON.parse(p3run.stdout);
    expect(p3json.excluded.rows).toEqual({ atLeast: 5 });
    expect(narrowDifference(6, p3json.excluded.rows, 5)).toBeUndefined();
    expect(p3json.previous.publications.map((p: { exportDate: string; excludedRows?: unknown }) => [p.exportDate, p.excludedRows])).toEqual([['2025-11-30', 6], ['2025-12-31', { atLeast: 5 }]]);
    const p3 = join(dir, 'p3.json');
    writeFileSync(p3, p3run.stdout);
    // Every published form of P3's count — the JSON and --csv-dir's excluded-rows.csv — is open.
    expect(readFileSync(join(csvDir, 'excluded-rows.csv'), 'utf8').split(/\r?\n/)[1]).toBe('at least 5,,all excluded rows');
    const audit = await runCli('uptake', '--audit', '--published', p3, '--previous', p2);
    expect(audit.stdout).toContain("Excluded-row counts that, with an earlier publication's, pin the rows excluded in between to 1–4: 0 (none)");
    // A P3 that printed the band (P2 alone known) is flagged by the audit with P2 alone: P1's count comes through P2.
    const banded = join(dir, 'p3-band.json');
    writeFileSync(banded, JSON.stringify({ ...p3json, excluded: { ...p3json.excluded, rows: { atLeast: 5, fewerThan: 10 } } }, null, 2));
    const flagged = await runCli('uptake', '--audit', '--published', banded, '--previous', p2);
    expect(flagged.code, flagged.stderr).toBe(1);
    expect(flagged.stdout).toMatch(/p3-band\.json:\d+:\d+ \(excluded\.rows\): minus .*p2\.json \(the publication of 2025-11-30 it carries\)'s excluded rows: -1 … 3|p3-band\.json:\d+:\d+ \(excluded\.rows\): minus .*p2\.json \(the publication of 2025-11-30 it carries\)'s excluded rows/);
  }, 60_000);
});

describe('a small count of excluded rows printed under a lower threshold', () => {
  it('is not printed again by a later publication at threshold 5: carried as "suppressed", said in the note, and caught by the audit', async () => {
    const dir = tempDir();
    const base = JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')) as Record<string, unknown>;
    const eligibleFile = `${F}/eligible.csv`;
    // P1 at threshold 1 (acknowledged) excludes 2 rows and prints them exactly.
    const p1run = await runUptake({ registryFile: write(dir, 'p1.csv', [...asOf('2025-11-30'), ...BAD_AGE.slice(0, 2)]), eligibleFile, plan: parseUptakePlan({ ...base, exportDate: '2025-11-30', suppression: { threshold: 1, acknowledgeLowThreshold: true } }), invalidRows: 'exclude' });
    expect(p1run.analysis.excluded?.rows).toBe(2);
    const p1 = join(dir, 'p1.json');
    writeFileSync(p1, JSON.stringify(p1run.analysis, null, 2));
    // P2 at threshold 5 names P1.
    const p2run = await runUptake({ registryFile: write(dir, 'p2.csv', [...asOf('2025-12-31'), ...BAD_AGE.slice(0, 2)]), eligibleFile, plan: parseUptakePlan({ ...base, exportDate: '2025-12-31' }), invalidRows: 'exclude', previousFiles: [p1] });
    const carried = p2run.analysis.previous!.publications.map((p) => [p.exportDate, p.excludedRows]);
    expect(carried).toEqual([['2025-11-30', 'suppressed']]);
    expect(p2run.notes.join('\n')).toMatch(/below the threshold 5 are not carried into this publication's results\.json \(\d+ of the publication of 2025-11-30, its count of excluded rows among them\)/);
    const p2 = join(dir, 'p2.json');
    writeFileSync(p2, JSON.stringify(p2run.analysis, null, 2));
    expect(auditPublishedFile(p2, [p1]).smallCarried).toEqual([]);
    // A P2 that carried the 2 as printed (as hta did before this fix) is caught, by place.
    const asPrinted = join(dir, 'p2-carried-2.json');
    writeFileSync(asPrinted, JSON.stringify({ ...p2run.analysis, previous: { ...p2run.analysis.previous!, publications: p2run.analysis.previous!.publications.map((p) => ({ ...p, excludedRows: 2 })) } }, null, 2));
    const caught = auditPublishedFile(asPrinted, [p1]).smallCarried;
    expect(caught).toHaveLength(1);
    expect(caught[0]!.cell).toBe('excluded rows as of 2025-11-30');
    expect(caught[0]!.where).toMatch(/p2-carried-2\.json:\d+:\d+ \(previous\.publications\.0\.excludedRows\)$/);
  }, 30_000);

  it('is carried as the marker when below the threshold, left out when a narrow band reaches it, as printed otherwise', () => {
    expect(carriedExcluded(2, 5)).toBe('suppressed');
    expect(carriedExcluded({ atLeast: 2, fewerThan: 4 }, 5)).toBe('suppressed');
    expect(carriedExcluded({ atLeast: 4, fewerThan: 6 }, 5)).toBeUndefined();
    expect(carriedExcluded(7, 5)).toBe(7);
    expect(carriedExcluded(0, 5)).toBe(0);
    expect(carriedExcluded('suppressed', 5)).toBe('suppressed');
    expect(carriedExcluded({ atLeast: 5, fewerThan: 10 }, 5)).toEqual({ atLeast: 5, fewerThan: 10 });
    expect(carriedExcluded({ atLeast: 2 }, 5)).toEqual({ atLeast: 2 });
  });
});
