/**
 * Trial export → validated, scored `TrialData`. Answer and missing-value codes are applied
 * first (value-codes.ts); then every problem is collected with file, line, column, value and
 * what was expected (no cap: they print grouped). By default any problem aborts with exit code
 * 2 before anything is written; with `excludeInvalid` (or the plan's `"invalidRows":
 * "exclude"`) the rows with problems are left out and listed in `excluded`, while problems
 * with the header or plan still abort. Messages never carry a patient id. See
 * docs/input-trial-export.md.
 */
import { HtaError, type Problem } from '../errors.js';
import { parseNumber } from '../io/parse-number.js';
import type { CsvTable } from '../io/read-csv.js';
import { isAllowedItemValue, itemRangeOf } from '../instruments/instrument.js';
import { instrumentForOutcome } from '../plan/outcome-instrument.js';
import { itemColumnsOf, scoreColumnOf } from '../plan/outcome-columns.js';
import { exportTimeOf, type Plan, planTimeOf } from '../plan/plan-schema.js';
import { didYouMean } from './near-miss.js';
import { covariateValueProblem } from './check-content.js';
import type { Arm, OutcomeSource, TrialData, TrialObservation, TrialPatient } from './trial-data.js';
import { type ColumnCoder, coderFor, RecodeTally } from './value-codes.js';
import { isWide, type LongTable, wideToLong } from './wide-to-long.js';

/** Visits in order: baseline, then the export's other visits as the plan lists them. */
export function visitsOf(plan: Plan): string[] {
  const all = plan.allTimepoints ?? [plan.baseline, ...plan.timepoints];
  return all.includes(plan.baseline) ? all : [plan.baseline, ...all];
}

export interface LoadTrialOptions {
  /** Leave rows with problems out instead of stopping; defaults to the plan's `invalidRows`. */
  excludeInvalid?: boolean;
}

/** The column an export calls a covariate: `columns.covariates` renames, else the name itself. */
export function covariateColumnOf(plan: Plan, name: string): string {
  return Object.hasOwn(plan.columns.covariates, name) ? (plan.columns.covariates[name] as string) : name;
}

type Recode = [column: string, code: string, to: number | null];

interface Candidate {
  obs: TrialObservation;
  covariates: (string | number | null)[];
  recodes: Recode[];
}

