/**
 * The command a report page names for regenerating it ("Regenerate with `hta report`."). A page
 * made from a user's own manifest must name it: `hta report` alone reads data/reports.json and
 * fails there (found by a tester). The manifest is named by its file name only, the command then
 * being run in the manifest's folder (a `data/reports.json`, the default, by no option at all, run
 * in the folder above its `data/`) — so a published page never shows a home folder, `OneDrive - Region
 * Midtjylland/…` or a person's folder (hta run in the home folder); a CPR-shaped number is masked.
 * Where this run was started plays no part: the page's bytes are the same from every folder
 * (`commandNames`).
 * `--out` is named from that same folder when directly in it or in a folder above it
 * (`../reports`), so the command regenerates into the folder the page lives in, else by its last name (as published-name.ts
 * names inputs: a deeper path such as `OneDrive - Region Midtjylland/Anna Jensen/uptake` under the
 * home folder names a person), when it is not the default `reports` (a run into `--out 'out
 * dir'` regenerated without it would write elsewhere); the bundled reports' pages, written with
 * the default, do not name it. So are the other options that change what is written or are
 * needed to run at all: `--lang` (without it the pages come out in each report's own language,
 * and `--check` calls every page stale) and `--allow-outside` (without it a manifest naming
 * inputs outside its folder is refused). `--only`, `--force`, `--no-cache` and `--check` change
 * neither the pages nor whether the command runs.
 */
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { maskCpr, maskedNameNote } from '../io/cpr-number.js';
import { portableWord } from '../io/shell-word.js';
import { escapeHtml } from './text-table.js';

/** `hta report`'s defaults (src/cli/report.ts). */
export const DEFAULT_MANIFEST = 'data/reports.json';
export const DEFAULT_OUT = 'reports';

/**
 * `hta report`, with `--manifest` unless the manifest is the default, `--out` unless the folder is
 * the default, and `--lang` and `--allow-outside` when given; `cwd` is the folder hta runs in.
 */
export function regenerateCommand(manifestFile: string, cwd: string, outDir: string = DEFAULT_OUT, opts: { lang?: string; allowOutside?: boolean } = {}): string {
  const { manifest, out } = commandNames(manifestFile, cwd, outDir);
  // A CPR-shaped number in a name is masked, as in every published input name (published-name.ts):
  // the command then needs the file renamed to run, which `hta report` says (regenerateMaskedNote).
  return [
    'hta report',
    ...(manifest !== DEFAULT_MANIFEST ? ['--manifest', portableWord(maskCpr(manifest))] : []),
    ...(out !== DEFAULT_OUT ? ['--out', portableWord(maskCpr(out))] : []),
    ...(opts.lang !== undefined ? ['--lang', portableWord(opts.lang)] : []),
    ...(opts.allowOutside ? ['--allow-outside'] : []),
  ].join(' ');
}

/**
 * The note for `hta report`'s stderr when the pages' command names the manifest or `--out` masked
 * (`--manifest registry-YYYYMMDD-XXXX.json`): as written it does not run (cpr-number.ts maskedNameNote).
 */
export function regenerateMaskedNote(manifestFile: string, cwd: string, outDir: string = DEFAULT_OUT): string | undefined {
  const { manifest, out } = commandNames(manifestFile, cwd, outDir);
  const note = maskedNameNote([manifest, out]);
  return note && `the pages' regenerate command (${regenerateCommand(manifestFile, cwd, outDir)}) does not run as written: ${note}`;
}

/**
 * `path` as a page may name it from `base`: `.`, a name directly in `base`, or a name in a folder
 * above it (`../reports`) — only the output folder's own name, and `..`, which names no one.
 * Undefined for any other path (`OneDrive - Region Midtjylland/Anna Jensen/uptake`).
 */
function nameFrom(base: string, path: string): string | undefined {
  const rel = relative(base, path);
  if (rel === '') return '.';
  if (isAbsolute(rel)) return undefined;
  const parts = rel.split(sep);
  return parts.slice(0, -1).every((p) => p === '..') ? parts.join('/') : undefined;
}

