/**
 * A covariate that names a place — a site, centre, hospital, region, municipality, practice —
 * is a category, whatever its cells hold: numbered sites (1–5) or DAGI region codes (1081–1085)
 * read as one number would put the trial's regions on a straight line (region 1085 "more" than
 * 1081), and the >3-distinct-numbers rule of validate (trial/column-kind.ts) reads them so.
 * `hta plan init` drafts such a covariate `"categorical"` and says why (docs/plan-trial.md
 * "What plan init recognises").
 */
import { regionOfCode } from '../uptake/region-codes.js';
import { spelledOut } from './wide-visits.js';

/**
 * A place by its column name (read on draft-plan.ts's nameKey: letters and digits, Danish letters
 * spelled out), with the words exports add to a code column: `site_id`, `Centernr`, `Regionskode`,
 * `Sygehusnavn`, `Kommunekode`, Castor EDC's `Site Abbreviation`.
 */
/** The endings a place's key may carry (`site_id`, `centernr`, `site_abbreviation`); report/table-one.ts labels a site by them too. */
export const PLACE_SUFFIX = '(?:s?id|nr|no|nummer|number|s?kode|code|s?navn|name|abbreviation|abbrev|abbr|forkortelse)';
const PLACE = new RegExp(`^(site|center|centre|region|regions|hospital|sygehus|klinik|clinic|afdeling|department|kommune|municipality|praksis|practice|almenpraksis|laegepraksis|lagepraksis|laegehus|lagehus|yder|studiested|location|land|country)(${PLACE_SUFFIX})?$`);
/**
 * A column naming the unit a cluster-randomised trial randomises, whatever it is (`cluster_id`,
 * `klynge`, `Klyngenr`): a group by name, never a quantity (cluster-signature.ts). The Danish
 * GP provider number (`ydernummer`, `ydernr`, `yder`) is a practice: in PLACE.
 */
const CLUSTER = /^(cluster|klynge)(s?id|nr|no|nummer|number|s?kode|code|s?navn|name)?$/;

/** More levels than this in a place column: said, since every level costs the ANCOVA a degree of freedom. */
export const MANY_PLACES = 20;

export function namesAPlace(key: string): boolean {
  return PLACE.test(key);
}

/** A column name as PLACE and CLUSTER read it: spelled out (`Lægehus` → `laegehus`), letters and digits only. */
export function placeKey(column: string): string {
  return spelledOut(column).replace(/[^a-z0-9]+/g, '');
}

/** Whether a column's name says its values are codes of places or groups (a practice, a cluster), never a quantity. */
export function namesAGroup(column: string): boolean {
  const key = placeKey(column);
  return PLACE.test(key) || CLUSTER.test(key);
}

/**
 * Why a covariate column of numbers is a category of places, or undefined: its name names a place,
 * or every value is a DAGI region code (1081–1085, src/uptake/region-codes.ts).
 * `numbers` are the column's numeric cells (missing-value codes left out).
 */
export function placeReason(column: string, key: string, numbers: readonly number[]): string | undefined {
  if (!numbers.length) return undefined;
  const distinct = [...new Set(numbers)].sort((a, b) => a - b);
  if (distinct.every((n) => regionOfCode(String(n)) !== undefined)) {
    return `"${column}" holds DAGI region codes (${distinct.join(', ')}): regions, not a quantity`;
  }
  if (namesAPlace(key)) {
    const few = distinct.length <= MANY_PLACES ? `${distinct.length} different numbers` : `${distinct.length} different numbers (so many levels cost the ANCOVA one degree of freedom each: consider grouping them, e.g. into regions)`;
    return `"${column}" names a place and holds ${few}: codes of places, not a quantity`;
  }
  return undefined;
}
