/**
 * Trial export → validated, scored `TrialData`. Every problem found is collected (up to 50)
 * with file, line, column, value and what was expected; any problem aborts with exit code 2
 * before anything is written.
 */
import { HtaError, MAX_PROBLEMS, type Problem } from '../errors.js';
import { parseNumber } from '../io/parse-number.js';
import type { CsvTable } from '../io/read-csv.js';
import { isAllowedItemValue, itemRangeOf } from '../instruments/instrument.js';
import { instrumentForOutcome } from '../plan/outcome-instrument.js';
import { exportTimeOf, type Plan, planTimeOf } from '../plan/plan-schema.js';
import type { Arm, OutcomeSource, TrialData, TrialObservation, TrialPatient } from './trial-data.js';
import { isWide, type LongTable, wideToLong } from './wide-to-long.js';

/** Visits in order: baseline, then the export's other visits as the plan lists them. */
export function visitsOf(plan: Plan): string[] {
  const all = plan.allTimepoints ?? [plan.baseline, ...plan.timepoints];
  return all.includes(plan.baseline) ? all : [plan.baseline, ...all];
}

class ProblemList {
  readonly items: Problem[] = [];
  add(p: Problem): void {
    if (this.items.length < MAX_PROBLEMS) this.items.push(p);
  }
  get full(): boolean {
    return this.items.length >= MAX_PROBLEMS;
  }
}

