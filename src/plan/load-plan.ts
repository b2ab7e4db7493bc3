/** Reads and validates an analysis plan, checking cross-references zod alone cannot see. */
import { outcomeTimepoints } from './outcome-timepoints.js';
import { ownValue } from '../own-value.js';
import { looseArmKey } from '../trial/arm-spellings.js';
import { readJsonFile, jsonProblems, locateProblems } from '../io/read-json.js';
import { zodShapeHint } from '../io/zod-shape.js';
import { nfc } from '../io/nfc.js';
import { HtaError, type Problem } from '../errors.js';
import { instruments } from '../instruments/registry.js';
import { valueSetExpected } from '../instruments/eq5d.js';
import { instrumentForOutcome, mcidForOutcome, scaleOf } from './outcome-instrument.js';
import { type Plan, planSchema } from './plan-schema.js';
import type { Instrument } from '../instruments/instrument.js';
import { designProblems, withObservationalDesign } from '../observational/observational-plan.js';
import { binaryOutcomeProblems, checkboxFieldProblems } from './binary-outcome-checks.js';
import { mcidRangeProblem } from './mcid-range.js';
import { responderPointsProblem } from './responder-points.js';
import { isListedNotWithdrawn } from '../trial/withdrawal-status.js';
import { notRandomisedValueTest } from '../trial/not-randomised-values.js';
import { foldColumnName } from '../trial/column-resolver.js';
import { marginShareChecks } from './margin-shares.js';
import { prototypeKeyIssues } from './prototype-keys.js';
import { ownKeyRecords } from './own-key-records.js';
import { WIDE_IGNORE_EXPECTED } from '../trial/ignored-visits.js';
import { auxiliaryProblems } from './auxiliary-checks.js';
import { followUpVisitsOf, MMRM_MIN_VISITS } from './follow-up-visits.js';

/** Each parsed plan's JSON, so checks against the data can give a plan field its line:column. */
const sources = new WeakMap<Plan, unknown>();

/** Notes on what loading changed (margin shares rescaled to sum to 1): printed by the commands that read the plan. */
const loadNotes = new WeakMap<Plan, string[]>();

export function planNotes(plan: Plan): string[] {
  return loadNotes.get(plan) ?? [];
}

/** Problems in plan fields found after loading (e.g. against the export), with the field's line:column. */
export function locatePlanProblems(plan: Plan, problems: Problem[]): Problem[] {
  const json = sources.get(plan);
  return json === undefined ? problems : locateProblems(json, problems);
}

/** How a plan is read: `mcidOptional` for a command that judges nothing (`hta score`), which needs no outcome's MCID. */
export interface PlanReadOptions {
  mcidOptional?: boolean;
}

export function loadPlanFile(file: string, options: PlanReadOptions = {}): Plan {
  return parsePlan(readJsonFile(file, 'plan'), file, options);
}

