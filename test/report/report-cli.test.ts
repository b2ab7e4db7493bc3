import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { type CliRun, runCli, tempDir } from '../support/run-cli.js';
import { selfbackTrialHead } from '../support/selfback-head.js';

/** A temp copy of the bundled data, plan and a one-report manifest (English only, to keep it quick). */
function workspace(): { dir: string; manifest: string; out: string; data: string } {
  const dir = tempDir();
  mkdirSync(join(dir, 'data/synthetic'), { recursive: true });
  mkdirSync(join(dir, 'data/plans'), { recursive: true });
  // The first 60 patients (SB0001, whose 3-month answers a test changes, among them): these tests
  // are about files, and the whole trial's 461 would only slow them down.
  writeFileSync(join(dir, 'data/synthetic/selfback-trial.csv'), selfbackTrialHead(60));
  // Without the subgroups, target population and missing-data sensitivity analyses: these tests
  // are about writing, caching and checking files, and those analyses and charts
  // (test/report/subgroup-sections.test.ts, the committed-reports check below) would only slow
  // them down.
  const { subgroups: _s, population: _p, ...plan } = JSON.parse(readFileSync('data/plans/selfback.plan.json', 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'data/plans/selfback.plan.json'), JSON.stringify({ ...plan, missing: { sensitivity: false } }, null, 2));
  const bundled = JSON.parse(readFileSync('data/reports.json', 'utf8')) as { reports: { id: string }[] };
  const manifest = join(dir, 'data/reports.json');
  writeFileSync(manifest, JSON.stringify({ reports: bundled.reports.filter((r) => r.id === 'selfback') }));
  return { dir, manifest, out: join(dir, 'reports'), data: join(dir, 'data/synthetic/selfback-trial.csv') };
}

type Workspace = ReturnType<typeof workspace>;

/** A workspace and its first `hta report`, made once for the tests that start from a fresh build. */
let built: Workspace & { first: CliRun };

/**
 * A copy of that built workspace (its reports byte for byte, and nothing in it names its folder:
 * the inputs are read relative to the manifest), for a test to change: one build instead of one
 * per test.
 */
function builtCopy(): Workspace & { first: CliRun } {
  const dir = tempDir();
  cpSync(built.dir, dir, { recursive: true });
  const at = (p: string) => join(dir, p.slice(built.dir.length + 1));
  return { dir, manifest: at(built.manifest), out: at(built.out), data: at(built.data), first: built.first };
}

const snapshot = (dir: string) => new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));

