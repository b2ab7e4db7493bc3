/**
 * Small-count protection of the registry (observational) outputs: no count of 1 … threshold − 1
 * patients is printed or derivable by subtraction (docs/observational.md, "Small counts"; the
 * project's rule: docs/disclosure-control.md — one marker, nothing derived from a hidden count).
 *
 * Per analysis the counts and what a reader knows ties them:
 *   input_g   = analysed_g + notAnalysed_g          (g = exposed, unexposed; input is shared)
 *   Σ_g notAnalysed_g = missingConfounders + trimmed + lost   (lost: no baseline/follow-up)
 *   truncated ≤ analysed,  outside = outsideShare × analysed  (each ≤ analysed)
 * notAnalysed and lost are never printed but follow by subtraction, so they are cells too.
 *
 * The rule, small enough to check by hand (test/observational/small-counts.test.ts checks it
 * with an independent interval attack):
 *  1. A group analysed with fewer than threshold patients is not analysed (analyze-observational.ts
 *     refuses it); its counts are hidden, and so are the input counts.
 *  2. The input counts (both) are hidden when some analysis leaves 1 … threshold − 1 patients of a
 *     group unanalysed — that count is input − analysed, and analysed is printed everywhere
 *     (effect rows, tables, ratios), so the input is the count to hide. Nothing bounds a hidden
 *     input from above, so every count tied to it becomes unbounded.
 *  3. Missing-confounder and trimmed counts are hidden when small. When the input is shown, the
 *     reader knows missing + trimmed + lost; the hidden ones and `lost` then share that sum, so
 *     each lies in [0, sum of the unknown ones]. If that sum is below the protection level (the
 *     threshold), the other of the two is hidden too; if even all three are below it, their total
 *     is 1 … threshold − 1 and rule 2 has hidden the input already.
 *  4. Truncated weights and the count behind the share outside [0.05, 0.95] are hidden when small;
 *     each is only bounded by the analysed total (≥ 2 × threshold).
 * 10. The per-group flow (no outcome value, missing confounder, trimmed; each group's cells add
 *     up to its input − analysed, each kind's to its total) is shown only when the input, the
 *     analysed counts and both totals are, and none of its six cells is small; else all six
 *     are hidden. Hidden, each is bounded by its row's and its column's sums, which are 0 or at
 *     least threshold (rules 2 and 3), so none is pinned into 1 … threshold − 1.
 * 11. A responder's patients at a baseline of 0 under a percent rule (atZeroBaseline) are hidden
 *     per group when small, or when the group's analysed count is; each is bounded only by that count.
 * Zeros are published (as in the uptake outputs' default).
 */
import { SUPPRESSED, type Masked } from '../suppressed-marker.js';
import type { ObservationalAnalysis } from './observational-results-schema.js';


interface GroupCounts {
  exposed: number;
  unexposed: number;
}

const num = (v: Masked): number => (v === SUPPRESSED ? 0 : v);

export interface ProtectedCounts {
  input: { exposed: Masked; unexposed: Masked };
  analyses: ObservationalAnalysis[];
  /** Printed count cells hidden (input counts included). */
  suppressedCells: number;
}

/**
 * `analyses` as computed (every count a number); returns them with the hidden counts replaced by
 * the marker, and the input counts to print.
 */