export function parsePlan(json: unknown, file = '<plan>', options: PlanReadOptions = {}): Plan {
  const parsed = planSchema.safeParse(json);
  // A "__proto__" key of a map the schema passed over without a word (prototype-keys.ts).
  const protoKeys = prototypeKeyIssues(json, parsed.success ? [] : parsed.error.issues);
  if (!parsed.success || protoKeys.length) {
    const issues = [...(parsed.success ? [] : parsed.error.issues), ...protoKeys];
    throw new HtaError('plan.invalid', `${file} is not a valid analysis plan`, jsonProblems(json, issues, file, zodShapeHint(planSchema)).map((p) => pooledArmProblem(json, p)));
  }
  // Every map keyed by the user's names without a prototype: no lookup finds Object's "constructor" (own-key-records.ts).
  const plan = withObservationalDesign(ownKeyRecords(planSchema, parsed.data));
  const problems: Problem[] = designProblems(json, plan, file);
  const keys = new Set<string>();
  for (const key of Object.keys(plan.instruments)) {
    if (Object.hasOwn(instruments, key)) problems.push({ file, field: `instruments.${key}`, value: key, expected: `a key that is not a built-in instrument (${Object.keys(instruments).join(', ')})` });
  }
  for (const [key, spec] of Object.entries(plan.instruments)) {
    const p = spec.mcid === undefined || !(spec.range[0] < spec.range[1]) ? undefined : mcidRangeProblem(spec.mcid, spec.range, `the plan's instrument "${key}"`, `instruments.${key}.mcid`, file);
    if (p) problems.push(p);
  }
  plan.outcomes.forEach((o, i) => {
    if (keys.has(o.key)) problems.push({ file, field: `outcomes.${i}.key`, value: o.key, expected: 'a key used once' });
    keys.add(o.key);
    const custom = Object.hasOwn(plan.instruments, o.instrument) && !Object.hasOwn(instruments, o.instrument);
    let inst = custom ? instrumentForOutcome(o, plan) : ownValue(instruments, o.instrument);
    if (custom && o.items !== undefined) {
      problems.push({ file, field: `outcomes.${i}.items`, expected: `no item columns: the plan's instrument "${o.instrument}" is read from one score column ("column")` });
    }
    if (inst && !custom && o.items !== undefined) problems.push(...itemProblems(o.items, inst, file, i));
    if (inst && !custom && o.valueSet !== undefined) {
      try {
        inst = instrumentForOutcome(o);
      } catch (err) {
        // An EQ-5D set of the other version, or none hta has: said with the sets to use (eq5d.ts).
        const version = o.instrument === 'eq5d5l' || o.instrument === 'eq5d3l' ? o.instrument : undefined;
        problems.push({ file, field: `outcomes.${i}.valueSet`, value: o.valueSet, expected: version ? valueSetExpected(version, o.valueSet) : err instanceof HtaError ? err.message : String(err) });
      }
    }
    if (!inst) {
      const plans = Object.keys(plan.instruments);
      problems.push({ file, field: `outcomes.${i}.instrument`, value: o.instrument, expected: `one of ${[...Object.keys(instruments), ...plans].join(', ')}${plans.length ? '' : ', or a key of the plan\'s "instruments"'}` });
    } else if (inst.kind === 'continuous' && mcidForOutcome(o, inst) === undefined) {
      // Scoring computes no verdict: a plan drafted without the 3L's MCID is scored as it is.
      if (!options.mcidOptional) problems.push({ file, field: `outcomes.${i}.mcid`, expected: `an MCID: ${inst.name.en} has no published default, so the plan must set one` });
    } else if (inst.kind === 'binary') {
      problems.push(...binaryOutcomeProblems(o, file, i));
    } else if (o.mcid !== undefined) {
      const p = mcidRangeProblem(o.mcid, inst.range, `outcome "${o.key}" (${inst.name.en})`, `outcomes.${i}.mcid`, file);
      if (p) problems.push(p);
    }
    problems.push(...checkboxFieldProblems(o, inst, file, i));
  });
  plan.responders.forEach((r, i) => {
    const o = plan.outcomes.find((x) => x.key === r.outcome);
    // One lookup serves both checks: a plan's own instrument is continuous, so only a built-in one is binary.
    const scale = o && scaleOf(o, plan);
    if (!o) problems.push({ file, field: `responders.${i}.outcome`, value: r.outcome, expected: `an outcome key of this plan (${[...keys].join(', ')})` });
    else if (scale?.kind === 'binary') {
      problems.push({ file, field: `responders.${i}.outcome`, value: r.outcome, expected: 'a continuous outcome (responders are defined by improvement)' });
    } else {
      const p = responderPointsProblem(r.points, scale, o.key, `responders.${i}.points`, file);
      if (p) problems.push(p);
    }
  });
  if (plan.primary) {
    if (!keys.has(plan.primary.outcome)) problems.push({ file, field: 'primary.outcome', value: plan.primary.outcome, expected: 'an outcome key of this plan' });
    if (!plan.timepoints.includes(plan.primary.time)) problems.push({ file, field: 'primary.time', value: plan.primary.time, expected: `one of the timepoints (${plan.timepoints.join(', ')})` });
  }
  const pop = plan.population;
  const typed = [...new Set([...plan.covariates, ...plan.subgroups.map((g) => g.column), ...(pop?.criteria ?? []).map((c) => c.column), ...(pop?.margins ?? []).map((m) => m.column), ...(pop?.targetSample?.model ?? []), ...(plan.missing.auxiliary ?? [])])];
  for (const name of Object.keys(plan.covariateTypes ?? {})) {
    if (!typed.includes(name)) problems.push({ file, field: `covariateTypes.${name}`, value: name, expected: `a covariate of the plan's "covariates", or a column its "subgroups", "population" or "missing": { "auxiliary" } name (${typed.length ? typed.join(', ') : 'none'})` });
  }
  problems.push(...auxiliaryProblems(plan, file));
  // A recode or a column mapping under a name the model lacks would be ignored without a word
  // (docs/subgroups.md#inverse-odds-weights): both are keyed by the model's (the export's) names.
  const sampleModel = pop?.targetSample?.model ?? [];
  for (const key of ['recode', 'columns'] as const) {
    for (const name of Object.keys(pop?.targetSample?.[key] ?? {})) {
      if (!sampleModel.includes(name)) problems.push({ file, field: `population.targetSample.${key}.${name}`, value: name, expected: `a column of "targetSample.model" (${sampleModel.map((c) => JSON.stringify(c)).join(', ')}): the ${key === 'recode' ? 'recode' : 'mapping'} is keyed by the model's (the trial export's) column names, not the target file's` });
    }
  }
  if (Object.hasOwn(plan.columns.covariates, plan.columns.id)) problems.push({ file, field: 'columns.covariates', value: plan.columns.id, expected: 'a covariate name that is not the id column' });
  if (plan.timepoints.includes(plan.baseline)) problems.push({ file, field: 'timepoints', value: plan.baseline, expected: 'follow-up times only (the baseline is analysed as a covariate)' });
  if (plan.design === 'randomised' && plan.arms.control !== '' && plan.arms.intervention === plan.arms.control) problems.push({ file, field: 'arms', value: plan.arms.control, expected: 'different values for the two arms' });
  // Arms in REDCap event names exist only in a long export (observational plans refuse the field: observational-plan.ts).
  if (plan.armSource === 'redcap-event' && plan.layout === 'wide') problems.push({ file, field: 'armSource', value: 'redcap-event', expected: 'a long export (one row per REDCap event): "armSource": "redcap-event" reads the arm from the event names, which a wide export has not; remove "layout": "wide"' });
  problems.push(...otherArmProblems(plan, file));
  problems.push(...clusterProblems(plan, file));
  // A stratification factor is adjusted for: it is one of the covariates (docs/plan-trial.md#stratification-factors).
  (plan.stratificationFactors ?? []).forEach((f, i) => {
    if (!plan.covariates.includes(f)) problems.push({ file, field: `stratificationFactors.${i}`, value: f, expected: `one of the plan's "covariates" (${plan.covariates.length ? plan.covariates.map((c) => JSON.stringify(c)).join(', ') : 'none'}): a stratification factor of the randomisation is adjusted for — add ${JSON.stringify(f)} to "covariates"` });
  });
  // A per-protocol population is the trial's own adherent patients: nothing to reweight to (docs/plan-trial.md#per-protocol-and-itt).
  if (pop?.purpose === 'per-protocol') {
    for (const field of ['margins', 'targetSample'] as const) {
      if (pop[field] !== undefined) problems.push({ file, field: `population.${field}`, expected: `no "${field}" with "purpose": "per-protocol": reweighting the trial to a target population's make-up belongs to a target population ("purpose": "target"); a per-protocol analysis compares the adherent patients as they are` });
    }
  }
  // No criteria: the population is every randomised patient, which says something only when transported
  // to a target's make-up (docs/subgroups.md#target-population).
  if (pop && pop.criteria.length === 0 && (pop.purpose === 'per-protocol' || (pop.margins === undefined && pop.targetSample === undefined))) {
    problems.push({
      file, field: 'population.criteria',
      expected: pop.purpose === 'per-protocol'
        ? 'at least one criterion: a per-protocol population is the patients who meet them (e.g. [{"column": "pp", "op": "==", "value": 1}])'
        : 'at least one criterion, or "margins" or "targetSample": without criteria the population is the whole trial, which only a transport to the target\'s make-up makes a population of its own',
    });
  }
  problems.push(...flowProblems(plan, file));
  problems.push(...ignoredVisitProblems(plan, file));
  if (plan.layout === 'wide' && plan.ignoreTimepoints?.length) problems.push({ file, field: 'ignoreTimepoints', value: plan.ignoreTimepoints[0]!, expected: WIDE_IGNORE_EXPECTED });
  const margins = marginShareChecks(plan, file);
  problems.push(...margins.problems);
  problems.push(...valuesInNfc(plan, file));
  // An outcome's own visits are compared with the plan's in one Unicode form (NFC, above): "3 måneder"
  // typed on a Mac is the plan's "3 måneder" typed on Windows.
  problems.push(...outcomeTimepointProblems(plan, file));
  const primary = plan.primary;
  if (primary && plan.timepoints.includes(primary.time)) {
    const own = outcomeTimepoints(plan, primary.outcome);
    if (own.length && !own.includes(primary.time)) problems.push({ file, field: 'primary.time', value: primary.time, expected: `a visit at which outcome "${primary.outcome}" is measured (its "timepoints": ${own.join(', ')})` });
  }
  problems.push(...mmrmVisitProblems(plan, file));
  if (problems.length) throw new HtaError('plan.invalid', `${file} is not a valid analysis plan`, locateProblems(json, problems));
  sources.set(plan, json);
  if (margins.notes.length) loadNotes.set(plan, margins.notes);
  return plan;
}


