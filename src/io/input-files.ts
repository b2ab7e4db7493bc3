/**
 * Every file a command reads, at any depth: the files the user named and the files those name in
 * turn (a cost-effectiveness plan's trial plan, unit costs, published figures and uptake plan; a
 * trial plan's target sample). One list, so the output checks (docs/output-safety.md, "Inputs are
 * never outputs") see all of them: `--force` never makes an input an output, and a report folder
 * holding one is refused. A new kind of input that names files is one entry in `NAMED_FILES`,
 * which the type checker will not let anyone leave out.
 *
 * The plans are read leniently here: one that cannot be read or parsed names nothing, and its own
 * reader reports the problem with its usual words when the command reads it.
 */
import { dirname, isAbsolute, join } from 'node:path';
import { readJsonFile } from './read-json.js';

/** What a file is, as far as the files it names go. */
export type InputKind = 'file' | 'trial-plan' | 'cea-plan' | 'uptake-plan';

/** A path as the user gave it, with the option (or field) that gave it, as the output guard takes it. */
export interface InputPath {
  option: string;
  path: string;
}

/** An input and what kind of file it is (a plain `file` names no other file). */
export interface TypedInput extends InputPath {
  kind: InputKind;
}

export interface NamedFile {
  /** The field of the JSON file, as the docs name it: `unitCosts`, `population.targetSample.file`. */
  field: string;
  path: string;
  kind: InputKind;
}

/** The value at `keys` in parsed JSON when it is a non-empty string. */
function textAt(json: unknown, ...keys: string[]): string | undefined {
  let v = json;
  for (const k of keys) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return typeof v === 'string' && v !== '' ? v : undefined;
}

const named = (field: string, kind: InputKind, path: string | undefined): NamedFile[] => (path === undefined ? [] : [{ field, path, kind }]);

/**
 * The files each kind of input names, relative to its own folder (or absolute). The fields are
 * those of the plan schemas: docs/plan-cea.md (trialPlan, unitCosts, published,
 * interventionCost.uptakePlan), docs/subgroups.md (population.targetSample.file), docs/plan-trial.md
 * (adverseEvents.file); an uptake plan
 * names no file (docs/plan-uptake.md).
 */
const NAMED_FILES: Record<InputKind, (json: unknown) => NamedFile[]> = {
  file: () => [],
  'trial-plan': (json) => [
    ...named('population.targetSample.file', 'file', textAt(json, 'population', 'targetSample', 'file')),
    ...named('adverseEvents.file', 'file', textAt(json, 'adverseEvents', 'file')),
  ],
  'cea-plan': (json) => [
    ...named('trialPlan', 'trial-plan', textAt(json, 'trialPlan')),
    ...named('unitCosts', 'file', textAt(json, 'unitCosts')),
    ...named('published', 'file', textAt(json, 'published')),
    ...named('interventionCost.uptakePlan', 'uptake-plan', textAt(json, 'interventionCost', 'uptakePlan')),
  ],
  'uptake-plan': () => [],
};

const WHAT: Record<InputKind, string> = { file: 'file', 'trial-plan': 'analysis plan', 'cea-plan': 'cost-effectiveness plan', 'uptake-plan': 'uptake plan' };

/** How a plan is read: `readJsonFile`, or a reader that keeps what it read (`namedFilesOnce`'s `read`). */
export type PlanReader = (path: string, what: string) => unknown;

/** The fields of `input` that name files, as written (none for a plain file, or a plan that cannot be read). */
function namedFilesOf(input: TypedInput, read: PlanReader = readJsonFile): readonly NamedFile[] {
  if (input.kind === 'file') return [];
  let json: unknown;
  try {
    json = read(input.path, WHAT[input.kind]);
  } catch {
    return [];
  }
  return NAMED_FILES[input.kind](json);
}

/** What the walks below ask of each input: the fields of it that name files (`namedFilesOf`, or `namedFilesOnce()`'s). */
export type NamedFilesReader = (input: TypedInput) => readonly NamedFile[];

