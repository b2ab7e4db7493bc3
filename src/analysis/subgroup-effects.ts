/**
 * Subgroup analyses (docs/subgroups.md): for each plan subgroup × outcome × time, the effect
 * within each level (ANCOVA within the level, or the risk difference) with its MCID verdict, the
 * test for interaction, and the credibility facts (ICEMAN) a committee weighs.
 */
import { outcomeTimepoints } from '../plan/outcome-timepoints.js';
import { HtaError } from '../errors.js';
import type { Direction, Instrument } from '../instruments/instrument.js';
import { directionForOutcome, mcidForOutcome } from '../plan/outcome-instrument.js';
import type { PlanSubgroup } from '../plan/plan-schema.js';
import { countWord } from '../report/count-words.js';
import { danishReason } from '../report/failure-reasons.js';
import { ancovaInteraction } from '../stats/ancova-interaction.js';
import { analysisFailed } from '../stats/arm-size.js';
import { riskDifferenceHeterogeneity } from '../stats/risk-difference-heterogeneity.js';
import { covariateColumnOf } from '../trial/load-trial.js';
import { sameCategory } from '../trial/category-values.js';
import { subgroupLevelName } from '../trial/subgroup-level-name.js';
import { followUpByPatient, type OutcomePairs } from '../trial/outcome-pairs.js';
import { atZeroUnderPercent, isResponder, type ResponderCounts, zeroBaselineCounts } from '../trial/responders.js';
import type { Arm, TrialData } from '../trial/trial-data.js';
import { binaryEffect } from './binary-effect.js';
import { continuousEffect } from './continuous-effect.js';
import { labelOf, row } from './judged-row.js';
import type { SubgroupResult } from './results-schema.js';
import { subgroupLevels } from './subgroup-levels.js';
import { heldBack, testHeldBack } from './subgroup-warnings.js';

export interface SubgroupContext {
  pairsAt: (key: string, time: string) => OutcomePairs;
  confLevel: number;
  alpha: number;
}

/** One analysis before the credibility facts, which need the number of tests in the run. */
type Pending = Omit<SubgroupResult, 'credibility'> & { sg: PlanSubgroup };

const ARM_NAMES: readonly Arm[] = ['intervention', 'control'];

/**
 * Patients of one level: both arms with at least the subgroup's `minPerArm`, else a clear reason
 * (the row's `error`). One minimum for the ANCOVA and the risk difference alike: a level of 3/3
 * patients got an estimate, a verdict and a place in the interaction test (docs/subgroups.md#too-few-patients-in-a-level).
 */
function checkLevel(level: string, n: Record<Arm, number>, time: string, min: number): void {
  if (n.intervention === 0 && n.control === 0) throw analysisFailed(`no patient in level '${level}' has the values this analysis needs at ${time}`, n);
  const empty = ARM_NAMES.find((a) => n[a] === 0);
  if (empty) throw analysisFailed(`level '${level}' has patients in one arm only (intervention ${n.intervention}, control ${n.control}), so no effect can be estimated within it`, n);
  const few = ARM_NAMES.find((a) => n[a] < min);
  if (few) throw analysisFailed(`level '${level}' has too few patients to estimate an effect within it: fewer than ${min} in the ${few} arm (the subgroup's "minPerArm"); it is left out of the test for interaction`, n);
}

/** Whether a level has the subgroup's minimum in each arm (enters the test for interaction). */
const enough = (n: Record<Arm, number>, min: number) => ARM_NAMES.every((a) => n[a] >= min);

function pickPairs(pairs: OutcomePairs, idx: readonly number[]): OutcomePairs {
  const covariates: OutcomePairs['covariates'] = {};
  for (const [k, v] of Object.entries(pairs.covariates)) covariates[k] = idx.map((i) => v[i] as string | number | null);
  return { ids: idx.map((i) => pairs.ids[i] as string), arm: idx.map((i) => pairs.arm[i] as Arm), baseline: idx.map((i) => pairs.baseline[i] as number), followUp: idx.map((i) => pairs.followUp[i] as number), covariates };
}