export function loadTrial(csv: CsvTable, plan: Plan, options: LoadTrialOptions = {}): TrialData {
  const exclude = options.excludeInvalid ?? plan.invalidRows === 'exclude';
  const visits = visitsOf(plan);
  const exportTimes = visits.map((v) => exportTimeOf(plan, v));
  const wide = plan.layout === 'wide' || (plan.layout === 'auto' && isWide(csv, plan.columns.time, exportTimes));
  const table: LongTable = wide ? wideToLong(csv, plan.columns.time, exportTimes) : csv;
  const file = csv.file;
  const decimalComma = csv.dialect.decimalComma;
  const headerProblems: Problem[] = [];
  const rowProblems: Problem[] = [];
  const colOf = (name: string) => table.header.indexOf(name);
  const fileColumn = (time: string | null, idx: number) =>
    table.sourceColumns && time !== null ? table.sourceColumns(time, idx) : idx + 1;

  // A first line read as one column: the separator is not one hta reads (`|`, spaces…). Its text
  // is not echoed — without a header it is a patient's row.
  if (csv.header.length === 1 && csv.header[0]!.length > 40) {
    throw new HtaError('input.invalid', `${file}: the first line was read as a single column`, [
      { file, line: 1, expected: `columns separated by commas, semicolons or tabs, with a header line naming them; the first line is one ${csv.header[0]!.length}-character column — export the file as CSV (comma or semicolon) or tab-separated text`, kind: 'header.one-column' },
    ]);
  }

  // Columns the plan needs.
  const idCol = colOf(plan.columns.id);
  const armCol = colOf(plan.columns.arm);
  const timeCol = colOf(plan.columns.time);
  const listed = csv.header.join(', ');
  const missingColumn = (name: string, expected: string, kind: string): Problem => {
    const p: Problem = { file, line: 1, value: name, expected, kind };
    const hint = didYouMean(name, table.header);
    if (hint) p.hint = hint;
    return p;
  };
  for (const [role, name, idx, key] of [
    ['patient id', plan.columns.id, idCol, 'id'],
    ['arm', plan.columns.arm, armCol, 'arm'],
    ['time', plan.columns.time, timeCol, 'time'],
  ] as const) {
    if (idx < 0) headerProblems.push(missingColumn(name, `a ${role} column named "${name}" (columns are: ${listed}); name it in the plan's "columns": { "${key}": … }`, `column.${key}`));
  }
  const sources = resolveSources(table, plan, file, headerProblems, decimalComma);
  const covariates = plan.covariates.map((name) => {
    const column = covariateColumnOf(plan, name);
    const idx = colOf(column);
    if (idx < 0) headerProblems.push(missingColumn(column, `a column "${column}" for covariate "${name}" (columns are: ${listed}); map it in "columns": { "covariates": { "${name}": "…" } }`, `column.covariate:${column}`));
    return { idx, column, coder: coderFor(plan, column, undefined, decimalComma) };
  });
  // Subgroup and target-population columns ride along after the covariates (same reading rules).
  const attributeNames = attributeColumnsOf(plan);
  for (const column of attributeNames) {
    const idx = colOf(column);
    if (idx < 0) headerProblems.push(missingColumn(column, `a column "${column}" named by the plan's "subgroups" or "population" (columns are: ${listed})`, `column.attribute:${column}`));
    covariates.push({ idx, column, coder: coderFor(plan, column, undefined, decimalComma) });
  }
  const nCov = plan.covariates.length;
  if (headerProblems.length) throw invalid(file, headerProblems, false);

  const armOf = new Map<string, Arm>([
    [plan.arms.intervention, 'intervention'],
    [plan.arms.control, 'control'],
  ]);
  const armValues = [plan.arms.intervention, plan.arms.control];
  const timeValues = [...new Set([...exportTimes, ...Object.keys(plan.timeLabels)])];
  const timeOf = (v: string) => planTimeOf(plan, v);

  const firstArm = new Map<string, { arm: Arm; line: number }>();
  const seen = new Map<string, number>(); // id|time → line
  const candidates: Candidate[] = [];

  for (const rec of table.records) {
    const { line, cells } = rec;
    const timeRaw = cells[timeCol] ?? null;
    const time = timeRaw === null ? null : timeOf(timeRaw);
    const at = (idx: number) => ({ file, line, column: fileColumn(time, idx), field: table.header[idx] });
    const add = (p: Problem) => rowProblems.push(p);

    const id = cells[idCol] ?? null;
    if (id === null) {
      add({ ...at(idCol), value: '', expected: 'a patient id (the cell is empty)', kind: 'id.empty' });
      continue;
    }
    const armRaw = cells[armCol] ?? null;
    const arm = armRaw === null ? undefined : armOf.get(armRaw);
    if (arm === undefined) {
      const hint = armRaw === null ? undefined : didYouMean(armRaw, armValues);
      add({
        ...at(armCol),
        value: armRaw ?? '',
        expected: `an arm value: "${plan.arms.intervention}" (intervention) or "${plan.arms.control}" (control), as in the plan's "arms"`,
        kind: `arm.unknown${hint ? `:${hint}` : ''}`,
        ...(hint ? { hint } : {}),
      });
    }
    if (time === null || !visits.includes(time)) {
      const hint = timeRaw === null ? undefined : didYouMean(timeRaw, timeValues);
      add({
        ...at(timeCol),
        value: timeRaw ?? '',
        expected: `a time point of the plan (${visits.join(', ')}); map other labels with "timeLabels" or list the visit in "allTimepoints"`,
        kind: `time.unknown${hint ? `:${hint}` : ''}`,
        ...(hint ? { hint } : {}),
      });
    }
    if (arm === undefined || time === null || !visits.includes(time)) continue;

    const key = `${id}\u0000${time}`;
    const first = seen.get(key);
    if (first !== undefined) {
      // The id itself is never printed: the earlier line identifies the patient.
      add({ ...at(idCol), expected: `one row per patient and time point (this patient's "${time}" row is on line ${first})`, kind: 'row.duplicate' });
      continue;
    }
    seen.set(key, line);

    const patient = firstArm.get(id);
    if (patient && patient.arm !== arm) {
      add({ ...at(armCol), value: armRaw ?? '', expected: `the same arm for a patient throughout (this patient's line ${patient.line} has "${patient.arm === 'intervention' ? plan.arms.intervention : plan.arms.control}")`, kind: 'arm.switch' });
      continue;
    }
    if (!patient) firstArm.set(id, { arm, line });

    const recodes: Recode[] = [];
    const covValues = covariates.map(({ idx, column, coder }, i) => {
      const v = cells[idx] ?? null;
      if (v === null) return v;
      let value: string | number | null = v;
      if (coder) {
        const coded = coder.apply(v, (code, to) => recodes.push([column, code, to]));
        if (coded.kind === 'unknown') {
          add({ ...at(idx), value: v, expected: unknownCodeText(column, coder), kind: `code.unknown:${column}` });
          return null;
        }
        value = coded.kind === 'missing' ? null : coded.kind === 'answer' ? coded.value : coded.text;
      }
      // Plausibility of the plan's covariates (not of subgroup/population columns riding along).
      const implausible = i < nCov && value !== null ? covariateValueProblem(plan, plan.covariates[i] as string, value, decimalComma) : undefined;
      if (implausible) {
        add({ ...at(idx), value: v, ...implausible });
        return null;
      }
      return value;
    });

    const scores: Record<string, number | null> = {};
    for (const src of sources) scores[src.key] = scoreCell(src, cells, at, add, decimalComma, recodes, table.header);
    candidates.push({ obs: { id, arm, time, line, scores }, covariates: covValues, recodes });
  }

  if (rowProblems.length && !exclude) throw invalid(file, rowProblems, true);
  const badLines = new Set(rowProblems.map((p) => p.line));
  const kept = candidates.filter((c) => !badLines.has(c.obs.line));

  // Patients, their covariates and the recode tally come from the kept rows only: a patient
  // whose baseline row was excluded simply has no baseline.
  const patients = new Map<string, TrialPatient>();
  const covariateRaw = new Map<string, (string | number | null)[]>();
  const tally = new RecodeTally();
  for (const c of kept) {
    const { id, arm, time } = c.obs;
    if (!patients.has(id)) patients.set(id, { id, arm, covariates: {} });
    // Covariates: the baseline row wins; otherwise the first row with a value.
    const cov = covariateRaw.get(id) ?? covariates.map(() => null);
    c.covariates.forEach((v, i) => {
      if (v !== null && (cov[i] === null || time === plan.baseline)) cov[i] = v;
    });
    covariateRaw.set(id, cov);
    for (const [column, code, to] of c.recodes) tally.add(column, code, to);
  }

  const patientList = [...patients.values()].map(({ id, arm }) => {
    const raw = covariateRaw.get(id) ?? [];
    const patient: TrialPatient = { id, arm, covariates: typeCovariates(plan.covariates, raw.slice(0, nCov), decimalComma) };
    if (attributeNames.length) patient.attributes = typeCovariates(attributeNames, raw.slice(nCov), decimalComma);
    return patient;
  });
  return {
    file,
    plan,
    times: visits,
    patients: patientList,
    observations: kept.map((c) => c.obs),
    sources,
    layout: wide ? 'wide' : 'long',
    recoded: tally.list(table.header),
    excluded: exclude ? { rows: badLines.size, problems: rowProblems } : null,
  };
}

