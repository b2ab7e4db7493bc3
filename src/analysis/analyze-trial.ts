/**
 * `hta analyze`: per outcome × follow-up time × method, the between-group difference with its CI,
 * judged against the MCID. A row that cannot be computed (too few patients, singular design)
 * carries an `error` and null numbers; the other rows are still computed.
 */
import { HtaError } from '../errors.js';
import type { Direction, Instrument } from '../instruments/instrument.js';
import { judgeDifference } from '../judge/judge-effect.js';
import { mcidForOutcome } from '../plan/outcome-instrument.js';
import type { EffectMethod, PlanOutcome } from '../plan/plan-schema.js';
import { describeByArm } from '../trial/descriptives.js';
import { followUpValues, outcomePairs } from '../trial/outcome-pairs.js';
import { countResponders } from '../trial/responders.js';
import type { TrialData } from '../trial/trial-data.js';
import { binaryEffect, type BinaryEstimate } from './binary-effect.js';
import { continuousEffect, type ContinuousEstimate } from './continuous-effect.js';
import type { AnalysisResult, EffectRow } from './results-schema.js';

export interface AnalyzeOptions {
  version: string;
  bootstrap?: { replicates: number; seed: number; onProgress?: (done: number, total: number) => void };
}

type Estimate = ContinuousEstimate | BinaryEstimate;

function labelOf(o: { key: string; label?: { en: string } | undefined }): string {
  return o.label?.en ?? o.key;
}

function row(base: Pick<EffectRow, 'outcome' | 'label' | 'time' | 'method'>, confLevel: number, mcid: number | undefined, direction: Direction, compute: () => Estimate): EffectRow {
  const empty = {
    ...base,
    n: { intervention: 0, control: 0 },
    difference: null,
    se: null,
    df: null,
    ciLower: null,
    ciUpper: null,
    confLevel,
    ciMethod: '',
    pValue: null,
    mcid: mcid ?? null,
    direction,
    benefit: null,
    benefitCiLower: null,
    benefitCiUpper: null,
    significant: null,
    imprecise: null,
    relevance: null,
  } satisfies EffectRow;
  let est: Estimate;
  try {
    est = compute();
  } catch (err) {
    if (err instanceof HtaError && err.code === 'analysis.failed') {
      const n = (err as HtaError & { n?: EffectRow['n'] }).n;
      return { ...empty, ...(n ? { n } : {}), error: err.message };
    }
    throw err;
  }
  const { extra, ...numbers } = est;
  const j = judgeDifference(numbers.difference, numbers.ciLower, numbers.ciUpper, mcid ?? 1, direction);
  return {
    ...empty,
    ...numbers,
    benefit: j.benefit,
    benefitCiLower: j.benefitCiLower,
    benefitCiUpper: j.benefitCiUpper,
    significant: j.significant,
    imprecise: mcid === undefined ? null : j.imprecise,
    relevance: mcid === undefined ? null : j.relevance,
    ...extra,
  };
}

export function analyzeTrial(trial: TrialData, options: AnalyzeOptions): AnalysisResult {
  const plan = trial.plan;
  const confLevel = 1 - plan.alpha;
  const effects: EffectRow[] = [];
  const warnings: string[] = [];
  const instrumentOf = new Map<string, Instrument>(trial.sources.map((s) => [s.key, s.instrument]));

  for (const outcome of plan.outcomes) {
    const inst = instrumentOf.get(outcome.key) as Instrument;
    const direction = outcome.direction ?? inst.direction;
    const mcid = mcidForOutcome(outcome, inst);
    for (const time of plan.timepoints) {
      const base = { outcome: outcome.key, label: labelOf(outcome), time };
      if (inst.kind === 'binary') {
        const v = followUpValues(trial, outcome.key, time);
        const counts = {
          intervention: { events: v.intervention.filter((x) => x === 1).length, n: v.intervention.length },
          control: { events: v.control.filter((x) => x === 1).length, n: v.control.length },
        };
        effects.push(row({ ...base, method: 'risk-difference' }, confLevel, outcome.mcid, direction, () => binaryEffect(counts, confLevel, direction === 'lower-is-better' ? 'bad' : 'good')));
        continue;
      }
      const pairs = outcomePairs(trial, outcome.key, time);
      const follow = followUpValues(trial, outcome.key, time);
      for (const method of plan.methods) {
        effects.push(
          row({ ...base, method }, confLevel, mcid, direction, () =>
            continuousEffect(method as EffectMethod, { pairs, follow, covariates: plan.covariates, confLevel, bootstrap: options.bootstrap }),
          ),
        );
      }
    }
  }

  for (const r of plan.responders) {
    const outcome = plan.outcomes.find((o) => o.key === r.outcome) as PlanOutcome;
    const inst = instrumentOf.get(outcome.key) as Instrument;
    for (const time of plan.timepoints) {
      const counts = countResponders(outcomePairs(trial, outcome.key, time), r, outcome.direction ?? inst.direction);
      effects.push(
        row({ outcome: r.key, label: labelOf(r), time, method: 'risk-difference' }, confLevel, undefined, 'higher-is-better', () => binaryEffect(counts, confLevel)),
      );
    }
  }

  const patients = { intervention: 0, control: 0 };
  for (const p of trial.patients) patients[p.arm]++;
  for (const e of effects) if (e.error) warnings.push(`${e.outcome} at ${e.time} (${e.method}): ${e.error}`);
  return {
    tool: { name: 'hta', version: options.version },
    input: { file: trial.file, layout: trial.layout, patients },
    plan: { baseline: plan.baseline, timepoints: plan.timepoints, covariates: plan.covariates, alpha: plan.alpha, primary: plan.primary ?? null },
    descriptives: describeByArm(trial),
    effects,
    warnings,
  };
}
