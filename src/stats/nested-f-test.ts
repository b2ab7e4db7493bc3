/**
 * F test of a linear model against a larger model that contains it (nested OLS fits).
 *
 *   F = ((RSS₀ − RSS₁) / (p₁ − p₀)) / (RSS₁ / (n − p₁)),  df = (p₁ − p₀, n − p₁),
 *   p = P(F_{df1, df2} > F)
 *
 * = R `anova(lm(y ~ X0 - 1), lm(y ~ X1 - 1))` (columns F, Df, Res.Df of the second row, Pr(>F)).
 * Used for the test of interaction between arm and a subgroup (docs/subgroups.md): X0 has
 * arm + subgroup + baseline + covariates, X1 adds the arm × subgroup columns.
 * Preconditions: as `ols` for each design (full column rank, n > p); X1 must contain X0's
 * columns and at least one more. Otherwise `HtaError('analysis.failed')`.
 */
import { analysisFailed } from './arm-size.js';
import { fUpper } from './distributions.js';
import { ols } from './ols.js';

export interface NestedFTest {
  method: 'F (nested linear models)';
  statistic: number;
  df1: number;
  df2: number;
  pValue: number;
  rssSmall: number;
  rssLarge: number;
}

export function nestedFTest(
  small: { X: readonly (readonly number[])[]; names: readonly string[] },
  large: { X: readonly (readonly number[])[]; names: readonly string[] },
  y: readonly number[],
): NestedFTest {
  const p0 = small.names.length;
  const p1 = large.names.length;
  if (p1 <= p0) throw analysisFailed(`the larger model has ${p1} coefficients, not more than the smaller one's ${p0}`);
  const f0 = ols(small.X, y, small.names);
  const f1 = ols(large.X, y, large.names);
  const df1 = p1 - p0;
  const df2 = f1.df;
  // Clamp at 0: with no improvement the difference can be a rounding error below zero.
  const statistic = Math.max(0, (f0.residualSumOfSquares - f1.residualSumOfSquares) / df1) / (f1.residualSumOfSquares / df2);
  return { method: 'F (nested linear models)', statistic, df1, df2, pValue: fUpper(statistic, df1, df2), rssSmall: f0.residualSumOfSquares, rssLarge: f1.residualSumOfSquares };
}
