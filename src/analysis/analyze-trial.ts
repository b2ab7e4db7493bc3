/**
 * `hta analyze`: per outcome × follow-up time × method, the between-group difference with its CI,
 * judged against the MCID. A row that cannot be computed (too few patients, singular design)
 * carries an `error` and null numbers; the other rows are still computed.
 */
import { measuredAt, outcomeFollowUps, outcomeTimepoints } from '../plan/outcome-timepoints.js';
import { HtaError } from '../errors.js';
import type { Instrument } from '../instruments/instrument.js';
import { directionForOutcome, mcidForOutcome } from '../plan/outcome-instrument.js';
import type { EffectMethod, PlanOutcome } from '../plan/plan-schema.js';
import { describeByArm } from '../trial/describe-by-arm.js';
import { followUpValues, outcomePairs } from '../trial/outcome-pairs.js';
import { participantFlowOf } from './participant-flow.js';
import { LEAVES_OUT, notAnalysedAt } from './not-analysed.js';
import { countResponders, isResponder } from '../trial/responders.js';
import { followUpByPatient } from '../trial/outcome-pairs.js';
import { clusteredAncova, clusteredDifference, clustersAllocated, clustersById, notClustered } from './cluster-effects.js';
import type { Direction } from '../instruments/instrument.js';
import { type Arm, ARMS, armCounts, type TrialData, withObservedPatients } from '../trial/trial-data.js';
import { summarizeTrial } from '../trial/summarize-trial.js';
import { adverseEventSummary } from './adverse-event-summary.js';
import { binaryEffect } from './binary-effect.js';
import { continuousEffect } from './continuous-effect.js';
import { labelOf, row } from './judged-row.js';
import { subgroupWarnings } from './subgroup-warnings.js';
import { subgroupAnalyses } from './subgroup-effects.js';
import { filterPopulation } from '../trial/population-filter.js';
import { transportedEffects } from './transported-effect.js';
import { inverseOddsEffects } from './inverse-odds-transport.js';
import type { TargetSample } from '../trial/target-sample.js';
import type { AnalysisResult, EffectRow, MissingnessRow, Sensitivity, TargetPopulation } from './results-schema.js';
import { imputeOutcome, type MiRun, miEffect, mmrmEffects, monteCarloWarning, observedVisits, tippingPointFor, tippingResult, verdictEdgeWarnings } from './missing-data-effects.js';
import { applicableAt, imputationWide, MAX_IMPUTED_LEVELS, type ImputationWide, outcomeWide, type OutcomeWide } from '../trial/outcome-wide.js';
import { otherArmJson } from '../trial/other-arms.js';
import { wordMissingCodeNotes } from '../trial/word-missing-codes.js';
import { twoValueScaleNotes } from '../trial/two-value-scales.js';
import { narrowScaleNotes } from '../trial/narrow-scales.js';
import { roundedScoreWarnings } from '../trial/scientific-cells.js';
import { smallExpectedWarnings } from './small-expected-counts.js';
import { emptyOutcomeText } from '../trial/empty-outcomes.js';
import { transportsWholeTrial } from './whole-trial-transport.js';
import { singleAnswerWarnings } from './single-answer-warnings.js';
import { trialWarningTexts } from './trial-warning-texts.js';
import { MAX_RELATIVE_WEIGHT } from './extreme-weights.js';
import { numericLevelsWarning } from './subgroup-levels.js';
import { followUpVisitsOf, MMRM_MIN_VISITS } from '../plan/follow-up-visits.js';

export interface AnalyzeOptions {
  version: string;
  /** Progress of multiple imputation (done of total chain iterations). */
  onImputationProgress?: (done: number, total: number) => void;
  bootstrap?: { replicates: number; seed: number; onProgress?: (done: number, total: number) => void };
  /** The plan's `population.targetSample`, read (trial/target-sample.ts): adds the inverse-odds transported rows. */
  targetSample?: TargetSample;
  /**
   * How the results name the export: `input.file` and the warnings about its columns (`x.csv:
   * outcome "odi" …`). `hta report` gives its last name (docs/manifest.md: the same bytes from any
   * folder, no folder shown); otherwise the file as given.
   */
  inputName?: string;
}

