/**
 * The words for cost categories and resource items on the cost-effectiveness page (Danish terms:
 * docs/glossary-da.md). A resource item is shown by its plan label; without one, by the built-in
 * name of what its category counts ("Fysioterapibehandlinger"), never by the plan's key
 * (`physio`), which is a name for the analyst, not the reader. docs/plan-cea.md, "Fields".
 */
import type { Lang } from '../report/i18n.js';
import type { CeaCategory, ResourceItem } from './cea-plan-schema.js';

export const CATEGORY_LABEL: Record<CeaCategory | 'intervention', Record<Lang, string>> = {
  // The page names the intervention's own category by the plan's arm names (arm-names.ts interventionItem); this is the neutral fallback.
  intervention: { en: 'Intervention', da: 'Intervention' },
  'primary-care': { en: 'General practice', da: 'Almen praksis' },
  physiotherapy: { en: 'Physiotherapy', da: 'Fysioterapi' },
  chiropractor: { en: 'Chiropractor', da: 'Kiropraktor' },
  // Any trial's specialist care: a back trial's spine clinic is its plan's item label (data/plans/selfback.cea.json).
  specialist: { en: 'Specialist', da: 'Speciallæge' },
  imaging: { en: 'Imaging', da: 'Billeddiagnostik' },
  medication: { en: 'Medication', da: 'Medicin' },
  hospital: { en: 'Hospital', da: 'Sygehus' },
  productivity: { en: 'Sick leave (productivity)', da: 'Sygefravær (produktivitet)' },
};

/** What one unit of an unlabelled item of each category is. */
const ITEM_LABEL: Record<CeaCategory, Record<Lang, string>> = {
  'primary-care': { en: 'General-practice consultations', da: 'Konsultationer i almen praksis' },
  physiotherapy: { en: 'Physiotherapy sessions', da: 'Fysioterapibehandlinger' },
  chiropractor: { en: 'Chiropractor sessions', da: 'Kiropraktorbehandlinger' },
  specialist: { en: 'Specialist visits', da: 'Besøg hos speciallæge' },
  imaging: { en: 'Imaging examinations', da: 'Billeddiagnostiske undersøgelser' },
  medication: { en: 'Medication', da: 'Medicin' },
  hospital: { en: 'Hospital contacts', da: 'Sygehuskontakter' },
  productivity: { en: 'Sick-leave days', da: 'Sygefraværsdage' },
};

/**
 * What an unlabelled item of amounts is (unit cost 1: its column holds money already,
 * docs/plan-cea.md#costs-already-in-money): costs, not "consultations" priced at 1 kr. each.
 */
const AMOUNT_LABEL: Record<CeaCategory, Record<Lang, string>> = {
  'primary-care': { en: 'General-practice costs', da: 'Omkostninger i almen praksis' },
  physiotherapy: { en: 'Physiotherapy costs', da: 'Omkostninger til fysioterapi' },
  chiropractor: { en: 'Chiropractor costs', da: 'Omkostninger til kiropraktor' },
  specialist: { en: 'Specialist costs', da: 'Omkostninger til speciallæge' },
  imaging: { en: 'Imaging costs', da: 'Omkostninger til billeddiagnostik' },
  medication: { en: 'Medication costs', da: 'Omkostninger til medicin' },
  hospital: { en: 'Hospital costs', da: 'Sygehusomkostninger' },
  productivity: { en: 'Productivity costs', da: 'Produktivitetsomkostninger' },
};

/** A category in the page's language (an unknown one as written). */
export function categoryLabel(category: string, lang: Lang): string {
  return (CATEGORY_LABEL as Record<string, Record<Lang, string>>)[category]?.[lang] ?? category;
}

/**
 * Each item's name on the page: its label in the page's language (else English), else its
 * category's built-in item name (for an item of amounts, `amounts`, what it costs); two items that would read alike are numbered in plan order
 * ("Medicin (1)", "Medicin (2)") so the table still tells them apart.
 */
export function resourceItemLabels(items: readonly ResourceItem[], lang: Lang, amounts: ReadonlySet<string> = new Set()): Map<string, string> {
  const base = items.map((r) => r.label?.[lang] ?? r.label?.en ?? (amounts.has(r.key) ? AMOUNT_LABEL : ITEM_LABEL)[r.category][lang]);
  const out = new Map<string, string>();
  items.forEach((r, i) => {
    const same = base.flatMap((b, j) => (b === base[i] ? [j] : []));
    out.set(r.key, same.length > 1 ? `${base[i]} (${same.indexOf(i) + 1})` : base[i]!);
  });
  return out;
}
