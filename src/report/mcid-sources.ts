/**
 * Where each MCID the page judges against comes from, as a note under the summary of findings
 * and the table of all effect estimates (docs/report-trial.md#summary-of-findings): the
 * instrument's reference, the range ÷ 20 rule of thumb (EQ-5D-5L, src/instruments/eq5d.ts: not an
 * anchor-based estimate), or the plan's `mcidSource`. A committee weighs a verdict by its MCID;
 * an MCID with no source on the page reads as established when it may be an assumption.
 */
import type { Plan } from '../plan/plan-schema.js';
import { instrumentForOutcome } from '../plan/outcome-instrument.js';
import { citationIn } from './citation-words.js';
import type { Lang } from './i18n.js';

const TEXT = {
  head: { en: 'MCID sources: {list}.', da: 'Kilder til MKRF: {list}.' },
  ruleOfThumb: { en: 'a rule of thumb (range / 20), not anchor-based', da: 'en tommelfingerregel (spændvidde / 20), ikke ankerbaseret' },
  // The plan's own words as written (a citation reads the same in any language), or its `da` text:
  // a committee weighs the MCID by its source, so a Danish page never withholds it.
  plan: { en: 'the analysis plan: "{source}"', da: 'analyseplanen: "{source}"' },
  planNoSource: { en: 'set in the analysis plan, no source given', da: 'angivet i analyseplanen uden kilde' },
} as const;

/** A plan's `mcidSource` this short is named as written in the summary of findings' heading row. */
const SHORT_SOURCE = 40;

/** The source as a tag for the summary of findings' heading rows (page 1 has no room for a note). */
const TAG = {
  ruleOfThumb: { en: 'rule of thumb', da: 'tommelfingerregel' },
  plan: { en: 'plan\'s source', da: 'planens kilde' },
  planNoSource: { en: 'plan, no source', da: 'planen, uden kilde' },
} as const;

/**
 * The short source an SoF heading row names beside the MCID ("MCID 5 points, Ostelo 2008"): the
 * reference as first author and year, else what kind of source it is; the note under the table of
 * all effect estimates gives each in full.
 */
export function mcidSourceTag(outcome: Plan['outcomes'][number], plan: Pick<Plan, 'instruments'>, lang: Lang): string | undefined {
  const full = mcidSourceText(outcome, plan, lang, true);
  if (full === undefined) return undefined;
  if (full === TEXT.ruleOfThumb[lang]) return TAG.ruleOfThumb[lang];
  if (full === TEXT.planNoSource[lang]) return TAG.planNoSource[lang];
  // The plan's own short words ("plan assumption") as the note under the table gives them; a long
  // citation as "plan's source".
  const own = planSource(outcome, lang);
  if (own !== undefined) return own.length <= SHORT_SOURCE ? own : TAG.plan[lang];
  return full;
}

/**
 * The plan's `mcidSource` in the page's language: a text as written, or its `{ en, da }` form's
 * `da` on a Danish page (else its `en`); "et al." as "m.fl." on a Danish page. None: undefined.
 */
function planSource(outcome: Plan['outcomes'][number], lang: Lang): string | undefined {
  const s = outcome.mcidSource;
  const text = typeof s === 'string' ? s : s && (lang === 'da' ? s.da ?? s.en : s.en);
  return text ? citationIn(text, lang) : undefined;
}

/** The instrument's default is the range/20 heuristic (eq5d.ts words its source so). */
const RULE_OF_THUMB = /^range\/20 heuristic/;

/**
 * One outcome's MCID source in words: the plan's `mcidSource`; else, when the plan's MCID is the
 * instrument's published one (or the plan gives none), the instrument's; else the plan's, unsourced.
 */
export function mcidSourceText(outcome: Plan['outcomes'][number], plan: Pick<Plan, 'instruments'>, lang: Lang, short = false): string | undefined {
  const fromPlan = planSource(outcome, lang);
  if (fromPlan !== undefined) return TEXT.plan[lang].replace('{source}', fromPlan);
  const instrument = instrumentForOutcome(outcome, plan);
  const own = instrument.defaultMcid;
  if (outcome.mcid !== undefined && own?.absolute !== outcome.mcid) return TEXT.planNoSource[lang];
  if (!own?.absolute) return undefined;
  if (RULE_OF_THUMB.test(own.source)) return TEXT.ruleOfThumb[lang];
  // A plan-defined instrument's unsourced MCID (generic.ts names it 'analysis plan').
  if (own.source === 'analysis plan') return TEXT.planNoSource[lang];
  // The summary of findings is on page 1: its citation as first author and year ("Ostelo 2008").
  const year = /\b(?:19|20)\d\d\b/.exec(own.source)?.[0];
  return short && year ? `${own.source.split(/[\s,]/)[0]} ${year}` : citationIn(own.source, lang);
}

/**
 * The note: outcomes sharing a source named together, in plan order ("Disability (RMDQ 0–24),
 * Average pain (NRS 0–10): Ostelo RW et al. 2008 …; …"). `shown`: the outcomes whose rows carry
 * an MCID on this table. None: no note.
 */
export function mcidSourcesNote(plan: Pick<Plan, 'outcomes' | 'instruments'>, shown: ReadonlySet<string>, labelOf: (key: string) => string, lang: Lang): string[] {
  const bySource = new Map<string, string[]>();
  for (const o of plan.outcomes) {
    if (!shown.has(o.key)) continue;
    const source = mcidSourceText(o, plan, lang);
    if (source === undefined) continue;
    bySource.set(source, [...(bySource.get(source) ?? []), labelOf(o.key)]);
  }
  if (!bySource.size) return [];
  return [TEXT.head[lang].replace('{list}', [...bySource].map(([source, labels]) => `${labels.join(', ')}: ${source}`).join('; '))];
}