/**
 * `"mmrm"` in `methods` models the follow-up visits jointly: it needs 2 of them, counted as the
 * model counts them (`allTimepoints` after the baseline, follow-up-visits.ts). Here, not after the
 * export is read, so `plan check` and `validate` refuse what `analyze` would.
 */
function mmrmVisitProblems(plan: Plan, file: string): Problem[] {
  if (!plan.methods.includes('mmrm')) return [];
  const visits = followUpVisitsOf(plan);
  if (visits.length >= MMRM_MIN_VISITS) return [];
  const listed = visits.length ? ` (${visits.map((v) => JSON.stringify(v)).join(', ')})` : '';
  return [{ file, field: 'methods', value: 'mmrm', expected: `at least ${MMRM_MIN_VISITS} follow-up visits for "mmrm", which models them jointly; the plan has ${visits.length}${listed} — add the other follow-up visits to "timepoints", or to "allTimepoints" for visits without an effect row of their own, or remove "mmrm" from "methods"` }];
}

/**
 * A visit to read past (docs/plan-trial.md#visits-left-out) that is also one the plan analyses or
 * lists: its rows cannot be both. Compared by label, after "timeLabels".
 */
function ignoredVisitProblems(plan: Plan, file: string): Problem[] {
  const visits = new Set([plan.baseline, ...plan.timepoints, ...(plan.allTimepoints ?? [])].map(nfc));
  return (plan.ignoreTimepoints ?? []).flatMap((v, i) => {
    const label = nfc(ownValue(plan.timeLabels, v) ?? ownValue(plan.timeLabels, nfc(v)) ?? v);
    return visits.has(label) ? [{ file, field: `ignoreTimepoints.${i}`, value: v, expected: `a visit the plan does not analyse: "${label}" is ${label === plan.baseline ? 'the baseline' : plan.timepoints.includes(label) ? 'one of "timepoints"' : 'one of "allTimepoints"'} — remove it there or here` }] : [];
  });
}