/** The value stored under `key`, computed and stored on first use (a failed computation is not stored). */
function once<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}

/** Shared per-trial data: each outcome's wide table, MMRM fit, imputation run and outcome × time vectors, built once. */
function trialContext(trial: TrialData, options: AnalyzeOptions) {
  const plan = trial.plan;
  const confLevel = 1 - plan.alpha;
  const caches = { wide: new Map<string, OutcomeWide>(), miWide: new Map<string, ImputationWide>(), mmrm: new Map<string, ReturnType<typeof mmrmEffects>>(), mi: new Map<string, MiRun>() };
  const pairsCache = new Map<string, ReturnType<typeof outcomePairs>>();
  const followCache = new Map<string, ReturnType<typeof followUpValues>>();
  const wideOf = (key: string) => once(caches.wide, key, () => outcomeWide(trial, key));
  // MI keeps the patients missing a numeric covariate (imputed with the follow-ups); MMRM does not.
  const miWideOf = (key: string) => once(caches.miWide, key, () => imputationWide(trial, key));
  const pairsAt = (key: string, time: string) => once(pairsCache, `${key}\u0000${time}`, () => outcomePairs(trial, key, time));
  const followAt = (key: string, time: string) => once(followCache, `${key}\u0000${time}`, () => followUpValues(trial, key, time));
  const mmrmAt = (key: string, time: string) => {
    // The sensitivity table asks for MMRM even when the plan does not: with one follow-up visit
    // (of `allTimepoints`, as the model counts them) there is nothing to model jointly, so that
    // row is skipped with a warning (not an error).
    // An outcome measured at some of the plan's visits is modelled at those (outcome-timepoints.ts).
    const followUps = outcomeFollowUps(plan, key);
    const own = plan.outcomes.find((o) => o.key === key)?.timepoints !== undefined;
    if (followUps.length < MMRM_MIN_VISITS && own) throw new HtaError('analysis.failed', `MMRM needs at least ${MMRM_MIN_VISITS} follow-up visits; outcome ${key} is measured at ${followUps.length} (${followUps.join(', ')}), so this row is skipped`);
    if (followUps.length < MMRM_MIN_VISITS) throw new HtaError('analysis.failed', `MMRM needs at least ${MMRM_MIN_VISITS} follow-up visits; the plan has ${followUps.length} (${followUps.join(', ')}), so this row is skipped`);
    if (!observedVisits(wideOf(key)).includes(time)) throw new HtaError('analysis.failed', `no patient was observed at ${time}`);
    const est = once(caches.mmrm, key, () => mmrmEffects(wideOf(key), outcomeTimepoints(plan, key), confLevel)).get(time);
    if (!est) throw new HtaError('analysis.failed', `no patient was observed at ${time}`);
    return est;
  };
  // An outcome that does not apply to some patients is imputed per visit among those to whom it
  // applies (outcome-wide.ts `applicableAt`); any other outcome once, every visit jointly.
  const miWideAt = (key: string, time: string) => applicableAt(miWideOf(key), time);
  const miRunOf = (key: string, time: string) => {
    const wide = miWideAt(key, time);
    const cacheKey = wide === miWideOf(key) ? key : `${key}\u0000${time}`;
    return once(caches.mi, cacheKey, () => imputeOutcome(wide, plan.missing.m, plan.missing.seed, options.onImputationProgress, plan.missing.imputation, { byArm: plan.missing.byArm === true }));
  };
  // With the row's MCID and direction, the row says when another seed may flip its verdict (mi-monte-carlo.ts verdictEdges).
  const miAt = (key: string, time: string, verdict?: { mcid: number | undefined; direction: Direction }) => miEffect(miWideAt(key, time), miRunOf(key, time), time, confLevel, verdict && { ...verdict, alpha: plan.alpha });
  const imputed = (key: string) => [...caches.mi.keys()].some((k) => k === key || k.startsWith(`${key}\u0000`));
  return { confLevel, wideOf, miWideOf, miWideAt, imputed, pairsAt, followAt, mmrmAt, miRunOf, miAt };
}

