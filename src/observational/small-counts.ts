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
 * 12. Between analyses, per group: register outcomes' analysed sets are usually nested (windows
 *     censored by death at different days; an outcome without missing values is the whole export),
 *     so two printed analysed counts of a group that differ by 1 … threshold − 1 give that many
 *     patients (257 − 254 = 3 deaths), and one equal to a hidden export count prints it. So, per
 *     group: (a) when the group's own export count is hidden for a small gap (rule 2), every
 *     analysed count equal to it is hidden; (b) of the other values, the fewest analyses' counts are
 *     hidden (printedValues) that leave no two printed values 1 … threshold − 1 apart. A value is
 *     hidden in every analysis that has it, so no hidden count is printed elsewhere. With it go
 *     the analysis's flow (rule 10), the group's effective sample size (under ATT the users' is
 *     their count), a share outside [0.05, 0.95] above 0 (k/N at full precision gives N) and the effect
 *     rows' n; the estimates stay.
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
  // Rule 12: per group, the analysed counts hidden for a difference between analyses.
  const between = Object.fromEntries(
    groups.map((g) => {
      const values = analyses.filter((a) => a.patients && !groups.some((h) => small(analysed(a, h)))).map((a) => analysed(a, g));
      // (a) The group's own export count is hidden for a gap of 1 … threshold − 1: a count equal to it would print it.
      const ownGap = small(input[g]) || analyses.some((a) => a.patients && small(input[g] - analysed(a, g)));
      const hidden = new Set(ownGap ? [input[g]] : []);
      const shown = printedValues(values.filter((v) => !hidden.has(v)), threshold);
      for (const v of values) if (!shown.has(v)) hidden.add(v);
      return [g, hidden];
    }),
  ) as Record<'exposed' | 'unexposed', Set<number>>;
  const out = analyses.map((a): ObservationalAnalysis => {
    if (!a.patients || !a.excluded) return a;
    const hideAnalysed = groups.some((g) => small(analysed(a, g)));
    const hideGroup = { exposed: hideAnalysed || between.exposed.has(analysed(a, 'exposed')), unexposed: hideAnalysed || between.unexposed.has(analysed(a, 'unexposed')) };
    const anyGroupHidden = hideGroup.exposed || hideGroup.unexposed;
    const missing = num(a.excluded.missingConfounders);
    const trimmed = num(a.excluded.trimmed);
    let hideMissing = small(missing);
    let hideTrimmed = small(trimmed);
    // Rule 3: with the input and the analysed counts shown, missing + trimmed + lost is known.
    if (!hideInput && !anyGroupHidden) {
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
    const patients = { exposed: hide(hideGroup.exposed, a.patients.exposed), unexposed: hide(hideGroup.unexposed, a.patients.unexposed) };
    // With the analysed counts hidden the input is hidden too (rule 1), so nothing bounds these.
    const excluded = { missingConfounders: hide(hideMissing, a.excluded.missingConfounders), trimmed: hide(hideTrimmed, a.excluded.trimmed) };
    // Rule 4.
    const total = groups.reduce((s, g) => s + analysed(a, g), 0);
    let propensity = a.propensity && typeof a.propensity.outsideShare === 'number' && small(Math.round(a.propensity.outsideShare * total)) ? { ...a.propensity, outsideShare: hide(true, a.propensity.outsideShare) } : a.propensity;
    let weights = a.weights && small(num(a.weights.truncated)) ? { ...a.weights, truncated: hide(true, a.weights.truncated) } : a.weights;
    // Rule 12: what gives a hidden analysed count back — the share's denominator, the group's
    // effective sample size (the users' count itself under ATT), the effect rows' n. Values, not counts: not tallied.
    let effects = a.effects;
    if (anyGroupHidden && !hideAnalysed) {
      // A share of 0 has no denominator to give.
      if (propensity && propensity.outsideShare !== SUPPRESSED && propensity.outsideShare > 0) propensity = { ...propensity, outsideShare: SUPPRESSED };
      if (weights) weights = { ...weights, effectiveSampleSize: { exposed: hideGroup.exposed ? SUPPRESSED : weights.effectiveSampleSize.exposed, unexposed: hideGroup.unexposed ? SUPPRESSED : weights.effectiveSampleSize.unexposed } };
      effects = a.effects.map((e) => ({ ...e, n: { intervention: hideGroup.exposed ? SUPPRESSED : e.n.intervention, control: hideGroup.unexposed ? SUPPRESSED : e.n.control } }));
    }
    // Rule 10: the per-group flow is shown whole or not at all. Its cells add up to the group's
    // unanalysed (input − analysed) and, across the groups, to the missing and trimmed totals:
    // with a total hidden, or one cell small, every cell is the marker.
    // The patients an excluded row cost (excludedRow, of withoutOutcome) are a cell too, and so is
    // what they leave of withoutOutcome (the patients with no value at all), which they make derivable.
    const lostCells = a.flow ? groups.flatMap((g) => { const f = a.flow![g]; return f.excludedRow === undefined ? [] : [num(f.excludedRow), num(f.withoutOutcome) - num(f.excludedRow)]; }) : [];
    const flowCells = a.flow ? groups.flatMap((g) => [a.flow![g].withoutOutcome, ...(a.flow![g].excludedRow === undefined ? [] : [a.flow![g].excludedRow!]), a.flow![g].missingConfounders, a.flow![g].trimmed].map(num)) : [];
    const hideFlow = a.flow ? hideInput || anyGroupHidden || hideMissing || hideTrimmed || flowCells.some(small) || lostCells.some(small) : false;
    const hiddenFlow = { withoutOutcome: SUPPRESSED, ...(a.flow?.exposed.excludedRow !== undefined ? { excludedRow: SUPPRESSED } : {}), missingConfounders: SUPPRESSED, trimmed: SUPPRESSED };
    if (hideFlow) suppressedCells += flowCells.length;
    const flow = hideFlow ? { exposed: hiddenFlow, unexposed: hiddenFlow } : a.flow;
    // Rule 11: a responder's patients at a baseline of 0 (percent rule) per group, hidden when small;
    // each is only bounded by its group's analysed count, and with that hidden they are too.
    const zero = a.atZeroBaseline ? { atZeroBaseline: { exposed: hide(hideGroup.exposed || small(num(a.atZeroBaseline.exposed)), a.atZeroBaseline.exposed), unexposed: hide(hideGroup.unexposed || small(num(a.atZeroBaseline.unexposed)), a.atZeroBaseline.unexposed) } } : {};
    return { ...a, patients, excluded, ...(a.flow !== undefined ? { flow } : {}), ...zero, propensity, weights, effects };
  });
  return { input: hideInput ? { exposed: SUPPRESSED, unexposed: SUPPRESSED } : input, analyses: out, suppressedCells };
}

