/**
 * `hta meta`: validated study rows → pooled estimates per outcome × time × measure, with
 * heterogeneity, prediction intervals, subgroups and the MCID judgement (docs/data-contracts.md#verdicts, #method-labels).
 *
 * Per group (rows with the same outcome, time and measure, in order of first appearance):
 *   1. each study's effect (study-effects.ts); rows without an interval are shown, judged
 *      `inconclusive` and left out of the pooling (warning, via splitPoolable);
 *   2. fixed effect and random effects (pool-studies.ts) over the poolable studies;
 *   2a. each trial once in that pool (trial-contributions.ts): its whole-trial row when it has
 *      one, else its subgroup rows combined by the fixed-effect model;
 *   3. when the `subgroup` column has ≥ 2 values in the group: the same per subgroup and the test
 *      for subgroup differences per model (fixed-effect Q between subgroup estimates with their
 *      SEs, as subgroupAnalysis and RevMan), over subgroup rows only (rows without a subgroup are
 *      whole trials, in no subgroup's pool);
 *   4. the relevance label of every pooled estimate and study against the MCID (outcome-settings.ts),
 *      on the log scale for RR/OR; the prediction interval only from MIN_PI_TRIALS distinct trials
 *      (`trials`: subgroups of one trial count once); and, with a prediction interval, the share of
 *      the predictive distribution beyond the MCID in the direction of benefit.
 */
import { HtaError } from '../errors.js';
import type { Direction } from '../instruments/instrument.js';
import { judgeDifference } from '../judge/judge-effect.js';
import type { Relevance } from '../judge/relevance.js';
import type { Plan } from '../plan/plan-schema.js';
import { normalQuantile } from '../stats/distributions.js';
import { isPoolable, splitPoolable } from '../stats/meta/poolable.js';
import { subgroupDifferenceTest } from '../stats/meta/subgroups.js';
import { probabilityBeyond } from '../stats/meta/prediction-interval.js';
import { type MetaPreset, META_PRESETS } from '../stats/meta/presets.js';
import type { Tau2Method } from '../stats/meta/tau2.js';
import type { MetaOutcomeSetting, MetaPooledRow, MetaResults, MetaStudyRow, MetaSubgroupTest } from './meta-results-schema.js';
import { type OutcomeEntry, outcomeSetting } from './outcome-settings.js';
import { type PooledFit, type PoolSettings, type PoolStudy, poolStudies } from './pool-studies.js';
import { isRatioMeasure, type MetaMeasure, type StudyRecord, type StudyTable } from './read-studies.js';
import { checkPlanMeasures } from './plan-measures.js';
import { checkScales, scaleWarnings, sdsAboveScale } from './scale-checks.js';
import { changeScoreWarnings } from './change-scores.js';
import { smallSdWarnings } from './sd-check.js';
import { subgroupsIn } from './subgroup-names.js';
import { type RecordEffect, recordEffect } from './study-effects.js';
import { rowContribution, trialContributions } from './trial-contributions.js';

export const NO_SUBGROUP = '(no subgroup)';

export interface MetaFlags {
  method?: Tau2Method;
  hksj?: boolean;
  preset?: MetaPreset;
}

/**
 * Pooling settings from the flags: a preset fixes τ² method, HKSJ and the PI; without one the
 * defaults are metafor's (REML, z, PI) and the preset label is "metafor" only when they match.
 * @throws HtaError `usage.invalid` when a preset and a conflicting --method/--hksj are both given.
 */
export function poolSettingsFrom(flags: MetaFlags): PoolSettings {
  if (flags.preset !== undefined) {
    const p = META_PRESETS[flags.preset];
    if (flags.method !== undefined && flags.method !== p.method) {
      throw new HtaError('usage.invalid', `--preset ${flags.preset} uses τ² method ${p.method}, but --method ${flags.method} was given; drop one of them`);
    }
    if (flags.hksj === true && !p.hksj) {
      throw new HtaError('usage.invalid', `--preset ${flags.preset} uses the z interval, but --hksj was given; drop one of them`);
    }
    return { method: p.method, hksj: p.hksj, ...(p.hksjAdhoc ? { hksjAdhoc: p.hksjAdhoc } : {}), predictionInterval: p.predictionInterval, preset: flags.preset, confLevel: 0.95 };
  }
  const method = flags.method ?? 'REML';
  const hksj = flags.hksj ?? false;
  // Only the defaults are named after a tool: --hksj alone is not "preset revman-web", a preset the
  // user did not choose, and --method PM --hksj lacks iqwig6's variance correction.
  const preset: MetaPreset | null = method === 'REML' && !hksj ? 'metafor' : null;
  return { method, hksj, predictionInterval: true, preset, confLevel: 0.95 };
}

