/**
 * No control character in the sources: an editor or a helper's string escaping once wrote
 * backspace bytes (0x08) where a regular expression's `\b` was meant; the file looked right and
 * the rule silently never matched (src/instruments/generic.ts). Tabs, newlines and carriage
 * returns are the only ones allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|mjs|js)$/.test(e.name) ? [join(dir, e.name)] : []));
}

describe('source text', () => {
  it('src/ and scripts/ hold no control characters but tab, newline and carriage return', () => {
    const found: string[] = [];
    for (const f of [...files('src'), ...files('scripts')]) {
      const text = readFileSync(f, 'utf8');
      // eslint-disable-next-line no-control-regex
      const m = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.exec(text);
      if (m) found.push(`${f}:${text.slice(0, m.index).split('\n').length}: 0x${m[0].charCodeAt(0).toString(16).padStart(2, '0')}`);
    }
    expect(found).toEqual([]);
    // The check can fail: a backspace where \b was meant is found.
    expect(/[\x00-\x08]/.test('/\bnrs\b/')).toBe(true);
  });
});
