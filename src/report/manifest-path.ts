/**
 * The path rules of a report manifest (docs/manifest.md): a manifest is read the same on every
 * system, so folders are separated by `/` — on Linux and macOS a `\` is part of a file name, and
 * `..\data\x.csv` would name one file called that, not a file in `../data`. Refused when the
 * manifest is checked (`hta plan check` as `hta report`), naming the backslash.
 */
import { z } from 'zod';
import { windowsNameProblem, windowsPath } from '../io/windows-names.js';

export const BACKSLASH_RULE = 'write / between folders, not \\ (a manifest is read the same on every system)';

/** The schemas `manifestPath` made: what `isPathField` recognises. */
const PATH_SCHEMAS = new WeakSet<object>();

/** An input path of a manifest entry: relative to the manifest, with `/` between folders. */
export function manifestPath(description: string) {
  const schema = z
    .string()
    .superRefine((s, ctx) => {
      // `C:\Users\me\trial.csv` is no relative path with the wrong separator: "C:/Users/…" would be
      // a folder "C:" in the manifest's folder, on every system but Windows.
      const windows = windowsPath(s);
      if (windows) ctx.addIssue({ code: 'custom', message: `a path relative to the manifest — this is ${windows}, which names nothing on Linux or macOS (a manifest is read the same on every system, so it is refused, --allow-outside or not): put the file in the manifest's folder (or a folder inside it) and name it from there with / between folders, e.g. ${JSON.stringify(s.split(/[\\/]/).pop())}` });
      else if (s.includes('\\')) ctx.addIssue({ code: 'custom', message: `a path relative to the manifest: ${JSON.stringify(s.replaceAll('\\', '/'))} — ${BACKSLASH_RULE}; on Linux and macOS a \\ is part of a file name` });
    })
    .describe(description);
  PATH_SCHEMAS.add(schema);
  return schema;
}

/**
 * Whether an entry field's schema names files (a `manifestPath`, optional or a list of them), as
 * opposed to a text setting such as a meta entry's `"preset": "revman5"`: a missing input is named
 * by its entry and field before any report is read (docs/manifest.md).
 */
export function isPathField(schema: z.ZodType | undefined): boolean {
  if (schema === undefined) return false;
  if (PATH_SCHEMAS.has(schema)) return true;
  const def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; options?: z.ZodType[]; element?: z.ZodType } } })._zod.def;
  if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') return isPathField(def.innerType);
  if (def.type === 'union') return (def.options ?? []).some((o) => isPathField(o));
  if (def.type === 'array') return isPathField(def.element);
  return false;
}

/**
 * The rule of an entry's `out` (docs/manifest.md): a folder name that means the same on every
 * system and in every shell — ASCII letters, digits, `.`, `_`, `-`, with `/` between folders,
 * starting with a letter or digit (a leading `./` is allowed and ignored).
 */
export const OUT_RULE = 'a relative folder name of ASCII letters, digits, ".", "_" and "-", with "/" between folders, starting with a letter or digit (no spaces, no letters such as æ ø å, no \\) — e.g. "ryg-forsoeg"';

/**
 * Why a folder name of an entry's `out` cannot be used on Windows, or undefined: a name ending in
 * "." (Windows drops it, so "a." is the folder "a" there, another report's, say) or a device name
 * (`CON`, `aux`, `NUL`, `COM1`, `LPT1`, also with an extension: Windows opens the device). A
 * manifest moves between machines, so such a name is refused everywhere (docs/manifest.md).
 */
export function windowsFolderProblem(out: string): string | undefined {
  for (const segment of out.split('/')) {
    const problem = windowsNameProblem(segment, 'folder');
    if (problem) return problem;
  }
  return undefined;
}
