/**
 * SVG → PNG off the main thread. Drawing a chart's PNG (resvg: text layout, raster, deflate)
 * costs ~60 ms of CPU, a third of what `hta report` spends per chart; a small pool of worker
 * threads does it while the main thread analyses and draws the next SVGs. The bytes are the same as
 * {@link svgToPng}'s: same library, same options, same shipped font, the same text → paths step.
 *
 * The worker is a short CommonJS script given inline (`eval`), so it runs unchanged from `src/`
 * under the test runner and from `dist/`; it loads resvg from the path resolved here.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CHART_CORE_FONT_FILES, CHART_FONT_FAMILY } from './chart-font.js';
import { GLYPH_OUTLINE_FUNCTIONS, readGlyphFace } from './glyph-outlines.js';
import { pngOptions, svgToPng } from './render-chart.js';
import { loadResvg, resvgSource } from './resvg-binding.js';
import { TEXT_TO_PATH_FUNCTIONS, textToPaths } from './text-to-path.js';

/**
 * Lowers the calling thread's priority by 5 (Linux: nice is per thread; elsewhere nothing). The
 * PNG workers run at it: a cold `hta report` keeps both cores busy, and a PNG is needed only once
 * every chart is drawn, while the main thread's SVGs and pages and the analysis worker's results
 * are on the run's critical path. At a lower priority the PNGs take what those threads leave, and
 * the queue they leave is drawn at the end by the main thread and the workers together, both cores
 * busy, instead of the main thread's last SVGs and pages running on one core while the other has
 * little left (docs/architecture.md#the-cost-of-a-cold-regeneration). Not lower: a thread's nice
 * also weighs against other processes, and at +10 the PNG worker, alone on a core beside another
 * process, got so little of it that on a busy machine the main thread drew most PNGs itself at the
 * end (+3 s on a 21 s run at load 20; +5: no change there). Written to run alone (the worker is
 * given its source): a failure leaves the priority as it was.
 */
export function lowerThisThreadsPriority(req: NodeJS.Require): void {
  try {
    const { readlinkSync } = req('node:fs') as typeof import('node:fs');
    const { getPriority, setPriority } = req('node:os') as typeof import('node:os');
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + 5));
  } catch {
    // No /proc/thread-self (not Linux), or not allowed: the thread keeps its priority.
  }
}

/** A job's state in the pool's shared claims (indexed by its id modulo their length). */
const UNCLAIMED = 0;
const BY_WORKER = 1;
const BY_SENDER = 2;
/** Claims kept: far more than the jobs ever held by workers at once (IN_FLIGHT per worker). */
const CLAIM_SLOTS = 1024;

