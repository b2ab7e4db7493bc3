// The chart cache the tests use (vitest.config.ts: HTA_CACHE_DIR, one per run) is removed when
// the run ends, so runs do not pile up folders in the system's temporary folder.
import { rmSync } from 'node:fs';

export default function setup(): () => void {
  return () => {
    const dir = process.env.HTA_TEST_CHART_CACHE;
    if (dir && /hta-test-chart-cache-\d+$/.test(dir)) rmSync(dir, { recursive: true, force: true });
  };
}
