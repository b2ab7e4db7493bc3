/**
 * One person one person in `hta uptake` (finding s29 ids 2): a registry whose ids are CPR numbers
 * keyed people by the id's text, so `060369-0855` and `0603690855` were two people — a referral
 * exported again by an appended extract without hyphens counted twice (with a warning of "new
 * pseudonyms"), and two cuts of one registry appended were not refused. The ids are keyed by the
 * CPR number's digits, as the privacy checks read its spellings (docs/input-registry.md "Repeated
 * rows and ids"). Built from test/fixtures/exports/registry-dk-shapes/simple.csv (40 referrals of 2025).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const F = 'test/fixtures/exports/registry-dk-shapes';
const [header, ...december] = readFileSync(`${F}/simple.csv`, 'utf8').split(/\r?\n/).filter((l) => l !== '') as [string, ...string[]];

/** Patient P50nn's CPR number, its date and serial joined by `sep` (a real day and month). */
const cpr = (id: string, sep: string) => {
  const n = Number(id.slice(1)) - 5000;
  return `${String((n % 28) + 1).padStart(2, '0')}0${(n % 9) + 1}70${sep}${1000 + n}`;
};
const withIds = (rows: readonly string[], sep: string) => rows.map((r) => r.replace(/^P\d+/, (id) => cpr(id, sep)));
/** No CPR number of the file, however written, in a text. */
const noCpr = (text: string) => expect(text).not.toMatch(/\d{4}70\D{0,2}10\d\d/);

/** The 30 November cut of the same registry (as uptake-appended-export.test.ts). */
function novemberCut(rows: readonly string[]): string[] {
  const cut = '2025-11-30';
  return rows.flatMap((row) => {
    const f = row.split(';');
    if (f[3]! > cut) return [];
    if (f[4] !== '' && f[4]! > cut) return [[...f.slice(0, 4), '', '', ...f.slice(6)].join(';')];
    if (f[5] !== '' && f[5]! > cut) return [[...f.slice(0, 5), cut, ...f.slice(6)].join(';')];
    return [row];
  });
}

function plan(): string {
  const p = { ...JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')), suppression: { threshold: 1, acknowledgeLowThreshold: true } };
  const out = join(tempDir(), 'plan.json');
  writeFileSync(out, JSON.stringify(p));
  return out;
}

function csv(rows: readonly string[], name = 'registry.csv'): string {
  const out = join(tempDir(), name);
  writeFileSync(out, [header, ...rows].join('\r\n') + '\r\n');
  return out;
}

const uptake = (registry: string, ...more: string[]) => runCli('uptake', registry, '--eligible', `${F}/eligible.csv`, '--plan', plan(), '--first-publication', ...more);

describe('a registry whose ids are CPR numbers written two ways', () => {
  const SPELLINGS: [string, string][] = [['without the hyphen', ''], ['with an en dash', '\u2013'], ['with a no-break space', '\u00a0'], ['with two spaces', '  ']];
  for (const [what, sep] of SPELLINGS) {
    it(`an appended copy of five referrals ${what}: each counted once, the numbers of the export without the copy, with a note`, async () => {
      const once = await uptake(csv(withIds(december, '-')), '--json');
      const r = await uptake(csv([...withIds(december, '-'), ...withIds(december.slice(0, 5), sep)]), '--json');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(once.stdout);
      expect(r.stderr).toContain('5 patient ids are CPR numbers written in more than one way');
      expect(r.stderr).toContain('5 rows are identical copies of other rows');
      expect(r.stderr).not.toContain('the export looks appended');
      noCpr(r.stdout + r.stderr);
    });
  }

  it('two cuts of the registry appended, the first without hyphens and the second with en dashes: refused as with one spelling', async () => {
    const same = await uptake(csv([...withIds(novemberCut(december), '-'), ...withIds(december, '-')], 'appended.csv'));
    const r = await uptake(csv([...withIds(novemberCut(december), ''), ...withIds(december, '\u2013')], 'appended.csv'));
    expect(same.code).toBe(2);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    // The same refusal but for which of the 7 ids are its examples: they are taken in the order of
    // the ids' keys, and a registry writing each number one way is compared as written, not keyed
    // (repeated-rows.ts keyCprIds: review s29 privacy 5).
    const refusal = (s: string) => s.split('\n').filter((l) => l.includes('appended')).join('\n').replace(/\S*appended\.csv/g, 'appended.csv').replace(/\d+ and \d+/g, 'N and N').replace(/(appended\.csv:|line )\d+/g, '$1N');
    expect(refusal(r.stderr)).toBe(refusal(same.stderr));
    expect(r.stderr).toContain('looks like two exports of the registry appended: 7 patient ids are each on two rows');
    noCpr(r.stderr);
  });

  it('a registry of Danish pages says it in Danish; ids written one way get no note', async () => {
    const r = await uptake(csv([...withIds(december, '-'), ...withIds(december.slice(0, 1), '')]), '--json', '--lang', 'da');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("1 patient-id er et CPR-nummer skrevet på mere end én måde");
    const one = await uptake(csv(withIds(december, '-')), '--json');
    expect(one.stderr).not.toContain('CPR');
  });

  it('a Parquet registry: the same', async () => {
    const { duckdb } = await import('../../src/uptake/engine/duckdb-api.js');
    const src = csv([...withIds(december, '-'), ...withIds(december.slice(0, 5), '')]);
    const file = join(tempDir(), 'registry.parquet');
    const inst = await duckdb.DuckDBInstance.create(':memory:');
    const db = await inst.connect();
    await db.run(`COPY (SELECT * FROM read_csv('${src}', all_varchar = true, delim = ';', header = true)) TO '${file}' (FORMAT parquet)`);
    db.closeSync();
    inst.closeSync();
    const once = await uptake(csv(withIds(december, '-')), '--json');
    const r = await uptake(file, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).metrics).toEqual(JSON.parse(once.stdout).metrics);
    expect(r.stderr).toMatch(/5 rows are identical copies of other rows .*\(e\.g\. rows \d+ and \d+;/);
  });
});
