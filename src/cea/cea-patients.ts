/**
 * The trial's patients as the economic evaluation needs them (docs/plan-cea.md#inputs): per
 * patient, the arm, the utility at every visit of the QALY curve (from `loadTrial`'s scored
 * EQ-5D index), the units of each resource item per period (read from the export's own columns,
 * which the trial plan does not know), the plan's covariates and the responder status. Patient
 * ids stay inside this module's output and never reach a result.
 */
import { SpecialMissingReader } from '../trial/special-missing.js';
import { HtaError, MAX_PROBLEMS, type Problem } from '../errors.js';
import type { CsvTable } from '../io/read-csv.js';
import { decimalCommaOf, withoutSpaceGroups } from '../io/decimal-mark.js';
import { parseNumber } from '../io/parse-number.js';
import { planTimeOf, type PlanResponder } from '../plan/plan-schema.js';
import { resolveColumns } from '../trial/column-resolver.js';
import { didYouMean } from '../trial/near-miss.js';
import { atZeroUnderPercent, isResponder } from '../trial/responders.js';
import { type Arm, type TrialData, withObservedPatients } from '../trial/trial-data.js';
import { coderFor } from '../trial/value-codes.js';
import { NumberCodeValues } from '../trial/number-code-values.js';
import { readAmounts, type ResolvedCeaPlan } from './load-cea-plan.js';
import { discountApplies, periodWeight } from './discounting.js';
import { refuseEmptyPeriods } from './empty-periods.js';
import { implausibleUnits, type UnitCell } from './implausible-units.js';
import { qalyAuc, YEARS_PER_UNIT } from './qaly-auc.js';
import { inIdOrder, plainPatientId } from '../trial/patient-ids.js';
import { isSummaryWord } from '../trial/export-shape.js';
import { currencyAmount, markStandsFor } from './currency-marks.js';
import { isAccountingZero } from './accounting-zero.js';
import { unreadableUnits } from './unreadable-units.js';
import { createProblemCollector } from '../problem-collector.js';
import { enUsGrouped } from './en-us-fixed.js';
import { type ItemRows, repeatedTotal } from './repeated-totals.js';

/**
 * A number written with a separator (`1.896`, `147,78`, `1 234`): read per column, after the cells.
 * Spaces only as the project's rule groups thousands (decimal-mark.ts): `120 100` is two numbers or
 * one, so it is refused as everywhere else.
 */
const SEPARATED = /^\d(?=.*[.,\u00a0\u202f ])[\d.,\u00a0\u202f ]*\d$/;

export interface CeaPatient {
  id: string;
  arm: Arm;
  /** Utility at each visit of `visitTimes`, in visit order; null = missing. */
  utilities: (number | null)[];
  /** Item key → units per period (plan `periods` order); null = missing. */
  units: Record<string, (number | null)[]>;
  covariates: Record<string, string | number | null>;
  /** Item key → empty cells on the rows of attended period visits, read as `emptyUnits` says (0 or missing). */
  emptyCells: Record<string, number>;
  /** Responder key → responded (null = not classifiable: baseline or follow-up missing). */
  responders: Record<string, boolean | null>;
  /** Responder keys whose percent rule this patient, classified, cannot meet: a baseline of 0 (responders.ts). */
  atZeroBaseline: string[];
}

export interface CeaPatients {
  patients: CeaPatient[];
  /** Visits of the QALY curve in order, and their times in years. */
  visits: string[];
  yearsAt: number[];
  responderRules: PlanResponder[];
  responderTime: string;
  /** Patients of the trial left out by the plan's population. */
  outsidePopulation: number;
  /** Baseline rows holding a resource-use count, which no period counts (docs/plan-cea.md#inputs). */
  baselineResourceRows: number;
  /** The resource columns that hold units on some baseline row (the note names these, not every item's). */
  baselineResourceColumns: string[];
  /** Follow-up visits after the last period whose rows hold resource use, which no period counts (noted). */
  uncountedVisits: UncountedVisit[];
  /** Per resource column, the cells written as Excel's accounting zero (`kr. -`), read as 0 (noted). */
  dashZeros: { column: string; cells: number; amounts: boolean }[];
  /**
   * Patients' own visit rows that `--exclude-invalid` left out (summary rows aside), the patients
   * they belong to, and of those the patients with no row left (not analysed at all).
   */
  leftOutVisitRows: { rows: number; patients: number; notAnalysed: number };
  /**
   * Discounting (discounting.ts): the annual rates in force — 0 when follow-up ends within the
   * first year, where nothing is discounted — and per resource-use period the weight of its costs.
   */
  discount: { costs: number; qalys: number; beyondFirstYear: boolean; periodWeights: number[] };
}

