/**
 * Option parsers and checks shared by the commands, each failing as a usage error (exit 2) that
 * names the flag and the value: `--rows "x": expected a whole number ≥ 1`.
 */
import { HtaError } from '../errors.js';
import type { Lang } from '../report/i18n.js';

/** A commander parser for a whole number, at least `min` when given. */
export function wholeNumber(flag: string, min?: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || (min !== undefined && n < min)) {
      throw new HtaError('usage.invalid', `${flag} ${JSON.stringify(v)}: expected a whole number${min !== undefined ? ` ≥ ${min}` : ''}`);
    }
    return n;
  };
}

/** `--lang` is en or da (undefined passes: the command's default applies). */
export function checkLang(lang: string | undefined): Lang | undefined {
  if (lang !== undefined && lang !== 'en' && lang !== 'da') throw new HtaError('usage.invalid', `--lang ${JSON.stringify(lang)}: expected en or da`);
  return lang;
}
