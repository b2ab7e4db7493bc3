/**
 * The name a suggested join command writes to: in the working folder, none of the inputs and no
 * file that exists — a command that wrote onto an input (`COPY … TO` and `>` overwrite silently)
 * would change the user's file (docs/input-registry.md "Several exports").
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** registry-joined.<ext>, else registry-joined-2.<ext>, …: the first that is no input and does not exist. */
export function joinedFileName(files: readonly string[], cwd = process.cwd(), ext = 'csv'): string {
  const inputs = new Set(files.map((f) => resolve(cwd, f)));
  for (let i = 1; ; i++) {
    const name = i === 1 ? `registry-joined.${ext}` : `registry-joined-${i}.${ext}`;
    const path = resolve(cwd, name);
    if (!inputs.has(path) && !existsSync(path)) return name;
  }
}