export function ceaPatients(trial: TrialData, csv: CsvTable, resolved: ResolvedCeaPlan): CeaPatients {
  const { plan } = resolved;
  const tp = trial.plan;
  const visits = trial.times.filter((t) => Object.hasOwn(plan.visitTimes.times, t));
  const yearsAt = visits.map((v) => plan.visitTimes.times[v]! * YEARS_PER_UNIT[plan.visitTimes.unit]);
  const responderRules = [...tp.responders, ...plan.responders];
  const responderTime = plan.responderTime ?? plan.periods[plan.periods.length - 1]!;

  const score = new Map<string, Record<string, number | null>>();
  for (const o of trial.observations) score.set(`${o.id}\u0000${o.time}`, o.scores);
  const scoreAt = (id: string, time: string, key: string) => score.get(`${id}\u0000${time}`)?.[key] ?? null;

  const { units, population, baselineRows, baselineColumns, uncounted, emptyCells, dashZeros, leftOut } = readResourceUse(csv, trial, resolved);
  const direction = new Map(trial.sources.map((s) => [s.key, s.instrument.direction]));
  const patients: CeaPatient[] = [];
  let outside = 0;
  // Patients with a kept row (withObservedPatients): one every row of whom --exclude-invalid left
  // out is still in trial.patients (randomised, for the flow and harms) but has nothing to analyse.
  // In id order (patient-ids.ts inIdOrder): the seeded imputation and bootstrap must not depend on the export's row order.
  for (const p of inIdOrder(withObservedPatients(trial).patients)) {
    if (!inPopulation(plan, population, p.id)) {
      outside++;
      continue;
    }
    const responders: Record<string, boolean | null> = {};
    const atZeroBaseline: string[] = [];
    for (const r of responderRules) {
      const b = scoreAt(p.id, tp.baseline, r.outcome);
      const f = scoreAt(p.id, responderTime, r.outcome);
      responders[r.key] = b === null || f === null ? null : isResponder(b, f, r, direction.get(r.outcome)!);
      if (b !== null && f !== null && atZeroUnderPercent(b, r)) atZeroBaseline.push(r.key);
    }
    const own = units.get(p.id);
    patients.push({
      id: p.id,
      arm: p.arm,
      utilities: visits.map((v) => scoreAt(p.id, v, plan.utility)),
      units: Object.fromEntries(plan.resourceUse.map((r) => [r.key, plan.periods.map((_, k) => own?.[r.key]?.[k] ?? null)])),
      emptyCells: emptyCells.get(p.id) ?? {},
      covariates: p.covariates,
      responders,
      atZeroBaseline,
    });
  }
  if (patients.length === 0) {
    throw new HtaError('input.invalid', `no patient of ${trial.file} is in the cost-effectiveness population`, [
      { file: resolved.file, field: 'population', expected: `values of column "${plan.population?.column}" that occur in the export` },
    ]);
  }
  refuseEmptyPeriods(patients, resolved, trial.file);
  return { patients, visits, yearsAt, responderRules, responderTime, outsidePopulation: outside, baselineResourceRows: baselineRows, baselineResourceColumns: baselineColumns, uncountedVisits: uncounted, dashZeros, leftOutVisitRows: leftOut, discount: discountOf(resolved, yearsAt) };
}

/**
 * The rates in force and each period's cost weight. A period runs from the previous period's visit
 * (randomisation for the first) to its own; its time is the plan's `visitTimes` (load-cea-plan.ts
 * requires one for every period once follow-up passes a year).
 */
