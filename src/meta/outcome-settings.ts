/**
 * The MCID and direction a pooled outcome is judged with, and where each came from.
 *
 * MCID, first that applies:
 *   0. the report's meta entry's setting for this outcome (`outcomes.<key>.mcid` in the manifest:
 *      docs/manifest.md), any measure as `--mcid`, because it names the outcome;
 *   1. the plan outcome with the same key (case aside, sameKey below): its `mcid`, else its instrument's published default
 *      (difference measures MD and RD only: a plan MCID is in instrument units);
 *   2. `--mcid` (any measure; for RR/OR a ratio > 1, judged on the log scale as log(mcid);
 *      for SMD in SD units), with a warning naming each outcome whose instrument MCID it replaces;
 *   3. the instrument whose key equals the outcome key (rmdq, pseq, nrs, …), MD only.
 *   Otherwise none, and relevance is null.
 * Direction, first that applies: the meta entry's setting for the outcome; the plan outcome (its `direction`, else its instrument's);
 * the instrument whose key equals the outcome key; `--direction`; else the default:
 * higher-is-better for MD/SMD (benefit = difference as reported) and lower-is-better for
 * RR/OR/RD (events are usually adverse, as the `binary` instrument). A default direction is
 * warned about, because the sign of every benefit shown (and any verdict) depends on it: a
 * responder outcome counted as events would otherwise be shown as harm unsaid.
 */
import type { Direction } from '../instruments/instrument.js';
import { instruments } from '../instruments/registry.js';
import { directionForOutcome, instrumentForOutcome, mcidForOutcome } from '../plan/outcome-instrument.js';
import type { Plan } from '../plan/plan-schema.js';
import type { MetaOutcomeSetting } from './meta-results-schema.js';
import { isRatioMeasure, type MetaMeasure } from './read-studies.js';

/** A report's own setting for one outcome (the manifest meta entry's `outcomes`). */
export interface OutcomeEntry {
  mcid?: number;
  direction?: Direction;
  label?: { en: string; da?: string };
}

export interface SettingFlags {
  plan?: Plan;
  /** Per outcome key (case aside, as sameKey): the report entry's settings, first of all sources. */
  outcomes?: Readonly<Record<string, OutcomeEntry>>;
  mcid?: number;
  direction?: Direction;
  lang?: 'en' | 'da';
}

export function outcomeSetting(outcome: string, time: string, measure: MetaMeasure, flags: SettingFlags): { setting: MetaOutcomeSetting; warnings: string[] } {
  const warnings: string[] = [];
  const planOutcome = sameKey(flags.plan?.outcomes ?? [], (o) => o.key, outcome);
  const planInstrument = planOutcome ? instrumentForOutcome(planOutcome, flags.plan) : undefined;
  const instrumentKey = sameKey(Object.keys(instruments), (k) => k, outcome);
  const keyInstrument = instrumentKey !== undefined ? instruments[instrumentKey] : undefined;
  const differenceScale = measure === 'MD' || measure === 'RD';
  const entryKey = sameKey(Object.keys(flags.outcomes ?? {}), (k) => k, outcome);
  const entry = entryKey !== undefined ? flags.outcomes?.[entryKey] : undefined;

  let mcid: number | null = null;
  let mcidSource: MetaOutcomeSetting['mcidSource'] = null;
  const planMcid = planOutcome && planInstrument && differenceScale ? mcidForOutcome(planOutcome, planInstrument) : undefined;
  if (entry?.mcid !== undefined) {
    mcid = entry.mcid;
    mcidSource = 'manifest';
  } else if (planMcid !== undefined) {
    mcid = planMcid;
    mcidSource = 'plan';
    if (flags.mcid !== undefined) warnings.push(`${outcome}: the plan's MCID ${planMcid} is used; --mcid ${flags.mcid} applies only to outcomes the plan does not cover`);
  } else if (flags.mcid !== undefined) {
    mcid = flags.mcid;
    mcidSource = 'flag';
    // The flag outranks the instrument (docs/input-studies.md): said per outcome, because one
    // --mcid meant for another outcome (a ratio for responders) would silently judge this one.
    const own = measure === 'MD' ? keyInstrument?.defaultMcid?.absolute : undefined;
    if (own !== undefined && own !== flags.mcid) warnings.push(`${outcome}: --mcid ${flags.mcid} replaces the instrument's MCID ${own} (${instrumentKey}); leave --mcid out, or give a plan, to judge it against ${own}`);
  } else if (measure === 'MD' && keyInstrument?.defaultMcid?.absolute !== undefined) {
    mcid = keyInstrument.defaultMcid.absolute;
    mcidSource = 'instrument';
  }
  if (mcid !== null && isRatioMeasure(measure) && !(mcid > 1)) {
    warnings.push(`${outcome} (${measure}): MCID ${mcid} is not a ratio > 1; no relevance judgement`);
    mcid = null;
    mcidSource = null;
  }

  // A risk difference is a difference of proportions: an MCID of 1 or more is percentage points
  // written as such (`--mcid 10`), which would call every difference "not relevant" (a plan's is
  // refused by parsePlan for the same reason: plan/binary-outcome-checks.ts).
  let mcidIgnored: number | undefined;
  if (mcid !== null && measure === 'RD' && mcid >= 1) {
    warnings.push(`${outcome} (RD): MCID ${mcid} is not a difference of proportions below 1 (0.1 = 10 percentage points); no relevance judgement`);
    // The header says it was ignored and what to write, rather than "no MCID set".
    mcidIgnored = mcid;
    mcid = null;
    mcidSource = null;
  }

  let direction: Direction;
  let directionSource: MetaOutcomeSetting['directionSource'];
  if (entry?.direction !== undefined) {
    direction = entry.direction;
    directionSource = 'manifest';
  } else if (planOutcome && planInstrument) {
    direction = directionForOutcome(planOutcome, planInstrument);
    directionSource = 'plan';
  } else if (keyInstrument) {
    direction = keyInstrument.direction;
    directionSource = 'instrument';
  } else if (flags.direction) {
    direction = flags.direction;
    directionSource = 'flag';
  } else {
    direction = measure === 'MD' || measure === 'SMD' ? 'higher-is-better' : 'lower-is-better';
    directionSource = 'default';
    warnings.push(`${outcome}: direction not known from a plan or instrument; ${direction} assumed (set --direction, or "direction" under "outcomes" in a report's meta entry)`);
  }
  const named = entry?.label ?? planOutcome?.label;
  const label = named ? (flags.lang === 'da' ? (named.da ?? named.en) : named.en) : null;
  return { setting: { outcome, label, time, measure, mcid, mcidSource, ...(mcidIgnored !== undefined ? { mcidIgnored } : {}), direction, directionSource }, warnings };
}

/**
 * The entry whose key is `outcome`, else the one entry whose key differs from it only in case:
 * a studies file written `RMDQ` means the plan's `rmdq` (and its lower-is-better direction), not
 * an unknown outcome judged higher-is-better by default. Two entries equal but for case: none.
 */
export function sameKey<T>(entries: readonly T[], keyOf: (e: T) => string, outcome: string): T | undefined {
  const exact = entries.find((e) => keyOf(e) === outcome);
  if (exact !== undefined) return exact;
  const folded = entries.filter((e) => keyOf(e).toLowerCase() === outcome.toLowerCase());
  return folded.length === 1 ? folded[0] : undefined;
}
