/**
 * A funnel limit as printed: 3 significant digits, what a chart needs. (Hiding the limits with
 * the overall rate is the protection; at 16 digits a limit gave θ = A/R exactly.)
 *
 * A module of its own, without the suppression's linear programs: the report pages (main thread)
 * need the rounding, and importing `suppression.ts` for it instantiated the HiGHS WebAssembly
 * there (~60 ms), where no LP is ever solved (docs/architecture.md#the-cost-of-a-cold-regeneration).
 */
export const chartPrecision = (v: number): number => Number(v.toPrecision(3));
