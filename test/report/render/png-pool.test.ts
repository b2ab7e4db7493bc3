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
