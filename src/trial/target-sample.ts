/**
 * A sample of target-population patients (`population.targetSample`, docs/subgroups.md#inverse-odds-weights):
 * one row per patient with the model's columns, read with the same rules as the trial export's
 * covariates (the plan's missing-value and column codes; numbers are numbers, everything else
 * text). Every problem is collected and reported as `file:line:column (column): "value" —
 * expected …`, exit 2.
 */
import { encodingNote } from '../io/encoding-note.js';
import { dirname, isAbsolute, join } from 'node:path';
import { HtaError, type Problem } from '../errors.js';
import { decimalCommaOf } from '../io/decimal-mark.js';
import { parseNumber } from '../io/parse-number.js';
import { readCsvFile, shortName } from '../io/read-csv.js';
import type { Plan } from '../plan/plan-schema.js';
import { didYouMean } from './near-miss.js';
import { coderFor } from './value-codes.js';
import { repeatedTargetIds, targetIdColumn } from './target-sample-ids.js';
import { matchLevels, outOfScale, textForNumbers } from './target-sample-trial.js';
import { categoryKey } from './category-values.js';
import type { TrialData } from './trial-data.js';
import { cprCellTest, cprKind, mayBeCode } from './cpr-cells.js';
import { CODE_MIN_ROWS } from '../uptake/cpr-shape.js';
import { NORDIC_SHAPES_TOO } from '../io/cpr-number.js';

export interface TargetSample {
  /** The file as the plan names it. */
  file: string;
  /** The model's export columns, in plan order. */
  model: string[];
  /** Per row of the file (with every model value), the values in `model` order. */
  rows: (string | number)[][];
  /** Rows left out for a missing model value. */
  excludedMissing: number;
  /** How the file was read when it is not UTF-8 (io/encoding-note.ts): a note for stderr. */
  readNote?: string;
}

/**
 * The plan's target sample as a path to read: relative to the plan's folder (a plan is portable,
 * so an absolute path is refused). `hta report` resolves it through the manifest's rules instead.
 */
export function targetSamplePath(planFile: string, plan: Plan): string | undefined {
  const file = targetSampleFile(planFile, plan);
  return file === undefined ? undefined : join(dirname(planFile), file);
}

/**
 * The target sample's path as the plan writes it, relative to the plan's folder; an absolute path
 * refused, by every command alike (`hta report` re-rooted `/etc/passwd` under the plan's folder
 * and said that file did not exist).
 */
export function targetSampleFile(planFile: string, plan: Plan): string | undefined {
  const spec = plan.population?.targetSample;
  if (!spec) return undefined;
  if (isAbsolute(spec.file)) throw new HtaError('plan.invalid', `${planFile}: "population.targetSample.file" must be a path relative to the plan's folder, not the absolute path "${spec.file}"`);
  return spec.file;
}

/**
 * The file read, a file that cannot be read named with the plan's field that names it: "cannot read
 * nonexistent.csv" alone does not say which plan entry to correct.
 */
function readNamedInPlan(path: string, given: string) {
  try {
    return readCsvFile(path);
  } catch (err) {
    if (err instanceof HtaError && err.code === 'input.unreadable') throw new HtaError(err.code, `${err.message} (the target sample the plan names in "population.targetSample.file": "${given}", relative to the plan's folder)`, err.problems);
    throw err;
  }
}

/**
 * Reads the plan's target sample from `path` (see targetSamplePath); undefined when the plan has
 * none. With the trial, also checks the sample against it (target-sample-trial.ts): outcome scores
 * on the instrument's scale, text levels the trial's (matched in any case).
 */
