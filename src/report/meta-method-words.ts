/**
 * The pooling method in words a committee reads, instead of the tool's preset name
 * ("preset metafor"): "random-effects model, REML, normal-based 95% CI (as metafor's default)".
 * Used by the meta report's provenance line and the forest plots' method note.
 */
import { countWord } from './count-words.js';
import type { MetaPreset } from '../stats/meta/presets.js';
import { META_PRESETS } from '../stats/meta/presets.js';
import { fillPhrase, type Lang } from './i18n.js';
import type { MetaRowBasis } from './meta-summary-table.js';

type Tau2 = 'REML' | 'DL' | 'PM';

const TAU2_WORDS: Record<Tau2, Record<Lang, string>> = {
  REML: { en: 'REML', da: 'REML' },
  DL: { en: 'DerSimonian–Laird', da: 'DerSimonian–Laird' },
  PM: { en: 'Paule–Mandel', da: 'Paule–Mandel' },
};

/** Whose default the settings are, when they are a named preset's. */
const PRESET_WORDS: Record<MetaPreset, Record<Lang, string>> = {
  metafor: { en: "as metafor's default", da: 'som standard i metafor' },
  revman5: { en: "as RevMan 5's default", da: 'som standard i RevMan 5' },
  'revman-web': { en: "as RevMan's default since 2025", da: 'som standard i RevMan fra 2025' },
  iqwig6: { en: "as IQWiG's methods (version 6), with their variance correction where the Hartung–Knapp CI is narrower than DerSimonian–Laird's", da: 'som IQWiG’s metoder (version 6), med deres varianskorrektion, hvor Hartung–Knapp-KI er smallere end DerSimonian–Lairds' },
};

export interface PoolingMethod {
  tau2Method: Tau2 | null;
  ciMethod: 'z' | 'hksj';
  /** The prediction interval's t df; null = normal-based; undefined = no prediction interval shown. */
  piDf?: number | null;
  preset: MetaPreset | null;
}

/**
 * "random-effects model, REML, normal-based 95% CI (as metafor's default)"; Danish "tilfældige
 * effekter, REML, normalfordelt 95 %-KI (som standard i metafor)" (lower case: used inside a
 * sentence; the model's Danish name is docs/glossary-da.md's).
 */
export function poolingMethodText(m: PoolingMethod, lang: Lang): string {
  const da = lang === 'da';
  const parts = [da ? 'tilfældige effekter' : 'random-effects model'];
  if (m.tau2Method) parts.push(TAU2_WORDS[m.tau2Method][lang]);
  parts.push(m.ciMethod === 'hksj' ? (da ? 'Hartung–Knapp-95 %-KI' : 'Hartung–Knapp 95% CI') : da ? 'normalfordelt 95 %-KI' : 'normal-based 95% CI');
  if (m.piDf !== undefined) {
    const dist = m.piDf === null ? (da ? 'normalfordelt' : 'normal-based') : `t(${m.piDf})`;
    parts.push(da ? `prædiktionsinterval ${dist}` : `prediction interval ${dist}`);
  }
  const text = parts.join(', ');
  return m.preset ? `${text} (${PRESET_WORDS[m.preset][lang]})` : text;
}

/** The same for a preset's settings, before any fit (the report's provenance line). */
export function presetMethodText(preset: MetaPreset, lang: Lang): string {
  const o = META_PRESETS[preset];
  return poolingMethodText({ tau2Method: o.method, ciMethod: o.hksj ? 'hksj' : 'z', preset }, lang);
}

/** One [singular, plural] phrase per way a row was estimated ({n}: how many rows, in words up to ten in Danish; {method}: the preset's model). */
const BASIS_WORDS: Record<MetaRowBasis, Record<Lang, [string, string]>> = {
  single: {
    en: ["1 row is one trial's published estimate, not pooled", "{n} rows are each one trial's published estimate, not pooled"],
    da: ['én række er ét forsøgs publicerede estimat, ikke poolet', '{n} rækker er hver ét forsøgs publicerede estimat, ikke poolet'],
  },
  'one-trial-subgroups': {
    en: ['1 row combines the subgroups of one trial (fixed-effect model)', '{n} rows each combine the subgroups of one trial (fixed-effect model)'],
    da: ['én række kombinerer subgrupperne af ét forsøg med en model med faste effekter', '{n} rækker kombinerer hver subgrupperne af ét forsøg med en model med faste effekter'],
  },
  random: {
    en: ['1 row is pooled with a {method}', '{n} rows are pooled with a {method}'],
    da: ['én række er poolet med {method}', '{n} rækker er poolet med {method}'],
  },
  'not-pooled': {
    en: ['1 row is not pooled (no study reported an interval)', '{n} rows are not pooled (no study reported an interval)'],
    da: ['én række er ikke poolet (intet studie angav et interval)', '{n} rækker er ikke poolet (intet studie angav et interval)'],
  },
};

const NO_RANDOM: Record<Lang, string> = {
  en: 'no row rests on 2 trials or more, so none is pooled with a {method}',
  da: 'ingen række bygger på to forsøg eller flere, så ingen er poolet med {method}',
};

/**
 * What was done per set of rows of the summary table, for the provenance line: "4 rows are each one
 * trial's published estimate, not pooled; 1 row combines the subgroups of one trial (fixed-effect
 * model); no row rests on 2 trials or more, so none is pooled with a random-effects model, REML, …".
 * A page whose rows were not pooled by the random-effects model never says they were.
 */
export function metaMethodsText(bases: readonly MetaRowBasis[], preset: MetaPreset, lang: Lang): string {
  const method = presetMethodText(preset, lang);
  const order: MetaRowBasis[] = ['random', 'single', 'one-trial-subgroups', 'not-pooled'];
  const parts = order
    .map((b) => ({ b, n: bases.filter((x) => x === b).length }))
    .filter((x) => x.n > 0)
    .map(({ b, n }) => fillPhrase(BASIS_WORDS[b][lang][n === 1 ? 0 : 1], { n: countWord(n, lang), method }));
  if (bases.length > 0 && !bases.includes('random')) parts.push(fillPhrase(NO_RANDOM[lang], { method }));
  return parts.join('; ');
}
