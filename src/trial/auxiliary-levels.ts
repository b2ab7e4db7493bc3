/**
 * A categorical auxiliary variable of the multiple imputation must be one it can use
 * (docs/plan-trial.md#multiple-imputation): 2 to MAX_IMPUTED_LEVELS levels among the patients
 * read — one level is no column of the imputation model, more could not be imputed (multinomial
 * regression). Checked once when the export is read, so that a column of the wrong kind (an id, a
 * visit label) is the export's problem, said with file and column, and not a failure of every
 * MI row of every outcome and visit.
 */
import type { Problem } from '../errors.js';
import { MAX_IMPUTED_LEVELS } from './outcome-wide.js';

export function auxiliaryLevelProblems(file: string, columns: readonly { column: string; index: number; values: readonly (string | number | null)[] }[]): Problem[] {
  const problems: Problem[] = [];
  for (const { column, index, values } of columns) {
    if (!values.some((v) => typeof v === 'string')) continue;
    const levels = [...new Set(values.filter((v) => v !== null).map(String))];
    if (levels.length >= 2 && levels.length <= MAX_IMPUTED_LEVELS) continue;
    const what = levels.length < 2 ? `it has one level ('${levels[0] ?? ''}') for every patient` : `it has ${levels.length} levels`;
    problems.push({
      file,
      line: 1,
      ...(index >= 0 ? { column: index + 1 } : {}),
      field: column,
      value: column,
      expected: `an auxiliary variable of the multiple imputation ("missing": { "auxiliary" }) that is numeric or has 2 to ${MAX_IMPUTED_LEVELS} levels: ${what}; drop it from "auxiliary" (an id or a visit column is no auxiliary variable)`,
      kind: 'auxiliary.levels',
    });
  }
  return problems;
}
