/**
 * An input as a published page and its results.json name it (docs/manifest.md): by its last name
 * alone (`udtræk.csv`), wherever it lies — a folder inside the manifest's tree can be as telling
 * as one outside it (a manifest in the home folder, its data under `OneDrive - Region
 * Midtjylland/Anna Jensen/…`: a person's name, an employer, a folder layout); and a CPR-shaped
 * number in that name is masked (`udtræk DDMMYY-XXXX.csv`), as everywhere hta prints text
 * (io/cpr-number.ts). The regenerate command names the manifest and `--out` by the same rule
 * (regenerate-command.ts).
 */
import { posix } from 'node:path';
import { maskCpr } from '../io/cpr-number.js';

export function publishedName(path: string): string {
  return maskCpr(posix.basename(path.split('\\').join('/')));
}
