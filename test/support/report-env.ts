/**
 * The environment a report kind's `build` gets from `hta report`, for tests: inputs read from `dir`,
 * a fresh memo — or `memo`, shared by the builds of one run as `hta report` shares it (an English
 * and a Danish page of one analysis compute it once).
 */
import { join } from 'node:path';

export function reportEnv(dir: string, lang: 'en' | 'da', memo = new Map<string, unknown>()) {
  return {
    input: (p: string) => join(dir, p),
    lang,
    version: 'test',
    memo: <T>(key: string, compute: () => T): T => {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  };
}