export interface MetaAnalyzeOptions extends MetaFlags {
  plan?: Plan;
  planFile?: string;
  mcid?: number;
  direction?: Direction;
  /** The report entry's per-outcome settings (manifest "outcomes"), first of all sources: outcome-settings.ts. */
  outcomes?: Readonly<Record<string, OutcomeEntry>>;
  version: string;
  /** Language of the outcome labels taken from the plan (default English). */
  lang?: 'en' | 'da';
}

interface Judged {
  benefit: number;
  benefitCiLower: number | null;
  benefitCiUpper: number | null;
  relevance: Relevance | null;
}

/** Benefit (positive favours the intervention) and relevance, on the analysis scale. */
function judge(estimate: number, lower: number | null, upper: number | null, s: MetaOutcomeSetting): Judged {
  const flip = s.direction === 'lower-is-better';
  const benefit = flip ? -estimate : estimate;
  if (lower === null || upper === null) return { benefit, benefitCiLower: null, benefitCiUpper: null, relevance: 'inconclusive' };
  const m = analysisMcid(s);
  if (m === null) return { benefit, benefitCiLower: flip ? -upper : lower, benefitCiUpper: flip ? -lower : upper, relevance: null };
  const j = judgeDifference(estimate, lower, upper, m, s.direction);
  return { benefit: j.benefit, benefitCiLower: j.benefitCiLower, benefitCiUpper: j.benefitCiUpper, relevance: j.relevance };
}

function analysisMcid(s: MetaOutcomeSetting): number | null {
  if (s.mcid === null) return null;
  return isRatioMeasure(s.measure) ? Math.log(s.mcid) : s.mcid;
}

function ratioOf(measure: MetaMeasure, est: number, lo: number | null, hi: number | null, piLo?: number | null, piHi?: number | null): MetaStudyRow['ratio'] {
  if (!isRatioMeasure(measure) || lo === null || hi === null) return null;
  const ex = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.exp(x));
  return { estimate: Math.exp(est), ciLower: Math.exp(lo), ciUpper: Math.exp(hi), ...(piLo !== undefined ? { piLower: ex(piLo), piUpper: ex(piHi) } : {}) };
}

/**
 * Fewest distinct trials for a prediction interval. With one or two trials τ² is barely
 * estimable and the interval says nothing beyond the CI (two subgroups of one trial are not two
 * settings); the Cochrane Handbook (§10.10.4.3) and RevMan show it from 3 studies on.
 */
export const MIN_PI_TRIALS = 3;

function pooledRow(computed: PooledFit, s: MetaOutcomeSetting, settings: PoolSettings, subgroup: string | null, trials: number, extraWarnings: string[]): MetaPooledRow {
  const fit: PooledFit = computed.pi !== null && trials < MIN_PI_TRIALS ? { ...computed, pi: null } : computed;
  const j = judge(fit.estimate, fit.ciLower, fit.ciUpper, s);
  const m = analysisMcid(s);
  let prob: number | null = null;
  if (fit.model === 'random' && fit.pi !== null && m !== null) {
    const b = s.direction === 'lower-is-better' ? probabilityBeyond(-m, fit, 'below') : probabilityBeyond(m, fit, 'above');
    prob = b?.probability ?? null;
  }
  const single = fit.k === 1;
  return {
    outcome: s.outcome,
    time: s.time,
    measure: s.measure,
    scale: isRatioMeasure(s.measure) ? 'log' : 'identity',
    subgroup,
    model: fit.model,
    poolingMethod: fit.poolingMethod,
    tau2Method: fit.tau2Method,
    ciMethod: fit.ciMethod,
    df: fit.df,
    piDf: fit.pi?.piDf ?? null,
    preset: settings.preset,
    confLevel: fit.confLevel,
    k: fit.k,
    trials,
    estimate: fit.estimate,
    se: fit.se,
    ciLower: fit.ciLower,
    ciUpper: fit.ciUpper,
    statistic: fit.statistic,
    pValue: fit.pValue,
    tau2: fit.model === 'fixed' || single ? null : fit.tau2,
    tau2Se: fit.model === 'fixed' || single ? null : fit.tau2Se,
    i2: fit.i2,
    h2: fit.h2,
    q: fit.q,
    qDf: fit.qDf,
    qPValue: fit.qPValue,
    piLower: fit.pi?.piLower ?? null,
    piUpper: fit.pi?.piUpper ?? null,
    probabilityBeyondMcid: prob,
    mcid: s.mcid,
    mcidSource: s.mcidSource,
    direction: s.direction,
    benefit: j.benefit,
    benefitCiLower: j.benefitCiLower as number,
    benefitCiUpper: j.benefitCiUpper as number,
    relevance: j.relevance,
    ratio: ratioOf(s.measure, fit.estimate, fit.ciLower, fit.ciUpper, fit.pi?.piLower ?? null, fit.pi?.piUpper ?? null),
    warnings: [...fit.warnings, ...extraWarnings],
  };
}

