/**
 * Table 1: baseline characteristics per arm. Numeric characteristics as mean (SD), categorical
 * ones as n (%) per level, yes/no ones (binary outcomes, and any characteristic whose observed
 * values are exactly 0/1 or a yes/no pair such as Ja/Nej, Yes/No, TRUE/FALSE) as n (%) with
 * the yes level; each with its count of patients with a missing value. Percentages use the
 * patients with a value as denominator.
 *
 * Characteristics come from three places, in this order: the plan's covariates (typed when the
 * trial was loaded), extra export columns the caller names (e.g. age, sex), and every outcome at
 * the baseline visit. Mean and SD are the two-pass sample moments (= R `mean`, `sd`).
 */
import { compareLevels } from './level-order.js';
import { identifyingCharacteristicProblems } from './identifying-characteristic.js';
import { HtaError, type Problem } from '../errors.js';
import { decimalCommaOf, spacedHint } from '../io/decimal-mark.js';
import { parseNumber } from '../io/parse-number.js';
import type { CsvTable } from '../io/read-csv.js';
import { SpecialMissingReader } from './special-missing.js';
import { planTimeOf } from '../plan/plan-schema.js';
import { coderFor } from './value-codes.js';
import { LetterCodeLevels } from './letter-code-levels.js';
import { NumberCodeValues } from './number-code-values.js';
import { CategorySpellings, spellingsNote } from './category-values.js';
import { declaredAttributeKind, declaredCovariateKind, holdsMeasurements, kindOfValues } from './column-kind.js';
import { YES_NO_PAIRS } from './yes-no-words.js';
import { sampleMean, sampleVariance } from '../stats/sample-moments.js';
import { foldColumnName, resolveColumns } from './column-resolver.js';
import { ARMS, armCounts, type Arm, type TrialData } from './trial-data.js';
import { idKey, idMatchKey, maskedPatientIds, plainPatientId } from './patient-ids.js';
import { cprCellExpected, cprCellTest, cprKind, trialCprMessage } from './cpr-cells.js';
import { isNoValueCell, nanHint } from './nan-cells.js';

export interface NumericSummary {
  kind: 'numeric';
  n: number;
  missing: number;
  /** Of an outcome with "notApplicableCodes": patients it does not apply to at baseline (not in `missing`). */
  notApplicable?: number;
  /** null when no patient has a value; SD null when fewer than 2. */
  mean: number | null;
  sd: number | null;
}

export interface CategoricalSummary {
  kind: 'categorical';
  n: number;
  missing: number;
  /** Of an outcome with "notApplicableCodes": patients it does not apply to at baseline (not in `missing`). */
  notApplicable?: number;
  /** Every level seen in either arm, in the same order for both arms. */
  levels: { level: string; count: number; percent: number | null }[];
}

export interface BinarySummary {
  kind: 'binary';
  n: number;
  missing: number;
  /** Of an outcome with "notApplicableCodes": patients it does not apply to at baseline (not in `missing`). */
  notApplicable?: number;
  events: number;
  percent: number | null;
}

export type CharacteristicSummary = NumericSummary | CategoricalSummary | BinarySummary;

export interface BaselineCharacteristic {
  key: string;
  source: 'covariate' | 'characteristic' | 'outcome';
  kind: CharacteristicSummary['kind'];
  /** Of a yes/no characteristic: the value counted, after the plan's codes (1, "Ja", "TRUE"). */
  yes?: string | number;
  arms: Record<Arm, CharacteristicSummary>;
}

export interface BaselineTable {
  randomised: Record<Arm, number>;
  rows: BaselineCharacteristic[];
}

type Value = string | number | null;

/**
 * Per patient id, the values of `columns` from the export: the baseline row's value, else the
 * first row with a value (wide exports have one row per patient). The plan's codes for the
 * column apply as they do to covariates (`columnCodes` answers, e.g. value labels 1 = Ja,
 * 2 = Nej as {"1": 1, "2": 0}; missing-value codes are no value); a cell no answer code
 * covers stays as written, so Table 1 shows it. Numbers are parsed in the export's decimal
 * convention. A column holds numbers or categories as a covariate's does (column-kind.ts): in a
 * column of numbers a value that is not one is an input error at its cell (exit 2), never a
 * category row of its own — that printed every patient's income in Table 1 with n = 1 — and
 * category values that differ only in case or Unicode form are one, as most often written
 * (category-values.ts), and `onNote` says so per column, as the trial's reader does for covariates.
 */
