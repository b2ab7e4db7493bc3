/**
 * Option parsers and checks shared by the commands, each failing as a usage error (exit 2) that
 * names the flag and the value: `--rows "x": expected a whole number ≥ 1`.
 */
import { HtaError } from '../errors.js';
import type { Lang } from '../report/i18n.js';

/**
 * Upper bounds of the numeric options: beyond them a run takes minutes to hours and gigabytes
 * and no analysis needs more (docs/limits.md gives the reasoning for each).
 */
export const LIMITS = {
  bootstrap: 100_000,
  /** `hta cea --replicates` (at least 100: fewer give no usable acceptability curve). */
  replicates: 100_000,
  patients: 1_000_000,
  rows: 100_000_000,
} as const;

const grouped = (n: number) => n.toLocaleString('en-GB');

/** The range a numeric option takes, for its --help text (`4 to 1,000,000`), from the parser's own bounds. */
export const rangeText = (min: number, max: number): string => `${grouped(min)} to ${grouped(max)}`;

/** A commander parser for a whole number, at least `min` and at most `max` when given. */
export function wholeNumber(flag: string, min?: number, max?: number) {
  return (v: string): number => {
    const t = v.trim();
    // Decimal notation only ("200", "1e6"): Number() would also take "", "0x10" and "Infinity".
    const n = /^[+-]?\d+(\.\d+)?([eE]\+?\d+)?$/.test(t) ? Number(t) : NaN;
    const range =
      min !== undefined && max !== undefined ? ` from ${grouped(min)} to ${grouped(max)}` : min !== undefined ? ` ≥ ${grouped(min)}` : max !== undefined ? ` ≤ ${grouped(max)}` : '';
    if (!Number.isSafeInteger(n) || (min !== undefined && n < min) || (max !== undefined && n > max)) {
      const why = max !== undefined && Number.isFinite(n) && n > max ? ' (see docs/limits.md)' : '';
      throw new HtaError('usage.invalid', `${flag} ${JSON.stringify(v)}: expected a whole number${range}${why}`);
    }
    return n;
  };
}

/** `--lang` is en or da (undefined passes: the command's default applies). */
export function checkLang(lang: string | undefined): Lang | undefined {
  if (lang !== undefined && lang !== 'en' && lang !== 'da') throw new HtaError('usage.invalid', `--lang ${JSON.stringify(lang)}: expected en or da`);
  return lang;
}

/**
 * `--force`, with one meaning on every command that writes: replace output files that exist.
 * Without it no command writes over a file (docs/output-safety.md).
 */
export const FORCE_OPTION = ['--force', 'replace output files that already exist (without it, hta never writes over a file)'] as const;
