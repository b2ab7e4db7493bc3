/**
 * The cost-effectiveness analysis from the trial's patients (docs/plan-cea.md): per-patient
 * costs and QALYs → incremental cost and QALY adjusted for baseline utility (SUR/OLS), missing
 * data by multiple imputation per arm, bootstrap with imputation nested in each replicate, and
 * the decision summaries (ICER in words, CE-plane quadrants, CEAC, NMB, cost per extra
 * responder), then the one-way sensitivity scenarios. Pure apart from the progress callback.
 */
import { HtaError } from '../errors.js';
import { normInterQuantile } from '../stats/bootstrap-intervals.js';
import type { CsvTable } from '../io/read-csv.js';
import type { TrialData } from '../trial/trial-data.js';
import { bootstrapCea, type CeaBootstrap, everyRow } from './cea-bootstrap.js';
import { type QalyAdvice, refuseThinArms, thinArm } from './imputable-resamples.js';
import { emptyCellNotes, missingCostCauses } from './empty-cells.js';
import { type CeaColumns, completeData, hasMissing, imputeByArm, missingAt } from './cea-imputation.js';
import { type CeaPatients, ceaPatients, patientQalys } from './cea-patients.js';
import type { CeaResult, CeaScenario, CeaThreshold, CeaWarningKind } from './cea-results-schema.js';
import { acceptability, costPerExtraResponder, icerVerdict, quadrantShares, wtpGrid } from './ce-summaries.js';
import { incrementalFit } from './incremental-regression.js';
import { type MonteCarloError, monteCarloWarning, poolWithMonteCarloError, shareOfSe } from './monte-carlo-error.js';
import { noteIn, type PlanNote, type ResolvedCeaPlan } from './load-cea-plan.js';
import { discountSentence } from './discount-text.js';
import { categoryCosts, type CostScenario, patientCosts } from './patient-costs.js';
import { regressorsText } from './cea-phrases.js';
import { scenarioDa } from './cea-text.js';
import { outcomeLabel } from '../plan/outcome-label.js';