export function loadTrial(csv: CsvTable, plan: Plan): TrialData {
  const visits = visitsOf(plan);
  const exportTimes = visits.map((v) => exportTimeOf(plan, v));
  const wide = plan.layout === 'wide' || (plan.layout === 'auto' && isWide(csv, plan.columns.time, exportTimes));
  const table: LongTable = wide ? wideToLong(csv, plan.columns.time, exportTimes) : csv;
  const file = csv.file;
  const problems = new ProblemList();
  const colOf = (name: string) => table.header.indexOf(name);
  const fileColumn = (time: string | null, idx: number) =>
    table.sourceColumns && time !== null ? table.sourceColumns(time, idx) : idx + 1;

  // Columns the plan needs.
  const idCol = colOf(plan.columns.id);
  const armCol = colOf(plan.columns.arm);
  const timeCol = colOf(plan.columns.time);
  const listed = csv.header.join(', ');
  for (const [role, name, idx] of [
    ['patient id', plan.columns.id, idCol],
    ['arm', plan.columns.arm, armCol],
    ['time', plan.columns.time, timeCol],
  ] as const) {
    if (idx < 0) problems.add({ file, line: 1, value: name, expected: `a ${role} column named "${name}" (columns are: ${listed}); rename it in the plan's "columns"` });
  }
  const sources = resolveSources(table, plan, file, problems);
  const covariateCols = plan.covariates.map((c) => {
    const idx = colOf(c);
    if (idx < 0) problems.add({ file, line: 1, value: c, expected: `a covariate column named "${c}" (columns are: ${listed})` });
    return idx;
  });
  if (problems.items.length) throw invalid(file, problems);

  const armOf = new Map<string, Arm>([
    [plan.arms.intervention, 'intervention'],
    [plan.arms.control, 'control'],
  ]);
  const timeOf = (v: string) => planTimeOf(plan, v);

  const patients = new Map<string, TrialPatient & { line: number }>();
  const seen = new Map<string, number>(); // id|time → line
  const observations: TrialObservation[] = [];
  const covariateRaw = new Map<string, (string | null)[]>();

  for (const rec of table.records) {
    if (problems.full) break;
    const { line, cells } = rec;
    const timeRaw = cells[timeCol] ?? null;
    const time = timeRaw === null ? null : timeOf(timeRaw);
    const at = (idx: number) => ({ file, line, column: fileColumn(time, idx), field: table.header[idx] });

    const id = cells[idCol] ?? null;
    if (id === null) {
      problems.add({ ...at(idCol), value: '', expected: 'a patient id (the cell is empty)' });
      continue;
    }
    const armRaw = cells[armCol] ?? null;
    const arm = armRaw === null ? undefined : armOf.get(armRaw);
    if (arm === undefined) {
      problems.add({ ...at(armCol), value: armRaw ?? '', expected: `an arm value: "${plan.arms.intervention}" (intervention) or "${plan.arms.control}" (control), as in the plan's "arms"` });
    }
    if (time === null || !visits.includes(time)) {
      problems.add({ ...at(timeCol), value: timeRaw ?? '', expected: `a time point of the plan (${visits.join(', ')}); map other labels with "timeLabels" or list the visit in "allTimepoints"` });
    }
    if (arm === undefined || time === null || !visits.includes(time)) continue;

    const key = `${id}\u0000${time}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.add({ ...at(idCol), value: `${id} at ${time}`, expected: `one row per patient and time point (already on line ${first})` });
      continue;
    }
    seen.set(key, line);

    const patient = patients.get(id);
    if (patient && patient.arm !== arm) {
      problems.add({ ...at(armCol), value: armRaw ?? '', expected: `the same arm for patient ${id} throughout (line ${patient.line} has ${patient.arm === 'intervention' ? plan.arms.intervention : plan.arms.control})` });
      continue;
    }
    if (!patient) patients.set(id, { id, arm, covariates: {}, line });

    // Covariates: the baseline row wins; otherwise the first row with a value.
    const cov = covariateRaw.get(id) ?? plan.covariates.map(() => null);
    covariateCols.forEach((c, i) => {
      const v = cells[c] ?? null;
      if (v !== null && (cov[i] === null || time === plan.baseline)) cov[i] = v;
    });
    covariateRaw.set(id, cov);

    const scores: Record<string, number | null> = {};
    for (const src of sources) scores[src.key] = scoreCell(src, cells, at, problems, csv.dialect.decimalComma);
    observations.push({ id, arm, time, line, scores });
  }
  if (problems.items.length) throw invalid(file, problems);

  const patientList = [...patients.values()].map(({ id, arm }) => ({ id, arm, covariates: typeCovariates(plan.covariates, covariateRaw.get(id) ?? [], csv.dialect.decimalComma) }));
  // Covariates are numeric only when every patient's value is a number.
  return { file, plan, times: visits, patients: patientList, observations, sources, layout: wide ? 'wide' : 'long' };
}

function typeCovariates(names: string[], values: (string | null)[], decimalComma: boolean): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  names.forEach((n, i) => {
    const v = values[i] ?? null;
    const num = v === null ? undefined : parseNumber(v, decimalComma);
    out[n] = v === null ? null : (num ?? v);
  });
  return out;
}

function resolveSources(table: CsvTable, plan: Plan, file: string, problems: ProblemList): OutcomeSource[] {
  const has = new Set(table.header);
  const indexOf = (name: string) => table.header.indexOf(name);
  const out: OutcomeSource[] = [];
  for (const o of plan.outcomes) {
    const instrument = instrumentForOutcome(o); // existence checked by parsePlan
    const column = o.column ?? o.key;
    const prefix = o.items ?? column;
    const itemCols = instrument.items?.columns(prefix) ?? [];
    const scoring = { maxMissingItems: o.maxMissingItems, valueSet: o.valueSet };
    const present = itemCols.filter((c) => has.has(c));
    if (itemCols.length && present.length === itemCols.length) {
      out.push({ key: o.key, instrument, from: 'items', columns: itemCols, columnIndexes: itemCols.map(indexOf), itemRanges: itemCols.map((_, k) => itemRangeOf(instrument.items!, k)), scoring });
    } else if (has.has(column)) {
      out.push({ key: o.key, instrument, from: 'score', columns: [column], columnIndexes: [indexOf(column)], itemRanges: [], scoring });
    } else if (present.length) {
      const missing = itemCols.filter((c) => !has.has(c));
      problems.add({ file, line: 1, value: missing.join(', '), expected: `all ${itemCols.length} item columns of ${instrument.name.en} for outcome "${o.key}" (or a score column "${column}")` });
    } else {
      problems.add({ file, line: 1, value: column, expected: `a column "${column}" for outcome "${o.key}"${itemCols.length ? ` or its item columns ${itemCols[0]}…${itemCols[itemCols.length - 1]}` : ''}; set "column" in the plan if it is named differently` });
    }
  }
  return out;
}

const EQ5D_PROFILE = /^[1-5]{5}$/;

function scoreCell(
  src: OutcomeSource,
  cells: (string | null)[],
  at: (idx: number) => Omit<Problem, 'expected'>,
  problems: ProblemList,
  decimalComma: boolean,
): number | null {
  const inst = src.instrument;
  const options = src.scoring;
  if (src.from === 'items' && inst.items && inst.score) {
    const items: (number | null)[] = [];
    let ok = true;
    src.columnIndexes.forEach((idx, k) => {
      const text = cells[idx] ?? null;
      if (text === null) return void items.push(null);
      const v = parseNumber(text, decimalComma);
      const range = src.itemRanges[k]!;
      if (v === undefined || !isAllowedItemValue(range, v)) {
        ok = false;
        const allowed = range.values ? range.values.join(', ') : `${range.min} to ${range.max}`;
        problems.add({ ...at(idx), value: text, expected: `an answer ${range.values ? 'of' : 'from'} ${allowed} (${inst.name.en} item ${k + 1})` });
        return;
      }
      items.push(v);
    });
    return ok ? inst.score(items, options) : null;
  }
  const idx = src.columnIndexes[0] as number;
  const text = cells[idx] ?? null;
  if (text === null) return null;
  if (inst.items && inst.score && inst.key.startsWith('eq5d') && EQ5D_PROFILE.test(text)) {
    const levels = [...text].map(Number);
    if (levels.every((l) => l <= inst.items!.max)) return inst.score(levels, options);
  }
  const v = parseNumber(text, decimalComma);
  const [lo, hi] = inst.range;
  if (v === undefined || v < lo || v > hi || (inst.integer && !Number.isInteger(v))) {
    problems.add({ ...at(idx), value: text, expected: `${inst.integer ? 'a whole number' : 'a number'} from ${lo} to ${hi} (${inst.name.en})` });
    return null;
  }
  return v;
}

function invalid(file: string, problems: ProblemList): HtaError {
  const more = problems.full ? ` (showing the first ${MAX_PROBLEMS})` : '';
  return new HtaError('input.invalid', `${file} has ${problems.items.length} problem(s)${more}; nothing was written`, problems.items);
}
