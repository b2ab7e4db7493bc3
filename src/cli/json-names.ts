/**
 * `--json` is an output one may publish or archive (a CI job keeps it): every field of it that
 * names a file or carries hta's messages names the run's inputs by their published names (report/published-name.ts: the last name, a CPR-shaped
 * number masked), never by a path of this machine (a home folder can name a person: `Anna
 * Jensen/OneDrive - Region Midtjylland/`), and masks every CPR-shaped number (docs/output-safety.md).
 *
 * Done once, on the whole object a command prints, in the fields that name a file or carry hta's
 * messages (publishedJson: a note, an error, an excluded row's file; not a label): each input as typed and as resolved,
 * the files a plan names (as written in the plan and as resolved beside it), and what is left of
 * a path under the folders the inputs and the working folder lie in — where such a folder begins
 * a path (`folderAt`), never inside a label's words.
 */
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { maskCpr } from '../io/cpr-number.js';
import { type InputKind, nestedInputPaths } from '../io/input-files.js';
import { publishedName } from '../report/published-name.js';

/** An input of the run: a path as typed, and, for a plan, its kind (the files it names are inputs too: io/input-files.ts). */
export interface JsonInput {
  path: string | undefined;
  kind?: InputKind;
}

/** The folder and each folder above it (the root left out), longest first. */
function foldersUp(dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; dirname(d) !== d; d = dirname(d)) out.push(d);
  return out;
}

/**
 * `folder` + separator where it begins a path: at the start of the text or after a space, quote,
 * bracket, `=`, `,` or `;`, and followed by a name. Only there: a label such as "Discharged to
 * hospital/home/hospice" holds "/home/", an ancestor of a working folder under /home, and was cut
 * to "hospitalhospice" — differently on each machine.
 */
function folderAt(folder: string): RegExp {
  const escaped = (folder + sep).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s"'\`(\\[<=,;])${escaped}(?=[^\\s])`, 'gu');
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
    // The files a plan names, at any depth, as the plan writes them and as read (io/input-files.ts
    // knows which fields name files: no label or code with a slash is taken for a path).
    if (input.kind !== undefined) {
      for (const n of nestedInputPaths({ option: '', path: input.path, kind: input.kind }, input.path)) {
        add(n.from.value, resolve(cwd, dirname(n.from.file)));
        add(n.path, cwd);
      }
    }
  }
  // Longest first: a path is replaced whole before a shorter one inside it.
  const byLength = [...paths].filter((p) => p !== publishedName(p)).sort((a, b) => b.length - a.length);
  const folderList = [...folders].filter((f) => isAbsolute(f)).sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = text;
    for (const p of byLength) if (out.includes(p)) out = out.split(p).join(publishedName(p));
    for (const f of folderList) if (out.includes(f + sep)) out = out.replace(folderAt(f), '$1');
    return maskCpr(out);
  };
}

/**
 * The fields of a command's `--json` that name a file: the whole value is a path (`file` of the
 * export and of a problem group, `plan`, cea's `export`, `trialPlan`, `uptakePlan`).
 */
const PATH_FIELDS = new Set(['file', 'plan', 'export', 'trialPlan', 'uptakePlan']);

/**
 * The fields whose text hta writes and may put a path in (`reg.csv: 3 ids …`, an error naming the
 * export): each string of them, an array's items, and a warning object's words (`text`, `en`,
 * `da`, `message`, `detail`) — not its data (an outcome's label, a level) beside them.
 */
const MESSAGE_FIELDS = new Set(['error', 'errors', 'warnings', 'notes', 'note', 'message', 'aipwError']);
const MESSAGE_WORDS = new Set(['text', 'en', 'da', 'message', 'detail', 'error']);

/**
 * `value` (what `--json` prints) with its paths rewritten by jsonNames — in the fields that name a
 * file or carry hta's messages (above), and nowhere else: a label, code or level is the user's
 * text, and "Seen at /home/visit or clinic" lost "/home/" where the working folder lay under /home
 * (each machine differently), as "before/after" would have lost a word to a typed input path.
 * Every string, keys included, has its CPR-shaped numbers masked (docs/output-safety.md).
 */
export function publishedJson<T>(value: T, inputs: readonly JsonInput[], cwd: string = process.cwd()): T {
  const rewrite = jsonNames(inputs, cwd);
  // `inText`: under a message field, where a string is hta's words; `words`: this string is.
  const walk = (v: unknown, words: boolean, inText: boolean): unknown => {
    if (typeof v === 'string') return words ? rewrite(v) : maskCpr(v);
    if (Array.isArray(v)) return v.map((x) => walk(x, words, inText));
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => {
          const message = inText || MESSAGE_FIELDS.has(k);
          return [maskCpr(k), walk(x, PATH_FIELDS.has(k) || MESSAGE_FIELDS.has(k) || (inText && MESSAGE_WORDS.has(k)), message)];
        }),
      );
    }
    return v;
  };
  // Through JSON first: what is printed is what is rewritten (toJSON, undefined left out).
  return walk(JSON.parse(JSON.stringify(value)) as unknown, false, false) as T;
}