export function characteristicsFromExport(csv: CsvTable, trial: TrialData, columns: readonly string[], onNote?: (note: string) => void): Map<string, Map<string, Value>> {
  const plan = trial.plan;
  // Found as loadTrial found the plan's columns (column-resolver.ts): `Alder` is header `alder`.
  const found = resolveColumns(csv.file, csv.header, [plan.columns.id, plan.columns.time, ...columns]);
  const idCol = found.indexOf(plan.columns.id);
  const timeCol = found.indexOf(plan.columns.time);
  const out = new Map<string, Map<string, Value>>();
  // One pass over the records for all columns, reading single cells (FieldReader) instead of
  // splitting every record into strings once per column and cell: the same values, first seen in
  // the same order, for a fraction of the work.
  const cols = columns.map((column) => found.indexOf(column));
  // A declared mark is checked against Table 1's columns only, as loadTrial checks the plan's (declared-mark.ts);
  // a refusal here is at a column the manifest's "characteristics" adds, which the plan does not read.
  const decimalComma = decimalCommaOf(csv, false, { records: csv.records, reads: (column) => cols.includes(column - 1), by: 'the report (Table 1)' });
  const coders = columns.map((column) => coderFor(plan, column, undefined, decimalComma));
  const byIds = columns.map(() => new Map<string, Value>());
  // A plan-wide one-letter code (SAS's bare `M`) that is a category of the column: every man "missing" in Table 1 (letter-code-levels.ts).
  const letters = new LetterCodeLevels(plan, columns);
  // A plan-wide number code among the column's values (a weight of 99 kg): every such patient "missing" in Table 1 (number-code-values.ts).
  const numberCodes = new NumberCodeValues(plan, columns);
  // Each patient's id as the trial reads it, by idMatchKey: one CPR number written both ways is one patient (cpr-id-spellings.ts).
  const spelledAs = new Map((trial.patients ?? []).map((p) => [idMatchKey(p.id), p.id]));
  // Where each kept value was read, for a problem at its cell.
  const lines = columns.map(() => new Map<string, number>());
  // A CPR-shaped cell is no Table 1 level: refused by line and column, as loadTrial refuses one in the plan's columns (cpr-cells.ts).
  const cpr: Problem[] = [];
  const noValue: Problem[] = [];
  const cprRefused = cprCellTest(csv.records, idCol, cols.filter((c) => c >= 0));
  if (idCol >= 0 && cols.some((col) => col >= 0)) {
    // `.A` (SAS) or `##USER_MISSING_97##` (Castor) is missing here as in the loader (special-missing.ts).
    const reader = new SpecialMissingReader();
    const fields = Math.max(idCol, timeCol, ...cols) + 1;
    for (const rec of csv.records) {
      reader.load(rec, fields);
      const idCell = reader.cell(idCol);
      if (idCell === null) continue;
      // As loadTrial reads ids: `'002` and `="002"` are the id `002`, and a CPR number without its hyphen the patient's spelling (patient-ids.ts).
      const plain = plainPatientId(idCell);
      const id = spelledAs.get(idMatchKey(plain)) ?? plain;
      let isBaseline: boolean | undefined;
      for (let k = 0; k < cols.length; k++) {
        const col = cols[k]!;
        if (col < 0) continue;
        const cell = reader.cell(col);
        if (cell === null) continue;
        if (cprRefused(cell, col)) {
          const field = csv.header[col] ?? columns[k]!;
          cpr.push({ file: csv.file, line: rec.line, column: col + 1, field, expected: cprCellExpected(plan.columns.id, cell, true), kind: cprKind(field) });
          continue;
        }
        const coded = coders[k]?.apply(cell);
        if (letters.active) letters.see(k, rec.line, cell, coded, decimalComma);
        if (numberCodes.active) numberCodes.see(k, rec.line, cell, coded, coders[k], decimalComma);
        if (coded?.kind === 'missing') continue;
        // pandas' `None` / `nan` or R's `NaN` is no row of Table 1: refused as loadTrial refuses it in the plan's columns (nan-cells.ts).
        if (coded?.kind !== 'answer' && isNoValueCell(cell)) {
          noValue.push({ file: csv.file, line: rec.line, column: col + 1, field: csv.header[col] ?? columns[k]!, value: cell.trim(), expected: 'a category, or an empty cell when the value is unknown', kind: 'characteristic.no-value:nan', hint: nanHint(cell) });
          continue;
        }
        const v: string | number = coded?.kind === 'answer' ? coded.value : cell;
        if (isBaseline === undefined) {
          const rawTime = timeCol >= 0 ? reader.cell(timeCol) : null;
          isBaseline = rawTime !== null && planTimeOf(plan, rawTime) === plan.baseline;
        }
        const byId = byIds[k]!;
        if (!byId.has(id) || isBaseline) {
          byId.set(id, v);
          lines[k]!.set(id, rec.line);
        }
      }
    }
  }
  if (cpr.length) throw new HtaError('input.invalid', trialCprMessage(csv.file, cpr.length, plan.columns.id), cpr);
  if (noValue.length) throw new HtaError('input.invalid', `${csv.file} has ${noValue.length} problem(s) in Table 1 columns; nothing was written`, noValue);
  const placeOf = (k: number) => ({ column: cols[k]! + 1, what: `Table 1 characteristic "${columns[k]}"`, effect: 'would be counted as missing in Table 1' });
  const letterProblems = [...letters.problems(csv.file, placeOf), ...numberCodes.problems(csv.file, placeOf)];
  if (letterProblems.length) throw new HtaError('input.invalid', `${csv.file} has ${letterProblems.length} problem(s) in Table 1 columns; nothing was written`, letterProblems);
  const problems: Problem[] = [];
  const identifying: Problem[] = [];
  for (const [k, column] of columns.entries()) {
    const byId = byIds[k]!;
    const texts = [...byId.values()] as (string | number)[];
    const values = texts.map((t) => (typeof t === 'number' ? t : (parseNumber(t, decimalComma) ?? t)));
    // A plan covariate's column is that covariate's row (loaded, typed and checked by loadTrial).
    const covariate = covariateOfColumn(plan, column) !== undefined;
    const kind = declaredAttributeKind(plan, column) ?? kindOfValues(values);
    const spellings = new CategorySpellings();
    for (const v of values) if (typeof v === 'string' && (kind === 'categorical' || covariate)) spellings.add(v);
    const typed = new Map<string, Value>();
    [...byId.keys()].forEach((id, i) => {
      const v = values[i]!;
      if (typeof v === 'number') typed.set(id, kind === 'numeric' ? v : String(texts[i]));
      else if (kind === 'categorical' || covariate) typed.set(id, spellings.shown(v));
      else {
        const problemKind = `characteristic.not-a-number:${column}`;
        problems.push({ file: csv.file, line: lines[k]!.get(id)!, column: cols[k]! + 1, field: csv.header[cols[k]!]!, value: v, expected: `a number, as the other values of "${column}" are (read as text it would make each of them a row of Table 1); if it means "missing", add it to the plan's "missingCodes"`, ...(spacedHint(v, problemKind) ?? { kind: problemKind }) });
        typed.set(id, null);
      }
    });
    out.set(column, typed);
    // A date, initials or notes would be rows of n = 1 beside the patient's arm: refused (identifying-characteristic.ts).
    if (!covariate && kind === 'categorical') {
      const cells = [...byId].flatMap(([id, v]) => (typeof v === 'string' ? [{ value: v, line: lines[k]!.get(id)! }] : []));
      identifying.push(...identifyingCharacteristicProblems(csv.file, csv.header[cols[k]!] ?? column, cols[k]! + 1, cells));
    }
    // A covariate's column says so when the trial is read (load-trial.ts); a column only Table 1 reads, here.
    const merged = spellings.merged();
    if (merged.length && !covariate) onNote?.(spellingsNote(csv.file, csv.header[cols[k]!] ?? column, merged));
  }
  // A cell naming a patient (`se 1007`) is quoted without the id (docs/output-safety.md "Patient ids").
  if (problems.length) throw new HtaError('input.invalid', `${csv.file} has ${problems.length} value(s) that are not numbers in Table 1 columns of numbers; nothing was written`, maskedPatientIds(problems, new Set(trial.patients.map((p) => idKey(p.id))), plan.columns.id));
  if (identifying.length) throw new HtaError('input.invalid', `${csv.file}: ${new Set(identifying.map((p) => p.field)).size} Table 1 characteristic(s) would print single patients (dates, initials, names or notes) beside their arm; nothing was written`, identifying);
  return out;
}