/**
 * The plan's export values (arm values, visits and their labels) in NFC, as the export's are
 * compared (docs/input-trial-export.md "Numbers or categories"): a plan drafted from a file macOS
 * saved (`3 måneder` decomposed) reads the same export saved by Windows, and the other way round.
 * Two `timeLabels` keys that are one text in two forms must agree on the label.
 */
/**
 * An outcome's own "timepoints" (docs/plan-trial.md#outcome-timepoints) are some of the plan's
 * follow-up visits: a visit the plan does not analyse, the baseline, or one named twice is refused.
 */
function outcomeTimepointProblems(plan: Plan, file: string): Problem[] {
  return plan.outcomes.flatMap((o, i) =>
    (o.timepoints ?? []).flatMap((t, j): Problem[] => {
      const field = `outcomes.${i}.timepoints.${j}`;
      if (t === plan.baseline) return [{ file, field, value: t, expected: `a follow-up visit of the plan's "timepoints" (${plan.timepoints.join(', ')}): the baseline is every outcome's, analysed as a covariate` }];
      if (!plan.timepoints.includes(t)) return [{ file, field, value: t, expected: `one of the plan's "timepoints" (${plan.timepoints.join(', ')}): an outcome is measured at some of the plan's follow-up visits — add "${t}" to the plan's "timepoints" or take it out here` }];
      if (o.timepoints!.indexOf(t) !== j) return [{ file, field, value: t, expected: 'each visit once' }];
      return [];
    }),
  );
}

