/**
 * A table of counts given as the registry (`Region;Måned;Klinik;Henviser;Antal henvist;Antal
 * aktiveret`, what a region's BI tool shows): hta computes rates, retention, delays and the
 * disclosure control from one row per referral, so such a table cannot be read as one — and
 * "lacks the column PatientID, Henvist, …" does not say why. It is named as a table of counts,
 * with the two ways on: the per-referral export, or the aggregate tables of
 * sql/uptake-aggregates.sql with `--aggregates` (docs/input-registry.md "A table of counts").
 */
import { HtaError, type Problem } from '../errors.js';
import { headerKey, mappedName, REGISTRY_COLUMNS, type RegistryColumn, type RegistryColumnNames } from './referral.js';
import { registryColumnsFor } from './registry-column-names.js';

/**
 * A column name that counts (Danish, Swedish, Norwegian and English, as BI tools and spreadsheets
 * name them). The word must stand alone: the boundaries are Unicode letters and digits, not `\b`,
 * which knows ASCII letters only and so found the count word "n" at the end of Swedish "Kön"
 * (and "Län", Norwegian "Køn"), calling a per-referral export a table of counts.
 */
const COUNT_NAME = /^(antal|antall|count|number|n|sum|summa|total|totalt|i alt|frekvens|frequency|freq)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(antal|antall|count|n|sum|total)$|^(referrals|activations|henvisninger|aktiveringer|patienter|patients)$/u;

/** The columns of `header` whose names say they hold counts. */
export function countColumns(header: readonly string[]): string[] {
  return header.filter((h) => COUNT_NAME.test(headerKey(h)));
}

/**
 * The error for a registry header that lacks registry columns (`problems`, from
 * `registryColumnIndex`): a table of counts when it has count columns and neither an id nor a
 * referral-date column (under the plan's name or a known one); else "lacks registry columns".
 */
export function registryColumnsError(header: readonly string[], file: string, problems: Problem[], names: RegistryColumnNames = {}, headerLine = 1): HtaError {
  // Every column found, one of them twice (referral.ts repeatedColumnProblems): nothing lacks.
  if (problems.length > 0 && problems.every((p) => p.kind === 'header.duplicate')) return new HtaError('input.invalid', `${file} names a registry column twice`, problems);
  const keys = header.map(headerKey);
  const guess = registryColumnsFor(header).mapping;
  const lacks = (c: RegistryColumn) => !keys.includes(headerKey(names[c] ?? c)) && guess[c] === undefined;
  const counts = countColumns(header);
  if (counts.length === 0 || !lacks('id') || !lacks('referred')) return new HtaError('input.invalid', `${file} lacks registry columns`, problems);
  return new HtaError('input.invalid', `${file} looks like a table of counts (${counts.join(', ')}), not a registry export with one row per referral`, [{
    file, line: headerLine,
    expected: `one row per referral, with the columns ${REGISTRY_COLUMNS.map((c) => mappedName(names, c) ?? c).join(', ')} (docs/input-registry.md) — hta computes the rates, retention, days to activation and the suppression of small counts from the referrals themselves, which counts cannot give back. Ask for the per-referral export; or, where the rows cannot leave the region, run sql/uptake-aggregates.sql there and give its four tables with hta uptake --aggregates <folder> (docs/uptake-aggregates.md). Have: ${header.join(', ')}`,
  }]);
}
