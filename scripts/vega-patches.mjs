// Source patches that scripts/bundle-vega.mjs applies to vega and vega-lite while bundling them:
// work the packages repeat with the same input and the same result, done once per process.
// Each patch must match its package's source exactly once, or the build fails (a vega upgrade
// that moves the code must be looked at again, not silently left unpatched). Why and what was
// measured: docs/architecture.md#the-cost-of-a-cold-regeneration.
import { readFile } from 'node:fs/promises';

/**
 * `file` (a path ending) → text replacements. A replacement keeps what the package returns:
 * the same values, in fresh containers where a caller could modify them.
 */
export const VEGA_PATCHES = [
  {
    // vega-functions' `parseExpression` (vega's parser calls it for every expression of a spec:
    // 12,110 calls for 776 distinct strings in the 37 bundled charts) parses the string to an
    // AST and generates its code each time. Both depend on the string alone: the AST is read,
    // never written, by the scope visitors and the code generator, and the generator's output
    // depends on the AST and the registered function names only. The visitors, which add the
    // scope's scale, data and signal parameters, still run on every call.
    file: /[\\/]vega-functions[\\/]build[\\/]vega-functions\.js$/,
    replacements: [
      ['    ast = parseExpression(expr);', '    ast = parsedExpressionAst(expr);'],
      ['  const gen = codeGenerator(ast);', '  const gen = generatedExpressionCode(ast);'],
    ],
    append: `
// Added by scripts/vega-patches.mjs: one parse and one code generation per distinct expression.
var parsedAsts = new Map();
function parsedExpressionAst(expr) {
  let ast = parsedAsts.get(expr);
  if (ast === undefined) {
    ast = parseExpression(expr);
    if (parsedAsts.size >= 20000) parsedAsts.clear();
    parsedAsts.set(expr, ast);
  }
  return ast;
}
var generatedCode = new WeakMap();
function generatedExpressionCode(ast) {
  let gen = generatedCode.get(ast);
  if (gen === undefined) {
    gen = codeGenerator(ast);
    generatedCode.set(ast, gen);
  }
  // $fields is handed on to the runtime spec: a fresh array per call, as the generator's own.
  return { code: gen.code, fields: gen.fields.slice(), globals: gen.globals.slice() };
}
`,
  },
  {
    // vega-lite's getDependentFields parses a filter's or calculate's expression each time a
    // data-flow node is made or cloned during optimisation (345 calls for 58 distinct strings,
    // the longest the sort-index expressions of charts with many rows).
    file: /[\\/]vega-lite[\\/]build[\\/]index\.js$/,
    replacements: [['function getDependentFields(expression) {', 'function getDependentFieldsOnce(expression) {']],
    append: `
// Added by scripts/vega-patches.mjs: each expression's fields found once; a new Set per call, as before.
var dependentFieldsOf = new Map();
function getDependentFields(expression) {
  let fields = dependentFieldsOf.get(expression);
  if (fields === undefined) {
    fields = getDependentFieldsOnce(expression);
    if (dependentFieldsOf.size >= 20000) dependentFieldsOf.clear();
    dependentFieldsOf.set(expression, fields);
  }
  return new Set(fields);
}
`,
  },
];

/** The esbuild plugin applying VEGA_PATCHES; fails the build when a patch does not match exactly once. */
export function vegaPatches(patches = VEGA_PATCHES) {
  return {
    name: 'vega-patches',
    setup(build) {
      const applied = new Set();
      build.onLoad({ filter: /\.js$/ }, async (args) => {
        const patch = patches.find((p) => p.file.test(args.path));
        if (!patch) return undefined;
        let contents = await readFile(args.path, 'utf8');
        for (const [find, replace] of patch.replacements) {
          const count = contents.split(find).length - 1;
          if (count !== 1) throw new Error(`vega patch: ${JSON.stringify(find)} occurs ${count} times in ${args.path}, expected once`);
          contents = contents.replace(find, () => replace);
        }
        applied.add(patch);
        return { contents: contents + patch.append, loader: 'js' };
      });
      build.onEnd((result) => {
        if (result.errors.length > 0) return;
        const missed = patches.filter((p) => !applied.has(p));
        if (missed.length > 0) throw new Error(`vega patch: no module matched ${missed.map((p) => p.file).join(', ')}`);
      });
    },
  };
}
