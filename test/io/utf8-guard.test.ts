import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { utf8Guard } from '../../src/io/utf8.js';

async function through(chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const c of Readable.from(chunks).pipe(utf8Guard('r.csv'))) out.push(c as Buffer);
  return Buffer.concat(out);
}

describe('utf8Guard (streamed registry files)', () => {
  it('passes UTF-8 through unchanged, also when a letter is split between chunks', async () => {
    const text = Buffer.from('id,region\nA1,Sjælland\nA2,Trøndelag 😀\n', 'utf8');
    for (let cut = 1; cut < text.length; cut++) {
      expect((await through([text.subarray(0, cut), text.subarray(cut)])).equals(text)).toBe(true);
    }
  });

  it('refuses a Latin-1 byte with its line and byte offset, in a later chunk too', async () => {
    const first = Buffer.from('id,region\nA1,Hovedstaden\n', 'utf8');
    const second = Buffer.concat([Buffer.from('A2,Sj'), Buffer.from([0xe6]), Buffer.from('lland\n')]);
    const err = await through([first, second]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HtaError);
    const p = (err as HtaError).problems[0]!;
    expect(p.line).toBe(3);
    expect(p.value).toBe(`byte 0xE6 at byte offset ${first.length + 5}`);
  });

  it('counts CR-only and CRLF line ends for the line, a CRLF split between chunks once', async () => {
    const bad = Buffer.concat([Buffer.from('id,region\r\nA1,Hovedstaden\rA2,Sj'), Buffer.from([0xe6]), Buffer.from('lland\r')]);
    for (const cut of [1, 10, 11, 12, 26]) {
      const err = await through([bad.subarray(0, cut), bad.subarray(cut)]).catch((e: unknown) => e);
      expect((err as HtaError).problems[0]!.line).toBe(3);
    }
  });

  it('refuses a file that ends inside a multi-byte letter', async () => {
    const err = await through([Buffer.from('id\nA'), Buffer.from([0xc3])]).catch((e: unknown) => e);
    expect((err as HtaError).problems[0]!.line).toBe(2);
  });
});
