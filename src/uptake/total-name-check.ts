/**
 * The plan's `totalName` names the total of one region's municipalities (docs/plan-uptake.md
 * "Regions and the total"). Set on an eligible file whose units are several Danish regions, it
 * would print the whole country's total as, say, "Total (Region Sjælland)": said on stderr.
 */
import { DANISH_REGIONS } from './regions.js';

/** The note when `totalName` is set and the eligible file's units are two or more Danish regions; else undefined. */
export function totalNameNote(totalName: string | undefined, units: readonly string[], file: string): string | undefined {
  if (totalName === undefined) return undefined;
  const danish = [...new Set(units.map((u) => DANISH_REGIONS.resolve(u)).filter((r): r is string => r !== undefined))];
  if (danish.length < 2) return undefined;
  return `the plan's "totalName" ("${totalName}") names the total, but the units of ${file} are ${danish.length} Danish regions (${danish.join(', ')}): their total is ${danish.length === 5 ? 'the whole country' : 'those regions together'}, printed as "Total (${totalName})". totalName is for a file whose units are one region's municipalities; leave it out of the plan otherwise (docs/plan-uptake.md "Regions and the total")`;
}
