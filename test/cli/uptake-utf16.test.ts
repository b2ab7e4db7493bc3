/**
 * A registry saved as Excel "Unicode text" (UTF-16 with a byte-order mark): the registry's SQL
 * engine reads UTF-8 only, so `hta uptake` and `hta plan init --uptake` both name the encoding and
 * how to save UTF-8 (before: "not UTF-8" from one, a garbled draft and exit 0 from the other).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

describe('a UTF-16 registry', () => {
  it('is named as UTF-16 by uptake and by plan init --uptake, exit 2, nothing written', async () => {
    const dir = tempDir();
    const text = readFileSync('data/synthetic/registry.csv', 'utf8').split('\n').slice(0, 40).join('\r\n') + '\r\n';
    const reg = join(dir, 'registry.csv');
    writeFileSync(reg, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const expected = /registry\.csv is UTF-16LE text \(Excel "Unicode text"\); a registry export must be UTF-8[\s\S]*CSV UTF-8/;
    const up = await runCli('uptake', reg, '--eligible', 'data/synthetic/eligible.csv', '--plan', 'data/plans/uptake.plan.json', '--csv-dir', join(dir, 'csv'));
    expect(up.code).toBe(2);
    expect(up.stderr).toMatch(expected);
    const init = await runCli('plan', 'init', '--uptake', reg, '--out', join(dir, 'plan.json'));
    expect(init.code).toBe(2);
    expect(init.stderr).toMatch(expected);
    expect(() => readFileSync(join(dir, 'plan.json'))).toThrow();
  });
});

describe('a Danish denominator file (Region;År;Antal) under a plan without columns.eligible', () => {
  it('is refused with the mapping that reads it', async () => {
    const F = 'test/fixtures/exports/registry-dk-regional';
    const dir = tempDir();
    const plan = JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')) as { columns: Record<string, unknown> };
    delete plan.columns.eligible;
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const r = await runCli('uptake', `${F}/registry.csv`, '--eligible', `${F}/eligible.csv`, '--plan', join(dir, 'plan.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('map the file\'s names in the uptake plan: "columns": { "eligible": { "year": "År", "eligible": "Antal" } }');
    // The mapping it names reads the file.
    plan.columns.eligible = { year: 'År', eligible: 'Antal' };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    expect((await runCli('uptake', `${F}/registry.csv`, '--eligible', `${F}/eligible.csv`, '--plan', join(dir, 'plan.json'))).code).toBe(0);
  });
});
