import { existsSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartCacheKey, openChartCache, rendererFingerprint } from '../../../src/report/render/chart-cache.js';
import { tempDir } from '../../support/run-cli.js';

const chart = (n: number) => ({ svg: `<svg n="${n}"/>`, png: new Uint8Array([137, 80, 78, 71, n]) });

describe('chart cache', () => {
  it('returns what was put for the same spec and fingerprint, and nothing otherwise', () => {
    const dir = join(tempDir(), 'cache');
    const cache = openChartCache(dir, 'fp-1');
    const spec = { mark: 'point', data: { values: [{ a: 1 }] } };
    expect(cache.get(spec)).toBeUndefined();
    cache.put(spec, chart(1));
    expect(cache.get(spec)).toEqual(chart(1));
    expect(cache.get({ ...spec, mark: 'line' })).toBeUndefined();
    expect(openChartCache(dir, 'fp-2').get(spec)).toBeUndefined();
  });

  it('an entry whose PNG is gone is a miss', () => {
    const dir = join(tempDir(), 'cache');
    const cache = openChartCache(dir, 'fp');
    cache.put({ a: 1 }, chart(1));
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.png'))) rmSync(join(dir, f));
    expect(cache.get({ a: 1 })).toBeUndefined();
  });

  it('prune keeps the 400 most recently used entries', () => {
    const dir = join(tempDir(), 'cache');
    const cache = openChartCache(dir, 'fp');
    for (let i = 0; i < 403; i++) cache.put({ i }, chart(i % 200));
    const old = new Date(2000, 0, 1);
    for (const i of [0, 1, 2]) for (const ext of ['svg', 'png']) utimesSync(join(dir, `${chartCacheKey('fp', { i })}.${ext}`), old, old);
    cache.prune();
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(400);
    for (const i of [0, 1, 2]) expect(cache.get({ i })).toBeUndefined();
    expect(cache.get({ i: 3 })).toEqual(chart(3));
  });

  it('a cache folder that cannot be created is no cache, not an error', () => {
    const file = join(tempDir(), 'not-a-dir');
    const cache = openChartCache(join(file, 'x'), 'fp');
    writeFileSync(file, '');
    expect(() => cache.put({ a: 1 }, chart(1))).not.toThrow();
    expect(cache.get({ a: 1 })).toBeUndefined();
    expect(existsSync(join(file, 'x'))).toBe(false);
  });

  it('the fingerprint names the drawing code, the renderer versions and the font', () => {
    const fp = JSON.parse(rendererFingerprint('9.9.9')) as { code: string; hta: string; versions: string[]; font: string; zoom: number };
    expect(fp.code).toMatch(/^[0-9a-f]{64}$/);
    expect(fp.hta).toBe('9.9.9');
    expect(fp.versions.map((v) => v.replace(/@[^@]*$/, ''))).toEqual(['vega', 'vega-lite', '@resvg/resvg-js']);
    expect(fp.versions.every((v) => /@\d+\.\d+\.\d+/.test(v))).toBe(true);
    expect(fp.font).toMatch(/^[0-9a-f]{64}$/);
  });
});
