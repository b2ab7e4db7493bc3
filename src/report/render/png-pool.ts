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

// The text → paths step (text-to-path.ts, glyph-outlines.ts) runs in the worker from the source
// of its functions, which call only each other; they are called by their names as compiled
// (a bundler may rename them).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const Resvg = (${loadResvg})(workerData.resvg, require);
${[...GLYPH_OUTLINE_FUNCTIONS, ...TEXT_TO_PATH_FUNCTIONS].map(String).join('\n')}
const faces = { family: workerData.family, regular: ${readGlyphFace.name}(readFileSync(workerData.core[0])), bold: ${readGlyphFace.name}(readFileSync(workerData.core[1])) };
parentPort.on('message', ({ id, svg }) => {
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
  const dispatch = () => {
    for (const w of workers) {
      while (queue.length > 0 && held.get(w)! < IN_FLIGHT) {
        const job = queue.shift()!;
        sent.set(job.id, job);
        held.set(w, held.get(w)! + 1);
        w.postMessage({ id: job.id, svg: job.svg });
      }
    }
  };
  const workers: Worker[] = Array.from({ length: size }, () => {
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { resvg, options: pngOptions(), family: CHART_FONT_FAMILY, core: CHART_CORE_FONT_FILES } });
    held.set(w, 0);
    w.on('message', (msg: { id: number; png?: Uint8Array; error?: string }) => {
      held.set(w, held.get(w)! - 1);
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
      while (!settled && !broken && queue.length > 0) {
        // The newest: the workers take the oldest as they finish one.
        const job = queue.pop()!;
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
