/**
 * A yes/no outcome's (or responder definition's) p-value is Pearson's χ² without continuity
 * correction (R's `prop.test(correct = FALSE)`: docs/data-contracts.md#effect-rows), an
 * approximation that R's `prop.test` and `chisq.test` warn of ("Chi-squared approximation may be
 * incorrect") when an expected count of the 2×2 table is below 5. With 6 patients an arm, 0 of 6
 * against 4 of 6 gave p = 0.014 beside "Significant difference" with no hint, where Fisher's
 * exact test gives 0.061. Said as a warning of the results (stderr, results.json's `warnings`, the
 * report's warnings), naming the outcome and visit; the row's verdict reads the Newcombe interval,
 * not the p-value (docs/plan-trial.md#yesno-outcomes). A cluster-randomised trial's row (its p
 * from the cluster-robust t) is not χ², and is not said.
 */
import type { EffectRow } from './results-schema.js';

/** The expected count below which R warns that the χ² approximation may be incorrect. */
export const MIN_EXPECTED = 5;

/** The smallest expected count of the 2×2 table of `a` events of `n1` against `c` of `n2`: (smallest arm) × (fewer of events and non-events) / N. */
export function smallestExpected(a: number, n1: number, c: number, n2: number): number {
  const n = n1 + n2;
  const events = a + c;
  return (Math.min(n1, n2) * Math.min(events, n - events)) / n;
}

/** One warning per risk-difference row whose χ² p-value rests on an expected count below 5. */
export function smallExpectedWarnings(effects: readonly EffectRow[]): string[] {
  const out: string[] = [];
  for (const e of effects) {
    if (e.method !== 'risk-difference' || e.error || e.pValue === null || !e.risks || !e.ciMethod.startsWith('newcombe')) continue;
    const { eventsIntervention: a, eventsControl: c } = e.risks;
    const { intervention: n1, control: n2 } = e.n;
    const least = smallestExpected(a, n1, c, n2);
    if (!(least < MIN_EXPECTED)) continue;
    out.push(`${e.outcome} at ${e.time}: the χ² p-value rests on expected counts below ${MIN_EXPECTED} (the smallest is ${Number(least.toFixed(2))}; ${a} of ${n1} against ${c} of ${n2} with the event), where the chi-squared approximation may be incorrect, as R's prop.test warns — the row's verdict reads the Newcombe interval of the risk difference, not the p-value: read the interval, and check the p-value with an exact test (Fisher's, which hta does not compute)`);
  }
  return out;
}
