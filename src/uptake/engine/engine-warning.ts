/**
 * Where the SQL engine's warnings go (a failure to close DuckDB after a run that succeeded:
 * duckdb-session.ts). The CLI sets it to its stderr (main.ts); a module of its own, so that the
 * CLI sets it without loading DuckDB on every command.
 */
let warn: (text: string) => void = (text) => process.stderr.write(text);

export function onEngineWarning(fn: (text: string) => void): void {
  warn = fn;
}

export function engineWarning(text: string): void {
  warn(text);
}
