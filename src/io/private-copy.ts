/**
 * A private, transformed copy of a file for a reader that cannot take the original as it is (the
 * SQL engine reads UTF-8 with one kind of line end): written into a temporary folder of this run
 * (registered, so Ctrl-C or kill removes it too: staging-files.ts), handed to `read`, and removed
 * whatever happens. The user's file is only read (docs/output-safety.md).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { inTempFolder, makeTempFolder } from './temp-folder.js';
import type { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { discardStagingFolder, registerStagingFolder } from './staging-files.js';

export async function withTransformedCopy<T>(file: string, name: string, transform: Transform, read: (copy: string) => Promise<T>): Promise<T> {
  const dir = makeTempFolder('hta-registry-');
  registerStagingFolder(dir);
  try {
    const copy = join(dir, name);
    await inTempFolder(dir, () => pipeline(createReadStream(file, { highWaterMark: 4 << 20 }), transform, createWriteStream(copy, { flags: 'wx', mode: 0o600 })));
    return await read(copy);
  } finally {
    discardStagingFolder(dir);
  }
}
