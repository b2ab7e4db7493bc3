/**
 * A number too far out of scale for the models to fit (docs/input-trial-export.md#numbers-too-large-to-fit):
 * a covariate's or an auxiliary variable's value beyond ±1e8. The multiple imputation (and with
 * it the sensitivity table every analysis has) fits least squares on these columns beside an
 * intercept of 1, so a column of such numbers makes XᵀX too ill-conditioned for a double (its
 * condition grows with the square of the scale): from about 1e8 the fit silently gave other
 * imputations than the same data in a smaller unit, then mice's ridge fallback a third set, and
 * one such cell in a column of small numbers made the MI ANCOVA "collinear"; beyond 1e154 the
 * square overflowed into an internal error. R's `mice(method = "pmm")` stops from the same point
 * ("system is computationally singular": a column scaled by 5e7 imputes as unscaled, by 1e8 it
 * stops), so hta refuses the cell there, where the numbers are still right below it.
 */
import { parseNumber } from '../io/parse-number.js';

export const MAX_MODEL_MAGNITUDE = 1e8;

/** The problem of a cell (after the plan's codes) whose number is beyond ±MAX_MODEL_MAGNITUDE, if it is. */
export function modelMagnitudeProblem(value: string | number, decimalComma: boolean, role: 'covariate' | 'auxiliary'): { expected: string; kind: string } | undefined {
  const n = typeof value === 'number' ? value : parseNumber(value, decimalComma);
  if (n === undefined || !(Math.abs(n) > MAX_MODEL_MAGNITUDE)) return undefined;
  const where = role === 'covariate' ? 'the ANCOVA and the multiple imputation' : 'the multiple imputation ("missing": { "auxiliary" })';
  return {
    expected: `a number from -1e8 to 1e8: ${where} fit this column by least squares beside an intercept of 1, and beyond about 1e8 a double cannot hold the fit (R's mice stops too: "system is computationally singular") — check the cell (an exponent or a unit written wrong?), give the column in a larger unit (thousands, years for days), or code it missing`,
    kind: `${role}.too-large`,
  };
}