/** Every outcome × time × method row and every responder row of one (trial or target) population. */
function effectRows(trial: TrialData, ctx: ReturnType<typeof trialContext>, options: AnalyzeOptions, population: 'trial' | 'target'): EffectRow[] {
  const plan = trial.plan;
  const { confLevel, pairsAt, followAt, mmrmAt, miAt } = ctx;
  const effects: EffectRow[] = [];
  const instrumentOf = new Map<string, Instrument>(trial.sources.map((s) => [s.key, s.instrument]));
  // A cluster-randomised trial: cluster-robust rows, and the analyses that cannot honour the clusters not run (cluster-effects.ts).
  const clusterOf = plan.clusters === undefined ? undefined : clustersById(trial);
  for (const outcome of plan.outcomes) {
    const inst = instrumentOf.get(outcome.key) as Instrument;
    const direction = directionForOutcome(outcome, inst);
    const mcid = mcidForOutcome(outcome, inst);
    // An outcome measured at fewer visits than the plan has rows at its own (outcome-timepoints.ts).
    const ownOneVisit = outcome.timepoints !== undefined && outcomeFollowUps(plan, outcome.key).length < MMRM_MIN_VISITS;
    for (const time of outcomeTimepoints(plan, outcome.key)) {
      const base = { outcome: outcome.key, label: labelOf(outcome, plan), time };
      // No value at the visit in either arm: the rows say so in validate's words (empty-outcomes.ts);
      // MMRM's and MI's keep their own "no patient was observed", as the sensitivity table's.
      const follow = followAt(outcome.key, time);
      if (!clusterOf && follow.intervention.length + follow.control.length === 0) {
        const none = () => {
          throw new HtaError('analysis.failed', emptyOutcomeText(outcome.key, time));
        };
        if (inst.kind === 'binary') {
          effects.push(row({ ...base, method: 'risk-difference' }, confLevel, mcid, direction, none));
          continue;
        }
        for (const method of plan.methods) if (!(method === 'mmrm' && ownOneVisit)) effects.push(row({ ...base, method }, confLevel, mcid, direction, method === 'mmrm' ? () => mmrmAt(outcome.key, time) : none));
        if (plan.missing.method === 'mi') effects.push(row({ ...base, method: 'mi-ancova' }, confLevel, mcid, direction, () => miAt(outcome.key, time, { mcid, direction })));
        continue;
      }
      // The observed patients a complete-case row (ANCOVA, also cluster-robust; MMRM; change) leaves
      // out, and why (not-analysed.ts): said on the row and in the flow. Other rows analyse everyone observed.
      const withLeftOut = (r: EffectRow): EffectRow => {
        if (r.error || !LEAVES_OUT.has(r.method)) return r;
        const notAnalysed = notAnalysedAt(r.method as EffectMethod | 'mmrm', pairsAt(outcome.key, time), follow, plan.covariates);
        return notAnalysed ? { ...r, notAnalysed } : r;
      };
      if (clusterOf) {
        effects.push(...clusteredRows(trial, base, inst.kind === 'binary', clusterOf, { confLevel, mcid, direction, pairs: () => pairsAt(outcome.key, time) }).map(withLeftOut));
        continue;
      }
      if (inst.kind === 'binary') {
        const counts = {
          intervention: { events: follow.intervention.filter((x) => x === 1).length, n: follow.intervention.length },
          control: { events: follow.control.filter((x) => x === 1).length, n: follow.control.length },
        };
        effects.push(row({ ...base, method: 'risk-difference' }, confLevel, mcid, direction, () => binaryEffect(counts, confLevel, direction === 'lower-is-better' ? 'bad' : 'good')));
        continue;
      }
      const pairs = pairsAt(outcome.key, time);
      for (const method of plan.methods) {
        if (method === 'mmrm') {
          // An outcome measured at one follow-up (its own "timepoints") has no visits to model
          // jointly: no MMRM row, as the sensitivity analysis leaves it out (mmrmLeftOut).
          if (ownOneVisit) continue;
          effects.push(withLeftOut(row({ ...base, method }, confLevel, mcid, direction, () => mmrmAt(outcome.key, time))));
          continue;
        }
        effects.push(
          withLeftOut(row({ ...base, method }, confLevel, mcid, direction, () =>
            continuousEffect(method as EffectMethod, { pairs, follow, covariates: plan.covariates, confLevel, bootstrap: options.bootstrap }),
          )),
        );
      }
      if (plan.missing.method === 'mi') {
        effects.push(row({ ...base, method: 'mi-ancova' }, confLevel, mcid, direction, () => miAt(outcome.key, time, { mcid, direction })));
      }
    }
  }

  for (const r of plan.responders) {
    const outcome = plan.outcomes.find((o) => o.key === r.outcome) as PlanOutcome;
    const direction = directionForOutcome(outcome, instrumentOf.get(outcome.key) as Instrument);
    for (const time of outcomeTimepoints(plan, outcome.key)) {
      const { atZeroBaseline, ...counts } = countResponders(pairsAt(outcome.key, time), r, direction);
      let judged: EffectRow;
      if (clusterOf) {
        const pairs = pairsAt(outcome.key, time);
        const values = pairs.ids.map((_, i) => (isResponder(pairs.baseline[i]!, pairs.followUp[i]!, r, direction) ? 1 : 0));
        judged = row({ outcome: r.key, label: labelOf(r, plan), time, method: 'risk-difference' }, confLevel, undefined, 'higher-is-better', () => clusteredDifference({ ids: pairs.ids, arm: pairs.arm, values }, clusterOf, confLevel, true));
      } else {
        judged = row({ outcome: r.key, label: labelOf(r, plan), time, method: 'risk-difference' }, confLevel, undefined, 'higher-is-better', () => binaryEffect(counts, confLevel));
      }
      // Baseline-0 patients under a percent rule, non-responders by the rule: said, not hidden (responders.ts).
      effects.push(atZeroBaseline.intervention + atZeroBaseline.control > 0 ? { ...judged, atZeroBaseline } : judged);
    }
  }
  // Marked only when the plan has a target population, so results without one keep their shape.
  return plan.population ? effects.map((e) => ({ ...e, population })) : effects;
}

