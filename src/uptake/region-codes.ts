/**
 * The Danish regions' four-digit codes, as DAGI (Danmarks Administrative Geografiske Inddeling)
 * and CPR's authority register number them: 1081 Region Nordjylland … 1085 Region Sjælland.
 * Regional systems and data warehouses often export the region column as this code. A registry
 * or eligible cell holding exactly one of them is read as the region it numbers, as the region's
 * own spellings are (docs/input-registry.md "Regions", where the source is cited).
 */

/** Code → the region's name as DAGI writes it. */
const DAGI_REGIONS: ReadonlyMap<string, string> = new Map([
  ['1081', 'Region Nordjylland'],
  ['1082', 'Region Midtjylland'],
  ['1083', 'Region Syddanmark'],
  ['1084', 'Region Hovedstaden'],
  ['1085', 'Region Sjælland'],
]);

/** The region a cell names by its DAGI code (`1084` → `Region Hovedstaden`), or undefined. */
export function regionOfCode(text: string): string | undefined {
  return DAGI_REGIONS.get(text.trim());
}
