/**
 * The registry's codes for equity groups (`gp`, `female`, …) in words, as the uptake charts and
 * tables print them: a committee reads "general practice", never `gp` (docs/glossary-da.md for
 * the Danish terms). Unknown codes are printed as they are.
 */
import type { Lang } from './i18n.js';

const LEVELS: Record<string, Record<string, Record<Lang, string>>> = {
  referrer: {
    gp: { en: 'General practice', da: 'Almen praksis' },
    physio: { en: 'Physiotherapist', da: 'Fysioterapeut' },
    chiro: { en: 'Chiropractor', da: 'Kiropraktor' },
    spine: { en: 'Spine clinic', da: 'Rygklinik' },
    other: { en: 'Other', da: 'Anden' },
  },
  sex: {
    female: { en: 'Women', da: 'Kvinder' },
    male: { en: 'Men', da: 'Mænd' },
    unknown: { en: 'Unknown', da: 'Ukendt' },
  },
};

/** A group of a breakdown (`referrer`, `sex`, `ageBand`) in words; age bands "18-29" → "18–29". */
export function levelLabel(dimension: string, level: string, lang: Lang): string {
  const words = LEVELS[dimension]?.[level]?.[lang];
  if (words) return words;
  return dimension === 'ageBand' ? level.replace(/^(\d+)-(\d+)$/, '$1–$2') : level;
}