/** Export columns named by the plan's subgroups, population criteria, margins and target-sample model, each once, in plan order. */
export function attributeColumnsOf(plan: Plan): string[] {
  const p = plan.population;
  return [...new Set([...plan.subgroups.map((g) => g.column), ...(p?.criteria ?? []).map((c) => c.column), ...(p?.margins ?? []).map((m) => m.column), ...(p?.targetSample?.model ?? [])])];
}

// Covariates are numeric only when the value parses as a number (or a code made it one).
function typeCovariates(names: string[], values: (string | number | null)[], decimalComma: boolean): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  names.forEach((n, i) => {
    const v = values[i] ?? null;
    if (v === null || typeof v === 'number') {
      out[n] = v;
      return;
    }
    out[n] = parseNumber(v, decimalComma) ?? v;
  });
  return out;
}

function resolveSources(table: CsvTable, plan: Plan, file: string, problems: Problem[], decimalComma: boolean): OutcomeSource[] {
  const has = new Set(table.header);
  const indexOf = (name: string) => table.header.indexOf(name);
  const coders = (cols: string[], o: Plan['outcomes'][number]) => {
    const list = cols.map((c) => coderFor(plan, c, o, decimalComma));
    return list.some((c) => c !== undefined) ? { coders: list } : {};
  };
  const out: OutcomeSource[] = [];
  for (const o of plan.outcomes) {
    const instrument = instrumentForOutcome(o, plan); // existence checked by parsePlan
    const column = scoreColumnOf(o);
    const itemCols = itemColumnsOf(o, instrument);
    const scoring = { maxMissingItems: o.maxMissingItems, valueSet: o.valueSet };
    const present = itemCols.filter((c) => has.has(c));
    if (itemCols.length && present.length === itemCols.length) {
      out.push({ key: o.key, instrument, from: 'items', columns: itemCols, columnIndexes: itemCols.map(indexOf), itemRanges: itemCols.map((_, k) => itemRangeOf(instrument.items!, k)), scoring, ...coders(itemCols, o) });
    } else if (has.has(column)) {
      out.push({ key: o.key, instrument, from: 'score', columns: [column], columnIndexes: [indexOf(column)], itemRanges: [], scoring, ...coders([column], o) });
    } else if (present.length) {
      const missing = itemCols.filter((c) => !has.has(c));
      const p: Problem = { file, line: 1, value: missing.join(', '), expected: `all ${itemCols.length} item columns of ${instrument.name.en} for outcome "${o.key}" (or a score column "${column}"); list them in the outcome's "items"`, kind: `column.items:${o.key}` };
      const hint = missing.length === 1 ? didYouMean(missing[0]!, table.header) : undefined;
      if (hint) p.hint = hint;
      problems.push(p);
    } else {
      const p: Problem = { file, line: 1, value: column, expected: `a column "${column}" for outcome "${o.key}"${itemCols.length ? ` or its item columns ${itemCols[0]}…${itemCols[itemCols.length - 1]}` : ''}; set "column" (or "items") in the plan if it is named differently`, kind: `column.outcome:${o.key}` };
      const hint = didYouMean(column, table.header);
      if (hint) p.hint = hint;
      problems.push(p);
    }
  }
  return out;
}

