/**
 * A column naming a stratification factor of the randomisation — `stratum`, `strata_rmdq`,
 * `rmdq_stratum`, `rand_strata`, "Stratum: RMDQ ved baseline", a block, REDCap's
 * `redcap_data_access_group` (the site a record belongs to) — holds codes of groups, never a
 * quantity: `stratum` 1–8 (site × baseline severity) read as one number would put the strata on a
 * straight line. `hta plan init` drafts such a column as a categorical covariate, and validate
 * refuses one of numbers without a declared type, as for places (place-covariates.ts;
 * docs/plan-trial.md "What plan init recognises" and "covariateTypes").
 */
import { spelledOut } from './wide-visits.js';

/** The whole name (letters and digits, Danish letters spelled out) of a stratification factor or block. */
const WHOLE = /^(stratum|strata|strat|stratifikation|stratification|stratifikationsfaktor|stratificationfactor|randomi[sz]ationstratum|randomiseringsstratum|blok|block|randomi[sz]ationblock|randomiseringsblok|redcapdataaccessgroup|dataaccessgroup)(s?id|nr|no|nummer|number|s?kode|code)?$/;
/** One word of a longer name that makes it a stratum (`strata_rmdq`, `rmdq_stratum`, `rand_strata`); a block only by its whole name. */
const WORD = /^(stratum|strata|strat|stratifikation|stratification|stratificering|stratifikationsfaktor|stratificationfactor)$/;
const BLOCK = /^(blok|block|randomi[sz]ationblock|randomiseringsblok)/;

/** The words of a column name: split at anything but letters and digits (`Stratum: RMDQ ved baseline` → stratum, rmdq, ved, baseline). */
function wordsOf(column: string): string[] {
  return spelledOut(column).split(/[^a-z0-9]+/).filter(Boolean);
}

/** Whether a column's name says it is a stratification factor of the randomisation (or a randomisation block). */
export function namesAStratum(column: string): boolean {
  const words = wordsOf(column);
  return WHOLE.test(words.join('')) || words.some((w) => WORD.test(w));
}

/** Whether the name is a randomisation block rather than a stratum (said differently: blocks are kept only if the protocol adjusts for them). */
export function namesABlock(column: string): boolean {
  return namesAStratum(column) && BLOCK.test(wordsOf(column).join(''));
}
