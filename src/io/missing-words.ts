/**
 * The texts every export reader takes for an empty cell, exactly as written (case and all, after
 * trimming): `NULL` (SQL Server, SAS and Oracle exports), `(null)` (Oracle SQL Developer), `NA`
 * (R), `.` (SAS, Stata). One definition for trial and observational exports (read-csv.ts) and
 * registries (uptake/missing-cells.ts): docs/input-trial-export.md "Dialects",
 * docs/input-registry.md "Empty cells". A category written `NULL` would otherwise become a level
 * of its own (`referrer=NULL`) and its patients analysed as if the value were known.
 */
export const MISSING_WORDS: readonly string[] = ['NULL', '(null)', 'NA', '.'];

/**
 * Whether a trimmed cell is missing: '' or one of MISSING_WORDS. Written out rather than a set
 * lookup: it runs for every cell of a file (docs/limits.md); test/io/missing-words.test.ts keeps
 * it equal to the list.
 */
export function isMissingWord(c: string): boolean {
  return c === '' || c === 'NA' || c === '.' || c === 'NULL' || c === '(null)';
}
