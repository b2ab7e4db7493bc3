/**
 * resvg loaded without the package's C-library probe where the process's mapped libraries answer it
 * (src/report/render/resvg-binding.ts): the same PNG bytes, and no `process.report.getReport()`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { pngOptions } from '../../src/report/render/render-chart.js';
import { loadResvg, resvgSource } from '../../src/report/render/resvg-binding.js';
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
