/**
 * Names Windows cannot make, and paths only Windows reads. A manifest moves between machines and
 * a file hta writes is often copied to (or checked out on) Windows, so hta refuses such names
 * everywhere: an entry's `out` (docs/manifest.md) and every file or folder named by an output
 * option (docs/output-safety.md); and a manifest's input naming a Windows drive or network share
 * is named as such rather than "fixed" into a relative path that cannot exist.
 */
import { firstControl, visibleName } from './visible-text.js';

/**
 * Names Windows keeps for devices, in any case and with any extension (`con`, `Aux.md`, `LPT1.x`):
 * COM and LPT with 1–9 or a superscript ¹ ² ³, which Windows reads as the same ports (`COM¹.csv`).
 * Not COM0 or LPT0: Windows makes those files.
 */
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[1-9\u00b9\u00b2\u00b3]|lpt[1-9\u00b9\u00b2\u00b3])(\.|$)/i;

/** Characters no Windows file name may hold (besides `\` and `/`, which separate folders there). */
const WINDOWS_FORBIDDEN = /[<>:"|?*\x00-\x1f]/;

/**
 * Why Windows cannot make a file or folder of the one name `name` (no `/`), or undefined: a name
 * ending in "." (Windows drops it: "a." is "a" there, another file, say), a device name (`CON`,
 * `aux`, `NUL`, `COM1`, `LPT¹`, also with an extension: Windows opens the device), or a character
 * Windows does not allow (`a:b.csv` is the stream "b.csv" of a file "a" there).
 */
export function windowsNameProblem(name: string, what: 'file' | 'folder'): string | undefined {
  if (name === '' || name === '.' || name === '..') return undefined;
  if (name.endsWith('.')) return `no ${what} name ending in "." ("${name}"): Windows drops the dot, so it would be the ${what} "${name.replace(/\.+$/, '')}" there`;
  const device = WINDOWS_DEVICES.exec(name);
  if (device) return `no ${what} named "${name}": ${device[1]!.toUpperCase()} is a device name on Windows (in any case, with any extension), where no ${what} can be called that`;
  // A control character is named visibly (never printed raw: invisible, or acting on the terminal).
  const control = firstControl(name);
  if (control) return `no ${what} name with a control character ("${visibleName(name)}" holds ${control}): control characters are invisible in a listing and act on a terminal, and Windows allows none in a name`;
  const bad = WINDOWS_FORBIDDEN.exec(name);
  if (bad) return `no ${what} name with "${bad[0]}" ("${name}"): Windows allows none of < > : " | ? * in a name`;
  return undefined;
}

/**
 * What `path` is when only Windows reads it as a place, else undefined: `an absolute Windows path
 * (drive C:)` (with \ or /), `a Windows path on drive A: (relative to its current folder)`
 * (`a:b.csv`), `a Windows network (UNC) path (\\server\share)`.
 */
export function windowsPath(path: string): string | undefined {
  const drive = /^([A-Za-z]):([\\/])?/.exec(path);
  if (drive) return drive[2] ? `an absolute Windows path (drive ${drive[1]!.toUpperCase()}:)` : `a Windows path on drive ${drive[1]!.toUpperCase()}: (relative to its current folder)`;
  const unc = /^\\\\([^\\/]+)[\\/]([^\\/]+)/.exec(path);
  if (unc) return `a Windows network (UNC) path (\\\\${unc[1]}\\${unc[2]})`;
  return undefined;
}
