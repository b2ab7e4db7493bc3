/**
 * `HTA_ENGINE_TIMINGS=1`: every run of SQL on stderr (a multi-statement run is one line,
 * headed by its first statement) with its wall time, the
 * process's CPU time (all DuckDB threads) and its resident memory, and the JavaScript time
 * between statements — the phase breakdown of docs/limits.md "hta uptake at scale". Off by
 * default; it never changes what a run computes or prints on stdout.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

const ms = (n: number) => n.toFixed(0).padStart(6);
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
const mb = () => `${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`.padStart(9);
const head = (sql: string) => sql.replace(/--[^\n]*\n/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 90);

/** Whether timings were asked for. */
export const timingsWanted = (): boolean => process.env.HTA_ENGINE_TIMINGS === '1';

/** `db` with `run` and `runAndReadAll` timed (see the module comment). */
export function withStatementTimings(db: DuckDBConnection, write: (line: string) => void = (l) => process.stderr.write(l)): DuckDBConnection {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const timed = <A extends unknown[], R>(fn: (sql: string, ...rest: A) => Promise<R>) => async (sql: string, ...rest: A): Promise<R> => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    write(`engine: ${ms(start - last)} ms wall ${ms(cpuMs(process.cpuUsage(lastCpu)))} ms CPU ${mb()}  (JavaScript)\n`);
    try {
      return await fn.call(db, sql, ...rest);
    } finally {
      last = performance.now();
      lastCpu = process.cpuUsage();
      write(`engine: ${ms(last - start)} ms wall ${ms(cpuMs(process.cpuUsage(cpu)))} ms CPU ${mb()}  ${head(sql)}\n`);
    }
  };
  const run = timed(db.run);
  const runAndReadAll = timed(db.runAndReadAll);
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'run') return run;
      if (prop === 'runAndReadAll') return runAndReadAll;
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