/** Patients of `ids` per level (indexes into ids), and those left out. */
function splitByLevel(ids: readonly string[], valueOf: (id: string) => string | number | null | undefined, levels: ReturnType<typeof subgroupLevels>) {
  const byLevel = new Map<string, number[]>(levels.levels.map((l) => [l, []]));
  const excluded = { missing: 0, otherValue: 0 };
  ids.forEach((id, i) => {
    const hit = levels.levelOf(valueOf(id));
    if ('level' in hit) byLevel.get(hit.level)?.push(i);
    else if ('missing' in hit) excluded.missing++;
    else excluded.otherValue++;
  });
  return { byLevel, excluded };
}

function failedInteraction(test: SubgroupResult['interaction']['test'], levelsTested: string[], extra: Pick<SubgroupResult['interaction'], 'levelsTooFew' | 'minPerArm'>, err: unknown): SubgroupResult['interaction'] {
  if (!(err instanceof HtaError && err.code === 'analysis.failed')) throw err;
  return { test, statistic: null, df1: null, df2: null, pValue: null, levelsTested, ...extra, error: err.message };
}

/** The levels tested and those left out for too few patients (present only when any), with the minimum. */
function testedLevels(levels: readonly string[], countOf: (level: string) => Record<Arm, number>, min: number) {
  const withPatients = levels.filter((l) => countOf(l).intervention + countOf(l).control > 0);
  const tested = withPatients.filter((l) => enough(countOf(l), min));
  const tooFew = withPatients.filter((l) => !tested.includes(l));
  // Every level tested has patients in both arms ("minPerArm" is at least 1): the tests' own
  // one-arm guards (stats/ancova-interaction.ts, risk-difference-heterogeneity.ts) are for other callers.
  return { tested, extra: { ...(tooFew.length ? { levelsTooFew: tooFew } : {}), minPerArm: min } };
}

/**
 * Levels named in a sentence: at most 5, then how many more (a numeric column without cuts left
 * 48 ages out, each named).
 */
function levelList(names: readonly string[], lang: 'en' | 'da'): string {
  const shown = names.slice(0, 5).map((l) => `'${l}'`).join(', ');
  const more = names.length - 5;
  return more > 0 ? `${shown} ${lang === 'da' ? `og ${more} andre` : `and ${more} more`}` : shown;
}

/**
 * Fewer than 2 levels left once the levels below the minimum are held back: the test is not run,
 * and the reason says so. The stats' own "needs at least 2 levels with patients (found 1)" would
 * contradict the level held back, which has patients (docs/subgroups.md#too-few-patients-in-a-level).
 */
function tooFewLevelsLeft(test: SubgroupResult['interaction']['test'], tested: string[], extra: Pick<SubgroupResult['interaction'], 'levelsTooFew' | 'minPerArm'>): SubgroupResult['interaction'] | undefined {
  const few = extra.levelsTooFew ?? [];
  if (tested.length >= 2 || few.length === 0) return undefined;
  const error = `fewer than 2 levels have at least ${extra.minPerArm} patients in each arm; left out: ${levelList(few, 'en')}`;
  return { test, statistic: null, df1: null, df2: null, pValue: null, levelsTested: tested, ...extra, error };
}

/**
 * Whether a subgroup row failed for a reason other than the plan's own minimum per arm. A level
 * with fewer than "minPerArm" patients in an arm — none in one arm included — and a test left
 * with fewer than 2 levels by them, are the plan's stated choice, reported as a note, not a
 * failure (`hta analyze` exits 0, as `hta report` does; docs/subgroups.md#too-few-patients-in-a-level).
 */
export function subgroupFailed(g: SubgroupResult): boolean {
  const levelFailed = g.levels.some((l) => l.effect.error !== undefined && !heldBack(g, l.level));
  return levelFailed || (g.interaction.error !== undefined && !testHeldBack(g));
}

