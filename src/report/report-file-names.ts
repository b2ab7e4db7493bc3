/**
 * The names `hta report` can write in a report folder: per chart `<name>.vl.json`, `.svg` and
 * `.png` (chart names are lower-case letters, digits and hyphens), and `index.html`, `README.md`,
 * `results.json`; nothing in subfolders. Removal trusts a folder's `.hta-report.json` only for
 * such names: a foreign or hand-edited index listing `mine.txt` or `sub/notes.txt` with their
 * right SHA-256 must not make hta remove files it never wrote (docs/output-safety.md).
 */
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
