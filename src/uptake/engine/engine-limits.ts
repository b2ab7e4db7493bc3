/**
 * The SQL engine's resources as the user sets them (`--memory-limit`, `--threads`;
 * docs/uptake-aggregates.md "Engine"). Kept apart from duckdb-session.ts so the CLI can check
 * its options without loading the database.
 */
import { HtaError } from '../../errors.js';

export interface EngineLimits {
  /** DuckDB memory limit, e.g. "1GB" or "512MB" (see `parseMemoryLimit`). Default "1GB". */
  memoryLimit?: string;
  /** Worker threads; default: the machine's cores (one for a registry file under 32 MiB, registry-engine.ts). */
  threads?: number;
}

export const DEFAULT_MEMORY_LIMIT = '1GB';
const MIN_MEMORY_BYTES = 64 * 2 ** 20;
const UNITS: Readonly<Record<string, number>> = { KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, KIB: 2 ** 10, MIB: 2 ** 20, GIB: 2 ** 30, TIB: 2 ** 40 };

/** "1GB", "512 MB", "1.5GiB" → the text DuckDB takes; a usage error otherwise (at least 64 MiB). */
export function parseMemoryLimit(text: string, option = '--memory-limit'): string {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]i?B)\s*$/i.exec(text);
  const unit = m ? UNITS[m[2]!.toUpperCase()] : undefined;
  if (!m || unit === undefined) {
    throw new HtaError('usage.invalid', `${option} ${JSON.stringify(text)} is not a memory size — expected a number and a unit, e.g. 1GB, 512MB or 2GiB`);
  }
  if (Number(m[1]) * unit < MIN_MEMORY_BYTES) throw new HtaError('usage.invalid', `${option} ${JSON.stringify(text)} is too small — expected at least 64MiB`);
  return `${m[1]}${m[2]!.toUpperCase().replace('I', 'i')}`;
}

/** A whole number of threads from 1 to 256; a usage error otherwise. */
export function parseThreads(text: string, option = '--threads'): number {
  if (!/^\s*\d{1,3}\s*$/.test(text) || Number(text) < 1 || Number(text) > 256) {
    throw new HtaError('usage.invalid', `${option} ${JSON.stringify(text)} is not a thread count — expected a whole number from 1 to 256`);
  }
  return Number(text);
}

