import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createPngPool } from '../../../src/report/render/png-pool.js';
import { renderSvg, svgToPng } from '../../../src/report/render/render-chart.js';

const spec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  data: { values: [{ a: 'x', b: 1 }, { a: 'y', b: 3 }] },
  mark: 'bar',
  encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } },
} as const;

describe('createPngPool', () => {
  it('draws the same bytes as svgToPng on this thread, with several workers and renders in flight', async () => {
    const svg = await renderSvg(spec);
    const pool = createPngPool(2);
    try {
      const pngs = await Promise.all([svg, svg, svg].map((s) => pool.render(s)));
      const here = svgToPng(svg);
      for (const png of pngs) expect(Buffer.from(png).equals(Buffer.from(here))).toBe(true);
      expect([...here.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    } finally {
      await pool.close();
    }
  });

  it('helpUntil draws waiting PNGs on this thread too: the same bytes, each render settled once, and the awaited value', async () => {
    // Eight different charts (bars of other heights), one worker: more than it holds at once.
    const svgs = await Promise.all(Array.from({ length: 8 }, (_, i) => renderSvg({ ...spec, data: { values: [{ a: 'x', b: 1 + i }, { a: 'y', b: 3 }] } })));
    const pool = createPngPool(1);
    try {
      const renders = svgs.map((s) => pool.render(s));
      const all = Promise.all(renders);
      expect(await pool.helpUntil(all)).toBe(await all);
      const pngs = await all;
      // The worker holds two at a time, so this thread drew some of the other six.
      expect(pool.drawnHere).toBeGreaterThan(0);
      pngs.forEach((png, i) => expect(Buffer.from(png).equals(Buffer.from(svgToPng(svgs[i]!)))).toBe(true));
      // Nothing waiting: it only waits.
      const before = pool.drawnHere;
      expect(await pool.helpUntil(Promise.resolve('x'))).toBe('x');
      expect(pool.drawnHere).toBe(before);
    } finally {
      await pool.close();
    }
  });

  it('helpUntil draws a PNG the worker holds but has not started (the end of a run), and the worker goes on with later ones', async () => {
    const svgs = await Promise.all(Array.from({ length: 4 }, (_, i) => renderSvg({ ...spec, data: { values: [{ a: 'x', b: 5 + i }, { a: 'y', b: 3 }] } })));
    const pool = createPngPool(1);
    try {
      // Two renders: the worker holds both (the one it draws and the next), none waits in the queue.
      const first = [pool.render(svgs[0]!), pool.render(svgs[1]!)];
      const both = Promise.all(first);
      expect(await pool.helpUntil(both)).toBe(await both);
      // This thread took one or both (the worker may not have started the first yet): without
      // taking held jobs it drew none, as none waited in the queue.
      expect(pool.drawnHere).toBeGreaterThanOrEqual(1);
      const drawn = pool.drawnHere;
      (await both).forEach((png, i) => expect(Buffer.from(png).equals(Buffer.from(svgToPng(svgs[i]!)))).toBe(true));
      // The worker answered the job it no longer had to draw: it takes two more and draws them.
      const later = await Promise.all([pool.render(svgs[2]!), pool.render(svgs[3]!)]);
      later.forEach((png, i) => expect(Buffer.from(png).equals(Buffer.from(svgToPng(svgs[i + 2]!)))).toBe(true));
      expect(pool.drawnHere).toBe(drawn);
    } finally {
      await pool.close();
    }
  });

  it('helpUntil stops drawing once what it waits for has settled: queued PNGs stay with the worker', async () => {
    const svgs = await Promise.all(Array.from({ length: 10 }, (_, i) => renderSvg({ ...spec, data: { values: [{ a: 'x', b: 2 + i }, { a: 'y', b: 3 }] } })));
    const pool = createPngPool(1);
    try {
      const renders = svgs.map((s) => pool.render(s));
      // Settled already: the build it stands for has finished, so this thread goes on.
      expect(await pool.helpUntil(Promise.resolve('built'))).toBe('built');
      expect(pool.drawnHere).toBe(0);
      await Promise.all(renders);
    } finally {
      await pool.close();
    }
  });

  it.runIf(existsSync('/proc/thread-self'))('its worker runs at a priority 5 below the thread that started it (Linux, per thread), so that the analyses and SVGs take the cores first', async () => {
    // A thread's nice value: the 19th field of /proc/self/task/<tid>/stat (after the command in parentheses).
    const niceOf = (tid: string) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    };
    const before = new Set(readdirSync('/proc/self/task'));
    const pool = createPngPool(1);
    try {
      // Drawn: the worker has started and lowered its priority.
      await pool.render(await renderSvg(spec));
      const started = readdirSync('/proc/self/task').filter((tid) => !before.has(tid));
      const own = getPriority();
      expect(started.map(niceOf)).toContain(Math.min(19, own + 5));
      // This thread keeps its own.
      expect(getPriority()).toBe(own);
    } finally {
      await pool.close();
    }
  });

  it("rejects with resvg's reason for an SVG it cannot draw, and keeps working", async () => {
    const pool = createPngPool(1);
    try {
      await expect(pool.render('this is not an svg')).rejects.toThrow(/\w/);
      const svg = await renderSvg(spec);
      expect((await pool.render(svg)).byteLength).toBeGreaterThan(100);
    } finally {
      await pool.close();
    }
  });

  it('after close, renders reject instead of waiting forever', async () => {
    const pool = createPngPool(1);
    await pool.close();
    await expect(pool.render('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>')).rejects.toThrow(/closed/);
  });
});
