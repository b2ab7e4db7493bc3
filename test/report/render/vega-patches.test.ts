/**
 * The vega bundle's patches (scripts/vega-patches.mjs, applied by scripts/bundle-vega.mjs): vega
 * parses each distinct expression once per process, vega-lite finds each expression's fields
 * once, and both return what the packages themselves return for every bundled chart.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as vegaPackage from 'vega';
import * as vegaLitePackage from 'vega-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: build scripts in plain JavaScript, without type declarations
import { bundleVega } from '../../../scripts/bundle-vega.mjs';
// @ts-expect-error: as above
import { VEGA_PATCHES } from '../../../scripts/vega-patches.mjs';

type Vega = typeof vegaPackage & typeof vegaLitePackage;
const root = join(import.meta.dirname, '../../..');
const quiet = {
  level: () => 0,
  error: (...args: unknown[]) => { throw new Error(args.map(String).join(' ')); },
  warn: () => quiet, info: () => quiet, debug: () => quiet,
} as unknown as vegaLitePackage.Config['logger'];

/** The Vega-Lite specs of the bundled reports (reports/<id>/<chart>.vl.json). */
function bundledSpecs(): [string, vegaLitePackage.TopLevelSpec][] {
  const dir = join(root, 'reports');
  // The Danish reports (-da) draw the same charts in other words: left out.
  return readdirSync(dir).sort().filter((id) => !id.endsWith('-da')).flatMap((id) => readdirSync(join(dir, id)).sort()
    .filter((f) => f.endsWith('.vl.json'))
    .map((f) => [`${id}/${f}`, JSON.parse(readFileSync(join(dir, id, f), 'utf8'))] as [string, vegaLitePackage.TopLevelSpec]));
}

describe('the vega bundle (scripts/bundle-vega.mjs with scripts/vega-patches.mjs)', () => {
  let dir: string;
  let bundle: Vega;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hta-vega-bundle-'));
    const file = join(dir, 'vega-lib.js');
    await bundleVega(file);
    bundle = (await import(pathToFileURL(file).href)) as Vega;
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses an expression met twice once: both uses share one syntax tree', () => {
    const spec = { signals: [{ name: 'a', update: 'width / 2 + 1' }, { name: 'b', update: 'width / 2 + 1' }] };
    const ast = (runtime: vegaPackage.Runtime) => (runtime as unknown as { operators: { signal?: string; update?: { ast?: object } }[] }).operators
      .filter((op) => op.signal === 'a' || op.signal === 'b').map((op) => op.update?.ast);
    const fromBundle = ast(bundle.parse(spec as vegaPackage.Spec, undefined, { ast: true }));
    expect(fromBundle).toHaveLength(2);
    expect(fromBundle[0]).toBe(fromBundle[1]);
    // The package itself parses each use: equal trees, two objects.
    const fromPackage = ast(vegaPackage.parse(spec as vegaPackage.Spec, undefined, { ast: true }));
    expect(fromPackage[0]).not.toBe(fromPackage[1]);
    expect(fromBundle[0]).toEqual(fromPackage[0]);
  });

  it('compiles and parses every bundled chart as the packages do', () => {
    const specs = bundledSpecs();
    expect(specs.length).toBeGreaterThan(20);
    for (const [name, spec] of specs) {
      const compiled = bundle.compile(spec, { logger: quiet }).spec;
      expect(compiled, name).toEqual(vegaLitePackage.compile(spec, { logger: quiet }).spec);
      // Twice: the second parse takes every expression from the first one's memo.
      for (let i = 0; i < 2; i++) expect(JSON.stringify(bundle.parse(compiled)), name).toBe(JSON.stringify(vegaPackage.parse(compiled)));
    }
  }, 60_000);

  it('fails the build when a patch no longer matches its package source', async () => {
    const [patch] = VEGA_PATCHES as { replacements: [string, string][] }[];
    const stale = [{ ...patch, replacements: [['this line is in no vega source', '']] }];
    await expect(bundleVega(join(dir, 'stale.js'), stale)).rejects.toThrow(/occurs 0 times/);
  }, 60_000);
});
