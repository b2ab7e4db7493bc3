/**
 * SVG → PNG off the main thread. Drawing a chart's PNG (resvg: text layout, raster, deflate)
 * costs ~60 ms of CPU, a third of what `hta report` spends per chart; a small pool of worker
 * threads does it while the main thread analyses and draws the next SVGs. The bytes are the same as
 * {@link svgToPng}'s: same library, same options, same shipped font.
 *
 * The worker is a short CommonJS script given inline (`eval`), so it runs unchanged from `src/`
 * under the test runner and from `dist/`; it loads resvg from the path resolved here.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { pngOptions } from './render-chart.js';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Resvg } = require(workerData.resvg);
parentPort.on('message', ({ id, svg }) => {
  try {
    const png = new Resvg(svg, workerData.options).render().asPng();
    parentPort.postMessage({ id, png: new Uint8Array(png) });
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.message) || err) });
  }
});
`;

interface Job {
  resolve: (png: Uint8Array) => void;
  reject: (err: Error) => void;
}

export interface PngPool {
  /** Resolves to the PNG of `svg`; rejects with resvg's message when it cannot be drawn. */
  render(svg: string): Promise<Uint8Array>;
  /** Stops the workers; pending renders reject. */
  close(): Promise<void>;
}

/** A pool of `size` workers (default: one per core but the main thread's, at least 1, at most 4). */
export function createPngPool(size = Math.min(4, Math.max(1, availableParallelism() - 1))): PngPool {
  const resvg = createRequire(import.meta.url).resolve('@resvg/resvg-js');
  const jobs = new Map<number, Job>();
  let nextId = 0;
  // A worker that dies or is stopped breaks the pool: pending and later renders reject with why.
  let broken: Error | undefined;
  const fail = (err: Error) => {
    broken ??= err;
    for (const job of jobs.values()) job.reject(err);
    jobs.clear();
  };
  const workers = Array.from({ length: size }, () => {
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { resvg, options: pngOptions() } });
    w.on('message', (msg: { id: number; png?: Uint8Array; error?: string }) => {
      const job = jobs.get(msg.id);
      if (!job) return;
      jobs.delete(msg.id);
      if (msg.png) job.resolve(msg.png);
      else job.reject(new Error(msg.error ?? 'PNG worker returned nothing'));
    });
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`PNG worker stopped (exit code ${code})`)));
    return w;
  });
  return {
    render(svg) {
      const id = nextId++;
      return new Promise<Uint8Array>((resolve, reject) => {
        if (broken) return reject(broken);
        jobs.set(id, { resolve, reject });
        // Round robin: charts are of similar cost, and the order of results does not matter.
        workers[id % workers.length]!.postMessage({ id, svg });
      });
    },
    async close() {
      fail(new Error('the PNG pool was closed'));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
