/**
 * The names of the indexes hta keeps in a folder it writes several files into (output-index.ts):
 * `hta report`'s `.hta-report.json` in each report folder, and `.hta-files.json` of
 * `uptake --csv-dir` and `cea --out-dir` (docs/output-safety.md). Apart from output-index.ts so
 * that the cleanup of a killed run's leftovers (stale-staging.ts) can tell an index's from a page's.
 */
export const REPORT_INDEX = '.hta-report.json';
export const FOLDER_INDEX = '.hta-files.json';

/** Whether a file name is one of hta's indexes. */
export const isIndexName = (name: string): boolean => name === REPORT_INDEX || name === FOLDER_INDEX;