/**
 * The manifest and `--out` as the command names them, before masking. The command is run in one
 * folder, chosen by where the manifest and the output folder lie — never by where this run was
 * started, so that a page is the same whichever folder `hta report` ran from (CI's
 * working-directory or a colleague's `cd data`), and the command regenerates into the folder the
 * page lives in: the folder above a `data/reports.json` (the default manifest, named by no
 * option), else the manifest's own folder (the manifest by its file name: a folder above it, even
 * one, can name a person: `Anna Jensen/m.json` under the home folder). `--out` is named from that
 * folder when it is the folder, lies directly in it or in a folder above it (`../reports`); from
 * the manifest's folder when only that holds; else by its last name alone (a deeper path names
 * whoever made it, docs/manifest.md), the command then regenerating into that folder's namesake.
 */
function commandNames(manifestFile: string, cwd: string, outDir: string): { manifest: string; out: string } {
  const manifestPath = resolve(cwd, manifestFile);
  const outPath = resolve(cwd, outDir);
  const folder = dirname(manifestPath);
  const places = [
    ...(basename(manifestPath) === 'reports.json' && basename(folder) === 'data' ? [{ base: dirname(folder), manifest: DEFAULT_MANIFEST }] : []),
    { base: folder, manifest: basename(manifestPath) },
  ];
  for (const { base, manifest } of places) {
    const out = nameFrom(base, outPath);
    if (out !== undefined) return { manifest, out };
  }
  return { manifest: places[0]!.manifest, out: basename(outPath) };
}

/**
 * The `hta report` command a message tells the user to run again, as they ran it: their
 * `--manifest`, `--out`, `--only`, `--lang` and `--allow-outside` (paths quoted for the shell), then `extra`
 * (`--force`), in backticks. Only the bundled reports (the default manifest and folder) are also built through
 * npm (`npm start -- --force`), so only for those is that way named too.
 */
export function rerunCommand(opts: { manifest: string; out: string; only?: string; lang?: string; allowOutside?: boolean }, extra = ''): string {
  const args = [
    ...(opts.manifest !== DEFAULT_MANIFEST ? ['--manifest', portableWord(opts.manifest)] : []),
    ...(opts.out !== DEFAULT_OUT ? ['--out', portableWord(opts.out)] : []),
    ...(opts.only !== undefined ? ['--only', portableWord(opts.only)] : []),
    ...(opts.lang !== undefined ? ['--lang', portableWord(opts.lang)] : []),
    ...(opts.allowOutside ? ['--allow-outside'] : []),
    ...(extra ? [extra] : []),
  ];
  const command = `\`${['hta report', ...args].join(' ')}\``;
  const bundled = opts.manifest === DEFAULT_MANIFEST && opts.out === DEFAULT_OUT;
  return bundled && args.length > 0 ? `${command} (through npm: \`npm start -- ${args.join(' ')}\`)` : command;
}

/**
 * The regenerate command a page on disk names when the page this run would write (`now`, naming
 * `command`) differs from it (`before`) in that command only — as README.md (a code span) or
 * index.html (`<code>`) shows it; undefined when anything else differs. `hta report --check` says
 * so rather than a bare "stale": a page written by a run with other options (`--lang`,
 * `--allow-outside`), or by an earlier hta whose command depended on the folder it ran from.
 */
export function onlyCommandDiffers(before: string, now: string, command: string): string | undefined {
  const forms: [string, string, string, (s: string) => string][] = [
    ['`', command, '`', (t) => t],
    ['<code>', escapeHtml(command), '</code>', (t) => t.replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&')],
  ];
  for (const [open, shown, close, unescape] of forms) {
    const found = now.indexOf(`${open}${shown}${close}`);
    if (found < 0) continue;
    const head = found + open.length;
    const tail = now.length - head - shown.length;
    if (before.length < head + tail || !before.startsWith(now.slice(0, head)) || !before.endsWith(now.slice(now.length - tail))) continue;
    const was = before.slice(head, before.length - tail);
    if (was !== shown && /^hta report( [^\n`<>]*)?$/.test(was)) return unescape(was);
  }
  return undefined;
}
