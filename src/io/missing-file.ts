/**
 * What to add when an input does not exist, for the two cases where the name the user typed is
 * not wrong in their eyes (docs/cli.md "File names"):
 *
 * - `-`: many tools read standard input there; hta reads files only.
 * - a name typed in composed Unicode (NFC, `Målinger.csv` with one "å") while the file's name on
 *   disk is decomposed (NFD, "a" + a combining ring: as macOS writes names, and as they stay when
 *   copied to Linux, whose file names are bytes). Both look the same on screen.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A sentence to add to "the file does not exist", or undefined when there is nothing to add. */
export function missingFileHint(file: string): string | undefined {
  if (file === '-') return 'hta reads files, not standard input: save the data to a file and give its name (a file named "-" is written ./-)';
  const other = otherUnicodeForm(file);
  if (other !== undefined) {
    return `a file named ${JSON.stringify(join(dirname(file), other))} is there, whose name differs only in its Unicode form (${other === other.normalize('NFD') ? 'decomposed, as macOS writes names' : 'another composition'}): rename it, or copy its name from a file listing (ls) rather than typing it`;
  }
  return undefined;
}

/** The name in `file`'s folder that equals its own under Unicode normalisation (NFC) but not byte for byte. */
function otherUnicodeForm(file: string): string | undefined {
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

/** "the file does not exist", with the hint when there is one. */
export function doesNotExist(file: string, reason = 'the file does not exist'): string {
  const hint = missingFileHint(file);
  return hint === undefined ? reason : `${reason} — ${hint}`;
}
