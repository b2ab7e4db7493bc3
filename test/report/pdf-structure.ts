/**
 * The structure tree of a tagged PDF as Chromium prints it, read without a PDF library: every
 * object (also those packed in compressed object streams), and for each structure element its
 * type (/S), its parent's (/P) and whether it has /Alt. Enough to ask "is each Table a child of a
 * Figure?" (PDF/UA: a Figure is a graphic, and needs /Alt); not a general PDF reader.
 */
import { inflateSync } from 'node:zlib';

/** Every object's dictionary text by number: the plain ones and those inside object streams. */
export function pdfObjects(pdf: Buffer): Map<number, string> {
  const objects = new Map<number, string>();
  const text = pdf.toString('latin1');
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (const [, num, body] of text.matchAll(re)) {
    const n = Number(num);
    const streamAt = body!.indexOf('stream');
    const dict = streamAt < 0 ? body! : body!.slice(0, streamAt);
    objects.set(n, dict);
    // An object stream (/Type /ObjStm): "num offset num offset …" then the objects from /First.
    if (!/\/Type\s*\/ObjStm/.test(dict) || !/\/FlateDecode/.test(dict)) continue;
    const start = text.indexOf('stream', text.indexOf(`${num} 0 obj`)) + 'stream'.length;
    const from = text[start] === '\r' ? start + 2 : start + 1;
    const length = Number(/\/Length\s+(\d+)/.exec(dict)?.[1] ?? NaN);
    const data = inflateSync(pdf.subarray(from, from + length)).toString('latin1');
    const first = Number(/\/First\s+(\d+)/.exec(dict)?.[1]);
    const count = Number(/\/N\s+(\d+)/.exec(dict)?.[1]);
    const pairs = data.slice(0, first).trim().split(/\s+/).map(Number);
    for (let i = 0; i < count; i++) {
      const at = first + pairs[2 * i + 1]!;
      const end = i + 1 < count ? first + pairs[2 * i + 3]! : data.length;
      objects.set(pairs[2 * i]!, data.slice(at, end));
    }
  }
  return objects;
}

export interface StructElement {
  num: number;
  type: string;
  parentType: string | undefined;
  alt: boolean;
}

/** The structure elements (objects with /S and /P): their type, their parent's type, and whether they carry /Alt. */
export function structElements(pdf: Buffer): StructElement[] {
  const objects = pdfObjects(pdf);
  const typeOf = (dict: string | undefined) => (dict === undefined ? undefined : /\/S\s*\/(\w+)/.exec(dict)?.[1]);
  const out: StructElement[] = [];
  for (const [num, dict] of objects) {
    const type = typeOf(dict);
    const parent = /\/P\s+(\d+)\s+0\s+R/.exec(dict)?.[1];
    if (type === undefined || parent === undefined || !/\/Type\s*\/StructElem|\/K\b/.test(dict)) continue;
    out.push({ num, type, parentType: typeOf(objects.get(Number(parent))), alt: /\/Alt\s*[(<]/.test(dict) });
  }
  return out;
}
