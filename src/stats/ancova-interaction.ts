/**
 * Test for interaction between arm and a categorical subgroup in the ANCOVA model: does the
 * adjusted arm effect differ between the subgroup's levels?
 *
 *   m0: y = β₀ + β_arm·arm + Σ_l γ_l·[sg = l] + β_base·baseline + Σ βₖ·zₖ + ε
 *   m1: m0 + Σ_l δ_l·arm·[sg = l]           (l = every level but the first, the reference)
 *   F test of m0 against m1 with (k − 1, n − p₁) df
 *
 * = R `anova(lm(y ~ arm + sg + baseline + covs), lm(y ~ arm * sg + baseline + covs))` with `sg`
 * a factor whose first level is the reference (test/reference/subgroups.R). Numeric columns are
 * centred first (as in `ancova`), which changes no residual sum of squares.
 * Preconditions: ≥ 2 levels, each with patients in both arms (else a level's arm × level
 * column is zero or duplicates its level column, and R would drop it silently); full rank;
 * otherwise `HtaError('analysis.failed')` with a message naming the level.
 */
import { type AncovaCovariate, covariateColumns } from './ancova.js';
import { analysisFailed } from './arm-size.js';
import { type NestedFTest, nestedFTest } from './nested-f-test.js';
import { sampleMean } from './sample-moments.js';

export interface AncovaInteractionInput {
  outcome: readonly number[];
  baseline: readonly number[];
  /** 1 = intervention, 0 = control. */
  treated: readonly number[];
  /** Level index per patient: 0 … levels.length − 1 (0 is the reference). */
  level: readonly number[];
  levels: readonly string[];
  covariates?: readonly AncovaCovariate[];
}

export function ancovaInteraction(input: AncovaInteractionInput): NestedFTest {
  const { outcome, baseline, treated, level, levels } = input;
  const n = outcome.length;
  if (levels.length < 2) throw analysisFailed(`the test for interaction needs at least 2 levels with patients (found ${levels.length})`);
  const oneArm = levels.flatMap((name, l) => {
    const ni = level.filter((x, i) => x === l && treated[i] === 1).length;
    const nc = level.filter((x, i) => x === l && treated[i] === 0).length;
    return ni === 0 || nc === 0 ? [`'${name}' (intervention ${ni}, control ${nc})`] : [];
  });
  if (oneArm.length) throw analysisFailed(`${oneArm.length === 1 ? 'level' : 'levels'} ${oneArm.join(' and ')} ${oneArm.length === 1 ? 'has' : 'have'} patients in one arm only, so the effect there cannot be compared with the other levels`);
  const refs: Record<string, string> = {};
  const numeric: { name: string; values: number[]; centre: boolean }[] = [
    { name: 'baseline', values: [...baseline], centre: true },
    ...(input.covariates ?? []).flatMap((c) => covariateColumns(c, n, refs)),
  ];
  const centred = numeric.map((c) => {
    const m = c.centre ? sampleMean(c.values) : 0;
    return { name: c.name, values: c.values.map((v) => v - m) };
  });
  const dummies = levels.slice(1).map((name, j) => ({ name: `sg${name}`, values: level.map((x) => (x === j + 1 ? 1 : 0)) }));
  const interactions = dummies.map((d) => ({ name: `arm:${d.name}`, values: d.values.map((v, i) => v * (treated[i] as number)) }));
  const smallCols = [{ name: 'arm', values: [...treated] }, ...dummies, ...centred];
  const largeCols = [...smallCols, ...interactions];
  const design = (cols: { name: string; values: readonly number[] }[]) => ({
    X: outcome.map((_, i) => [1, ...cols.map((c) => c.values[i] as number)]),
    names: ['(Intercept)', ...cols.map((c) => c.name)],
  });
  const yMean = sampleMean(outcome);
  return nestedFTest(design(smallCols), design(largeCols), outcome.map((v) => v - yMean));
}