function discountOf(resolved: ResolvedCeaPlan, yearsAt: readonly number[]): CeaPatients['discount'] {
  const { plan } = resolved;
  const unit = YEARS_PER_UNIT[plan.visitTimes.unit];
  const periodEnds = plan.periods.map((p) => (Object.hasOwn(plan.visitTimes.times, p) ? plan.visitTimes.times[p]! * unit : undefined));
  const lastYears = Math.max(0, ...yearsAt, ...periodEnds.filter((t): t is number => t !== undefined));
  const costs = discountApplies(plan.discountRate.costs, lastYears) ? plan.discountRate.costs : 0;
  const qalys = discountApplies(plan.discountRate.qalys, lastYears) ? plan.discountRate.qalys : 0;
  const periodWeights = periodEnds.map((to, k) => {
    const from = k === 0 ? 0 : periodEnds[k - 1];
    return costs === 0 || to === undefined || from === undefined ? 1 : periodWeight(costs, from, to);
  });
  return { costs, qalys, beyondFirstYear: lastYears > 1, periodWeights };
}

/** Whether a patient is in the plan's population (every patient, without one), by the population column's baseline value. */
function inPopulation(plan: { population?: { values: readonly string[] } }, population: ReadonlyMap<string, string>, id: string): boolean {
  return !plan.population || plan.population.values.includes(population.get(id) ?? '\u0000');
}

/** The export columns a cost-effectiveness plan reads beside the trial plan's: resource use and the population column. */
export function ceaExportColumns(plan: ResolvedCeaPlan['plan']): string[] {
  return [...plan.resourceUse.map((r) => r.column), ...(plan.population ? [plan.population.column] : [])];
}

/** Of those, the population column may hold a site's code, as a trial covariate may (trial/cpr-cells.ts). */
export function ceaCodeColumns(plan: ResolvedCeaPlan['plan']): string[] {
  return plan.population ? [plan.population.column] : [];
}

/**
 * Units per patient, item and period from the export's resource-use columns (long layout: the
 * row of each period's closing visit), and the population column's baseline value. A cell that
 * is not a count ≥ 0 is a problem (all are collected); empty cells and the plan's missing codes
 * are missing.
 */
