import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

// Test files share one module graph per worker (isolate: false): importing the statistics,
// vega and report modules once instead of once per file takes the suite from ~150 s to ~60 s
// on a 2-core machine. A file that mocks a module of its own (vi.mock) needs its own module
// graph, so those run in the "isolated" project; a Node module is patched instead (node:fs and
// module.syncBuiltinESMExports, as test/cli/fs-errors.test.ts does), which the shared graph sees.
const ISOLATED = [
  // These mock a module of hta's own (vi.mock): only in a module graph of their own.
  'test/cli/plan-init-guard.test.ts', 'test/uptake/growing-counts-schema.test.ts', 'test/cli/simulate-parquet-signals.test.ts',
  // Compares the vega bundle with the vega packages as imported: other files of a shared module
  // graph change the packages' process-wide state (text metrics, registered functions).
  'test/report/render/vega-patches.test.ts',
];

const cacheDir = join(tmpdir(), `hta-test-chart-cache-${process.pid}`);
// The global teardown (test/support/chart-cache-teardown.ts) runs in this process, where `env`
// below is not applied: it finds the folder here.
process.env.HTA_TEST_CHART_CACHE = cacheDir;

// The files that take longest (seconds each; most are about 1 s or less) start first, so the two
// workers of a 2-core machine end together instead of one starting a long file when the other is
// nearly done. Vitest orders by the last run's durations when it has them (node_modules/.vite),
// but a clean clone (CI) has none and would start the largest files instead. Longest first by CPU:
// user + sys of `npx vitest run <file>` alone (session 31, 6 December 2026, docs/architecture.md;
// each with ~1.3 s of Vitest's own start), of the 60 longest of CI's JSON report and the files
// whose beforeAll does the work — the JSON's durations leave beforeAll out, so a file that built
// five bundled reports there (page-accessibility, 10.8 CPU-s; since session 33 it reads reports/)
// showed 0.04 s and started last. The browser test second as in CI (its Chromium runs beside the
// worker; since session 33 one Chromium per worker, test/support/shared-browser.ts); report-cli's 13.6 include
// the committed-reports check, which CI runs apart (HTA_REPORTS_CHECKED_BY_CI).
const SLOW_FIRST = [
  'test/uptake/region-added-chain-spread.test.ts',
  'test/report/report-browser.test.ts',
  'test/report/report-cli.test.ts',
  'test/uptake/disclosure-previous-publication.test.ts',
  'test/uptake/disclosure-chain-refusal-report.test.ts',
  'test/uptake/disclosure-hidden-parts-fell.test.ts',
  'test/uptake/publish.test.ts',
  'test/uptake/same-extract-cuts.test.ts',
  'test/uptake/excel-registry-sheets.test.ts',
  'test/cli/uptake-exports.test.ts',
  'test/uptake/regional-formats.test.ts',
  'test/report/charts/trajectories-untimed-visits.test.ts',
  'test/uptake/disclosure-closed-month-totals.test.ts',
  'test/uptake/disclosure-vanished-rows.test.ts',
  'test/uptake/disclosure-chain-refusal.test.ts',
  'test/cli/uptake-registry-shapes.test.ts',
  'test/uptake/disclosure-sensitive-range.test.ts',
  'test/cli/analyze.test.ts',
  'test/uptake/disclosure-changed-since.test.ts',
  'test/uptake/disclosure-hidden-before.test.ts',
  'test/cli/bootstrap-table.test.ts',
  'test/report/value-set-input.test.ts',
  'test/cli/json-input-names.test.ts',
  'test/cli/uptake-sql-shapes.test.ts',
  'test/uptake/audit-national-only-change.test.ts',
  'test/cli/bin-bundle.test.ts',
  'test/report/charts/trial-charts.test.ts',
  'test/uptake/disclosure-chain-breakdowns.test.ts',
  'test/uptake/one-registry-two-reports.test.ts',
  'test/report/sof-header-fit.test.ts',
  'test/cli/uptake.test.ts',
  'test/cli/placed-interrupt.test.ts',
  'test/report/check-names-inputs.test.ts',
  'test/uptake/disclosure-known-zero-years.test.ts',
  'test/report/arm-labels.test.ts',
  'test/cli/uptake-encodings.test.ts',
  'test/report/content-security-policy.test.ts',
  'test/cli/score-interrupt.test.ts',
  'test/uptake/engine.test.ts',
  'test/report/report-warnings.test.ts',
  'test/report/uptake-page-labels.test.ts',
  // The isolated project's longest (ranked among its own files only).
  'test/report/render/vega-patches.test.ts',
  'test/cli/plan-init-guard.test.ts',
  'test/cli/simulate-parquet-signals.test.ts',
  'test/uptake/growing-counts-schema.test.ts',
];

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.findIndex((s) => f.moduleId.endsWith(s));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    // A stable sort: the rest keep Vitest's own order (and the isolated project still runs first).
    return (await super.sort(files)).map((f, i) => ({ f, i })).sort((a, b) => (a.f.project.name === b.f.project.name ? rank(a.f) - rank(b.f) : 0) || a.i - b.i).map((x) => x.f);
  }
}

export default defineConfig({
  test: {
    testTimeout: 30_000,
    pool: 'forks',
    // Vitest's default in a run is one worker fewer than the cores, which on a 2-core machine is a
    // single worker that runs every file one after another (~83 s). Its main process is mostly idle
    // while the workers test, so give a 2-core machine two: each worker imports the modules and
    // builds the shared fixtures once (~10 s more CPU in all), which pays only when the second core
    // is free. The projects below inherit this value, so `--maxWorkers` on the command line does not
    // reach them: VITEST_MAX_WORKERS=1 npm test runs one worker.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS) || Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: SlowFirstSequencer },
    // Each worker asks the main process for every module it imports, which transforms it (oxc)
    // first: ~13 s of transforming and ~18 s of importing in a whole run, beside the tests on the
    // same two cores. Kept on disk, keyed by the file's path and content and by this config (and
    // cleared by Vitest when the lock file changes), a module is transformed once, not once per
    // run: a second run of test/stats (40 files) took 6.7 CPU-s instead of 7.7 (transform 0.6 s
    // instead of 3.4, import 1.2 instead of 3.7). A clean clone (CI) has no cache and gains
    // nothing. In node_modules/.vite beside Vitest's own cache (the last run's durations), so
    // removing that folder clears both.
    experimental: { fsModuleCache: true, fsModuleCachePath: 'node_modules/.vite/vitest-module-cache' },
    setupFiles: ['test/support/setup.ts'],
    globalSetup: ['test/support/chart-cache-teardown.ts'],
    // `hta report` reuses drawn charts from a cache; tests use their own, never the project's.
    env: { HTA_CACHE_DIR: cacheDir },
    projects: [
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