function unknownCodeText(column: string, coder: ColumnCoder): string {
  return `one of the answer codes of "${column}" in the plan (${coder.answerCodes().map((c) => JSON.stringify(c)).join(', ')}) or a missing-value code`;
}

const EQ5D_PROFILE = /^[1-5]{5}$/;

function scoreCell(
  src: OutcomeSource,
  cells: (string | null)[],
  at: (idx: number) => Omit<Problem, 'expected'>,
  add: (p: Problem) => void,
  decimalComma: boolean,
  recodes: Recode[],
  header: readonly string[],
): number | null {
  const inst = src.instrument;
  const options = src.scoring;
  /** The cell after codes: a number, null (missing), text to parse, or undefined after a problem. */
  const read = (k: number): { value: number | null; text?: string } | undefined => {
    const idx = src.columnIndexes[k] as number;
    const text = cells[idx] ?? null;
    if (text === null) return { value: null };
    const coder = src.coders?.[k];
    if (!coder) return { value: null, text };
    const column = header[idx] as string;
    const coded = coder.apply(text, (code, to) => recodes.push([column, code, to]));
    if (coded.kind === 'unknown') {
      add({ ...at(idx), value: text, expected: unknownCodeText(column, coder), kind: `code.unknown:${column}` });
      return undefined;
    }
    if (coded.kind === 'missing') return { value: null };
    if (coded.kind === 'answer') return { value: coded.value, text };
    return { value: null, text };
  };
  const numberOf = (cell: { value: number | null; text?: string }, viaCode: boolean) => (viaCode ? cell.value : parseNumber(cell.text as string, decimalComma));

  if (src.from === 'items' && inst.items && inst.score) {
    const items: (number | null)[] = [];
    let ok = true;
    src.columnIndexes.forEach((idx, k) => {
      const cell = read(k);
      if (cell === undefined) return void (ok = false);
      if (cell.text === undefined) return void items.push(null);
      const v = numberOf(cell, cell.value !== null) ?? undefined;
      const range = src.itemRanges[k]!;
      if (v === undefined || !isAllowedItemValue(range, v)) {
        ok = false;
        const allowed = range.values ? range.values.join(', ') : `${range.min} to ${range.max}`;
        add({ ...at(idx), value: cell.text, expected: `an answer ${range.values ? 'of' : 'from'} ${allowed} (${inst.name.en} item ${k + 1})${src.coders?.[k]?.closed ? ' after the answer codes' : ''}`, kind: `item.range:${src.key}` });
        return;
      }
      items.push(v);
    });
    return ok ? inst.score(items, options) : null;
  }
  const idx = src.columnIndexes[0] as number;
  const cell = read(0);
  if (cell === undefined || cell.text === undefined) return null;
  const text = cell.text;
  const viaCode = cell.value !== null;
  if (!viaCode && inst.items && inst.score && inst.key.startsWith('eq5d') && EQ5D_PROFILE.test(text)) {
    const levels = [...text].map(Number);
    if (levels.every((l) => l <= inst.items!.max)) return inst.score(levels, options);
  }
  const v = numberOf(cell, viaCode) ?? undefined;
  const [lo, hi] = inst.range;
  if (v === undefined || v < lo || v > hi || (inst.integer && !Number.isInteger(v))) {
    add({ ...at(idx), value: text, expected: `${inst.integer ? 'a whole number' : 'a number'} from ${lo} to ${hi} (${inst.name.en})`, kind: `score.range:${src.key}` });
    return null;
  }
  return v;
}

function invalid(file: string, problems: Problem[], rows: boolean): HtaError {
  const lines = new Set(problems.map((p) => p.line)).size;
  const where = rows ? ` in ${lines} row(s)` : '';
  const tip = rows ? '; --exclude-invalid leaves such rows out and reports them' : '';
  return new HtaError('input.invalid', `${file} has ${problems.length} problem(s)${where}; nothing was written${tip}`, problems);
}
