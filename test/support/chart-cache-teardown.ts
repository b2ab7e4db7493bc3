// The chart cache the tests use (vitest.config.ts: HTA_CACHE_DIR, one per run) is removed when
// the run ends, so runs do not pile up folders in the system's temporary folder; so are the CLI
// builds the workers share (built-closure.ts sharedBuiltClosure), should a worker not have exited
// cleanly to remove its own.
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sharedClosurePrefix } from './built-closure.js';

export default function setup(): () => void {
  return () => {
    const dir = process.env.HTA_TEST_CHART_CACHE;
    if (dir && /hta-test-chart-cache-\d+$/.test(dir)) rmSync(dir, { recursive: true, force: true });
    const prefix = sharedClosurePrefix(process.pid);
    let names: string[] = [];
    try {
      names = readdirSync(dirname(prefix));
    } catch {
      return; // no build folder: nothing was built
    }
    for (const name of names) if (name.startsWith(basename(prefix))) rmSync(join(dirname(prefix), name), { recursive: true, force: true });
  };
}
