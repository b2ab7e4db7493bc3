/**
 * The export's row order does not change a single byte (docs/plan-trial.md#row-order): an
 * explorer re-sorted an R export (as `dplyr::arrange()`, Stata `sort` or a REDCap re-export do)
 * and the ANCOVA, Welch, SMD, descriptives and MMRM changed in their last digits, so
 * `hta report --check` called seven files stale. loadTrial now puts the patients in id order and
 * each patient's rows by visit (trial/canonical-order.ts) before any analysis.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReports } from '../../src/report/build-reports.js';
import { loadManifest } from '../../src/report/manifest.js';
import type { ChartCache } from '../../src/report/render/chart-cache.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { runCli, tempDir } from '../support/run-cli.js';

const FIXTURE = 'test/fixtures/row-order';
const csv = readFileSync(`${FIXTURE}/trial.csv`, 'utf8');

/** The header, then the data lines shuffled by a fixed permutation (a small LCG): visits and patients mixed. */
function shuffled(text: string, seed: number): string {
  const [header, ...lines] = text.trimEnd().split('\n');
  let s = seed;
  for (let i = lines.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  return [header, ...lines].join('\n') + '\n';
}

/** A folder holding the plan and `export` as trial.csv, with a one-report manifest. */
function project(exportText: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'trial.csv'), exportText);
  writeFileSync(join(dir, 'plan.json'), readFileSync(`${FIXTURE}/plan.json`));
  writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports: [{ id: 'r', kind: 'trial', out: 'r', lang: 'en', data: 'trial.csv', plan: 'plan.json' }] }));
  return dir;
}

describe('the export rows in another order', () => {
  const others = [shuffled(csv, 7), shuffled(csv, 2026)];

  it('shuffles the rows (the test would prove nothing otherwise)', () => {
    for (const o of others) {
      expect(o).not.toBe(csv);
      expect(o.split('\n').sort()).toEqual(csv.split('\n').sort());
    }
  });

  it('`hta analyze --json`: the same bytes (ANCOVA, Welch, SMD, descriptives, MMRM with its Satterthwaite df)', async () => {
    const run = async (text: string) => {
      const dir = project(text);
      const r = await runCli('analyze', join(dir, 'trial.csv'), '--plan', join(dir, 'plan.json'), '--json');
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.split(dir).join('<dir>');
    };
    const a = await run(csv);
    expect(a).toContain('"method": "mmrm"');
    expect(a).toContain('"method": "welch"');
    for (const o of others) expect(await run(o)).toBe(a);
  }, 120_000);

  it('`hta report`: the same files, byte for byte (results.json, the page, the chart specs)', async () => {
    // Charts served by a stub cache (no drawing): their numbers are in the .vl.json specs and results.json.
    const chartCache: ChartCache = { get: () => ({ svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', png: new Uint8Array() }), put: () => {}, prune: () => {} };
    const build = async (text: string) => {
      const manifestFile = join(project(text), 'reports.json');
      const files = await buildReports(loadManifest(manifestFile), { manifestFile, version: 'test', chartCache });
      return new Map([...files].map(([file, bytes]) => [file, Buffer.from(bytes as Uint8Array | string).toString('base64')]));
    };
    const a = await build(csv);
    expect([...a.keys()]).toEqual(expect.arrayContaining(['r/results.json', 'r/index.html', 'r/effects-forest.vl.json', 'r/trajectories.vl.json']));
    expect(await build(others[0]!)).toEqual(a);
  }, 180_000);

  it('`hta score` still appends each line\'s own score (the rows come by patient, the file by visit, ids descending)', async () => {
    // RMDQ items: patient k answers yes to k + 3·visit items, so every line has its own score.
    const header = ['id', 'arm', 'time', ...Array.from({ length: 24 }, (_, i) => `rmdq_${i + 1}`)];
    const lines = [header.join(',')];
    for (const [v, time] of ['baseline', '3m'].entries()) {
      for (let k = 8; k >= 1; k--) lines.push([`P${k}`, k % 2 ? 'app' : 'usual', time, ...Array.from({ length: 24 }, (_, i) => (i < k + 3 * v ? '1' : '0'))].join(','));
    }
    const dir = tempDir();
    writeFileSync(join(dir, 'in.csv'), lines.join('\n') + '\n');
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] }));
    const r = await runCli('score', join(dir, 'in.csv'), '--plan', join(dir, 'plan.json'), '--out', join(dir, 'out.csv'));
    expect(r.code, r.stderr).toBe(0);
    const out = readFileSync(join(dir, 'out.csv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(','));
    expect(out).toHaveLength(16);
    // The appended score is the line's own count of yes answers.
    for (const cells of out) expect(cells.at(-1)).toBe(String(cells.slice(3, 27).filter((c) => c === '1').length));
  });

  it('each patient\'s rows come by visit, the patients in id order, whatever the file order', () => {
    const plan = parsePlan(JSON.parse(readFileSync(`${FIXTURE}/plan.json`, 'utf8')));
    const trial = loadTrial(parseCsvText(others[1]!, 'trial.csv'), plan);
    expect(trial.patients.slice(0, 3).map((p) => p.id)).toEqual(['S001', 'S002', 'S003']);
    expect(trial.observations.slice(0, 4).map((o) => `${o.id} ${o.time}`)).toEqual(['S001 baseline', 'S001 3m', 'S001 12m', 'S002 baseline']);
  });
});
