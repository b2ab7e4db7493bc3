/**
 * A registry export saved as JSON (an array of objects, or one object a line: NDJSON) is named
 * as such rather than failing as "not valid CSV — a quote …" on its first brace
 * (docs/input-registry.md "Dialects"): hta reads registries as CSV or Parquet.
 */
import { HtaError } from '../errors.js';
import { looksLikeJson } from '../io/looks-like-json.js';

/** The error for a registry export in JSON (else undefined). `head`: the file's first bytes. */
export function jsonRegistry(file: string, head: Buffer): HtaError | undefined {
  // A .json / .ndjson / .jsonl name, or JSON's first bytes (io/looks-like-json.ts, as for every CSV input).
  if (!/\.(json|ndjson|jsonl)$/i.test(file) && !looksLikeJson(head)) return undefined;
  return new HtaError('input.invalid', `${file} is JSON: JSON is not read — export the registry as CSV or Parquet`, [
    { file, line: 1, expected: 'a CSV file (one header line, then one line per referral; from the registry system\'s CSV export, or Excel\'s "CSV UTF-8"), or a Parquet file named .parquet' },
  ]);
}
