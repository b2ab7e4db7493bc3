/**
 * One person one person in `hta uptake` (finding s29 ids 2): a registry whose ids are CPR numbers
 * keyed people by the id's text, so `060369-0855` and `0603690855` were two people — a referral
 * exported again by an appended extract without hyphens counted twice (with a warning of "new
 * pseudonyms"), and two cuts of one registry appended were not refused. The ids are keyed by the
 * CPR number's digits, as the privacy checks read its spellings (docs/input-registry.md "Repeated
 * rows and ids"). Built from test/fixtures/exports/registry-dk-shapes/simple.csv (40 referrals of 2025).
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DK_SHAPES, december, novemberCut, registryCsv, thresholdOnePlan } from '../support/appended-cuts.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** Patient P50nn's CPR number, its date and serial joined by `sep` (a real day and month). */
const cpr = (id: string, sep: string) => {
  const n = Number(id.slice(1)) - 5000;
  return `${String((n % 28) + 1).padStart(2, '0')}0${(n % 9) + 1}70${sep}${1000 + n}`;
};
const withIds = (rows: readonly string[], sep: string) => rows.map((r) => r.replace(/^P\d+/, (id) => cpr(id, sep)));
/** No CPR number of the file, however written, in a text. */
const noCpr = (text: string) => expect(text).not.toMatch(/\d{4}70\D{0,2}10\d\d/);

const uptake = (registry: string, ...more: string[]) => runCli('uptake', registry, '--eligible', `${DK_SHAPES}/eligible.csv`, '--plan', thresholdOnePlan(), '--first-publication', ...more);
const csv = registryCsv;
/** The export with every id written one way (with the hyphen), its --json run: run once, for the tests that compare with it. */
let writtenOnce: ReturnType<typeof uptake> | undefined;
const once = () => (writtenOnce ??= uptake(csv(withIds(december, '-')), '--json'));

describe('a registry whose ids are CPR numbers written two ways', () => {
  const SPELLINGS: [string, string][] = [['without the hyphen', ''], ['with an en dash', '\u2013'], ['with a no-break space', '\u00a0'], ['with two spaces', '  ']];
  for (const [what, sep] of SPELLINGS) {
    it(`an appended copy of five referrals ${what}: each counted once, the numbers of the export without the copy, with a note`, async () => {
      const r = await uptake(csv([...withIds(december, '-'), ...withIds(december.slice(0, 5), sep)]), '--json');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe((await once()).stdout);
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
    expect((await once()).stderr).not.toContain('CPR');
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
    const r = await uptake(file, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).metrics).toEqual(JSON.parse((await once()).stdout).metrics);
    expect(r.stderr).toMatch(/5 rows are identical copies of other rows .*\(e\.g\. rows \d+ and \d+;/);
  });
});
