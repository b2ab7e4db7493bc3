/**
 * The @stdlib bundle that `npm run build` writes beside the built distributions module
 * (scripts/bundle-stdlib.mjs → dist/stats/stdlib.cjs) returns the same bits as the packages the
 * TypeScript sources use, for every function distributions.ts takes from it, and needs nothing
 * but Node's own modules (so it is loaded as one file, which is its point).
 */
import { builtinModules, createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { bundleStdlib } from '../../scripts/bundle-stdlib.mjs';
import { STDLIB_PACKAGES } from '../../src/stats/distributions.js';

type Fn = (...args: unknown[]) => number;
const require = createRequire(import.meta.url);

/** Arguments spanning each function's domain, edges and a few invalid values included. */
function argumentsOf(name: string): unknown[][] {
  let s = 12345;
  const u = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const ps = [0, 1e-300, 1e-12, 1e-6, 0.001, 0.025, 0.05, 0.3, 0.5, 0.7, 0.95, 0.975, 0.999, 1 - 1e-12, 1, NaN, -0.1, 1.1, ...Array.from({ length: 12 }, u)];
  const dfs = [0.5, 1, 1.5, 2, 3, 4.7, 10, 29, 30, 100, 1e4, 1e8, Infinity, 0, -1, NaN, ...Array.from({ length: 6 }, () => 1 + 200 * u())];
  const xs = [-1e3, -40, -8, -3.1, -1.96, -1, -1e-9, -0, 0, 1e-9, 0.5, 1, 1.96, 3.1, 8, 40, 1e3, Infinity, -Infinity, NaN, ...Array.from({ length: 30 }, () => 20 * u() - 10)];
  const cross = <A, B>(a: A[], b: B[]) => a.flatMap((x) => b.map((y) => [x, y] as [A, B]));
  switch (name) {
    case 'tQuantile': case 'chisqQuantile': return cross(ps, dfs);
    case 'tCdf': return cross(xs, dfs);
    case 'normalQuantile': return cross(ps, [[0, 1], [2, 3]]).map(([p, [m, sd]]) => [p, m, sd]);
    case 'normalCdf': return cross(xs, [[0, 1], [2, 3]]).map(([x, [m, sd]]) => [x, m, sd]);
    case 'gammainc': return cross(xs.filter((x) => x >= 0), dfs.filter((d) => d > 0).map((d) => d / 2)).flatMap(([x, a]) => [[x, a, true, true], [x, a, true, false], [x, a, false, false]]);
    case 'betainc': return cross(ps.filter((p) => p >= 0 && p <= 1), cross([0.5, 1, 2.5, 7, 60], [0.5, 1.5, 3, 40])).flatMap(([x, [a, b]]) => [[x, a, b, true, false], [x, a, b, true, true]]);
    case 'gammaln': return xs.map((x) => [x]);
    default: throw new Error(`no arguments for ${name}`);
  }
}

describe('dist/stats/stdlib.cjs (scripts/bundle-stdlib.mjs)', () => {
  let bundle: Record<string, Fn>;
  const required: string[] = [];
  beforeAll(async () => {
    const text = (await bundleStdlib(STDLIB_PACKAGES)) as string;
    const module = { exports: {} as Record<string, Fn> };
    const onlyNode = (id: string) => {
      required.push(id);
      return require(id) as unknown;
    };
    new Function('exports', 'require', 'module', text)(module.exports, onlyNode, module);
    bundle = module.exports;
  });

  it('exports every function of STDLIB_PACKAGES', () => {
    expect(Object.keys(bundle).sort()).toEqual(Object.keys(STDLIB_PACKAGES).sort());
  });

  for (const [name, id] of Object.entries(STDLIB_PACKAGES)) {
    it(`${name} = ${id}, bit for bit`, () => {
      const fromPackage = require(id) as Fn;
      const fromBundle = bundle[name]!;
      const args = argumentsOf(name);
      const differ = args.filter((a) => !Object.is(fromBundle(...a), fromPackage(...a)));
      expect(differ).toEqual([]);
      expect(args.length).toBeGreaterThan(40);
    });
  }

  it('requires nothing but Node built-in modules', () => {
    expect(required.length).toBeGreaterThan(0); // the getters above ran
    expect(required.filter((id) => !builtinModules.includes(id.replace(/^node:/, '')))).toEqual([]);
  });
});
