/**
 * The follow-up a cost-effectiveness page states ("Over 24 months", "opfølgning til 24 måneder"):
 * the last visit's name when it reads as a time (`9m` → "9 months"), else its time in the plan's
 * `visitTimes` ("24 mdr" at 24 months → "24 months" / "24 måneder"), so an English page never
 * says a Danish visit label as its horizon (docs/plan-cea.md#report).
 */
import { type Lang, timeLabel } from './i18n.js';

const UNIT_WORDS: Record<'days' | 'weeks' | 'months', Record<Lang, [string, string]>> = {
  days: { en: ['day', 'days'], da: ['dag', 'dage'] },
  weeks: { en: ['week', 'weeks'], da: ['uge', 'uger'] },
  months: { en: ['month', 'months'], da: ['måned', 'måneder'] },
};

export function ceaHorizon(visit: string, visitTimes: { unit: 'days' | 'weeks' | 'months'; times: Record<string, number> }, lang: Lang): string {
  const named = timeLabel(visit, lang);
  const at = visitTimes.times[visit];
  if (named !== visit || at === undefined) return named;
  const n = Number.isInteger(at) ? String(at) : String(at).replace('.', lang === 'da' ? ',' : '.');
  return `${n} ${UNIT_WORDS[visitTimes.unit][lang][at === 1 ? 0 : 1]}`;
}