export function subgroupAnalyses(trial: TrialData, ctx: SubgroupContext): SubgroupResult[] {
  const plan = trial.plan;
  const { confLevel } = ctx;
  const instrumentOf = new Map<string, Instrument>(trial.sources.map((s) => [s.key, s.instrument]));
  const patientById = new Map(trial.patients.map((p) => [p.id, p]));
  const pending: Pending[] = [];

  for (const sg of plan.subgroups) {
    const valueOf = (id: string) => patientById.get(id)?.attributes?.[sg.column];
    const levels = subgroupLevels(sg, trial.patients.map((p) => p.attributes?.[sg.column]));
    // A covariate on the subgroup's own column, its values the levels, is constant within a level
    // and duplicates the subgroup in the interaction model, so it is left out of this subgroup's
    // models. Cut into ranges (`cuts`) it still varies within each range and is kept: age in
    // 45–<60 still predicts the outcome (docs/subgroups.md).
    const covariates = plan.covariates.filter((c) => sg.cuts !== undefined || covariateColumnOf(plan, c) !== sg.column);
    const label = { en: sg.label.en, da: sg.label.da ?? sg.label.en };

    const continuous = (outcomeKey: string, outcomeLabel: string, time: string, mcid: number | undefined, direction: Direction) => {
      const all = ctx.pairsAt(outcomeKey, time);
      // Complete cases for the covariates too, as the overall ANCOVA.
      const complete = all.ids.flatMap((_, i) => (covariates.every((c) => all.covariates[c]?.[i] !== null && all.covariates[c]?.[i] !== undefined) ? [i] : []));
      const pairs = pickPairs(all, complete);
      const { byLevel } = splitByLevel(pairs.ids, valueOf, levels);
      // Counted among every patient with the outcome, before the covariates' complete cases: a
      // subgroup cutting a covariate (alder) lost its patients with no age there and said "0 (missing)".
      const { excluded } = splitByLevel(all.ids, valueOf, levels);
      const base = { outcome: outcomeKey, label: outcomeLabel, time, method: 'ancova' as const };
      const rows = levels.levels.map((level) => {
        const sub = pickPairs(pairs, byLevel.get(level) ?? []);
        const n = { intervention: sub.arm.filter((a) => a === 'intervention').length, control: sub.arm.filter((a) => a === 'control').length };
        // A covariate with one value in this level (country in a one-country setting) has no
        // within-level effect to estimate: it is left out of this level's model (the row's `covariates` say so).
        const levelCovariates = covariates.filter((c) => new Set((sub.covariates[c] ?? []).map(String)).size > 1);
        const effect = row(base, confLevel, mcid, direction, () => {
          checkLevel(level, n, time, sg.minPerArm);
          try {
            // No follow-up-only values here: the SMD is left to the overall rows.
            return continuousEffect('ancova', { pairs: sub, follow: { intervention: [], control: [] }, covariates: levelCovariates, confLevel });
          } catch (err) {
            throw err instanceof HtaError && !('n' in err) ? Object.assign(err, { n }) : err;
          }
        });
        return { level, effect: { ...effect, population: 'trial' as const } };
      });
      const armCount = (l: string) => {
        const idx = byLevel.get(l) ?? [];
        return { intervention: idx.filter((i) => pairs.arm[i] === 'intervention').length, control: idx.filter((i) => pairs.arm[i] === 'control').length };
      };
      const { tested, extra } = testedLevels(levels.levels, armCount, sg.minPerArm);
      const test = 'F (ANCOVA arm × subgroup, nested lm)' as const;
      let interaction = tooFewLevelsLeft(test, tested, extra);
      if (!interaction) try {
        const idx = tested.flatMap((l) => byLevel.get(l) ?? []).sort((a, b) => a - b);
        const levelIndex = new Map<number, number>();
        tested.forEach((l, j) => (byLevel.get(l) ?? []).forEach((i) => levelIndex.set(i, j)));
        const f = ancovaInteraction({
          outcome: idx.map((i) => pairs.followUp[i] as number),
          baseline: idx.map((i) => pairs.baseline[i] as number),
          treated: idx.map((i) => (pairs.arm[i] === 'intervention' ? 1 : 0)),
          level: idx.map((i) => levelIndex.get(i) as number),
          levels: tested,
          covariates: covariates.map((name) => ({ name, values: idx.map((i) => pairs.covariates[name]?.[i] as string | number) })),
        });
        interaction = { test, statistic: f.statistic, df1: f.df1, df2: f.df2, pValue: f.pValue, levelsTested: tested, ...extra };
      } catch (err) {
        interaction = failedInteraction(test, tested, extra, err);
      }
      pending.push({ sg, subgroup: sg.column, label, outcome: outcomeKey, outcomeLabel, time, method: 'ancova', levels: rows, excluded, interaction });
    };

    /**
     * Per-patient 0/1 values with their ids → counts per level, effects and the Q test. `zero`: a
     * responder row's patients at a baseline of 0 under a percent rule, counted per level
     * (`atZeroBaseline`, as the trial's rows: responders.ts).
     */
    const binary = (outcomeKey: string, outcomeLabel: string, time: string, ids: string[], arms: Arm[], events: boolean[], mcid: number | undefined, direction: Direction, event: 'good' | 'bad', zero?: readonly boolean[]) => {
      const { byLevel, excluded } = splitByLevel(ids, valueOf, levels);
      const countsOf = (level: string): ResponderCounts => {
        const c: ResponderCounts = { intervention: { events: 0, n: 0 }, control: { events: 0, n: 0 } };
        for (const i of byLevel.get(level) ?? []) {
          const cell = c[arms[i] as Arm];
          cell.n++;
          if (events[i]) cell.events++;
        }
        return c;
      };
      const base = { outcome: outcomeKey, label: outcomeLabel, time, method: 'risk-difference' as const };
      const rows = levels.levels.map((level) => {
        const c = countsOf(level);
        const effect = row(base, confLevel, mcid, direction, () => {
          checkLevel(level, { intervention: c.intervention.n, control: c.control.n }, time, sg.minPerArm);
          return binaryEffect(c, confLevel, event);
        });
        const atZeroBaseline = zero && !effect.error ? zeroBaselineCounts(zero, arms, byLevel.get(level) ?? []) : undefined;
        return { level, effect: { ...effect, ...(atZeroBaseline ? { atZeroBaseline } : {}), population: 'trial' as const } };
      });
      const { tested, extra } = testedLevels(levels.levels, (l) => ({ intervention: countsOf(l).intervention.n, control: countsOf(l).control.n }), sg.minPerArm);
      const test = 'Cochran Q (risk differences)' as const;
      let interaction = tooFewLevelsLeft(test, tested, extra);
      if (!interaction) try {
        const q = riskDifferenceHeterogeneity(tested.map((l) => ({ name: l, ...countsOf(l) })));
        interaction = { test, statistic: q.statistic, df1: q.df, df2: null, pValue: q.pValue, levelsTested: tested, ...extra };
      } catch (err) {
        interaction = failedInteraction(test, tested, extra, err);
      }
      pending.push({ sg, subgroup: sg.column, label, outcome: outcomeKey, outcomeLabel, time, method: 'risk-difference', levels: rows, excluded, interaction });
    };

    for (const outcome of plan.outcomes) {
      const inst = instrumentOf.get(outcome.key) as Instrument;
      const direction = directionForOutcome(outcome, inst);
      const mcid = mcidForOutcome(outcome, inst);
      for (const time of outcomeTimepoints(plan, outcome.key)) {
        if (inst.kind !== 'binary') {
          continuous(outcome.key, labelOf(outcome, trial.plan), time, mcid, direction);
          continue;
        }
        const f = followUpByPatient(trial, outcome.key, time);
        binary(outcome.key, labelOf(outcome, trial.plan), time, f.ids, f.arm, f.values.map((v) => v === 1), mcid, direction, direction === 'lower-is-better' ? 'bad' : 'good');
      }
    }
    for (const r of plan.responders) {
      const outcome = plan.outcomes.find((o) => o.key === r.outcome);
      if (!outcome) continue;
      const direction = directionForOutcome(outcome, instrumentOf.get(outcome.key) as Instrument);
      for (const time of outcomeTimepoints(plan, outcome.key)) {
        const pairs = ctx.pairsAt(outcome.key, time);
        const events = pairs.ids.map((_, i) => isResponder(pairs.baseline[i] as number, pairs.followUp[i] as number, r, direction));
        const zero = pairs.baseline.map((b) => atZeroUnderPercent(b as number, r));
        binary(r.key, labelOf(r, trial.plan), time, pairs.ids, pairs.arm, events, undefined, 'higher-is-better', 'good', zero);
      }
    }
  }

  const tests = pending.length;
  return pending.map(({ sg, ...result }) => ({ ...result, credibility: credibilityOf(sg, result, tests, ctx.alpha) }));
}

