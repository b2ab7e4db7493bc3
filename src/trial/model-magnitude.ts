/**
 * A number too large for the models to fit (docs/input-trial-export.md#numbers-too-large-to-fit):
 * a covariate's or an auxiliary variable's value beyond ±1e150. The multiple imputation (and with
 * it the sensitivity table every analysis has) fits least squares on these columns, falling back
 * to mice's ridge on XᵀX when a column is out of scale with the others; a square beyond 1e308 is
 * no double, and the fit ended in an internal error, not a problem of the cell. R's
 * `mice(method = "pmm")` stops on such a column too ("system is computationally singular").
 * Below the bound, n · x² stays finite for any export size hta reads.
 */
import { parseNumber } from '../io/parse-number.js';

export const MAX_MODEL_MAGNITUDE = 1e150;

/** The problem of a cell (after the plan's codes) whose number is beyond ±MAX_MODEL_MAGNITUDE, if it is. */
export function modelMagnitudeProblem(value: string | number, decimalComma: boolean, role: 'covariate' | 'auxiliary'): { expected: string; kind: string } | undefined {
  const n = typeof value === 'number' ? value : parseNumber(value, decimalComma);
  if (n === undefined || !(Math.abs(n) > MAX_MODEL_MAGNITUDE)) return undefined;
  const where = role === 'covariate' ? 'the ANCOVA and the multiple imputation' : 'the multiple imputation ("missing": { "auxiliary" })';
  return {
    expected: `a number from -1e150 to 1e150: ${where} fit this column by least squares, and the square of a number this large is beyond what a double holds — check the cell (an exponent or a unit written wrong?), or code it missing`,
    kind: `${role}.too-large`,
  };
}