/**
 * `namedFilesOf` that reads each plan once: what a plan names depends on its kind and path alone,
 * and `hta report`'s checks walk the same plans once per walk and entry (the bundled manifest:
 * 46 plan reads on the main thread before the first report; docs/architecture.md#the-cost-of-a-cold-regeneration).
 * One per command run: a plan edited between two runs is read again. `read`: a reader the caller
 * shares with its other reads of the same plans (`hta report` asks a trial plan for its EQ-5D value
 * sets too), so that each is read once in all.
 */
export function namedFilesOnce(read: PlanReader = readJsonFile): NamedFilesReader {
  const known = new Map<string, readonly NamedFile[]>();
  return (input) => {
    const key = `${input.kind}\u0000${input.path}`;
    let files = known.get(key);
    if (!files) known.set(key, (files = namedFilesOf(input, read)));
    return files;
  };
}

/** The files `input` names directly (none for a plain file, or a plan that cannot be read). */
export function namedInputs(input: TypedInput, files: NamedFilesReader = namedFilesOf): TypedInput[] {
  return files(input).map((f) => ({
    option: `${input.path}'s "${f.field}"`,
    path: isAbsolute(f.path) ? f.path : join(dirname(input.path), f.path),
    kind: f.kind,
  }));
}

/** The inputs given and every file they name, at any depth, each once (in the order met). */
export function inputFiles(roots: readonly (TypedInput | undefined)[], files: NamedFilesReader = namedFilesOf): InputPath[] {
  const out: InputPath[] = [];
  const seen = new Set<string>();
  const visit = (input: TypedInput) => {
    // Kinds nest without cycles (a CEA plan names a trial plan, which names a plain file), so
    // this only keeps a file named twice from being listed twice.
    const key = `${input.kind}\u0000${join(input.path)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ option: input.option, path: input.path });
    for (const child of namedInputs(input, files)) visit(child);
  };
  for (const r of roots) if (r) visit(r);
  return out;
}

/** An input given with its role: the manifest field that names it (`data`, `plan`, `data[2]`). */
export interface RoleInput extends TypedInput {
  role: string;
}

/**
 * The inputs given and every file they name, as `inputFiles` lists them, each with its role: the
 * field that names it, through the files that name it (`plan/trialPlan/adverseEvents.file`). A role
 * holds no path, so it can be written where a path must not be (a published report folder's index:
 * a folder can name a person, a file name can hold a CPR number) and is the same on every machine.
 */
export function inputRoles(roots: readonly RoleInput[], files: NamedFilesReader = namedFilesOf): RoleInput[] {
  const out: RoleInput[] = [];
  const seen = new Set<string>();
  const visit = (input: TypedInput, role: string) => {
    const key = `${input.kind}\u0000${join(input.path)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ option: input.option, path: input.path, kind: input.kind, role });
    for (const f of files(input)) visit({ option: `${input.path}'s "${f.field}"`, path: isAbsolute(f.path) ? f.path : join(dirname(input.path), f.path), kind: f.kind }, `${role}/${f.field}`);
  };
  for (const r of roots) visit(r, r.role);
  return out;
}

/**
 * The files `input` names at any depth, each written as `asGiven` (the path `input` was given as,
 * relative to some folder) would write it: joined to its folder, or absolute as the plan writes
 * it. `hta report` passes these through the manifest's confinement (report/manifest.ts
 * `manifestInput`), so a plan cannot make a report read a file outside the manifest's folder
 * that the manifest itself could not name (docs/manifest.md).
 */
export function nestedInputPaths(input: TypedInput, asGiven: string): NestedInput[] {
  return namedFilesOf(input).flatMap((f) => {
    const given = isAbsolute(f.path) ? f.path : join(dirname(asGiven), f.path);
    const path = isAbsolute(f.path) ? f.path : join(dirname(input.path), f.path);
    return [{ path: given, from: { file: input.path, field: f.field, value: f.path } }, ...nestedInputPaths({ option: input.option, path, kind: f.kind }, given)];
  });
}

/** Where a file named inside another was written: that file (as read), its field, the value as written. */
export interface InputOrigin {
  file: string;
  field: string;
  value: string;
}

/** A file an input names, as `nestedInputPaths` gives it, with where it was written. */
export interface NestedInput {
  path: string;
  from: InputOrigin;
}
