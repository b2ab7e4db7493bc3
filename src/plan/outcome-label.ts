import type { Lang } from '../report/i18n.js';
import { instruments } from '../instruments/registry.js';
import type { Plan, PlanOutcome, PlanResponder } from './plan-schema.js';

/**
 * The plan's label for an outcome or responder key in a language (English, then the key, as
 * fallback). A responder definition without a label is named from its outcome and threshold
 * ("Disability (RMDQ 0–24) improved ≥ 30%"): its key (`rmdq30`) reached the committee's page
 * when the plan followed the docs' example (found by a tester).
 */
export function outcomeLabel(plan: Plan, key: string, lang: Lang): string {
  const outcome = plan.outcomes.find((o) => o.key === key);
  if (outcome) return outcome.label?.[lang] ?? outcome.label?.en ?? instrumentLabel(plan, outcome, lang) ?? key;
  const responder = plan.responders.find((r) => r.key === key);
  if (!responder) return key;
  return responder.label?.[lang] ?? responder.label?.en ?? responderWords(plan, responder, lang);
}

function responderWords(plan: Plan, r: PlanResponder, lang: Lang): string {
  const of = outcomeLabel(plan, r.outcome, lang);
  const n = (x: number) => (lang === 'da' ? String(x).replace('.', ',') : String(x));
  if (r.points !== undefined) return lang === 'da' ? `${of} forbedret ≥ ${n(r.points)} point` : `${of} improved ≥ ${n(r.points)} point${r.points === 1 ? '' : 's'}`;
  return lang === 'da' ? `${of} forbedret ≥ ${n(r.percent!)} %` : `${of} improved ≥ ${n(r.percent!)}%`;
}

/**
 * An outcome without a label is named by its instrument — the plan instrument's label, or a
 * built-in's name ("Work Ability Score") — never by its key (`wai`, `sygedage`) on a page; with
 * its key added when another outcome uses the same instrument. Undefined for a yes/no outcome
 * (a built-in "yes/no outcome" names nothing) and an unknown instrument.
 */
export function instrumentLabel(plan: Pick<Plan, 'outcomes' | 'instruments'>, outcome: Pick<PlanOutcome, 'key' | 'instrument'>, lang: Lang): string | undefined {
  const own = Object.hasOwn(plan.instruments ?? {}, outcome.instrument) ? plan.instruments[outcome.instrument]!.label : undefined;
  const builtIn = outcome.instrument !== 'binary' && Object.hasOwn(instruments, outcome.instrument) ? instruments[outcome.instrument]!.name : undefined;
  const name = own ? (own[lang] ?? own.en) : builtIn ? builtIn[lang] : undefined;
  if (name === undefined) return undefined;
  const shared = plan.outcomes.filter((o) => o.instrument === outcome.instrument).length > 1;
  return shared ? `${name}: ${outcome.key}` : name;
}