export function protectSmallCounts(input: GroupCounts, analyses: readonly ObservationalAnalysis[], threshold: number): ProtectedCounts {
  const small = (v: number) => v > 0 && v < threshold;
  const groups = ['exposed', 'unexposed'] as const;
  // No sample (no overlap: patients null) analysed nobody: input − 0 is the input, rule 1's count.
  const analysed = (a: ObservationalAnalysis, g: 'exposed' | 'unexposed') => (a.patients ? num(a.patients[g]) : 0);
  // Rules 1 and 2.
  const hideInput =
    groups.some((g) => small(input[g])) ||
    analyses.some((a) => groups.some((g) => small(analysed(a, g)) || small(input[g] - analysed(a, g))));
  let suppressedCells = hideInput ? 2 : 0;
  const out = analyses.map((a): ObservationalAnalysis => {
    if (!a.patients || !a.excluded) return a;
    const hideAnalysed = groups.some((g) => small(analysed(a, g)));
    const missing = num(a.excluded.missingConfounders);
    const trimmed = num(a.excluded.trimmed);
    let hideMissing = small(missing);
    let hideTrimmed = small(trimmed);
    // Rule 3: with the input and the analysed counts shown, missing + trimmed + lost is known.
    if (!hideInput && !hideAnalysed) {
      const notAnalysed = groups.reduce((s, g) => s + input[g] - analysed(a, g), 0);
      const lost = notAnalysed - missing - trimmed;
      const unknownSum = () => lost + (hideMissing ? missing : 0) + (hideTrimmed ? trimmed : 0);
      if (hideMissing || hideTrimmed || small(lost)) {
        if (unknownSum() < threshold && !hideMissing && missing > 0) hideMissing = true;
        if (unknownSum() < threshold && !hideTrimmed && trimmed > 0) hideTrimmed = true;
      }
    }
    const hide = (h: boolean, v: Masked): Masked => {
      if (!h) return v;
      suppressedCells++;
      return SUPPRESSED;
    };
    const patients = { exposed: hide(hideAnalysed, a.patients.exposed), unexposed: hide(hideAnalysed, a.patients.unexposed) };
    // With the analysed counts hidden the input is hidden too (rule 1), so nothing bounds these.
    const excluded = { missingConfounders: hide(hideMissing, a.excluded.missingConfounders), trimmed: hide(hideTrimmed, a.excluded.trimmed) };
    // Rule 4.
    const total = groups.reduce((s, g) => s + analysed(a, g), 0);
    const propensity = a.propensity && typeof a.propensity.outsideShare === 'number' && small(Math.round(a.propensity.outsideShare * total)) ? { ...a.propensity, outsideShare: hide(true, a.propensity.outsideShare) } : a.propensity;
    const weights = a.weights && small(num(a.weights.truncated)) ? { ...a.weights, truncated: hide(true, a.weights.truncated) } : a.weights;
    // Rule 10: the per-group flow is shown whole or not at all. Its cells add up to the group's
    // unanalysed (input − analysed) and, across the groups, to the missing and trimmed totals:
    // with a total hidden, or one cell small, every cell is the marker.
    const flowCells = a.flow ? groups.flatMap((g) => [a.flow![g].withoutOutcome, a.flow![g].missingConfounders, a.flow![g].trimmed].map(num)) : [];
    const hideFlow = a.flow ? hideInput || hideAnalysed || hideMissing || hideTrimmed || flowCells.some(small) : false;
    const hiddenFlow = { withoutOutcome: SUPPRESSED, missingConfounders: SUPPRESSED, trimmed: SUPPRESSED };
    if (hideFlow) suppressedCells += flowCells.length;
    const flow = hideFlow ? { exposed: hiddenFlow, unexposed: hiddenFlow } : a.flow;
    // Rule 11: a responder's patients at a baseline of 0 (percent rule) per group, hidden when small;
    // each is only bounded by its group's analysed count, and with that hidden they are too.
    const zero = a.atZeroBaseline ? { atZeroBaseline: { exposed: hide(hideAnalysed || small(num(a.atZeroBaseline.exposed)), a.atZeroBaseline.exposed), unexposed: hide(hideAnalysed || small(num(a.atZeroBaseline.unexposed)), a.atZeroBaseline.unexposed) } } : {};
    return { ...a, patients, excluded, ...(a.flow !== undefined ? { flow } : {}), ...zero, propensity, weights };
  });
  return { input: hideInput ? { exposed: SUPPRESSED, unexposed: SUPPRESSED } : input, analyses: out, suppressedCells };
}
