/**
 * The `$schema` line `hta plan init` writes into a draft: a path from the draft's folder to hta's
 * schema, so that an editor checks the plan as it is typed (docs/plan-trial.md). The path is
 * written only when it stays inside the draft's own project — the nearest folder above it that
 * holds `.git` or `package.json` (a fork of hta, a repository with hta in its node_modules): such a
 * path holds on every clone. A schema elsewhere (a global install, another checkout) would be a
 * path of this machine only (`../../../../usr/lib/node_modules/hta/…`, or through a home folder,
 * naming its user) in a plan that is committed and shared: then no line, and a note says how to
 * have one (docs/cli.md "plan init").
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The project folder `dir` lies in, or undefined when no folder above it marks one. */
function projectRoot(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git')) || existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/** The `$schema` path from `outDir` to `schemaFile`, or undefined when it would leave the draft's project. */
export function portableSchemaRef(outDir: string, schemaFile: string): string | undefined {
  const root = projectRoot(outDir);
  if (root === undefined) return undefined;
  const inRoot = relative(root, resolve(schemaFile));
  if (inRoot === '' || inRoot.startsWith('..') || isAbsolute(inRoot)) return undefined;
  return relative(resolve(outDir), resolve(schemaFile)).split(sep).join('/');
}

/** Said when the draft has no `$schema` line. */
export const NO_SCHEMA_LINE = 'no "$schema" line: hta\'s schema lies outside this folder\'s project, and a path to it would hold on this machine only — for an editor\'s checks, write it beside the plan (hta plan schema > plan.schema.json) and add "$schema": "plan.schema.json"';