function summarise(values: Value[], kind: CharacteristicSummary['kind'], levels: string[], yes: string | number): CharacteristicSummary {
  const present = values.filter((v): v is string | number => v !== null);
  const missing = values.length - present.length;
  const n = present.length;
  if (kind === 'numeric') {
    const xs = present as number[];
    return { kind, n, missing, mean: n ? sampleMean(xs) : null, sd: n > 1 ? Math.sqrt(sampleVariance(xs)) : null };
  }
  if (kind === 'binary') {
    const events = present.filter((v) => v === yes).length;
    return { kind, n, missing, events, percent: n ? (100 * events) / n : null };
  }
  return {
    kind,
    n,
    missing,
    levels: levels.map((level) => {
      const count = present.filter((v) => String(v) === level).length;
      return { level, count, percent: n ? (100 * count) / n : null };
    }),
  };
}

/** Columns whose two codes are two categories, not yes and no (sex 0/1 or 1/2): both levels are shown. */
const TWO_CATEGORIES = /^(sex|gender|køn|kon|koen|country|land)$/i;

/**
 * The yes level of a characteristic whose observed values are exactly two codes meaning no and
 * yes: 0/1 (raw, or after the plan's answer codes turned value labels into numbers) → 1; a
 * yes/no pair of words → the yes word as written. Undefined for anything else: a third value,
 * one value only, or two other numbers (1/2 without value labels could be either way round).
 */
