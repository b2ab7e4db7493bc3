/**
 * Review s29 privacy, findings 3, 4 and 7 (uptake side). An appended extract that writes a CPR
 * number without the leading zero Excel dropped (`60370-1001`→ `60370 1001`'s digits as 9), or a
 * pseudonym with a blank, a no-break space or a zero-width space after it, counted each referral
 * again (exit 0, no word). Such ids are one person's (repeated-rows.ts idKeyOf), said in a note;
 * the identical-copies note says the ids' spelling differs (docs/input-registry.md "Repeated rows and ids").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const F = 'test/fixtures/exports/registry-dk-shapes';
const [header, ...december] = readFileSync(`${F}/simple.csv`, 'utf8').split(/\r?\n/).filter((l) => l !== '') as [string, ...string[]];

/** Patient P50nn's CPR number DDMMYY-NNNN (days 01–28: most start with 0 or 1). */
const cpr = (id: string) => {
  const n = Number(id.slice(1)) - 5000;
  return `${String((n % 9) + 1).padStart(2, '0')}0${(n % 9) + 1}70-${1000 + n}`;
};
const withIds = (rows: readonly string[], f: (id: string) => string) => rows.map((r) => r.replace(/^P\d+/, f));

function plan(): string {
  const p = { ...JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')), suppression: { threshold: 1, acknowledgeLowThreshold: true } };
  const out = join(tempDir(), 'plan.json');
  writeFileSync(out, JSON.stringify(p));
  return out;
}
function csv(rows: readonly string[]): string {
  const out = join(tempDir(), 'registry.csv');
  writeFileSync(out, [header, ...rows].join('\r\n') + '\r\n');
  return out;
}
const uptake = (registry: string, ...more: string[]) => runCli('uptake', registry, '--eligible', `${F}/eligible.csv`, '--plan', plan(), '--first-publication', ...more);

describe('an appended extract writing the ids otherwise', () => {
  it('a CPR number without the leading zero Excel dropped (9 digits): one referral, with the CPR note', async () => {
    const once = await uptake(csv(withIds(december, cpr)), '--json');
    const lz = (id: string) => String(Number(cpr(id).replace('-', '')));
    expect(lz('P5001')).toHaveLength(9);
    const r = await uptake(csv([...withIds(december, cpr), ...withIds(december.slice(0, 5), lz)]), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(once.stdout);
    expect(r.stderr).toContain('5 patient ids are CPR numbers written in more than one way');
    expect(r.stderr).toContain("the id (the same but for its spelling, as said above: the CPR number's)");
    expect(r.stderr).not.toMatch(/\d{5,}/);
  });

  const INVISIBLE: [string, string][] = [['a blank', ' '], ['a no-break space', '\u00a0'], ['a zero-width space', '\u200b']];
  for (const [what, tail] of INVISIBLE) {
    it(`a pseudonym with ${what} after it: one referral, with a note`, async () => {
      const once = await uptake(csv(december), '--json');
      const r = await uptake(csv([...december, ...withIds(december.slice(0, 5), (id) => `${id}${tail}`)]), '--json');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(once.stdout);
      expect(r.stderr).toContain('5 patient ids are written in more than one way that cannot be told apart on screen');
      expect(r.stderr).not.toContain('the export looks appended');
    });
  }

  it('the same spelling throughout: no spelling note, and the copies note says the id is the same text', async () => {
    const r = await uptake(csv([...withIds(december, cpr), ...withIds(december.slice(0, 5), cpr)]));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('written in more than one way');
    expect(r.stderr).toContain('the same text in every one of the');
    expect(r.stderr).toMatch(/columns, the id and any column/);
  });
});