function valuesInNfc(plan: Plan, file: string): Problem[] {
  const problems: Problem[] = [];
  plan.arms = { intervention: nfc(plan.arms.intervention), control: nfc(plan.arms.control) };
  const labels: Record<string, string> = {};
  for (const [key, label] of Object.entries(plan.timeLabels)) {
    const k = nfc(key);
    const l = nfc(label);
    if (Object.hasOwn(labels, k) && labels[k] !== l) problems.push({ file, field: `timeLabels.${key}`, value: key, expected: `one label for one visit value: ${JSON.stringify(key)} is the same text as another key written in another Unicode form (as macOS and Windows save "å"), which maps it to ${JSON.stringify(labels[k])}` });
    else labels[k] = l;
  }
  plan.timeLabels = labels;
  plan.baseline = nfc(plan.baseline);
  plan.timepoints = plan.timepoints.map(nfc);
  if (plan.allTimepoints) plan.allTimepoints = plan.allTimepoints.map(nfc);
  if (plan.ignoreTimepoints) plan.ignoreTimepoints = plan.ignoreTimepoints.map(nfc);
  plan.outcomes = plan.outcomes.map((o) => (o.timepoints ? { ...o, timepoints: o.timepoints.map(nfc) } : o));
  if (plan.primary) plan.primary = { ...plan.primary, time: nfc(plan.primary.time) };
  return problems;
}

/**
 * The enrolment numbers come as a pair: patients assessed and those excluded by reason (their sum
 * with the randomised patients is checked against the export in check-content.ts); each reason once.
 */
function flowProblems(plan: Plan, file: string): Problem[] {
  const f = plan.flow;
  if (!f) return [];
  const problems: Problem[] = [];
  if (f.excluded !== undefined && f.assessed === undefined) problems.push({ file, field: 'flow', expected: '"assessed": the number of patients assessed for eligibility, to go with "excluded"' });
  if (f.assessed !== undefined && f.excluded === undefined) {
    problems.push({ file, field: 'flow.assessed', value: String(f.assessed), expected: '"excluded" beside it: the patients assessed but not randomised, by reason, e.g. [{ "reason": "Declined to participate", "n": 59 }]' });
  }
  const seen = new Set<string>();
  (f.excluded ?? []).forEach((e, i) => {
    const text = typeof e.reason === 'string' ? e.reason : e.reason.en;
    if (seen.has(text)) problems.push({ file, field: `flow.excluded.${i}.reason`, value: text, expected: 'each reason once (add their numbers)' });
    seen.add(text);
  });
  // The export's participants never randomised are one more line of the "Excluded" box, beside the plan's reasons.
  const notRandomised = f.notRandomised === undefined ? undefined : typeof f.notRandomised === 'string' ? f.notRandomised : f.notRandomised.en;
  if (notRandomised !== undefined && seen.has(notRandomised)) problems.push({ file, field: 'flow.notRandomised', value: notRandomised, expected: `a reason other than those of "excluded": the export's participants never randomised are counted under it beside the plan's excluded numbers, not added to them` });
  // A value cannot mean both "withdrew, for this reason" and "did not withdraw"; "notWithdrawn"
  // matches the export folded (case, blanks: withdrawal-status.ts), so "completed" is "Completed" here too.
  const reasons = Object.keys(f.withdrawalReasons ?? {});
  (f.notWithdrawn ?? []).forEach((v, i) => {
    const reason = reasons.find((r) => isListedNotWithdrawn(r, [v]));
    if (reason !== undefined) problems.push({ file, field: `flow.notWithdrawn.${i}`, value: v, expected: `a value that means the patient did not withdraw: "${reason}" is also a reason in "withdrawalReasons" — keep it in one of the two` });
  });
  // Arm values read as "never randomised" are counted under "notRandomised": it names their reason.
  // A value that is also an arm the plan compares or lists in "otherArms" cannot be both.
  if (f.notRandomisedValues !== undefined && f.notRandomised === undefined) problems.push({ file, field: 'flow.notRandomisedValues', expected: '"notRandomised" beside it: the reason their participants are counted under in the participant flow, e.g. "notRandomised": { "en": "Not randomised", "da": "Ikke randomiseret" }' });
  const armed = [plan.arms.intervention, plan.arms.control, ...(plan.otherArms ?? []).map((a) => (typeof a === 'string' ? a : a.value))];
  (f.notRandomisedValues ?? []).forEach((v, i) => {
    const arm = armed.find((a) => notRandomisedValueTest({ flow: { notRandomisedValues: [v] } })(a));
    if (arm !== undefined) problems.push({ file, field: `flow.notRandomisedValues.${i}`, value: v, expected: `a value that means the participant was never randomised: "${arm}" is also an arm of the plan ("arms" or "otherArms") — keep it in one of the two` });
  });
  if (f.notRandomised !== undefined && plan.design === 'observational') problems.push({ file, field: 'flow.notRandomised', expected: 'no "notRandomised" in an observational plan: nobody in a registry extract is randomised' });
  return problems;
}

