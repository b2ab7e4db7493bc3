import type { Lang } from '../report/i18n.js';
import type { Plan } from './plan-schema.js';

/** The plan's label for an outcome or responder key in a language (English, then the key, as fallback). */
export function outcomeLabel(plan: Plan, key: string, lang: Lang): string {
  const item = plan.outcomes.find((o) => o.key === key) ?? plan.responders.find((r) => r.key === key);
  return item?.label?.[lang] ?? item?.label?.en ?? key;
}