/**
 * One outcome × time of a cluster-randomised trial (docs/plan-trial.md#cluster-randomised-trials):
 * a yes/no outcome's risk difference, or the plan's continuous methods — the ANCOVA, Welch and
 * pooled t as one unadjusted difference ('cluster-difference') — with cluster-robust SEs; the
 * change score, MMRM and MI as rows not run, each saying why.
 */
function clusteredRows(
  trial: TrialData,
  base: Pick<EffectRow, 'outcome' | 'label' | 'time'>,
  binary: boolean,
  clusterOf: ReadonlyMap<string, string>,
  o: { confLevel: number; mcid: number | undefined; direction: Direction; pairs: () => ReturnType<typeof outcomePairs> },
): EffectRow[] {
  const plan = trial.plan;
  const at = (method: EffectRow['method'], compute: () => ReturnType<typeof clusteredAncova>) => row({ ...base, method }, o.confLevel, o.mcid, o.direction, compute);
  const byPatient = () => followUpByPatient(trial, base.outcome, base.time);
  if (binary) return [at('risk-difference', () => clusteredDifference(byPatient(), clusterOf, o.confLevel, true))];
  const rows: EffectRow[] = [];
  for (const method of plan.methods) {
    if (method === 'ancova') rows.push(at('ancova', () => clusteredAncova(o.pairs(), plan.covariates, clusterOf, o.confLevel)));
    else if (method === 'welch' || method === 'pooled-t') {
      if (!rows.some((r) => r.method === 'cluster-difference')) rows.push(at('cluster-difference', () => clusteredDifference(byPatient(), clusterOf, o.confLevel, false)));
    } else rows.push(at(method, () => { throw notClustered(method === 'mmrm' ? 'MMRM' : 'The difference in change scores'); }));
  }
  if (plan.missing.method === 'mi') rows.push(at('mi-ancova', () => { throw notClustered('Multiple imputation'); }));
  return rows;
}