function readResourceUse(csv: CsvTable, trial: TrialData, resolved: ResolvedCeaPlan): { units: Map<string, Record<string, (number | null)[]>>; population: Map<string, string>; baselineRows: number; baselineColumns: string[]; uncounted: UncountedVisit[]; emptyCells: Map<string, Record<string, number>>; dashZeros: CeaPatients['dashZeros']; leftOut: CeaPatients['leftOutVisitRows'] } {
  const { plan } = resolved;
  const tp = trial.plan;
  const file = csv.file;
  // Found as loadTrial found them (exact, else case and spaces aside): column-resolver.ts.
  const columns = resolveColumns(file, csv.header, [tp.columns.id, tp.columns.time, ...ceaExportColumns(plan)]);
  const index = columns.indexOf;
  const problems: Problem[] = [];
  const idCol = index(tp.columns.id);
  const timeCol = index(tp.columns.time);
  if (idCol < 0 || timeCol < 0) throw notLong(csv.header, trial, resolved);
  const items = plan.resourceUse.map((r) => ({ key: r.key, column: r.column, category: r.category, idx: index(r.column), cells: [] as UnitCell[], dashZeros: 0, zero: (r.emptyUnits ?? plan.emptyUnits) === 'zero', amounts: resolved.unitCosts[r.key]?.cost === 1, maxUnits: r.maxUnits, atBaseline: false }));
  // A renamed export column (`RU_GP`, `ru_læge`) gets the near-miss hint the trial columns get.
  const hint = (column: string) => {
    const h = didYouMean(column, csv.header);
    return h ? `; ${h}` : '';
  };
  for (const it of items) if (it.idx < 0) problems.push({ file, line: 1, field: it.column, expected: `a resource-use column "${it.column}" (item "${it.key}" of ${resolved.file})${hint(it.column)}`, kind: 'cea.column' });
  const popCol = plan.population ? index(plan.population.column) : -1;
  if (plan.population && popCol < 0) problems.push({ file, line: 1, field: plan.population.column, expected: `the population column "${plan.population.column}" named in ${resolved.file}${hint(plan.population.column)}`, kind: 'cea.column' });
  if (problems.length) throw new HtaError('input.invalid', `${file} lacks columns the cost-effectiveness plan names`, problems);

  // Every problem of the cells is counted and grouped (problem-collector.ts), so the message says
  // the true total (it stopped at 50); the first MAX_PROBLEMS are also kept as the error's problems.
  const collector = createProblemCollector();
  const add = (p: Problem) => {
    collector.add(p);
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  // The patients with a kept row (those with every row left out are in trial.patients, as randomised, but not analysed).
  const kept = new Set(trial.observations.map((o) => o.id));
  // Rows `--exclude-invalid` left out (loadTrial's `excluded`): left out here too. Read, a patient's
  // row dropped for an invalid EQ-5D still added its units — its cost without its utility.
  const excludedLines = new Set((trial.excluded?.problems ?? []).map((p) => p.line));
  // Of them, a patient's own visit rows (not a summary row, not a row without an id): said (analyze-cea.ts).
  let leftOutRows = 0;
  const leftOutPatients = new Set<string>();
  const units = new Map<string, Record<string, (number | null)[]>>();
  const population = new Map<string, string>();
  let baselineRows = 0;
  // Visits at which a patient scored some outcome (for empty resource cells, below).
  const answered = new Set<string>();
  for (const o of trial.observations) if (Object.values(o.scores).some((v) => v !== null)) answered.add(`${o.id}\u0000${o.time}`);
  // Per patient and item, the empty cells of attended period rows (read as emptyUnits says).
  const emptyCells = new Map<string, Record<string, number>>();
  const offPeriod = new Map<string, { id: string; line: number; column: number; field: string; text: string }[]>();
  const decimalComma = decimalCommaOf(csv);
  const coders = items.map((it) => coderFor(tp, it.column, undefined, decimalComma));
  // A plan-wide number code among a column's counts (9 GP visits beside 8 and 10): a count, never "missing" (trial/number-code-values.ts).
  const numberCodes = new NumberCodeValues(tp, items.map((it) => it.column));
  // The cells read without splitting the record; SAS `.A`, Stata `.a` and Castor's user-missing
  // markers are missing, as the trial reader reads them (special-missing.ts).
  const reader = new SpecialMissingReader();
  const fields = Math.max(idCol, timeCol, popCol, ...items.map((it) => it.idx)) + 1;
  const cell = (i: number): string | null => reader.cell(i);
  // Whether a cell on a row no period counts holds use (a count or an amount above 0), read as a
  // period row's cell is: a coded answer, an amount in money (`kr. 240`), a number. Such rows are
  // noted or refused (docs/plan-cea.md#inputs), never dropped in silence.
  const holdsUse = (j: number, text: string | null): boolean => {
    if (text === null) return false;
    const coded = coders[j]?.apply(text);
    if (coded?.kind === 'missing') return false;
    if (coded?.kind === 'answer') return coded.value > 0;
    const money = currencyAmount(text);
    // Any digit above 0 is an amount above 0, whichever mark its separators are.
    if (money) return /[1-9]/.test(money.number);
    return (parseNumber(text, decimalComma) ?? 0) > 0;
  };
  // Amounts in money (`1.234,50 kr.`) and numbers with a separator (`1.896`, `147,78`) on the
  // period rows, per item: read after the loop, each column's together (below).
  const columnCells = items.map(() => [] as { row: (number | null)[]; k: number; line: number; text: string; id: string }[]);
  // Per item of amounts, each patient's baseline and period cells as written: a per-patient total
  // joined onto every row repeats on all of them (repeated-totals.ts). Only with two periods or
  // more (with one, the total is counted once) and unless the item says its amounts are per period.
  const repeats = new Map<number, ItemRows>();
  if (plan.periods.length > 1) items.forEach((it, j) => {
    if (it.amounts && !plan.resourceUse[j]!.perPeriod) repeats.set(j, { key: it.key, column: it.column, columnNumber: it.idx + 1, baseline: new Map(), periods: new Map() });
  });
  for (const rec of csv.records) {
    reader.load(rec, fields);
    // Matched as loadTrial reads ids: `'002` and `="002"` are the id `002` (trial/patient-ids.ts).
    const idCell = cell(idCol);
    const id = idCell === null ? null : plainPatientId(idCell);
    const timeRaw = cell(timeCol);
    if (excludedLines.has(rec.line)) {
      if (id !== null && !isSummaryWord(id)) {
        leftOutRows++;
        leftOutPatients.add(id);
      }
      continue;
    }
    if (id === null || timeRaw === null || !kept.has(id)) continue;
    const time = planTimeOf(tp, timeRaw);
    if (popCol >= 0) {
      const v = cell(popCol);
      if (v !== null && (time === tp.baseline || !population.has(id))) population.set(id, v);
    }
    const k = plan.periods.indexOf(time);
    // Resource use on the baseline row covers the months before randomisation: not a period of
    // the analysis, so not counted — only noted (a count, not a missing-value code).
    if (time === tp.baseline && k < 0) {
      let holds = false;
      items.forEach((it, j) => {
        const text = cell(it.idx);
        if (!holdsUse(j, text)) return;
        holds = true;
        it.atBaseline = true;
        repeats.get(j)?.baseline.set(id, { text: text!, line: rec.line });
      });
      if (holds) baselineRows++;
      continue;
    }
    if (k < 0) {
      // A follow-up visit no period names: its units are counted nowhere (uncountedVisits below).
      const j = items.findIndex((it, j) => holdsUse(j, cell(it.idx)));
      if (j >= 0) {
        const rows = offPeriod.get(time) ?? offPeriod.set(time, []).get(time)!;
        rows.push({ id, line: rec.line, column: items[j]!.idx + 1, field: items[j]!.column, text: cell(items[j]!.idx)! });
      }
      continue;
    }
    let own = units.get(id);
    if (!own) units.set(id, (own = {}));
    // An empty cell (not `NA`, a special missing value or a missing code) on a visit the patient
    // attended — the row answers some resource item or scores some outcome — may mean "no use"
    // (`emptyUnits`); a row with no answer at all is a visit missed, and stays missing.
    let raw: string[] | undefined;
    const isEmpty = (i: number) => (raw ??= rec.raw)[i] === undefined || raw[i]!.trim() === '';
    const attended = items.some((it) => cell(it.idx) !== null) || answered.has(`${id}\u0000${time}`);
    items.forEach((it, j) => {
      const text = cell(it.idx);
      const r = repeats.get(j);
      if (r) (r.periods.get(id) ?? r.periods.set(id, []).get(id)!).push({ text, nonZero: holdsUse(j, text) });
      let value: number | null = null;
      if (text === null && attended && isEmpty(it.idx)) {
        if (it.zero) value = 0;
        const e = emptyCells.get(id) ?? emptyCells.set(id, {}).get(id)!;
        e[it.key] = (e[it.key] ?? 0) + 1;
      } else if (text !== null) {
        const coded = coders[j]?.apply(text);
        if (numberCodes.active) numberCodes.see(j, rec.line, text, coded, coders[j], decimalComma);
        if (coded?.kind === 'missing') value = null;
        else if (coded?.kind === 'answer') {
          // A coded answer is a count like any other: checked against the period's length too.
          value = coded.value;
          it.cells.push({ line: rec.line, column: it.idx + 1, text, value, period: k, id });
        } else if (isAccountingZero(text, it.amounts)) {
          // Excel's accounting format writes 0 as a dash (accounting-zero.ts): no use, counted in a note —
          // a bare dash only in a column of amounts; in a count column it is refused ("not answered"?).
          value = 0;
          it.dashZeros++;
          it.cells.push({ line: rec.line, column: it.idx + 1, text, value, period: k, id });
        } else {
          const money = currencyAmount(text);
          if ((money && it.amounts && markStandsFor(money.mark, plan.currency)) || (!money && SEPARATED.test(text) && withoutSpaceGroups(text) !== undefined)) {
            // Read with its column's other numbers, after the loop (the slot stays null until then).
            columnCells[j]!.push({ row: (own![it.key] ??= plan.periods.map(() => null)), k, line: rec.line, text, id });
          } else {
            const n = money ? undefined : parseNumber(text, decimalComma);
            if (n === undefined || n < 0) {
              const why = money ? { expected: amountProblem(money.mark, it, resolved), kind: 'cea.units' } : unreadableUnits(text, it.amounts, decimalComma, resolved.trialPlanFile);
              // One group per column and kind: a column of amounts and one of counts expect different things.
              add({ file, line: rec.line, column: it.idx + 1, field: it.column, value: text, ...why, kind: `${why.kind}:${it.key}` });
            } else {
              value = n;
              it.cells.push({ line: rec.line, column: it.idx + 1, text, value, period: k, id });
            }
          }
        }
      }
      (own![it.key] ??= plan.periods.map(() => null))[k] = value;
    });
  }
  // A resource column keeps its own separators: a finance system's `1.234,50 kr.` pasted into an
  // export that writes 0.817 is 1234.5 kroner, and so is a plain `1.234,50` (Danish Excel's
  // `#.##0,00`). Each column's numbers decide their decimal mark together, as a price list's
  // column does (readAmounts, load-cea-plan.ts); when none of them decides (`1.896`, `1.094`:
  // whole kroner with a thousands dot, or three decimals?), an export that writes the decimal
  // comma or is `;`-separated (as Danish Excel saves) reads them with the comma, and any other
  // refuses a cell that reads either way, as a tab-separated list does. Read by the file's decimal
  // point, `1.896` was 1.896 kr. in silence (docs/plan-cea.md#inputs).
  const columnDelimiter = decimalComma || csv.dialect.delimiter === ';' ? ';' : '\t';
  items.forEach((it, j) => {
    const cells = columnCells[j]!;
    if (!cells.length) return;
    const read = readAmounts(cells.map((c) => c.text), columnDelimiter, plan.currency, it.amounts ? 'an amount' : 'a number of units', it.amounts ? 'cent' : 'unit');
    cells.forEach((c, i) => {
      const n = read[i]!;
      if (typeof n === 'string') {
        add({ file, line: c.line, column: it.idx + 1, field: it.column, value: c.text, expected: n, kind: 'cea.units' });
        return;
      }
      c.row[c.k] = n;
      it.cells.push({ line: c.line, column: it.idx + 1, text: c.text, value: n, period: c.k, id: c.id });
    });
  });
  // Counts no period can hold (an undeclared 999, `1.000` sick days in six months): implausible-units.ts.
  // Only the plan's population is analysed: a code in another patient's cell neither stops the run
  // nor counts toward a column's largest value.
  if (plan.population) for (const it of items) it.cells = it.cells.filter((c) => inPopulation(plan, population, c.id));
  for (const p of numberCodes.problems(file, (j) => ({ column: items[j]!.idx + 1, what: `resource-use item "${items[j]!.key}"`, effect: 'would be missing in the cost-effectiveness analysis' }))) add(p);
  if (!collector.count) for (const p of implausibleUnits(file, items, resolved)) add(p);
  if (collector.count) {
    // The true total, and per group (column and kind) its own count: the groups hold every problem.
    const n = collector.count;
    throw new HtaError('input.invalid', `${file} has ${enUsGrouped(n)} resource-use problem${n === 1 ? '' : 's'}`, problems, collector.groups());
  }
  for (const r of repeats.values()) {
    const p = repeatedTotal(file, r, plan.periods[plan.periods.length - 1]!, resolved.file, (id) => inPopulation(plan, population, id));
    if (p) add(p);
  }
  if (collector.count) throw new HtaError('input.invalid', `${file} holds a per-patient total on every visit row`, problems, collector.groups());
  const uncounted = uncountedVisits(offPeriod, (id) => inPopulation(plan, population, id), trial, resolved, file);
  const dashZeros = items.filter((it) => it.dashZeros > 0).map((it) => ({ column: it.column, cells: it.dashZeros, amounts: it.amounts }));
  const leftOut = { rows: leftOutRows, patients: leftOutPatients.size, notAnalysed: [...leftOutPatients].filter((id) => !kept.has(id)).length };
  const baselineColumns = items.filter((it) => it.atBaseline).map((it) => it.column);
  return { units, population, baselineRows, baselineColumns, uncounted, emptyCells, dashZeros, leftOut };
}

/**
 * A wide export (one row per patient, `Laegebesoeg_3`, `Laegebesoeg_6`, …): the trial reads it
 * (wide-to-long.ts), the resource use not yet. Said with what the long layout is and where the
 * recipes to reshape it are (docs/plan-cea.md#wide-exports), naming the file's own wide columns.
 */
function notLong(header: readonly string[], trial: TrialData, resolved: ResolvedCeaPlan): HtaError {
  const tp = trial.plan;
  const file = trial.file;
  const item = resolved.plan.resourceUse[0]!.column;
  const wideColumns = header.filter((h) => h.startsWith(`${item}_`) || (h.startsWith(item) && /^\d+$/.test(h.slice(item.length))));
  const seen = wideColumns.length ? ` — this file has one column per visit ("${wideColumns.slice(0, 3).join('", "')}"${wideColumns.length > 3 ? ', …' : ''})` : '';
  const planFix = tp.layout === 'wide' ? `, and in ${resolved.trialPlanFile} drop "layout": "wide" and name the visit column in "columns": { "time": … }` : '';
  return new HtaError('input.invalid', `${file}: the cost-effectiveness analysis reads resource use from a long export (one row per patient and visit)`, [
    { file, line: 1, expected: `the long layout: one row per patient and visit, with the id column "${tp.columns.id}", the visit column "${tp.columns.time}" and one column per resource item ("${item}")${seen}; hta reads a wide file for the trial analysis but not yet its resource use: reshape it to long (docs/plan-cea.md#wide-exports: R, Stata and SPSS recipes)${planFix}` },
  ]);
}

/**
 * Why a cell written as money (`kr. 1.234,50`) cannot be read in a resource-use column: a column
 * of amounts is an item whose unit cost is 1, in the plan's currency (docs/plan-cea.md#costs-already-in-money).
 */
function amountProblem(mark: string, item: { key: string }, resolved: ResolvedCeaPlan): string {
  const { plan } = resolved;
  const unit = resolved.unitCosts[item.key]?.cost;
  if (unit === 1) return `an amount in ${plan.currency}, the plan's currency ("${mark}" is not ${plan.currency}; convert the amounts first)`;
  return `a number of units ≥ 0: this is an amount of money, and item "${item.key}" counts units at ${unit} ${plan.currency} each — for a column of amounts in ${plan.currency} (a medicine spend, a register's costs), give the item the unit cost 1 (then "kr. 1.234,50" and "1.234,50 kr." are read as ${plan.currency} amounts)`;
}

export interface UncountedVisit {
  visit: string;
  /** Rows of the population's patients with a count > 0 on this visit. */
  rows: number;
}

/**
 * Follow-up visits that are no period but whose rows hold resource use (docs/plan-cea.md#inputs).
 * Before the last period, such a visit is refused: its units would be counted nowhere and the next
 * period read as covering its months too (a plan that left "3 mdr" out of its periods dropped the
 * 3-month units and read the 6-month row as 0–6 months, without a word). After the last period
 * (beyond the analysis's horizon, load-cea-plan.ts) its units are returned to be noted.
 */
function uncountedVisits(offPeriod: ReadonlyMap<string, { id: string; line: number; column: number; field: string; text: string }[]>, inPop: (id: string) => boolean, trial: TrialData, resolved: ResolvedCeaPlan, file: string): UncountedVisit[] {
  const { plan } = resolved;
  const tp = trial.plan;
  const order = [tp.baseline, ...(tp.allTimepoints ?? tp.timepoints).filter((t) => t !== tp.baseline)];
  const lastPeriod = Math.max(...plan.periods.map((p) => order.indexOf(p)));
  const problems: Problem[] = [];
  const noted: UncountedVisit[] = [];
  for (const visit of [...offPeriod.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b))) {
    const rows = offPeriod.get(visit)!.filter((r) => inPop(r.id));
    if (rows.length === 0) continue;
    const at = order.indexOf(visit);
    if (at < 0) continue;
    if (at > lastPeriod) {
      noted.push({ visit, rows: rows.length });
      continue;
    }
    const next = plan.periods.find((p) => order.indexOf(p) > at)!;
    const periods = [...plan.periods, visit].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const first = rows[0]!;
    problems.push({
      file, line: first.line, column: first.column, field: first.field, value: first.text,
      expected: `resource use only on the rows of the visits in "periods" of ${resolved.file}: ${rows.length} "${visit}" row${rows.length === 1 ? '' : 's'} hold${rows.length === 1 ? 's' : ''} units, which no period counts, and the "${next}" period would be read as covering the months before "${visit}" too — add it: "periods": ${JSON.stringify(periods)}`,
      kind: 'cea.period.missing',
    });
  }
  if (problems.length) throw new HtaError('input.invalid', `${file} has resource use on ${problems.length === 1 ? 'a visit' : 'visits'} the cost-effectiveness plan does not count`, problems);
  return noted;
}

/** Per patient: QALY (null = missing) by the plan's rule, discounted after the first year. */
export function patientQalys(data: CeaPatients, observedOnly: boolean): (number | null)[] {
  return data.patients.map((p) => qalyAuc(data.yearsAt, p.utilities, observedOnly, data.discount.qalys));
}