function yesLevel(key: string, values: readonly (string | number)[]): string | number | undefined {
  if (TWO_CATEGORIES.test(key)) return undefined;
  const distinct = [...new Set(values.map(yesNoForm))];
  if (distinct.length !== 2) return undefined;
  if (distinct.every((v) => typeof v === 'number')) return distinct.includes(0) && distinct.includes(1) ? 1 : undefined;
  if (!distinct.every((v) => typeof v === 'string')) return undefined;
  const pair = YES_NO_PAIRS.find(([y, n]) => distinct.includes(y) && distinct.includes(n));
  return pair ? pair[0] : undefined;
}

/** A value as the yes/no rule compares it: words trimmed and in lower case ("Ja", "ja " and "JA" are one answer). */
const yesNoForm = (v: string | number): string | number => (typeof v === 'string' ? v.trim().toLowerCase() : v);

/**
 * The kind of a characteristic from its values: binary outcomes and yes/no codes as yes/no,
 * numbers as numeric — except codes whose mean means nothing (below: a covariate's two codes, a
 * characteristic's three or fewer whole numbers, sex or country as numbers): those are
 * categories, every level shown — and anything else as categorical.
 */
function characteristic(key: string, source: BaselineCharacteristic['source'], valueOf: (id: string) => Value, trial: TrialData, binary = false): BaselineCharacteristic {
  const all = trial.patients.map((p) => valueOf(p.id)).filter((v): v is string | number => v !== null);
  // An outcome is summarised by its instrument (a pain score whose baseline values happen to be
  // 0 and 1 is still a score); only covariates and characteristics are read as yes/no codes.
  const yesForm = binary ? 1 : source === 'outcome' ? undefined : yesLevel(key, all);
  // Counted in any case; named as the export first writes it ("TRUE").
  const yes = typeof yesForm === 'string' ? all.find((v) => yesNoForm(v) === yesForm) : yesForm;
  if (typeof yesForm === 'string') {
    const raw = valueOf;
    valueOf = (id) => {
      const v = raw(id);
      return v !== null && yesNoForm(v) === yesForm ? yes! : v;
    };
  }
  const numbers = all.length > 0 && all.every((v) => typeof v === 'number');
  // A covariate's numbers are shown as the model reads them (column-kind.ts): as codes only when
  // there are two (1/2, sex 0/1: the same model either way) and the plan does not say "numeric";
  // three whole numbers reach here only declared (else the reader refused them); more are a scale
  // in the model and here. A characteristic no model reads shows three or fewer whole numbers, or
  // sex and country, as codes (1 = Ja, 2 = Nej, 9 = unknown in an SPSS export whose plan does not
  // list 9 as missing): a mean of 1, 2 and 9 means nothing.
  const distinct = new Set(all);
  const whole = all.every((v) => Number.isInteger(v));
  const declared = source === 'covariate' ? declaredCovariateKind(trial.plan, key) : source === 'characteristic' ? declaredAttributeKind(trial.plan, key) : undefined;
  const codes =
    numbers &&
    declared !== 'numeric' &&
    (source === 'covariate' ? distinct.size <= 2 && (whole || TWO_CATEGORIES.test(key)) : TWO_CATEGORIES.test(key) || (source === 'characteristic' && whole && distinct.size <= 3));
  const kind: CharacteristicSummary['kind'] = yes !== undefined ? 'binary' : numbers && !codes ? 'numeric' : 'categorical';
  // Never a patient's number as a category row of its own (n = 1: an income, an age published):
  // a column of numbers arrives here as numbers (column-kind.ts); one that did not is refused.
  // (More than three different numbers made the column numbers when it was read, whichever rows
  // were counted there: this cannot refuse a column the reader let through as categories.)
  if (kind === 'categorical' && source !== 'outcome' && !numbers && holdsMeasurements(all)) {
    if (declared !== 'categorical') throw new HtaError('input.invalid', `Table 1: "${key}" holds numbers and text; its numbers would be listed one category each — say what the text means ("missingCodes"), or that the column holds categories`);
  }
  // As the codes run, not as their characters sort: "RMDQ ≤ 12" before "RMDQ > 12", site 2 before site 10 (level-order.ts).
  const levels = kind === 'categorical' ? [...new Set(all.map(String))].sort(compareLevels) : [];
  const arms = {} as Record<Arm, CharacteristicSummary>;
  for (const arm of ARMS) arms[arm] = summarise(trial.patients.filter((p) => p.arm === arm).map((p) => valueOf(p.id)), kind, levels, yes ?? 1);
  return { key, source, kind, ...(yes !== undefined ? { yes } : {}), arms };
}

