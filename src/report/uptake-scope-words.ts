/**
 * What the uptake outputs call the total of all regions (the analysis's scope "national"). It is
 * the whole country only when the eligible file holds more than one region: a region's own export
 * with its own eligible file (one region) would otherwise be printed as "Whole country 300" and
 * "volume counted over the whole country". With one region the total row is labelled as what it
 * covers, "Total (Nordjylland)", and the titles say "Nordjylland" (docs/plan-uptake.md "Regions and the total").
 */
import type { Scope } from '../uptake/aggregate.js';
import { regionsIn } from '../uptake/regions.js';
import type { Lang } from './i18n.js';

export interface NationalWords {
  /** The total row's label: "Whole country" / "Hele landet", or "Total (Nordjylland)". */
  label: string;
  /** In a title or sentence: "whole country" / "hele landet", or "Nordjylland". */
  phrase: string;
  /** After "over": "the whole country" / "hele landet", or "Nordjylland". */
  object: string;
  /**
   * The units the total sums: "regions" / "regioner"; with the plan's `totalName` (the units are a
   * region's municipalities or other areas, not regions) "areas" / "områder".
   */
  units: string;
  /** Their possessive, definite plural: "the regions'" / "regionernes" (or areas). */
  unitsPossessive: string;
  /** One unit's, indefinite: "a region's" / "en regions"; suppressed: "a suppressed region's" / "en diskretioneret regions" (or area). */
  unitPossessive: string;
  suppressedUnitPossessive: string;
}

const UNITS = {
  regions: {
    en: { units: 'regions', unitsPossessive: "the regions'", unitPossessive: "a region's", suppressedUnitPossessive: "a suppressed region's" },
    da: { units: 'regioner', unitsPossessive: 'regionernes', unitPossessive: 'en regions', suppressedUnitPossessive: 'en diskretioneret regions' },
  },
  areas: {
    en: { units: 'areas', unitsPossessive: "the areas'", unitPossessive: "an area's", suppressedUnitPossessive: "a suppressed area's" },
    da: { units: 'områder', unitsPossessive: 'områdernes', unitPossessive: 'et områdes', suppressedUnitPossessive: 'et diskretioneret områdes' },
  },
} as const;

const WHOLE = {
  label: { en: 'Whole country', da: 'Hele landet' },
  phrase: { en: 'whole country', da: 'hele landet' },
  object: { en: 'the whole country', da: 'hele landet' },
} as const;
const TOTAL_OF = { en: 'Total ({region})', da: 'I alt ({region})' } as const;

/**
 * The words for the total: the plan's `totalName` when it names one (municipalities as units
 * sum to their region, not the country), else from the regions the rows name (the eligible
 * file's, in order).
 */
export function nationalWords(lang: Lang, totalName: string | undefined, ...rows: Iterable<{ region: Scope }>[]): NationalWords {
  const regions = regionsIn(...rows);
  if (totalName !== undefined || regions.length === 1) {
    const region = totalName ?? regions[0]!;
    return { label: TOTAL_OF[lang].replace('{region}', region), phrase: region, object: region, ...UNITS[totalName !== undefined ? 'areas' : 'regions'][lang] };
  }
  return { label: WHOLE.label[lang], phrase: WHOLE.phrase[lang], object: WHOLE.object[lang], ...UNITS.regions[lang] };
}

/** A scope's label: a region as named, the total by `nationalWords`. */
export function scopeLabelOf(s: Scope, words: NationalWords): string {
  return s === 'national' ? words.label : s;
}