/**
 * One estimate: not pooled, so no model. The row is the study's own estimate with the interval it
 * is shown with everywhere (as reported, `ciMethod: "reported"`, or the Wald interval from its
 * SE, `"z"`); `se`, the z statistic and p are those of the SE behind the study's weight (from the
 * interval's width when the file gave an interval).
 */
function singleRow(e: Entry, own: { lo: number | null; hi: number | null }, fit: PooledFit, s: MetaOutcomeSetting, settings: PoolSettings, subgroup: string | null, extraWarnings: string[]): MetaPooledRow {
  const lo = own.lo ?? fit.ciLower;
  const hi = own.hi ?? fit.ciUpper;
  const row = pooledRow({ ...fit, ciLower: lo, ciUpper: hi, pi: null }, s, settings, subgroup, 1, extraWarnings);
  return { ...row, model: 'single-study', poolingMethod: null, tau2Method: null, ciMethod: e.record.input.kind === 'ci' ? 'reported' : 'z', df: null };
}

interface Entry {
  record: StudyRecord;
  effect: RecordEffect;
  label: string;
  poolable: boolean;
  /** RevMan 5's "Not estimable": see notEstimable. */
  notEstimable: boolean;
}

/** The study-row note of a study RevMan 5 leaves out (docs/input-studies.md, presets). */
export const NOT_ESTIMABLE_NOTE = 'not estimable';

/**
 * A ratio (RR/OR) from a study with no events in either arm, or events in every participant of
 * both, says nothing about the ratio. RevMan 5 shows it "Not estimable" and leaves it out of the
 * model (k, df, weights; Cochrane Handbook §10.4.4), so the `revman5` preset does too. The other
 * presets follow metafor: escalc's default drop00 = FALSE keeps it with ½ added to each cell.
 */
function notEstimable(r: StudyRecord, settings: PoolSettings): boolean {
  if (settings.preset !== 'revman5' || r.input.kind !== 'events' || !isRatioMeasure(r.measure)) return false;
  const t = r.input.table;
  return (t.eventsIntervention === 0 && t.eventsControl === 0) || (t.eventsIntervention === t.nIntervention && t.eventsControl === t.nControl);
}

function isAllEvents(e: Entry): boolean {
  const r = e.record;
  return r.input.kind === 'events' && r.input.table.eventsIntervention === r.input.table.nIntervention && r.input.table.eventsIntervention > 0;
}

function studyLabel(r: StudyRecord): string {
  return r.subgroup === null ? r.study : `${r.study} (${r.subgroup})`;
}

/** Distinct studies (by name) among pooled entries: two subgroups of one trial count once. */
function trialCount(entries: readonly Entry[]): number {
  return new Set(entries.map((e) => e.record.study)).size;
}

function toPoolStudy(e: Entry): PoolStudy {
  return { label: e.label, yi: e.effect.yi, vi: e.effect.vi as number, table: e.record.input.kind === 'events' ? e.record.input.table : null };
}

interface GroupOutput {
  pooled: MetaPooledRow[];
  studies: MetaStudyRow[];
  tests: MetaSubgroupTest[];
  warnings: string[];
}

