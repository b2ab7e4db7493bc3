/**
 * resvg loaded without the package's C-library probe where the process's mapped libraries answer it
 * (src/report/render/resvg-binding.ts): the same PNG bytes, and no `process.report.getReport()`;
 * and its allocator keeping the memory freed after a chart for the next one.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { pngOptions } from '../../src/report/render/render-chart.js';
import { keepResvgFreedMemory, loadResvg, resvgSource } from '../../src/report/render/resvg-binding.js';
import { chartTextFaces, textToPaths } from '../../src/report/render/text-to-path.js';
import { builtClosure } from '../support/built-closure.js';

const require = createRequire(import.meta.url);
const onLinuxGlibcX64 = process.platform === 'linux' && process.arch === 'x64' && /\/libc\.so\.6$/m.test(readFileSync('/proc/self/maps', 'utf8'));

describe('resvg without the package probe', () => {
  it.runIf(onLinuxGlibcX64)('loads the glibc build directly and draws the bytes the package draws', () => {
    const direct = resvgSource();
    expect(direct.native).toBe(true);
    expect(direct.path).toMatch(/resvgjs\.linux-x64-gnu\.node$/);
    const svg = textToPaths(readFileSync(fileURLToPath(new URL('../../reports/selfback-da/effects-forest.svg', import.meta.url)), 'utf8'), chartTextFaces());
    const viaDirect = new (loadResvg(direct, require))(svg, pngOptions()).render().asPng();
    const viaPackage = new (loadResvg(resvgSource(() => false), require))(svg, pngOptions()).render().asPng();
    expect(Buffer.compare(viaDirect, viaPackage)).toBe(0);
    // Options as the package takes them: none at all too.
    expect(new (loadResvg(direct, require))('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"/>').render().width).toBe(4);
  });

  it('the package, which probes, where glibc is not seen', () => {
    expect(resvgSource(() => false)).toEqual({ path: require.resolve('@resvg/resvg-js'), native: false });
  });

  it.runIf(onLinuxGlibcX64)('builds no process report to find it (the package does)', () => {
    const built = builtClosure('src/report/render/resvg-binding.ts');
    onTestFinished(() => rmSync(built.dir, { recursive: true, force: true }));
    const run = (glibc: string) => {
      const script = `import { createRequire } from 'node:module';
const { loadResvg, resvgSource } = await import(${JSON.stringify(built.url)});
let reports = 0;
const real = process.report.getReport.bind(process.report);
process.report.getReport = (...a) => { reports++; return real(...a); };
const Resvg = loadResvg(resvgSource(${glibc}), createRequire(${JSON.stringify(built.url)}));
new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>', { background: 'white' }).render().asPng();
console.log(reports);`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return Number(r.stdout.trim());
    };
    expect(run('')).toBe(0);
    expect(run('() => false')).toBeGreaterThan(0);
  });
});

describe("resvg's allocator keeps freed memory for the next chart", () => {
  // resvg's mimalloc gives freed pages back to the system 10 ms after a free by default, so each
  // chart's pixmap was drawn in pages faulted in afresh. Its statistics (MIMALLOC_SHOW_STATS, on
  // exit) count those purges: a process drawing several charts as `hta report` loads resvg makes none.
  it.runIf(onLinuxGlibcX64)('makes no purge while drawing several large charts', () => {
    const built = builtClosure('src/report/render/resvg-binding.ts');
    onTestFinished(() => rmSync(built.dir, { recursive: true, force: true }));
    const script = `import { createRequire } from 'node:module';
const { loadResvg, resvgSource } = await import(${JSON.stringify(built.url)});
const Resvg = loadResvg(resvgSource(), createRequire(${JSON.stringify(built.url)}));
const rects = Array.from({ length: 400 }, (_, i) => '<rect x="' + (i % 40) * 25 + '" y="' + Math.floor(i / 40) * 50 + '" width="20" height="40" fill="#' + (i * 2654435761 % 16777216).toString(16).padStart(6, '0') + '"/>').join('');
for (let i = 0; i < 6; i++) {
  const png = new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="' + (500 + 20 * i) + '">' + rects + '</svg>', { fitTo: { mode: 'zoom', value: 1.5 }, background: 'white' }).render().asPng();
  const t = performance.now();
  while (performance.now() - t < 15);
  if (png.length < 100) throw new Error('no PNG');
}`;
    const env = { ...process.env, MIMALLOC_SHOW_STATS: '1' };
    delete env.MIMALLOC_PURGE_DELAY;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env });
    expect(r.status).toBe(0);
    const purges = /^\s*purges:\s+(\d+)/m.exec(r.stderr);
    expect(purges, r.stderr).not.toBeNull();
    expect(Number(purges![1])).toBe(0);
  });

  it("keeps the user's own setting", () => {
    const env: NodeJS.ProcessEnv = { MIMALLOC_PURGE_DELAY: '10' };
    keepResvgFreedMemory(env);
    expect(env.MIMALLOC_PURGE_DELAY).toBe('10');
    const unset: NodeJS.ProcessEnv = {};
    keepResvgFreedMemory(unset);
    expect(unset.MIMALLOC_PURGE_DELAY).toBe('-1');
  });
});