/**
 * Rule 12 (b): which of a group's analysed counts (one per analysis, repeats counted) to print so
 * that no two printed values are 1 … threshold − 1 apart, printing as many analyses' counts as
 * possible. Sorted, this is weighted interval scheduling: best[i] = max(best[i − 1], w_i +
 * best[last value at least threshold below v_i]). On a tie the larger value is printed (the
 * later one), so the choice does not depend on the analyses' order.
 */
export function printedValues(values: readonly number[], threshold: number): Set<number> {
  const weight = new Map<number, number>();
  for (const v of values) weight.set(v, (weight.get(v) ?? 0) + 1);
  const v = [...weight.keys()].sort((x, y) => x - y);
  // best[i]: the most analyses printed among the i smallest values; take[i]: whether v[i − 1] is printed there.
  const best = [0];
  const take = [false];
  const before: number[] = [0];
  for (let i = 1; i <= v.length; i++) {
    let j = i - 1;
    while (j > 0 && v[i - 1]! - v[j - 1]! < threshold) j--;
    before.push(j);
    const withIt = weight.get(v[i - 1]!)! + best[j]!;
    take.push(withIt >= best[i - 1]!);
    best.push(Math.max(withIt, best[i - 1]!));
  }
  const shown = new Set<number>();
  for (let i = v.length; i > 0; ) {
    if (take[i]) {
      shown.add(v[i - 1]!);
      i = before[i]!;
    } else i--;
  }
  return shown;
}