export function readTargetSample(path: string | undefined, plan: Plan, trial?: Pick<TrialData, 'file' | 'patients' | 'sources'>): TargetSample | undefined {
  const spec = plan.population?.targetSample;
  if (!path || !spec) return undefined;
  const csv = readNamedInPlan(path, spec.file);
  const file = csv.file;
  // The file's one decimal mark, a tie or an undecided tab file refused as for the trial export.
  const decimalComma = decimalCommaOf(csv);
  const problems: Problem[] = [];
  const listed = csv.header.map(shortName).join(', ');
  const cols = spec.model.map((name) => {
    const column = spec.columns[name] ?? name;
    const idx = csv.header.indexOf(column);
    if (idx < 0) {
      const hint = didYouMean(column, csv.header);
      problems.push({ file, line: 1, value: column, expected: `a column "${column}" for the target-sample model column "${name}" (columns are: ${listed}); map it in "targetSample": { "columns": { "${name}": "…" } }`, kind: `target.column:${column}`, ...(hint ? { hint } : {}) });
    }
    // Codes are looked up under the trial export's column name: the plan's codes describe it.
    return { idx, name, coder: coderFor(plan, name, undefined, decimalComma) };
  });
  // The id column the plan names must be there; a usual id name found is checked without a word.
  const idCol = targetIdColumn(csv, plan);
  if (spec.id !== undefined && idCol < 0) problems.push({ file, line: 1, value: spec.id, expected: `a column "${spec.id}", the target sample's patient id ("targetSample.id") (columns are: ${listed})`, kind: `target.column:${spec.id}`, ...(didYouMean(spec.id, csv.header) ? { hint: didYouMean(spec.id, csv.header)! } : {}) });
  if (problems.length) throw new HtaError('input.invalid', `${file}: the target sample lacks columns of the model`, problems);
  // One row per target patient (target-sample-ids.ts).
  const repeated = idCol >= 0 ? repeatedTargetIds(csv, idCol) : [];
  if (repeated.length) throw new HtaError('input.invalid', `${file}: ${repeated.length} row(s) repeat a patient of the target sample, which is one row per patient`, repeated);

  // CPR-shaped cells stop the read before anything would quote them (a level, a "not a number"
  // message), as in the trial export (cpr-cells.ts): named by line and column, never quoted. A ten-digit
  // code on at least CODE_MIN_ROWS rows (a site's P-number) is a code; the file has no id, so rows count.
  const refused = cprCellTest(csv.records, -1, cols.map((c) => c.idx));
  const cpr: Problem[] = [];
  for (const rec of csv.records) {
    for (const { idx, name } of cols) {
      const text = rec.cells[idx];
      if (!refused(text, idx)) continue;
      const field = csv.header[idx]!;
      const code = mayBeCode(text!) ? `. A code of ten to twelve digits (a site's P-number) is read as a code when the same number is on at least ${CODE_MIN_ROWS} rows (a CPR number is one patient's); on fewer, write it with a letter before all its digits ("P" before a P-number's ten, a letter before a longer code's eleven or twelve)` : '';
      cpr.push({ file, line: rec.line, column: idx + 1, field, expected: `no CPR number: the cell (model column "${name}") looks like a CPR number (DDMMYY-NNNN), and hta never publishes one nor quotes it — a target sample holds the model's values only: a shifted line or the wrong column named in "targetSample.columns"; correct the file or the plan; ${NORDIC_SHAPES_TOO}${code}`, kind: cprKind(field) });
    }
  }
  if (cpr.length) throw new HtaError('input.invalid', `${file} has ${cpr.length} cell(s) that look like CPR numbers: hta never publishes one, so it stops here; the cells are named by line and column, not quoted`, cpr);

  const rows: (string | number)[][] = [];
  const lines: number[] = [];
  const texts: (string | null)[][] = [];
  let excludedMissing = 0;
  // The plan's recode (target text → trial text, null: missing), keyed in any case.
  const recodes = cols.map(({ name }) => new Map(Object.entries(spec.recode?.[name] ?? {}).map(([from, to]) => [categoryKey(from.trim()), to])));
  for (const rec of csv.records) {
    const values: (string | number | null)[] = cols.map(({ idx, name, coder }, k) => {
      const cell = rec.cells[idx] ?? null;
      if (cell === null) return null;
      const recoded = recodes[k]!.get(categoryKey(cell.trim()));
      if (recoded === null) return null;
      const text = recoded ?? cell;
      const coded = coder?.apply(text);
      if (coded?.kind === 'missing') return null;
      if (coded?.kind === 'answer') return coded.value;
      if (coded?.kind === 'unknown') {
        // The file's own text is quoted; what the plan's recode made of it is said after.
        const gave = recoded === undefined ? '' : ` (the plan's "recode" gives "${recoded}")`;
        problems.push({ file, line: rec.line, column: idx + 1, field: csv.header[idx], value: cell, expected: `one of the plan's answer codes for "${name}" (${coder?.answerCodes().join(', ')}) or a missing-value code${gave}`, kind: `target.code:${name}` });
        return null;
      }
      return parseNumber(text, decimalComma) ?? text;
    });
    if (values.some((v) => v === null)) {
      excludedMissing++;
      continue;
    }
    rows.push(values as (string | number)[]);
    lines.push(rec.line);
    texts.push(cols.map(({ idx }) => rec.cells[idx] ?? null));
  }
  // A column read as numbers in most rows but text in some: the text cells are the problem.
  cols.forEach(({ idx, name }, k) => {
    const numbers = rows.filter((r) => typeof r[k] === 'number').length;
    if (numbers === 0 || numbers === rows.length) return;
    for (const rec of csv.records) {
      const cell = rec.cells[idx] ?? null;
      const recoded = cell === null ? null : recodes[k]!.get(categoryKey(cell.trim()));
      const text = recoded === undefined ? cell : recoded;
      if (text !== null && typeof (parseNumber(text, decimalComma) ?? text) === 'string' && cols[k]?.coder?.apply(text).kind !== 'missing') {
        const gave = recoded === undefined ? '' : ` (the plan's "recode" gives "${recoded}")`;
        problems.push({ file, line: rec.line, column: idx + 1, field: csv.header[idx], value: cell ?? text, expected: `a number, as in the column's other rows (model column "${name}"), or a missing-value code${gave}`, kind: `target.number:${name}` });
      }
    }
  });
  if (!problems.length && trial && rows.length) {
    const cells = { file, columns: cols.map(({ idx }) => ({ column: idx + 1, field: csv.header[idx]! })), lines, texts };
    problems.push(...outOfScale(spec.model, rows, cells, trial), ...textForNumbers(spec.model, rows, cells, trial));
    if (!problems.length) problems.push(...matchLevels(spec.model, rows, cells, trial, spec.recode !== undefined));
  }
  if (problems.length) throw new HtaError('input.invalid', `${file}: ${problems.length} problem(s) in the target sample`, problems);
  if (rows.length === 0) throw new HtaError('input.invalid', `${file}: the target sample has no row with every model column (${spec.model.join(', ')}) filled`, [{ file, line: 1, expected: 'at least one target patient with every model value' }]);
  const readNote = encodingNote(file, csv.dialect);
  return { file: spec.file, model: spec.model, rows, excludedMissing, ...(readNote ? { readNote } : {}) };
}
