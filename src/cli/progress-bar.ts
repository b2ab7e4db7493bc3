/**
 * A progress bar on stderr for long runs (bootstrap, imputation). Drawn only when stderr is a
 * terminal, so logs and tests stay clean; redrawn at most once per percent.
 */
import type { CliIo } from './io.js';

export function progressBar(io: CliIo, label: string): { update: (done: number, total: number) => void; done: () => void } {
  let last = -1;
  let drawn = false;
  return {
    update: (done, total) => {
      if (!io.stderrIsTTY || total <= 0) return;
      const pct = Math.floor((100 * done) / total);
      if (pct === last) return;
      last = pct;
      const width = 30;
      const filled = Math.round((width * done) / total);
      io.stderr(`\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(pct).padStart(3)}%`);
      drawn = true;
    },
    done: () => {
      if (drawn) io.stderr('\n');
    },
  };
}
