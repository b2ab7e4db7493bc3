/**
 * PNG encoding of resvg's pixels with Node's zlib, instead of resvg's `asPng()`.
 *
 * resvg's encoder (Rust `png` crate, default compression, Sub filter) cost ~0.5 CPU-s for the 37
 * bundled charts; deflate level 1 on unfiltered scanlines costs ~0.2 and the files come out ~7 %
 * smaller (text-heavy charts are mostly flat colour). Measured, not guessed:
 * docs/architecture.md#the-cost-of-a-cold-regeneration.
 *
 * resvg's `pixels` are premultiplied RGBA. Every chart is drawn on an opaque white background, so
 * every pixel is opaque and premultiplied equals straight alpha; the pixels are written as they
 * are (colour type 6, 8 bits). If a pixel were not opaque, `undefined` tells the caller to use
 * resvg's own encoder, which un-premultiplies.
 *
 * The function is self-contained (zlib is passed in, no imports, no closures): the PNG worker
 * threads run its source text (png-pool.ts), so both threads give the same bytes.
 * PNG format: https://www.w3.org/TR/png/ (signature, IHDR, IDAT, IEND; CRC-32 of type + data).
 */

/** The parts of node:zlib the encoder uses (crc32: Node ≥ 20.15; a table is used without it). */
export interface PngZlib {
  deflateSync(data: Uint8Array, options: { level: number }): Uint8Array;
  crc32?: (data: Uint8Array, value?: number) => number;
}

/** PNG bytes of `width` × `height` opaque RGBA pixels, or undefined if any pixel is not opaque. */
export function encodeOpaquePng(pixels: Uint8Array, width: number, height: number, zlib: PngZlib): Uint8Array | undefined {
  const row = width * 4;
  if (pixels.byteLength !== row * height) throw new Error(`PNG encoder: ${pixels.byteLength} bytes for ${width} × ${height} pixels`);
  // Alpha check four bytes at a time where the buffer is aligned (it is, from resvg), else bytewise.
  if (pixels.byteOffset % 4 === 0) {
    const words = new Uint32Array(pixels.buffer, pixels.byteOffset, pixels.byteLength / 4);
    const alpha = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 0xff000000 : 0xff; // little- or big-endian
    for (let i = 0; i < words.length; i++) if ((words[i]! & alpha) >>> 0 !== alpha) return undefined;
  } else {
    for (let i = 3; i < pixels.byteLength; i += 4) if (pixels[i] !== 255) return undefined;
  }
  // Scanlines with filter type 0 (None): a filter would cost more JavaScript time than it saves deflate.
  const raw = new Uint8Array((row + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * row, (y + 1) * row), y * (row + 1) + 1);
  const idat = zlib.deflateSync(raw, { level: 1 });

  let table: Uint32Array | undefined;
  const crc32 = zlib.crc32 ?? ((data: Uint8Array, value = 0): number => {
    if (!table) {
      table = new Uint32Array(256);
      for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        table[n] = c >>> 0;
      }
    }
    let c = ~value;
    for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
    return ~c >>> 0;
  });

  const out = new Uint8Array(8 + 25 + 12 + idat.byteLength + 12);
  const view = new DataView(out.buffer);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  let at = 8;
  const chunk = (type: string, data: Uint8Array): void => {
    view.setUint32(at, data.byteLength);
    for (let i = 0; i < 4; i++) out[at + 4 + i] = type.charCodeAt(i);
    out.set(data, at + 8);
    view.setUint32(at + 8 + data.byteLength, crc32(out.subarray(at + 4, at + 8 + data.byteLength)));
    at += 12 + data.byteLength;
  };
  const ihdr = new Uint8Array(13);
  const h = new DataView(ihdr.buffer);
  h.setUint32(0, width);
  h.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filtering, no interlace
  chunk('IHDR', ihdr);
  chunk('IDAT', idat);
  chunk('IEND', new Uint8Array(0));
  return out;
}