// The text → paths step (text-to-path.ts, glyph-outlines.ts) runs in the worker from the source
// of its functions, which call only each other; they are called by their names as compiled
// (a bundler may rename them).
//
// A job is drawn by whoever claims it first in `claims` (shared memory): the worker as it comes to
// it, or the thread that sent it (PngPool.helpUntil) while the worker still draws the job before.
// A job the sender claimed is answered `skipped`, so that the sender knows the worker holds one
// job fewer.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
(${lowerThisThreadsPriority})(require);
const Resvg = (${loadResvg})(workerData.resvg, require);
${[...GLYPH_OUTLINE_FUNCTIONS, ...TEXT_TO_PATH_FUNCTIONS].map(String).join('\n')}
const faces = { family: workerData.family, regular: ${readGlyphFace.name}(readFileSync(workerData.core[0])), bold: ${readGlyphFace.name}(readFileSync(workerData.core[1])) };
const claims = new Int32Array(workerData.claims);
parentPort.on('message', ({ id, svg }) => {
  if (Atomics.compareExchange(claims, id % claims.length, ${UNCLAIMED}, ${BY_WORKER}) !== ${UNCLAIMED}) {
    parentPort.postMessage({ id, skipped: true });
    return;
  }
  try {
    const png = new Resvg(${textToPaths.name}(svg, faces), workerData.options).render().asPng();
    parentPort.postMessage({ id, png: new Uint8Array(png) });
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.message) || err) });
  }
});
`;

interface Job {
  id: number;
  svg: string;
  resolve: (png: Uint8Array) => void;
  reject: (err: Error) => void;
}

export interface PngPool {
  /** Resolves to the PNG of `svg`; rejects with resvg's message when it cannot be drawn. */
  render(svg: string): Promise<Uint8Array>;
  /**
   * Draws PNGs no worker has started on this thread, one at a time, until `done` settles or none
   * is left; then waits for `done`. For a thread that would otherwise only wait (the last PNGs of
   * a run, a result from another thread): the same bytes ({@link svgToPng}), sooner.
   */
  helpUntil<T>(done: Promise<T>): Promise<T>;
  /** How many PNGs `helpUntil` drew on this thread (for the tests). */
  readonly drawnHere: number;
  /** Stops the workers; pending renders reject. */
  close(): Promise<void>;
}

/** Jobs a worker holds at most: the one it draws and the next, so it never waits for a message between two. */
const IN_FLIGHT = 2;

/** A pool of `size` workers (default: one per core but the main thread's, at least 1, at most 4). */
export function createPngPool(size = Math.min(4, Math.max(1, availableParallelism() - 1))): PngPool {
  const resvg = resvgSource();
  // Renders no worker holds yet, oldest first, and those a worker holds, by id.
  const queue: Job[] = [];
  const sent = new Map<number, Job>();
  let nextId = 0;
  let drawnHere = 0;
  // A worker that dies or is stopped breaks the pool: pending and later renders reject with why.
  let broken: Error | undefined;
  const fail = (err: Error) => {
    broken ??= err;
    for (const job of [...sent.values(), ...queue.splice(0)]) job.reject(err);
    sent.clear();
  };
  const held = new Map<Worker, number>();
  const claimBuffer = new SharedArrayBuffer(CLAIM_SLOTS * Int32Array.BYTES_PER_ELEMENT);
  const claims = new Int32Array(claimBuffer);
  const dispatch = () => {
    for (const w of workers) {
      while (queue.length > 0 && held.get(w)! < IN_FLIGHT) {
        const job = queue.shift()!;
        sent.set(job.id, job);
        held.set(w, held.get(w)! + 1);
        Atomics.store(claims, job.id % CLAIM_SLOTS, UNCLAIMED);
        w.postMessage({ id: job.id, svg: job.svg });
      }
    }
  };
  const workers: Worker[] = Array.from({ length: size }, () => {
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { resvg, options: pngOptions(), family: CHART_FONT_FAMILY, core: CHART_CORE_FONT_FILES, claims: claimBuffer } });
    held.set(w, 0);
    w.on('message', (msg: { id: number; png?: Uint8Array; error?: string; skipped?: boolean }) => {
      held.set(w, held.get(w)! - 1);
      // Drawn by this thread (helpUntil), which settled it.
      if (msg.skipped) return dispatch();
      const job = sent.get(msg.id);
      if (job) {
        sent.delete(msg.id);
        if (msg.png) job.resolve(msg.png);
        else job.reject(new Error(msg.error ?? 'PNG worker returned nothing'));
      }
      dispatch();
    });
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`PNG worker stopped (exit code ${code})`)));
    return w;
  });
  /** The newest job a worker holds and has not claimed, now claimed for this thread; none if each is claimed. */
  const stealHeld = (): Job | undefined => {
    for (const job of [...sent.values()].reverse()) {
      if (Atomics.compareExchange(claims, job.id % CLAIM_SLOTS, UNCLAIMED, BY_SENDER) !== UNCLAIMED) continue;
      sent.delete(job.id);
      return job;
    }
    return undefined;
  };
  return {
    get drawnHere() {
      return drawnHere;
    },
    render(svg) {
      const id = nextId++;
      return new Promise<Uint8Array>((resolve, reject) => {
        if (broken) return reject(broken);
        queue.push({ id, svg, resolve, reject });
        dispatch();
      });
    },
    async helpUntil(done) {
      let settled = false;
      done.then(() => { settled = true; }, () => { settled = true; });
      // Yield first: the worker's answers and `done` itself may be ready.
      await new Promise((r) => setImmediate(r));
      while (!settled && !broken) {
        // The newest waiting: the workers take the oldest as they finish one. None waiting, a job a
        // worker holds but has not started (its next, behind the one it draws): at the end of a
        // run this thread would otherwise wait for the worker to draw both in turn.
        const job = queue.pop() ?? stealHeld();
        if (!job) break;
        try {
          drawnHere++;
          job.resolve(svgToPng(job.svg));
        } catch (err) {
          job.reject(err instanceof Error ? err : new Error(String(err)));
        }
        await new Promise((r) => setImmediate(r));
      }
      return done;
    },
    async close() {
      fail(new Error('the PNG pool was closed'));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