/** The outcome's `items` must fit its instrument: as many columns as items; dimension names only for EQ-5D. */
function itemProblems(items: NonNullable<Plan['outcomes'][number]['items']>, inst: Instrument, file: string, i: number): Problem[] {
  const field = `outcomes.${i}.items`;
  if (!inst.items) return [{ file, field, expected: `no item columns: ${inst.name.en} is read from a score column` }];
  const count = inst.items.columns('x').length;
  if (Array.isArray(items) && items.length !== count) {
    return [{ file, field, value: `${items.length} columns`, expected: `${count} item columns for ${inst.name.en}, in item order` }];
  }
  if (typeof items === 'object' && !Array.isArray(items) && !inst.key.startsWith('eq5d')) {
    return [{ file, field, expected: `a prefix, a pattern with {i} or a list of ${count} columns (dimension names are for EQ-5D only)` }];
  }
  return [];
}

/**
 * Two arm values pooled into one role (`"intervention": ["1", "2"]`): not supported, and the
 * generic "not a list" says neither that nor what to do instead (docs/plan-trial.md#pooling-arms).
 */
function pooledArmProblem(json: unknown, p: Problem): Problem {
  const role = p.field === 'arms.intervention' ? 'intervention' : p.field === 'arms.control' ? 'control' : undefined;
  const arms = role && json !== null && typeof json === 'object' ? (json as { arms?: Record<string, unknown> }).arms : undefined;
  const value = arms?.[role!];
  if (!Array.isArray(value)) return p;
  return { ...p, expected: `one arm value in double quotes: pooling arms (${value.map((v) => JSON.stringify(v)).join(' and ')}) into one ${role} arm is not supported — compare each arm on its own (one plan per comparison, the others in "otherArms"), or give the pooled arms one value in a copy of the export and name that value here (docs/plan-trial.md#pooling-arms)` };
}

/**
 * `otherArms` names arms of a randomised export that the plan does not compare
 * (docs/plan-trial.md#other-arms): never one of the two it compares (as the arm values are
 * matched: case, blanks, zero decimals), and not in an observational plan, whose exposure has two levels.
 */
