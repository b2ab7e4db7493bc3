// The script form of an ES-module bundle (scripts/bundle-hta.mjs, scripts/bundle-vega.mjs): the same
// code as a CommonJS module body, which src/bundle-loader.ts compiles with V8's code cache (an ES
// module cannot be given one in Node 20; docs/architecture.md#the-cost-of-a-cold-regeneration).
// esbuild rewrites the imports of Node's modules as `require` and the exports onto
// `module.exports`; nothing else changes. `import.meta.url` becomes `__hta.url`, the script's own
// URL that the loader gives it (each bundled module names its files relative to the bundle's
// file, which the script form shares a folder with). The script runs in strict mode, as the
// module did (the loader's wrapper).
import { transform } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { basename, dirname, relative, sep } from 'node:path';

/**
 * `code` (an ES module that imports only Node's modules, and nothing dynamically) as a script;
 * `packages`: packages it may require besides.
 */
export async function scriptForm(code, what, { packages = [] } = {}) {
  const out = await transform(code, {
    format: 'cjs',
    platform: 'node',
    target: 'esnext',
    define: { 'import.meta.url': '__hta.url' },
    legalComments: 'eof',
    logLevel: 'warning',
  });
  const script = out.code;
  const required = [...script.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
  const foreign = required.filter((m) => !isBuiltin(m) && !packages.includes(m));
  if (foreign.length) throw new Error(`${what}: the script form would require ${foreign.join(', ')}; it may load only Node's modules`);
  if (/\bimport\.meta\b/.test(script)) throw new Error(`${what}: import.meta left in the script form`);
  return script;
}

/**
 * Writes the ES module `moduleFile` that loads the script form `scriptFile` through
 * dist/bundle-loader.js (in `dist`) and exports its `names`: what bin/hta.js and the workers import.
 */
export function writeLoaderModule(moduleFile, scriptFile, names, dist, banner) {
  const loader = relative(dirname(moduleFile), `${dist}/bundle-loader.js`).split(sep).join('/');
  const exported = names.filter((n) => n !== 'default');
  writeFileSync(moduleFile, [
    banner,
    `// The code is in ${basename(scriptFile)}, loaded with V8's code cache (src/bundle-loader.ts).`,
    `import { loadBundle } from ${JSON.stringify(loader.startsWith('.') ? loader : `./${loader}`)};`,
    `const m = loadBundle(new URL(${JSON.stringify(`./${basename(scriptFile)}`)}, import.meta.url));`,
    ...(exported.length ? [`export const { ${exported.join(', ')} } = m;`] : []),
    ...(names.includes('default') ? ['export default m.default;'] : []),
    '',
  ].join('\n'));
}
