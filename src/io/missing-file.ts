/**
 * What to add when an input does not exist, for the two cases where the name the user typed is
 * not wrong in their eyes (docs/cli.md "File names"):
 *
 * - `-`: many tools read standard input there; hta reads files only.
 * - `~/x.csv` (or `~user/x.csv`) typed in quotes: the shell did not make it the home folder.
 * - a name typed in composed Unicode (NFC, `Målinger.csv` with one "å") while the file's name on
 *   disk is decomposed (NFD, "a" + a combining ring: as macOS writes names, and as they stay when
 *   copied to Linux, whose file names are bytes). Both look the same on screen.
 * - a name ending in spaces (`"data": "trial.csv "` pasted into a manifest) when the name
 *   without them is a file: as the output check says for `--out "x.csv "` (guard-output.ts).
 * - a name differing only in case from a file that is there (`Synthetic/Trial.CSV`): one file
 *   on Windows and macOS, two names on Linux, so a manifest written on one fails on the other.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A sentence to add to "the file does not exist", or undefined when there is nothing to add. */
export function missingFileHint(file: string): string | undefined {
  if (file === '-') return 'hta reads files, not standard input: save the data to a file and give its name (a file named "-" is written ./-)';
  // `"~/data/x.csv"` quoted, or set in a variable with quotes: the shell left the ~ as it was.
  const tilde = /^(~[A-Za-z0-9._-]*)\//.exec(file)?.[1];
  if (tilde !== undefined) {
    const rest = file.slice(tilde.length + 1);
    return `a ~ is the home folder only where the shell expands it, which it does not inside quotes (nor in a variable set with quotes), so hta looked for a folder named "${tilde}" in the current folder — write ${tilde === '~' ? `$HOME/${rest}` : `the full path of ${tilde.slice(1)}'s home folder, then /${rest},`} instead`;
  }
  const other = otherUnicodeForm(file);
  if (other !== undefined) {
    return `a file named ${JSON.stringify(join(dirname(file), other))} is there, whose name differs only in its Unicode form (${unicodeFormWords(other)}): rename it, or copy its name from a file listing (ls) rather than typing it`;
  }
  const trimmed = file.replace(/[ \t]+$/, '');
  if (trimmed !== file && trimmed !== '' && existsSync(trimmed)) {
    const trailing = file.slice(trimmed.length);
    return `the name ends in ${trailing === ' ' ? 'a space' : trailing === '\t' ? 'a tab' : 'spaces or tabs'} (usually a slip when pasting), and ${JSON.stringify(trimmed)} is there — write the name without ${trailing.length === 1 ? 'it' : 'them'}`;
  }
  // The name on disk ends in spaces the user did not type (`udtræk.csv ` saved so by Windows tools).
  const padded = paddedName(file);
  if (padded !== undefined) return `a file named ${JSON.stringify(padded)} is there, whose name ends in ${padded.length - basename(file).length === 1 ? 'a space' : 'spaces'}: rename it without ${padded.length - basename(file).length === 1 ? 'it' : 'them'}, or give the name with ${padded.length - basename(file).length === 1 ? 'it' : 'them'}, in quotes`;
  const cased = otherCase(file);
  if (cased !== undefined) return `a file differing only in case exists: ${JSON.stringify(cased)} (on Linux names differ by case; on Windows and macOS they do not) — write its name as it is on disk`;
  // A Windows path typed on Linux or macOS: `\` is part of a name there, not a folder separator.
  if (process.platform !== 'win32' && file.includes('\\')) {
    const slashed = file.replaceAll('\\', '/');
    return `a \\ is part of a name on Linux and macOS, not a folder separator — write / between folders: ${JSON.stringify(slashed)}${existsSync(slashed) ? ', which is there' : ''}`;
  }
  return undefined;
}

/** The name in `file`'s folder that is its own name followed by spaces or tabs, if exactly one is. */
function paddedName(file: string): string | undefined {
  const name = basename(file);
  if (name === '' || /[ \t]$/.test(name)) return undefined;
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return undefined;
  }
  const found = names.filter((n) => n.length > name.length && n.startsWith(name) && /^[ \t]+$/.test(n.slice(name.length)));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The path on disk that equals `file` but for the case of its letters, found folder by folder
 * from the last one that exists; undefined when there is none (or more than one candidate).
 */
function otherCase(file: string): string | undefined {
  const parts = file.split('/');
  let at = parts.length - 1;
  // The deepest folder that exists; the names after it are matched without regard to case.
  while (at > 0 && !existsSync(parts.slice(0, at).join('/') || '/')) at--;
  let path = parts.slice(0, at).join('/');
  for (const part of parts.slice(at)) {
    if (part === '' || part === '.' || part === '..') {
      path = path === '' ? part : `${path}/${part}`;
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(path === '' ? '.' : path);
    } catch {
      return undefined;
    }
    const matches = names.filter((n) => n.toLowerCase() === part.toLowerCase());
    if (matches.length !== 1) return undefined;
    path = path === '' ? matches[0]! : `${path}/${matches[0]}`;
  }
  return path === file ? undefined : path;
}

/** The name in `file`'s folder that equals its own under Unicode normalisation (NFC) but not byte for byte. */
export function otherUnicodeForm(file: string): string | undefined {
  const name = basename(file);
  // Plain ASCII has one form only.
  if (!/[^\x00-\x7f]/.test(name)) return undefined;
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return undefined;
  }
  const wanted = name.normalize('NFC');
  return names.find((n) => n !== name && n.normalize('NFC') === wanted);
}

/** How the name on disk is composed, for messages. */
export function unicodeFormWords(name: string): string {
  return name === name.normalize('NFD') ? 'decomposed, as macOS writes names' : 'another composition';
}

/** "the file does not exist", with the hint when there is one. */
export function doesNotExist(file: string, reason = 'the file does not exist'): string {
  const hint = missingFileHint(file);
  return hint === undefined ? reason : `${reason} — ${hint}`;
}
