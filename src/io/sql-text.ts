/**
 * A string as an SQL string literal (quotes doubled): for the engine's statements and for the
 * DuckDB commands hta prints as advice. Here in io/, so advice can quote paths without loading
 * the engine (uptake/engine/duckdb-api.ts loads DuckDB on import).
 */
export const sqlText = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** A name as an SQL identifier (double quotes doubled): a column named `"x"` or `Køn` is read as itself. */
export const sqlIdent = (s: string): string => `"${s.replace(/"/g, '""')}"`;