export interface AnalyzeCeaOptions {
  version: string;
  /** How the inputs are named in the results (as given, never absolute paths). */
  names: { export: string; plan: string; trialPlan: string };
  /** Overrides the plan's replicates (tests, quick looks). */
  replicates?: number;
  sensitivityReplicates?: number;
  onProgress?: (done: number, total: number) => void;
  /** What the reader should know about how the export was read (stderr `note:`), e.g. baseline resource use left out; in both languages where a Danish user usually meets it. */
  onNote?: (text: PlanNote) => void;
  /**
   * The warnings, as results.json's `warnings` holds them in English, but in both languages where
   * a Danish user usually meets them (the Monte Carlo error): for `hta cea --lang da`'s stderr.
   */
  onWarnings?: (warnings: readonly PlanNote[]) => void;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** The plan's covariates dummy-coded over the population (first sorted level = reference); constant ones dropped. */
function covariateColumns(data: CeaPatients, names: readonly string[]): { columns: { name: string; values: (number | null)[] }[]; dropped: string[] } {
  const columns: { name: string; values: (number | null)[] }[] = [];
  const dropped: string[] = [];
  for (const c of names) {
    const raw = data.patients.map((p) => p.covariates[c] ?? null);
    const seen = raw.filter((v): v is string | number => v !== null);
    const categorical = seen.some((v) => typeof v === 'string');
    const levels = [...new Set(seen.map(String))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (levels.length < 2) {
      dropped.push(c);
      continue;
    }
    if (categorical) for (const level of levels.slice(1)) columns.push({ name: `${c}${level}`, values: raw.map((v) => (v === null ? null : String(v) === level ? 1 : 0)) });
    else columns.push({ name: c, values: raw as (number | null)[] });
  }
  return { columns, dropped };
}

interface Estimate {
  cost: { estimate: number; se: number };
  qaly: { estimate: number; se: number };
  covariance: number;
  /** Under multiple imputation: the Monte Carlo error of the pooled estimates (monte-carlo-error.ts). */
  monteCarlo: MonteCarloError | null;
}

/** Point estimates: OLS/SUR on the complete data, or on each of m imputations pooled by Rubin's rules. */
function pointEstimate(cols: CeaColumns, m: number, seed: number): Estimate {
  const rows = everyRow(cols.arm.length);
  if (!hasMissing(cols)) {
    const f = incrementalFit(completeData(cols, rows));
    return { cost: f.cost, qaly: f.qaly, covariance: f.covariance, monteCarlo: null };
  }
  const fits = imputeByArm(cols, rows, m, seed).map(incrementalFit);
  // Pooled by Rubin's rules, with the Monte Carlo error that m imputations leave in q̄ (its
  // complete-data df, n − p ≥ 1 by incrementalFit, enters the fraction of missing information).
  const pooled = poolWithMonteCarloError(fits);
  return { cost: pooled.cost, qaly: pooled.qaly, covariance: mean(fits.map((f) => f.covariance))!, monteCarlo: pooled.monteCarlo };
}

function completeRows(cols: CeaColumns): CeaColumns {
  const keep = cols.arm.map((_, i) => i).filter((i) => !missingAt(cols, i));
  const take = <T>(col: readonly T[]) => keep.map((i) => col[i]!);
  return { arm: take(cols.arm), baselineUtility: take(cols.baselineUtility), cost: take(cols.cost), qaly: take(cols.qaly), covariates: cols.covariates.map((c) => ({ name: c.name, values: take(c.values) })) };
}

function thresholdResults(est: Estimate, boot: Pick<CeaBootstrap, 'cost' | 'qaly'>, thresholds: readonly number[]): CeaThreshold[] {
  const p = acceptability(boot.cost, boot.qaly, thresholds);
  return thresholds.map((l, k) => {
    const nmb = boot.cost.map((c, i) => l * boot.qaly[i]! - c).sort((a, b) => a - b);
    return { threshold: l, nmb: { estimate: l * est.qaly.estimate - est.cost.estimate, ciLower: normInterQuantile(nmb, 0.025), ciUpper: normInterQuantile(nmb, 0.975) }, probabilityCostEffective: p[k]! };
  });
}

function percentileCi(xs: readonly number[]): { ciLower: number; ciUpper: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { ciLower: normInterQuantile(s, 0.025), ciUpper: normInterQuantile(s, 0.975) };
}

export function analyzeCea(trial: TrialData, csv: CsvTable, resolved: ResolvedCeaPlan, options: AnalyzeCeaOptions): CeaResult {
  const { plan } = resolved;
  const data = ceaPatients(trial, csv, resolved);
  const warnings: PlanNote[] = [];
  // Each warning's kind, one for one with `warnings`: results.json's warningTexts (docs/plan-cea.md#results).
  const kinds: CeaWarningKind[] = [];
  const warn = (kind: CeaWarningKind, w: PlanNote) => {
    warnings.push(w);
    kinds.push(kind);
  };
  if (data.baselineResourceRows) {
    const n = data.baselineResourceRows;
    const columns = data.baselineResourceColumns.map((c) => `"${c}"`).join(', ');
    const periods = plan.periods.map((p) => `"${p}"`).join(', ');
    options.onNote?.({
      en: `${trial.file}: baseline resource use (the months before randomisation) is not counted: ${n} baseline row${n === 1 ? '' : 's'} hold${n === 1 ? 's' : ''} units in ${columns}; the costs are those of the periods ${periods}`,
      da: `${trial.file}: ressourceforbrug ved baseline (månederne før randomiseringen) tælles ikke med: ${n} ${n === 1 ? 'baselinerække har' : 'baselinerækker har'} forbrug i ${columns}; omkostningerne er periodernes ${periods}`,
    });
  }
  // Follow-up past the last period (the analysis's horizon): said, since its units are not costed.
  for (const u of data.uncountedVisits) {
    const columns = plan.resourceUse.map((r) => `"${r.column}"`).join(', ');
    const last = plan.periods[plan.periods.length - 1];
    options.onNote?.({
      en: `${trial.file}: resource use after the last period is not counted: ${u.rows} "${u.visit}" row${u.rows === 1 ? '' : 's'} hold${u.rows === 1 ? 's' : ''} units in ${columns}; the analysis ends at "${last}"`,
      da: `${trial.file}: ressourceforbrug efter den sidste periode tælles ikke med: ${u.rows} ${u.rows === 1 ? 'række' : 'rækker'} fra "${u.visit}" har forbrug i ${columns}; analysen slutter ved "${last}"`,
    });
  }
  for (const note of emptyCellNotes(data, resolved, trial.file)) options.onNote?.(note);
  // Excel's accounting zero (accounting-zero.ts): read as 0, said so the reader can check it.
  for (const d of data.dashZeros) options.onNote?.({
    en: `${trial.file}: "${d.column}": ${d.cells} cell${d.cells === 1 ? '' : 's'} written as Excel's accounting zero (${d.amounts ? 'a dash in a column of amounts, "-" or "kr. -"' : 'a dash with a currency mark, "kr. -"'}) read as 0 (no use)`,
    da: `${trial.file}: "${d.column}": ${d.cells} ${d.cells === 1 ? 'celle' : 'celler'} skrevet som Excels regnskabsnul (${d.amounts ? 'en tankestreg i en kolonne med beløb, "-" eller "kr. -"' : 'en tankestreg med valutategn, "kr. -"'}) læst som 0 (intet forbrug)`,
  });
  const observedOnly = plan.qalyMissing === 'observed-visits';
  const qaly = patientQalys(data, observedOnly);
  const { columns: covariates, dropped } = covariateColumns(data, trial.plan.covariates);
  const tier = resolved.interventionPrice.tier;
  if (tier?.placeholder) warn('placeholder-price', placeholderPriceWarning(tier.uptakePlan));
  // A patient's own visit row left out (--exclude-invalid) is not a summary row: its period is
  // missing and imputed, which can bias the estimate (docs/plan-cea.md#inputs). Said, never silent.
  if (data.leftOutVisitRows.rows) warn('rows-left-out', leftOutWarning(data.leftOutVisitRows));
  if (dropped.length) warn('single-value-covariates', {
    en: `covariate(s) ${dropped.join(', ')} take a single value among the analysed patients and are left out of the regressions`,
    da: `${dropped.length === 1 ? 'kovariaten' : 'kovariaterne'} ${dropped.join(', ')} har kun én værdi blandt de analyserede patienter og er udeladt af regressionerne`,
  });
  const arm = data.patients.map((p) => (p.arm === 'intervention' ? 1 : 0));
  const n = { intervention: arm.filter((a) => a === 1).length, control: arm.filter((a) => a === 0).length };
  if (n.intervention < 2 || n.control < 2) throw new HtaError('analysis.failed', `the cost-effectiveness analysis needs at least 2 patients per arm (have ${n.intervention} and ${n.control})`);
  const baselineUtility = data.patients.map((p) => p.utilities[0] ?? null);
  const columnsFor = (s: CostScenario): CeaColumns => ({ arm, baselineUtility, cost: patientCosts(data, resolved, s), qaly, covariates });

  const base: CostScenario = { perspective: plan.perspective, unitCostFactor: 1, priceFactor: 1 };
  const B = options.replicates ?? plan.bootstrap.replicates;
  const Bs = options.sensitivityReplicates ?? plan.sensitivity.replicates;
  const scenarios: { key: string; changed: string; cost: CostScenario; completeCase?: boolean }[] = [
    { key: 'price-low', changed: `intervention price −${pct(plan.sensitivity.interventionPrice)}`, cost: { ...base, priceFactor: 1 - plan.sensitivity.interventionPrice } },
    { key: 'price-high', changed: `intervention price +${pct(plan.sensitivity.interventionPrice)}`, cost: { ...base, priceFactor: 1 + plan.sensitivity.interventionPrice } },
    { key: 'unit-costs-low', changed: `unit costs −${pct(plan.sensitivity.unitCosts)}`, cost: { ...base, unitCostFactor: 1 - plan.sensitivity.unitCosts } },
    { key: 'unit-costs-high', changed: `unit costs +${pct(plan.sensitivity.unitCosts)}`, cost: { ...base, unitCostFactor: 1 + plan.sensitivity.unitCosts } },
    plan.perspective === 'healthcare'
      ? { key: 'societal', changed: 'with productivity costs (societal perspective)', cost: { ...base, perspective: 'societal' } }
      : { key: 'healthcare', changed: 'without productivity costs (healthcare perspective)', cost: { ...base, perspective: 'healthcare' } },
    { key: 'complete-cases', changed: 'complete cases only (no imputation)', cost: base, completeCase: true },
  ];
  if (!plan.resourceUse.some((r) => r.category === 'productivity')) scenarios.splice(4, 1);
  const cols = columnsFor(base);
  const missingAny = hasMissing(cols);
  // With nothing missing the complete-case analysis is the base case itself: a second bootstrap of
  // it would only add Monte Carlo noise beside identical estimates (a reader took its probabilities
  // for a more pessimistic result). Left out; results.json's `method.missing` "none" and the page say why.
  if (!missingAny) scenarios.splice(scenarios.findIndex((x) => x.completeCase), 1);
  // A price of 0 is 0 at −50 % and +50 % too: those rows would repeat the base case. Left out, as
  // the complete-case row is; the summary and the page say why (interventionPrice.price 0).
  if (resolved.interventionPrice.price === 0) scenarios.splice(0, scenarios.length, ...scenarios.filter((x) => x.cost.priceFactor === 1));
  const total = B + scenarios.filter((x) => x.completeCase || x.cost.perspective !== base.perspective).length * Bs;
  let done = 0;
  const progress = (d: number) => options.onProgress?.(done + d, total);

  // Too few observed values in an arm to impute them in its resamples: refused before any work
  // (exit 2), for the base case and the recomputed perspective scenario (imputable-resamples.ts).
  const armValues = trial.plan.arms;
  // "observed-visits" is the way out for short QALYs only where it leaves each arm enough of them:
  // not for an arm with no EQ-5D after baseline (its last visit stays missing), nor when the plan says it already.
  const observedQalys = observedOnly ? null : patientQalys(data, true);
  const lastVisit = data.visits[data.visits.length - 1]!;
  const qalyAdvice: QalyAdvice = {
    observedVisitsHelps: observedQalys !== null && !thinArm(observedQalys, arm, 0) && !thinArm(observedQalys, arm, 1),
    cause: (a) => {
      const own = data.patients.filter((_, i) => arm[i] === a);
      if (!own.some((p) => p.utilities.slice(1).some((u) => u !== null))) return `no patient in this arm has an EQ-5D after baseline (${data.visits.slice(1).map((v) => `"${v}"`).join(', ')}), so no QALY can be computed or imputed; complete the arm's EQ-5D, or check the export (a column emptied for one arm?)`;
      if (observedQalys !== null && thinArm(observedQalys, arm, a)) return `"qalyMissing": "observed-visits" would not help: it needs each patient's baseline and last visit ("${lastVisit}") observed`;
      return undefined;
    },
  };
  refuseThinArms(cols, armValues, trial.file, 'the base case', missingCostCauses(data, resolved, plan.perspective), qalyAdvice);
  for (const s of scenarios) if (!s.completeCase && s.cost.perspective !== base.perspective) refuseThinArms(columnsFor(s.cost), armValues, trial.file, `the sensitivity scenario "${s.changed}"`, missingCostCauses(data, resolved, s.cost.perspective), qalyAdvice);
  const est = pointEstimate(cols, plan.imputation.m, plan.imputation.seed);
  const baseWarning = est.monteCarlo && monteCarloWarning({ en: 'the base case', da: 'basisanalysen' }, est, est.monteCarlo, plan.currency);
  if (baseWarning) warn('monte-carlo-error', baseWarning);
  const boot = bootstrapCea(cols, { replicates: B, seed: plan.bootstrap.seed, onProgress: progress });
  done += B;
  if (boot.redrawn) warn('resamples-redrawn', redrawnWarning({ en: 'the base case', da: 'basisanalysen' }, boot.redrawn, B));
  const lambdas = wtpGrid(plan.wtp.from, plan.wtp.to, plan.wtp.step, plan.wtp.thresholds);
  const ceacP = acceptability(boot.cost, boot.qaly, lambdas);

  // Price and unit-cost scenarios change each arm's costs by an affine map (intervention arm:
  // c' = f_u·c + (f_p − f_u)·P; control: c' = f_u·c), under which OLS, the per-arm PMM imputation
  // (same draws, same donors) and Rubin's pooling are equivariant: Δc' = f_u·Δc + (f_p − f_u)·P
  // replicate by replicate and Δe' = Δe. So they are read off the base case's replicates exactly
  // rather than recomputed (test/cea/cea-scenarios.test.ts checks this against recomputation).
  const price = resolved.interventionPrice.price;
  const sensitivity: CeaScenario[] = scenarios.map((s) => {
    if (!s.completeCase && s.cost.perspective === base.perspective) {
      const fu = s.cost.unitCostFactor;
      const shift = (s.cost.priceFactor - fu) * price;
      // Each imputation's Δc maps the same way, so B scales by f_u² and the MCSE by f_u.
      const mc = est.monteCarlo && { ...est.monteCarlo, incrementalCost: { ...est.monteCarlo.incrementalCost, mcse: fu * est.monteCarlo.incrementalCost.mcse } };
      const e: Estimate = { ...est, cost: { estimate: fu * est.cost.estimate + shift, se: fu * est.cost.se }, monteCarlo: mc };
      const b = { cost: boot.cost.map((c) => fu * c + shift), qaly: boot.qaly };
      return { key: s.key, changed: s.changed, incrementalCost: e.cost.estimate, incrementalQaly: e.qaly.estimate, icer: icerVerdict(e.cost.estimate, e.qaly.estimate), thresholds: thresholdResults(e, b, plan.wtp.thresholds), replicates: B, monteCarloError: scenarioMc(e) };
    }
    let c = columnsFor(s.cost);
    // A base case with nothing missing whose recomputed perspective scenario imputes (empty
    // productivity cells): said, so "no missing data" is never claimed of this row.
    const imputed = !missingAny && !s.completeCase ? c.cost.filter((v) => v === null).length : 0;
    if (s.completeCase) c = completeRows(c);
    const e = pointEstimate(c, plan.imputation.m, plan.imputation.seed);
    const b = bootstrapCea(c, { replicates: Bs, seed: plan.bootstrap.seed, onProgress: progress });
    done += Bs;
    if (b.redrawn) warn('resamples-redrawn', redrawnWarning({ en: `the sensitivity scenario "${s.changed}"`, da: `følsomhedsscenariet "${s.changed}"` }, b.redrawn, Bs));
    const w = e.monteCarlo && monteCarloWarning({ en: `the sensitivity scenario "${s.changed}"`, da: `følsomhedsscenariet "${scenarioDa(s)}"` }, e, e.monteCarlo, plan.currency);
    if (w) warn('monte-carlo-error', w);
    return { key: s.key, changed: s.changed, incrementalCost: e.cost.estimate, incrementalQaly: e.qaly.estimate, icer: icerVerdict(e.cost.estimate, e.qaly.estimate), thresholds: thresholdResults(e, b, plan.wtp.thresholds), replicates: Bs, ...(imputed ? { imputedCosts: imputed } : {}), monteCarloError: scenarioMc(e) };
  });

  options.onWarnings?.(warnings);
  const imputedScenarios = sensitivity.filter((s) => s.imputedCosts);
  const byArm = (values: readonly (number | null)[]) => {
    const pick = (a: number) => values.filter((v, i) => arm[i] === a && v !== null) as number[];
    return { intervention: { mean: mean(pick(1)), n: pick(1).length }, control: { mean: mean(pick(0)), n: pick(0).length } };
  };
  const missingCount = (values: readonly (number | null)[]) => ({ intervention: values.filter((v, i) => v === null && arm[i] === 1).length, control: values.filter((v, i) => v === null && arm[i] === 0).length });

  const withResponders = { ...trial.plan, responders: data.responderRules };
  const responders = data.responderRules.map((r) => {
    const count = (a: number) => {
      const s = data.patients.filter((p, i) => arm[i] === a && p.responders[r.key] !== null);
      return { events: s.filter((p) => p.responders[r.key] === true).length, n: s.length };
    };
    const i = count(1);
    const c = count(0);
    const rd = i.n && c.n ? i.events / i.n - c.events / c.n : NaN;
    // Under a percent rule a baseline of 0 cannot improve by a share of itself: non-responders, said as the trial's rows say it.
    const zeroOf = (a: number) => data.patients.filter((p, k) => arm[k] === a && p.atZeroBaseline.includes(r.key)).length;
    const zero = { intervention: zeroOf(1), control: zeroOf(0) };
    // In words for every reader: the plan's label, else the rule ("RMDQ improved ≥ 5 points").
    const label = { en: outcomeLabel(withResponders, r.key, 'en'), da: outcomeLabel(withResponders, r.key, 'da') };
    return { key: r.key, label, outcome: r.outcome, time: data.responderTime, intervention: i, control: c, ...(zero.intervention + zero.control > 0 ? { atZeroBaseline: zero } : {}), riskDifference: rd, costPerExtraResponder: Number.isFinite(rd) ? costPerExtraResponder(est.cost.estimate, rd) : ({ kind: 'undefined', quadrant: null } as const) };
  });

  return {
    tool: { name: 'hta', version: options.version },
    input: options.names,
    currency: plan.currency,
    priceYear: plan.priceYear,
    display: plan.display ?? null,
    perspective: plan.perspective,
    method: {
      regression: plan.method,
      // The regressors used: the covariates left in, by name (none when every one was dropped).
      regressionText:
        plan.method === 'sur'
          ? `seemingly unrelated regression of cost and QALY on ${regressorsText(covariates.map((c) => c.name), 'en')} (= R systemfit SUR; with the same regressors in both equations its estimates equal OLS per equation)`
          : `OLS per equation: cost and QALY each on ${regressorsText(covariates.map((c) => c.name), 'en')} (= R lm)`,
      covariates: covariates.map((c) => c.name),
      droppedCovariates: dropped,
      missing: missingAny ? 'mi' : 'none',
      missingText: missingAny
        ? `multiple imputation by chained equations per arm (PMM, m = ${plan.imputation.m}) pooled by Rubin's rules for the estimates; bootstrap then impute (one imputation nested in each replicate, Brand et al. 2019) for intervals, CE plane and CEAC`
        : `no missing costs, QALYs or covariates${imputedScenarios.length ? ` in the base case (${plan.perspective} perspective)` : ''}: no imputation${imputedScenarios.map((s) => `; the sensitivity scenario "${s.changed}" imputes ${s.imputedCosts} missing total ${s.imputedCosts === 1 ? 'cost' : 'costs'} (multiple imputation by chained equations per arm, PMM, m = ${plan.imputation.m})`).join('')}`,
      // Also when only a sensitivity scenario imputes: its Monte Carlo note and the method text name m.
      imputations: missingAny || imputedScenarios.length ? plan.imputation.m : 0,
      imputationSeed: plan.imputation.seed,
      bootstrapReplicates: B,
      bootstrapSeed: plan.bootstrap.seed,
      ...(boot.redrawn ? { redrawnReplicates: boot.redrawn } : {}),
      qalyRule: plan.qalyMissing,
      discounting: { costs: data.discount.costs, qalys: data.discount.qalys, beyondFirstYear: data.discount.beyondFirstYear, text: discountSentence(data.discount, 'en') },
    },
    patients: { ...n, outsidePopulation: data.outsidePopulation, missingCost: missingCount(cols.cost), missingQaly: missingCount(qaly), ...(data.leftOutVisitRows.rows ? { leftOutVisitRows: data.leftOutVisitRows } : {}) },
    interventionPrice: resolved.interventionPrice,
    unitCosts: plan.resourceUse.map((r) => ({ item: r.key, category: r.category, cost: resolved.unitCosts[r.key]!.cost, source: resolved.unitCosts[r.key]!.source })),
    costsByCategory: [...categoryCosts(data, resolved)].map(([category, values]) => ({ category, ...byArm(values) })),
    utilities: data.visits.map((v, k) => ({ visit: v, years: data.yearsAt[k]!, ...byArm(data.patients.map((p) => p.utilities[k] ?? null)) })),
    qalys: byArm(qaly),
    totalCost: byArm(cols.cost),
    incrementalCost: { ...est.cost, ...percentileCi(boot.cost) },
    incrementalQaly: { ...est.qaly, ...percentileCi(boot.qaly) },
    covariance: est.covariance,
    monteCarloError: est.monteCarlo,
    icer: icerVerdict(est.cost.estimate, est.qaly.estimate),
    quadrants: quadrantShares(boot.cost, boot.qaly),
    ceac: lambdas.map((wtp, k) => ({ wtp, probability: ceacP[k]! })),
    thresholds: thresholdResults(est, boot, plan.wtp.thresholds),
    responders,
    sensitivity,
    cloud: { cost: boot.cost, qaly: boot.qaly },
    warnings: warnings.map((w) => noteIn(w, 'en')),
    // The same, one for one, with its kind and in both languages, as `hta cea --lang da` and the terminal say it.
    warningTexts: warnings.map((w, i) => ({ kind: kinds[i]!, text: { en: noteIn(w, 'en'), da: noteIn(w, 'da') } })),
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A scenario's Monte Carlo error: its MCSEs, each as a share of its SE, and whether either passes 10% of its SE. */
function scenarioMc(e: Estimate): CeaScenario['monteCarloError'] {
  const mc = e.monteCarlo;
  if (!mc) return null;
  const shares = { incrementalCost: shareOfSe(mc.incrementalCost.mcse, e.cost.se), incrementalQaly: shareOfSe(mc.incrementalQaly.mcse, e.qaly.se) };
  // An SE of 0 (no share to write in JSON) leaves the shares out; `large` still says it.
  return { incrementalCost: mc.incrementalCost.mcse, incrementalQaly: mc.incrementalQaly.mcse, ...(Number.isFinite(shares.incrementalCost) && Number.isFinite(shares.incrementalQaly) ? { shareOfSe: shares } : {}), large: mc.large };
}

/**
 * The warning (stderr, results.json `warnings`) while the intervention's price comes from an uptake plan
 * whose price model is still plan init's placeholder: every cost of the intervention arm, and so every
 * result, rests on it — as `hta uptake` says its budget is not real (uptake-plan.ts).
 */
export function placeholderPriceWarning(uptakePlan: string): { en: string; da: string } {
  return {
    en: `not a real price: the intervention's price comes from ${uptakePlan}, whose price model is a placeholder drafted by hta plan init ("placeholders": ["priceModel"] in that plan), not the supplier's prices — the intervention arm's costs and every result are computed from it; replace the price model and remove "placeholders"`,
    da: `ikke en reel pris: interventionens pris kommer fra ${uptakePlan}, hvis prismodel er en pladsholder fra hta plan init ("placeholders": ["priceModel"] i den plan), ikke leverandørens priser — interventionsgruppens omkostninger og alle resultater er beregnet ud fra den; erstat prismodellen, og fjern "placeholders"`,
  };
}

/** Replicates drawn again (cea-bootstrap.ts): rare once refuseThinArms has passed, and said when they happen. */
function redrawnWarning(what: { en: string; da: string }, redrawn: number, replicates: number): { en: string; da: string } {
  return {
    en: `${what.en}: ${redrawn} bootstrap resample${redrawn === 1 ? ' was' : 's were'} drawn again (beside the ${replicates} used) because an arm drew fewer than 2 observed values of a quantity it had to impute (docs/plan-cea.md#too-few-observed-values)`,
    da: `${what.da}: ${redrawn} ${redrawn === 1 ? 'bootstrap-stikprøve blev' : 'bootstrap-stikprøver blev'} trukket igen (ud over de ${replicates} brugte), fordi en gruppe trak færre end 2 observerede værdier af en størrelse, der skulle imputeres (docs/plan-cea.md#too-few-observed-values)`,
  };
}

/** The warning for patients' visit rows left out under `--exclude-invalid` (stderr, results.json `warnings`). */
export function leftOutWarning(l: { rows: number; patients: number; notAnalysed: number }): { en: string; da: string } {
  const rows = `${l.rows} visit row${l.rows === 1 ? '' : 's'} of ${l.patients} patient${l.patients === 1 ? '' : 's'}`;
  const none = l.notAnalysed ? `; ${l.notAnalysed} of these patients have no row left and are not analysed` : '';
  const rowsDa = `${l.rows} ${l.rows === 1 ? 'besøgsrække' : 'besøgsrækker'} fra ${l.patients} ${l.patients === 1 ? 'patient' : 'patienter'}`;
  const noneDa = l.notAnalysed ? `; ${l.notAnalysed} af disse patienter har ingen rækker tilbage og analyseres ikke` : '';
  return {
    en: `${rows} left out (--exclude-invalid): those periods' costs and QALYs are imputed${none} — correct the rows in the export rather than leave them out, as leaving out a patient's visits can bias the estimate`,
    da: `${rowsDa} udeladt (--exclude-invalid): de perioders omkostninger og QALY imputeres${noneDa} — ret rækkerne i eksporten i stedet for at udelade dem, da det kan skævvride estimatet at udelade en patients besøg`,
  };
}
