/**
 * An EQ-5D column of profiles (`11123`: one level 1–5 per dimension), which README's column
 * table allows and analyze scores with the value set. A new user found that `hta score` wrote no
 * index for it ("scores added for no outcome"), `validate` called its source "score", and a
 * mistyped profile (`11163`) was told only "a number from -0.758 to 1".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexFromProfile, valueSetFor } from '../../src/instruments/eq5d.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { runCli, tempDir } from '../support/run-cli.js';

const ROWS = ['id,arm,time,eq5d', '1,app,baseline,11111', '2,usual care,baseline,55555', '3,app,baseline,21232', '4,usual care,baseline,12345', '1,app,3m,11112', '2,usual care,3m,33333', '3,app,3m,11121', '4,usual care,3m,54321'];
const PLAN = { arms: { intervention: 'app', control: 'usual care' }, timepoints: ['3m'], outcomes: [{ key: 'eq5d', instrument: 'eq5d5l' }], methods: ['welch'] };

function files(rows: string[]): { csv: string; plan: string; dir: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'eq.csv'), rows.join('\n') + '\n');
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(PLAN));
  return { csv: join(dir, 'eq.csv'), plan: join(dir, 'plan.json'), dir };
}

describe('an EQ-5D column of profiles', () => {
  it('hta score writes the index of each profile (the values analysed), by the Danish 5L value set', async () => {
    const { csv, plan, dir } = files(ROWS);
    const out = join(dir, 'scored.csv');
    const r = await runCli('score', csv, '--plan', plan, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('scores added for eq5d');
    const t = parseCsvText(readFileSync(out, 'utf8'), 'scored.csv');
    expect(t.header).toEqual(['id', 'arm', 'time', 'eq5d', 'eq5d_score']);
    const vs = valueSetFor('eq5d5l', 'dk-5l-2021');
    for (const rec of t.records) expect(Number(rec.raw[4])).toBeCloseTo(indexFromProfile(rec.raw[3]!, vs), 10);
    expect(t.records.slice(0, 2).map((rec) => rec.raw[4])).toEqual(['1', '-0.758']);
  });

  it('validate names its source "profile"', async () => {
    const { csv, plan } = files(ROWS);
    const r = await runCli('validate', csv, '--plan', plan);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^eq5d\s+profile\s+2\/2\s+2\/2$/m);
    const j = await runCli('validate', csv, '--plan', plan, '--json');
    expect((JSON.parse(j.stdout) as { outcomes: { from: string }[] }).outcomes[0]!.from).toBe('profile');
  });

  it('a mistyped profile is told that a five-digit profile of levels 1–5 is accepted', async () => {
    const { csv, plan } = files(ROWS.map((r) => r.replace('11112', '11163')));
    const r = await runCli('validate', csv, '--plan', plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"11163" — expected a number from -0.758 to 1 (EQ-5D-5L index (dk-5l-2021)), or an EQ-5D profile of five digits 1–5 (e.g. 11123: one level per dimension, scored with the value set)');
  });

  it('profiles in a float column (pandas writes 12132.0 once a missing visit made the column float) are the profiles, and a mistyped one is told the profile form', async () => {
    // Exit 2, "expected a number from -0.758 to 1" on every cell, before: the profile not named.
    const floats = ROWS.map((r, i) => (i === 0 ? r : r.replace(/,(\d{5})$/, ',$1.0')));
    expect(floats[1]).toBe('1,app,baseline,11111.0');
    const a = files(ROWS);
    const b = files(floats);
    const plain = await runCli('analyze', a.csv, '--plan', a.plan, '--json');
    const float = await runCli('analyze', b.csv, '--plan', b.plan, '--json');
    expect(float.code).toBe(0);
    expect(JSON.parse(float.stdout).effects).toEqual(JSON.parse(plain.stdout).effects);
    const c = files(floats.map((r) => r.replace('11112.0', '11163.0')));
    const r = await runCli('validate', c.csv, '--plan', c.plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"11163.0" — expected a number from -0.758 to 1 (EQ-5D-5L index (dk-5l-2021)), or an EQ-5D profile of five digits 1–5');
  });
});
