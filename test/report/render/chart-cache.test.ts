import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_MARKER, chartCacheKey, defaultChartCacheDir, defaultChartCacheDirOrWhyNot, openChartCache, rendererFingerprint } from '../../../src/report/render/chart-cache.js';
import { TEXT_TO_PATH_VERSION } from '../../../src/report/render/text-to-path.js';
import { tempDir } from '../../support/run-cli.js';

/** A home folder that exists, for the pure tests of the default folder (the machine's own /home/ane need not). */
const exists = () => true;
const chart = (n: number) => ({ svg: `<svg n="${n}"/>`, png: new Uint8Array([137, 80, 78, 71, n]) });

describe('chart cache', () => {
  it('by default lives in the user\'s own cache folder, never in the installation other users share', () => {
    expect(defaultChartCacheDir({}, 'linux', '/home/ane', exists)).toBe('/home/ane/.cache/hta/charts');
    expect(defaultChartCacheDir({ XDG_CACHE_HOME: '/srv/ane/cache' }, 'linux', '/home/ane', exists)).toBe('/srv/ane/cache/hta/charts');
    // A relative XDG_CACHE_HOME is ignored, as the XDG spec says.
    expect(defaultChartCacheDir({ XDG_CACHE_HOME: 'cache' }, 'linux', '/home/ane', exists)).toBe('/home/ane/.cache/hta/charts');
    expect(defaultChartCacheDir({}, 'darwin', '/Users/ane', exists)).toBe('/Users/ane/Library/Caches/hta/charts');
    expect(defaultChartCacheDir({ LOCALAPPDATA: 'C:\\Users\\ane\\AppData\\Local' }, 'win32', 'C:\\Users\\ane', exists)).toBe('C:\\Users\\ane\\AppData\\Local\\hta\\Cache\\charts');
    expect(defaultChartCacheDir()).not.toContain('node_modules');
  });

  it('no default folder when the home folder is empty or relative (a cache inside the current folder, the user\'s project)', () => {
    expect(defaultChartCacheDir({}, 'linux', '')).toBeUndefined();
    expect(defaultChartCacheDir({}, 'linux', 'home/ane')).toBeUndefined();
    expect(defaultChartCacheDir({ XDG_CACHE_HOME: '/srv/cache' }, 'linux', '')).toBe('/srv/cache/hta/charts');
    expect(defaultChartCacheDir({}, 'darwin', '')).toBeUndefined();
    expect(defaultChartCacheDir({}, 'win32', '')).toBeUndefined();
  });

  it('a home folder that does not exist (HOME=/nonexistent, a service account) is not created to hold a cache: none, and the note says why', () => {
    const home = join(tempDir(), 'nonexistent');
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(defaultChartCacheDir({}, platform, home), platform).toBeUndefined();
      expect(defaultChartCacheDirOrWhyNot({}, platform, home), platform).toEqual({ none: expect.stringMatching(/home folder \(HOME\) does not exist, and hta does not create it/) });
    }
    // The user's own choice of cache folder is still used (and created when first written, as XDG says).
    expect(defaultChartCacheDir({ XDG_CACHE_HOME: '/srv/cache' }, 'linux', home)).toBe('/srv/cache/hta/charts');
    expect(defaultChartCacheDirOrWhyNot({}, 'linux', '')).toEqual({ none: expect.stringMatching(/not an absolute path/) });
    expect(existsSync(home)).toBe(false);
    // A home folder that exists holds the cache.
    mkdirSync(home);
    expect(defaultChartCacheDir({}, 'linux', home)).toBe(join(home, '.cache', 'hta', 'charts'));
  });

  it('a folder it creates is the user\'s alone (0700), and so is each entry (0600), whatever the umask allows', () => {
    const dir = join(tempDir(), 'home', '.cache', 'hta', 'charts');
    const saved = process.umask(0o022);
    try {
      openChartCache(dir, 'fp').put({ a: 1 }, chart(1));
    } finally {
      process.umask(saved);
    }
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, '..')).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(dir)) expect([f, statSync(join(dir, f)).mode & 0o777]).toEqual([f, 0o600]);
  });

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

  it('a damaged entry (emptied, cut short, one byte changed, in its PNG or its SVG) is a miss, counted and dropped; the chart put again is used', () => {
    // What a power cut after an unsynced rename, a bad CI cache restore or a full disk leaves.
    const damages: [string, 'png' | 'svg', (b: Buffer) => Buffer][] = [
      ['PNG emptied', 'png', () => Buffer.alloc(0)],
      ['SVG emptied', 'svg', () => Buffer.alloc(0)],
      ['PNG cut short', 'png', (b) => b.subarray(0, b.length - 1)],
      ['SVG cut short', 'svg', (b) => b.subarray(0, b.length - 20)],
      ['a PNG byte changed', 'png', (b) => Buffer.from(b.map((x, i) => (i === 3 ? x ^ 1 : x)))],
      ['an SVG byte changed', 'svg', (b) => Buffer.from(b.map((x, i) => (i === 5 ? x ^ 1 : x)))],
    ];
    const dir = join(tempDir(), 'cache');
    const cache = openChartCache(dir, 'fp');
    for (const [what, ext, damage] of damages) {
      const spec = { what };
      cache.put(spec, chart(7));
      expect(cache.get(spec), what).toEqual(chart(7));
      const file = join(dir, `${chartCacheKey('fp', spec)}.${ext}`);
      writeFileSync(file, damage(readFileSync(file)));
      const before = cache.damaged();
      expect(cache.get(spec), what).toBeUndefined();
      expect(cache.damaged(), what).toBe(before + 1);
      for (const e of ['png', 'svg']) expect(existsSync(join(dir, `${chartCacheKey('fp', spec)}.${e}`)), `${what}: .${e} dropped`).toBe(false);
      cache.put(spec, chart(8));
      expect(cache.get(spec), what).toEqual(chart(8));
    }
    expect(cache.damaged()).toBe(damages.length);
  });

  it('--check (read-only) passes over a damaged entry without removing it', () => {
    const dir = join(tempDir(), 'cache');
    openChartCache(dir, 'fp').put({ a: 1 }, chart(1));
    const png = join(dir, `${chartCacheKey('fp', { a: 1 })}.png`);
    writeFileSync(png, '');
    const cache = openChartCache(dir, 'fp', { readOnly: true });
    expect(cache.get({ a: 1 })).toBeUndefined();
    expect(cache.damaged()).toBe(1);
    expect(readFileSync(png)).toHaveLength(0);
  });

  it('a put that fails leaves no staging file behind, and prune removes the stale ones a dead run left', () => {
    const dir = join(tempDir(), 'cache');
    const cache = openChartCache(dir, 'fp');
    cache.put({ a: 1 }, chart(1));
    // The PNG cannot be placed (a folder at its name): its staging file is removed, not left holding the space.
    const key = chartCacheKey('fp', { b: 2 });
    mkdirSync(join(dir, `${key}.png`));
    cache.put({ b: 2 }, chart(2));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Left by a run that died (this hta's name and an older hta's), and one another run is writing now.
    const fresh = openChartCache(dir, 'fp');
    const old = new Date(Date.now() - 10 * 60 * 1000);
    const stale = [`${key}.svg.4242-0123456789abcdef.tmp`, `${key}.png.4242.tmp`];
    for (const f of stale) {
      writeFileSync(join(dir, f), 'part');
      utimesSync(join(dir, f), old, old);
    }
    const young = `${key}.svg.4343-fedcba9876543210.tmp`;
    writeFileSync(join(dir, young), 'part');
    fresh.prune();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([young]);
  });

  it('a put never writes through a file planted at a predictable staging name', () => {
    const dir = join(tempDir(), 'cache');
    const cache = openChartCache(dir, 'fp');
    cache.put({ a: 1 }, chart(1));
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'mine');
    for (const ext of ['svg', 'png']) symlinkSync(victim, join(dir, `${chartCacheKey('fp', { b: 2 })}.${ext}.${process.pid}.tmp`));
    cache.put({ b: 2 }, chart(2));
    expect(readFileSync(victim, 'utf8')).toBe('mine');
    expect(cache.get({ b: 2 })).toEqual(chart(2));
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

  it("a folder of the user's named as the cache keeps every byte: no entry is read, written or pruned, and a note says why", () => {
    const dir = join(tempDir(), 'photos');
    mkdirSync(dir);
    // Named like cache entries (64 hex) and unlike them (figure001): more PNGs than the cache keeps.
    const hex = (i: number) => createHash('sha256').update(String(i)).digest('hex');
    for (let i = 0; i < 205; i++) {
      for (const name of [`figure${i}`, hex(i)]) {
        writeFileSync(join(dir, `${name}.png`), `png ${i}`);
        writeFileSync(join(dir, `${name}.svg`), `svg ${i}`);
      }
    }
    const before = new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const cache = openChartCache(dir, 'fp');
    expect(cache.refused).toMatch(/holds files hta did not write .*HTA_CACHE_DIR/);
    cache.put({ a: 1 }, chart(1));
    expect(cache.get({ a: 1 })).toBeUndefined();
    cache.prune();
    const after = new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    expect(after).toEqual(before);
  });

  it("a marked cache prunes only the names it writes; another tool's CACHEDIR.TAG does not make a folder hta's", () => {
    const dir = join(tempDir(), 'cache');
    const cache = openChartCache(dir, 'fp');
    for (let i = 0; i < 401; i++) cache.put({ i }, chart(i % 200));
    expect(readFileSync(join(dir, CACHE_MARKER), 'utf8')).toMatch(/^Signature: 8a477f597d28d172789f06886806bc55\n# hta/);
    const old = new Date(2000, 0, 1);
    for (const name of ['notes.png', 'notes.svg', `${'a'.repeat(63)}.png`]) {
      writeFileSync(join(dir, name), 'mine');
      utimesSync(join(dir, name), old, old);
    }
    utimesSync(join(dir, `${chartCacheKey('fp', { i: 0 })}.png`), old, old);
    cache.prune();
    for (const name of ['notes.png', 'notes.svg', `${'a'.repeat(63)}.png`]) expect(readFileSync(join(dir, name), 'utf8')).toBe('mine');
    expect(cache.get({ i: 0 })).toBeUndefined();
    expect(readdirSync(dir).filter((f) => /^[0-9a-f]{64}\.png$/.test(f))).toHaveLength(400);

    const other = join(tempDir(), 'other');
    mkdirSync(other);
    writeFileSync(join(other, CACHE_MARKER), 'Signature: 8a477f597d28d172789f06886806bc55\n# another tool\n');
    writeFileSync(join(other, `${chartCacheKey('fp', { a: 1 })}.png`), 'theirs');
    const theirs = openChartCache(other, 'fp');
    expect(theirs.refused).toBeDefined();
    theirs.put({ a: 1 }, chart(1));
    expect(readFileSync(join(other, `${chartCacheKey('fp', { a: 1 })}.png`), 'utf8')).toBe('theirs');
  });

  it('a cache made before the marker (entry files only) and an empty folder are taken as the cache', () => {
    const dir = join(tempDir(), 'cache');
    openChartCache(dir, 'fp').put({ a: 1 }, chart(1));
    rmSync(join(dir, CACHE_MARKER));
    const cache = openChartCache(dir, 'fp');
    expect(cache.refused).toBeUndefined();
    expect(cache.get({ a: 1 })).toEqual(chart(1));
    cache.prune();
    expect(existsSync(join(dir, CACHE_MARKER))).toBe(true);
    const empty = join(tempDir(), 'empty');
    mkdirSync(empty);
    const fresh = openChartCache(empty, 'fp');
    expect(fresh.refused).toBeUndefined();
    fresh.put({ b: 2 }, chart(2));
    expect(fresh.get({ b: 2 })).toEqual(chart(2));
  });

  it('a read-only cache (hta report --check) reads entries but creates, writes, prunes and touches nothing', () => {
    const absent = join(tempDir(), 'cache');
    const none = openChartCache(absent, 'fp', { readOnly: true });
    none.put({ a: 1 }, chart(1));
    none.prune();
    expect(existsSync(absent)).toBe(false);

    const dir = join(tempDir(), 'cache');
    const writer = openChartCache(dir, 'fp');
    for (let i = 0; i < 401; i++) writer.put({ i }, chart(i % 200));
    const old = new Date(2000, 0, 1);
    for (const f of readdirSync(dir)) utimesSync(join(dir, f), old, old);
    const state = () => new Map(readdirSync(dir).map((f) => [f, [readFileSync(join(dir, f), 'latin1'), statSync(join(dir, f)).mtimeMs]]));
    const before = state();
    const cache = openChartCache(dir, 'fp', { readOnly: true });
    expect(cache.get({ i: 7 })).toEqual(chart(7));
    cache.put({ new: 1 }, chart(1));
    cache.prune();
    expect(cache.get({ new: 1 })).toBeUndefined();
    expect(state()).toEqual(before);
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

  it('the fingerprint names the version of the text → paths step the PNGs are drawn with', () => {
    // resvg is given the text as glyph paths (text-to-path.ts): a PNG drawn by another version of
    // that step must not be reused, even where its source reads the same.
    const fp = JSON.parse(rendererFingerprint('9.9.9')) as { textToPath?: number };
    expect(fp.textToPath).toBe(TEXT_TO_PATH_VERSION);
  });
});
