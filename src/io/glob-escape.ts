/**
 * DuckDB's readers take a path holding `*`, `?` or `[` as a glob pattern (docs/uptake-aggregates.md
 * "Engine"). Here, not beside the engine, so that advice printed by modules that must not load
 * DuckDB (cli/, io/) can escape the names it suggests too.
 */

/** Whether DuckDB would read `path` as a glob pattern (its HasGlob: `*`, `?`, `[`). */
export const hasGlobCharacter = (path: string): boolean => /[*?[]/.test(path);

/** `path` with each glob character as a class matching only that character. */
export const escapeGlob = (path: string): string => path.replace(/[*?[]/g, (c) => `[${c}]`);
