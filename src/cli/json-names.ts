/**
 * `--json` is an output one may publish or archive (a CI job keeps it): every string in it names
 * the run's inputs by their published names (report/published-name.ts: the last name, a CPR-shaped
 * number masked), never by a path of this machine (a home folder can name a person: `Anna
 * Jensen/OneDrive - Region Midtjylland/`), and masks every CPR-shaped number (docs/output-safety.md).
 *
 * Done once, on the whole object a command prints, so that a field added later (a note, an
 * error, an excluded row's file) cannot carry a path past it: each input as typed and as resolved,
 * the files a plan names (as written in the plan and as resolved beside it), and what is left of
 * a path under the folders the inputs and the working folder lie in.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { maskCpr } from '../io/cpr-number.js';
import { publishedName } from '../report/published-name.js';

/** An input of the run: a path as typed, and whether it is a plan (JSON) whose named files are inputs too. */
export interface JsonInput {
  path: string | undefined;
  plan?: boolean;
}

/** The strings of a plan's JSON that may name a file (a path separator or a file extension), read leniently: a plan that cannot be read names none. */
function namedInPlan(planPath: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(planPath, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return [];
  }
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.length > 0 && v.length < 4096 && (/[\\/]/.test(v) || /\.[A-Za-z0-9]{1,5}$/.test(v)) && !/^https?:/i.test(v)) out.push(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(parsed);
  return out;
}

/** Whether `path` is a file (a plan's string names one only then). */
function isFile(path: string): boolean {
  // A string that is no path may be too long for one, or hold a NUL: no file.
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

/** The folder and each folder above it (the root left out), longest first. */
function foldersUp(dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; dirname(d) !== d; d = dirname(d)) out.push(d);
  return out;
}

/** A rewriter of text: every input path to its published name, folders of this machine left out, CPR shapes masked. */
export function jsonNames(inputs: readonly JsonInput[], cwd: string = process.cwd()): (text: string) => string {
  const paths = new Set<string>();
  const folders = new Set<string>(foldersUp(cwd));
  const add = (p: string, base: string) => {
    paths.add(p);
    const abs = resolve(base, p);
    paths.add(abs);
    for (const f of foldersUp(dirname(abs))) folders.add(f);
  };
  for (const input of inputs) {
    if (input.path === undefined || input.path === '' || input.path === '-') continue;
    add(input.path, cwd);
    if (input.plan) {
      const planDir = dirname(resolve(cwd, input.path));
      // Only the strings that name a file there: a label or code with a slash (`Ja/Nej`, `points/day`)
      // is no path, and rewritten to its "last name" it would change what the JSON says.
      for (const named of namedInPlan(resolve(cwd, input.path)).filter((n) => isFile(resolve(planDir, n)))) {
        add(named, planDir);
        // A cea plan's trial plan names files too, relative to its own folder.
        if (/\.json$/i.test(named)) {
          const abs = resolve(planDir, named);
          for (const inner of namedInPlan(abs)) if (isFile(resolve(dirname(abs), inner))) add(inner, dirname(abs));
        }
      }
    }
  }
  // Longest first: a path is replaced whole before a shorter one inside it.
  const byLength = [...paths].filter((p) => p !== publishedName(p)).sort((a, b) => b.length - a.length);
  const folderList = [...folders].filter((f) => isAbsolute(f)).sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = text;
    for (const p of byLength) if (out.includes(p)) out = out.split(p).join(publishedName(p));
    for (const f of folderList) if (out.includes(f + sep)) out = out.split(f + sep).join('');
    return maskCpr(out);
  };
}

/** `value` (what `--json` prints) with every string in it, keys included, rewritten by jsonNames. */
export function publishedJson<T>(value: T, inputs: readonly JsonInput[]): T {
  const rewrite = jsonNames(inputs);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return rewrite(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [rewrite(k), walk(x)]));
    return v;
  };
  // Through JSON first: what is printed is what is rewritten (toJSON, undefined left out).
  return walk(JSON.parse(JSON.stringify(value)) as unknown) as T;
}
