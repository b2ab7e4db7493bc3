/**
 * Checks that a trial export which parsed cleanly also holds something to analyse, and that its
 * values are plausible — so the user hears "no control patients in trial.csv" instead of an
 * error from deep inside a statistical method. Runs after `loadTrial`:
 *
 * - a header with no data rows; an arm with no patients; no score at any follow-up visit;
 * - plan values (criteria, subgroup levels, margin keys) that name no export value (plan-values-check.ts);
 * - enrolment numbers in the plan that do not add up with the export's patients (enrolment-check.ts);
 * - covariates (`covariateValueProblem`, called by the loader per cell after the plan's codes):
 *   numbers that are not finite ("Infinity", "NaN", 1e999), and values outside a plausible range:
 *   `age`/`alder` 0–120 unless the plan's `covariateRanges` says otherwise. Ranges and reasons:
 *   docs/limits.md.
 */
import { ownValue } from '../own-value.js';
import { groupWording } from '../observational/group-wording.js';
import { HtaError, type Problem } from '../errors.js';
import type { CsvTable } from '../io/read-csv.js';
import { isExcelError, isPercentCell } from '../io/spreadsheet-cells.js';
import { EXCEL_DATE_HINT, isExcelDateText } from '../io/excel-date-text.js';
import { type MixedLocale, otherMarkHint } from '../io/decimal-mark.js';
import { parseNumber } from '../io/parse-number.js';
import { numberWithUnit, unitHint } from '../io/number-unit.js';
import type { Plan } from '../plan/plan-schema.js';
import { checkEnrolment } from './enrolment-check.js';
import { checkPlanValues } from './plan-values-check.js';
import { checkMixedScales } from './mixed-scales-check.js';
import { missingFollowUp } from './follow-up.js';
import { checkAllCodedMissing } from './all-coded-missing.js';
import { type TrialData, timesInRows } from './trial-data.js';

/** What the command needs: rows to score (`hta score`), or data for an analysis. */
export type ContentNeed = 'rows' | 'analysis';

export interface NumericRange {
  min: number;
  max: number;
}

/** Plausible ranges of covariates by (lower-case) name, when the plan sets none. */
export const DEFAULT_COVARIATE_RANGES: Readonly<Record<string, NumericRange>> = {
  age: { min: 0, max: 120 },
  alder: { min: 0, max: 120 },
};

/** The range that applies to a covariate: the plan's, else the default for its name. */
export function covariateRange(plan: Pick<Plan, 'covariateRanges'>, name: string): NumericRange | undefined {
  // Own keys only: a covariate named "constructor" has no default range (docs/output-safety.md#user-text-as-keys).
  return plan.covariateRanges?.[name] ?? ownValue(DEFAULT_COVARIATE_RANGES, name.toLowerCase());
}