function otherArmProblems(plan: Plan, file: string): Problem[] {
  const list = plan.otherArms ?? [];
  if (!list.length) return [];
  if (plan.design === 'observational') return [{ file, field: 'otherArms', expected: 'no "otherArms" in an observational plan: its exposure has the two levels of "observational"; leave rows of other levels out of the registry extract' }];
  const compared = new Map([[looseArmKey(plan.arms.intervention), 'intervention'], [looseArmKey(plan.arms.control), 'control']]);
  // What the pages call each compared arm: its labels, and its value as written. An arm not
  // compared that is called the same (a label left behind when values were swapped between
  // "arms" and "otherArms") would be drawn as "Allocated to Usual care … (not in this comparison)"
  // beside the real Usual care arm (arm-label-check.ts refuses the same slip in "armLabels").
  const nameKey = (s: string) => s.normalize('NFC').trim().toLowerCase();
  const names = new Map<string, 'intervention' | 'control'>();
  for (const arm of ['intervention', 'control'] as const) {
    for (const n of [plan.arms[arm], plan.armLabels?.[arm].en, plan.armLabels?.[arm].da]) if (n !== undefined && !names.has(nameKey(n))) names.set(nameKey(n), arm);
  }
  return list.flatMap((a, i) => {
    const value = typeof a === 'string' ? a : a.value;
    const arm = compared.get(looseArmKey(value));
    if (arm !== undefined) return [{ file, field: typeof a === 'string' ? `otherArms.${i}` : `otherArms.${i}.value`, value, expected: `an arm the plan does not compare: "${value}" is its ${arm} arm in "arms"; list in "otherArms" only the export's other arms (e.g. the third arm of a three-arm trial)` }];
    const shown = typeof a === 'string' || !a.label ? [['', value] as const] : (['en', 'da'] as const).flatMap((lang) => (a.label![lang] === undefined ? [] : [[lang, a.label![lang]!] as const]));
    for (const [lang, name] of shown) {
      const same = names.get(nameKey(name));
      if (same === undefined) continue;
      const field = lang === '' ? (typeof a === 'string' ? `otherArms.${i}` : `otherArms.${i}.value`) : `otherArms.${i}.label.${lang}`;
      return [{ file, field, value: name, expected: `a name of arm "${value}" of its own: "${name}" is what the plan calls its ${same} arm "${plan.arms[same]}", so the pages would name two arms alike (a label left behind when values were swapped between "arms" and "otherArms"?). Write the name of arm "${value}" in "otherArms" (docs/plan-trial.md#other-arms)` }];
    }
    return [];
  });
}

/**
 * "clusters" names the unit randomised (docs/plan-trial.md#cluster-randomised-trials): a column
 * of its own — not the id, arm or time, and not a covariate (a practice is in one arm, so its
 * indicators in the ANCOVA would repeat the arm's); "notClusters" never lists it; an
 * observational plan has no randomisation to cluster.
 */
function clusterProblems(plan: Plan, file: string): Problem[] {
  const c = plan.clusters;
  const problems: Problem[] = [];
  if (c !== undefined && plan.design === 'observational') problems.push({ file, field: 'clusters', value: c, expected: 'no "clusters" in an observational plan: it names the unit of a cluster-randomised trial' });
  if (c === undefined) return problems;
  const role = c === plan.columns.id ? 'the patient id' : c === plan.columns.arm ? 'the arm' : c === plan.columns.time ? 'the time' : undefined;
  if (role) problems.push({ file, field: 'clusters', value: c, expected: `the column of the unit randomised (the practice, the ward), not ${role} column` });
  // Folded as the header is matched (column-resolver.ts): "Praksis" or " praksis " reads the same column,
  // and would otherwise reach the export as a numbered place column or a covariate nested in the arm.
  const same = (name: string | undefined) => name !== undefined && foldColumnName(name) === foldColumnName(c);
  const covariate = plan.covariates.find((name) => same(Object.hasOwn(plan.columns.covariates, name) ? plan.columns.covariates[name] : name));
  if (covariate !== undefined) problems.push({ file, field: 'covariates', value: covariate, expected: `no covariate reading the "clusters" column "${c}": each cluster lies in one arm, so its levels in the ANCOVA would repeat the arm — the cluster-robust standard errors account for the clusters; remove "${covariate}" from "covariates"` });
  const listed = (plan.notClusters ?? []).indexOf(c);
  if (listed >= 0) problems.push({ file, field: `notClusters.${listed}`, value: c, expected: `a column other than the "clusters" column "${c}": it cannot be both the unit randomised and not one` });
  return problems;
}