describe('hta report', () => {
  beforeAll(async () => {
    const w = workspace();
    built = { ...w, first: await runCli('report', '--manifest', w.manifest, '--out', w.out) };
  }, 60_000);

  it('writes every file, --check passes on fresh output, a second run gives identical bytes', { timeout: 60_000 }, async () => {
    const w = builtCopy();
    expect(w.first.code, w.first.stderr).toBe(0);
    const folder = join(w.out, 'selfback');
    const files = readdirSync(folder).sort();
    expect(files).toEqual(
      ['.hta-report.json', 'README.md', 'index.html', 'results.json', ...['effects-forest', 'participant-flow', 'responders', 'trajectories'].flatMap((c) => [`${c}.png`, `${c}.svg`, `${c}.vl.json`])].sort(),
    );
    const before = snapshot(folder);
    const check = await runCli('report', '--manifest', w.manifest, '--out', w.out, '--check');
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toContain('up to date');
    const again = await runCli('report', '--manifest', w.manifest, '--out', w.out);
    expect(again.code).toBe(0);
    for (const [f, bytes] of snapshot(folder)) expect(bytes.equals(before.get(f)!), f).toBe(true);
    const html = readFileSync(join(folder, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/); // self-contained, no external requests
    expect(html).toContain('<a href="results.json">results.json</a>'); // the numbers behind the page, one click away
    expect(readFileSync(join(folder, 'README.md'), 'utf8')).toContain('![Forest plot');
    expect(readFileSync(join(folder, 'README.md'), 'utf8')).toContain('[results.json](results.json)');
    expect(JSON.parse(readFileSync(join(folder, 'results.json'), 'utf8')).input.file).toBe('selfback-trial.csv');
  });

  it('charts served from the cache are byte-identical to charts drawn afresh; --no-cache bypasses it', { timeout: 60_000 }, async () => {
    const w = workspace();
    const cacheDir = join(w.dir, 'chart-cache');
    const saved = process.env.HTA_CACHE_DIR;
    process.env.HTA_CACHE_DIR = cacheDir;
    try {
      // Folders of one name (`site`), so that the pages name the same --out.
      expect((await runCli('report', '--manifest', w.manifest, '--out', join(w.dir, 'fresh', 'site'), '--no-cache')).code).toBe(0);
      expect(existsSync(cacheDir)).toBe(false);
      // --check writes nothing, the cache included: drawing afresh, it makes no cache folder …
      expect((await runCli('report', '--manifest', w.manifest, '--out', join(w.dir, 'fresh', 'site'), '--check')).code).toBe(0);
      expect(existsSync(cacheDir)).toBe(false);
      expect((await runCli('report', '--manifest', w.manifest, '--out', join(w.dir, 'first', 'site'))).code).toBe(0);
      expect(readdirSync(cacheDir).filter((f) => f.endsWith('.png'))).toHaveLength(4);
      // A damaged entry (its PNG gone) is drawn again; the rest come from the cache.
      rmSync(join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith('.png'))!));
      // … and reading one, it neither adds the chart it drew nor marks the others as used.
      const cacheState = () => new Map(readdirSync(cacheDir).map((f) => [f, statSync(join(cacheDir, f)).mtimeMs]));
      const unchecked = cacheState();
      expect((await runCli('report', '--manifest', w.manifest, '--out', join(w.dir, 'first', 'site'), '--check')).code).toBe(0);
      expect(cacheState()).toEqual(unchecked);
      expect((await runCli('report', '--manifest', w.manifest, '--out', join(w.dir, 'cached', 'site'))).code).toBe(0);
      const fresh = snapshot(join(w.dir, 'fresh', 'site', 'selfback'));
      for (const [f, bytes] of snapshot(join(w.dir, 'cached', 'site', 'selfback'))) expect(bytes.equals(fresh.get(f)!), f).toBe(true);
      expect(readdirSync(cacheDir).filter((f) => f.endsWith('.png'))).toHaveLength(4);
      // Entries emptied (a power cut after an unsynced rename, a bad CI cache restore) are never
      // published: drawn afresh, with a note, and the pages are those drawn without the cache.
      for (const f of readdirSync(cacheDir).filter((f) => /\.(png|svg)$/.test(f))) writeFileSync(join(cacheDir, f), '');
      const damaged = await runCli('report', '--manifest', w.manifest, '--out', join(w.dir, 'damaged', 'site'));
      expect(damaged.code, damaged.stderr).toBe(0);
      expect(damaged.stderr).toMatch(/note: 4 charts in the chart cache \(.*\) were damaged .*drawn afresh and the damaged entries replaced/);
      for (const [f, bytes] of snapshot(join(w.dir, 'damaged', 'site', 'selfback'))) expect(bytes.equals(fresh.get(f)!), f).toBe(true);
      expect(readdirSync(cacheDir).filter((f) => f.endsWith('.png')).map((f) => statSync(join(cacheDir, f)).size > 0)).toEqual([true, true, true, true]);
    } finally {
      if (saved === undefined) delete process.env.HTA_CACHE_DIR;
      else process.env.HTA_CACHE_DIR = saved;
    }
  });

  it('--only builds and checks just the named reports; an unknown id is a usage error that writes nothing', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const manifest = join(dir, 'reports.json');
    const data = resolve('data'); // absolute input paths are read as they are (with --allow-outside), not joined to the manifest folder
    writeFileSync(manifest, JSON.stringify({
      reports: [
        { id: 'm', kind: 'meta', out: 'm', lang: 'en', data: join(data, 'published/selfback-studies.csv') },
        { id: 'm-da', kind: 'meta', out: 'm-da', lang: 'da', data: join(data, 'published/selfback-studies.csv') },
      ],
    }));
    const out = join(dir, 'out');
    const bad = await runCli('report', '--manifest', manifest, '--out', out, '--only', 'm,nope', '--allow-outside');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no report "nope"');
    expect(bad.stderr).toContain('its reports are m, m-da');
    expect(existsSync(out)).toBe(false);
    const one = await runCli('report', '--manifest', manifest, '--out', out, '--only', 'm-da', '--allow-outside');
    expect(one.code, one.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['m-da']);
    expect((await runCli('report', '--manifest', manifest, '--out', out, '--only', 'm-da', '--check', '--allow-outside')).code).toBe(0);
    expect((await runCli('report', '--manifest', manifest, '--out', out, '--check', '--allow-outside')).code).toBe(1); // m is missing
  });

  it('--check fails after a data change, lists the stale files and writes nothing', { timeout: 60_000 }, async () => {
    const w = builtCopy();
    expect(w.first.code).toBe(0);
    const before = snapshot(join(w.out, 'selfback'));
    // One patient's 3-month RMDQ items change: every RMDQ-based number moves.
    const lines = readFileSync(w.data, 'utf8').split('\n');
    const i = lines.findIndex((l) => /^SB0001,app,3m,/.test(l));
    const cells = lines[i]!.split(',');
    for (let k = 6; k < 30; k++) cells[k] = '1';
    lines[i] = cells.join(',');
    writeFileSync(w.data, lines.join('\n'));
    writeFileSync(join(w.out, 'selfback', 'stray.txt'), 'not ours');
    const check = await runCli('report', '--manifest', w.manifest, '--out', w.out, '--check');
    expect(check.code).toBe(1);
    // Each named with its report (the manifest entry's id), for CI to say which report went stale.
    expect(check.stdout).toMatch(/^stale: .*selfback\/results\.json \(report "selfback"\)$/m);
    expect(check.stdout).toMatch(/^stale: .*selfback\/effects-forest\.svg \(report "selfback"\)$/m);
    expect(check.stdout).not.toContain('stray.txt'); // not written by hta: not "extra", never removed
    for (const [f, bytes] of snapshot(join(w.out, 'selfback'))) if (f !== 'stray.txt') expect(bytes.equals(before.get(f)!), f).toBe(true);
    // Regenerating brings it back in line and keeps the user's file.
    expect((await runCli('report', '--manifest', w.manifest, '--out', w.out)).code).toBe(0);
    expect(readFileSync(join(w.out, 'selfback', 'stray.txt'), 'utf8')).toBe('not ours');
    expect((await runCli('report', '--manifest', w.manifest, '--out', w.out, '--check')).code).toBe(0);
  });

  it('a failing report leaves the previous output untouched (exit 2, nothing written)', { timeout: 60_000 }, async () => {
    const w = builtCopy();
    expect(w.first.code).toBe(0);
    const before = snapshot(join(w.out, 'selfback'));
    const m = JSON.parse(readFileSync(w.manifest, 'utf8'));
    m.reports.push({ ...m.reports[0], id: 'broken', out: 'broken', data: 'synthetic/absent.csv' });
    writeFileSync(w.manifest, JSON.stringify(m));
    const run = await runCli('report', '--manifest', w.manifest, '--out', w.out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('absent.csv');
    expect(existsSync(join(w.out, 'broken'))).toBe(false);
    for (const [f, bytes] of snapshot(join(w.out, 'selfback'))) expect(bytes.equals(before.get(f)!), f).toBe(true);
  });

  it('on a terminal, shows one status line while it works and clears it before the summary', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const manifest = join(dir, 'reports.json');
    writeFileSync(manifest, JSON.stringify({ reports: [{ id: 'm', kind: 'meta', out: 'm', lang: 'en', data: resolve('data/published/selfback-studies.csv') }] }));
    let stderr = '';
    // With the cache (the test's own, HTA_CACHE_DIR): the second run takes this one's charts
    // instead of drawing them again; the status line is the same either way.
    const code = await main(['report', '--manifest', manifest, '--out', join(dir, 'out'), '--allow-outside'], { stdout: () => {}, stderr: (t) => (stderr += t), stderrIsTTY: true });
    expect(code).toBe(0);
    expect(stderr).toContain('\rreport m: analysing');
    expect(stderr).toMatch(/\r +\r\d+ files in 1 report\(s\)/);
    let quiet = '';
    await main(['report', '--manifest', manifest, '--out', join(dir, 'out'), '--allow-outside'], { stdout: () => {}, stderr: (t) => (quiet += t), stderrIsTTY: false });
    expect(quiet).not.toContain('\r');
  });

  it('rejects an unknown kind and a bad --lang with exit 2', async () => {
    const w = workspace();
    writeFileSync(w.manifest, JSON.stringify({ reports: [{ id: 'x', kind: 'pie', out: 'x' }] }));
    const run = await runCli('report', '--manifest', w.manifest, '--out', w.out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('known kinds: trial');
    expect((await runCli('report', '--manifest', w.manifest, '--lang', 'fr')).code).toBe(2);
  });

  // .ci/run runs `hta report --check` itself right after the tests (HTA_REPORTS_CHECKED_BY_CI=1),
  // so CI checks the committed reports once; a developer's `npm test` checks them here.
  it.skipIf(process.env.HTA_REPORTS_CHECKED_BY_CI === '1')('the committed reports/ are up to date with data/ and the manifest', { timeout: 60_000 }, async () => {
    const check = await runCli('report', '--check');
    expect(check.stdout).toContain('up to date');
    expect(check.code).toBe(0);
  });
});
