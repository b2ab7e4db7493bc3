/**
 * The command a report page names for regenerating it ("Regenerate with `hta report`."). A page
 * made from a user's own manifest must name it: `hta report` alone reads data/reports.json and
 * fails there (found by a tester). The manifest is named by its file name only, the command then
 * being run in the manifest's folder (the default `data/reports.json`, seen from where hta runs, by
 * no option at all) — so a published page never shows a home folder, `OneDrive - Region
 * Midtjylland/…` or a person's folder (hta run in the home folder); a CPR-shaped number is masked.
 * `--out` is named from that same folder when directly in it, else by its last name (as published-name.ts
 * names inputs: a deeper path such as `OneDrive - Region Midtjylland/Anna Jensen/uptake` under the
 * home folder names a person), when it is not the default `reports` (a run into `--out 'out
 * dir'` regenerated without it would write elsewhere); the bundled reports' pages, written with
 * the default, do not name it. So are the other options that change what is written or are
 * needed to run at all: `--lang` (without it the pages come out in each report's own language,
 * and `--check` calls every page stale) and `--allow-outside` (without it a manifest naming
 * inputs outside its folder is refused). `--only`, `--force`, `--no-cache` and `--check` change
 * neither the pages nor whether the command runs.
 */
import { dirname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { maskCpr, maskedNameNote } from '../io/cpr-number.js';
import { shellWord } from '../io/shell-word.js';

/** `hta report`'s defaults (src/cli/report.ts). */
export const DEFAULT_MANIFEST = 'data/reports.json';
export const DEFAULT_OUT = 'reports';

/**
 * A path as a page names it: from `cwd` with `/` when it lies in `cwd` or at most `depth` − 1
 * folders under it, else by its last name (outside `cwd`, or deep under it — `OneDrive - Region
 * Midtjylland/Anna Jensen/uptake` under the home folder names a person).
 */
function pagePath(path: string, cwd: string, depth = 2): string {
  const fromCwd = relative(cwd, resolve(cwd, path));
  if (fromCwd === '') return '.';
  const inside = !fromCwd.startsWith('..') && !isAbsolute(fromCwd) && fromCwd.split(sep).length <= depth;
  return inside ? posix.normalize(fromCwd.split(sep).join('/')) : posix.basename(path.split(sep).join('/'));
}

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
    ...(manifest !== DEFAULT_MANIFEST ? ['--manifest', shellWord(maskCpr(manifest))] : []),
    ...(out !== DEFAULT_OUT ? ['--out', shellWord(maskCpr(out))] : []),
    ...(opts.lang !== undefined ? ['--lang', shellWord(opts.lang)] : []),
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

/** The manifest and `--out` as the command names them, before masking. */
function commandNames(manifestFile: string, cwd: string, outDir: string): { manifest: string; out: string } {
  // The default manifest (`data/reports.json` from where hta runs) is named by no option at all;
  // any other is named by its file name, the command then being run in its folder: a folder
  // above it, even one, can name a person (`Anna Jensen/m.json` under the home folder).
  const isDefault = pagePath(manifestFile, cwd, Infinity) === DEFAULT_MANIFEST;
  const base = isDefault ? cwd : dirname(resolve(cwd, manifestFile));
  const manifest = isDefault ? DEFAULT_MANIFEST : pagePath(resolve(cwd, manifestFile), base, 1);
  // The default folder as given stays unnamed (as the bundled reports' pages have it).
  // Any other folder from that folder only when it lies directly in it, else by its last name: a
  // folder's path names whoever made it (docs/manifest.md); a deeper `--out` is then regenerated
  // into that folder's namesake where the command is run.
  const out = pagePath(outDir, cwd, Infinity) === DEFAULT_OUT ? DEFAULT_OUT : pagePath(resolve(cwd, outDir), base, 1);
  return { manifest, out };
}

/**
 * The `hta report` command a message tells the user to run again, as they ran it: their
 * `--manifest`, `--out`, `--only`, `--lang` and `--allow-outside` (paths quoted for the shell), then `extra`
 * (`--force`), in backticks. Only the bundled reports (the default manifest and folder) are also built through
 * npm (`npm start -- --force`), so only for those is that way named too.
 */
export function rerunCommand(opts: { manifest: string; out: string; only?: string; lang?: string; allowOutside?: boolean }, extra = ''): string {
  const args = [
    ...(opts.manifest !== DEFAULT_MANIFEST ? ['--manifest', shellWord(opts.manifest)] : []),
    ...(opts.out !== DEFAULT_OUT ? ['--out', shellWord(opts.out)] : []),
    ...(opts.only !== undefined ? ['--only', shellWord(opts.only)] : []),
    ...(opts.lang !== undefined ? ['--lang', shellWord(opts.lang)] : []),
    ...(opts.allowOutside ? ['--allow-outside'] : []),
    ...(extra ? [extra] : []),
  ];
  const command = `\`${['hta report', ...args].join(' ')}\``;
  const bundled = opts.manifest === DEFAULT_MANIFEST && opts.out === DEFAULT_OUT;
  return bundled && args.length > 0 ? `${command} (through npm: \`npm start -- ${args.join(' ')}\`)` : command;
}
