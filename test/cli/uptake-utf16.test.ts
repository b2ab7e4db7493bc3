/**
 * A registry saved as Excel "Unicode text" (UTF-16 with a byte-order mark) is read through a
 * UTF-8 copy (docs/input-registry.md "Encodings"): the same analysis as the UTF-8 file, with a
 * note; before, it was refused by name. UTF-16 that is not well-formed is refused.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

/** The first 60 lines of the bundled registry (æ among them; suppressed cells at the default threshold) with CRLF line ends, as UTF-8 and as UTF-16LE (with its byte-order mark). */
function registryFiles(dir: string) {
  const text = readFileSync('data/synthetic/registry.csv', 'utf8').split('\n').slice(0, 60).join('\r\n') + '\r\n';
  const utf8 = join(dir, 'registry-utf8.csv');
  writeFileSync(utf8, text);
  const le = join(dir, 'registry.csv');
  writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  return { text, utf8, le };
}

describe('a UTF-16 registry', () => {
  it('is read by uptake and by plan init --uptake as its UTF-8 original is (LE and BE), with a note', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const { text, utf8, le } = registryFiles(dir);
    const be = join(dir, 'registry-be.csv');
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    // Threshold 1: every count visible to compare (and no seconds of suppression solving per run).
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ ...JSON.parse(readFileSync('data/plans/uptake.plan.json', 'utf8')), $schema: undefined, suppression: { threshold: 1, acknowledgeLowThreshold: true } }));
    const args = ['--eligible', 'data/synthetic/eligible.csv', '--plan', plan, '--json'];
    const want = JSON.parse((await runCli('uptake', utf8, ...args)).stdout) as Record<string, unknown>;
    for (const [file, order] of [[le, 'le'], [be, 'be']] as const) {
      const up = await runCli('uptake', file, ...args);
      expect(up.code, up.stderr).toBe(0);
      expect(JSON.parse(up.stdout)).toEqual({ ...want, registryEncoding: { encoding: `utf-16${order}`, characters: [] } });
      expect(up.stderr).toContain(`note: ${file} is not UTF-8: read as UTF-16 (${order === 'le' ? 'little' : 'big'}-endian, by its byte-order mark), as Excel's "Unicode text" saves it (its characters æ); "CSV UTF-8" is read as it stands.\n`);
    }
    const init = await runCli('plan', 'init', '--uptake', le);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toBe((await runCli('plan', 'init', '--uptake', utf8)).stdout);
  });

  it('with the default suppression threshold, UTF-16LE gives the same suppressed output as UTF-8', { timeout: 60_000 }, async () => {
    // The test above uses threshold 1 for speed; this one keeps the published (suppressed) output compared.
    const { utf8, le } = registryFiles(tempDir());
    const args = ['--eligible', 'data/synthetic/eligible.csv', '--plan', 'data/plans/uptake.plan.json', '--json'];
    const want = JSON.parse((await runCli('uptake', utf8, ...args)).stdout) as { threshold: number; suppression: { suppressedCells: number } };
    expect(want.threshold).toBeGreaterThan(1);
    expect(want.suppression.suppressedCells).toBeGreaterThan(0);
    const up = await runCli('uptake', le, ...args);
    expect(up.code, up.stderr).toBe(0);
    expect(JSON.parse(up.stdout)).toEqual({ ...want, registryEncoding: { encoding: 'utf-16le', characters: [] } });
  });

  it('UTF-16 with an odd number of bytes is refused by both, exit 2, nothing written', async () => {
    const dir = tempDir();
    const text = readFileSync('data/synthetic/registry.csv', 'utf8').split('\n').slice(0, 40).join('\r\n') + '\r\n';
    const reg = join(dir, 'registry.csv');
    writeFileSync(reg, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le'), Buffer.from([0x41])]));
    const expected = /registry\.csv is not valid UTF-16 text[\s\S]*CSV UTF-8/;
    const up = await runCli('uptake', reg, '--eligible', 'data/synthetic/eligible.csv', '--plan', 'data/plans/uptake.plan.json', '--csv-dir', join(dir, 'csv'));
    expect(up.code).toBe(2);
    expect(up.stderr).toMatch(expected);
    const init = await runCli('plan', 'init', '--uptake', reg, '--out', join(dir, 'plan.json'));
    expect(init.code).toBe(2);
    expect(init.stderr).toMatch(expected);
    expect(() => readFileSync(join(dir, 'plan.json'))).toThrow();
    expect(() => readFileSync(join(dir, 'csv'))).toThrow();
  });
});

describe('a UTF-16 registry without its byte-order mark', () => {
  it('is refused by name by uptake and by plan init (LE and BE), exit 2, nothing written', async () => {
    const dir = tempDir();
    const text = readFileSync('data/synthetic/registry.csv', 'utf8').split('\n').slice(0, 40).join('\r\n') + '\r\n';
    for (const [order, bytes] of [['LE', Buffer.from(text, 'utf16le')], ['BE', Buffer.from(text, 'utf16le').swap16()]] as const) {
      const reg = join(dir, `registry-${order}.csv`);
      writeFileSync(reg, bytes);
      const expected = `error: ${reg} looks like UTF-16 text without a byte-order mark: its encoding cannot be told for certain\n`;
      const up = await runCli('uptake', reg, '--eligible', 'data/synthetic/eligible.csv', '--plan', 'data/plans/uptake.plan.json', '--csv-dir', join(dir, 'csv'));
      expect(up.code).toBe(2);
      expect(up.stderr).toContain(expected);
      expect(up.stderr).toContain(`iconv -f UTF-16${order} -t UTF-8`);
      const init = await runCli('plan', 'init', '--uptake', reg, '--out', join(dir, 'plan.json'));
      expect(init.code).toBe(2);
      expect(init.stderr).toContain(expected);
    }
    expect(() => readFileSync(join(dir, 'plan.json'))).toThrow();
    expect(() => readFileSync(join(dir, 'csv'))).toThrow();
  });
});

describe('a Danish denominator file (Region;År;Antal) under a plan without columns.eligible', () => {
  it('is refused with the mapping that reads it', async () => {
    const F = 'test/fixtures/exports/registry-dk-regional';
    const dir = tempDir();
    const plan = JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')) as { columns: Record<string, unknown> };
    delete plan.columns.eligible;
    // Threshold 1: the run that reads the file need not spend seconds on suppression.
    Object.assign(plan, { suppression: { threshold: 1, acknowledgeLowThreshold: true } });
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
