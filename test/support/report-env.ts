/** The environment a report kind's `build` gets from `hta report`, for tests: inputs read from `dir`, a fresh memo. */
import { join } from 'node:path';

export function reportEnv(dir: string, lang: 'en' | 'da') {
  const memo = new Map<string, unknown>();
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
