import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Test files share one module graph per worker (isolate: false): importing the statistics,
// vega and report modules once instead of once per file takes the suite from ~150 s to ~60 s
// on a 2-core machine. A file that mocks a Node module (vi.mock) needs its own module graph,
// so those run in the "isolated" project.
const ISOLATED = ['test/cli/fs-errors.test.ts', 'test/io/read-csv-close.test.ts'];

const cacheDir = join(tmpdir(), `hta-test-chart-cache-${process.pid}`);
// The global teardown (test/support/chart-cache-teardown.ts) runs in this process, where `env`
// below is not applied: it finds the folder here.
process.env.HTA_TEST_CHART_CACHE = cacheDir;

export default defineConfig({
  test: {
    testTimeout: 30_000,
    pool: 'forks',
    setupFiles: ['test/support/fast-check-seed.ts', 'test/support/temp-dirs.ts'],
    globalSetup: ['test/support/chart-cache-teardown.ts'],
    // `hta report` reuses drawn charts from a cache; tests use their own, never the project's.
    env: { HTA_CACHE_DIR: cacheDir },
    projects: [
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
