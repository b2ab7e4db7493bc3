/**
 * Native work (DuckDB) under way on an analysis worker thread (report/off-thread.ts), which the
 * main thread must not terminate under it: terminating a worker while a DuckDB call runs on its
 * behalf aborts the whole process (`terminate called after throwing an instance of
 * 'Napi::Error'`, exit 134) and the run's own error is never printed. So the worker counts its
 * open DuckDB sessions in memory it shares with the main thread, and a run that stops early
 * (another report failed) terminates a worker at once only when that count is 0 — marking it
 * stopped in the same atomic step, so no session can start after — and otherwise asks the worker
 * to stop: it interrupts its sessions' queries until the job ends, then says it has stopped
 * (docs/architecture.md#the-cost-of-a-cold-regeneration, "the slow analyses off the main thread").
 *
 * On the main thread, and in `hta uptake`, no flag is shared and sessions are not counted.
 */

/** The shared count: [0] open sessions, or STOPPED once the main thread has stopped the worker. */
let shared: Int32Array | undefined;
const STOPPED = -1;
let stopping = false;
const sessions = new Set<{ interrupt(): void }>();
let interrupter: ReturnType<typeof setInterval> | undefined;

/** A new flag for a worker (given to it in its workerData and to `shareNativeWorkFlag` there). */
export const newNativeWorkFlag = (): Int32Array => new Int32Array(new SharedArrayBuffer(4));

/** In the worker, before its first job: the flag the main thread reads. */
export function shareNativeWorkFlag(flag: Int32Array): void {
  shared = flag;
}

/** Thrown when a job would start native work after its run was stopped (nobody reads its message). */
class StoppedError extends Error {
  constructor() {
    super('the run was stopped');
  }
}

/**
 * Marks a session as open (call before creating it); `interrupt` stops its running query. The
 * returned function closes the mark (call after the session is closed).
 */
export function beginNativeWork(session: { interrupt(): void }): () => void {
  if (stopping) throw new StoppedError();
  if (shared) {
    for (;;) {
      const n = Atomics.load(shared, 0);
      if (n === STOPPED) throw new StoppedError();
      if (Atomics.compareExchange(shared, 0, n, n + 1) === n) break;
    }
  }
  sessions.add(session);
  return () => {
    sessions.delete(session);
    if (shared) Atomics.sub(shared, 0, 1);
  };
}

/**
 * In the worker, when the main thread asks it to stop: no session starts any more, and the open
 * ones have their queries interrupted — again every 20 ms, as a job runs its queries one after
 * another and an interrupt stops only the one running — until none is open.
 */
export function interruptNativeWork(onIdle: () => void): void {
  stopping = true;
  const tick = () => {
    for (const s of sessions) {
      try {
        s.interrupt();
      } catch {
        // A session closing as it is interrupted: nothing to stop.
      }
    }
    if (sessions.size === 0) {
      if (interrupter) clearInterval(interrupter);
      interrupter = undefined;
      onIdle();
    }
  };
  interrupter ??= setInterval(tick, 20);
  tick();
}

/** On the main thread: whether the worker has no native work open, marking it stopped if so (then it may be terminated). */
export function stopIfNoNativeWork(flag: Int32Array): boolean {
  return Atomics.compareExchange(flag, 0, 0, STOPPED) === 0;
}