/** The target population's flow and, when large enough, its effect rows. */
function targetPopulationOf(trial: TrialData, options: AnalyzeOptions): TargetPopulation | undefined {
  const spec = trial.plan.population;
  if (!spec) return undefined;
  const { flow, patients, trial: target } = filterPopulation(trial, spec);
  const small = (['intervention', 'control'] as const).filter((a) => patients[a] < spec.minPerArm);
  const reason = small.length
    ? `too small to analyse: ${small.map((a) => `${patients[a]} ${a} patients`).join(' and ')} (the plan's minimum is ${spec.minPerArm} per arm)`
    : null;
  // The target rows skip the bootstrap: it is a robustness check of the trial rows.
  const { bootstrap: _skip, targetSample, ...targetOptions } = options;
  // No criteria: the population is the whole trial, transported (whole-trial-transport.ts); its own
  // rows would repeat the trial's, so there are none, and only the transported rows are its result.
  const whole = transportsWholeTrial({ criteria: flow, ...(spec.purpose === 'per-protocol' ? { purpose: spec.purpose } : {}) });
  const effects = reason || whole ? [] : effectRows(target, trialContext(target, targetOptions), targetOptions, 'target');
  // Transported: every trial patient, reweighted to the margins (not only those meeting the criteria).
  const pairsAt = trialContext(trial, targetOptions).pairsAt;
  const raked = spec.margins ? transportedEffects(trial, spec.margins, pairsAt, 1 - trial.plan.alpha) : undefined;
  // Inverse odds of trial membership: every trial patient weighted to the target sample.
  const sampled = targetSample ? inverseOddsEffects(trial, targetSample, pairsAt, 1 - trial.plan.alpha) : undefined;
  const transported = raked || sampled ? [...(raked ?? []), ...(sampled?.rows ?? [])] : undefined;
  return {
    label: { en: spec.label.en, da: spec.label.da ?? spec.label.en },
    ...(spec.purpose === 'per-protocol' ? { purpose: 'per-protocol' as const } : {}),
    criteria: flow,
    patients,
    minPerArm: spec.minPerArm,
    analysed: reason === null,
    reason,
    effects,
    ...(transported ? { transported } : {}),
    ...(sampled ? { targetSample: sampled.summary } : {}),
  };
}

/**
 * The transported rows' failures: one warning per weighting when every row of it failed for one
 * reason (a membership model that could not be fitted fails all alike: once, not 18 times), else
 * one per row.
 */
function transportedWarnings(rows: NonNullable<TargetPopulation['transported']>): string[] {
  const out: string[] = [];
  for (const weighting of ['raking', 'inverse-odds'] as const) {
    const own = rows.filter((t) => t.weighting === weighting);
    const reasons = new Set(own.map((t) => t.effect.error));
    const one = own.length > 1 && reasons.size === 1 ? [...reasons][0] : undefined;
    if (one) out.push(`transported effect (${weighting}), every outcome and time: ${one}`);
    else for (const t of own) if (t.effect.error) out.push(`transported effect (${weighting}), ${t.outcome} at ${t.time}: ${t.effect.error}`);
    const extreme = extremeWeightsWarning(weighting, own);
    if (extreme) out.push(extreme);
  }
  return out;
}

/**
 * One warning per weighting whose rows have extreme weights (extreme-weights.ts,
 * docs/subgroups.md#extreme-weights): how many rows, the effective sample sizes against the
 * patients analysed and the largest weight, so the estimate is not read as a finding.
 */
function extremeWeightsWarning(weighting: 'raking' | 'inverse-odds', own: NonNullable<TargetPopulation['transported']>): string | undefined {
  const weighted = own.filter((t) => t.weights);
  const flagged = weighted.filter((t) => t.weights?.extreme);
  if (!flagged.length) return undefined;
  const w = flagged.map((t) => t.weights as NonNullable<typeof t.weights>);
  const n = flagged.map((t) => t.effect.n.intervention + t.effect.n.control);
  const range = (xs: number[], digits: number) => {
    const lo = Math.min(...xs).toFixed(digits);
    const hi = Math.max(...xs).toFixed(digits);
    return lo === hi ? lo : `${lo}–${hi}`;
  };
  const which = flagged.length === weighted.length ? 'every row' : `${flagged.length} of ${weighted.length} rows`;
  return `transported effect (${weighting}): extreme weights in ${which} (effective sample size ${range(w.map((x) => x.effectiveSampleSize), 1)} of ${range(n, 0)} patients analysed, largest weight ${range(w.map((x) => x.max), 2)} times the mean; the limits are half the patients and ${MAX_RELATIVE_WEIGHT} times the mean): the estimate rests on a few patients and its confidence interval is too narrow, so it is not a finding`;
}