/** Benefit of each level with an estimate; whether the predicted level's is the largest. */
function directionHeld(levels: SubgroupResult['levels'], predicted: string | null): boolean | null {
  if (predicted === null) return null;
  // The plan's spelling names the export's in any case (category-values.ts): "mand" is `Mand`.
  const own = levels.find((l) => sameCategory(l.level, predicted))?.effect.benefit;
  const others = levels.filter((l) => !sameCategory(l.level, predicted)).map((l) => l.effect.benefit).filter((b): b is number => b !== null);
  if (own === null || own === undefined || others.length === 0) return null;
  return others.every((b) => own > b);
}

function formatP(p: number, lang: 'en' | 'da'): string {
  const text = p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`;
  return lang === 'da' ? text.replace('.', ',') : text;
}

export function credibilityOf(sg: PlanSubgroup, r: Omit<SubgroupResult, 'credibility'>, tests: number, alpha: number): SubgroupResult['credibility'] {
  const predictedLarger = sg.predictedDirection ? String(sg.predictedDirection.larger) : null;
  const held = directionHeld(r.levels, predictedLarger);
  const p = r.interaction.pValue;
  const what = { en: r.label.en, da: r.label.da };
  let statement: { en: string; da: string };
  const few = r.interaction.levelsTooFew ?? [];
  const min = r.interaction.minPerArm ?? sg.minPerArm;
  // Levels named as the report names them (`levelLabels`), not by the export's raw values.
  const names = (lang: 'en' | 'da') => levelList(few.map((l) => subgroupLevelName(sg.levelLabels, l, lang)), lang);
  // With levels left out the test compares those tested, not the subgroup: said by how many levels and patients.
  const patientsIn = (levels: readonly string[]) => r.levels.filter((l) => levels.includes(l.level)).reduce((a, l) => a + l.effect.n.intervention + l.effect.n.control, 0);
  const testedNames = few.length ? r.interaction.levelsTested : [];
  const tested = { levels: testedNames.length, allLevels: testedNames.length + few.length, patients: patientsIn(testedNames), allPatients: patientsIn([...testedNames, ...few]) };
  const among =
    few.length && tested.levels >= 2
      ? { en: `, between the ${tested.levels} of ${tested.allLevels} levels tested: ${tested.patients} of ${tested.allPatients} patients`, da: `, mellem de ${tested.levels} af ${tested.allLevels} niveauer i testen: ${tested.patients} af ${tested.allPatients} patienter` }
      : { en: '', da: '' };
  const mostLeftOut = few.length > 0 && tested.levels >= 2 && 2 * tested.patients < tested.allPatients;
  if (p === null && few.length && r.interaction.levelsTested.length < 2) {
    // Not run for want of levels (tooFewLevelsLeft): its reason, with the levels' labels.
    statement = {
      en: `The interaction could not be tested (fewer than 2 levels have at least ${min} patients in each arm; left out: ${names('en')}); no conclusion about whether the effect differs by ${what.en}.`,
      da: `Interaktionen kunne ikke testes (færre end 2 niveauer har mindst ${min} patienter i hver gruppe; udeladt: ${names('da')}); ingen konklusion om, hvorvidt effekten er forskellig efter ${what.da}.`,
    };
  } else if (p === null) {
    statement = {
      en: `The interaction could not be tested (${r.interaction.error ?? 'no result'}); no conclusion about whether the effect differs by ${what.en}.`,
      // results.json keeps the English reason in `interaction.error`; the Danish statement words it in Danish (src/report/failure-reasons.ts).
      da: `Interaktionen kunne ikke testes (${r.interaction.error === undefined ? 'intet resultat' : (danishReason(r.interaction.error) ?? `på engelsk: ${r.interaction.error}`)}); ingen konklusion om, hvorvidt effekten er forskellig efter ${what.da}.`,
    };
  } else if (p >= alpha) {
    statement = {
      en: `No evidence that the effect differs by ${what.en} (interaction p ${formatP(p, 'en')}${among.en}).`,
      da: `Ingen evidens for, at effekten er forskellig efter ${what.da} (interaktion p ${formatP(p, 'da')}${among.da}).`,
    };
  } else if (mostLeftOut) {
    // Most patients in levels left out: the test compares a few levels, not the subgroup (docs/subgroups.md#too-few-patients-in-a-level).
    statement = {
      en: `The interaction test between the ${tested.levels} of ${tested.allLevels} levels of ${what.en} that could be tested (${tested.patients} of ${tested.allPatients} patients) gave p ${formatP(p, 'en')}, but most patients are in levels left out: no conclusion about whether the effect differs by ${what.en}; weigh its credibility: ${sg.prespecified ? 'prespecified' : 'not prespecified'}, ${testsCount(tests).en}.`,
      da: `Interaktionstesten mellem de ${tested.levels} af ${tested.allLevels} niveauer af ${what.da}, der kunne testes (${tested.patients} af ${tested.allPatients} patienter), gav p ${formatP(p, 'da')}, men de fleste patienter er i udeladte niveauer: ingen konklusion om, hvorvidt effekten er forskellig efter ${what.da}; vurdér troværdigheden: ${sg.prespecified ? 'forhåndsspecificeret' : 'ikke forhåndsspecificeret'}, ${testsCount(tests).da}.`,
    };
  } else {
    const dir = {
      en: predictedLarger === null ? 'direction not predicted' : held === null ? 'predicted direction not assessable' : held ? 'predicted direction held' : 'predicted direction did not hold',
      da: predictedLarger === null ? 'retning ikke forudsagt' : held === null ? 'forudsagt retning kan ikke vurderes' : held ? 'forudsagt retning holdt' : 'forudsagt retning holdt ikke',
    };
    statement = {
      en: `The effect may differ by ${what.en} (interaction p ${formatP(p, 'en')}${among.en}); weigh its credibility: ${sg.prespecified ? 'prespecified' : 'not prespecified'}, ${testsCount(tests).en}, ${dir.en}.`,
      da: `Effekten kan være forskellig efter ${what.da} (interaktion p ${formatP(p, 'da')}${among.da}); vurdér troværdigheden: ${sg.prespecified ? 'forhåndsspecificeret' : 'ikke forhåndsspecificeret'}, ${testsCount(tests).da}, ${dir.da}.`,
    };
  }
  // Levels left out of the test for too few patients: said with the statement, not only in the JSON.
  // Not repeated when the test was not run for want of levels: its reason already names them.
  if (few.length && r.interaction.levelsTested.length >= 2) {
    statement = {
      en: `${statement.en} Left out of the test for fewer than ${min} patients in an arm: ${few.length === 1 ? 'level' : 'levels'} ${names('en')}.`,
      da: `${statement.da} Udeladt af testen, fordi der er færre end ${min} patienter i en gruppe: ${few.length === 1 ? 'niveauet' : 'niveauerne'} ${names('da')}.`,
    };
  }
  return { prespecified: sg.prespecified, interactionP: p, subgroupTestsInRun: tests, predictedLarger, directionHeld: held, statement };
}


/**
 * "one of 4 subgroup tests in this run" — or, when it is the run's only test, "the only subgroup
 * test in this run" (never "one of 1 … tests"). The Danish count is written as the page's ICEMAN
 * line writes it ("fire subgruppetests i denne analyse": up to ten in words, docs/glossary-da.md),
 * so the statement and that line under one forest say it one way: "én af fire subgruppetests".
 */
function testsCount(tests: number): { en: string; da: string } {
  return tests === 1
    ? { en: 'the only subgroup test in this run', da: 'den eneste subgruppetest i denne analyse' }
    : { en: `one of ${tests} subgroup tests in this run`, da: `én af ${countWord(tests, 'da')} subgruppetests i denne analyse` };
}
