/**
 * The names `hta report` can write in a report folder: per chart `<name>.vl.json`, `.svg` and
 * `.png` (chart names are lower-case letters, digits and hyphens), and `index.html`, `README.md`,
 * `results.json`; nothing in subfolders. Removal trusts a folder's `.hta-report.json` only for
 * such names: a foreign or hand-edited index listing `mine.txt` or `sub/notes.txt` with their
 * right SHA-256 must not make hta remove files it never wrote (docs/output-safety.md).
 */
import { spelledOut } from '../spelled-out.js';

const PAGES = new Set(['index.html', 'README.md', 'results.json']);
const CHART_FILE = /^[a-z0-9][a-z0-9-]*\.(?:vl\.json|svg|png)$/;
const CHART_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Whether `name` (relative to its report folder) is a name a report could have written. */
export function isReportFileName(name: string): boolean {
  return PAGES.has(name) || CHART_FILE.test(name);
}

/** Whether a chart may be called `name` (its three files then pass isReportFileName). */
export function isChartName(name: string): boolean {
  return CHART_NAME.test(name);
}

/**
 * A column's or time's name as part of a chart name: lower-case letters, digits and '-'. Danish
 * letters are written out (æ → ae, ø → oe, å → aa), other accented letters lose their accent
 * (é → e, ü → u); anything else is a hyphen (docs/subgroups.md#report). The name is put in NFC
 * first (spelled-out.ts): a decomposed `Å` from a Mac export is `aa` as the composed one is, so
 * one subgroup gives one chart name whatever the export's Unicode form.
 */
export function chartSlug(s: string): string {
  const letters = spelledOut(s).replace(/\p{M}+/gu, '');
  return letters.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
}
