/**
 * What the report's main thread loads: the modules the report kinds import statically (dynamic
 * imports load only when run). The uptake page needs a rounding and a marker from the disclosure
 * code, not its linear programs: importing those instantiated the HiGHS WebAssembly on the main
 * thread (~60 ms of a cold `hta report`), where no LP is solved — they run on the analysis worker
 * (docs/architecture.md#the-cost-of-a-cold-regeneration).
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** The relative modules the `entries` import statically (not `import type`, not `import()`), transitively. */
function staticClosure(...entries: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = entries.map((e) => resolve(ROOT, e));
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^(?:import|export)(\s+type)?\s[^;]*?from\s+'(\.{1,2}\/[^']+)\.js'/gms)) {
      if (!m[1]) todo.push(resolve(dirname(file), `${m[2]}.ts`));
    }
  }
  return new Set([...seen].map((f) => relative(ROOT, f)));
}

describe('hta report on the main thread', () => {
  it('does not load the disclosure LP solver (HiGHS), which only the analysis worker uses', () => {
    // What `hta report` loads (src/cli/report.ts imports these when it runs) and all they import.
    const loaded = staticClosure('src/cli/report.ts', ...[...readFileSync(resolve(ROOT, 'src/cli/report.ts'), 'utf8').matchAll(/await import\('\.\.\/([^']+)\.js'\)/g)].map((m) => `src/${m[1]}.ts`));
    // The closure is the real one (the command, its build and every report kind): the uptake page and its tables are in it.
    expect(loaded).toContain('src/report/build-reports.ts');
    expect(loaded).toContain('src/report/kinds/uptake-report.ts');
    expect(loaded).toContain('src/report/uptake-tables.ts');
    expect(loaded).not.toContain('src/uptake/disclosure/linear-program.ts');
    expect(loaded).not.toContain('src/uptake/suppression.ts');
  });
});