export function analyzeTrial(randomised: TrialData, options: AnalyzeOptions): AnalysisResult {
  // A patient whose every row --exclude-invalid left out stays randomised: counted in the flow's
  // "Randomised" and the adverse events' denominators, and in no analysis — no effect, Table 1,
  // MMRM or imputation sees a patient with nothing observed (docs/input-trial-export.md#bad-rows).
  const trial = withObservedPatients(randomised);
  const plan = trial.plan;
  const warnings: string[] = [];
  const ctx = trialContext(trial, options);
  const { confLevel, miWideAt, pairsAt, followAt, mmrmAt, miRunOf, miAt } = ctx;
  const instrumentOf = new Map<string, Instrument>(trial.sources.map((s) => [s.key, s.instrument]));
  const effects = effectRows(trial, ctx, options, 'trial');

  const patients = armCounts(randomised);

  let sensitivity: Sensitivity | null = null;
  const primary = plan.primary;
  const primaryOutcome = primary && plan.outcomes.find((o) => o.key === primary.outcome);
  const primaryInst = primaryOutcome && instrumentOf.get(primaryOutcome.key);
  // A cluster-randomised trial: what cannot account for the clusters is not run, and said (cluster-effects.ts).
  const clustered = plan.clusters !== undefined;
  const notRun = (what: string) => warnings.push(`${what}: not run in a cluster-randomised trial ("clusters" in the plan), as ${what.startsWith('the sensitivity') ? 'MMRM and multiple imputation' : 'they'} cannot account for the clusters`);
  if (clustered && plan.missing.sensitivity && primary && primaryInst?.kind === 'continuous') notRun('the sensitivity analysis (MMRM and multiple imputation beside the complete-case ANCOVA)');
  if (!clustered && plan.missing.sensitivity && primary && primaryOutcome && primaryInst?.kind === 'continuous') {
    const direction = directionForOutcome(primaryOutcome, primaryInst);
    const mcid = mcidForOutcome(primaryOutcome, primaryInst);
    const base = { outcome: primary.outcome, label: labelOf(primaryOutcome, plan), time: primary.time };
    // The complete-case row is the primary ANCOVA row when the plan's methods computed it.
    const computed = effects.find((e) => e.outcome === primary.outcome && e.time === primary.time && e.method === 'ancova');
    const cc = computed ?? row({ ...base, method: 'ancova' }, confLevel, mcid, direction, () =>
      continuousEffect('ancova', { pairs: pairsAt(primary.outcome, primary.time), follow: followAt(primary.outcome, primary.time), covariates: plan.covariates, confLevel }),
    );
    // With one follow-up visit there is nothing for the MMRM to model jointly (with the baseline as
    // covariate it is the complete-case ANCOVA): its row is left out and said, not a warning, as the
    // plan did not ask for it (a plan asking for "mmrm" with one follow-up is refused; docs/limits.md).
    // An outcome measured at one of the plan's follow-ups (its own "timepoints") likewise.
    const followUps = outcomeFollowUps(plan, primary.outcome);
    const mmrmRuns = followUps.length >= MMRM_MIN_VISITS;
    const mm = mmrmRuns ? [row({ ...base, method: 'mmrm' }, confLevel, mcid, direction, () => mmrmAt(primary.outcome, primary.time))] : [];
    const mi = row({ ...base, method: 'mi-ancova' }, confLevel, mcid, direction, () => miAt(primary.outcome, primary.time, { mcid, direction }));
    const errors = [cc, ...mm, mi].flatMap((r) => (r.error ? [`${r.method}: ${r.error}`] : []));
    let tipping: Sensitivity['tippingPoint'] = null;
    if (!mi.error && mcid !== undefined) {
      try {
        const t = tippingPointFor(miWideAt(primary.outcome, primary.time), miRunOf(primary.outcome, primary.time), primary.time, direction, mcid, plan.alpha);
        tipping = tippingResult(t, direction, mcid);
      } catch (err) {
        if (!(err instanceof HtaError)) throw err;
        errors.push(`tipping point: ${err.message}`);
      }
    }
    sensitivity = { outcome: primary.outcome, time: primary.time, rows: [cc, ...mm, mi], ...(mmrmRuns ? {} : { mmrmLeftOut: { followUpVisits: followUps } }), tippingPoint: tipping, errors };
    for (const e of errors) warnings.push(`sensitivity analysis of ${primary.outcome} at ${primary.time}: ${e}`);
  }
  for (const e of effects) if (e.error) warnings.push(`${e.outcome} at ${e.time} (${e.method}): ${e.error}`);
  warnings.push(...singleAnswerWarnings(effects, patients, new Set(plan.outcomes.filter((o) => instrumentOf.get(o.key)?.kind === 'binary').map((o) => o.key))));
  // A χ² p-value on expected counts below 5, as R's prop.test warns (small-expected-counts.ts).
  warnings.push(...smallExpectedWarnings(effects));
  warnings.push(...leftOutOfImputation(plan.outcomes, ctx));
  for (const o of plan.outcomes) {
    const rows = [...effects, ...(sensitivity?.rows ?? [])].filter((e) => e.method === 'mi-ancova' && e.outcome === o.key && !e.error);
    const w = monteCarloWarning(o.key, rows, primary?.outcome === o.key ? primary.time : undefined);
    if (w) warnings.push(w);
    warnings.push(...verdictEdgeWarnings(o.key, rows));
  }
  if (clustered && plan.subgroups.length) notRun('the subgroup analyses');
  const subgroups = plan.subgroups.length && !clustered ? subgroupAnalyses(trial, { pairsAt, confLevel, alpha: plan.alpha }) : undefined;
  // A numeric column without cuts: one level per value, said first, with the hint (subgroup-levels.ts).
  for (const sg of subgroups ? plan.subgroups : []) {
    const w = numericLevelsWarning(sg, trial.patients.map((p) => p.attributes?.[sg.column]));
    if (w) warnings.push(w);
  }
  // Levels held back by "minPerArm" summarised per subgroup, small printed counts said (subgroup-warnings.ts).
  warnings.push(...subgroupWarnings(subgroups ?? []));
  if (clustered && plan.population) notRun('the target-population analyses');
  const targetPopulation = clustered ? undefined : targetPopulationOf(trial, options);
  if (targetPopulation?.reason) warnings.push(`target population: ${targetPopulation.reason}`);
  for (const e of targetPopulation?.effects ?? []) if (e.error) warnings.push(`target population, ${e.outcome} at ${e.time} (${e.method}): ${e.error}`);
  warnings.push(...transportedWarnings(targetPopulation?.transported ?? []));
  const flow = participantFlowOf(randomised);
  const adverseEvents = randomised.adverseEvents ? adverseEventSummary(randomised.adverseEvents, patients, confLevel) : undefined;
  for (const r of adverseEvents?.rows ?? []) if (r.error) warnings.push(`adverse events (${r.kind}): ${r.error}`);
  // The warnings below name the export as the results do (options.inputName): a report's page
  // never shows the folder it was given by (docs/manifest.md).
  const file = options.inputName ?? trial.file;
  const named = { file, sources: trial.sources, rows: trial.rows, recoded: trial.recoded, filledCells: trial.filledCells, roundedScientific: trial.roundedScientific };
  // A word code that empties much of an outcome changes the patients analysed: a warning of the
  // results and the report too, not only a note on stderr (word-missing-codes.ts).
  warnings.unshift(...wordMissingCodeNotes(named));
  // So does a scale outcome holding only 0 and 1: its points are judged against the scale's MCID (two-value-scales.ts).
  warnings.unshift(...twoValueScaleNotes(named));
  // And one whose 0–60 scores never pass 6: one item read as the score (narrow-scales.ts).
  warnings.unshift(...narrowScaleNotes(named));
  // And one whose every score Excel's "Scientific" format rounded (`4.91E+05`): the effect rests on rounded values (scientific-cells.ts).
  warnings.unshift(...roundedScoreWarnings(named));
  return {
    tool: { name: 'hta', version: options.version },
    input: { file, layout: trial.layout, patients, ...(trial.otherArms ? { otherArms: trial.otherArms.map(otherArmJson) } : {}), ...(clustered ? { clusters: clustersAllocated(randomised) } : {}) },
    plan: { baseline: plan.baseline, timepoints: plan.timepoints, covariates: plan.covariates, alpha: plan.alpha, primary: plan.primary ?? null },
    descriptives: describeByArm(trial),
    effects,
    missingness: missingnessOf(trial),
    sensitivity,
    ...(subgroups ? { subgroups } : {}),
    ...(targetPopulation ? { targetPopulation } : {}),
    ...(adverseEvents ? { adverseEvents } : {}),
    ...(flow ? { flow } : {}),
    warnings,
    // Each warning in the page's words too, en and da, its keys apart (trial-warning-texts.ts).
    warningTexts: trialWarningTexts({ warnings, ...(subgroups ? { subgroups } : {}) }, plan),
  };
}