function analyzeGroup(records: readonly StudyRecord[], s: MetaOutcomeSetting, settings: PoolSettings): GroupOutput {
  const where = `${s.outcome} ${s.time}${s.measure === 'MD' ? '' : ` (${s.measure})`}`;
  const entries: Entry[] = records.map((record) => {
    const effect = recordEffect(record);
    const excluded = notEstimable(record, settings);
    const poolable = !excluded && isPoolable(effect.yi, effect.vi);
    return { record, effect, label: studyLabel(record), poolable, notEstimable: excluded };
  });
  const split = splitPoolable(entries.filter((e) => !e.notEstimable).map((e) => ({ label: e.label, yi: e.effect.yi, vi: e.effect.vi })));
  const notPooled = [
    ...entries.filter((e) => e.notEstimable).map((e) => `${where}: Study ${e.label}: ${isAllEvents(e) ? 'events in every participant of both arms' : 'no events in either arm'}: not estimable, left out of the model (preset revman5, as RevMan 5; Cochrane Handbook §10.4.4)`),
    ...split.warnings.map((w) => `${where}: ${w}`),
  ];
  const poolable = entries.filter((e) => e.poolable);
  const warnings = [...notPooled];

  const pooled: MetaPooledRow[] = [];
  const tests: MetaSubgroupTest[] = [];
  const weights = new Map<Entry, { fixed: number | null; random: number | null; fixedSub: number | null; randomSub: number | null }>(
    entries.map((e) => [e, { fixed: null, random: null, fixedSub: null, randomSub: null }]),
  );

  // The one interval a study is shown with (and judged on) wherever it appears: as reported, or
  // the Wald interval from vi (docs/input-studies.md#how-the-meta-report-labels-evidence).
  const crit = normalQuantile(1 - (1 - settings.confLevel) / 2);
  const ownInterval = (e: Entry): { lo: number | null; hi: number | null } => {
    const r = e.record;
    if (e.effect.vi === null || e.notEstimable) return { lo: null, hi: null };
    const se = Math.sqrt(e.effect.vi);
    const toScale = (x: number) => (isRatioMeasure(r.measure) ? Math.log(x) : x);
    return r.input.kind === 'ci'
      ? { lo: toScale(r.input.lower), hi: toScale(r.input.upper) }
      : { lo: e.effect.yi - crit * se, hi: e.effect.yi + crit * se };
  };
  // The rows a set of estimates gives (docs/data-contracts.md#method-labels): one estimate is not
  // pooled but shown as the study's own ("single-study", its interval as reported); subgroups of
  // one trial are combined by the fixed-effect model only (a between-trial τ² among subgroups of
  // one trial means nothing); estimates from two trials on, both models.
  const rowsOf = (members: readonly Entry[], pair: { fixed: PooledFit; random: PooledFit }, subgroup: string | null, extra: string[]): MetaPooledRow[] => {
    const trials = trialCount(members);
    const only = members.length === 1 ? members[0] : undefined;
    if (only) return [singleRow(only, ownInterval(only), pair.fixed, s, settings, subgroup, extra)];
    // Their Q is the test for subgroup differences (subgroupTests), not heterogeneity between trials.
    if (trials === 1) return [{ ...pooledRow(pair.fixed, s, settings, subgroup, trials, extra), q: null, qDf: null, qPValue: null, i2: null, h2: null }];
    return [pooledRow(pair.fixed, s, settings, subgroup, trials, extra), pooledRow(pair.random, s, settings, subgroup, trials, extra)];
  };

  if (poolable.length === 0) {
    warnings.push(`${where}: no study has an interval, so nothing was pooled`);
  } else {
    const overallTrials = trialCount(poolable);
    // One trial, one estimate (trial-contributions.ts): its whole-trial row, else its subgroups
    // combined. Subgroups of a single trial with no whole row stay rows: rowsOf combines them.
    const byTrial = overallTrials === 1 && poolable.every((e) => e.record.subgroup !== null)
      ? { contributions: poolable.map((e) => rowContribution(e)), notes: [] }
      : trialContributions(poolable, where);
    const contributions = byTrial.contributions;
    warnings.push(...byTrial.notes);
    const used = contributions.flatMap((c) => c.members);
    const overall = poolStudies(
      contributions.map((c) => (c.how === 'combined' ? { label: c.study, yi: c.yi, vi: c.vi, table: null } : toPoolStudy(c.members[0] as Entry))),
      s.measure,
      settings,
    );
    // Weights of a model only where that model is reported (one estimate: no model at all); a
    // combined trial's weight shared among its subgroups as in their combination; a subgroup row
    // of a trial given whole has no weight in the pool across trials.
    contributions.forEach((c, i) => {
      if (used.length < 2) return;
      c.members.forEach((e, j) => {
        const w = weights.get(e)!;
        const share = c.shares[j] as number;
        const fixed = overall.fixed.weights[i];
        const random = overall.random.weights[i];
        w.fixed = fixed === undefined ? null : fixed * share;
        w.random = overallTrials > 1 && random !== undefined ? random * share : null;
      });
    });
    // Subgroup pools and the test for subgroup differences over subgroup rows only: rows without
    // a subgroup are whole trials (or whole populations), not a subgroup to compare with, and a
    // trial's whole row is not independent of its own subgroups' rows.
    const allNames = [...new Set(entries.map((e) => e.record.subgroup ?? NO_SUBGROUP))];
    const groupNames = [...new Set(entries.flatMap((e) => (e.record.subgroup === null ? [] : [e.record.subgroup])))];
    const subgroupTrials = trialCount(poolable.filter((e) => e.record.subgroup !== null));
    const subgroupRows: MetaPooledRow[] = [];
    if (groupNames.length >= 2) {
      const fits: { name: string; fixed: PooledFit; random: PooledFit }[] = [];
      for (const name of groupNames) {
        const members = poolable.filter((e) => (e.record.subgroup ?? NO_SUBGROUP) === name);
        if (members.length === 0) continue;
        const pair = poolStudies(members.map(toPoolStudy), s.measure, settings);
        if (members.length > 1) {
          members.forEach((e, i) => {
            const w = weights.get(e)!;
            w.fixedSub = pair.fixed.weights[i] ?? null;
            w.randomSub = pair.random.weights[i] ?? null;
          });
        }
        fits.push({ name, ...pair });
        subgroupRows.push(...rowsOf(members, pair, name, []));
      }
      if (fits.length >= 2) {
        // Subgroups of one trial: the fixed-effect test only, as they are combined (rowsOf).
        for (const model of subgroupTrials > 1 ? (['fixed', 'random'] as const) : (['fixed'] as const)) {
          const test = subgroupDifferenceTest(fits.map((f) => f[model].estimate), fits.map((f) => f[model].se));
          tests.push({ outcome: s.outcome, time: s.time, measure: s.measure, model, groups: fits.map((f) => f.name), ...test, method: 'fixed-effect Q between subgroup estimates' });
        }
      } else {
        warnings.push(`${where}: only one subgroup has a poolable study; no test for subgroup differences`);
      }
    }
    // Every estimate from one subgroup: the overall rows are that subgroup's, and say so.
    const onlyName = allNames.length === 1 && allNames[0] !== NO_SUBGROUP ? (allNames[0] as string) : null;
    pooled.push(...subgroupRows, ...rowsOf(used, overall, onlyName, notPooled));
    for (const r of pooled) for (const w of r.warnings) if (!notPooled.includes(w)) warnings.push(`${where}${r.subgroup ? `, subgroup ${r.subgroup}` : ''}, ${r.model} effect: ${w}`);
  }

  const studies: MetaStudyRow[] = entries.map((e) => {
    const { record: r, effect } = e;
    const se = effect.vi === null ? null : Math.sqrt(effect.vi);
    // A reported CI is shown (and judged) as reported; otherwise the Wald interval from vi.
    const { lo, hi } = ownInterval(e);
    const j = e.notEstimable ? { benefit: s.direction === 'lower-is-better' ? -effect.yi : effect.yi, benefitCiLower: null, benefitCiUpper: null, relevance: null } : judge(effect.yi, lo, hi, s);
    const w = weights.get(e)!;
    return {
      outcome: s.outcome,
      time: s.time,
      measure: s.measure,
      scale: isRatioMeasure(s.measure) ? 'log' : 'identity',
      study: r.study,
      subgroup: r.subgroup,
      citation: r.citation,
      line: r.line,
      input: r.input.kind,
      arms: r.input.kind === 'arms' ? r.input.arms : null,
      events: r.input.kind === 'events' ? r.input.table : null,
      nIntervention: r.nIntervention,
      nControl: r.nControl,
      yi: effect.yi,
      vi: effect.vi,
      se,
      ciLower: lo,
      ciUpper: hi,
      continuityCorrected: effect.continuityCorrected,
      pooled: e.poolable,
      note: e.notEstimable ? NOT_ESTIMABLE_NOTE : e.poolable ? null : 'no interval reported',
      weightFixed: w.fixed,
      weightRandom: w.random,
      weightFixedSubgroup: w.fixedSub,
      weightRandomSubgroup: w.randomSub,
      mcid: s.mcid,
      direction: s.direction,
      benefit: j.benefit,
      benefitCiLower: j.benefitCiLower,
      benefitCiUpper: j.benefitCiUpper,
      relevance: j.relevance,
      ratio: r.input.kind === 'ci' && isRatioMeasure(r.measure)
        ? { estimate: r.input.estimate, ciLower: r.input.lower, ciUpper: r.input.upper }
        : ratioOf(s.measure, effect.yi, lo, hi),
    };
  });
  return { pooled, studies, tests, warnings };
}

