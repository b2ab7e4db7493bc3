import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    setupFiles: ['test/support/fast-check-seed.ts'],
    // `hta report` reuses drawn charts from a cache; tests use their own, never the project's.
    env: { HTA_CACHE_DIR: join(tmpdir(), `hta-test-chart-cache-${process.pid}`) },
  },
});
