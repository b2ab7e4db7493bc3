// From dist/, vega and vega-lite run from one bundle (src/report/render/vega-lib.ts,
// scripts/bundle-vega.mjs). A module that imported the packages themselves at run time would load
// a second copy of vega next to the bundle: the load time the bundle saves, paid again, and two
// sets of SVG id counters, of which render-chart resets only the bundle's.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const src = join(root, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Run-time imports of the vega packages in a module's source (type-only imports load nothing). */
function vegaRuntimeImports(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/\bimport\s+(type\s+)?[^'";]*?\bfrom\s*['"](vega(?:-[a-z-]+)?)['"]/g)) if (!m[1]) found.push(m[2]!);
  for (const m of source.matchAll(/\bimport\s*\(\s*['"](vega(?:-[a-z-]+)?)['"]\s*\)/g)) found.push(m[1]!);
  for (const m of source.matchAll(/\bexport\s+(type\s+)?(?:\*|\{[^}]*\})\s*from\s*['"](vega(?:-[a-z-]+)?)['"]/g)) if (!m[1]) found.push(m[2]!);
  return found;
}

describe('vega-lib', () => {
  it('recognises run-time and type-only imports of vega', () => {
    expect(vegaRuntimeImports(`import * as vega from 'vega';\nimport type { TopLevelSpec } from 'vega-lite';`)).toEqual(['vega']);
    expect(vegaRuntimeImports(`const v = await import('vega-lite');`)).toEqual(['vega-lite']);
    expect(vegaRuntimeImports(`export { parse } from 'vega';\nexport type { Spec } from 'vega';`)).toEqual(['vega']);
    expect(vegaRuntimeImports(`import { compile } from './vega-lib.js';`)).toEqual([]);
  });

  it('is the only module that loads vega or vega-lite at run time', () => {
    const importers = tsFiles(src)
      .filter((f) => vegaRuntimeImports(readFileSync(f, 'utf8')).length > 0)
      .map((f) => relative(root, f).split('\\').join('/'));
    expect(importers).toEqual(['src/report/render/vega-lib.ts']);
  });
});
