// The PNGs are encoded from resvg's pixels with Node's zlib (png-encode.ts). Decoded by an
// independent decoder — resvg's own (the Rust `png` crate, which checks the CRCs), drawing the PNG
// as an <image> at 1:1 — they must give back exactly the pixels resvg drew.
import { createRequire } from 'node:module';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeOpaquePng } from '../../../src/report/render/png-encode.js';
import { pngOptions, renderSvg, svgToPng } from '../../../src/report/render/render-chart.js';

const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');

const spec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  title: 'Smerte – æøå ÆØÅ',
  data: { values: [{ a: 'Kontrol', b: 1 }, { a: 'Behandling', b: 3 }] },
  mark: 'bar',
  encoding: { x: { field: 'a', type: 'nominal', title: 'Arm' }, y: { field: 'b', type: 'quantitative', title: 'Forskel (95 % CI)' } },
} as const;

/** resvg's pixels of `svg` at `zoom` (premultiplied RGBA; opaque on the white background). */
function pixels(svg: string, zoom: number): { data: Buffer; width: number; height: number } {
  const img = new Resvg(svg, pngOptions(zoom)).render();
  return { data: img.pixels, width: img.width, height: img.height };
}

/** Decodes `png` with resvg's image decoder: the PNG drawn 1:1, nearest-neighbour, on nothing. */
function decode(png: Uint8Array, width: number, height: number): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${Buffer.from(png).toString('base64')}"/></svg>`;
  return new Resvg(svg, { imageRendering: 1 }).render().pixels;
}

describe('encodeOpaquePng', () => {
  it("svgToPng's PNG decodes to exactly the pixels resvg drew, and is our encoder's (RGBA, deflate level 1)", async () => {
    const svg = await renderSvg(spec);
    const { data, width, height } = pixels(svg, 1.5);
    const png = svgToPng(svg, 1.5);
    expect(Buffer.from(png).equals(Buffer.from(encodeOpaquePng(data, width, height, zlib)!))).toBe(true);
    expect(png[25]).toBe(6); // IHDR colour type: RGBA
    expect(decode(png, width, height).equals(data)).toBe(true);
  });

  it('gives the same bytes for the same SVG, twice', async () => {
    const svg = await renderSvg(spec);
    expect(Buffer.from(svgToPng(svg)).equals(Buffer.from(svgToPng(svg)))).toBe(true);
  });

  it('without zlib.crc32 (Node < 20.15) its own CRC-32 gives the same bytes', async () => {
    const { data, width, height } = pixels(await renderSvg(spec), 1);
    const a = encodeOpaquePng(data, width, height, zlib)!;
    const b = encodeOpaquePng(data, width, height, { deflateSync: zlib.deflateSync })!;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('declines pixels that are not opaque (premultiplied alpha needs resvg’s own encoder), and an unaligned copy is checked too', () => {
    const px = new Uint8Array(2 * 2 * 4).fill(255);
    expect(encodeOpaquePng(px, 2, 2, zlib)).toBeInstanceOf(Uint8Array);
    px[7] = 128;
    expect(encodeOpaquePng(px, 2, 2, zlib)).toBeUndefined();
    const unaligned = new Uint8Array(px.byteLength + 1).subarray(1);
    unaligned.set(px);
    expect(encodeOpaquePng(unaligned, 2, 2, zlib)).toBeUndefined();
    unaligned[7] = 255;
    expect(decode(encodeOpaquePng(unaligned, 2, 2, zlib)!, 2, 2).equals(Buffer.from(unaligned))).toBe(true);
  });
});