/**
 * The plan covariate a characteristic column is ("Alder" for covariate alder → column "Alder", in
 * any case: column-resolver.ts): such a characteristic is that covariate's one row in Table 1.
 */
export function covariateOfColumn(plan: TrialData['plan'], column: string): string | undefined {
  const c = foldColumnName(column);
  return plan.covariates.find((k) => foldColumnName(k) === c || foldColumnName(plan.columns.covariates[k] ?? k) === c);
}

/** Table 1 of the trial: plan covariates, then `extra` export columns, then outcomes at baseline (those with a baseline value). */
export function baselineTable(trial: TrialData, extra: ReadonlyMap<string, ReadonlyMap<string, Value>> = new Map()): BaselineTable {
  const randomised = armCounts(trial);
  const rows: BaselineCharacteristic[] = [];
  const covariates = trial.plan.covariates;
  const patientOf = new Map(trial.patients.map((p) => [p.id, p]));
  for (const c of covariates) rows.push(characteristic(c, 'covariate', (id) => patientOf.get(id)?.covariates[c] ?? null, trial));
  for (const [key, values] of extra) {
    if (covariateOfColumn(trial.plan, key) !== undefined) continue;
    rows.push(characteristic(key, 'characteristic', (id) => values.get(id) ?? null, trial));
  }
  const baselineScores = new Map(trial.observations.filter((o) => o.time === trial.plan.baseline).map((o) => [o.id, o.scores]));
  for (const s of trial.sources) {
    // An outcome asked only at follow-up (global perceived effect, adverse events) has no baseline
    // to describe: a row of "0 (—%); missing 50" would read as a baseline of nobody.
    const valueOf = (id: string) => baselineScores.get(id)?.[s.key] ?? null;
    if (!trial.patients.some((p) => valueOf(p.id) !== null)) continue;
    rows.push(withNotApplicable(characteristic(s.key, 'outcome', valueOf, trial, s.instrument.kind === 'binary'), trial, s.key));
  }
  return { randomised, rows };
}

/**
 * An outcome with "notApplicableCodes": the patients it does not apply to at baseline counted as
 * such, not as missing (docs/plan-trial.md#not-applicable). As it is for any other outcome.
 */
function withNotApplicable(row: BaselineCharacteristic, trial: TrialData, key: string): BaselineCharacteristic {
  const na = trial.rows.notApplicable?.[key];
  const t = trial.times.indexOf(trial.plan.baseline);
  if (!na || t < 0) return row;
  const patients = new Set<number>();
  for (let i = 0; i < trial.rows.length; i++) if (na[i] === 1 && trial.rows.time[i] === t) patients.add(trial.rows.patient[i]!);
  const count: Record<Arm, number> = { intervention: 0, control: 0 };
  for (const p of patients) count[trial.patients[p]!.arm]++;
  const arms = Object.fromEntries(ARMS.map((arm) => [arm, { ...row.arms[arm], missing: row.arms[arm].missing - count[arm], notApplicable: count[arm] }])) as BaselineCharacteristic['arms'];
  return { ...row, arms };
}