export function metaAnalyze(table: StudyTable, options: MetaAnalyzeOptions): MetaResults {
  const settings = poolSettingsFrom(options);
  if (options.plan) checkPlanMeasures(table, options.plan);
  // A number no trial can report on its outcome's scale (33125 on PSEQ 0–60): refused (scale-checks.ts).
  checkScales(table, options.plan);
  const groups = new Map<string, StudyRecord[]>();
  // Subgroups by their names in the output's language (subgroup-names.ts): a Danish page says
  // "høje fysiske krav" where the file gives it in `subgroup_da`.
  for (const r of subgroupsIn(table.records, options.lang ?? 'en')) {
    const key = JSON.stringify([r.outcome, r.time, r.measure]);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const result: MetaResults = {
    tool: { name: 'hta', version: options.version },
    input: { file: table.file, rows: table.records.length, plan: options.planFile ?? null },
    options: { method: settings.method, hksj: settings.hksj, predictionInterval: settings.predictionInterval, preset: settings.preset, confLevel: settings.confLevel },
    outcomes: [],
    pooled: [],
    studies: [],
    subgroupTests: [],
    warnings: [],
  };
  // An SE typed as an SD (docs/input-studies.md): said before the pooled results it distorts.
  // What the reader found to check (an estimate off its interval's centre, one result under two
  // names: read-studies.ts), then an SE typed as an SD.
  // A variance typed as an SD above its scale's largest SD is warned about once, by scaleWarnings.
  const aboveScale = new Set(sdsAboveScale(table, options.plan).map((x) => `${x.record.line} ${x.arm}`));
  const warnings = new Set<string>([...table.warnings, ...smallSdWarnings(table.records, aboveScale), ...scaleWarnings(table, options.plan), ...changeScoreWarnings(table, options.plan)]);
  for (const records of groups.values()) {
    const first = records[0] as StudyRecord;
    const { setting, warnings: settingWarnings } = outcomeSetting(first.outcome, first.time, first.measure, {
      ...(options.plan ? { plan: options.plan } : {}),
      ...(options.mcid !== undefined ? { mcid: options.mcid } : {}),
      ...(options.direction ? { direction: options.direction } : {}),
      ...(options.outcomes ? { outcomes: options.outcomes } : {}),
      ...(options.lang ? { lang: options.lang } : {}),
    });
    settingWarnings.forEach((w) => warnings.add(w));
    const out = analyzeGroup(records, setting, settings);
    result.outcomes.push(setting);
    result.pooled.push(...out.pooled);
    result.studies.push(...out.studies);
    result.subgroupTests.push(...out.tests);
    out.warnings.forEach((w) => warnings.add(w));
  }
  // One --mcid on outcomes of different measures: instrument units, SD units and a ratio are not one number.
  const flagged = result.outcomes.filter((o) => o.mcidSource === 'flag');
  if (new Set(flagged.map((o) => o.measure)).size > 1) {
    warnings.add(`--mcid ${options.mcid} is used for outcomes of different measures (${[...new Set(flagged.map((o) => `${o.outcome} ${o.measure}`))].join(', ')}): one number in instrument units, SD units and as a ratio is seldom meant; set each outcome's MCID in a plan or a report's meta entry`);
  }
  result.warnings = [...warnings];
  return result;
}
