/**
 * A covariate-balance term in words for the registry report's love plot and balance table
 * (docs/observational.md#report): "sex=K" → "Sex: female" / "Køn: kvinde", from the plan's
 * confounder `label` and `levelLabels` when given, else a common label for the usual names
 * (table-one.ts) and the level as it is in the export; "baseline" → the outcome's baseline score.
 */
import type { Confounder } from '../observational/observational-plan-schema.js';
import type { Lang } from './i18n.js';
import { characteristicLabel } from './table-one.js';
import { byCategory } from '../trial/category-values.js';

const BASELINE: Record<Lang, string> = { en: 'Baseline score', da: 'Baselinescore' };
/** A confounder's rare levels, pooled unnamed (`name=`, rare-levels.ts): never a level's value. */
const OTHER_LEVELS: Record<Lang, string> = { en: 'other levels (each with fewer patients than the suppression threshold)', da: 'øvrige niveauer (hver med færre patienter end diskretioneringsgrænsen)' };

export function balanceTermLabel(term: string, confounders: readonly Confounder[], lang: Lang): string {
  if (term === 'baseline' && !confounders.some((c) => c.name === 'baseline')) return BASELINE[lang];
  // The results name a categorical level "name=level" (observational-design.ts); names have no "=".
  const at = term.indexOf('=');
  const name = at < 0 ? term : term.slice(0, at);
  const c = confounders.find((x) => x.name === name);
  const label = c?.label ? (c.label[lang] ?? c.label.en) : characteristicLabel(name, lang);
  if (at < 0) return label;
  const level = term.slice(at + 1);
  if (level === '') return `${label}: ${OTHER_LEVELS[lang]}`;
  const levelLabel = byCategory(c?.levelLabels, level);
  return `${label}: ${levelLabel ? (levelLabel[lang] ?? levelLabel.en) : level}`;
}