/** Text that is meant as a number but is not a finite one: "Infinity", "-inf", "NaN", "1e999". */
const NON_FINITE = /^[+-]?(inf|infinity|nan)$/i;
const NUMBER_LIKE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The error for an export with its header line and no rows (also `plan init`'s, before any guess). */
export function headerOnly(file: string): HtaError {
  return new HtaError('input.invalid', `${file} has a header but no data rows`, [
    { file, line: 2, expected: 'one row per patient (and visit) after the header line; the file has only the header' },
  ]);
}

/**
 * `scales: false` leaves out the check for two scales in one column, `codedMissing: false` the one
 * for an outcome its word missing-value codes emptied (plan init says both among its checks instead).
 */
export function checkTrialContent(csv: CsvTable, trial: TrialData, need: ContentNeed, planFile?: string, options: { scales?: boolean; codedMissing?: boolean } = {}): void {
  const file = csv.file;
  const plan = trial.plan;
  if (csv.records.length === 0) throw headerOnly(file);
  // Two scales in one 0–100 column (0–10 at one site) shrink the effect: refused (mixed-scales.ts).
  if (options.scales !== false) checkMixedScales(trial);
  // A criterion value, subgroup level or margin key that names no export value is a typo (plan-values-check.ts).
  checkPlanValues(trial, planFile);
  // Every cell of an outcome coded missing by the plan: never "valid" with 0/0 (all-coded-missing.ts).
  if (options.codedMissing !== false) checkAllCodedMissing(file, trial);
  if (need === 'rows') return;

  const counts = { intervention: 0, control: 0 };
  for (const p of trial.patients) counts[p.arm]++;
  const empty = (['intervention', 'control'] as const).filter((a) => counts[a] === 0);
  if (empty.length > 0) {
    const armCol = plan.columns.arm;
    const g = groupWording(plan);
    const problems: Problem[] = empty.map((a) => ({
      file,
      field: plan.armSource === 'redcap-event' ? plan.columns.time : armCol,
      value: plan.arms[a],
      expected: `rows of the ${g.described[a]} ${g.unit}: ${plan.armSource === 'redcap-event' ? `no event name in column "${plan.columns.time}" is in REDCap arm "${plan.arms[a]}"` : `no row has "${plan.arms[a]}" in column "${armCol}"`} (found ${counts.intervention} ${g.role.intervention} and ${counts.control} ${g.role.control} patients); check the plan's "${g.planField}" or the export`,
    }));
    throw new HtaError('input.invalid', `${file} has no patients in the ${empty.map((a) => g.role[a]).join(' or ')} ${g.unit}; a comparison needs both`, problems);
  }

  // No row at any follow-up visit: say how visits are named (follow-up.ts); rows there but no
  // score in them: say which visits the rows are at.
  const noVisit = missingFollowUp(trial);
  if (noVisit) throw new HtaError('input.invalid', noVisit);
  const followUp = new Set(plan.timepoints);
  const { rows } = trial;
  const followUpIdx = trial.times.map((t) => followUp.has(t));
  const scoreCols = Object.values(rows.scores);
  let observed = false;
  for (let i = 0; i < rows.length && !observed; i++) if (followUpIdx[rows.time[i]!]) observed = scoreCols.some((col) => !Number.isNaN(col[i]!));
  if (!observed) {
    // Rows are at a follow-up visit (missingFollowUp said so above), so the visits are named
    // right: their scores are empty, coded missing or were left out — never a "timeLabels" matter.
    const atFollowUp = timesInRows(trial).filter((t) => followUp.has(t));
    const columns = new Set(trial.sources.flatMap((s) => s.columns));
    const coded = trial.recoded.filter((r) => r.to === null && columns.has(r.column)).reduce((sum, r) => sum + r.count, 0);
    const why = [
      'empty',
      ...(coded ? [`a missing-value code of the plan (${coded} outcome cell${coded === 1 ? '' : 's'} read so: check the plan's "missingCodes")`] : []),
    ];
    const excluded = trial.excluded?.rows ? `; --exclude-invalid left out ${trial.excluded.rows} row${trial.excluded.rows === 1 ? '' : 's'} with problems, where the follow-up scores may be (\`hta validate\` lists them)` : '';
    throw new HtaError('input.invalid', `${file} has no follow-up data: no outcome score at any follow-up visit of the plan (${plan.timepoints.join(', ')})`, [
      {
        file,
        field: plan.columns.time,
        expected: `scores at a follow-up visit; the rows at ${atFollowUp.join(', ')} hold none: each outcome cell there is ${why.join(' or ')}${excluded}`,
      },
    ]);
  }

  checkEnrolment(trial, planFile);
}

/**
 * One covariate value after the plan's codes (so `-9` coded missing never reaches here): text that
 * is meant as a number but is not a finite one, or a number outside the covariate's plausible
 * range. Called by the trial loader per cell, so the problem carries its line and column and
 * `--exclude-invalid` can leave the row out.
 */
export function covariateValueProblem(plan: Pick<Plan, 'covariateRanges'>, name: string, value: string | number, decimalComma: boolean, mixed?: MixedLocale): { expected: string; kind: string; hint?: string } | undefined {
  const range = covariateRange(plan, name);
  const n = typeof value === 'number' ? value : parseNumber(value, decimalComma);
  if (n === undefined) {
    const text = String(value);
    if (NON_FINITE.test(text) || NUMBER_LIKE.test(decimalComma ? text.replace(',', '.') : text)) return { expected: 'a finite number (or leave the cell empty when unknown)', kind: 'covariate.non-finite' };
    // Never a category of its own: a failed formula, or "no value" the plan does not list.
    if (isExcelError(text)) return { expected: 'a value of the covariate (a number or a category)', kind: 'covariate.excel-error' };
    // `45%`: one category per percentage otherwise.
    if (isPercentCell(text)) return { expected: `a number without the % sign (${text.replace(/\s*%$/, '')}, not ${text}): format the column as a plain number in the spreadsheet and export again`, kind: 'covariate.percent' };
    // `48 år`: the number with its unit, said with the unit to strip (io/number-unit.ts).
    // `'45` (Excel's text apostrophe), `31,000.00` among decimal commas: said for what they are.
    const other = otherMarkHint(text, decimalComma, false, mixed);
    if (range && other) return { expected: `a number from ${range.min} to ${range.max}${other.expects}`, kind: `covariate.range.${name}:${other.reason}`, hint: other.hint };
    // `03-jun`: a date Excel made of a typed `3-6` (io/excel-date-text.ts).
    if (range && isExcelDateText(text)) return { expected: `a number from ${range.min} to ${range.max}`, kind: `covariate.range.${name}:excel-date`, hint: EXCEL_DATE_HINT };
    const unit = numberWithUnit(text, decimalComma);
    if (range && unit) return { expected: `a number from ${range.min} to ${range.max}, without a unit`, kind: `covariate.range.${name}:unit:${unit.unit}`, hint: unitHint(unit.unit) };
    return range ? { expected: `a number from ${range.min} to ${range.max}`, kind: `covariate.range.${name}` } : undefined;
  }
  if (range && (n < range.min || n > range.max)) {
    return {
      expected: `a plausible ${name}: ${range.min} to ${range.max} (set "covariateRanges": { "${name}": { "min": …, "max": … } } in the plan if other values are right)`,
      kind: `covariate.range.${name}`,
    };
  }
  return undefined;
}
