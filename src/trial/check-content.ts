/**
 * Checks that a trial export which parsed cleanly also holds something to analyse, and that its
 * values are plausible — so the user hears "no control patients in trial.csv" instead of an
 * error from deep inside a statistical method. Runs after `loadTrial`:
 *
 * - a header with no data rows; an arm with no patients; no score at any follow-up visit;
 * - a plan asking for MMRM with fewer than two follow-up visits (a plan error);
 * - covariates: numbers that are not finite ("Infinity", "NaN", 1e999) in a numeric column, and
 *   values outside a plausible range: `age`/`alder` 0–120 unless the plan's `covariateRanges`
 *   says otherwise. Ranges and reasons: docs/limits.md.
 */
import { HtaError, type Problem } from '../errors.js';
import type { CsvTable } from '../io/read-csv.js';
import { parseNumber } from '../io/parse-number.js';
import type { Plan } from '../plan/plan-schema.js';
import type { TrialData } from './trial-data.js';

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
  return plan.covariateRanges?.[name] ?? DEFAULT_COVARIATE_RANGES[name.toLowerCase()];
}

/** Text that is meant as a number but is not a finite one: "Infinity", "-inf", "NaN", "1e999". */
const NON_FINITE = /^[+-]?(inf|infinity|nan)$/i;
const NUMBER_LIKE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function checkTrialContent(csv: CsvTable, trial: TrialData, need: ContentNeed, planFile?: string): void {
  const file = csv.file;
  const plan = trial.plan;
  if (csv.records.length === 0) {
    throw new HtaError('input.invalid', `${file} has a header but no data rows`, [
      { file, line: 2, expected: 'one row per patient (and visit) after the header line; the file has only the header' },
    ]);
  }
  checkCovariates(csv, plan);
  if (need === 'rows') return;

  const counts = { intervention: 0, control: 0 };
  for (const p of trial.patients) counts[p.arm]++;
  const empty = (['intervention', 'control'] as const).filter((a) => counts[a] === 0);
  if (empty.length > 0) {
    const armCol = plan.columns.arm;
    const problems: Problem[] = empty.map((a) => ({
      file,
      field: armCol,
      value: plan.arms[a],
      expected: `rows of the ${a} arm: no row has "${plan.arms[a]}" in column "${armCol}" (found ${counts.intervention} intervention and ${counts.control} control patients); check the plan's "arms" or the export`,
    }));
    throw new HtaError('input.invalid', `${file} has no patients in the ${empty.join(' or ')} arm; a comparison needs both`, problems);
  }

  const followUp = new Set(plan.timepoints);
  const observed = trial.observations.some((o) => followUp.has(o.time) && Object.values(o.scores).some((v) => v !== null));
  if (!observed) {
    const times = [...new Set(trial.observations.map((o) => o.time))];
    throw new HtaError('input.invalid', `${file} has no follow-up data: no outcome score at any follow-up visit of the plan (${plan.timepoints.join(', ')})`, [
      {
        file,
        field: plan.columns.time,
        expected: `scores at a follow-up visit; the rows found are at ${times.length ? times.join(', ') : 'no visit'} only (map other labels with the plan's "timeLabels")`,
      },
    ]);
  }

  if (plan.methods.includes('mmrm') && plan.timepoints.length < 2) {
    throw new HtaError('plan.invalid', `${planFile ?? 'the plan'}: "methods" asks for "mmrm", which models at least 2 follow-up visits; "timepoints" has ${plan.timepoints.length} (${plan.timepoints.join(', ')})`, [
      { file: planFile ?? '<plan>', field: 'methods', value: 'mmrm', expected: 'at least 2 follow-up "timepoints" for MMRM, or remove "mmrm" from "methods"' },
    ]);
  }
}

/** Covariate cells: finite numbers in numeric columns, within the plausible range. */
function checkCovariates(csv: CsvTable, plan: Plan): void {
  const file = csv.file;
  const problems: Problem[] = [];
  const cols = plan.covariates.map((name) => ({ name, idx: csv.header.indexOf(name), range: covariateRange(plan, name) })).filter((c) => c.idx >= 0);
  if (cols.length === 0) return;
  for (const rec of csv.records) {
    const cells = rec.cells;
    for (const c of cols) {
      const v = cells[c.idx] ?? null;
      if (v === null) continue;
      const n = parseNumber(v, csv.dialect.decimalComma);
      const at = { file, line: rec.line, column: c.idx + 1, field: c.name, value: v };
      if (n === undefined) {
        if (NON_FINITE.test(v) || NUMBER_LIKE.test(csv.dialect.decimalComma ? v.replace(',', '.') : v)) problems.push({ ...at, expected: 'a finite number (or leave the cell empty when unknown)', kind: 'covariate.non-finite' });
        else if (c.range) problems.push({ ...at, expected: `a number from ${c.range.min} to ${c.range.max}`, kind: `covariate.range.${c.name}` });
        continue;
      }
      if (c.range && (n < c.range.min || n > c.range.max)) {
        problems.push({
          ...at,
          expected: `a plausible ${c.name}: ${c.range.min} to ${c.range.max} (set "covariateRanges": { "${c.name}": { "min": …, "max": … } } in the plan if other values are right)`,
          kind: `covariate.range.${c.name}`,
        });
      }
    }
  }
  if (problems.length > 0) throw new HtaError('input.invalid', `${file} has ${problems.length} implausible covariate value(s); nothing was written`, problems);
}