/**
 * Patients left out of an outcome's multiple imputation for a missing categorical covariate of
 * more than 10 levels (not imputed: docs/plan-trial.md#multiple-imputation), said once per imputed outcome.
 */
function leftOutOfImputation(outcomes: readonly PlanOutcome[], ctx: ReturnType<typeof trialContext>): string[] {
  return outcomes.flatMap((o) => {
    if (!ctx.imputed(o.key)) return [];
    const { patients, covariates } = ctx.miWideOf(o.key).leftOut;
    if (!patients) return [];
    return [`multiple imputation of ${o.key}: ${patients} ${patients === 1 ? 'patient' : 'patients'} left out for a missing categorical covariate of more than ${MAX_IMPUTED_LEVELS} levels (${covariates.join(', ')}), which is not imputed`];
  });
}

/**
 * Per outcome × visit × arm (a visit before the baseline only when the outcome was recorded there): randomised, observed and missing (no row, or an empty score); an
 * outcome with cells saying it does not apply also counts those patients, apart from missing
 * (docs/plan-trial.md#not-applicable).
 */
export function missingnessOf(trial: TrialData): MissingnessRow[] {
  // The observed counts are those `hta validate` prints: one pass over the observations.
  const summary = summarizeTrial(trial);
  const randomised = summary.patients;
  const baselineAt = trial.times.indexOf(trial.plan.baseline);
  return summary.outcomes.flatMap((o) => {
    const na = notApplicableCounts(trial, o.key);
    // A visit before the baseline where the outcome was never recorded (a REDCap randomisation
    // event) is no visit of it: not "missing" for every patient.
    const recorded = (time: string) => ARMS.some((arm) => (o.observed[time]?.[arm] ?? 0) > 0 || (na?.get(time)?.[arm] ?? 0) > 0);
    // A plan visit the outcome's own "timepoints" leave out is no visit of it either (outcome-timepoints.ts).
    return trial.times.filter((time, i) => (i >= baselineAt || recorded(time)) && measuredAt(trial.plan, o.key, time)).flatMap((time) =>
      ARMS.map((arm) => {
        const observed = o.observed[time]?.[arm] ?? 0;
        if (!na) return { outcome: o.key, time, arm, randomised: randomised[arm], observed, missing: randomised[arm] - observed };
        const notApplicable = na.get(time)?.[arm] ?? 0;
        return { outcome: o.key, time, arm, randomised: randomised[arm], observed, notApplicable, missing: randomised[arm] - observed - notApplicable };
      }),
    );
  });
}

/** Per visit and arm, the patients whose cell said outcome `key` does not apply; undefined when the plan gives it no "notApplicableCodes". */
export function notApplicableCounts(trial: Pick<TrialData, 'rows' | 'patients' | 'times'>, key: string): Map<string, Record<Arm, number>> | undefined {
  const na = trial.rows.notApplicable?.[key];
  if (!na) return undefined;
  const seen = new Set<number>();
  const counts = new Map<string, Record<Arm, number>>();
  for (let i = 0; i < trial.rows.length; i++) {
    if (na[i] !== 1) continue;
    const p = trial.rows.patient[i]!;
    const t = trial.rows.time[i]!;
    // One row per patient and visit, but counted once should an export repeat it.
    if (seen.has(p * 65536 + t)) continue;
    seen.add(p * 65536 + t);
    const time = trial.times[t]!;
    const c = counts.get(time) ?? { intervention: 0, control: 0 };
    c[trial.patients[p]!.arm]++;
    counts.set(time, c);
  }
  return counts;
}
